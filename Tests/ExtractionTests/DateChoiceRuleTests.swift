import Foundation
import Testing
import Schemas
@testable import Extraction

/// Which date a page is given when its markup and its print disagree: teaser cards, related-content
/// microdata, republished pages that print their original date, "Updated" dates the markup edited
/// later, and pages without a heading element. Each on a small page of our own.
@Suite("FieldResolver: choosing the publication date")
struct DateChoiceRuleTests {
    func resolve(_ html: String, url: String = "https://www.example-news.com/a/1") throws -> ResolvedFields {
        try resolveFields(html, url: url)
    }

    static let body = "<p>The council met on Tuesday evening and voted on the plan after a long debate about costs and timing.</p>"
        + "<p>Residents who spoke at the meeting asked for the work to start before the spring floods arrive again.</p>"

    static func ld(_ fields: String) -> String {
        "<script type='application/ld+json'>{\"@type\":\"Article\",\"headline\":\"The best tents for every trip\"" + fields + "}</script>"
    }

    // MARK: Teaser cards

    @Test("a date in a teaser card (a link holding a title and an excerpt) below the article is not the page's date")
    func teaserCardDate() throws {
        let card = "<div class='slider'><a class='post-card' href='/other'><h3>Online business certificates compared</h3>"
            + "<p>Accredited schools offer business certificates for graduates and professionals. Explore key details.</p>"
            + "<div class='card-wrap'><span class='post-info'>July 17, 2025</span></div></a></div>"
        let f = try resolve("<html><head>" + Self.ld(",\"dateModified\":\"2025-10-21T15:52:08Z\"") + "</head>"
            + "<body><article><h1>The best tents for every trip</h1><div><span class='font-normal'>Updated on October 21, 2025</span></div>"
            + String(repeating: Self.body, count: 80) + "</article>" + card + "</body></html>")
        #expect(f.publishedAt == "2025-10-21T15:52:08Z")
    }

    @Test("a permalink around the date alone is not a teaser card")
    func permalinkDate() throws {
        let f = try resolve("<html><body><article><h1>The best tents for every trip</h1>"
            + "<div class='entry-meta'><a href='/the-best-tents' rel='bookmark'><span class='entry-date'>March 4, 2025</span></a></div>"
            + Self.body + "</article></body></html>")
        #expect(f.publishedAt == "2025-03-04")
    }

    // MARK: Related content

    @Test("microdata datePublished of related cards in an <aside> gives way to the page's own <meta name=date>")
    func asideMicrodata() throws {
        let card = "<aside class='related'><article itemscope itemtype='https://schema.org/Article'><a class='card' href='/other'>"
            + "<h3>Why integrations are harder than expected</h3><span itemprop='datePublished' content='2026-03-13T12:00:00+00:00'>Mar 13, 2026</span></a>"
            + "</article></aside>"
        let f = try resolve("<html><head><meta name='date' content='March 27, 2025'></head><body>"
            + "<article><h1>Eleven podcasts that inspire IT leaders</h1><div class='card__info'><span>Feature</span></div>" + Self.body + "</article>"
            + card + "</body></html>")
        #expect(f.publishedAt == "2025-03-27")
    }

    // MARK: Republished pages

    @Test("a date printed under the headline, days before the markup's publication date, is the page's date")
    func printedOriginalDate() throws {
        let f = try resolve("<html><head><meta property='article:published_time' content='2024-08-07T12:01:51.460Z'></head>"
            + "<body><article><h1>Lessons learned from my failed startup</h1><div><span>7 min read</span><span>·</span><span>Dec 30, 2013</span></div>"
            + Self.body + "</article></body></html>")
        #expect(f.publishedAt == "2013-12-30")
    }

    @Test("a printed date after the markup's publication date (an unmarked update), the same date read in the other order, or one after an unknown label, leaves the markup's",
          arguments: [("Sep 27, 2023", "2022-02-16T07:53:25Z"), ("11.03.2022", "2022-11-03T07:53:25Z"),
                      ("Released: June 5, 2020", "2022-02-16T07:53:25Z")])
    func printedLaterDate(printed: String, published: String) throws {
        let f = try resolve("<html><head><meta property='article:published_time' content='\(published)'></head>"
            + "<body><article><h1>Different wine types explained</h1><div><span>\(printed)</span></div>"
            + Self.body + "</article></body></html>")
        #expect(f.publishedAt == published)
    }

    // MARK: Updated dates

    @Test("a page printing only Updated X is dated X when the markup's modification date is later than X")
    func updatedBeforeMarkupModification() throws {
        let f = try resolve("<html><head>" + Self.ld(",\"datePublished\":\"2025-05-19T22:12:02Z\",\"dateModified\":\"2025-11-20T16:06:10Z\"") + "</head>"
            + "<body><article><h1>The best tents for every trip</h1><p>Written by Jane Roe</p><p>Updated August 14, 2025</p>"
            + Self.body + "</article></body></html>")
        #expect(f.publishedAt == "2025-08-14")
    }

    // MARK: Meta names

    @Test("date <meta>s under more names are read", arguments: [
        ("<meta property='og:article:published_time' content='2024-03-12T09:00:00Z'>", "published"),
        ("<meta name='published_at' content='2024-03-12T09:00:00Z'>", "published"),
        ("<meta name='prism.publicationDate' content='2024-03-12T09:00:00Z'>", "published"),
        ("<meta property='og:article:modified_time' content='2024-03-12T09:00:00Z'>", "modified"),
        ("<meta property='article:modified' content='2024-03-12T09:00:00Z'>", "modified"),
    ])
    func moreMetaNames(tag: String, field: String) throws {
        let f = try resolve("<html><head>" + tag + "</head><body><article><h1>Council approves the flood barrier</h1>" + Self.body + "</article></body></html>")
        #expect((field == "published" ? f.publishedAt : f.modifiedAt) == "2024-03-12T09:00:00Z")
    }

    // MARK: Labels

    @Test("publication and update labels in more languages", arguments: [
        ("Erschienen: 12. März 2024", DateParser.Match.Label.published),
        ("Objavljeno 12.03.2024.", .published),
        ("Δημοσιεύθηκε 12 Μαρτίου 2024", .published),
        ("Оновлено 12 березня 2024", .modified),
        ("Actualizat 12 martie 2024", .modified),
        ("Modificado el 12 de marzo de 2024", .modified),
    ])
    func moreLabels(text: String, label: DateParser.Match.Label) {
        let m = DateParser().scan(text).first { $0.date.isValid }
        #expect(m?.label == label)
    }

    @Test("a label in an element of its own, the date next: 'Erschienen am', 'Zuletzt aktualisiert'")
    func standaloneLabels() throws {
        let f = try resolve("<html><head><meta property='article:published_time' content='2024-03-01T09:00:00+01:00'></head>"
            + "<body><article><h1>Der Rat stimmt dem Hochwasserschutz zu</h1><div><strong>Erschienen am</strong> <span>12.03.2024</span></div>"
            + "<div><strong>Zuletzt aktualisiert</strong> <span>14.03.2024</span></div>" + Self.body + "</article></body></html>",
            url: "https://www.example-news.de/a/1")
        #expect(f.publishedAt == "2024-03-12")
        #expect(f.modifiedAt == "2024-03-14")
    }

    // MARK: The address

    @Test("a page without any date is dated by a full date in its address's path", arguments: [
        ("https://www.example-news.com/national/2026/07/07/1708171", "2026-07-07"),
        ("https://www.example-news.com/2024-05-17/council-approves-barrier", "2024-05-17"),
    ])
    func urlDate(url: String, expected: String) throws {
        let f = try resolve("<html><body><article><h1>Council approves the flood barrier</h1>" + Self.body + "</article></body></html>", url: url)
        #expect(f.publishedAt == expected)
    }

    @Test("a year and month alone, an article number, or a modification before the address's day give no date", arguments: [
        ("https://www.example-news.com/2024/05/council-approves-barrier", ""),
        ("https://www.example-news.com/news/A2026012914320005196", ""),
        ("https://www.example-news.com/2024/05/17/council-approves-barrier", "<meta property='article:modified_time' content='2023-01-02T08:00:00Z'>"),
    ])
    func noUrlDate(url: String, head: String) throws {
        let f = try resolve("<html><head>" + head + "</head><body><article><h1>Council approves the flood barrier</h1>" + Self.body + "</article></body></html>", url: url)
        #expect(f.publishedAt == nil)
    }

    // MARK: Pages without a heading element

    @Test("on a page without a heading element the date printed by the headline's text is read")
    func noHeadingElement() throws {
        let chrome = String(repeating: "<div class='nav-item'><a href='/x'>Services</a></div>", count: 150)
        let f = try resolve("<html><head><title>Top 5 HR management tools in 2026</title>"
            + "<meta property='og:title' content='Top 5 HR management tools in 2026'></head><body>" + chrome
            + "<div class='hero'><div><p class='framer-text'>Top 5 HR management tools in 2026</p></div>"
            + "<div><div><p class='framer-text'>Acme HR Team</p></div><div><p class='framer-text'>Feb 16, 2026</p></div></div></div>"
            + Self.body + "</body></html>")
        #expect(f.publishedAt == "2026-02-16")
    }
}
