/// NFC normalisation of whole documents. A fast check finds the few places that NFC could change;
/// only the text around them goes through the normaliser (the standard library's, which is about
/// four times as fast as Foundation's on Linux), and everything else is copied as it is.
enum UnicodeNormalization {
    /// `bytes` (valid UTF-8) in NFC.
    ///
    /// NFC is local: it never reorders or composes across a character that is a starter, is NFC
    /// as it stands, and is never the second half of a composition. Every ASCII character is such
    /// a character, so the text is cut before ASCII characters into runs, and only a run holding a
    /// scalar that ``mayNeedNFC(_:)`` flags is normalised (with the ASCII letter before it, which
    /// a combining mark may compose with). The result equals normalising the whole text.
    static func nfc(_ bytes: [UInt8]) -> [UInt8] {
        nfc(bytes, first: firstCandidate(in: bytes, from: 0))
    }

    /// ``nfc(_:)`` when the first candidate, `firstCandidate(in: bytes, from: 0)`, is known already
    /// (``PageScan`` finds it while it validates the page).
    static func nfc(_ bytes: [UInt8], first: Int?) -> [UInt8] {
        guard var flagged = first else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var copied = 0
        while true {
            // The run: from the last ASCII byte before the flagged scalar (a letter a mark may
            // compose with; the cut is before it) to the next ASCII byte after it.
            var start = flagged
            while start > copied && bytes[start - 1] >= 0x80 { start -= 1 }
            if start > copied { start -= 1 }
            var end = flagged + 1
            while end < bytes.count && bytes[end] >= 0x80 { end += 1 }
            out.append(contentsOf: bytes[copied..<start])
            out.append(contentsOf: String(decoding: bytes[start..<end], as: UTF8.self)._nfcCodeUnits)
            copied = end
            guard let next = firstCandidate(in: bytes, from: end) else { break }
            flagged = next
        }
        out.append(contentsOf: bytes[copied...])
        return out
    }

    /// False when the text is certainly NFC: it holds none of the scalars that NFC changes
    /// (composition exclusions and singletons) nor a decomposed pair that NFC would compose.
    /// Conservative: true may still be NFC.
    static func mayNeedNFC(_ b: [UInt8]) -> Bool {
        firstCandidate(in: b, from: 0) != nil
    }

    /// The byte offset of the first scalar at or after `from` (a scalar boundary, read as the
    /// start of the text) that NFC may change, or nil; see ``mayNeedNFC(_:)``.
    static func firstCandidate(in b: [UInt8], from: Int) -> Int? {
        var previous: UInt32 = 0
        var i = from
        let n = b.count
        let flags = candidates
        return b.withUnsafeBufferPointer { p -> Int? in
            guard let base = p.baseAddress else { return nil }
            let raw = UnsafeRawPointer(base)
            while i < n {
                // ASCII sixteen bytes at a time, thirty-two while it lasts; the scalar before the
                // first byte ≥ 0x80 is the ASCII byte just before it.
                if i &+ 16 <= n {
                    let start = i
                    while i &+ 32 <= n {
                        let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: i &+ 8, as: UInt64.self)
                            | raw.loadUnaligned(fromByteOffset: i &+ 16, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: i &+ 24, as: UInt64.self)
                        if w & UTF8Sequence.highs != 0 { break }
                        i &+= 32
                    }
                    while i &+ 8 <= n {
                        let high = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & UTF8Sequence.highs
                        if high != 0 { i &+= high.trailingZeroBitCount &>> 3; break }
                        i &+= 8
                    }
                    if i > start { previous = UInt32(p[i &- 1]) }
                    guard i < n else { return nil }
                }
                var c = p[i]
                if c < 0x80 { previous = UInt32(c); i &+= 1; continue }
                // Scalars up to the next ASCII byte.
                while true {
                    let at = i
                    var v: UInt32
                    if c < 0xE0 {
                        if i + 2 > n { return nil }
                        v = UInt32(c & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F)
                        i &+= 2
                    } else if c < 0xF0 {
                        if i + 3 > n { return nil }
                        v = UInt32(c & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F)
                        i &+= 3
                    } else {
                        if i + 4 > n { return nil }
                        v = UInt32(c & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6 | UInt32(p[i + 3] & 0x3F)
                        i &+= 4
                    }
                    // The table answers "never" for most scalars without going through `needs`' cases;
                    // the Bengali vowel sign AA, which it flags, is common enough to be settled here.
                    if v >= 0x300, mayBeFlagged(v, flags),
                       v == 0x09BE ? previous == 0x09C7 : needs(v, after: previous) { return at }
                    previous = v
                    guard i < n else { return nil }
                    c = p[i]
                    if c < 0x80 {
                        // On over a single ASCII byte between scalars (the spaces of text in other scripts).
                        guard i &+ 1 < n, p[i &+ 1] >= 0x80 else { break }
                        previous = UInt32(c)
                        i &+= 1
                        c = p[i]
                    }
                }
            }
            return nil
        }
    }

    /// False for a scalar (≥ U+0300) that ``needs(_:after:)`` is false for whatever the previous
    /// scalar: below U+1000 the bit of `flags` (``candidates``) says; above, the punctuation,
    /// super- and subscripts and currency signs of U+2002–U+20CF (common in any text) are ruled out
    /// without going through `needs`' cases.
    @inline(__always)
    static func mayBeFlagged(_ v: UInt32, _ flags: [UInt64]) -> Bool {
        if v < 0x1000 { return flags[Int(v &>> 6)] & (1 &<< UInt64(v & 63)) != 0 }
        return v &- 0x2002 >= 0x20D0 - 0x2002
    }

    /// The previous scalars that the Indic cases of ``needs(_:after:)`` below U+1000 name; every
    /// other case there holds after a Latin letter.
    static let previousProbes: [UInt32] = [
        0x0928, 0x0930, 0x0933, 0x09C7, 0x0B47, 0x0BC6, 0x0BC7, 0x0B92, 0x0C46, 0x0CBF, 0x0CC6, 0x0CCA, 0x0D46, 0x0D47,
        0x0DD9, 0x0DDC,
    ]

    /// One bit per scalar below U+1000 (Latin, Greek, Cyrillic, Arabic, the Indic scripts, Thai, Tibetan): set when
    /// ``needs(_:after:)`` is true for it after some previous scalar (after "A", or in U+0900–U+0FFF
    /// after one of ``previousProbes``), so the check goes through `needs`' cases only for those.
    static let candidates: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x1000 / 64)
        for v in UInt32(0x300)..<0x1000 {
            let flagged = needs(v, after: 0x41) || ((0x900..<0x1000).contains(v) && previousProbes.contains { needs(v, after: $0) })
            if flagged { bits[Int(v >> 6)] |= 1 << (v & 63) }
        }
        return bits
    }()

    @inline(__always)
    static func needs(_ v: UInt32, after prev: UInt32) -> Bool {
        switch v {
        case 0x0300...0x036F, 0x0374, 0x037E, 0x0387, 0x0653...0x0655, 0x1DC0...0x1DFF, 0x20D0...0x20FF:
            // Combining marks: only a problem after a letter they compose with; be conservative for Latin/Greek/Cyrillic.
            return prev < 0x0530 || (prev >= 0x1E00 && prev < 0x2000) || (0x0620...0x064A).contains(prev)
        case 0x093C: return prev == 0x0928 || prev == 0x0930 || prev == 0x0933
        case 0x0958...0x095F, 0x09DC, 0x09DD, 0x09DF, 0x0A33, 0x0A36, 0x0A59...0x0A5B, 0x0A5E, 0x0B5C, 0x0B5D,
             0x0F43, 0x0F4D, 0x0F52, 0x0F57, 0x0F5C, 0x0F69, 0x0F73, 0x0F75, 0x0F76, 0x0F78, 0x0F81, 0x0F93,
             0x0F9D, 0x0FA2, 0x0FA7, 0x0FAC, 0x0FB9, 0x1F71, 0x1F73, 0x1F75, 0x1F77, 0x1F79, 0x1F7B, 0x1F7D,
             0x1FBB, 0x1FBE, 0x1FC9, 0x1FCB, 0x1FD3, 0x1FDB, 0x1FE3, 0x1FEB, 0x1FEE, 0x1FEF, 0x1FF9, 0x1FFB,
             0x1FFD, 0x2000, 0x2001, 0x2126, 0x212A, 0x212B, 0x2329, 0x232A, 0x2ADC, 0xF900...0xFAFF,
             0xFB1D, 0xFB1F, 0xFB2A...0xFB4E, 0x1D15E...0x1D164, 0x1D1BB...0x1D1C0, 0x2F800...0x2FA1D:
            return true
        case 0x09BE, 0x09D7: return prev == 0x09C7
        case 0x0B3E, 0x0B56, 0x0B57: return prev == 0x0B47
        case 0x0BBE, 0x0BD7: return prev == 0x0BC6 || prev == 0x0BC7 || prev == 0x0B92
        case 0x0C56: return prev == 0x0C46
        case 0x0CC2, 0x0CD5, 0x0CD6: return prev == 0x0CBF || prev == 0x0CC6 || prev == 0x0CCA
        case 0x0D3E, 0x0D57: return prev == 0x0D46 || prev == 0x0D47
        case 0x0DCA, 0x0DCF, 0x0DDF: return prev == 0x0DD9 || prev == 0x0DDC
        case 0x102E: return prev == 0x1025
        case 0x1161...0x1175, 0x11A8...0x11C2: return true
        case 0x3099, 0x309A: return true
        default: return false
        }
    }
}
