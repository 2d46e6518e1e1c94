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

    /// Every piece at every offset 0…80 of printable ASCII (past the sixty-four-byte steps of the
    /// vector loops), with more ASCII after it, and cut at every length from just before the piece
    /// to the end.
    static func placed() -> [([UInt8], Int)] {
        var out: [([UInt8], Int)] = []
        for piece in pieces {
            for offset in 0...80 {
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

    @Test("The page scan counts as the one-byte reading and finds the NFC check's first scalar, wherever a piece sits in a 16- or 64-byte block")
    func pageScanAtEveryOffset() {
        for (b, n) in Self.placed() {
            let bytes = Array(b[..<n])
            Self.expectPageScan(bytes)
        }
        for b in Self.mixed(count: 3000, seed: 0x5CA7) { Self.expectPageScan(b) }
    }

    @Test("The page scan finds the NFC check's first scalar in Bengali and Latin text after ASCII and white space of every length")
    func pageScanFindsCandidates() {
        let units = ["x", "plain ascii text", " ", "\n", "\t", "\r\n", "\u{0C}", "ক", "কালবেলা ", "\u{09C7}", "\u{09BE}",
                     "\u{09C7}\u{09BE}", "e\u{0301}", "\u{0301}", "é", "€", "’", "\u{2001}", "\u{20D0}", "😀", "\u{212B}",
                     "\u{1161}", "ä", "\u{09BC}", "য\u{09BC}", "\u{0928}\u{093C}", "\u{102E}"]
        var rng = SplitMix64(seed: 0xC0FFEE)
        var flagged = 0
        for round in 0..<3000 {
            var s = String(repeating: round % 3 == 0 ? "a" : "ab\tc\n", count: round % 50)
            for _ in 0..<Int.random(in: 0...12, using: &rng) { s += units[Int.random(in: 0..<units.count, using: &rng)] }
            let scan = PageScan(Array(s.utf8))
            let expected = Self.referenceCandidate(s, fromScalar: 0)
            #expect(scan.nfcCandidate == expected, "\(s.debugDescription)")
            if expected != nil { flagged += 1 }
        }
        #expect(flagged > 1000, "the inputs must reach flagged scalars too")
    }

    /// The scan of `bytes` against the references: the counts always, the candidate when the
    /// bytes are valid UTF-8 without NUL (the only case the decoder reads it in).
    static func expectPageScan(_ bytes: [UInt8]) {
        let scan = PageScan(bytes), s = scan.stats, r = referenceStats(bytes)
        #expect(s.valid == r.valid && s.invalid == r.invalid && s.nul == r.nul && s.control == r.control, "\(bytes)")
        if r.invalid == 0 && r.nul == 0 {
            #expect(scan.nfcCandidate == UnicodeNormalization.firstCandidate(in: bytes, from: 0), "\(bytes)")
        }
    }

    @Test("Scalars above U+1000 that the NFC check rules out at once are never flagged, whatever the scalar before")
    func quickRejectIsSafe() {
        let flags = UnicodeNormalization.candidates
        var ruledOut = 0
        for v in UInt32(0x1000)..<0x30000 where !UnicodeNormalization.mayBeFlagged(v, flags) {
            ruledOut += 1
            for p in UInt32(0)..<0x2100 where UnicodeNormalization.needs(v, after: p) {
                Issue.record("U+\(String(v, radix: 16)) after U+\(String(p, radix: 16))")
                break
            }
        }
        #expect(ruledOut > 100)
    }

    @Test("The binary check without the head's own counts refuses exactly the pages it refused with them")
    func binaryCheckShortcut() {
        var inputs = Self.mixed(count: 2000, seed: 0xB1AB1) + Self.placed().map { Array($0.0[..<$0.1]) }
        // Pages around the limits: many controls or ill-formed bytes in or past the head, and
        // sequences cut by the 4096-byte head.
        var rng = SplitMix64(seed: 0xB1AB2)
        for _ in 0..<300 {
            let size = Int.random(in: 1...9000, using: &rng)
            let rate = [0, 2, 8, 30, 120, 400][Int.random(in: 0..<6, using: &rng)]
            var b = [UInt8](repeating: 0x61, count: size)
            for _ in 0..<(size * rate / 1000) {
                let k = Int.random(in: 0..<size, using: &rng)
                b[k] = [0x00, 0x01, 0xFF, 0xE0, 0x80, 0x3C, 0xA6][Int.random(in: 0..<7, using: &rng)]
            }
            if size > 4100, Bool.random(using: &rng) { b.replaceSubrange(4094..<4097, with: Array("ক".utf8)) }
            inputs.append(b)
        }
        var refused = 0
        for b in inputs where !b.isEmpty {
            let whole = Self.referenceStats(b)
            let expected = Self.referenceRefuses(b)
            let got: Bool
            do { try PageDecoder.refuseBinary(b, whole); got = false } catch { got = true }
            #expect(got == expected, "\(b.prefix(64))… (\(b.count) bytes)")
            if expected { refused += 1 }
        }
        #expect(refused > 20, "the inputs must reach refusals too")
    }

    /// The binary check as it was, the head's counts always computed.
    static func referenceRefuses(_ b: [UInt8]) -> Bool {
        let head = Array(b.prefix(4096))
        let s = referenceStats(head)
        if b.starts(with: [0x1F, 0x8B]) || b.starts(with: [0x89, 0x50, 0x4E, 0x47]) || b.starts(with: [0x25, 0x50, 0x44, 0x46])
            || b.starts(with: [0x50, 0x4B, 0x03, 0x04]) || b.starts(with: [0xFF, 0xD8, 0xFF]) { return true }
        return (s.nul + s.control) * 10 > head.count || (s.invalid * 4 > head.count && !head.contains(UInt8(ascii: "<")))
    }

    @Test("plainRun agrees with the one-byte reading on long runs with white space, stops and sequences at every place of a 32-byte step")
    func plainRunOnLongRuns() {
        let fillers: [[UInt8]] = [Array("abcdefgh".utf8), Array("ab\tc\nd e".utf8), Array("x\r\ny".utf8), Array("কা".utf8)]
        let pieces = Self.pieces
        for filler in fillers {
            for length in [31, 33, 63, 64, 65, 97] {
                var base: [UInt8] = []
                while base.count < length { base += filler }
                base = Array(base.prefix(length))
                for piece in pieces {
                    for at in stride(from: 0, through: length, by: 1) {
                        var b = base
                        b.insert(contentsOf: piece, at: at)
                        for (stop, other, cr) in [(UInt8(0x3C), UInt8?(0x26), true), (0x3C, nil, true), (0x26, nil, false)] {
                            let got = b.withUnsafeBufferPointer {
                                UTF8Sequence.plainRun($0.baseAddress!, from: 0, b.count, stop: stop, other, carriageReturn: cr)
                            }
                            #expect(got == Self.referencePlainRun(b, from: 0, b.count, stop: stop, other, carriageReturn: cr),
                                    "\(b) \(stop)")
                        }
                    }
                }
            }
        }
    }

    @Test("A quoted value read in one pass ends at the first closing quote with the form valueForm gives, on values of every piece")
    func quotedValueAgrees() {
        var values = Self.placed().map { Array($0.0[..<$0.1]) } + Self.mixed(count: 3000, seed: 0x0A77)
        values += [Array("a&amp;b".utf8), Array("&amp;".utf8), Array("x&y".utf8), Array("&#65;".utf8), Array("a\rb".utf8)]
        for value in values {
            for quote in [UInt8(0x22), 0x27] {
                // The value, its closing quote, and more of the tag after it (or no quote at all).
                for tail in [[quote] + Array(" b=\"x\">text".utf8), Array(" no closing quote".utf8), [quote]] {
                    let b = value + tail
                    let got = b.withUnsafeBufferPointer { AttributeShortcut.quotedValue($0.baseAddress!, from: 0, b.count, quote: quote) }
                    let expected: (Int, AttributeShortcut.ValueForm)? = b.withUnsafeBufferPointer { q in
                        guard let e = b.firstIndex(of: quote) else { return nil }
                        return (e, AttributeShortcut.valueForm(q.baseAddress!, e))
                    }
                    #expect(got?.end == expected?.0 && got?.form == expected?.1, "\(b)")
                }
            }
        }
    }

    @Test("Collapsing white space with sixteen-byte steps equals the one-byte collapsing, whatever ends a run at any place of a step")
    func collapseOnLongRuns() {
        let fillers: [[UInt8]] = [Array("abcdefgh".utf8), Array("ab cd ef g".utf8), Array("কালবেলা".utf8), Array("a€b、c—".utf8)]
        let pieces: [[UInt8]] = [[0x20], [0x20, 0x20], [0x09], [0x0A], [0x01], [0x7F], [0xC2, 0xA0], [0xC2, 0x85], [0xC2, 0xB5],
                                 Array("\u{2003}".utf8), Array("\u{200B}".utf8), Array("\u{202F}".utf8), Array("\u{3000}".utf8),
                                 [0x20, 0xE2, 0x80, 0x83], [0xE2], [0xC2], [0xE3, 0x80], [0x80], [0x20, 0x61]]
        for filler in fillers {
            for length in [15, 16, 17, 18, 31, 33, 48] {
                var base: [UInt8] = []
                while base.count < length { base += filler }
                base = Array(base.prefix(length))
                for piece in pieces {
                    for at in 0...length {
                        var b = base
                        b.insert(contentsOf: piece, at: at)
                        for cut in [b.count, max(0, b.count - 1), max(0, at + piece.count)] {
                            let t = Array(b.prefix(cut))
                            let got = t.withUnsafeBufferPointer { p -> [UInt8] in
                                var out: [UInt8] = []
                                HTMLDocument.collapseBytes(p, into: &out)
                                return out
                            }
                            #expect(got == ContentFastPathTests.collapseBytesReference(t), "\(t)")
                        }
                    }
                }
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
