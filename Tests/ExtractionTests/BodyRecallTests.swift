import Schemas
import Testing
@testable import Extraction

@Suite("Body recall and precision rules: formulas, nested lists, prose beside the candidate, sidebars, slide legends")
struct BodyRecallTests {
    let extractor = ArticleExtractor()

    static let paragraph = "This paragraph is long enough to count as real article prose, with commas, clauses, and enough words to pass every filter of the content stage."

    func extract(_ html: String, url: String = "https://news.example.com/2024/05/01/story") throws -> ArticleRecord {
        try extractor.extract(RawPage(url: url, body: Array(html.utf8)))
    }

    // MARK: Formulas

    @Test("A MathML formula rendered by MathJax (a container named after its context menu) stays in its paragraph")
    func mathJaxFormulaKept() throws {
        var html = "<html><body><article><h1>Quadratic equations</h1>"
        for i in 0..<3 { html += "<p>\(Self.paragraph) Part \(i).</p>" }
        html += "<p>When <mjx-container class=\"MathJax CtxtMenu_Attached_0\" jax=\"CHTML\"><mjx-math aria-hidden=\"true\"><mjx-mi></mjx-mi></mjx-math>"
        html += "<mjx-assistive-mml display=\"inline\"><math><mi>a</mi><mo>≠</mo><mn>0</mn></math></mjx-assistive-mml></mjx-container>"
        html += ", there are two solutions, and the discriminant decides whether they are real.</p></article></body></html>"
        let r = try extract(html)
        #expect(r.text.contains("When a≠0, there are two solutions"))
    }
}
