import Testing

@testable import Extraction

/// ``PageTypeFeatures/proseCounts(_:)``: the byte-counting path (sixteen bytes at a time, dandas
/// included) gives the counts of the scalar-by-scalar reference on text of every script it meets,
/// at every length and alignment.
@Suite("Prose counts: the byte-counting path gives the scalar reading's counts")
struct ProseCountsTests {
    /// Pieces of text: ASCII prose and punctuation, Bengali and Devanagari with dandas, Latin-1,
    /// Arabic, CJK and fullwidth punctuation, emoji.
    static let pieces: [String] = [
        "a", "The ", "flood, ", "barrier. ", "Why? ", "Now! ", " ", "\n", "1,2", "...",
        "বাংলা", "ভাষা।", "।", "॥", "ঢাকা, ", "হিন্দি", "खबर।", "नई दिल्ली ", "क़",
        "é", "Ü", "ß", "—", "“", "،", "؟", "مرحبا", "、", "。", "日本", "，", "！", "？", "😀", "👍🏽",
    ]

    /// A small deterministic generator (SplitMix64).
    struct Generator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(n))
        }
    }

    static func reference(_ s: String) -> (scalars: Int, commas: Int, sentenceEnds: Int) {
        var t = s
        return t.withUTF8 { PageTypeFeatures.scalarProseCounts($0) }
    }

    @Test("generated texts of mixed scripts: the same counts as the scalar reading")
    func generated() {
        var g = Generator(state: 0xDA4DA)
        var checked = 0
        for round in 0..<4000 {
            // Bengali-heavy, ASCII-heavy and mixed texts, short and long (up to several hundred bytes).
            let pool = round % 3 == 0 ? Array(Self.pieces[10..<19]) + [" ", ", "] : round % 3 == 1 ? Array(Self.pieces[0..<10]) + ["।"] : Self.pieces
            var s = ""
            for _ in 0..<g.next(round % 5 == 0 ? 200 : 30) { s += pool[g.next(pool.count)] }
            let c = PageTypeFeatures.proseCounts(s), r = Self.reference(s)
            #expect(c.scalars == r.scalars && c.commas == r.commas && c.sentenceEnds == r.sentenceEnds, "\(s)")
            #expect(c.scalars == s.unicodeScalars.count, "\(s)")
            checked += 1
        }
        #expect(checked == 4000)
    }

    @Test("a danda at every offset around the sixteen-byte chunks is counted once")
    func dandaAtEveryOffset() {
        for prefix in 0..<40 {
            for total in [prefix + 1, 18, 19, 34, 35, 50] where total > prefix {
                let s = String(repeating: "a", count: prefix) + "।" + String(repeating: "b", count: total - prefix)
                let c = PageTypeFeatures.proseCounts(s)
                #expect(c.sentenceEnds == 1 && c.scalars == total + 1, "\(prefix) \(total)")
            }
        }
    }

    @Test("Bengali text without other punctuation leads takes the byte path")
    func bengaliTakesBytePath() {
        let s = String(repeating: "ঢাকা, বাংলা ভাষা। ", count: 20)
        let fast = Array(s.utf8).withUnsafeBufferPointer { PageTypeFeatures.plainProseCounts($0) }
        #expect(fast != nil)
        #expect(fast.map { [$0.scalars, $0.commas, $0.sentenceEnds] } == [s.unicodeScalars.count, 20, 20])
    }
}
