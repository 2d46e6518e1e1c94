import Testing
@testable import Extraction

/// ``TagChain`` steps over comments itself (``TagChain/commentLength(_:_:)``): the tree must stay
/// exactly libxml2's own (see ``ParseTreeOracle``), comments must be taken where they are plain,
/// and anything libxml2 may read otherwise must be left to it.
@Suite("Parse stage: comments read by the tag chain")
struct TagChainCommentTests {
    /// Parses `html` with the shortcuts and compares with libxml2's tree; returns the report.
    @discardableResult
    func check(_ html: String, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> HTMLParser.ShortcutReport {
        try ParseTreeOracle.expectSameTree(html, label, sourceLocation: sourceLocation)
    }

    /// The comment's length as the chain reads it, or nil when it is left to libxml2.
    func length(_ comment: String) -> Int? {
        let bytes = Array(comment.utf8)
        return bytes.withUnsafeBufferPointer { TagChain.commentLength($0.baseAddress!, $0.count) }
    }

    @Test("A comment ends at the first `-->` after its opening `<!--`, dashes inside included")
    func commentEnds() {
        #expect(length("<!---->x") == 7)
        #expect(length("<!-- a -->x") == 10)
        #expect(length("<!-- a -- b -->x") == 15)
        #expect(length("<!-- a --->x") == 11)
        #expect(length("<!-- a > b -- > c -->x") == 21)
        #expect(length("<!--[if lt IE 9]><script src=\"x.js\"></script><![endif]-->x") == 57)
        #expect(length("<!-- ক্ষ 😀 é -->x") == "<!-- ক্ষ 😀 é -->".utf8.count)
        #expect(length("<!-- a\r\n\tb -->x") == 14)
    }

    @Test("Comments libxml2 versions read differently, or that do not end, are left to libxml2")
    func commentsLeftToLibxml2() {
        #expect(length("<!-->x") == nil)                   // closed abruptly (2.9.11 and later)
        #expect(length("<!--->x") == nil)
        #expect(length("<!-- a --!> b -->x") == nil)       // `--!>` ends it in 2.9.11 and later
        #expect(length("<!-- unterminated") == nil)
        #expect(length("<!-- a -- b") == nil)
        #expect(length("<!-- \u{1} -->x") == nil)          // not a character
        #expect(length("<!-- \u{FFFE} -->x") == nil)
        #expect(length("<!--") == nil)
    }

    @Test("Comments around tags and text in the chain give libxml2's tree, and are taken")
    func commentsInTheChain() throws {
        let cases = [
            "<body><div>a<!-- c -->b</div><div>x</div><!-- after an end tag --><p>y</p></body>",
            "<body><div><!-- first in an element --><span>s</span><!----><!-- twice -->t</div></body>",
            "<body><p>one</p>\n<!-- between -->\n<p>two</p>\n<!--[if lt IE 9]><p>old</p><![endif]-->\n</body>",
            "<body><ul><li>a</li><!-- -- dashes -- inside --><li>b</li></ul><div>tail</div></body>",
            "<body><div>x</div><!-- <div>not a tag</div> --><div>y</div></body>",
            "<body><table><tr><td>a</td><!-- c --></tr></table><p>z</p></body>",
            "<body><div>é<!-- ক্ষ -->😀</div><div>x</div></body>",
            "<html><head><title>t</title><!-- in head --></head><body><div>a</div><!-- c --> <div>b</div></body></html>",
        ]
        for (i, html) in cases.enumerated() {
            let report = try check(html, "case \(i)")
            #expect(report.comments > 0, "case \(i): no comment was taken")
            #expect(!report.reparsed, "case \(i): re-parsed")
        }
    }

    @Test("Awkward comments (abrupt ends, `--!>`, unterminated, controls, NUL) and other `<!` markup give libxml2's tree")
    func awkwardComments() throws {
        let cases = [
            "<body><div>a</div><!-->b<div>c</div></body>",
            "<body><div>a</div><!--->b<div>c</div></body>",
            "<body><div>a</div><!-- x --!> b --><div>c</div></body>",
            "<body><div>a</div><!-- x --!>b<div>c</div></body>",
            "<body><div>a</div><!-- unterminated <div>c</div></body>",
            "<body><div>a</div><!-- \u{1} --><div>c</div></body>",
            "<body><div>a</div><!-- \u{0} --><div>c</div></body>",
            "<body><div>a</div><!-- \u{FFFE} --><div>c</div></body>",
            "<body><div>a</div><!-- c -->",
            "<body><div>a</div><!-- c -->>x<div>b</div></body>",
            "<body><div>a</div><!-- c -->\u{1}<div>b</div></body>",
            "<body><div>a</div><!DOCTYPE html><div>b</div></body>",
            "<body><div>a</div><![CDATA[x<y]]><div>b</div></body>",
            "<body><div>a</div><!x><div>b</div></body>",
            "<body><div>a &amp b &copy c &#169 d<!-- c -->e</div><div>f</div></body>",
            "<body><p>x</p><!-- c --><p>y<!-- c --></p><!-- c --></body>",
            "<!-- c --><html><!-- c --><head><!-- c --></head><!-- c --><body><!-- c --><div>a</div></body></html><!-- c -->",
        ]
        for (i, html) in cases.enumerated() {
            try check(html, "case \(i)")
        }
    }

    @Test("Randomly assembled tags, text and comments give libxml2's tree (seeded, 300 documents)")
    func randomComments() throws {
        let pieces = [
            "<div class=\"c\">", "</div>", "<p>", "</p>", "<span>", "</span>", "<ul>", "<li>", "</li>", "</ul>", "<br>",
            "text ", " ", "\n", "&amp;", "&copy", "<!-- c -->", "<!---->", "<!-- a -- b -->", "<!-->", "<!--->",
            "<!-- x --!>", "<!--[if IE]><p>ie</p><![endif]-->", "<!-- <b>x</b> -->", "<!-- \u{1} -->", "<!--", "-->",
            "<![CDATA[x]]>", "\u{0}", "<body>", "</body>", "<table>", "<td>", "</table>", "<b>", "</b>",
        ]
        var rng = SplitMix64(seed: 0xC0FFEE)
        for n in 0..<300 {
            let count = Int(rng.next() % 40) + 1
            var html = "<body>"
            for _ in 0..<count { html += pieces[Int(rng.next() % UInt64(pieces.count))] }
            try check(html, "random[\(n)] \(html.debugDescription)")
        }
    }
}
