import Foundation
import Testing
import Schemas
@testable import Extraction

/// Headline rules that weigh the on-page heading against the page's own titles (`og:title`,
/// `<title>`, `<meta name=headline>`), each on a small page of our own.
@Suite("HeadlineSelector: the heading against the page's titles")
struct HeadlineMetadataRuleTests {
    func headline(_ html: String, url: String = "https://www.example-daily.com/news/1") throws -> String? {
        try resolveFields(html, url: url).headline
    }

    static let body = "<p>The council met on Tuesday evening and voted on the plan after a long debate about costs and timing.</p>"

    static func page(og: String?, title: String, h1: String, extraHead: String = "") -> String {
        let ogTag = og.map { "<meta property='og:title' content=\"\($0)\">" } ?? ""
        return "<html><head><title>\(title)</title>\(ogTag)\(extraHead)</head><body><article><h1>\(h1)</h1>" + body + "</article></body></html>"
    }

    // MARK: Shortened og:title

    @Test("an og:title that is the heading with words left out is the headline when the <title> has the long form")
    func shortenedOG() throws {
        let h = try headline(Self.page(
            og: "Your old coins could be worth thousands - here's how to check",
            title: "Your old coins could be worth thousands - here's how to check if you have a rare one | Example Daily",
            h1: "Your old coins could be worth thousands - here's how to check if you have a rare one"))
        #expect(h == "Your old coins could be worth thousands - here's how to check")
    }

    @Test("one word of the og:title may differ from the heading in a longer title")
    func shortenedOGOneWord() throws {
        let h = try headline(Self.page(
            og: "Why there has to be a compromise in the valley",
            title: "Why there has to be a compromise to end the valley dispute | Example Daily",
            h1: "Why there has to be a compromise to end the valley dispute"))
        #expect(h == "Why there has to be a compromise in the valley")
    }

    @Test("the heading stays when the <title> is the short form too, or the og:title rewords it", arguments: [
        // The <title> agrees with the og:title: the heading is the page's own, longer headline.
        ("Best tools for your tool belt (2025)", "Best tools for your tool belt (2025)", "Best tools for your tool belt in 2025 and beyond"),
        // Words in another order: a rewording, not a shortening.
        ("Researcher warns: are students forgetting how to read?", "Researcher from Osnabrück warns students are forgetting how to read | Example Daily",
         "Researcher from Osnabrück warns students are forgetting how to read"),
    ])
    func headingStays(og: String, title: String, h1: String) throws {
        #expect(try headline(Self.page(og: og, title: title, h1: h1)) == h1)
    }

    // MARK: Quotes

    @Test("curly quotes printed in the heading are written straight when the <title> writes them so")
    func straightQuotesFromTitle() throws {
        let h = try headline(Self.page(og: nil, title: "From adversity to advocacy: a young lawyer's journey - Example Daily",
                                       h1: "From adversity to advocacy: a young lawyer’s journey"))
        #expect(h == "From adversity to advocacy: a young lawyer's journey")
    }

    @Test("curly quotes stay when the <title> prints them too")
    func curlyQuotesStay() throws {
        let h = try headline(Self.page(og: "What a crime film can teach about doing what's right",
                                       title: "What a crime film can teach about doing what’s right",
                                       h1: "What a crime film can teach about doing what’s right"))
        #expect(h == "What a crime film can teach about doing what’s right")
    }

    // MARK: Without a heading

    @Test("without a heading, a metadata headline that the og:title extends with a section and site is the headline")
    func metaHeadlinePrefix() throws {
        let html = "<html><head><meta name='headline' content='Budget passes after a night of talks'>"
            + "<meta property='og:title' content='Budget passes after a night of talks-Politics｜Example Daily'>"
            + "<title>Budget passes after a night of talks-Politics｜Example Daily</title></head><body><article>" + Self.body + "</article></body></html>"
        #expect(try headline(html) == "Budget passes after a night of talks")
    }

    @Test("a title cut short with an ellipsis is not taken for the headline")
    func truncatedTitleNotTaken() throws {
        let full = "Hair follicles have been grown in the lab for the first time. A mouse study found the missing cell type"
        let html = "<html><head><meta property='og:title' content='\(full)'>"
            + "<meta name='twitter:title' content='Hair follicles have been grown in the lab for the...'>"
            + "</head><body><article>" + Self.body + "</article></body></html>"
        #expect(try headline(html) == full)
    }
}

/// Author rules for credits that SEO plugins and recipe pages print, on small pages of our own.
@Suite("Authors: Twitter card credits and recipe bylines")
struct CardAndRecipeAuthorTests {
    @Test("a Twitter card's \"Written by\" field names the author")
    func twitterCardAuthor() throws {
        let doc = try parseHTML("<html><head><meta name='twitter:label1' content='Written by'><meta name='twitter:data1' content='Jane Marlow'>"
            + "<meta name='twitter:label2' content='Est. reading time'><meta name='twitter:data2' content='7 minutes'></head><body></body></html>")
        let md = MetadataExtractor().extract(doc)
        #expect(md.authors.map(\.name) == ["Jane Marlow"])
        #expect(md.authors.first?.source == .twitter)
    }

    @Test("other Twitter card fields name no author")
    func twitterCardOtherFields() throws {
        let doc = try parseHTML("<html><head><meta name='twitter:label1' content='Est. reading time'><meta name='twitter:data1' content='7 minutes'>"
            + "</head><body></body></html>")
        #expect(MetadataExtractor().extract(doc).authors.isEmpty)
    }

    @Test("\"Recipe by\" and \"Article by\" lead a byline", arguments: [
        ("Recipe by PJ Larkin", "PJ Larkin"),
        ("Article by Maria Nieminen", "Maria Nieminen"),
    ])
    func recipeLead(byline: String, name: String) {
        #expect(BylineParser().parse(byline).map(\.name) == [name])
    }

    @Test("a name before a date in one |-separated part is kept; a comment count is no author")
    func nameBeforeDateInSegment() {
        #expect(BylineParser().parse("By Jane Marlow, Example Columnist August 19, 2025 | 33 Comments").map(\.name) == ["Jane Marlow"])
        #expect(BylineParser().parse("Dec. 19, 2025 · Niko Larsson").map(\.name) == ["Niko Larsson"])
    }
}

/// Clues printed in a share bar right under the headline, on a small page of our own.
@Suite("PageClueFinder: the block right under the headline")
struct HeadlineBarClueTests {
    @Test("a byline in a share bar right under the headline is read")
    func bylineInShareBar() throws {
        let doc = try parseHTML("<html><body><article><h1>Managing legal risks in a small gym</h1>"
            + "<div class='by-share-div'><div class='by-div'><p>By: Jane Marlow</p></div><div><a href='/s'>Share</a></div></div>"
            + "<p>The council met on Tuesday evening and voted on the plan after a long debate about costs and timing.</p></article></body></html>")
        let md = MetadataExtractor().extract(doc)
        let f = FieldResolver().resolve(document: doc, metadata: md, content: .init(), pageURL: "https://www.example-law.com/blog/gym")
        #expect(f.authors.map(\.name) == ["Jane Marlow"])
    }
}
