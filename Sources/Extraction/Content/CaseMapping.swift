/// Lower-casing to UTF-8 bytes without building a `String` for the common cases.
enum CaseMapping {
    /// The UTF-8 bytes of `s.lowercased()`. Text made of ASCII and of scalars without case
    /// (U+0080–U+00BF, the Indic scripts U+0900–U+0DFF, U+2000–U+207F: punctuation, joiners) is
    /// mapped byte by byte; any other text goes through `String.lowercased()`.
    static func lowercasedBytes(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        let caseless = s.utf8.withContiguousStorageIfAvailable { b -> Bool in
            out.reserveCapacity(b.count)
            var i = 0
            let n = b.count
            while i < n {
                let c = b[i]
                if c < 0x80 {
                    out.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
                    i += 1
                } else if c == 0xC2 && i + 1 < n {
                    out.append(c); out.append(b[i + 1])
                    i += 2
                } else if i + 2 < n && ((c == 0xE0 && b[i + 1] >= 0xA4 && b[i + 1] <= 0xB7) || (c == 0xE2 && (b[i + 1] == 0x80 || b[i + 1] == 0x81))) {
                    out.append(c); out.append(b[i + 1]); out.append(b[i + 2])
                    i += 3
                } else {
                    return false
                }
            }
            return true
        }
        if caseless == true { return out }
        return Array(s.lowercased().utf8)
    }
}
