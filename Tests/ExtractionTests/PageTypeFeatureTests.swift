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
        #expect(w(.logShareLinks) > 0 && w(.logLongPageParagraphs) > 0 && w(.logCode) < 0 && w(.sectionLinkShare) < 0)
    }

    @Test("Share-this-page links count: share endpoints and address-less mailto, not profile or site links")
    func shareLinks() throws {
        var html = "<html><body><main><h1>Harbour opens</h1><p>The new harbour opened on Friday.</p><div class=\"share\">"
        html += "<a href=\"https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fnews.example.com%2Fa\">Facebook</a>"
        html += "<a href=\"https://Twitter.com/intent/tweet?url=https%3A%2F%2Fnews.example.com%2Fa\">Post</a>"
        html += "<a href=\"whatsapp://send?text=Harbour%20opens\">WhatsApp</a>"
        html += "<a href=\"mailto:?subject=Harbour%20opens\">Mail</a></div>"
        // Not share links: a profile page, a contact address, a site-relative path that only looks like one.
        html += "<a href=\"https://www.facebook.com/examplenews\">Follow us</a><a href=\"mailto:desk@news.example.com\">Write to us</a>"
        html += "<a href=\"/share/facebook.com/sharer\">Internal</a></main></body></html>"
        let f = try Self.features(html, url: "https://news.example.com/harbour-opens")
        #expect(f[.logShareLinks] == PageTypeFeatures.log(4))
    }

    @Test("Long paragraphs are counted over the whole page, white space collapsed, script text not counted")
    func longPageParagraphs() throws {
        let long = String(repeating: "Ferries run hourly. ", count: 11)  // 220 characters
        let padded = "\n      " + String(repeating: "ab      ", count: 30) + "\n"  // 30 short words padded: 90 characters once collapsed
        var html = "<html><body><main><h1>Timetable</h1>"
        html += "<p>\(long)</p><aside><p>\(long)</p></aside><p>\(padded)</p><p>short<script>\(long)</script></p>"
        html += "<p>নদীর ওপারে নতুন ফেরিঘাট চালু হয়েছে।</p></main></body></html>"
        let f = try Self.features(html, url: "https://ferries.example.org/timetable")
        #expect(f[.logLongPageParagraphs] == PageTypeFeatures.log(2))
        let doc = try HTMLParser().parse(try PageDecoder().decode(Array(html.utf8), contentType: nil, isText: false))
        let ps = doc.elements(.p)
        #expect(PageTypeFeatures.characterCount(doc, ps[0], atLeast: 220) && !PageTypeFeatures.characterCount(doc, ps[0], atLeast: 221))
        #expect(PageTypeFeatures.characterCount(doc, ps[2], atLeast: 90) && !PageTypeFeatures.characterCount(doc, ps[2], atLeast: 91))
        #expect(!PageTypeFeatures.characterCount(doc, ps[3], atLeast: 6))
        // Bengali: characters, not UTF-8 bytes (36 characters, 98 bytes).
        #expect(PageTypeFeatures.characterCount(doc, ps[4], atLeast: 36) && !PageTypeFeatures.characterCount(doc, ps[4], atLeast: 37))
    }

    @Test("Accordions: buttons labelled with a whole question and <details> blocks, not short controls")
    func accordions() throws {
        var html = "<html><body><header><button>Menu</button><button>   Search   </button></header><main><h1>Window cleaning</h1>"
        html += "<p>We clean windows, gutters and conservatories across the county.</p><section class=\"faq\">"
        html += "<button class=\"faq-q\">How often should windows be cleaned?</button><div>Every eight weeks.</div>"
        html += "<button class=\"faq-q\">Do you need access to the house?</button><div>No.</div>"
        html += "<details><summary>Are you insured?</summary>Yes.</details></section></main></body></html>"
        let f = try Self.features(html, url: "https://clean.example.co.uk/window-cleaning")
        #expect(f[.logAccordions] == PageTypeFeatures.log(3))
    }

    @Test("Code elements are counted, inline and in blocks")
    func codeElements() throws {
        let html = "<html><body><main><h1>Install</h1><p>Run <code>foo init</code>, then:</p><pre><code>foo build\nfoo serve</code></pre></main></body></html>"
        let f = try Self.features(html, url: "https://foo.example.dev/docs/install")
        #expect(f[.logCode] == PageTypeFeatures.log(2) && f[.logPre] == PageTypeFeatures.log(1))
    }

    @Test("Links into the page's own top-level section: resolved like a browser, same site only")
    func sectionLinks() throws {
        let page = URLShape("https://www.foo.example.dev/docs/guides/cache")
        #expect(page.host == "foo.example.dev" && !page.endsWithSlash)
        #expect(page.sharesSection("/docs/reference/api") == true)
        #expect(page.sharesSection("https://foo.example.dev/DOCS/install?v=2") == true)
        #expect(page.sharesSection("//www.foo.example.dev/docs/") == true)
        #expect(page.sharesSection("tuning") == true)  // /docs/guides/tuning
        #expect(page.sharesSection("../faq") == true)  // /docs/faq
        #expect(page.sharesSection("../../blog/") == false)  // /blog/
        #expect(page.sharesSection("/blog/2025/release") == false)
        #expect(page.sharesSection("https://other.example.com/docs/x") == false)
        #expect(page.sharesSection("#caching") == nil && page.sharesSection("mailto:docs@foo.example.dev") == nil)
        #expect(page.sharesSection(" javascript:void(0)") == nil && page.sharesSection("tel:+15550100") == nil)
        // A page one segment deep has no section to share.
        #expect(URLShape("https://foo.example.dev/pricing").sharesSection("/pricing/teams") == false)

        var html = "<html><body><nav>" + (0..<6).map { "<a href=\"/docs/p\($0)\">Page \($0)</a>" }.joined()
        html += "<a href=\"/blog/\">Blog</a><a href=\"https://social.example.com/foo\">Social</a><a href=\"#top\">Top</a></nav>"
        html += "<main><h1>Cache</h1><p>Set the size in the configuration file.</p></main></body></html>"
        let f = try Self.features(html, url: "https://foo.example.dev/docs/cache")
        #expect(f[.sectionLinkShare] == 6.0 / 8.0)
    }
}
