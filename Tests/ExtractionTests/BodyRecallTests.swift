import Schemas
import Testing
@testable import Extraction

@Suite("Body recall and precision rules: formulas, nested lists, prose beside the candidate, sidebars, slide legends")
struct BodyRecallTests {
    let extractor = ArticleExtractor()

    static let paragraph = "This paragraph is long enough to count as real article prose, with commas, clauses, and enough words to pass every filter of the content stage."

    func extract(_ html: String, url: String = "https://news.example.com/2024/05/01/story") throws -> ArticleRecord {
        try extractor.extract(RawPage(url: url, body: Array(html.utf8)))
    }

    // MARK: Formulas

    @Test("A MathML formula rendered by MathJax (a container named after its context menu) stays in its paragraph")
    func mathJaxFormulaKept() throws {
        var html = "<html><body><article><h1>Quadratic equations</h1>"
        for i in 0..<3 { html += "<p>\(Self.paragraph) Part \(i).</p>" }
        html += "<p>When <mjx-container class=\"MathJax CtxtMenu_Attached_0\" jax=\"CHTML\"><mjx-math aria-hidden=\"true\"><mjx-mi></mjx-mi></mjx-math>"
        html += "<mjx-assistive-mml display=\"inline\"><math><mi>a</mi><mo>≠</mo><mn>0</mn></math></mjx-assistive-mml></mjx-container>"
        html += ", there are two solutions, and the discriminant decides whether they are real.</p></article></body></html>"
        let r = try extract(html)
        #expect(r.text.contains("When a≠0, there are two solutions"))
    }

    // MARK: Lists

    @Test("Items of a nested list cut off by a sub-list are judged with the whole list, not as a run of links")
    func nestedListJudgedWhole() throws {
        var html = "<html><body><article><h1>These weeks in the browser</h1>"
        for i in 0..<3 { html += "<p>\(Self.paragraph) Part \(i).</p>" }
        html += "<h4>Performance</h4><ul>"
        html += "<li>The team has moved the file layer to a new library, and the start-up time of the browser is down by a tenth.</li>"
        html += "<li>The dashboard has new views<ul><li>A hang found this way, caused by the password manager, has been fixed by the team.</li></ul></li>"
        html += "<li>Alice <a href=\"/bug/1\">made the toolbar load later in the start-up window</a></li>"
        html += "<li>Bob <a href=\"/bug/2\">re-enabled the graphics test</a></li></ul>"
        html += "<p>\(Self.paragraph) Closing part.</p></article></body></html>"
        let r = try extract(html)
        #expect(r.text.contains("made the toolbar load later in the start-up window"))
        #expect(r.text.contains("re-enabled the graphics test"))
    }

    @Test("A long list under \"Highlights\" opening the body is the post's first section, not a summary box")
    func longHighlightsListKept() {
        let items = (0..<8).map { "Highlight number \($0): the team landed a change that makes the browser start faster on older machines." }
        let input = [
            ContentBlock(type: .heading, text: "Highlights", node: NodeID(1)),
            ContentBlock(type: .list, text: items.joined(separator: "\n"), node: NodeID(2)),
            ContentBlock(type: .paragraph, text: Self.paragraph, node: NodeID(3)),
        ]
        let out = BodyCleaner().clean(input, headline: nil, caption: nil)
        #expect(out.count == 3)
        let short = [input[0], ContentBlock(type: .list, text: "Point one\nPoint two", node: NodeID(2)), input[2]]
        #expect(BodyCleaner().clean(short, headline: nil, caption: nil).count == 1)
    }

    // MARK: Sidebars

    @Test("A live ticker in an <aside> beside the <article> stays out of the body, however much text it holds")
    func longAsideBesideArticleDropped() throws {
        var html = "<html><body><div class=\"grid main-content\"><section><article><h1>Third victim of the earthquake</h1><div class=\"article-body\">"
        for i in 0..<3 { html += "<p>Story paragraph \(i): \(Self.paragraph)</p>" }
        html += "</div></article></section><aside class=\"mod\"><ul class=\"live-flux\">"
        for i in 0..<12 { html += "<li><h3>11:\(10 + i) Live entry</h3><p>Ticker entry \(i): \(Self.paragraph)</p></li>" }
        html += "</ul></aside></div></body></html>"
        let r = try extract(html)
        #expect(r.text.contains("Story paragraph 2:"))
        #expect(!r.text.contains("Ticker entry 3:"))
    }

    // MARK: Prose beside the candidate

    @Test("The intro in a box of its own beside the story's first paragraphs is part of the story")
    func introWrapperBesideUncleParagraphs() throws {
        var html = "<html><body><div id=\"story\"><h1>Angry media</h1><div class=\"story-body\">"
        html += "<div class=\"story-intro\"><p><strong>The intro: a government team has been doing the rounds of the media in the past few days. It failed.</strong></p></div>"
        for i in 0..<3 { html += "<p>Opening paragraph \(i): \(Self.paragraph)</p>" }
        html += "<div class=\"read-more\"><div class=\"read-more-content\">"
        for i in 0..<20 { html += "<p>Later paragraph \(i): \(Self.paragraph)</p>" }
        html += "</div><div class=\"spacer\"></div></div></div></div></body></html>"
        let r = try extract(html)
        #expect(r.text.contains("The intro: a government team"))
        #expect(r.text.contains("Opening paragraph 1:"))
        #expect(r.text.contains("Later paragraph 19:"))
    }

    // MARK: Slideshows

    @Test("A slideshow's legends (\"1/20 Title\" and a caption per slide) leave the body; a list of dates stays")
    func slideLegendsDropped() throws {
        var html = "<html><body><article><h1>Hotel secrets</h1><div class=\"body\">"
        for i in 0..<3 { html += "<p>Story paragraph \(i): \(Self.paragraph)</p>" }
        html += "<div class=\"widget\"><h2>Business news in pictures</h2><ul class=\"legends\">"
        for i in 0..<20 { html += "<li><h2><span class=\"counter\">\(i + 1)/20</span> Slide title</h2><p>Slide caption \(i): \(Self.paragraph)</p></li>" }
        html += "</ul></div><p>Story paragraph 3: \(Self.paragraph)</p>"
        html += "<ul><li>12/05 The council meets to vote on the budget, and the public may speak.</li>"
        html += "<li>13/05 The budget is published, with every line item the council voted on.</li>"
        html += "<li>14/05 The mayor answers questions from readers about the new budget.</li></ul>"
        html += "</div></article></body></html>"
        let r = try extract(html)
        #expect(r.text.contains("Story paragraph 3:"))
        #expect(!r.text.contains("Slide caption 4:"))
        #expect(r.text.contains("13/05 The budget is published"))
    }

    // MARK: Stories among widgets

    @Test("A story of several long paragraphs stays the body when teaser lists around it hold more text")
    func storyOutweighedByTeasersKept() throws {
        var html = "<html><body><div class=\"page\"><section class=\"card-main\"><h1>Photo of a baby in a flag</h1><div class=\"art\">"
        for i in 0..<5 { html += "<p>Story paragraph \(i): \(Self.paragraph)</p>" }
        html += "</div></section><div class=\"stream\"><ul>"
        for i in 0..<16 {
            html += "<li><h3><a href=\"/news/teaser-\(i)\">Teaser headline number \(i) about another story</a></h3>"
            html += "<p>Teaser excerpt \(i): a summary of another story of the site, written to make the reader click through, with a few more words.</p></li>"
        }
        html += "</ul></div></div></body></html>"
        let r = try extract(html)
        #expect(r.text.contains("Story paragraph 4:"))
        #expect(!r.text.contains("Teaser excerpt 3:"))
    }

    // MARK: The page's main element

    @Test("The page's one <main> joins the region with no margin: a page of short feature items is not cut to one notice")
    func singleMainWidensWithoutMargin() throws {
        func feature(_ i: Int) -> String {
            "<li class=\"feature\"><h2>Tool \(i)</h2><p>Feature \(i) lets you examine the structure of any web page and see the styles of each element and change its layout right in the browser.</p>"
                + "<a href=\"/docs/tool-\(i)\">Learn more about tool \(i)</a></li>"
        }
        var html = "<html><body><main><section class=\"intro\"><h1>Welcome to the developer browser</h1><ul class=\"features\">"
        html += feature(0) + feature(1)
        html += "</ul><div class=\"notice\"><h4>Important: sync your new profile</h4><p>The browser comes with a new profile, so you can run it "
        html += "alongside other versions. To access your bookmarks, history and more, you need to sync the profile with your account, or create one.</p></div></section>"
        html += "<section class=\"more\"><h2>Features and tools</h2><ul class=\"features\">"
        for i in 2..<7 { html += feature(i) }
        html += "</ul></section></main><footer><p>Portions of this content are by individual contributors.</p></footer></body></html>"
        let r = try extract(html)
        #expect(r.text.contains("Important: sync your new profile") || r.text.contains("The browser comes with a new profile"))
        #expect(r.text.contains("Feature 1 lets you examine"))
        #expect(r.text.contains("Feature 6 lets you examine"))
    }

    // MARK: Headings

    @Test("A heading linking to its own anchor is a section heading even when a list follows it")
    func anchorHeadingBeforeListKept() throws {
        var html = "<html><body><article><h1>Finding anomalies in server logs</h1>"
        for i in 0..<3 { html += "<p>\(Self.paragraph) Part \(i).</p>" }
        html += "<h3 id=\"preparing-the-data\"><a class=\"toclink\" href=\"#preparing-the-data\">Preparing the Data</a></h3>"
        html += "<ul><li>Count the status codes of every minute, and keep the counts in a table.</li>"
        html += "<li>Drop the minutes with no traffic at all, they only add noise to the series.</li></ul>"
        html += "<p>\(Self.paragraph) Closing part.</p></article></body></html>"
        let r = try extract(html)
        #expect(r.body.contains { $0.type == .heading && $0.text == "Preparing the Data" })
    }
}
