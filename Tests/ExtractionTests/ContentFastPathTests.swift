import Testing
@testable import Extraction

/// The byte-level helpers of the content stage give the answers of the `String` operations they replace.
@Suite("Content stage fast paths: same answers as the String operations they replace")
struct ContentFastPathTests {
    static let samples: [String] = [
        "Read More", "আরও পড়ুন: সর্বশেষ খবর", "ये भी पढ़ें", "À LIRE AUSSI", "LEER MÁS", "İstanbul’da", "ΣΟΦΙΑ",
        "Google News\u{200C} অনুসরণ করুন", "Photo: Reuters", "ছবিঃ সংগৃহীত", "«Zitat» – Grüße", "", "1234 ১২৩৪",
        "cafe\u{0301}", "café", "Straße", "ǅ", "\u{00A0}x\u{00B5}",
    ]

    @Test("Lower-cased bytes equal the UTF-8 of String.lowercased() for ASCII, Indic, Latin and Greek text")
    func lowercasedBytes() {
        for s in Self.samples {
            #expect(CaseMapping.lowercasedBytes(s) == Array(s.lowercased().utf8), "\(s)")
        }
        // Long runs of ASCII (lowered eight bytes at a time) with every ASCII byte and the letters' neighbours.
        let pieces = ["@", "A", "Z", "[", "`", "a", "z", "{", "\u{7F}", "\u{01}", " ", "0", "Hello World ", "QUICK-BROWN_FOX.", "বাংলা", "É", "ß", "Ж"]
        var rng = SplitMix64(seed: 0xCA5E_0001)
        for _ in 0..<1_500 {
            var s = ""
            for _ in 0..<Int.random(in: 0...30, using: &rng) { s += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
            #expect(CaseMapping.lowercasedBytes(s) == Array(s.lowercased().utf8), "\(s)")
        }
        let every = String(decoding: (0..<0x80).map { UInt8($0) }, as: UTF8.self)
        #expect(CaseMapping.lowercasedBytes(every) == Array(every.lowercased().utf8))
    }

    @Test("The phrase needle set finds a phrase exactly when some phrase's bytes occur in the text")
    func needleSetAgreesWithByteSearch() {
        let texts = Self.samples.map { Array($0.lowercased().utf8) } + BoilerplateHints.phraseBytes
            + BoilerplateHints.phraseBytes.map { Array("x ".utf8) + $0.dropLast() }
        for hay in texts {
            let expected = BoilerplateHints.phraseBytes.contains { ByteSearch.contains(hay, $0) }
            #expect(BoilerplateHints.phraseSet.containsAny(in: hay) == expected, "\(String(decoding: hay, as: UTF8.self))")
        }
        let short = ByteNeedleSet([Array("ab".utf8), Array("xyz".utf8)])
        #expect(short.containsAny(in: Array("cab".utf8)))
        #expect(short.containsAny(in: Array("--xyz".utf8)))
        #expect(!short.containsAny(in: Array("xy z".utf8)))
    }

    @Test("Text keys are equal exactly when the strings are (canonical equivalence included)")
    func textKeysFollowStringEquality() {
        for a in Self.samples {
            for b in Self.samples {
                #expect((TextKey(a) == TextKey(b)) == (a == b), "\(a) / \(b)")
            }
        }
        #expect(Set([TextKey("cafe\u{0301}"), TextKey("café")]).count == 1)
    }

    @Test("Headline keys keep letters, digits and vowel signs of the lower-cased text")
    func headlineKey() {
        for s in Self.samples + ["রাশিয়া সফরে যাবেন ইরানের প্রেসিডেন্ট!", "Hello, World — 2025", "日本語のテキスト"] {
            let expected = String(String.UnicodeScalarView(s.lowercased().unicodeScalars.filter(ContentAnalysis.isKeyScalar)))
            #expect(ContentAnalysis.key(s) == expected, "\(s)")
        }
    }

    @Test("The byte prefilter rules a needle out only where String.contains finds nothing")
    func mayContain() {
        let hays = Self.samples + ["© 2025 সর্বস্বত্ব সংরক্ষিত", "all rights reserved by us", "tous droits réservés"]
        for hay in hays {
            for needle in ["all rights reserved", "সর্বস্বত্ব সংরক্ষিত", "tous droits réservés", "é", "e", "পড়ুন"] {
                if !ByteSearch.mayContain(hay, needle) { #expect(!hay.contains(needle), "\(hay) / \(needle)") }
            }
        }
        #expect(!ByteSearch.mayContain("বাংলাদেশ", "all rights reserved"))
        #expect(ByteSearch.mayContain("© 2025 সর্বস্বত্ব সংরক্ষিত", "সর্বস্বত্ব সংরক্ষিত"))
        #expect(ByteSearch.mayContain("cafe\u{0301}", "é"))
    }

    @Test("ASCII byte search of class names and URLs agrees with String.contains")
    func asciiContains() {
        for (hay, needle) in [("wp-caption-text", "caption"), ("lazyload", "lazy"), ("photo-credit", "caption"), ("ছবি caption", "caption"), ("", "x")] {
            #expect(ByteSearch.contains(hay, ascii: needle) == hay.contains(needle), "\(hay) / \(needle)")
        }
    }

    // MARK: Collapsing white space

    /// White space as ``HTMLDocument/collapse(_:)`` defines it, one scalar at a time: ASCII space and
    /// controls, NBSP, NEL, U+2000–U+200A, U+202F, the line and paragraph separators and U+3000
    /// collapse to one space and are trimmed; a zero-width space is dropped.
    static func collapseReference(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pending = false
        for u in s.unicodeScalars {
            let v = u.value
            if v == 0x200B { continue }
            if v <= 0x20 || v == 0x7F || v == 0xA0 || v == 0x85 || (0x2000...0x200A).contains(v) || v == 0x202F
                || v == 0x2028 || v == 0x2029 || v == 0x3000
            {
                pending = !out.isEmpty
                continue
            }
            if pending { out.append(" "); pending = false }
            out.append(u)
        }
        return String(out)
    }

    @Test("Collapsing white space with runs of plain bytes copied whole equals collapsing scalar by scalar")
    func collapseAgreesWithReference() {
        // Pieces whose lead bytes are the ones the fast path looks at (C2, E2, E3) with and without
        // being white space: "€" and "、" start like U+2000 and U+3000.
        let pieces = ["a", "Bb", " ", "\t", "\n", "\u{0001}", "\u{007F}", "\u{00A0}", "\u{0085}", "\u{00B5}", "\u{2003}", "\u{200A}",
                      "\u{200B}", "\u{202F}", "\u{2028}", "\u{2029}", "\u{3000}", "€", "、", "—", "বাংলা", "ক্ষ"]
        var rng = SplitMix64(seed: 0xC0_11A9_5E)
        for _ in 0..<600 {
            var s = ""
            for _ in 0..<Int.random(in: 0...30, using: &rng) { s += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
            #expect(HTMLDocument.collapse(s) == Self.collapseReference(s), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// ``HTMLDocument/collapseBytes(_:)`` written plainly, one byte at a time (as it was before the
    /// eight-byte scan): the reference of the byte-level collapsing on broken UTF-8 too.
    static func collapseBytesReference(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var pendingSpace = false
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            var ws = 0
            if c <= 0x20 || c == 0x7F { ws = 1 }
            else if c == 0xC2, i + 1 < n, b[i + 1] == 0xA0 || b[i + 1] == 0x85 { ws = 2 }
            else if c == 0xE2, i + 2 < n, b[i + 1] == 0x80, (0x80...0x8A).contains(b[i + 2]) || b[i + 2] == 0xAF
                || b[i + 2] == 0xA8 || b[i + 2] == 0xA9 { ws = 3 }
            else if c == 0xE3, i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0x80 { ws = 3 }
            else if c == 0xE2, i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0x8B { i += 3; continue }
            if ws > 0 {
                pendingSpace = !out.isEmpty
                i += ws
                continue
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append(c)
            i += 1
        }
        return out
    }

    @Test("Collapsing bytes eight at a time (into a String or a buffer) equals collapsing byte by byte, on broken UTF-8 too")
    func collapseBytesAgreesWithByteReference() {
        let pieces: [[UInt8]] = ["a", "Bb", " ", "\t", "\n", "\u{0001}", "\u{007F}", "\u{00A0}", "\u{0085}", "\u{00B5}", "\u{2003}", "\u{200A}",
                                 "\u{200B}", "\u{202F}", "\u{2028}", "\u{2029}", "\u{3000}", "€", "、", "—", "বাংলা", "ক্ষ", "plain words here", "abcdefghijklmnopqrstuvwxyz0123456789", "বাংলাদেশেরখবর"]
            .map { Array($0.utf8) } + [[0xC2], [0xE2], [0xE2, 0x80], [0xE3, 0x80], [0xFF], [0x80]]
        var rng = SplitMix64(seed: 0xC0_11A9_5F)
        var buffer: [UInt8] = []
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...40, using: &rng) { bytes += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
            let reference = Self.collapseBytesReference(bytes)
            let fast = HTMLDocument.collapseBytes(bytes)
            #expect(fast == String(decoding: reference, as: UTF8.self), "\(bytes)")
            #expect(Array(fast.utf8) == Array(String(decoding: reference, as: UTF8.self).utf8))
            buffer.removeAll(keepingCapacity: true)
            bytes.withUnsafeBufferPointer { HTMLDocument.collapseBytes($0, into: &buffer) }
            #expect(buffer == reference, "\(bytes)")
        }
    }

    @Test("A URL's host read from its bytes equals the host read from the lower-cased String")
    func plainHostAgreesWithString() {
        let urls = ["https://www.Example.com/news/x", "http://WWW.example.com:8080/a", "https://example.com", "https://example.com?x", "//cdn.example.com/a",
                    "example.com/no-scheme", "", "https://", "https://www.", "https://www.x", "mailto:a@b.com", "https://user:pw@host.com/x",
                    "https://ex.com#frag", "HTTPS://WWW.EXAMPLE.ORG/", "https://\r\nhost/x", "https://বাংলা.com/x", "https://xn--45be.com/",
                    "https://www.example.com/path//double", "https:/single.com/x", "wWw.example.com", "https://wwwexample.com/"]
        for u in urls {
            #expect(ContentAnalysis.host(of: u) == ContentAnalysis.stringHost(of: u), "\(u)")
            if let plain = ContentAnalysis.plainHost(of: u) { #expect(plain == ContentAnalysis.stringHost(of: u), "\(u)") }
        }
    }

    @Test("Trimming a set of Characters with the printable-ASCII edge shortcut equals trimming Character by Character")
    func trimmingAgreesWithOneByOne() {
        let pieces = ["a", "Z", "1", " ", "\t", "\n", "\r\n", "|", "(", "[", "-", "–", ")", ".", "\u{00A0}", "\u{2003}", "\u{0301}", "\u{0600}",
                      "বাংলা", "ছবি:", "é", "\u{200B}", "\u{001C}", "\u{007F}", "~"]
        var rng = SplitMix64(seed: 0x7_21A4)
        for _ in 0..<3_000 {
            var s = ""
            for _ in 0..<Int.random(in: 0...8, using: &rng) { s += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
            for set in [" \t\n", " |([-–", " ", " |–-", ""] {
                let fast = s.trimmingCharacters(in: set)
                let reference = s.trimmingCharactersOneByOne(in: set)
                #expect(fast == reference, "\(s.unicodeScalars.map { String($0.value, radix: 16) }) / \(set)")
                #expect(Array(fast.utf8) == Array(reference.utf8))
            }
        }
    }

    @Test("A text node's collapsed text read in place equals collapsing its String")
    func collapsedTextInPlace() throws {
        let doc = try parseHTML("<p>  Dhaka,\u{00A0}27 Dec\u{2009}— <b>বাংলা\u{200B} খবর</b>\n\t end  </p>")
        for i in 0..<doc.count where doc.isText(NodeID(i)) {
            #expect(doc.collapsedText(NodeID(i)) == HTMLDocument.collapse(doc.text(NodeID(i))))
        }
    }

    // MARK: Counting on UTF-8

    @Test("Scalar and punctuation counts on UTF-8 equal counting the String's Unicode scalars")
    func proseCountsAgreeWithScalars() {
        let pieces = ["a", ",", ".", "!", "?", " ", "\u{060C}", "\u{061F}", "\u{0964}", "\u{3001}", "\u{3002}", "\u{FF0C}", "\u{FF01}",
                      "\u{FF1F}", "é", "বাংলা", "😀", "\u{0965}", "\u{FF0E}"]
        var rng = SplitMix64(seed: 0x9_C0_0A7)
        for _ in 0..<400 {
            var s = ""
            for _ in 0..<Int.random(in: 0...25, using: &rng) { s += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
            let (commas, ends) = Self.referenceProseCounts(s)
            let c = PageTypeFeatures.proseCounts(s)
            #expect(c.scalars == s.unicodeScalars.count && c.commas == commas && c.sentenceEnds == ends, "\(s)")
        }
    }

    /// Commas and sentence ends of `s`, one scalar at a time: the reference for `proseCounts`.
    static func referenceProseCounts(_ s: String) -> (commas: Int, ends: Int) {
        var commas = 0, ends = 0
        for u in s.unicodeScalars {
            switch u.value {
            case 0x2C, 0x060C, 0x3001, 0xFF0C: commas += 1
            case 0x2E, 0x21, 0x3F, 0x0964, 0x3002, 0xFF01, 0xFF1F, 0x061F: ends += 1
            default: break
            }
        }
        return (commas, ends)
    }
}
