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
}
