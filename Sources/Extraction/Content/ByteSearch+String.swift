extension ByteSearch {
    /// `hay.contains(needle)` as Foundation answers it, for an ASCII `needle`: a byte search when
    /// `hay` is ASCII as well (the two searches then agree), Foundation's search otherwise.
    /// Class names, ids and URLs are nearly always ASCII; Foundation's search costs far more per call.
    static func contains(_ hay: String, ascii needle: String) -> Bool {
        // Read in place: no copy of the haystack or the needle per call.
        var h = hay, nd = needle
        let answer = h.withUTF8 { hb in nd.withUTF8 { containsIfASCII(hb, $0) } }
        return answer ?? hay.contains(needle)
    }

    /// Whether `hay` holds `needle` by byte search when `hay` is all ASCII (where that agrees with
    /// Foundation's `contains`); `nil` when it holds a byte from 0x80 on and the caller must ask
    /// Foundation.
    static func containsIfASCII(_ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool? {
        var high: UInt8 = 0
        for b in hay { high |= b }
        return high < 0x80 ? contains(hay, needle) : nil
    }
}

extension ByteSearch {
    /// False only when `hay.contains(needle)` (Foundation's search) is certainly false: both are in
    /// NFC and the needle's bytes do not occur in the haystack's (canonically equivalent NFC strings
    /// are byte-equal). A cheap test before Foundation's search, which is slow on non-ASCII text.
    static func mayContain(_ hay: String, _ needle: String) -> Bool {
        let h = Array(hay.utf8), n = Array(needle.utf8)
        if UnicodeNormalization.mayNeedNFC(h) || UnicodeNormalization.mayNeedNFC(n) { return true }
        return contains(h, n)
    }
}
