import Testing
@testable import Extraction

/// The byte loops of the decode and parse stages skip sixteen bytes at a time and run through
/// multi-byte sequences in inner loops; each must give exactly the answer of a plain one-byte-at-a-
/// time reading (written here with the standard library's UTF-8 decoder), wherever the byte that
/// matters sits in a block, at the end of the buffer, and on ill-formed input.
@Suite("Decode and parse stages: sixteen-byte scanning loops")
struct ByteScanTests {
    // MARK: References

    /// The length of the well-formed sequence at `b[i]` (a byte ≥ 0x80) within `b[..<n]`, or 0.
    static func referenceLength(_ b: [UInt8], _ i: Int, _ n: Int) -> Int {
        var it = b[i..<n].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let s) = decoder.decode(&it) { return UTF8.width(s) }
        return 0
    }

    static func referencePlainRun(_ b: [UInt8], from: Int, _ n: Int, stop: UInt8, _ other: UInt8?,
                                  carriageReturn: Bool) -> Int? {
        var i = from
        while i < n {
            let c = b[i]
            if c < 0x80 {
                if c == stop || c == other { return i }
                if c < 0x20, c != 0x09, c != 0x0A, c != 0x0D || !carriageReturn { return nil }
                i += 1
                continue
            }
            let len = referenceLength(b, i, n)
            if len == 0 { return nil }
            if len == 3, String(decoding: b[i..<(i + 3)], as: UTF8.self).unicodeScalars.first!.value >= 0xFFFE { return nil }
            i += len
        }
        return n
    }

    static func referenceStats(_ b: [UInt8]) -> Charset.UTF8Stats {
        var s = Charset.UTF8Stats()
        var i = 0
        while i < b.count {
            let c = b[i]
            if c < 0x80 {
                if c == 0 { s.nul += 1 } else if c < 0x20, ![0x09, 0x0A, 0x0C, 0x0D, 0x1B].contains(c) { s.control += 1 }
                i += 1
                continue
            }
            let len = referenceLength(b, i, b.count)
            if len > 0 { s.valid += 1; i += len } else { s.invalid += 1; i += 1 }
        }
        return s
    }

    /// The first scalar the NFC check flags, reading the scalars of `text` from the `from`-th on.
    static func referenceCandidate(_ text: String, fromScalar from: Int) -> Int? {
        let flags = UnicodeNormalization.candidates
        var previous: UInt32 = 0
        var offset = 0
        for (k, s) in text.unicodeScalars.enumerated() {
            defer { offset += UTF8.width(s) }
            guard k >= from else { continue }
            let v = s.value
            if v >= 0x300, v >= 0x1000 || flags[Int(v >> 6)] & (1 << (v & 63)) != 0,
               UnicodeNormalization.needs(v, after: previous) { return offset }
            previous = v
        }
        return nil
    }

    // MARK: Inputs

    /// Pieces that reach every branch: ASCII, white space, controls, stop bytes, two- to four-byte
    /// sequences, and ill-formed ones (a lone continuation, a bad lead, an overlong form, a
    /// surrogate, above U+10FFFF, a cut-off sequence, U+FFFE, U+FFFF, U+FFFD).
    static let pieces: [[UInt8]] = [
        Array("a".utf8), Array("plain text ".utf8), [0x20], [0x09], [0x0A], [0x0D], [0x0C], [0x1B], [0x00], [0x01], [0x1F], [0x7F],
        [0x3C], [0x26], [0x22], Array("ä".utf8), Array("ক".utf8), Array("কালবেলা".utf8), Array("€".utf8), Array("😀".utf8),
        [0x80], [0xC0, 0xAF], [0xC1], [0xF5], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE0, 0xA6],
        [0xEF, 0xBF, 0xBE], [0xEF, 0xBF, 0xBF], [0xEF, 0xBF, 0xBD], [0xF0, 0x9F],
    ]

    /// Every piece at every offset 0…33 of printable ASCII, with more ASCII after it, and cut at
    /// every length from just before the piece to the end.
    static func placed() -> [([UInt8], Int)] {
        var out: [([UInt8], Int)] = []
        for piece in pieces {
            for offset in 0...33 {
                let b = Array(repeating: UInt8(ascii: "x"), count: offset) + piece + Array("tail of the text".utf8)
                for n in max(0, offset - 1)...min(b.count, offset + piece.count + 17) { out.append((b, n)) }
            }
        }
        return out
    }

    /// Random mixes of the pieces.
    static func mixed(count: Int, seed: UInt64) -> [[UInt8]] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            var b: [UInt8] = []
            for _ in 0..<Int.random(in: 0...24, using: &rng) { b += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
            return b
        }
    }

    // MARK: Tests

    @Test("plainRun finds the stop byte, the byte it refuses or the end at every offset of a block, and never reads past the end")
    func plainRunAtEveryOffset() {
        for (b, n) in Self.placed() {
            // Past `n` a stop byte: the scan must not see it.
            let buffer = b[..<n] + [0x3C, 0x26, 0x00]
            for (stop, other, cr) in [(UInt8(0x3C), UInt8?(0x26), true), (0x3C, nil, true), (0x26, nil, false), (0x22, nil, false)] {
                let got = buffer.withUnsafeBufferPointer {
                    UTF8Sequence.plainRun($0.baseAddress!, from: 0, n, stop: stop, other, carriageReturn: cr)
                }
                #expect(got == Self.referencePlainRun(b, from: 0, n, stop: stop, other, carriageReturn: cr), "\(b.prefix(n)) \(stop)")
            }
        }
    }

    @Test("plainRun agrees with the one-byte reading on random mixes of text, white space, stops and ill-formed UTF-8, from any start")
    func plainRunOnMixes() {
        for b in Self.mixed(count: 3000, seed: 0x5CA1_AB1E) {
            for from in Set([0, 1, 7, 15, 16, 17]) where from <= b.count {
                let got = b.withUnsafeBufferPointer { p -> Int? in
                    guard let base = p.baseAddress else { return b.count == from ? from : nil }
                    return UTF8Sequence.plainRun(base, from: from, b.count, stop: 0x3C, 0x26)
                }
                let expected = b.isEmpty ? from : Self.referencePlainRun(b, from: from, b.count, stop: 0x3C, 0x26, carriageReturn: true)
                #expect(got == expected, "\(b) from \(from)")
            }
        }
    }

    @Test("UTF-8 statistics agree with the one-byte reading wherever a control, NUL or sequence sits in a sixteen-byte block")
    func statsAtEveryOffset() {
        for (b, n) in Self.placed() {
            let s = Charset.utf8Stats(Array(b[..<n])), r = Self.referenceStats(Array(b[..<n]))
            #expect(s.valid == r.valid && s.invalid == r.invalid && s.nul == r.nul && s.control == r.control, "\(b.prefix(n))")
        }
        for b in Self.mixed(count: 3000, seed: 0xDEC0DE) {
            let s = Charset.utf8Stats(b), r = Self.referenceStats(b)
            #expect(s.valid == r.valid && s.invalid == r.invalid && s.nul == r.nul && s.control == r.control, "\(b)")
        }
    }

    @Test("UTF-8 statistics over a prefix read in place equal those over a copy of the prefix, a sequence cut at the limit included")
    func statsOverPrefix() {
        for b in Self.mixed(count: 1000, seed: 0xBEEF) {
            for limit in Set([0, 1, 5, 16, 17, b.count / 2, b.count, b.count + 3]) {
                let s = Charset.utf8Stats(b, limit: limit), r = Self.referenceStats(Array(b.prefix(limit)))
                #expect(s.valid == r.valid && s.invalid == r.invalid && s.nul == r.nul && s.control == r.control, "\(b) \(limit)")
            }
        }
    }

    @Test("The NFC check flags the same first scalar as a scalar-by-scalar reading, after ASCII runs of every length and from any scalar")
    func nfcCandidateAgrees() {
        let units = ["x", "plain ascii text", " ", "\n", "ক", "কালবেলা ", "\u{09C7}", "\u{09BE}", "\u{09C7}\u{09BE}", "e\u{0301}",
                     "\u{0301}", "é", "€", "😀", "\u{212B}", "\u{1161}", "ä", "\u{09BC}", "য\u{09BC}"]
        var rng = SplitMix64(seed: 0xF1257)
        var flagged = 0
        for round in 0..<2500 {
            var s = String(repeating: "a", count: round % 40)
            for _ in 0..<Int.random(in: 0...12, using: &rng) { s += units[Int.random(in: 0..<units.count, using: &rng)] }
            let bytes = Array(s.utf8)
            let scalarCount = s.unicodeScalars.count
            for from in Set([0, 1, 3, scalarCount / 2, scalarCount]) where from <= scalarCount {
                let offset = s.unicodeScalars.prefix(from).reduce(0) { $0 + UTF8.width($1) }
                let expected = Self.referenceCandidate(s, fromScalar: from)
                #expect(UnicodeNormalization.firstCandidate(in: bytes, from: offset) == expected, "\(s.debugDescription) from \(from)")
                if expected != nil { flagged += 1 }
            }
        }
        #expect(flagged > 1000, "the inputs must reach flagged scalars too")
    }
}

@Suite("Parse stage: the name byte table")
struct NameByteTests {
    @Test("isNameByte holds for exactly the ASCII letters, digits, '_', ':', '.' and '-'")
    func nameBytes() {
        for c in UInt8(0)...UInt8(255) {
            let expected = (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39)
                || c == 0x5F || c == 0x3A || c == 0x2E || c == 0x2D
            #expect(AttributeNameRepair.isNameByte(c) == expected, "byte \(c)")
        }
    }
}
