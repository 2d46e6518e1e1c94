/// Well-formed UTF-8 multi-byte sequences (The Unicode Standard, table 3-7), shared by the
/// decoder's byte statistics and the parser's shortcuts, and the sixteen-byte block tests of their
/// byte loops.
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
    /// raw text and attribute values with it.
    ///
    /// Sixteen bytes at a time: a block of printable ASCII and white space without a stop byte is
    /// skipped whole; otherwise the loop goes straight to the block's first byte that is not, and
    /// from a multi-byte sequence on to the next ASCII byte, one sequence at a time.
    @inline(__always)
    static func plainRun(_ p: UnsafePointer<UInt8>, from: Int, _ n: Int, stop: UInt8, _ other: UInt8? = nil,
                         carriageReturn: Bool = true) -> Int? {
        let raw = UnsafeRawPointer(p)
        let stopLanes = SIMD16<UInt8>(repeating: stop)
        let otherLanes = SIMD16<UInt8>(repeating: other ?? stop)
        // Without `carriageReturn` a CR is not copied: line feed stands in for it among the exceptions.
        let crLanes = SIMD16<UInt8>(repeating: carriageReturn ? 0x0D : 0x0A)
        var i = from
        while i < n {
            if i &+ 16 <= n {
                let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                // Signed, a byte below 0x20 is a control or ≥ 0x80.
                let low = unsafeBitCast(v, to: SIMD16<Int8>.self) .< 0x20
                let stops = (v .== stopLanes) .| (v .== otherLanes)
                if !any(low .| stops) { i &+= 16; continue }
                let special = stops .| (low .& (v .!= 0x09) .& (v .!= 0x0A) .& (v .!= crLanes))
                if !any(special) { i &+= 16; continue }
                i &+= firstLane(special)
            }
            var c = p[i]
            if c < 0x80 {
                if c == stop || c == other { return i }
                if c < 0x20, c != 0x09, c != 0x0A, c != 0x0D || !carriageReturn { return nil }
                i &+= 1
                continue
            }
            // Multi-byte sequences up to the next ASCII byte.
            while true {
                let len = length(p, i, n)
                guard len > 0, !(len == 3 && c == 0xEF && p[i + 1] == 0xBF && p[i + 2] >= 0xBE) else { return nil }
                i &+= len
                guard i < n else { return n }
                c = p[i]
                if c < 0x80 { break }
            }
        }
        return n
    }

    // MARK: Sixteen-byte blocks

    /// The 16 bytes at `raw + i` as signed lanes: ASCII is 0…127, every byte ≥ 0x80 negative.
    @inline(__always)
    static func signedBlock(_ raw: UnsafeRawPointer, _ i: Int) -> SIMD16<Int8> {
        raw.loadUnaligned(fromByteOffset: i, as: SIMD16<Int8>.self)
    }

    /// The index (0–15) of the first set lane of a mask that has one.
    @inline(__always)
    static func firstLane(_ m: SIMDMask<SIMD16<Int8>>) -> Int {
        let lanes = unsafeBitCast(SIMD16<Int8>(repeating: 0).replacing(with: -1, where: m), to: SIMD2<UInt64>.self)
        let lo = lanes[0]
        return lo != 0 ? lo.trailingZeroBitCount &>> 3 : 8 &+ (lanes[1].trailingZeroBitCount &>> 3)
    }
}
