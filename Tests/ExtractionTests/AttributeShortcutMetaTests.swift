import Testing
@testable import Extraction

/// ``AttributeShortcut`` takes the values of `meta` tags like any other: the parser declares its
/// input UTF-8 and sets `HTML_PARSE_IGNORE_ENC`, so libxml2 reads no charset from them, and the
/// tree must stay libxml2's own, whatever charset the tags declare.
@Suite("Parse stage: meta tags' attributes")
struct AttributeShortcutMetaTests {
    @Test("Meta tags declaring charsets, with long values taken, give libxml2's tree")
    func metaCharsets() throws {
        let long = "a long description of the page, with enough words to be taken by the shortcut"
        let cases = [
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><title>é</title></head><body><p>café ü</p></body></html>",
            "<html><head><meta charset=\"windows-1251\"><meta name=\"description\" content=\"\(long) ü\"></head><body><p>ж</p></body></html>",
            "<html><head><META HTTP-EQUIV='content-type' CONTENT='text/html;charset=shift_jis'></head><body><div title=\"ß\">日本語</div></body></html>",
            "<head><meta property=\"og:title\" content=\"\(long)\"><meta property=\"og:title\" content=\"second\"></head><body>x</body>",
            "<head><meta content=\"a &amp; b\" name=\"x\"><meta content=\"a &quot;b&quot;\" name=\"y\"><meta content=unquoted name=\"z\"></head>",
            "<body><p>x</p><meta name=\"late\" content=\"\(long)\"><p>y</p></body>",
            "<meta name=\"first\" content=\"\(long)\"><p>z</p>",
        ]
        var taken: [Int] = []
        for (i, html) in cases.enumerated() {
            let bytes = Array(html.utf8)
            let expected = try #require(ParseTreeOracle.parse(utf8: bytes), "case \(i): oracle failed")
            let (doc, report) = try HTMLParser().parseReporting(utf8: bytes, wellFormed: false)
            let difference = ParseTreeOracle.difference(expected, doc)
            #expect(difference == nil, "case \(i): \(difference ?? "")")
            #expect(!report.reparsed, "case \(i): re-parsed")
            taken.append(report.rewrittenTags + report.startTags)
        }
        // The second meta of a head (after a callback of the first) is taken, its charset and all.
        #expect(taken[1] > 0 && taken[3] > 0, "taken: \(taken)")
    }
}
