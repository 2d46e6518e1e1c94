import Foundation
import Testing
import Schemas
@testable import Extraction

/// The headline, byline and date rules for kickers, breadcrumbs, "Updated" dates and unmarked
/// credits, each on a small page of our own.
@Suite("FieldResolver: kickers, updated dates, unmarked credits")
struct HeadlineAndDateRuleTests {
    func resolve(_ html: String, url: String = "https://www.example-news.com/a/1") throws -> ResolvedFields {
        try resolveFields(html, url: url)
    }

    static let body = "<p>The council met on Tuesday evening and voted on the plan after a long debate about costs and timing.</p>"

    // MARK: Headline

    @Test("a kicker printed in its own element is not part of the headline when og:title leaves it out")
    func kickerDropped() throws {
        let f = try resolve("<html><head><meta property='og:title' content='Council approves the flood barrier'>"
            + "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"Riverside: Council approves the flood barrier\"}</script></head>"
            + "<body><nav class='breadcrumbs'><h1>Riverside: Council approves the flood barrier</h1></nav>"
            + "<article><h2><span class='article__kicker'>Riverside</span> <span class='article__headline'>Council approves the flood barrier</span></h2>"
            + Self.body + "</article></body></html>")
        #expect(f.headline == "Council approves the flood barrier")
    }

    @Test("a kicker is kept, joined as og:title joins it, when og:title includes it")
    func kickerKept() throws {
        let f = try resolve("<html><head><meta property='og:title' content='Dismantling the plant: Cooling towers blown up'></head>"
            + "<body><article><h2><span class='kicker'>Dismantling the plant</span> <span class='headline'>Cooling towers blown up</span></h2>"
            + Self.body + "</article></body></html>")
        #expect(f.headline == "Dismantling the plant: Cooling towers blown up")
    }

    @Test("a heading without kicker markup stays whole")
    func unmarkedTwoParts() throws {
        let f = try resolve("<html><head><meta property='og:title' content='Cooling towers blown up'></head>"
            + "<body><article><h1><span>Dismantling the plant</span> <span>Cooling towers blown up</span></h1>"
            + Self.body + "</article></body></html>")
        #expect(f.headline == "Dismantling the plant Cooling towers blown up")
    }

    @Test("spacing left by block elements inside the heading follows the metadata title")
    func spacingFromMetadata() throws {
        let f = try resolve("<html><head><meta property='og:title' content=\"Stuttgart's best: a city of records\"></head>"
            + "<body><article><h1><div>Stuttgart's best</div>: a city of records</h1>" + Self.body + "</article></body></html>")
        #expect(f.headline == "Stuttgart's best: a city of records")
    }

    @Test("an <h1> in a breadcrumb trail is not the headline")
    func breadcrumbH1() throws {
        let f = try resolve("<html><body><ol class='breadcrumb'><li><a href='/'>Home</a></li><li><h1>Old SEO title of the flood story</h1></li></ol>"
            + "<article><h2>Council approves the new flood barrier plan</h2>" + Self.body + "</article></body></html>")
        #expect(f.headline != "Old SEO title of the flood story")
    }

    // MARK: Dates

    @Test("a page that prints only an Updated date and declares no publication date is dated by it")
    func updatedOnly() throws {
        let f = try resolve("<html><head><script type='application/ld+json'>{\"@type\":\"Article\",\"headline\":\"The best tents for every trip\","
            + "\"dateModified\":\"2025-09-17T08:00:00Z\"}</script></head>"
            + "<body><article><h1>The best tents for every trip</h1><p>Written by: Sean Peek</p><p>Updated Sep 17, 2025</p>"
            + Self.body + "</article></body></html>")
        #expect(f.publishedAt == "2025-09-17T08:00:00Z")
        #expect(f.modifiedAt == "2025-09-17T08:00:00Z")
    }

    @Test("a JSON-LD datePublished alone gives way to the only printed date, Updated, when the markup's dateModified agrees")
    func updatedOverJSONLDPublished() throws {
        let f = try resolve("<html><head><script type='application/ld+json'>{\"@type\":\"Article\",\"headline\":\"The best tents for every trip\","
            + "\"datePublished\":\"2019-08-14T13:00:00Z\",\"dateModified\":\"2025-09-17T08:00:00Z\"}</script></head>"
            + "<body><article><h1>The best tents for every trip</h1><p>Updated Sep 17, 2025</p>"
            + Self.body + "</article></body></html>")
        #expect(f.publishedAt == "2025-09-17T08:00:00Z")
    }

    @Test("an Updated label printed just before a <time> element labels its date")
    func updatedLabelBeforeTime() throws {
        let f = try resolve("<html><head><script type='application/ld+json'>{\"@type\":\"Article\",\"headline\":\"Security practices for small teams\","
            + "\"datePublished\":\"2024-11-22T22:28:12Z\",\"dateModified\":\"2025-10-08T21:33:14Z\"}</script></head>"
            + "<body><article><h1>Security practices for small teams</h1><div><span>Updated <time datetime='2025-10-08'>October 8, 2025</time></span></div>"
            + Self.body + "</article></body></html>")
        #expect(f.publishedAt == "2025-10-08T21:33:14Z")
    }

    @Test("an Updated date inside a byline whose text runs the label into the name keeps its label")
    func updatedInsideByline() throws {
        let f = try resolve("<html><head><script type='application/ld+json'>{\"@type\":\"Article\",\"headline\":\"The best certifications for your career\","
            + "\"datePublished\":\"2019-08-14T13:00:00Z\",\"dateModified\":\"2025-09-17T08:00:00Z\"}</script></head>"
            + "<body><article><h1>The best certifications for your career</h1><div class='author-line'><span>Written by: Sean Marlow, Senior Analyst</span>"
            + "<span class='modified-at'>Updated Sep 17, 2025</span></div>" + Self.body + "</article></body></html>")
        #expect(f.publishedAt == "2025-09-17T08:00:00Z")
    }

    @Test("an article:published_time stays the publication date when the page prints only Updated")
    func updatedWithMetaPublished() throws {
        let f = try resolve("<html><head><meta property='article:published_time' content='2024-08-04T13:23:00Z'>"
            + "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"Riots spread to Plymouth\","
            + "\"datePublished\":\"2024-08-04T13:23:00Z\",\"dateModified\":\"2024-08-05T19:49:50Z\"}</script></head>"
            + "<body><article><h1>Riots spread to Plymouth</h1><p>Updated 20:49, 5 Aug 2024</p>"
            + Self.body + "</article></body></html>")
        #expect(f.publishedAt == "2024-08-04T13:23:00Z")
    }

    @Test("a printed publication date wins over the Updated rule")
    func publishedAndUpdated() throws {
        let f = try resolve("<html><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"Council approves the barrier\","
            + "\"datePublished\":\"2025-03-04T15:15:00Z\",\"dateModified\":\"2025-03-09T08:00:00Z\"}</script></head>"
            + "<body><article><h1>Council approves the barrier</h1><p>Published March 4, 2025</p><p>Updated March 9, 2025</p>"
            + Self.body + "</article></body></html>")
        #expect(f.publishedAt == "2025-03-04T15:15:00Z")
    }

    @Test("the Updated date is not used when the metadata's modification date disagrees with it")
    func updatedDisagrees() throws {
        let f = try resolve("<html><head><script type='application/ld+json'>{\"@type\":\"Article\",\"headline\":\"The best tents for every trip\","
            + "\"datePublished\":\"2019-08-14T13:00:00Z\",\"dateModified\":\"2024-01-02T08:00:00Z\"}</script></head>"
            + "<body><article><h1>The best tents for every trip</h1><p>Updated Sep 17, 2025</p>"
            + Self.body + "</article></body></html>")
        #expect(f.publishedAt == "2019-08-14T13:00:00Z")
    }

    @Test("a short date printed right after the byline is the article's date")
    func dateAfterByline() throws {
        let filler = String(repeating: "<a href='/tag'>tag</a>", count: 80)
        let f = try resolve("<html><body><article><h1>How mobile apps are made, step by step</h1><div>\(filler)</div>"
            + "<p>Written by <a href='/blog/author/moses-kim'>Moses Kim</a></p><p>April 8, 2024</p>"
            + Self.body + "</article></body></html>")
        #expect(f.publishedAt == "2024-04-08")
        #expect(f.authors.map(\.name) == ["Moses Kim"])
    }

    @Test("publication dates in other <meta> names are read", arguments: [
        ("w-published-date", "2025-05-27T06:03:43Z", true), ("published", "July 17, 2025", true), ("updated date", "2025-07-02T14:13:01Z", false),
        ("article:publisher", "https://example.com", nil), ("timezone", "UTC", nil),
    ])
    func metaDateNames(name: String, value: String, published: Bool?) throws {
        let md = MetadataExtractor().extract(try parseHTML("<html><head><meta name='\(name)' content='\(value)'></head><body></body></html>"))
        switch published {
        case true?: #expect(md.published.map(\.value) == [value])
        case false?: #expect(md.modified.map(\.value) == [value])
        case nil: #expect(md.published.isEmpty && md.modified.isEmpty)
        }
    }

    // MARK: Unmarked credits

    @Test("a name, job title and date line under the headline gives the author and the date")
    func nameTitleDate() throws {
        let f = try resolve("<html><body><main><header><h1>How AI is changing hospitals</h1><p>Aaron Ricadela | Senior Writer | July 2, 2025</p></header>"
            + Self.body + "</main></body></html>")
        #expect(f.authors.map(\.name) == ["Aaron Ricadela"])
        #expect(f.publishedAt?.hasPrefix("2025-07-02") == true)
    }

    @Test("a team credited by name is an author; calls to action are not", arguments: [
        ("DianaHR Team", ["DianaHR Team"]), ("The Meetingnotes Team", ["The Meetingnotes Team"]),
        ("Meet The Team", []), ("Join our team", []), ("Contact Team", []),
    ])
    func teamCredit(text: String, expected: [String]) throws {
        let f = try resolve("<html><body><article><h1>The five best HR tools this year</h1><p>\(text)</p>"
            + Self.body + "</article></body></html>")
        #expect(f.authors.map(\.name) == expected)
    }

    @Test("a single name printed as \"By …\" by the headline wins over another name in the markup")
    func printedByWins() throws {
        let f = try resolve("<html><head><meta name='author' content='Max Mittler'></head><body><article>"
            + "<h1>Remodel, rebuild or renovate: which one is right?</h1><p class='post-author'>By Linda Rosencrance</p>"
            + Self.body + "</article></body></html>")
        #expect(f.authors.map(\.name) == ["Linda Rosencrance"])
    }

    @Test("several printed names, or names far from the headline, leave the markup's author")
    func printedByFarOrMany() throws {
        let filler = String(repeating: Self.body, count: 120)
        let far = try resolve("<html><head><meta name='author' content='Steven Musil'></head><body><article>"
            + "<h1>Apple unveils a new phone this week</h1>" + filler + "<p class='byline'>by Patrick Holland</p></article></body></html>")
        #expect(far.authors.map(\.name) == ["Steven Musil"])
        let many = try resolve("<html><head><meta name='author' content='Shinma'></head><body><article>"
            + "<h1>Prime minister dodges criticism in debate</h1><p class='byline'>By Takeo Maeda and Tatsuya Tanoue</p>"
            + Self.body + "</article></body></html>")
        #expect(many.authors.map(\.name) == ["Shinma"])
    }

    @Test("labels in elements of their own, their values next: the date and the author")
    func labelValuePairs() throws {
        let paragraphs = String(repeating: Self.body, count: 12)
        let f = try resolve("<html><head><meta name='author' content='Deutsche Welle (www.dw.com)'></head><body><article>"
            + "<h1>Ukraine's counter-offensive: goals, chances, risks</h1>\(paragraphs)</article>"
            + "<ul class='smallList'><li><strong>Datum</strong> 28.04.2023 </li><li><strong>Autorin/Autor</strong> Roman Goncharenko </li></ul>"
            + "</body></html>", url: "https://www.dw.com/de/ukraine/a-65445082")
        #expect(f.authors.map(\.name) == ["Roman Goncharenko"])
        #expect(f.publishedAt == "2023-04-28")
    }

    @Test("an explicit \"Written by\" after the article is read when nothing nearer credits anyone")
    func writtenByBelow() throws {
        let paragraphs = String(repeating: Self.body, count: 30)
        let f = try resolve("<html><body><article><h1>Why cheap SEO does not work</h1>\(paragraphs)"
            + "<div><p>Written by John Crenshaw</p></div></article></body></html>")
        #expect(f.authors.map(\.name) == ["John Crenshaw"])
    }
}

@Suite("BylineParser: date remnants")
struct BylineDateRemnantTests {
    @Test("month names left from dates, date lines and widget buttons are not authors",
          arguments: ["Jun", "Nov.", "Jul, Nov", "Last Updated: January 7, 2025", "Abbruch", "Following"])
    func months(text: String) {
        #expect(BylineParser().parse(text).isEmpty)
    }

    @Test("a label printed after a credit is not part of it")
    func sponsored() {
        #expect(BylineParser().parse("Help Net Security Sponsored").map(\.name) == ["Help Net Security"])
    }

    @Test("a staff credit keeps its last word")
    func staffReporter() {
        #expect(BylineParser().parse("Guardian staff reporter") == [.init(name: "Guardian staff reporter", role: .staff)])
    }
}

@Suite("PageClueFinder: author boxes")
struct AuthorBoxTests {
    static let bio = " is a software developer who writes about audio plugins, game engines and the tools that build them, and has done so for a decade."

    @Test("the name atop an author box whose biography starts with it is the byline")
    func authorBox() throws {
        let doc = try parseHTML("<html><body><article><h1>Building a pixel-perfect interface</h1>"
            + "<p>The first part of the series looks at the drawing pipeline and how it renders each frame.</p>"
            + "<div class='blog-author'><h4>Bence Kovács</h4><p>Bence\(Self.bio)</p></div></article></body></html>")
        let f = FieldResolver().resolve(document: doc, metadata: MetadataExtractor().extract(doc), content: .init(), pageURL: "https://example.com/blog/ui")
        #expect(f.authors.map(\.name) == ["Bence Kovács"])
    }

    @Test("a box whose text does not go on with the name gives no author")
    func notABio() throws {
        let doc = try parseHTML("<html><body><article><h1>Building a pixel-perfect interface</h1>"
            + "<div class='author-section'><h4>Related Posts Here</h4><p>Other stories\(Self.bio)</p></div></article></body></html>")
        let f = FieldResolver().resolve(document: doc, metadata: MetadataExtractor().extract(doc), content: .init(), pageURL: "https://example.com/blog/ui")
        #expect(f.authors.isEmpty)
    }
}

@Suite("HeadlineSelector: punctuation from the metadata")
struct HeadlinePunctuationTests {
    @Test("punctuation lost between elements comes back from a metadata title; quotes stay as printed", arguments: [
        ("Die Eisheiligen 2024 Wann sie sind", "Die Eisheiligen 2024: Wann sie sind", "Die Eisheiligen 2024: Wann sie sind"),
        ("Why Cheap SEO Doesn’t Work", "Why Cheap SEO Doesn't Work", "Why Cheap SEO Doesn’t Work"),
        ("What is Git and How Does It Work?", "\"What is Git and How Does It Work?\"", "What is Git and How Does It Work?"),
        ("Stuttgart hat's drauf : Stadt der Superlative", "Stuttgart hat's drauf: Stadt der Superlative", "Stuttgart hat's drauf: Stadt der Superlative"),
        ("How many children do they have?", "How many children do they have?...", "How many children do they have?..."),
    ])
    func punctuation(printed: String, metadata: String, expected: String) {
        #expect(HeadlineSelector.punctuatedAsMetadata(printed, titles: [metadata]) == expected)
    }
}

@Suite("MetadataExtractor: date meta names")
struct MetaDateNameTests {
    @Test("a published-time beside a published-date: the date is read, the time is not")
    func publishedTime() throws {
        let md = MetadataExtractor().extract(try parseHTML("<html><head><meta name='published-time' content='2026-03-09T08:45:32Z'>"
            + "<meta name='published-date' content='2021-02-16'></head><body></body></html>"))
        #expect(md.published.map(\.value) == ["2021-02-16"])
    }
}

@Suite("FieldResolver: metadata dates")
struct MetadataDateOrderTests {
    @Test("a numeric date that reads both ways is read as a later unambiguous value gives it")
    func ambiguousNumeric() {
        let values: [PageMetadata.Value] = [.init("02-12-2025", .timeElement), .init("2025-12-02", .timeElement)]
        let d = FieldResolver.firstDate(values, parser: DateParser())
        #expect(d.map { [$0.year, $0.month, $0.day] } == [2025, 12, 2])
        let alone = FieldResolver.firstDate([.init("02-12-2025", .timeElement)], parser: DateParser())
        #expect(alone.map { [$0.year, $0.month, $0.day] } == [2025, 12, 2] || alone.map { [$0.year, $0.month, $0.day] } == [2025, 2, 12])
    }
}
