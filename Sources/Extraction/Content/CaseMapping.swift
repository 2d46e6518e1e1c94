/// Lower-casing to UTF-8 bytes without building a `String` for the common cases.
enum CaseMapping {
    /// The UTF-8 bytes of `s.lowercased()`. Text made of ASCII, Latin-1 (U+0080–U+00FF) and of
    /// scalars without case (the Indic scripts U+0900–U+0DFF, U+2000–U+207F: punctuation, joiners)
    /// is mapped byte by byte; any other text goes through `String.lowercased()`.
    static func lowercasedBytes(_ s: String) -> [UInt8] {
        // The caseless path keeps every byte's place: written into an array of the same length.
        let mapped = s.utf8.withContiguousStorageIfAvailable { b -> [UInt8]? in
            let n = b.count
            var caseless = true
            let out = [UInt8](unsafeUninitializedCapacity: n) { o, count in
                var i = 0
                while i < n {
                    let c = b[i]
                    if c < 0x80 {
                        o[i] = c >= 0x41 && c <= 0x5A ? c | 0x20 : c
                        i += 1
                    } else if c == 0xC2 && i + 1 < n {
                        o[i] = c; o[i + 1] = b[i + 1]
                        i += 2
                    } else if c == 0xC3 && i + 1 < n {
                        // Latin-1 letters: U+00C0–U+00DE but U+00D7 (×) lower to U+00E0–U+00FE;
                        // U+00DF (ß) and U+00E0–U+00FF are lower case already.
                        let d = b[i + 1]
                        o[i] = c; o[i + 1] = d >= 0x80 && d <= 0x9E && d != 0x97 ? d + 0x20 : d
                        i += 2
                    } else if i + 2 < n && ((c == 0xE0 && b[i + 1] >= 0xA4 && b[i + 1] <= 0xB7) || (c == 0xE2 && (b[i + 1] == 0x80 || b[i + 1] == 0x81))) {
                        o[i] = c; o[i + 1] = b[i + 1]; o[i + 2] = b[i + 2]
                        i += 3
                    } else {
                        caseless = false
                        break
                    }
                }
                count = caseless ? n : 0
            }
            return caseless ? out : nil
        }
        if let m = mapped, let out = m { return out }
        return Array(s.lowercased().utf8)
    }
}
