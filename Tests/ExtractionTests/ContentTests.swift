import Schemas
import Testing
@testable import Extraction

@Suite("Content stage: region choice, fallbacks")
struct ContentTests {
    let extractor = ArticleExtractor()

    static let paragraph = "This paragraph is long enough to count as real article prose, with commas, clauses, and enough words to pass every filter of the content stage."

    @Test("A section whose id happens to hold a boilerplate word (\"sharing-…\") but carries long paragraphs stays in the body")
    func hintedSectionWithProse() throws {
        var html = "<html><body><div class=\"content\"><h1>Shared history</h1><p>\(Self.paragraph) Intro.</p>"
        html += "<div class=\"section\" id=\"sharing-with-a-single-developer\"><h2>Sharing with a single developer</h2>"
        for i in 0..<3 { html += "<p>\(Self.paragraph) Section part \(i).</p>" }
        html += "</div><div class=\"share-bar\"><a href=\"/x\">Share on X</a></div></div></body></html>"
        let r = try extractor.extract(RawPage(url: "https://docs.example.org/guide", body: Array(html.utf8)))
        #expect(r.text.contains("Section part 2."))
        #expect(r.body.contains { $0.type == .heading && $0.text == "Sharing with a single developer" })
        #expect(!r.text.contains("Share on X"))
    }

    @Test("A script-rendered page with a stub body takes the JSON-LD articleBody")
    func structuredBody() throws {
        let body = (0..<6).map { "Paragraph \($0): \(Self.paragraph)" }.joined(separator: "\\n\\n")
        let html = """
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Stub","articleBody":"\(body)"}</script></head>
            <body><div id="root"><h1>Stub</h1><p>Loading the story, please wait a moment…</p></div></body></html>
            """
        let r = try extractor.extract(RawPage(url: "https://news.example.com/2024/01/02/stub", body: Array(html.utf8)))
        #expect(r.body.count == 6)
        #expect(r.body.first?.text.hasPrefix("Paragraph 0:") == true)
        #expect(!r.text.contains("Loading the story"))
    }

    @Test("A tiny page whose only text is inside a link still has a body")
    func tinyLinkedPage() throws {
        let html = #"<html><body><a href="javascript:"><p>abc</p><p>def</p>ghi</a></body></html>"#
        let r = try extractor.extract(RawPage(url: "https://example.com/t", body: Array(html.utf8)))
        #expect(r.text.contains("abc") && r.text.contains("def") && r.text.contains("ghi"))
    }
}
