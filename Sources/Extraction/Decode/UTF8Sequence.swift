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

    /// Reads the text `p[from..<n]` as far as libxml2 2.9 copies it unchanged (printable ASCII, tab,
    /// line feed, carriage return when `carriageReturn`, well-formed UTF-8 other than U+FFFE and
    /// U+FFFF) and returns the offset of the first `stop` or `other` byte, `n` when the text ends
    /// first, or nil at a byte libxml2 would not copy unchanged. The parser's shortcuts read text,
    /// raw text and attribute values with it; ASCII goes eight bytes at a time.
    @inline(__always)
    static func plainRun(_ p: UnsafePointer<UInt8>, from: Int, _ n: Int, stop: UInt8, _ other: UInt8? = nil,
                         carriageReturn: Bool = true) -> Int? {
        let raw = UnsafeRawPointer(p)
        let stopLanes = UInt64(stop) &* 0x0101_0101_0101_0101
        let otherLanes = UInt64(other ?? 0) &* 0x0101_0101_0101_0101
        var i = from
        while i < n {
            if i + 8 <= n {
                // Eight bytes of printable ASCII, none a stop byte.
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let x = w ^ stopLanes, y = w ^ otherLanes
                let hits = ((x &- 0x0101_0101_0101_0101) & ~x) | ((y &- 0x0101_0101_0101_0101) & ~y)
                if (w | (w &- 0x2020_2020_2020_2020) | hits) & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            }
            let c = p[i]
            if c < 0x80 {
                if c == stop || c == other { return i }
                if c < 0x20, c != 0x09, c != 0x0A, c != 0x0D || !carriageReturn { return nil }
                i += 1
                continue
            }
            let len = length(p, i, n)
            guard len > 0, !(len == 3 && c == 0xEF && p[i + 1] == 0xBF && p[i + 2] >= 0xBE) else { return nil }
            i += len
        }
        return n
    }
}
