/// Well-formed UTF-8 multi-byte sequences (The Unicode Standard, table 3-7), shared by the
/// decoder's byte statistics and the parser's shortcuts, and the word-at-a-time byte tests of
/// their loops.
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
    /// Sixteen bytes at a time (two words), then eight, then the last word: a block of printable
    /// ASCII without a stop byte is skipped whole, and so is one that also holds only tabs and line
    /// breaks; otherwise the loop goes straight to the block's first byte that matters, and from a
    /// multi-byte sequence on to the next ASCII byte, one sequence at a time.
    @inline(__always)
    static func plainRun(_ p: UnsafePointer<UInt8>, from: Int, _ n: Int, stop: UInt8, _ other: UInt8? = nil,
                         carriageReturn: Bool = true) -> Int? {
        let raw = UnsafeRawPointer(p)
        let otherByte = other ?? stop
        let stopLanes = lanes(stop), otherLanes = lanes(otherByte)
        // Without `carriageReturn` a CR is not copied: line feed stands in for it among the exceptions.
        let crLanes = lanes(carriageReturn ? 0x0D : 0x0A)
        @inline(__always) func matters(_ w: UInt64) -> UInt64 {
            let blank = equal(w, 0x0909_0909_0909_0909) | equal(w, 0x0A0A_0A0A_0A0A_0A0A) | equal(w, crLanes)
            return equal(w, stopLanes) | equal(w, otherLanes) | (w & highs) | (control(w) & ~blank)
        }
        let vectors = PlainVectors(stop: stop, other: otherByte, carriageReturn: carriageReturn)
        var i = from
        while i < n {
            if i &+ 16 <= n {
                let (at, found) = vectors.first(raw, i, n)
                i = at
                // None in the blocks: the last bytes (fewer than sixteen) as below.
                if !found { continue }
            } else if i &+ 8 <= n {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let m = matters(w)
                if m == 0 { i &+= 8; continue }
                i &+= m.trailingZeroBitCount &>> 3
            } else if n >= 8 {
                // Fewer than eight bytes left: the text's last word, without the bytes before `i`.
                let m = matters(raw.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)) & (~UInt64(0) &<< (8 &* (8 &- (n &- i))))
                if m == 0 { return n }
                i = n &- 8 &+ (m.trailingZeroBitCount &>> 3)
            }
            var c = p[i]
            if c < 0x80 {
                if c == stop || c == other { return i }
                if c < 0x20, c != 0x09, c != 0x0A, c != 0x0D || !carriageReturn { return nil }
                i &+= 1
                continue
            }
            // Multi-byte sequences up to the next ASCII byte, and on over single printable ASCII
            // bytes between them (the spaces of text in other scripts).
            while true {
                // Text in a script of three-byte sequences (Indic, CJK): sixteen bytes at a time;
                // otherwise one sequence.
                var step = 0
                if c & 0xF0 == 0xE0, i &+ 16 <= n, p[i &+ 3] & 0xF0 == 0xE0 {
                    step = threeByteRun(raw, i, vectors)
                }
                if step == 0 {
                    step = length(p, i, n)
                    guard step > 0, !(step == 3 && c == 0xEF && p[i + 1] == 0xBF && p[i + 2] >= 0xBE) else { return nil }
                }
                i &+= step
                guard i < n else { return n }
                c = p[i]
                if c < 0x80 {
                    guard c >= 0x20, c != stop, c != otherByte, i &+ 1 < n, p[i &+ 1] >= 0x80 else { break }
                    i &+= 1
                    c = p[i]
                }
            }
        }
        return n
    }

    // MARK: Sixteen bytes at a time

    /// The sixteen bytes at `raw + i`, as signed lanes (bytes ≥ 0x80 are negative: below 0x20).
    @inline(__always)
    static func vector(_ raw: UnsafeRawPointer, _ i: Int) -> SIMD16<Int8> {
        raw.loadUnaligned(fromByteOffset: i, as: SIMD16<Int8>.self)
    }

    /// True when any lane of `m` is set (the standard library's `any` is not always inlined: then
    /// it is a call per block).
    @inline(__always)
    static func isSet(_ m: SIMDMask<SIMD16<Int8>>) -> Bool {
        let q = unsafeBitCast(m, to: SIMD2<UInt64>.self)
        return q[0] | q[1] != 0
    }

    /// The first lane of `m` that is set, or 16.
    @inline(__always)
    static func firstSet(_ m: SIMDMask<SIMD16<Int8>>) -> Int {
        let q = unsafeBitCast(m, to: SIMD2<UInt64>.self)
        let q0 = q[0]
        if q0 != 0 { return q0.trailingZeroBitCount &>> 3 }
        return 8 &+ (q[1].trailingZeroBitCount &>> 3)  // 64 trailing zeros: 16
    }

    /// How many of the sixteen bytes at `raw + i` (a three-byte lead) are whole well-formed
    /// three-byte sequences (those led by EF BF, U+FFC0…U+FFFF, are left to ``length(_:_:_:)``)
    /// and ASCII bytes that do not matter to `vectors`: the offset of the first byte that is
    /// neither, or of the lead of a sequence it cuts or ends in, 0 to 16. A sequence whose lead is
    /// in the last two lanes is left to the next step.
    @inline(__always)
    static func threeByteRun(_ raw: UnsafeRawPointer, _ i: Int, _ vectors: PlainVectors) -> Int {
        let v = vector(raw, i)
        let lead = bits((v & SIMD16(repeating: -16)) .== SIMD16(repeating: -32))  // 0xE0…0xEF
        let cont = bits((v & SIMD16(repeating: -64)) .== SIMD16(repeating: -128))  // 0x80…0xBF
        let ascii = bits((v .>= SIMD16(repeating: 0)) .& .!vectors.matters(v))
        let high = bits(v .>= SIMD16(repeating: -96))  // 0xA0…0xBF among continuations
        let bf = bits(v .== SIMD16(repeating: -65))
        // Leads whose second byte must be ≥ 0xA0 (E0), below it (ED), or not 0xBF (EF).
        let e0 = bits(v .== SIMD16(repeating: -32)), ed = bits(v .== SIMD16(repeating: -19))
        let ef = bits(v .== SIMD16(repeating: -17))
        @inline(__always) func word(_ j: Int) -> UInt64 {
            let l = j == 0 ? lead.0 : lead.1
            let claimed = up(lead, 1, j) | up(lead, 2, j)
            let c = j == 0 ? cont.0 : cont.1, a = j == 0 ? ascii.0 : ascii.1
            let h = j == 0 ? high.0 : high.1, b = j == 0 ? bf.0 : bf.1
            return ~(l | c | a) | (c ^ claimed) | (up(e0, 1, j) & ~h) | (up(ed, 1, j) & h) | (up(ef, 1, j) & b)
        }
        let bad0 = word(0)
        var f = bad0 != 0 ? bad0.trailingZeroBitCount &>> 3 : 8 &+ (word(1).trailingZeroBitCount &>> 3)
        // Back to the lead of a sequence that lane `f` cuts (or that runs past the block).
        if f >= 1, lane(lead, f &- 1) { f &-= 1 } else if f >= 2, lane(lead, f &- 2) { f &-= 2 }
        return f
    }

    /// The lanes of a sixteen-lane mask as two words (0xFF a lane set, lane 0 lowest).
    @inline(__always)
    static func bits(_ m: SIMDMask<SIMD16<Int8>>) -> (UInt64, UInt64) {
        let q = unsafeBitCast(m, to: SIMD2<UInt64>.self)
        return (q[0], q[1])
    }

    /// Word `j` (0 or 1) of the lanes of `m` moved `k` (1 or 2) lanes up; the top ones drop out.
    @inline(__always)
    static func up(_ m: (UInt64, UInt64), _ k: Int, _ j: Int) -> UInt64 {
        j == 0 ? m.0 &<< (8 &* k) : (m.1 &<< (8 &* k)) | (m.0 &>> (64 &- 8 &* k))
    }

    /// Whether lane `k` (0–15) of `m` is set.
    @inline(__always)
    static func lane(_ m: (UInt64, UInt64), _ k: Int) -> Bool {
        (k < 8 ? m.0 &>> (8 &* k) : m.1 &>> (8 &* (k &- 8))) & 1 != 0
    }

    /// The bytes ``plainRun(_:from:_:stop:_:carriageReturn:)`` stops at, sixteen lanes at a time.
    struct PlainVectors {
        let stop: SIMD16<Int8>, other: SIMD16<Int8>, carriageReturn: SIMD16<Int8>

        @inline(__always)
        init(stop: UInt8, other: UInt8, carriageReturn: Bool) {
            self.stop = SIMD16(repeating: Int8(bitPattern: stop))
            self.other = SIMD16(repeating: Int8(bitPattern: other))
            // Without `carriageReturn` a CR matters: line feed stands in for it among the blanks.
            self.carriageReturn = SIMD16(repeating: carriageReturn ? 0x0D : 0x0A)
        }

        /// True in the lanes of `v` that matter: a stop byte, a byte ≥ 0x80, or one below 0x20 but
        /// tab, line feed and (when allowed) carriage return.
        @inline(__always)
        func matters(_ v: SIMD16<Int8>) -> SIMDMask<SIMD16<Int8>> {
            let low = v .< SIMD16<Int8>(repeating: 0x20)
            let blank = (v .== SIMD16<Int8>(repeating: 0x09)) .| (v .== SIMD16<Int8>(repeating: 0x0A)) .| (v .== carriageReturn)
            return (low .& .!blank) .| (v .== stop) .| (v .== other)
        }

        /// The offset of the first byte at or after `from` (at least sixteen bytes before `n`) that
        /// matters (`found`), or, when there is none in the sixteen-byte blocks from `from`, the
        /// first offset from which fewer than sixteen bytes are left. Past a first block without
        /// one, thirty-two bytes a step.
        @inline(__always)
        func first(_ raw: UnsafeRawPointer, _ from: Int, _ n: Int) -> (at: Int, found: Bool) {
            var i = from
            let k = UTF8Sequence.firstSet(matters(UTF8Sequence.vector(raw, i)))
            if k < 16 { return (i &+ k, true) }
            i &+= 16
            while i &+ 32 <= n {
                let a = matters(UTF8Sequence.vector(raw, i)), b = matters(UTF8Sequence.vector(raw, i &+ 16))
                if UTF8Sequence.isSet(a .| b) {
                    let k = UTF8Sequence.firstSet(a)
                    return (k < 16 ? i &+ k : i &+ 16 &+ UTF8Sequence.firstSet(b), true)
                }
                i &+= 32
            }
            if i &+ 16 <= n {
                let k = UTF8Sequence.firstSet(matters(UTF8Sequence.vector(raw, i)))
                if k < 16 { return (i &+ k, true) }
                i &+= 16
            }
            return (i, false)
        }
    }

    /// The offset of the first byte at or after `from` that ``Charset/utf8Stats(_:limit:)`` counts
    /// (≥ 0x80, NUL, a control other than tab, line feed, form feed, carriage return, escape)
    /// (`found`), or, when there is none in the sixteen-byte blocks from `from`, the first offset
    /// from which fewer than sixteen bytes are left. Sixty-four bytes a step while they are
    /// printable ASCII, or hold only the white space besides.
    @inline(__always)
    static func firstCounted(_ raw: UnsafeRawPointer, _ from: Int, _ n: Int) -> (at: Int, found: Bool) {
        let space = SIMD16<Int8>(repeating: 0x20)
        @inline(__always) func counted(_ v: SIMD16<Int8>) -> SIMDMask<SIMD16<Int8>> {
            let allowed = (v .== SIMD16<Int8>(repeating: 0x09)) .| (v .== SIMD16<Int8>(repeating: 0x0A))
                .| (v .== SIMD16<Int8>(repeating: 0x0C)) .| (v .== SIMD16<Int8>(repeating: 0x0D))
                .| (v .== SIMD16<Int8>(repeating: 0x1B))
            return (v .< space) .& .!allowed
        }
        var i = from
        while i &+ 64 <= n {
            let a = vector(raw, i), b = vector(raw, i &+ 16), c = vector(raw, i &+ 32), d = vector(raw, i &+ 48)
            if isSet((a .< space) .| (b .< space) .| (c .< space) .| (d .< space)) {
                if isSet(counted(a) .| counted(b) .| counted(c) .| counted(d)) { break }
            }
            i &+= 64
        }
        while i &+ 16 <= n {
            let k = firstSet(counted(vector(raw, i)))
            if k < 16 { return (i &+ k, true) }
            i &+= 16
        }
        return (i, false)
    }

    // MARK: Eight bytes at a time

    /// 0x01 in every byte of a word, and 0x80.
    @inline(__always) static var ones: UInt64 { 0x0101_0101_0101_0101 }
    @inline(__always) static var highs: UInt64 { 0x8080_8080_8080_8080 }

    /// `c` in every byte of a word.
    @inline(__always)
    static func lanes(_ c: UInt8) -> UInt64 { UInt64(c) &* ones }

    /// Bit 7 set in exactly the bytes of `w` that equal the byte of `c` (no carry crosses bytes).
    @inline(__always)
    static func equal(_ w: UInt64, _ c: UInt64) -> UInt64 {
        let x = w ^ c
        return ~(((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x) & highs
    }

    /// Bit 7 set in exactly the bytes of `w` below 0x20.
    @inline(__always)
    static func control(_ w: UInt64) -> UInt64 {
        ~((w | highs) &- 0x2020_2020_2020_2020) & ~w & highs
    }
}
