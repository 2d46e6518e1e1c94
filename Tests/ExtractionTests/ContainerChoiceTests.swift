import Schemas
import Testing
@testable import Extraction

@Suite("Body container choice: page footers and legal small print do not outscore a short article")
struct ContainerChoiceTests {
    let extractor = ArticleExtractor()

    func extract(_ html: String, url: String = "https://www.example.com/resources/vehicle-rentals/") throws -> ArticleRecord {
        try extractor.extract(RawPage(url: url, body: Array(html.utf8)))
    }

    /// Long legal prose with many commas: it outscores a short article in Readability's scoring.
    static func disclaimer(_ i: Int) -> String {
        "Disclaimer \(i): this material is for information only, it is not advice, and it may not reflect our opinion, "
            + "so consult a qualified advisor, a tax professional, or a lawyer, before you act, invest, buy, or sell anything."
    }

    @Test("A page footer with long disclaimer paragraphs is not the body; the short article in <main> is")
    func footerWithLongParagraphs() throws {
        var html = "<html><body><header><a href=\"/\">Home</a></header><main><section><h1>Best practices for vehicle rentals</h1>"
        html += "<div class=\"col\"><div class=\"text\"><p>A good safety program screens prospective renters so that only qualified drivers "
        html += "operate your vehicles. Sound practices at the rental counter are the first step in keeping the fleet safe and in good "
        html += "condition. The guide walks you through each step from the first call to the return of the keys.</p>"
        html += "<p>It also covers renters from abroad and drivers who need hand controls. Each section ends with a short checklist that "
        html += "your staff can print and keep next to the counter for the busy days of the summer season.</p>"
        html += "<p><strong>Key topics of the guide:</strong></p><ul><li>Procedures at the rental counter</li><li>Reporting losses</li></ul>"
        html += "</div></div></section></main><footer class=\"site-end\"><div class=\"cols\"><div class=\"col\"><p>Locations</p>"
        html += "<p>Hunt Valley, 11311 Main Rd., Suite 500</p></div><div class=\"col\"><div class=\"text\">"
        for i in 0..<2 { html += "<p>\(Self.disclaimer(i))</p>" }
        html += "</div></div></div></footer></body></html>"
        let r = try extract(html)
        #expect(r.text.contains("Sound practices at the rental counter"))
        #expect(!r.text.contains("Disclaimer 1:"))
    }

    @Test("On a page that marks no main content (menus and cards), the footer's long paragraphs stay the body's last resort")
    func footerWithoutLandmarks() throws {
        var html = "<html><body><div class=\"menu\"><ul>"
        for i in 0..<40 { html += "<li><a href=\"/shop/\(i)\">Shop category \(i)</a></li>" }
        html += "</ul></div><footer class=\"site-end\"><div class=\"about\">"
        for i in 0..<2 { html += "<p>\(Self.disclaimer(i))</p>" }
        html += "</div></footer></body></html>"
        let r = try extract(html)
        #expect(r.text.contains("Disclaimer 1:"))
        #expect(!r.text.contains("Shop category 3"))
    }

    @Test("Paragraphs under an element named as a disclosure do not make it the article and are left out of it; the story's modules are the body")
    func smallPrintDoesNotScore() throws {
        var html = "<html><body><main><div class=\"grid\"><h1>Index funds</h1>"
        for i in 0..<4 {
            html += "<div class=\"module\"><div class=\"richtext\"><h2>Benefit \(i)</h2><p>Benefit \(i): our funds pass along economies "
            html += "of scale and lower the cost of investing, so you keep more of your returns.</p></div></div>"
        }
        html += "<div class=\"module\"><div class=\"richtext richtext--disclosure\"><div class=\"inner\">"
        for i in 0..<6 { html += "<p>\(Self.disclaimer(i))</p>" }
        html += "</div></div></div></div></main></body></html>"
        let r = try extract(html)
        #expect(r.text.contains("Benefit 0: our funds"))
        #expect(r.text.contains("Benefit 3: our funds"))
        #expect(!r.text.contains("Disclaimer 2:"))
    }
}
