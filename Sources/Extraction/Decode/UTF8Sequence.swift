/// Well-formed UTF-8 multi-byte sequences (The Unicode Standard, table 3-7), shared by the
/// decoder's byte statistics and the parser's shortcuts.
enum UTF8Sequence {
    /// The length (2–4) of the well-formed sequence whose lead byte (≥ 0x80) is `p[i]`, or 0 when it
    /// is ill-formed (bad lead, bad continuation, overlong, surrogate, above U+10FFFF) or cut off at `n`.
    @inline(__always)
    static func length(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int {
        var len = 0
        var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
        switch p[i] {
        case 0xC2...0xDF: len = 2
        case 0xE0: len = 3; lo = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: len = 3
        case 0xED: len = 3; hi = 0x9F
        case 0xF0: len = 4; lo = 0x90
        case 0xF1...0xF3: len = 4
        case 0xF4: len = 4; hi = 0x8F
        default: return 0
        }
        guard i + len <= n, p[i + 1] >= lo, p[i + 1] <= hi else { return 0 }
        if len > 2, p[i + 2] & 0xC0 != 0x80 { return 0 }
        if len > 3, p[i + 3] & 0xC0 != 0x80 { return 0 }
        return len
    }

    /// The length of the character whose lead byte (≥ 0x80) is `p[i]` when libxml2 2.9 copies it
    /// unchanged into text or an attribute value: a well-formed sequence that is not U+FFFE or
    /// U+FFFF (outside XML's `Char`); 0 otherwise. Used by the parser's shortcuts.
    @inline(__always)
    static func copiedLength(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int {
        let len = length(p, i, n)
        if len == 3, p[i] == 0xEF, p[i + 1] == 0xBF, p[i + 2] >= 0xBE { return 0 }
        return len
    }

    /// True when the eight bytes of `w` are printable ASCII (0x20–0x7F) and none is `stop` or
    /// `other` (each given as its byte repeated in all eight lanes, e.g. `0x3C3C_3C3C_3C3C_3C3C`
    /// for `<`; 0 for none): the parser's shortcuts skip such words whole.
    @inline(__always)
    static func isPlainASCII(_ w: UInt64, avoiding stop: UInt64, _ other: UInt64 = 0) -> Bool {
        let x = w ^ stop, y = w ^ other
        let hits = ((x &- 0x0101_0101_0101_0101) & ~x) | ((y &- 0x0101_0101_0101_0101) & ~y)
        return (w | (w &- 0x2020_2020_2020_2020) | hits) & 0x8080_8080_8080_8080 == 0
    }
}
