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

    @Test("Article URLs have a multi-word slug or a numeric id; landing pages do not")
    func articleURLs() {
        #expect(PageTypeClassifier.hasArticleURL("/2024/05/city-council-approves-budget"))
        #expect(PageTypeClassifier.hasArticleURL("/international/asia/145678"))
        #expect(PageTypeClassifier.hasArticleURL("/news/why-the-river-flooded-again.html?ref=home"))
        #expect(!PageTypeClassifier.hasArticleURL("/"))
        #expect(!PageTypeClassifier.hasArticleURL("/services/packaging/"))
        #expect(!PageTypeClassifier.hasArticleURL("/waf/"))
    }

    @Test("A landing page calling itself a website, with a short slug and no date, is not an article")
    func landing() throws {
        var html = #"<html><head><meta property="og:type" content="website"><title>Acme WAF</title></head><body><h1>Protect your apps</h1>"#
        for i in 0..<4 { html += "<p>Acme's firewall blocks attacks at the edge, learns from traffic across the network, and keeps your application fast and available, feature \(i).</p>" }
        html += "</body></html>"
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

    @Test("SoftwareApplication or Service markup without article markup makes a service page")
    func serviceMarkup() throws {
        var html = #"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"SoftwareApplication","name":"Acme Boards","offers":{"@type":"Offer","price":"0"}}</script><title>Acme Boards</title></head><body><h1>Plan work with Acme Boards</h1>"#
        for i in 0..<5 { html += "<p>Teams plan, track and ship their work in one place, with boards, timelines and reports that update themselves as work moves, feature \(i).</p>" }
        html += "</body></html>"
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

    @Test("An undated page of many headings over short blurbs is a service page even with an article-like URL")
    func blurbs() throws {
        var html = "<html><head><title>Treadmill repair in Springfield</title></head><body><main><h1>Treadmill repair in Springfield</h1>"
        for i in 0..<8 {
            html += "<h2>Service \(i)</h2><p>Fast, friendly repair \(i).</p><p>Call us today.</p>"
        }
        html += "</main></body></html>"
        let r = try extractor.extract(RawPage(url: "https://www.example.com/treadmill-repair-springfield-il.html", body: Array(html.utf8)))
        #expect(r.pageType != .article)
    }
}
