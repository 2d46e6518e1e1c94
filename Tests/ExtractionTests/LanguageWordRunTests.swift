import Testing

@testable import Extraction

/// ``LanguageDetector/countWords(_:in:)`` reads eight bytes at a time (``LanguageDetector/wordByteRun(_:)``)
/// and gives the counts of the scalar-by-scalar code (``FieldsFastPathTests/countWordsReference(_:in:)``):
/// words that cross the eight-byte steps, that end at the text's end or within its last seven bytes,
/// of exactly 8, 9, 24 and 25 bytes, with apostrophes, ASCII letters run into accented, Bengali,
/// Devanagari or Turkish letters, combining marks, emoji, and the 1,500-word stop at any offset.
@Suite("LanguageDetector word counting eight bytes at a time")
struct LanguageWordRunTests {
    /// The ASCII word bytes opening `w`, one byte at a time.
    static func wordByteRunReference(_ w: UInt64) -> Int {
        for k in 0..<8 {
            let c = UInt8(truncatingIfNeeded: w >> UInt64(k * 8))
            let isWordByte = (c | 0x20) &- 0x61 < 26 || c == 0x27
            if !isWordByte { return k }
        }
        return 8
    }

    @Test("the run of word bytes is that of a byte-by-byte reading, for every byte in every place")
    func wordByteRunMatchesBytes() {
        // Every byte value at every offset after a run of letters, and random words from bytes
        // that sit next to the class edges (@ A Z [ ` a z { ' & ( 0x7F 0x80 0xC3 0xE0 0xFF).
        for offset in 0..<8 {
            for v in 0...255 {
                var bytes = [UInt8](repeating: 0x61, count: 8)
                bytes[offset] = UInt8(v)
                let w = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << UInt64($1.offset * 8) }
                #expect(LanguageDetector.wordByteRun(w) == Self.wordByteRunReference(w), "offset \(offset) byte \(v)")
            }
        }
        let edges: [UInt8] = [0x40, 0x41, 0x5A, 0x5B, 0x60, 0x61, 0x7A, 0x7B, 0x27, 0x26, 0x28, 0x7F, 0x80, 0xC3, 0xE0, 0xFF, 0x20, 0x00, 0x07, 0xA7]
        var rng = SplitMix64(seed: 0x5EED_0B17)
        for _ in 0..<50_000 {
            var w: UInt64 = 0
            for k in 0..<8 {
                let c = rng.next() % 3 == 0 ? UInt8(truncatingIfNeeded: rng.next()) : edges[Int(rng.next() % UInt64(edges.count))]
                w |= UInt64(c) << UInt64(k * 8)
            }
            #expect(LanguageDetector.wordByteRun(w) == Self.wordByteRunReference(w), "\(String(w, radix: 16))")
        }
    }

    static let words = [
        "a", "I", "the", "The", "THE", "don't", "l'homme", "'", "''", "abcdefgh", "abcdefghi", "ABCDEFGH", "abcdefghijklmnopqrstuvwx",
        "abcdefghijklmnopqrstuvwxy", "abcdefghijklmnopqrstuvwxyzabcdefghij", "Überall", "caféx", "xé", "éx", "für", "und", "der",
        "İstanbul", "ıi", "\u{212A}elvin", "e\u{301}t\u{301}e\u{301}", "x\u{301}", "রয়টার্স", "ক্ষ্ম", "খবর", "और", "में", "है", "😀", "a😀b",
        "👩‍👩‍👧", "C3PO", "3", "ǅ", "ΑΘΗΝΑ", "“quoted”", "—", "de", "la", "été", "och", "på",
    ]
    static let separators = [" ", "  ", ", ", "\n", ". ", "—", "\u{A0}", "-", "", "1", "@", "`", "[", "{", "\t"]

    static func randomText(_ rng: inout SplitMix64, maxWords: Int) -> String {
        (0..<Int(rng.next() % UInt64(maxWords + 1))).map { _ in
            words[Int(rng.next() % UInt64(words.count))] + separators[Int(rng.next() % UInt64(separators.count))]
        }.joined()
    }

    @Test("counts and word totals are those of the scalar-by-scalar code")
    func countsMatchReference() {
        var rng = SplitMix64(seed: 0xC0_FFEE)
        var texts: [String] = Self.words + Self.words.map { " " + $0 } + Self.words.map { $0 + " " } + [""]
        texts += (0..<3000).map { _ in Self.randomText(&rng, maxWords: 12) }
        // Past 1,500 words: the stop falls at every offset of the eight-byte steps.
        texts += (0..<24).map { k in String(repeating: "x", count: k) + " " + String(repeating: "the and ", count: 1600) }
        texts += (0..<6).map { _ in Self.randomText(&rng, maxWords: 2500) }
        var hits = 0
        for t in texts {
            for table in [LanguageDetector.latinTable, LanguageDetector.devanagariTable] {
                var t = t
                let (scores, count) = t.withUTF8 { LanguageDetector.countWords($0, in: table) }
                let (refScores, refCount) = FieldsFastPathTests.countWordsReference(t, in: table)
                #expect(scores == refScores && count == refCount, "\(t.prefix(80).debugDescription)")
                hits += scores.reduce(0, +)
            }
        }
        #expect(hits > 10_000)
    }
}
