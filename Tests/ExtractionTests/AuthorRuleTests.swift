import Foundation
import Testing
import Schemas
@testable import Extraction

/// Fixture pages (written for these tests) for the byline rules of ``PageClueFinder``,
/// ``BylineParser`` and ``FieldResolver``: one page per rule, each failing without it.
@Suite("Author rules")
struct AuthorRuleTests {
    func authors(_ html: String, url: String = "https://example.com/garden/winter-roses") throws -> [String] {
        try resolveFields(html, url: url).authors.map(\.name)
    }

    static let body = "<p>Roses can be pruned in late winter, once the hardest frosts are over and the buds begin to swell.</p>"

    // MARK: Regions that hold the headline

    @Test("a byline inside a page-wide form (the headline's own region) is read")
    func pageWideForm() throws {
        let page = "<html><body><form id='aspnetForm' action='/post'><div class='page'><article>"
            + "<h1>How to prune roses in winter</h1><span class='post-author'>Hannah Ostrow</span>"
            + Self.body + "</article></div></form></body></html>"
        #expect(try authors(page) == ["Hannah Ostrow"])
    }

    @Test("a byline inside an aside left open before the headline is read; a closed aside is still skipped")
    func unclosedAside() throws {
        // The banner's `<aside>` is never closed: the parser keeps the whole page inside it.
        let open = "<html><body><aside class='banner'><div><a href='/news'><span>We have moved</span></div></a>"
            + "<div class='page'><article><h1>How to prune roses in winter</h1><span class='post-author'>Hannah Ostrow</span>"
            + Self.body + "</article></div></body></html>"
        #expect(try authors(open) == ["Hannah Ostrow"])
        let closed = "<html><body><article><h1>How to prune roses in winter</h1>" + Self.body
            + "<aside class='promo'><span class='post-author'>Desmond Ure</span></aside></article></body></html>"
        #expect(try authors(closed).isEmpty)
    }

    // MARK: Labels

    @Test("a heading label over an author box takes the element after it, not the buttons beside it")
    func headingLabel() throws {
        let page = "<html><body><article><h1>How to prune roses in winter</h1>" + Self.body
            + "<div class='box'><h2>Article by</h2><div class='who'>Tomasz Wierzbicki</div>"
            + "<div class='actions'><button>Let&#x27;s talk</button><button>Subscribe</button></div></div>"
            + "</article></body></html>"
        #expect(try authors(page) == ["Tomasz Wierzbicki"])
    }

    // MARK: Byline markup

    @Test("byline parts marked in their own way stay apart: the job title beside the name is dropped")
    func partsMarkedApart() throws {
        let page = "<html><body><article><h1>How to prune roses in winter</h1>"
            + "<div class='writer-wrapper'><div class='avatar'><img src='/a.png' alt=''></div><div class='writer-block'>"
            + "<div class='author-name'><div>By </div><a href='/team/ines-paredes'>Ines Paredes</a></div>"
            + "<div class='author-role'><div>Garden Content writer</div></div></div></div>"
            + Self.body + "</article></body></html>"
        #expect(try authors(page) == ["Ines Paredes"])
    }

    @Test("the name printed beside an avatar picture by the headline")
    func avatarName() throws {
        let page = "<html><body><article><h1>How to prune roses in winter</h1>"
            + "<p>Dec 26, 2025 <span>&bull;</span> <img src='/g.png' class='avatar avatar-xs'/> Rhea Lindqvist in "
            + "<a rel='nofollow' href='/blog/gardening'>Gardening</a></p>" + Self.body + "</article></body></html>"
        #expect(try authors(page) == ["Rhea Lindqvist"])
        // An avatar beside a sentence credits no one.
        let prose = page.replacingOccurrences(of: " Rhea Lindqvist in ", with: " we asked our readers about pruning in ")
        #expect(try authors(prose).isEmpty)
    }

    @Test("the site's own team credited by the headline wins over a person in the markup; another team does not")
    func siteTeam() throws {
        let page = "<html><head><script type='application/ld+json'>{\"@type\":\"BlogPosting\",\"headline\":\"How to prune roses in winter\","
            + "\"author\":{\"@type\":\"Person\",\"name\":\"Dana Whitcombe\"}}</script></head><body><article>"
            + "<h1>How to prune roses in winter</h1><div class='post-byline'>Greenthumb Team Nov 08, 2025 7 min read</div>"
            + Self.body + "</article></body></html>"
        #expect(try authors(page, url: "https://blog.greenthumb.example/pruning") == ["Greenthumb Team"])
        #expect(try authors(page, url: "https://blog.roseclub.example/pruning") == ["Dana Whitcombe"])
    }

    @Test("a name run into the date before it is kept")
    func nameAfterDate() throws {
        let page = "<html><body><article><div class='dateAndAuthor'><span class='t'>Dec 17, 2025</span><span class='t'>Orla K. Brennan</span></div>"
            + "<h1>How to prune roses in winter</h1>" + Self.body + "</article></body></html>"
        #expect(try authors(page) == ["Orla K. Brennan"])
    }

    @Test("a printed handle that holds a word of the markup's full name gives the full name")
    func handleDefersToMarkup() throws {
        let page = "<html><head><script type='application/ld+json'>{\"@type\":\"BlogPosting\",\"headline\":\"How to prune roses in winter\","
            + "\"author\":{\"@type\":\"Person\",\"name\":\"Carla Mendes-Ortiz\"}}</script></head><body><article>"
            + "<h1>How to prune roses in winter</h1><ul class='entry-meta'><li><span>Written by </span>"
            + "<span><a href='/author/gardencarla/' rel='author'>GardenCarla</a></span></li></ul>"
            + Self.body + "</article></body></html>"
        #expect(try authors(page) == ["Carla Mendes-Ortiz"])
        // A printed name that shares nothing with the markup's still wins when led by "By".
        let other = page.replacingOccurrences(of: "<span>Written by </span><span><a href='/author/gardencarla/' rel='author'>GardenCarla</a></span>",
                                              with: "<span class='byline'>By Pim Jansen</span>")
        #expect(try authors(other) == ["Pim Jansen"])
    }
}

@Suite("BylineParser: dates and job titles")
struct BylineDateAndTitleTests {
    let parser = BylineParser()

    @Test("names survive dates and job titles around them", arguments: [
        ("Dec 17, 2025Orla K. Brennan", ["Orla K. Brennan"]),
        ("17 Dec 2025 Orla Brennan", ["Orla Brennan"]),
        ("Reviewed by Ravi Castell, Trial Attorney at Dunmore & Dunmore, on December 9, 2024.", ["Ravi Castell"]),
        ("By Ines Paredes; Garden Content writer", ["Ines Paredes"]),
        ("Von Max Muster am 5. Mai 2024", ["Max Muster"]),
    ])
    func names(byline: String, expected: [String]) {
        #expect(parser.parse(byline).map(\.name) == expected, "\(byline)")
    }

    @Test("a date followed by no name credits no one", arguments: ["Dec 17, 2025 PM", "Dec 17, 2025 · 5 min read", "17 Dec 2025 EST"])
    func dateOnly(text: String) {
        #expect(parser.parse(text).isEmpty, "\(text)")
    }
}
