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

    // MARK: Words across inline elements and line breaks

    @Test("A single <br> and white space between inline elements separate words; code lines stay apart")
    func lineBreaksSeparateWords() throws {
        var html = "<html><body><article><h1>Address book</h1><p>\(Self.paragraph)</p>"
        html += "<p>Visit us at<br>12 Harbour Road<br/>Portsmouth, with parking behind the building and a café on the ground floor.</p>"
        html += "<pre><code><span>git status</span>\n<span>git log --oneline</span></code></pre>"
        html += "<p>\(Self.paragraph) End.</p></article></body></html>"
        let r = try extractor.extract(RawPage(url: "https://news.example.com/2024/05/01/address", body: Array(html.utf8)))
        #expect(r.text.contains("Visit us at 12 Harbour Road Portsmouth,"))
        #expect(r.text.contains("git status git log --oneline"))
    }

    // MARK: Structural boilerplate

    @Test("A list of teaser cards (linked headline, excerpt, date, Read more) at the end of the story's container is dropped")
    func teaserList() throws {
        var html = "<html><body><main><article><h1>Council approves budget</h1>"
        for i in 0..<4 { html += "<p>\(Self.paragraph) Story part \(i).</p>" }
        html += "<section><ul>"
        for i in 0..<4 {
            html += "<li><article><h5><a href=\"/story-\(i)\">Another story number \(i) about the city</a></h5><time>May \(i + 1), 2024</time>"
            html += "<div class=\"excerpt\">Teaser excerpt \(i): the mayor said the plan, which was delayed twice, would finally go ahead next spring, officials confirmed on Monday...</div>"
            html += "<a href=\"/story-\(i)\">Read More</a></article></li>"
        }
        html += "</ul></section></article></main></body></html>"
        let r = try extractor.extract(RawPage(url: "https://news.example.com/2024/05/01/budget", body: Array(html.utf8)))
        #expect(r.text.contains("Story part 3."))
        #expect(!r.text.contains("Teaser excerpt"))
    }

    @Test("A listing page whose content is the teaser cards keeps them")
    func teaserListingKept() throws {
        var html = "<html><body><header><a href=\"/\">Home</a></header><main><h1>Latest stories</h1><ul>"
        for i in 0..<6 {
            html += "<li><h3><a href=\"/story-\(i)\">Story number \(i) about the city council</a></h3>"
            html += "<p>Teaser excerpt \(i): the mayor said the plan, which was delayed twice, would go ahead next spring, officials said.</p></li>"
        }
        html += "</ul></main></body></html>"
        let r = try extractor.extract(RawPage(url: "https://news.example.com/latest", body: Array(html.utf8)))
        #expect(r.text.contains("Teaser excerpt 5"))
    }

    @Test("A widget built around checkboxes (a statistics table) inside the article body is dropped")
    func interactiveWidget() throws {
        var html = "<html><body><article><h1>Cases rise again</h1><div class=\"story\">"
        for i in 0..<4 { html += "<p>\(Self.paragraph) Story part \(i).</p>" }
        html += "<div class=\"tracker\"><h3>State details</h3><table>"
        for i in 0..<8 {
            html += "<tr><td><input type=\"checkbox\" id=\"s\(i)\"><label for=\"s\(i)\">Region \(i)</label>"
            html += "<div><span>District A\(i)</span><span>\(100 + i)</span></div><div><span>District B\(i)</span><span>\(50 + i)</span></div></td>"
            html += "<td><p>\(1000 + i)</p></td></tr>"
        }
        html += "</table></div></div></article></body></html>"
        let r = try extractor.extract(RawPage(url: "https://news.example.com/2024/05/01/cases", body: Array(html.utf8)))
        #expect(r.text.contains("Story part 3."))
        #expect(!r.text.contains("District A3"))
        #expect(!r.text.contains("State details"))
    }

    @Test("An article split into numbered containers around an ad keeps both parts; a grid sidebar cell does not join")
    func splitContainers() throws {
        var html = "<html><body><main><div class=\"wrap\"><h1>Yahoo sale explained</h1>"
        html += "<div class=\"supplemental\"><div class=\"story-body story-body-1\">"
        for i in 0..<2 { html += "<p>\(Self.paragraph) First part \(i).</p>" }
        html += "</div><aside class=\"related-links\"><a href=\"/a\">Another story</a></aside></div>"
        html += "<div class=\"interrupter\"><div class=\"ad\">Advertisement</div></div>"
        html += "<div class=\"supplemental\"><div class=\"story-body story-body-2\">"
        for i in 0..<6 { html += "<p>\(Self.paragraph) Second part \(i).</p>" }
        html += "</div></div></div>"
        html += "<div class=\"col-md-4 sidebar-cell\"><p>\(Self.paragraph) Sidebar text.</p></div></main></body></html>"
        let r = try extractor.extract(RawPage(url: "https://news.example.com/2016/07/30/yahoo-sale", body: Array(html.utf8)))
        #expect(r.text.contains("First part 0."))
        #expect(r.text.contains("Second part 5."))
        #expect(!r.text.contains("Sidebar text."))
        #expect(!r.text.contains("Another story"))
    }
}

