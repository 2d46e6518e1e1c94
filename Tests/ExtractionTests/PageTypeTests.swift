import Schemas
import Testing
@testable import Extraction

@Suite("Page type")
struct PageTypeTests {
    let extractor = ArticleExtractor()

    @Test("A section front with many teaser cards and no article markup is a listing")
    func listing() throws {
        var html = "<html><head><title>World news</title></head><body><h1>World</h1>"
        for i in 0..<12 {
            html += "<article class=\"card\"><h3><a href=\"/world/\(i)\">Headline number \(i) about events</a></h3><p>Short teaser \(i).</p></article>"
        }
        html += "</body></html>"
        let r = try extractor.extract(RawPage(url: "https://news.example.com/section/world", body: Array(html.utf8)))
        #expect(r.pageType == .listing)
    }

    @Test("A page with Product JSON-LD is a product page")
    func product() throws {
        let html = #"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Wool Runner","offers":{"@type":"Offer","price":"98"}}</script></head><body><h1>Wool Runner</h1><p>Soft, breathable shoes.</p><button class="add-to-cart">Add to cart</button></body></html>"#
        let r = try extractor.extract(RawPage(url: "https://shop.example.com/products/wool-runner", body: Array(html.utf8)))
        #expect(r.pageType == .product)
    }

    @Test("Our article fixtures are articles")
    func articles() throws {
        let r = try extractor.extract(RawPage(url: "https://www.kalbela.example.bd/international/asia/145678", body: try fixture("kalbela-style-article.html")))
        #expect(r.pageType == .article)
    }

    @Test("URL shape: date segments, long numbers, slug words, depth and path words")
    func urlShape() {
        let dated = URLShape("https://news.example.com/2024/05/city-council-approves-budget")
        #expect(dated.hasDate && dated.slugWords == 4 && dated.segments.count == 3)
        let numbered = URLShape("https://www.example.bd/international/asia/145678")
        #expect(numbered.hasLongNumber && !numbered.hasDate)
        let slug = URLShape("https://example.com/news/why-the-river-flooded-again.html?ref=home")
        #expect(slug.slugWords == 5 && slug.hasQuery && !slug.hasLongNumber)
        #expect(URLShape("https://example.com/").segments.isEmpty)
        #expect(URLShape("https://example.com/archive/20240512-flood").hasDate)
        #expect(URLShape("https://shop.example.com/products/wool-runner").hasSegment(in: URLShape.productWords))
        #expect(URLShape("https://talk.example.com/t/how-to-fix/123").hasSegment(in: URLShape.forumWords))
        #expect(!URLShape("https://example.com/services/packaging/").hasSegment(in: URLShape.forumWords))
    }

    /// Site chrome of a company site: navigation with calls to action, a footer of links.
    static let companyChrome = (
        header: "<header><nav>" + ["Product", "Solutions", "Pricing", "Customers", "Docs", "Blog"].map { "<a href=\"/\($0.lowercased())/\">\($0)</a>" }.joined()
            + "<a class=\"btn btn-primary\" href=\"/signup\">Start free</a><a class=\"btn\" href=\"/contact\">Contact sales</a></nav></header>",
        footer: "<footer><ul>" + (0..<20).map { "<li><a href=\"/f/\($0)\">Footer link \($0)</a></li>" }.joined() + "</ul></footer>"
    )

    @Test("A landing page calling itself a website, with calls to action, short blurbs and no date, is not an article")
    func landing() throws {
        var html = #"<html><head><meta property="og:type" content="website"><title>Acme WAF</title></head><body>"# + Self.companyChrome.header
        html += "<main><section><h1>Protect your apps</h1><p>Stop attacks at the edge.</p><a class=\"cta-button\" href=\"/signup\">Get started</a></section>"
        for i in 0..<4 {
            html += "<section><h2>Feature \(i)</h2><p>Acme's firewall blocks attacks at the edge and keeps your application fast, feature \(i).</p><a href=\"/waf/f\(i)\">Learn more</a></section>"
        }
        html += "</main>" + Self.companyChrome.footer + "</body></html>"
        let r = try extractor.extract(RawPage(url: "https://www.acme.example.com/waf/", body: Array(html.utf8)))
        #expect(r.pageType != .article)
    }

    @Test("FAQPage Question/Answer markup on a dated news article does not make it a forum thread")
    func faqOnArticle() throws {
        var html = #"<html><head><meta property="og:type" content="article"><meta property="article:published_time" content="2025-03-02T10:00:00Z">"#
        html += #"<script type="application/ld+json">{"@context":"https://schema.org","@type":"FAQPage","mainEntity":[{"@type":"Question","name":"Why?","acceptedAnswer":{"@type":"Answer","text":"Because."}}]}</script>"#
        html += "<title>How the river flooded again</title></head><body><h1>How the river flooded again</h1>"
        for i in 0..<6 { html += "<p>The river rose above its banks for the third time this year, and residents of the low-lying districts moved to shelters, paragraph \(i).</p>" }
        html += "</body></html>"
        let r = try extractor.extract(RawPage(url: "https://news.example.com/2025/03/how-the-river-flooded-again", body: Array(html.utf8)))
        #expect(r.pageType == .article)
    }

    @Test("QAPage markup makes a question thread a forum page")
    func qaPage() throws {
        let html = #"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"QAPage","mainEntity":{"@type":"Question","name":"How do I descale a kettle?","answerCount":2}}</script><title>How do I descale a kettle?</title></head><body><h1>How do I descale a kettle?</h1><p>Mine is full of limescale.</p></body></html>"#
        let r = try extractor.extract(RawPage(url: "https://cooking.example.com/questions/12/how-do-i-descale-a-kettle", body: Array(html.utf8)))
        #expect(r.pageType == .forum)
    }

    @Test("An app's home page with SoftwareApplication markup, calls to action and no date is a service page")
    func serviceMarkup() throws {
        var html = #"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"SoftwareApplication","name":"Acme Boards","offers":{"@type":"Offer","price":"0"}}</script><title>Acme Boards</title></head><body>"#
        html += Self.companyChrome.header + "<main><h1>Plan work with Acme Boards</h1><a class=\"btn\" href=\"/signup\">Try it free</a>"
        for i in 0..<5 {
            html += "<section><h2>Boards \(i)</h2><p>Teams plan, track and ship their work in one place, with boards that update themselves, feature \(i).</p><a class=\"button\" href=\"/f\(i)\">See how</a></section>"
        }
        html += "</main>" + Self.companyChrome.footer + "</body></html>"
        let r = try extractor.extract(RawPage(url: "https://acme.example.com/", body: Array(html.utf8)))
        #expect(r.pageType == .service)
    }

    @Test("A thread whose posts each carry a timestamp in the main region is a forum page")
    func thread() throws {
        var html = #"<html><head><meta property="og:type" content="website"><title>Best scooter under 200?</title></head><body><main><h1>Best scooter under 200?</h1>"#
        for i in 0..<5 {
            html += #"<div class="post"><span class="user">rider\#(i)</span> <time datetime="2025-11-0\#(i + 1)T10:00:00Z">Nov \#(i + 1)</time>"#
            html += "<p>I have been commuting on mine for a year now and the battery still holds a full charge for the ride to work and back, reply \(i).</p></div>"
        }
        html += "</main></body></html>"
        let r = try extractor.extract(RawPage(url: "https://talk.example.com/threads/best-scooter-under-200.991", body: Array(html.utf8)))
        #expect(r.pageType == .forum)
    }

    @Test("An undated local-business page of many headings over short blurbs is not an article, even with a word slug")
    func blurbs() throws {
        var html = "<html><head><title>Treadmill repair in Springfield</title></head><body>" + Self.companyChrome.header
        html += "<main><h1>Treadmill repair in Springfield</h1><a class=\"btn\" href=\"tel:+15550100\">Call us</a>"
        for i in 0..<8 {
            html += "<h2>Service \(i)</h2><p>Fast, friendly repair \(i).</p><p>Call us today.</p><a class=\"btn\" href=\"/book\">Book now</a>"
        }
        html += "</main>" + Self.companyChrome.footer + "</body></html>"
        let r = try extractor.extract(RawPage(url: "https://www.example.com/treadmill-repair-springfield-il.html", body: Array(html.utf8)))
        #expect(r.pageType != .article)
    }
}

@Suite("Page type of whole pages")
struct PageTypePageTests {
    let extractor = ArticleExtractor()

    func type(_ html: String, _ url: String) throws -> ArticleRecord.PageType {
        try extractor.extract(RawPage(url: url, body: Array(html.utf8))).pageType
    }

    static let nav = "<header><nav><ul>" + (0..<12).map { "<li><a href=\"/s/\($0)\">Section \($0)</a></li>" }.joined() + "</ul></nav></header>"

    @Test("A dated news article with a byline inside site navigation is an article")
    func newsArticle() throws {
        var html = #"<html><head><title>Harbour ferry fares to rise in spring | The Coast Post</title><meta property="og:type" content="article">"#
        html += #"<meta property="article:published_time" content="2025-02-11T06:30:00+01:00"><meta name="author" content="Ilse Brandt"></head><body>"#
        html += Self.nav + "<main><article><h1>Harbour ferry fares to rise in spring</h1><p>By Ilse Brandt · 11 February 2025</p>"
        for i in 0..<7 {
            html += "<p>The harbour authority said on Tuesday that single tickets would cost more from April, citing fuel prices and the cost of the two new boats, which enter service in May (\(i)).</p>"
        }
        html += "</article><aside><h3><a href=\"/a\">Related: fuel prices</a></h3></aside></main><footer><a href=\"/about\">About</a></footer></body></html>"
        #expect(try type(html, "https://www.coastpost.example/local/2025/02/11/harbour-ferry-fares-to-rise") == .article)
    }

    @Test("An undated blog post of long paragraphs under a word slug stays an article")
    func undatedBlogPost() throws {
        var html = "<html><head><title>What I learned restoring a 1970s sailboat</title></head><body>" + Self.nav
        html += "<main><h1>What I learned restoring a 1970s sailboat</h1>"
        for i in 0..<9 {
            html += "<p>When I bought the boat, the deck was soft, the wiring was a nest of brittle copper, and the previous owner had painted over every problem he could find, so the first winter went on stripping, drying and patching (\(i)).</p>"
        }
        html += "</main></body></html>"
        #expect(try type(html, "https://sailing.example.org/blog/what-i-learned-restoring-a-sailboat") == .article)
    }

    @Test("A product grid of linked cards with prices and cart buttons is a shop listing, not an article")
    func shopListing() throws {
        var html = #"<html><head><meta property="og:type" content="website"><title>Rain jackets</title></head><body>"# + Self.nav + "<main><h1>Rain jackets</h1><ul class=\"grid\">"
        for i in 0..<16 {
            html += "<li class=\"card\"><a href=\"/products/jacket-\(i)\"><img src=\"/i/\(i).jpg\" alt=\"\"><h3>Trail jacket \(i)</h3></a><span class=\"price\">€\(80 + i)</span><button class=\"add-to-cart\">Add to cart</button></li>"
        }
        html += "</ul></main></body></html>"
        let t = try type(html, "https://shop.example.com/collections/rain-jackets")
        #expect(t == .listing)
    }

    @Test("A documentation page with code blocks under /docs/ is documentation")
    func documentation() throws {
        var html = #"<html><head><meta property="og:type" content="website"><title>Configuring the cache — Foo docs</title></head><body>"#
        html += "<nav>" + (0..<30).map { "<a href=\"/docs/p\($0)\">Page \($0)</a>" }.joined() + "</nav><main><h1>Configuring the cache</h1>"
        for i in 0..<4 {
            html += "<h2>Option \(i)</h2><p>Set the option in the configuration file.</p><pre><code>cache.size = \(i * 64)\ncache.ttl = 30s</code></pre>"
        }
        html += "</main></body></html>"
        #expect(try type(html, "https://foo.example.dev/docs/configuration/cache") == .documentation)
    }
}
