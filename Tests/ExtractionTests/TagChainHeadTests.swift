import Testing
@testable import Extraction

/// ``TagChain`` reads `meta` and `link` start tags in `head`, and the white space between tags in
/// `html` and `head` (``TagChain/blankLength(_:_:)``): the tree must stay exactly libxml2's own.
@Suite("Parse stage: the tag chain in head")
struct TagChainHeadTests {
    @discardableResult
    /// Parses `html` with the shortcuts, expects libxml2's tree and no re-parse; returns the report.
    func check(_ html: String, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> HTMLParser.ShortcutReport {
        let report = try ParseTreeOracle.expectSameTree(html, label, sourceLocation: sourceLocation)
        #expect(!report.reparsed, "\(label): re-parsed", sourceLocation: sourceLocation)
        return report
    }

    @Test("White space before a tag is taken; other text, a long run or one before `&` is not")
    func blanks() {
        func length(_ s: String) -> Int? {
            let bytes = Array(s.utf8)
            return bytes.withUnsafeBufferPointer { TagChain.blankLength($0.baseAddress!, $0.count) }
        }
        #expect(length("\n  \t\r\n<meta>") == 6)
        #expect(length("\n x<meta>") == nil)
        #expect(length("\n &amp;") == nil)
        #expect(length("\u{C}<meta>") == nil)              // form feed is not a blank to libxml2
        #expect(length("\n   ") == nil)                     // runs to the end of the input
        #expect(length(String(repeating: " ", count: 999) + "<a>") == 999)
        #expect(length(String(repeating: " ", count: 1000) + "<a>") == nil)
    }

    @Test("A head of meta and link tags between white space is read by the chain and gives libxml2's tree")
    func typicalHead() throws {
        let head = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>A title</title>
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <meta property="og:title" content="A &amp; B">
              <link rel="stylesheet" href="/a.css">
              <link rel="preload" as="font" href="/f.woff2" crossorigin>
              <!-- a comment -->
              <meta name="description" content="d"/>
              <script src="/a.js"></script>
              <meta name="twitter:card" content="summary">
            </head>
            <body>
              <p>x</p>
            </body>
            </html>
            """
        let report = try check(head, "typical head")
        #expect(report.startTags >= 5)
    }

    @Test("Heads with text, long white space, misplaced and implied elements give libxml2's tree")
    func awkwardHeads() throws {
        let spaces = String(repeating: " ", count: 1200)
        let cases = [
            "<html><head><meta name=\"a\" content=\"b\">text<meta name=\"c\" content=\"d\"></head><body>x</body></html>",
            "<html><head><meta name=\"a\" content=\"b\">\(spaces)<meta name=\"c\" content=\"d\"></head><body>x</body></html>",
            "<html><head><meta name=\"a\" content=\"b\"> &amp; <link href=\"x\"></head><body>x</body></html>",
            "<html><head><meta name=\"a\" content=\"b\"><div>x</div><meta name=\"c\"></head><body>y</body></html>",
            "<html><head><meta name=\"a\"><p>x</p><link href=\"y\"></head></html>",
            "<html><head><link href=\"a\"><noscript><link href=\"b\"><img src=\"c\"></noscript><meta name=\"d\"></head><body>e</body></html>",
            "<html> <meta name=\"a\"> <link href=\"b\"> <body> x </body> </html>",
            "<meta name=\"a\"> <link href=\"b\"> <p>x</p>",
            "<html><head>\n<meta name=\"a\">\n</head>\n<body>\n<p>x</p>\n</body>\n</html>\n",
            "<html><head><meta name=\"a\" name=\"b\"><meta name=a><META NAME=\"C\"/><link/></head><body>x</body></html>",
            "<html><head><title>t</title>\n<meta name=\"a\">\n<style>p{}</style>\n<link href=\"b\">\n</head><body>x</body></html>",
            "<html><head><meta name=\"a\"><head><meta name=\"b\"></head><body><meta name=\"c\"> x</body></html>",
            "<html><head><meta name=\"a\"><frameset><frame src=\"x\"></frameset></head></html>",
            "<html><head><meta name=\"a\"></head> \n <body>x</body> \n </html> \n",
            "<html><head><meta name=\"a\"><base href=\"/\"><meta name=\"b\"></head><body>x</body></html>",
            "<html><head><span class=\"a\">x</span><meta name=\"b\"></head><body>y</body></html>",
            "<html><head><meta name=\"a\"><b>x</b>text<i>y</i></head></html>",
            "<html><head><meta name=\"a\"><a href=\"x\">l</a><link href=\"y\"><svg><path d=\"M0\"/></svg></head></html>",
            "<html><head><meta name=\"a\"><br><img src=\"x\"><input value=\"v\"><meta name=\"b\"></head></html>",
        ]
        for (i, html) in cases.enumerated() {
            try check(html, "case \(i)")
        }
    }
}
