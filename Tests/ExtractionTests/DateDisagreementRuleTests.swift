import Foundation
import Testing
import Schemas
@testable import Extraction

/// Which publication date a page is given when its kinds of markup disagree (JSON-LD against
/// `article:published_time`: the day the page prints by its headline decides), when the only date
/// printed under the headline is the markup's modification day, and when the only date is a
/// labelled one under the article. Each on a small page of our own.
@Suite("FieldResolver: disagreeing markup dates, printed modification days, dates under the article")
struct DateDisagreementRuleTests {
    static let body = "<p>Trail shoes wear out faster than most people expect, and the foam loses its spring long before the tread is gone.</p>"
        + "<p>We ran every pair on the same forest loop for six weeks and weighed the soles before and after each block.</p>"

    static func page(head: String, printed: String) -> String {
        "<html><head>" + head + "</head><body><article><h1>The best trail shoes we tested</h1>"
            + "<div class='byline'><span>By Jane Roe</span> <time class='stamp'>" + printed + "</time></div>"
            + body + body + "</article></body></html>"
    }

    static let ld2018 = "<script type='application/ld+json'>{\"@type\":\"Article\",\"headline\":\"The best trail shoes we tested\","
        + "\"datePublished\":\"2018-04-03T16:50:31Z\",\"dateModified\":\"2026-01-07T10:00:00Z\"}</script>"

    @Test("article:published_time wins over an older JSON-LD datePublished when the page prints its day (even as 'Updated')")
    func printedOpenGraphDay() throws {
        let f = try resolveFields(Self.page(
            head: Self.ld2018 + "<meta property='article:published_time' content='2025-12-19T18:06:00Z'>",
            printed: "Updated: Dec 19, 2025"), url: "https://www.example-shoes.com/gear/best-trail-shoes/")
        #expect(f.publishedAt == "2025-12-19T18:06:00Z")
    }

    @Test("the first markup date stays when its day is printed, the other is a loose <meta> name, the two are a day apart, or neither is printed",
          arguments: [
            ("<meta property='article:published_time' content='2025-12-19T18:06:00Z'>", "April 3, 2018"),
            ("<meta name='sailthru.date' content='2025-12-19'>", "Dec 19, 2025"),
            ("<meta property='article:published_time' content='2018-04-04T01:00:00Z'>", "Apr 4, 2018"),
            ("<meta property='article:published_time' content='2025-12-19T18:06:00Z'>", "Updated: Jan 7, 2026"),
          ])
    func firstMarkupDateStays(other: String, printed: String) throws {
        let f = try resolveFields(Self.page(head: Self.ld2018 + other, printed: printed), url: "https://www.example-shoes.com/gear/best-trail-shoes/")
        #expect(f.publishedAt == "2018-04-03T16:50:31Z")
    }

    // MARK: A page that prints its modification day

    static func rewritten(_ printed: String, head extra: String = "") -> String {
        "<html><head><meta property='article:published_time' content='2023-09-30 19:49:39'>"
            + "<meta property='article:modified_time' content='2026-02-04 15:34:11'>" + extra + "</head>"
            + "<body><div class='post-header'><h1>Twenty brands that mend what they sell</h1>" + printed
            + "<p class='writer'>Written by: Jane Roe</p></div><article>" + body + body + "</article></body></html>"
    }

    @Test("the only date printed under the headline, the markup's modification day long after its publication date, is the page's date")
    func printedModificationDay() throws {
        let f = try resolveFields(Self.rewritten("<p class='post-date'>February 4 2026 - Reading time: 12 min</p>"),
                                  url: "https://www.example-tailor.com/blog/mending-brands")
        #expect(f.publishedAt?.hasPrefix("2026-02-04") == true)
    }

    @Test("the modification day printed as an update (itemprop, class, a label split off by markup) or beside the publication day leaves the markup's date",
          arguments: [
            "<p itemprop='dateModified'>February 4 2026</p>",
            "<p><time class='updated'>February 4 2026</time></p>",
            "<p>Updated<!-- -->: <!-- -->February 4 2026</p>",
            "<p><span>February 4 2026</span> <span>September 30 2023</span></p>",
          ])
    func printedUpdateStays(printed: String) throws {
        let f = try resolveFields(Self.rewritten(printed), url: "https://www.example-tailor.com/blog/mending-brands")
        #expect(f.publishedAt?.hasPrefix("2023-09-30") == true)
    }

    // MARK: A publication date under the article

    static func closing(_ tail: String, head: String = "") -> String {
        "<html><head>" + head + "</head><body><h1>Twenty brands that mend what they sell</h1><article>"
            + String(repeating: body, count: 80) + tail + "</article><footer><p>Posted on May 1, 2025</p></footer></body></html>"
    }

    @Test("a page without any other date is dated by a labelled publication date printed under the article",
          arguments: ["<div>Post date: March 3, 2024</div>", "<div class='entry-stamp'>Posted on 3 March 2024</div>",
                      "<p><span>Post time: 2024-03-03</span></p>"])
    func closingDate(tail: String) throws {
        let f = try resolveFields(Self.closing(tail), url: "https://www.example-boards.com/blog/mending-brands")
        #expect(f.publishedAt == "2024-03-03")
    }

    @Test("a labelled date in comments, in a related list, inside a sentence, or after the markup's last modification gives no date",
          arguments: [
            ("<div class='comments'><p>Posted on March 3, 2024</p></div>", ""),
            ("<div class='related-posts'><p>Post date: March 3, 2024</p></div>", ""),
            ("<p>The new rules were posted on March 3, 2024 by the council.</p>", ""),
            ("<div>Post date: March 3, 2024</div>", "<meta property='article:modified_time' content='2023-12-01T10:00:00Z'>"),
          ])
    func noClosingDate(tail: String, head: String) throws {
        let f = try resolveFields(Self.closing(tail, head: head), url: "https://www.example-boards.com/blog/mending-brands")
        #expect(f.publishedAt == nil)
    }
}
