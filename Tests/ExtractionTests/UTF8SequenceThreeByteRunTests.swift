import Testing
@testable import Extraction

/// ``UTF8Sequence/plainRun(_:from:_:stop:_:carriageReturn:)`` reads text in scripts of three-byte
/// sequences (Bengali, CJK) sixteen bytes at a time (``UTF8Sequence/threeByteRun(_:_:_:)``); it
/// must stop exactly where the one-byte reading of ``ByteScanTests`` stops, wherever an ill-formed
/// or refused sequence, a stop byte, a control or the end of the text cuts such a run.
@Suite("UTF8Sequence: three-byte runs sixteen bytes at a time")
struct UTF8SequenceThreeByteRunTests {
    /// Runs of three-byte sequences with and without ASCII between them.
    static let fillers: [[UInt8]] = [
        Array("কালবেলা".utf8), Array("কা লবে লা, ".utf8), Array("日本語のテキスト".utf8), Array("ক日\u{FFFD}\u{FEFF}".utf8),
        Array("ঀ\u{7FF}\u{D7FF}\u{E000}".utf8), Array("কা\tল\nবে".utf8), Array("কা\rল".utf8),
    ]

    /// What cuts a run: overlong forms and surrogates (E0 80–9F, ED A0–BF), U+FFFE, U+FFFF and the
    /// rest of EF BF, lone and extra continuations, a cut sequence, two- and four-byte sequences,
    /// NUL and other controls, the stop bytes, bad leads.
    static let cuts: [[UInt8]] = [
        [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xED, 0x9F, 0xBF],
        [0xEF, 0xBF, 0xBE], [0xEF, 0xBF, 0xBF], [0xEF, 0xBF, 0xBD], [0xEF, 0xBF, 0x80], [0xEF, 0xBE, 0xBF],
        [0x80], [0xBF], [0xE0, 0xA6], [0xE0], [0xE0, 0xA6, 0x95, 0x95], [0xE0, 0xA6, 0x41], [0xE0, 0x41, 0x95],
        [0xE0, 0xC0, 0x80], [0xC3, 0xA4], [0xF0, 0x9F, 0x98, 0x80], [0xF8], [0xFF], [0xC0, 0x80],
        [0x00], [0x01], [0x0D], [0x0C], [0x7F], [0x3C], [0x26], [0x22], Array(" ".utf8), Array("a<b".utf8),
    ]

    @Test("plainRun agrees with the one-byte reading wherever a cut sits in three-byte text, and wherever the text ends")
    func cutsAtEveryPlace() {
        for filler in Self.fillers {
            var base: [UInt8] = []
            while base.count < 70 { base += filler }
            for cut in Self.cuts {
                for at in 0...base.count {
                    var b = base
                    b.insert(contentsOf: cut, at: at)
                    for n in [b.count, at + cut.count, at + 1, at + 17, at + 18, at + 16] where n <= b.count {
                        // Past `n` more text and a stop byte: the scan must not see them.
                        let buffer = b + [0x3C, 0xE0, 0xA6, 0x95]
                        for (stop, other, cr) in [(UInt8(0x3C), UInt8?(0x26), true), (0x22, UInt8?(0x26), false)] {
                            for from in [0, 1, 3] where from <= n {
                                let got = buffer.withUnsafeBufferPointer {
                                    UTF8Sequence.plainRun($0.baseAddress!, from: from, n, stop: stop, other, carriageReturn: cr)
                                }
                                let expected = ByteScanTests.referencePlainRun(b, from: from, n, stop: stop, other, carriageReturn: cr)
                                #expect(got == expected, "\(b.prefix(n)) from \(from) stop \(stop)")
                            }
                        }
                    }
                }
            }
        }
    }

    @Test("threeByteRun never passes a byte the one-byte reading refuses nor stops inside a sequence")
    func runStopsOnBoundaries() {
        var rng = SplitMix64(seed: 0x3B17E)
        let pieces = Self.fillers + Self.cuts
        for _ in 0..<4000 {
            var b = Array("ক".utf8)
            while b.count < 40 { b += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
            let vectors = UTF8Sequence.PlainVectors(stop: 0x3C, other: 0x26, carriageReturn: true)
            let k = b.withUnsafeBufferPointer { UTF8Sequence.threeByteRun(UnsafeRawPointer($0.baseAddress!), 0, vectors) }
            #expect((0...16).contains(k))
            // The bytes taken read as plain text on their own (no sequence cut at `k`).
            #expect(ByteScanTests.referencePlainRun(b, from: 0, k, stop: 0x3C, 0x26, carriageReturn: true) == k, "\(b) \(k)")
        }
    }
}
