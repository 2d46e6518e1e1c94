import Testing
@testable import Extraction

/// ``RawTextShortcut`` takes the content of `<script>` and `<style>` itself, also when it opens
/// with `<!` (an old-style `<!--` guard); content that opens with a tag stays libxml2's.
@Suite("Parse stage: script and style content that opens with markup")
struct RawTextShortcutOpeningTests {
    /// Parses `html` with the shortcuts, expects libxml2's tree and no re-parse.
    func check(_ html: String, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let report = try ParseTreeOracle.expectSameTree(html, label, sourceLocation: sourceLocation)
        #expect(!report.reparsed, "\(label): re-parsed", sourceLocation: sourceLocation)
    }

    /// The length of the content the shortcut takes at `content` (nil: left to libxml2).
    func taken(_ content: String, name: String = "script") -> Int? {
        let bytes = Array(content.utf8)
        return bytes.withUnsafeBufferPointer { b in
            Array(name.utf8 + [0]).withUnsafeBufferPointer { n in
                RawTextShortcut.plainLength(b.baseAddress!, b.count, name: n.baseAddress!)
            }
        }
    }

    @Test("Content that opens with `<!--` is read up to the end tag")
    func commentGuards() {
        #expect(taken("<!-- x(); //--></script>") == 15)
        #expect(taken("<!--\np {}\n--></style>", name: "style") == 13)
        #expect(taken("<!-- a </b> --></script>") == 15)
    }

    @Test("Scripts and styles that open with `<!`, a tag or an end tag give libxml2's tree")
    func openingMarkup() throws {
        let cases = [
            "<body><script><!-- x(); //--></script><p>a</p></body>",
            "<head><style><!--\np { color: red }\n--></style></head><body><div>x</div></body>",
            "<body><script><!--</script><p>b</p></body>",
            "<body><script><!</script><script><!-</script><p>c</p></body>",
            "<body><script><![CDATA[ x ]]></script><p>d</p></body>",
            "<body><script><!DOCTYPE x></script><p>e</p></body>",
            "<body><script><div>x</div></script><script></b>y</script><p>f</p></body>",
            "<body><script type=\"text/template\"><p class=\"a\">t</p></script><p>g</p></body>",
            "<body><style><!-- \u{1} --></style><script><!-- \u{0} --></script><p>h</p></body>",
            "<body><script><!-- unterminated",
        ]
        for (i, html) in cases.enumerated() {
            try check(html, "case \(i)")
        }
    }
}
