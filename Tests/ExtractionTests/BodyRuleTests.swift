import Schemas
import Testing
@testable import Extraction

@Suite("Body rules: table rows and captions, the declared article body, lists, expanders, paywall wrappers, closing promos")
struct BodyRuleTests {
    let extractor = ArticleExtractor()

    static let paragraph = "This paragraph is long enough to count as real article prose, with commas, clauses, and enough words to pass every filter of the content stage."

    func extract(_ html: String, url: String = "https://news.example.com/2024/05/01/story") throws -> ArticleRecord {
        try extractor.extract(RawPage(url: url, body: Array(html.utf8)))
    }

    // MARK: Tables

    @Test("A data table's row (a linked name, a year, a note) is one line of the body, its numbers kept")
    func tableRowsAreLines() throws {
        var html = "<html><body><article><h1>Films about loops</h1>"
        for i in 0..<3 { html += "<p>\(Self.paragraph) Intro part \(i).</p>" }
        html += "<table><caption>Films with time loops</caption><tr><th>Film</th><th>Year</th><th>Note</th></tr>"
        for i in 0..<5 { html += "<tr><td><a href=\"/wiki/Film_\(i)\">Film number \(i)</a></td><td>\(1990 + i)</td><td>Remake of \(i)</td></tr>" }
        html += "</table><p>\(Self.paragraph) After the table.</p></article></body></html>"
        let r = try extract(html)
        #expect(r.body.contains { $0.type == .paragraph && $0.text == "Film number 3 1993 Remake of 3" })
        #expect(r.body.contains { $0.type == .paragraph && $0.text == "Film Year Note" })
        #expect(r.body.contains { $0.type == .heading && $0.text == "Films with time loops" })
        #expect(r.text.contains("After the table."))
    }

    @Test("A layout table (the story in one cell, a link column beside it) is still judged cell by cell")
    func layoutTableCells() throws {
        var story = ""
        for i in 0..<5 { story += "\(Self.paragraph) Story part \(i). " }
        var links = ""
        for i in 0..<6 { links += "<a href=\"/section-\(i)\">Section \(i)</a> " }
        let html = "<html><body><h1>Old page</h1><table><tr><td>\(links)</td><td>\(story)</td></tr></table></body></html>"
        let r = try extract(html)
        #expect(r.text.contains("Story part 4."))
        #expect(!r.text.contains("Section 3"))
    }
}

extension BodyRuleTests {
    // MARK: Declared article body

    @Test("A candidate found inside the element marked itemprop=articleBody (a gallery of captioned slides) stands for all of it")
    func declaredBodyHoldsCandidate() throws {
        var html = "<html><body><h1>Hotel sheets</h1><div class=\"col\"><div itemprop=\"articleBody\">"
        html += "<p>Story paragraph: the hotel managers said the sheets were changed, they claimed, every day.</p>"
        html += "<div class=\"widget\"><div class=\"scroller\"><ul class=\"legends\">"
        for i in 0..<6 { html += "<li><h2>\(i + 1)/6 Slide title</h2><p>Slide \(i) caption: \(Self.paragraph)</p></li>" }
        html += "</ul></div></div></div></div></body></html>"
        let doc = try HTMLParser().parse(utf8: Array(html.utf8))
        var a = ContentAnalysis(doc)
        a.markHiddenAndLinks()
        a.aggregate()
        a.markBoilerplate()
        let list = try #require(doc.elements(.ul).first)
        let declared = try #require(a.declaredBody(around: list.index))
        #expect(doc.attribute("itemprop", of: NodeID(declared)) == "articleBody")
        let col = try #require(doc.elements(.div).first)
        #expect(a.declaredBody(around: col.index) == nil)
    }

    @Test("The element marked itemprop=articleBody outweighs a longer block of text elsewhere on the page")
    func declaredBodyWeighs() throws {
        var html = "<html><body><h1>Budget vote</h1><div class=\"side\"><div><div class=\"box\">"
        for i in 0..<4 { html += "<p>Box paragraph \(i): \(Self.paragraph)</p>" }
        html += "</div></div></div><div class=\"wrap\"><div itemprop=\"articleBody\">"
        for i in 0..<3 { html += "<p>Story paragraph \(i): the council voted, after a long debate, to pass the budget, members said.</p>" }
        html += "</div></div></body></html>"
        let r = try extract(html)
        #expect(r.text.contains("Story paragraph 2:"))
        #expect(!r.text.contains("Box paragraph 1:"))
    }
}

extension BodyRuleTests {
    // MARK: Closing promos and further reading

    static let prose = "The council approved the budget on Tuesday after a long debate, and the mayor said the new bridge would open next spring."

    @Test("A closing label of further reading (\"More Great Stories\") and its list of links are trimmed; a list after prose is not")
    func moreStoriesList() {
        let input = [
            ContentBlock(type: .paragraph, text: Self.prose, node: NodeID(1)),
            ContentBlock(type: .list, text: "Ingredients you need\nA second item", node: NodeID(2)),
            ContentBlock(type: .paragraph, text: Self.prose + " Last.", node: NodeID(3)),
            ContentBlock(type: .paragraph, text: "More Great Example Stories", node: NodeID(4)),
            ContentBlock(type: .list, text: "Why bridges fall, no matter what\nThe plan to boost batteries", node: NodeID(5)),
        ]
        let out = BodyCleaner().clean(input, headline: nil, caption: nil)
        #expect(out.map(\.node) == [NodeID(1), NodeID(2), NodeID(3)])
        #expect(BodyCleaner().clean(Array(input.prefix(3)), headline: nil, caption: nil).count == 3)
    }

    @Test("Closing invitations to the site's forums and social accounts go, and the heading left above them too")
    func closingInvitations() {
        let input = [
            ContentBlock(type: .paragraph, text: Self.prose, node: NodeID(1)),
            ContentBlock(type: .paragraph, text: Self.prose + " Last.", node: NodeID(2)),
            ContentBlock(type: .heading, text: "Something to Consider", node: NodeID(3)),
            ContentBlock(type: .paragraph, text: "Jane Roe's book about bridges is out now. Follow her on Twitter @janeroe.", node: NodeID(4)),
            ContentBlock(type: .paragraph, text: "Join our Forums to keep talking about the latest news!", node: NodeID(5)),
        ]
        let out = BodyCleaner().clean(input, headline: nil, caption: nil)
        #expect(out.map(\.node) == [NodeID(1), NodeID(2)])
    }

    @Test("A closing news paragraph that names a social network without inviting the reader to follow stays")
    func closingNewsOnSocialNetwork() {
        let input = [
            ContentBlock(type: .paragraph, text: Self.prose, node: NodeID(1)),
            ContentBlock(type: .paragraph, text: Self.prose + " Last.", node: NodeID(2)),
            ContentBlock(type: .paragraph, text: "The minister announced the decision on Twitter late on Tuesday.", node: NodeID(3)),
        ]
        let out = BodyCleaner().clean(input, headline: nil, caption: nil)
        #expect(out.map(\.node) == [NodeID(1), NodeID(2), NodeID(3)])
        let invited = input.prefix(2) + [ContentBlock(type: .paragraph, text: "Follow Jane Roe on Twitter for more.", node: NodeID(3))]
        #expect(BodyCleaner().clean(Array(invited), headline: nil, caption: nil).map(\.node) == [NodeID(1), NodeID(2)])
    }
}

extension BodyRuleTests {
    // MARK: Expanders

    @Test("An answer in a \"read more\" expander (a long paragraph, no links) stays; a read-more box of links goes")
    func readMoreExpander() throws {
        var html = "<html><body><main><h1>Remodel costs</h1>"
        for i in 0..<3 { html += "<p>\(Self.paragraph) Cost part \(i).</p>" }
        html += "<h2>Frequently asked questions</h2><h3>Is remodeling cheaper?</h3><div class=\"ReadMoreAnswer_text expanded\">"
        html += "<p>Remodeling almost always costs less than building anew: you keep the foundation and the framing, so you skip the new structural work, the permits and the long wait.</p></div>"
        html += "<div class=\"read-more\"><a href=\"/a\">Kitchen remodel costs in your town</a> <a href=\"/b\">Bathroom remodel costs in your town</a></div>"
        html += "</main></body></html>"
        let r = try extract(html)
        #expect(r.text.contains("Remodeling almost always costs less"))
        #expect(!r.text.contains("Kitchen remodel costs"))
    }
}

extension BodyRuleTests {
    @Test("The story's paragraphs in a wrapper named for the paywall stay; the paywall's offer box goes")
    func paywallWrapper() throws {
        var html = "<html><body><article><h1>Harbour bistro</h1>"
        for i in 0..<4 { html += "<p>\(Self.paragraph) Open part \(i).</p>" }
        html += "<div class=\"article-paywall-content\">"
        for i in 0..<2 { html += "<p>\(Self.paragraph) Locked part \(i).</p>" }
        html += "</div><div class=\"paywall-offer\"><p>Get full access for 1 euro</p><a href=\"/buy\">Buy now</a></div></article></body></html>"
        let r = try extract(html)
        #expect(r.text.contains("Locked part 1."))
        #expect(!r.text.contains("full access"))
    }
}

extension BodyRuleTests {
    // MARK: Lists

    @Test("A list in the story is judged as a whole: an item that is all link stays among items of prose; a list of links goes")
    func listJudgedWhole() throws {
        var html = "<html><body><article><h1>Weekly changes</h1>"
        for i in 0..<3 { html += "<p>\(Self.paragraph) Change part \(i).</p>" }
        html += "<ul><li><a href=\"/review\">Our year in review</a></li>"
        html += "<li>The update service no longer starts while another instance is running, which fixes the restart error page.</li>"
        html += "<li>The developer tools are ready for out-of-process frames, after months of work by two teams.</li></ul>"
        html += "<p>\(Self.paragraph) After the list.</p>"
        html += "<ul><li><a href=\"/a\">Home</a></li><li><a href=\"/b\">World news</a></li><li><a href=\"/c\">Sports</a></li></ul>"
        html += "</article></body></html>"
        let r = try extract(html)
        let list = try #require(r.body.first { $0.type == .list && $0.text.contains("update service") })
        #expect(list.text.hasPrefix("Our year in review\n"))
        #expect(!r.text.contains("World news"))
    }
}
