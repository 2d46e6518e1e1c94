import Schemas
import Testing
@testable import Extraction

/// The counting and marking shortcuts of the content and cleanup stages give the answers of the
/// plain code they replace, on awkward inputs (scripts of one to four bytes a scalar, lengths
/// around the word size and the caps, nested elements).
@Suite("Content and cleanup counting fast paths: same answers as the plain code")
struct ContentCountFastPathTests {
    /// Pieces of one to four UTF-8 bytes a scalar, white space and combining marks.
    static let pieces = [
        "a", "Z", " ", "\n", "\u{A0}", "é", "e\u{0301}", "ß", "Ж", "বাংলা", "ক্ষ", "हिन्दी", "日本", "😀", "👩‍👩‍👧", "\u{200B}", ",", "।",
    ]

    static func texts(count: Int, maxPieces: Int, seed: UInt64) -> [String] {
        var rng = SplitMix64(seed: seed)
        var out = ["", "a", "😀", String(repeating: "x", count: 7), String(repeating: "x", count: 8), String(repeating: "ক", count: 200)]
        for _ in 0..<count {
            var s = ""
            for _ in 0..<Int.random(in: 0...maxPieces, using: &rng) { s += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
            out.append(s)
        }
        return out
    }

    @Test("The eight-bytes-at-a-time scalar count equals unicodeScalars.count")
    func scalarCount() {
        for s in Self.texts(count: 1_500, maxPieces: 60, seed: 0x5CA1_A5) {
            #expect(UTF8Scan.scalarCount(s) == s.unicodeScalars.count, "\(s)")
            #expect(UTF8Scan.scalarCount(s) == UTF8Scan.plainScalarCount(s), "\(s)")
        }
    }

    @Test("The lane sum of sixteen bytes equals the widened SIMD sum, at the extremes too")
    func laneSum() {
        var rng = SplitMix64(seed: 0x1A_7E5)
        var vectors: [SIMD16<UInt8>] = [SIMD16(repeating: 0), SIMD16(repeating: 255), SIMD16(repeating: 1), SIMD16(repeating: 128)]
        for _ in 0..<2_000 {
            var v = SIMD16<UInt8>()
            for k in 0..<16 { v[k] = UInt8.random(in: 0...255, using: &rng) }
            vectors.append(v)
        }
        for v in vectors {
            #expect(ContentAnalysis.laneSum(v) == Int32(SIMD16<UInt16>(truncatingIfNeeded: v).wrappedSum()), "\(v)")
        }
    }

    @Test("The capped scalar count of the body cleaner is min(unicodeScalars.count, cap)")
    func cappedScalarCount() {
        for s in Self.texts(count: 800, maxPieces: 400, seed: 0xCA_99ED) {
            for cap in [0, 1, 3, 60, 240, BodyCleaner.maxPromoChars + 1] {
                #expect(BodyCleaner.scalarCount(s, cappedAt: cap) == min(s.unicodeScalars.count, cap), "\(cap): \(s)")
            }
        }
    }

    @Test("Summing the body's scalars until the teaser rule is settled gives the rule's answer over the whole sum")
    func scalarsBelow() {
        var rng = SplitMix64(seed: 0xB0_D1E5)
        let texts = Self.texts(count: 300, maxPieces: 40, seed: 0x7E_A5E2)
        for _ in 0..<600 {
            let blocks = (0..<Int.random(in: 0...6, using: &rng)).map { _ in
                ContentBlock(type: .paragraph, text: texts[Int.random(in: 0..<texts.count, using: &rng)], node: NodeID(1))
            }
            let total = blocks.reduce(0) { $0 + $1.text.unicodeScalars.count }
            for limit in [0, 1, 2 * total - 1, 2 * total, 2 * total + 1, Int.random(in: 0...500, using: &rng)] {
                #expect(ContentAnalysis.scalarsBelow(limit, halving: blocks) == (limit > 2 * total), "\(limit) / \(total)")
            }
        }
    }

    @Test("Figcaption and blockquote marks agree with hasAncestor on every node, nested ones included")
    func descendantMarks() throws {
        let html = """
            <html><body><figure><img src="a.jpg"><figcaption>Cap <b>bold <figcaption>inner</figcaption></b> tail</figcaption></figure>
            <p>Text <blockquote>Quote <blockquote>deeper <i>still</i></blockquote> back</blockquote> after</p>
            <figcaption></figcaption><div><figcaption><span>x</span></figcaption></div><p>end</p></body></html>
            """
        let doc = try HTMLParser().parse(utf8: Array(html.utf8))
        let a = ContentAnalysis(doc)
        for tag in [HTMLTag.figcaption, .blockquote, .figure] {
            let marks = try #require(a.descendantMarks(of: tag))
            #expect(marks.count == doc.count)
            for i in 0..<doc.count {
                #expect(marks[i] == doc.hasAncestor(NodeID(i), tag: tag), "\(tag) \(i)")
            }
        }
        #expect(a.descendantMarks(of: .table) == nil)
    }

    @Test("A block's text equals its text nodes' bytes (a space per <br>) joined and collapsed")
    func blockText() throws {
        var html = "<html><body><p>One  text\u{A0}node.</p><p>Two<br>lines<br><br>then <b> bold </b>\u{200B}and <i>italic</i></p>"
        html += "<div>  Leading\n\tspace <span> </span><span>\u{3000}ideographic</span>  </div><p> </p><p>\u{2028}x\u{2029}</p>"
        html += "<ul><li>Item <a href=\"/\">link</a> <br> more</li><li>বাংলা <b>লেখা</b>।</li></ul><td>a<br>b<br>c</td></body></html>"
        let doc = try HTMLParser().parse(utf8: Array(html.utf8))
        var a = ContentAnalysis(doc)
        a.markHiddenAndLinks()
        a.aggregate()
        a.markBoilerplate()
        a.segment()
        #expect(a.blocks.count >= 6)
        for b in a.blocks {
            var bytes: [UInt8] = []
            for t in a.blockNodes[b.nodes] {
                if t < 0 { bytes.append(0x20) } else { doc.withTextBytes(NodeID(t)) { bytes.append(contentsOf: $0) } }
            }
            #expect(a.text(of: b) == HTMLDocument.collapseBytes(bytes))
        }
    }

    @Test("The page-type character count over the arrays' buffers equals the walk through the document's accessors")
    func pageTypeCharacterCount() throws {
        var rng = SplitMix64(seed: 0xC4A7_5)
        let inner = ["<b>", "</b>", "<script>var x = 'hidden text';</script>", "<style>p{}</style>", "<br>", " ", "\n\t", "<i>it</i>",
                     "<span> </span>", "\u{A0}", "<noscript>no</noscript>"]
        var html = "<html><body>"
        for _ in 0..<120 {
            html += "<p>"
            for _ in 0..<Int.random(in: 0...12, using: &rng) {
                html += Bool.random(using: &rng) ? inner[Int.random(in: 0..<inner.count, using: &rng)] : Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &rng)]
            }
            html += "</p><button>" + String(repeating: "ক ", count: Int.random(in: 0...15, using: &rng)) + "</button>"
        }
        html += "</body></html>"
        let doc = try HTMLParser().parse(utf8: Array(html.utf8))
        var checked = 0
        for n in doc.elements(.p) + doc.elements(.button) + doc.elements(.body) {
            for limit in [0, 1, 5, 20, 200] {
                #expect(PageTypeFeatures.characterCount(doc, n, atLeast: limit) == PageTypeFeatures.plainCharacterCount(doc, n, atLeast: limit))
            }
            checked += 1
        }
        #expect(checked >= 200)
    }

    @Test("The per-page verdict cache answers as the verdict itself, names repeated, replaced and colliding")
    func verdictCache() {
        var cache = VerdictCache()
        let names = ContentHintFastPathTests.names(count: 3_000, seed: 0x7E_C0C4)
        var rng = SplitMix64(seed: 0xCAC4E)
        // Every name, then names drawn again (hits, and slots taken over by other names).
        for k in 0..<(names.count * 2) {
            let name = k < names.count ? names[k] : names[Int.random(in: 0..<names.count, using: &rng)]
            var bytes = Array(name.utf8)
            let cached = bytes.withUnsafeBufferPointer { cache.verdict($0) }
            #expect(cached == BoilerplateHints.verdict(name), "\(name)")
            bytes.removeAll()
        }
    }

    @Test("Edge labels looked up by NFC bytes match the String set, canonical equivalents included")
    func edgeLabels() {
        var texts = BodyCleaner.labels + BodyCleaner.labels.map { $0 + "s" } + BodyCleaner.labels.map { String($0.dropLast()) }
        texts += ["publicite\u{0301}", "comentários", "comenta\u{0301}rios", "পড়ুন", "আরও পড়ুন", "আরও পড\u{09BC}ুন", "", " ", "ADVERTISEMENT", "share this!"]
        for t in texts {
            #expect(BodyCleaner.isLabel(t) == BodyCleaner.labels.contains(t), "\(t)")
        }
    }

    @Test("Microdata properties split and lowered as bytes equal the String split of the itemprop value")
    func microdataProperties() throws {
        let values = [
            "headline", "Author  creator", "datePublished dateModified", "articleSection x", " HEADLINE ", "", " ", "ÄUTHOR author",
            "author\u{0301}", "\r\nheadline", "headline\r\n author", "author\theadline", "articlesectionx articlesection", "creator name",
            "DatePublished", "a b c d e f g h datemodified", "স্বত্ব headline",
        ]
        var html = "<html><body>"
        for v in values { html += "<span itemprop=\"\(v)\">x</span>" }
        html += "</body></html>"
        let doc = try HTMLParser().parse(utf8: Array(html.utf8))
        var checked = 0
        for (_, r) in doc.elements(havingAttribute: "itemprop") {
            #expect(MetadataExtractor.microdataProperties(doc, r) == MetadataExtractor.plainMicrodataProperties(doc.string(r)), "\(doc.string(r))")
            checked += 1
        }
        #expect(checked == values.count)
    }

    @Test("Edge-block normalisation trimmed on the bytes equals the trim over the String's scalars")
    func normalized() {
        let edges = [" ", ".", "!", "«", "»", "“", "”", "…", "—", "–", "·", "•", "|", "(", ")", "[", "]", "\u{A0}", "\u{3000}", "\u{2029}", "'", "\""]
        var texts = Self.texts(count: 800, maxPieces: 12, seed: 0xED_6E5)
        var rng = SplitMix64(seed: 0x7_121A)
        for k in 0..<texts.count {
            var t = texts[k]
            for _ in 0..<Int.random(in: 0...3, using: &rng) { t = edges[Int.random(in: 0..<edges.count, using: &rng)] + t }
            for _ in 0..<Int.random(in: 0...3, using: &rng) { t += edges[Int.random(in: 0..<edges.count, using: &rng)] }
            texts[k] = t
        }
        texts += ["", "...", " — ", "«Advertisement»", "Read More…", "আরও পড়ুন:", "ADVERTISEMENT.", "e\u{0301}!", "!\u{0301}"]
        for t in texts {
            #expect(BodyCleaner.normalized(t) == BodyCleaner.plainNormalized(t), "\(t.debugDescription)")
            #expect(Array(BodyCleaner.normalized(t).utf8) == Array(BodyCleaner.plainNormalized(t).utf8), "\(t.debugDescription)")
        }
    }

    @Test("A style value read as ASCII bytes hides exactly when the lower-cased, space-free String says so")
    func styleHides() throws {
        let pieces = ["display", ":", "none", "DISPLAY", " ", "  ", "NoNe", "visibility", "hidden", "HIDDEN", ";", "color:red", "\r\n", "\t",
                      "display :none", "dis play", "é", "İ", "K\u{212A}", "\u{A0}"]
        var rng = SplitMix64(seed: 0x57_11E)
        var styles = ["display:none", "display: none", "Visibility : Hidden", "display:nonE;", "", "displaynone", "display:\u{A0}none"]
        for _ in 0..<2_000 {
            var s = ""
            for _ in 0..<Int.random(in: 0...8, using: &rng) { s += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
            styles.append(s)
        }
        for style in styles {
            let bytes = Array(style.utf8)
            let fast = bytes.withUnsafeBufferPointer { ContentAnalysis.styleHidesASCII($0, 0..<bytes.count) }
            if bytes.allSatisfy({ $0 < 0x80 }) {
                #expect(fast == ContentAnalysis.plainStyleHides(style), "\(style.debugDescription)")
            } else {
                #expect(fast == nil, "\(style.debugDescription)")
            }
        }
    }

    @Test("Date lines read as ASCII bytes agree with the scalar properties; other text takes the scalar path")
    func dateLines() {
        let pieces = ["12", "05", "2025", ":", ".", "/", "-", " ", "Uhr", "Published", "GMT", "a", "Z", "@", "[", "`", "{", "0", "9", "১২", "½", "é"]
        var rng = SplitMix64(seed: 0xDA7E_11)
        var texts = ["12.12.2025, 05:07 Uhr", "Freitag, 28.04.2023", "02-751-1500", "1:2", "2025", ":12", "12:", "1234 5:6", ""]
        for _ in 0..<3_000 {
            var s = ""
            for _ in 0..<Int.random(in: 0...10, using: &rng) { s += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
            texts.append(s)
        }
        for t in texts {
            #expect(BodyCleaner.isDateLine(t) == BodyCleaner.plainIsDateLine(t), "\(t)")
            if t.utf8.contains(where: { $0 >= 0x80 }) {
                var u = t
                #expect(u.withUTF8(BodyCleaner.asciiDateLine) == nil)
            }
        }
    }

    @Test("Text keys of long texts differing only in the middle stay apart; equal ones meet")
    func textKeysOfLongTexts() {
        let head = String(repeating: "শুরু ", count: 20), tail = String(repeating: " শেষ", count: 20)
        let a = head + "মাঝে এক" + tail, b = head + "মাঝে দুই" + tail, c = head + "মাঝে এক" + tail
        #expect(Set([TextKey(a), TextKey(b), TextKey(c)]).count == 2)
        #expect(TextKey(a).hashValue == TextKey(c).hashValue)
        #expect(Set([TextKey(head + "cafe\u{0301}" + tail), TextKey(head + "café" + tail)]).count == 1)
    }
}
