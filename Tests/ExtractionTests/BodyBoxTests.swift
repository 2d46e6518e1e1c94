import Schemas
import Testing
@testable import Extraction

@Suite("Content stage: hidden form boxes, second articles, teaser runs, linked section headings")
struct BodyBoxTests {
    let extractor = ArticleExtractor()

    static let paragraph = "This paragraph is long enough to count as real article prose, with commas, clauses, and enough words to pass every filter of the content stage."
    /// Two sentences of prose: the paragraph after a linked heading that makes it a section heading.
    static let prose = paragraph + " It goes on for a second sentence, so that the section clearly holds prose."

    @Test("A sign-in box the page hides until a script shows it (a form, long perks) is not body text")
    func hiddenSignInBox() throws {
        var html = "<html><body><main><article><h1>Office space given up</h1><div class=\"story-content\">"
        for i in 0..<3 { html += "<p>\(Self.paragraph) Story part \(i).</p>" }
        html += "<div class=\"article-block sign-in-group hidden\"><h2>Register to unlock more articles</h2><ul>"
        html += "<li>Exclusive articles from our columnists and others, plus food reviews and event listings in the weekly newsletter, every Friday.</li>"
        html += "<li>Unlimited online access to this paper and fifteen other news sites with one account, an electronic replica of the print edition.</li>"
        html += "</ul><form><input type=\"email\" name=\"email\"><button>Continue</button></form></div>"
        for i in 3..<6 { html += "<p>\(Self.paragraph) Story part \(i).</p>" }
        html += "</div></article></main></body></html>"
        let r = try extractor.extract(RawPage(url: "https://news.example.com/2024/05/01/office", body: Array(html.utf8)))
        #expect(r.text.contains("Story part 0."))
        #expect(r.text.contains("Story part 5."))
        #expect(!r.text.contains("Unlimited online access"))
        #expect(!r.text.contains("Register to unlock"))
    }

    @Test("A hidden class alone (no form inside) does not drop prose that a script reveals")
    func hiddenProseKept() throws {
        var html = "<html><body><main><article><h1>Tabs of a guide</h1><div class=\"guide-content\">"
        for i in 0..<3 { html += "<p>\(Self.paragraph) Visible part \(i).</p>" }
        html += "<div class=\"tab-panel hidden\">"
        for i in 0..<2 { html += "<p>\(Self.paragraph) Revealed part \(i).</p>" }
        html += "</div></div></article></main></body></html>"
        let r = try extractor.extract(RawPage(url: "https://docs.example.org/guide/tabs", body: Array(html.utf8)))
        #expect(r.text.contains("Visible part 2."))
        #expect(r.text.contains("Revealed part 1."))
    }

    // MARK: Infinite scroll

    @Test("A second article appended by infinite scroll (its own <article> and <h1>) is left out of the body")
    func secondArticleDropped() throws {
        var html = "<html><body><main>"
        html += "<article class=\"article-entity\"><h1>Anxiety will grow</h1>"
        for i in 0..<4 { html += "<p>\(Self.paragraph) First story \(i).</p>" }
        html += "</article><article class=\"article-entity\"><h1>Coach may return to his old club</h1>"
        for i in 0..<5 { html += "<p>\(Self.paragraph) Next story \(i).</p>" }
        html += "</article></main></body></html>"
        let r = try extractor.extract(RawPage(url: "https://news.example.com/2026/01/06/anxiety", body: Array(html.utf8)))
        #expect(r.text.contains("First story 3."))
        #expect(!r.text.contains("Next story"))
        #expect(!r.text.contains("Coach may return"))
    }

    // MARK: Teasers after the story

    @Test("Teaser cards with thumbnails placed straight after the story in its container are dropped")
    func closingTeaserRun() throws {
        var html = "<html><body><main><div class=\"wedding-checklist\"><h1>The wedding checklist</h1>"
        for i in 0..<5 { html += "<h2>Month \(i)</h2><p>\(Self.paragraph) Checklist step \(i).</p>" }
        html += "<hr><h3>More wedding checklists</h3>"
        for i in 0..<4 {
            html += "<div class=\"row\"><div class=\"ideas-list\"><aricle class=\"card\"><figure><a href=\"/ideas/list-\(i)\"><img src=\"/t\(i).jpg\" alt=\"\"></a></figure>"
            html += "<figure class=\"card-content\"><h3><a href=\"/ideas/list-\(i)\">Checklist number \(i)</a></h3>"
            html += "<p>Teaser \(i): here it is, the ultimate list with a full breakdown of what you need, as well as the typical share of the budget to reserve for each item.</p></figure></aricle></div></div><hr>"
        }
        html += "</div></main></body></html>"
        let r = try extractor.extract(RawPage(url: "https://ideas.example.com/wedding-checklist", body: Array(html.utf8)))
        #expect(r.text.contains("Checklist step 4."))
        #expect(!r.text.contains("Teaser 2"))
        #expect(!r.text.contains("More wedding checklists"))
    }

    @Test("A listicle's items (a linked name and a paragraph, no thumbnail) at the end of the story stay")
    func listicleItemsKept() throws {
        var html = "<html><body><article><h1>The best bike trails</h1><div class=\"c-body\">"
        for i in 0..<2 { html += "<p>\(Self.paragraph) Intro \(i).</p>" }
        for i in 0..<5 {
            html += "<section class=\"listicle-block\"><h2><a href=\"https://trails.example.org/t\(i)\">Trail \(i)</a></h2>"
            html += "<main><p>\(Self.prose) Trail text \(i).</p></main></section>"
        }
        html += "</div></article></body></html>"
        let r = try extractor.extract(RawPage(url: "https://city.example.com/bike-trails", body: Array(html.utf8)))
        #expect(r.text.contains("Trail text 4."))
        #expect(r.body.contains { $0.type == .heading && $0.text == "Trail 3" })
    }

    // MARK: Linked section headings

    @Test("A heading that links to an anchor, another site or names an item, followed by prose, is a section heading")
    func linkedSectionHeadings() throws {
        var html = "<html><body><article><h1>The coolest VR games</h1><p>\(Self.paragraph) Intro.</p>"
        html += "<h3><a href=\"https://games.example.org/rez\">Rez Infinite ($30)</a></h3><p>\(Self.prose) About Rez.</p>"
        html += "<h2><a href=\"#setup\">Setting up the headset before you play</a></h2><p>\(Self.prose) Setup.</p>"
        html += "<h3><a href=\"/games/thumper\">Thumper</a></h3><p>\(Self.prose) About Thumper.</p>"
        html += "<h3><a href=\"/2024/05/01/another-story-of-this-site\">Council approves the budget after a long night of debate</a></h3>"
        html += "<p>\(Self.prose) Teaser excerpt.</p>"
        html += "<p>\(Self.paragraph) Closing.</p></article></body></html>"
        let r = try extractor.extract(RawPage(url: "https://news.example.com/2024/05/01/vr-games", body: Array(html.utf8)))
        let headings = r.body.filter { $0.type == .heading }.map(\.text)
        #expect(headings.contains("Rez Infinite ($30)"))
        #expect(headings.contains("Setting up the headset before you play"))
        #expect(headings.contains("Thumper"))
        #expect(!headings.contains("Council approves the budget after a long night of debate"))
    }

    // MARK: Figure boxes

    @Test("A statistics box in the story (heading, figures with labels, one summary sentence) goes whole")
    func figureBoxDropped() throws {
        var html = "<html><body><article><h1>Trump talks retaliation</h1><div class=\"story-body\">"
        for i in 0..<4 { html += "<p>\(Self.paragraph) Story part \(i).</p>" }
        html += "<div class=\"world-wrapper\"><h3>World</h3><div class=\"chdr\">"
        for (n, label) in [("28,25,140", "Cases"), ("18,29,648", "Active"), ("7,97,826", "Recovered"), ("1,97,666", "Deaths")] {
            html += "<div class=\"total\"><span>\(n)</span><span>\(label)</span></div>"
        }
        html += "</div><div class=\"p\">Coronavirus has spread to <b>185</b> countries. The total confirmed cases worldwide are <b>28,25,140</b>.</div></div>"
        html += "<p>\(Self.paragraph) Closing part.</p></div></article></body></html>"
        let r = try extractor.extract(RawPage(url: "https://news.example.com/2020/04/07/retaliation", body: Array(html.utf8)))
        #expect(r.text.contains("Story part 3."))
        #expect(r.text.contains("Closing part."))
        #expect(!r.text.contains("Coronavirus has spread"))
        #expect(!r.text.contains("Recovered"))
        #expect(!r.body.contains { $0.text == "World" })
    }

    @Test("Figures in a table's cells are data the story presents and stay")
    func tableFiguresKept() throws {
        var html = "<html><body><article><h1>Ride log</h1>"
        for i in 0..<3 { html += "<p>\(Self.paragraph) Ride part \(i).</p>" }
        html += "<table><tr><th>Ride</th><th>Speed</th></tr>"
        for i in 0..<5 { html += "<tr><td>Ride \(i)</td><td>\(18 + i).4 mph</td></tr>" }
        html += "</table><p>\(Self.paragraph) After the table.</p></article></body></html>"
        let r = try extractor.extract(RawPage(url: "https://blog.example.com/2024/05/01/rides", body: Array(html.utf8)))
        #expect(r.text.contains("21.4 mph"))
        #expect(r.text.contains("After the table."))
    }

    // MARK: Page builders

    /// A page-builder section: its paragraphs nested six wrappers deep, each wrapper with an empty
    /// decoration beside it.
    static func builderSection(_ name: String, paragraphs: Int) -> String {
        var html = "<section class=\"module\">"
        for w in ["a", "b", "c", "d"] { html += "<div class=\"\(w)\"><div class=\"bg\"></div>" }
        html += "<div class=\"e\"><h2>\(name)</h2>"
        for i in 0..<paragraphs { html += "<p>\(prose) \(name) part \(i).</p>" }
        return html + "</div></div></div></div></div></section>"
    }

    @Test("A page built from sections nested many wrappers deep keeps all its sections, not the longest alone")
    func pageBuilderSections() throws {
        var html = "<html><body><div class=\"page\"><div class=\"builder\">"
        html += Self.builderSection("Defined", paragraphs: 2)
        html += Self.builderSection("Models", paragraphs: 4)
        html += Self.builderSection("Benefits", paragraphs: 2)
        html += Self.builderSection("Deployment", paragraphs: 2)
        html += "</div></div></body></html>"
        let r = try extractor.extract(RawPage(url: "https://cloud.example.com/learn/what-is-cloud", body: Array(html.utf8)))
        #expect(r.text.contains("Models part 3."))
        #expect(r.text.contains("Defined part 0."))
        #expect(r.text.contains("Deployment part 1."))
    }

    // MARK: Paragraphs beside the candidate's parent

    @Test("The story's first paragraphs written straight into its container join the rest wrapped one level deeper")
    func uncleParagraphs() throws {
        var html = "<html><body><div id=\"story\"><h1>Angry media will not buckle</h1><div class=\"story-body\">"
        html += "<div class=\"story-intro\"><p><strong>\(Self.paragraph) Intro.</strong></p></div>"
        html += "<p>\(Self.paragraph) Written straight in.</p>"
        html += "<div id=\"read-more\"><div id=\"read-more-link\"><a href=\"\">Read more</a></div><div id=\"middle\"><div class=\"slot\"></div></div><div id=\"more-text\">"
        for i in 0..<6 { html += "<p>\(Self.paragraph) Wrapped part \(i).</p>" }
        html += "</div></div></div></div><div class=\"footer-links\"><p>\(Self.paragraph) Footer text.</p></div></body></html>"
        let r = try extractor.extract(RawPage(url: "https://news.example.com/2015/03/13/angry-media", body: Array(html.utf8)))
        #expect(r.text.contains("Wrapped part 5."))
        #expect(r.text.contains("Written straight in."))
        #expect(!r.text.contains("Footer text."))
    }
}
