import Schemas
import Testing
@testable import Extraction

/// Each hostile input must give a record or a clear ExtractionError, never a crash or a hang.
/// Big inputs are generated here, not committed.
@Suite("Hostile input")
struct HostileInputTests {
    let extractor = ArticleExtractor()

    func page(_ bytes: [UInt8]) -> RawPage { RawPage(url: "https://example.com/a", body: bytes) }

    func code(_ bytes: [UInt8], _ x: ArticleExtractor? = nil) -> ExtractionError.Code? {
        do { _ = try (x ?? extractor).extract(page(bytes)); return nil } catch { return error.code }
    }

    @Test("Empty and white-space-only pages fail with .empty")
    func empty() {
        #expect(code([]) == .empty)
        #expect(code(Array("  \n\t ".utf8)) == .empty)
    }

    @Test("Binary data fails with .unparseable")
    func binary() {
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20_000 { png.append(UInt8.random(in: 0...255, using: &rng)) }
        #expect(code(png) == .unparseable)
        var noise: [UInt8] = []
        for i in 0..<20_000 { noise.append(UInt8(truncatingIfNeeded: i &* 7919 &+ (i >> 3))) }
        #expect(code(noise) == .unparseable)
    }

    @Test("A 50 MB page fails with .tooLarge before any parsing")
    func huge() {
        let big = [UInt8](repeating: UInt8(ascii: "a"), count: 50 * 1024 * 1024)
        #expect(code(big) == .tooLarge)
    }

    @Test("100,000-deep nesting gives a record; the DOM stays within maxDepth")
    func deepNesting() throws {
        let depth = 100_000
        var html = Array("<html><body>".utf8)
        html.reserveCapacity(depth * 11 + 200)
        for _ in 0..<depth { html += Array("<div>".utf8) }
        html += Array("<p>The text at the bottom of a very deep document survives.</p>".utf8)
        for _ in 0..<depth { html += Array("</div>".utf8) }
        html += Array("</body></html>".utf8)
        let r = try extractor.extract(page(html))
        let doc = try HTMLParser().parse(utf8: html)
        #expect(doc.allNodes.filter(doc.isElement).allSatisfy { doc.depth($0) <= ExtractorConfiguration().maxDepth })
        // libxml2's own 256-level limit is lifted with XML_PARSE_HUGE; our walk flattens below maxDepth.
        #expect(r.text.contains("very deep document"))
    }

    @Test("Invalid UTF-8 bytes become U+FFFD and the page is still extracted")
    func invalidUTF8() throws {
        var html = Array("<html><body><article><p>Die Bürger wählten am Sonntag einen neuen Rat. Die Beteiligung lag bei 61 Prozent, höher als erwartet.".utf8)
        html += [0xC3, 0x28, 0xFF, 0xFE]
        html += Array(" Ende.</p></article></body></html>".utf8)
        let r = try extractor.extract(page(html))
        #expect(r.text.contains("Die Bürger wählten"))
        #expect(r.text.contains("\u{FFFD}"))
    }

    @Test("A wrong declared charset does not garble a UTF-8 page")
    func wrongCharset() throws {
        let html = "<html><head><meta charset=\"windows-1251\"></head><body><article><p>ইরানের প্রেসিডেন্ট মাসুদ পেজেশকিয়ান রাশিয়া সফরে যাবেন। সব কিছু ঠিক থাকলে আগামী বছরের জানুয়ারিতে তার মস্কো ভ্রমণের কথা রয়েছে।</p></article></body></html>"
        let r = try extractor.extract(RawPage(url: "https://example.com/a", body: Array(html.utf8), headers: ["content-type": "text/html"]))
        #expect(r.text.hasPrefix("ইরানের প্রেসিডেন্ট"))
    }

    @Test("NUL bytes inside a page are dropped")
    func nulBytes() throws {
        var html = Array("<html><body><article><p>Parliament passed the budget on Thursday after a long night of debate and several amendments.".utf8)
        html += [0, 0, 0]
        html += Array(" It now goes to the senate.</p></article></body></html>".utf8)
        let r = try extractor.extract(page(html))
        #expect(r.text.contains("It now goes to the senate."))
        #expect(!r.text.contains("\u{0}"))
    }

    @Test("A huge JSON-LD block (5 MB) gives a record, or a timeLimit error within the budget")
    func hugeJSONLD() throws {
        var json = #"{"@context":"https://schema.org","@type":"NewsArticle","headline":"Big","keywords":["#
        json += Array(repeating: #""word""#, count: 700_000).joined(separator: ",")
        json += "]}"
        let html = "<html><head><script type=\"application/ld+json\">\(json)</script></head><body><article><h1>Big</h1><p>The article text is short but it is here, and it should be extracted in spite of the metadata.</p></article></body></html>"
        let start = ContinuousClock.now
        do {
            let r = try extractor.extract(page(Array(html.utf8)))
            #expect(r.text.contains("should be extracted"))
        } catch {
            // Debug builds can exceed the 5 s budget parsing 5 MB of JSON; the error must say so.
            #expect(error.code == .timeLimit)
            #expect(ContinuousClock.now - start < .seconds(60))
        }
    }

    @Test("A page with more nodes than the configured limit fails with .treeTooLarge")
    func tooManyNodes() {
        var config = ExtractorConfiguration()
        config.maxNodes = 10_000
        let html = "<html><body>" + String(repeating: "<span>x</span>", count: 20_000) + "</body></html>"
        #expect(code(Array(html.utf8), ArticleExtractor(configuration: config)) == .treeTooLarge)
    }

    @Test("An exhausted time budget fails with .timeLimit")
    func timeLimit() {
        var config = ExtractorConfiguration()
        config.timeBudget = .zero
        let html = "<html><body>" + String(repeating: "<p>some text here</p>", count: 20_000) + "</body></html>"
        #expect(code(Array(html.utf8), ArticleExtractor(configuration: config)) == .timeLimit)
    }
}
