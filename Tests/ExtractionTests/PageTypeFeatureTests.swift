import Schemas
import Testing
@testable import Extraction

@Suite("Page-type features and model")
struct PageTypeFeatureTests {
    static func features(_ html: String, url: String) throws -> PageTypeFeatures {
        let page = RawPage(url: url, body: Array(html.utf8))
        let decoded = try PageDecoder().decode(page.body, contentType: nil, isText: false)
        let doc = try HTMLParser().parse(decoded)
        let metadata = MetadataExtractor().extract(doc)
        let content = ContentExtractor().extract(doc, pageURL: url, headlineHints: metadata.titles.map(\.value))
        let fields = FieldResolver().resolve(
            document: doc, metadata: metadata,
            content: .init(headlineNode: content.headlineNode, paragraphs: content.blocks.map(\.text)), pageURL: url)
        return PageTypeFeatures(doc, content: content, signals: .init(metadata: metadata, fields: fields, url: url))
    }

    @Test("The text pass splits page text into links, list items, tables and page chrome")
    func textPass() throws {
        let html = "<html><body><nav><a href=\"/\">Home</a></nav><main><p>abcdefghij</p><ul><li>klmno</li></ul>"
            + "<table><tr><td>pqrst</td></tr></table><p><a href=\"/x\">uvwxy</a></p></main><script>var zzzzzzzzzz;</script></body></html>"
        let doc = try HTMLParser().parse(try PageDecoder().decode(Array(html.utf8), contentType: nil, isText: false))
        let pass = TextPass(doc, root: doc.elements(.main).first)
        #expect(pass.text == 4 + 10 + 5 + 5 + 5)  // the script's text is not page text
        #expect(pass.linkText == 4 + 5)
        #expect(pass.listItemText == 5)
        #expect(pass.tableText == 5)
        #expect(pass.chromeText == 4)
        #expect(pass.rootText == 25 && pass.rootLinkText == 5)
    }

    @Test("Markup, byline and URL features of a dated news article")
    func articleFeatures() throws {
        var html = #"<html><head><meta property="og:type" content="article"><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Bridge reopens after repairs","datePublished":"2025-06-02T08:00:00Z","author":{"@type":"Person","name":"Mara Quill"}}</script></head>"#
        html += "<body><article><h1>Bridge reopens after repairs</h1><p class=\"byline\">By Mara Quill</p>"
        for i in 0..<5 { html += "<p>The old river bridge carried traffic again on Monday, after two years of repairs to its piers, deck and railings, said the city, paragraph \(i).</p>" }
        html += "</article></body></html>"
        let f = try Self.features(html, url: "https://news.example.com/2025/06/02/bridge-reopens-after-repairs")
        #expect(f[.ldArticle] == 1 && f[.ogArticle] == 1 && f[.hasDate] == 1 && f[.hasAuthor] == 1 && f[.datedByline] == 1)
        #expect(f[.urlDate] == 1 && f[.urlSlugWords] == PageTypeFeatures.log(4))
        #expect(f[.logLongParagraphs] == PageTypeFeatures.log(5))
        #expect(f[.commaRate] > 0 && f[.shortParagraphShare] == 0)
    }

    @Test("The model's weights push dated, marked-up articles up and forum or shop URLs down")
    func weightSigns() {
        let w = { (f: PageTypeFeatures.Feature) in PageTypeModel.weights[f.rawValue] }
        #expect(PageTypeModel.weights.count == PageTypeFeatures.names.count)
        #expect(w(.ldArticle) > 0 && w(.hasDate) > 0 && w(.hasAuthor) > 0 && w(.urlSlugWords) > 0)
        #expect(w(.urlForumWord) < 0 && w(.urlDocWord) < 0 && w(.buyButton) < 0 && w(.pageLinkShare) < 0)
    }
}
