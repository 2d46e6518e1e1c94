import Foundation
import Testing
import Schemas
@testable import Extraction

@Suite("FieldResolver")
struct FieldResolverTests {
    func resolve(_ doc: HTMLDocument, url: String) -> ResolvedFields {
        resolveFields(doc, url: url)
    }

    @Test("the seed page: desk byline, printed Bengali date at +06:00 inferred, Reuters credit, Bengali")
    func seed() throws {
        let f = resolve(try fieldsFixture("kalbela-style-article.html"), url: "https://www.kalbela.com/international/asia/145678")
        #expect(f.headline == "রাশিয়া সফরে যাবেন ইরানের প্রেসিডেন্ট")
        #expect(f.authors == [.init(name: "কালবেলা ডেস্ক", role: .desk)])
        #expect(f.publishedAt == "2024-12-27T20:53:00+06:00")
        #expect(f.timezoneInferred)
        #expect(f.attributions == ["Reuters"])
        #expect(f.language == "bn")
        #expect(f.siteName == "কালবেলা")
    }

    @Test("a district page: staff byline without its place, metadata offset corrected, text language beats en-US")
    func district() throws {
        let f = resolve(try fieldsFixture("fields-bangla-district.html"), url: "https://surmabarta.example.com/country/123")
        #expect(f.headline == "সিলেটে বন্যায় পানিবন্দি লাখো মানুষ")
        #expect(f.authors == [.init(name: "নিজস্ব প্রতিবেদক", role: .staff)])
        #expect(f.byline == "নিজস্ব প্রতিবেদক, সিলেট")
        // JSON-LD says 09:40+00:00, the page prints 09:40 local time in Bangladesh.
        #expect(f.publishedAt == "2024-06-19T09:40:00+06:00")
        #expect(f.modifiedAt == "2024-06-19T11:05:00+06:00")
        #expect(f.timezoneInferred)
        #expect(f.language == "bn")
        #expect(f.attributions == ["BSS"])
        #expect(f.section == "সারাদেশ")
    }

    @Test("an English page: h1 over the suffixed og:title, JSON-LD persons, exact offset, AP credit")
    func english() throws {
        let f = resolve(try fieldsFixture("fields-english-graph.html"), url: "https://www.riverside-chronicle.example.com/news/flood")
        #expect(f.headline == "Council approves new flood barrier plan")
        #expect(f.authors.map(\.name) == ["Maria Lopez", "Tom O'Neill"])
        #expect(f.authors.allSatisfy { $0.role == .reporter })
        #expect(f.publishedAt == "2025-03-04T15:15:00Z")
        #expect(f.timezoneInferred == false)
        #expect(f.attributions == ["AP"])
        #expect(f.language == "en")
        #expect(f.tags.contains("Flooding"))
    }

    @Test("the title's site suffix is removed only when it names the site")
    func titleSuffix() {
        #expect(HeadlineSelector.stripSite("Trump wins - live updates", siteNames: ["The Riverside Chronicle"]) == "Trump wins - live updates")
        #expect(HeadlineSelector.stripSite("Trump wins | The Riverside Chronicle", siteNames: ["The Riverside Chronicle"]) == "Trump wins")
        #expect(HeadlineSelector.stripSite("Kalbela :: ভোট আজ", siteNames: ["kalbela.com", "kalbela"]) == "ভোট আজ")
    }

    @Test("no date is written when the page has none")
    func noDate() throws {
        let doc = try parseHTML("<html><body><h1>Hello world again</h1><p>Some text that has no date at all in it, only words.</p></body></html>")
        let f = resolve(doc, url: "https://example.com/x")
        #expect(f.publishedAt == nil)
        #expect(f.authors.isEmpty)
        #expect(f.headline == "Hello world again")
    }

    @Test("printed bylines without byline markup: a lead word before a link, a link to the author's page", arguments: [
        ("<p class='meta'><span class='item'> By <a href='/people/sofia-gomez'>Sofia Gomez</a> </span></p>", "Sofia Gomez"),
        ("<p class='pt-2'>by: <!-- -->Ziyi Xu<!-- -->, <!-- -->Dec 17, 2025</p>", "Ziyi Xu"),
        ("<div class='x1'><a class='x2' href='https://example.com/authors/ray-ansari/'>Ray Ansari</a></div>", "Ray Ansari"),
    ])
    func unmarkedBylines(markup: String, expected: String) throws {
        let doc = try parseHTML("<html><body><article><h1>Twelve new restaurants opened this month</h1>\(markup)"
            + "<p>The city has seen a wave of openings this winter, from pizza places to noodle bars and more.</p></article></body></html>")
        #expect(resolve(doc, url: "https://example.com/food/openings").authors == [.init(name: expected, role: .reporter)])
    }

    @Test("a lead word before prose or a lower-case text is not a byline")
    func leadBeforeProse() throws {
        let doc = try parseHTML("<html><body><article><h1>Twelve new restaurants opened this month</h1>"
            + "<p>By <a href='/guide'>the way, our guide</a> has moved.</p>"
            + "<p>The city has seen a wave of openings this winter, from pizza places to noodle bars and more.</p></article></body></html>")
        #expect(resolve(doc, url: "https://example.com/food/openings").authors.isEmpty)
    }

    @Test("a desk word that labels a menu link is not a credit")
    func menuLinkIsNotDesk() throws {
        let doc = try parseHTML("<html><body><ul><li><a href='/news'>Newsroom</a></li><li><a href='/help'>Student Help Desk</a></li></ul>"
            + "<article><h1>Twelve new restaurants opened this month</h1>"
            + "<p>The city has seen a wave of openings this winter, from pizza places to noodle bars and more.</p></article></body></html>")
        #expect(resolve(doc, url: "https://example.edu/food/openings").authors.isEmpty)
    }

    @Test("one byline element per author: the names do not run together; lower-case agency credits are kept")
    func bylinePerAuthor() throws {
        let doc = try parseHTML("<html><body><article><h1>Twelve new restaurants opened this month</h1><div class='bylines'>"
            + "<div class='byline'><a rel='author'><span>Ingrid</span> <span>Treborg</span></a></div>"
            + "<div class='byline'><a rel='author'><span>Marlene</span> <span>Holm</span></a></div></div>"
            + "<p>The city has seen a wave of openings this winter, from pizza places to noodle bars and more.</p></article></body></html>")
        let f = resolve(doc, url: "https://example.no/food/openings")
        #expect(f.authors.map(\.name) == ["Ingrid Treborg", "Marlene Holm"])
        let agency = try parseHTML("<html><body><article><h1>Twelve new restaurants opened this month</h1>"
            + "<span class='article-heading__author'>Von dpa</span>"
            + "<p>The city has seen a wave of openings this winter, from pizza places to noodle bars and more.</p></article></body></html>")
        #expect(resolve(agency, url: "https://example.de/food/openings").authors == [.init(name: "dpa", role: .agency)])
    }
}
