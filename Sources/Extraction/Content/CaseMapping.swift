/// Lower-casing to UTF-8 bytes without building a `String` for the common cases.
enum CaseMapping {
    /// The UTF-8 bytes of `s.lowercased()`. Text made of ASCII, Latin-1 (U+0080–U+00FF), basic
    /// Cyrillic (U+0400–U+045F), fullwidth forms (U+FF00–U+FF7F) and of scalars without case (the
    /// Indic scripts U+0900–U+0DFF, U+2000–U+207F: punctuation, joiners; U+3000–U+9FFF: CJK) is
    /// mapped scalar by scalar in place (`String.lowercased()` maps each scalar on its own); any
    /// other text goes through `String.lowercased()`.
    static func lowercasedBytes(_ s: String) -> [UInt8] {
        // The caseless path keeps every byte's place: written into an array of the same length.
        let mapped = s.utf8.withContiguousStorageIfAvailable { b -> [UInt8]? in
            let n = b.count
            var caseless = true
            let out = [UInt8](unsafeUninitializedCapacity: n) { o, count in
                var i = 0
                let high: UInt64 = 0x8080_8080_8080_8080
                while i < n {
                    let c = b[i]
                    if c < 0x80 {
                        // Eight ASCII bytes at once: for bytes below 0x80 the top bit of x + 0x3F says
                        // "at least A" and of x + 0x25 "beyond Z", with no carry into the next byte.
                        if i + 8 <= n, let base = b.baseAddress, let out = o.baseAddress {
                            let x = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                            if x & high == 0 {
                                let upper = ((x &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(x &+ 0x2525_2525_2525_2525)) & high
                                UnsafeMutableRawPointer(out + i).storeBytes(of: (x | (upper >> 2)).littleEndian, as: UInt64.self)
                                i += 8
                                continue
                            }
                        }
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
                    } else if (c == 0xD0 || c == 0xD1) && i + 1 < n {
                        // Cyrillic U+0400–U+045F: U+0400–U+040F lower to U+0450–U+045F, U+0410–U+042F
                        // to U+0430–U+044F; U+0430–U+045F are lower case already. Beyond: the String's.
                        let v = UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
                        guard v < 0x460 else { caseless = false; break }
                        let w = v < 0x410 ? v + 0x50 : (v < 0x430 ? v + 0x20 : v)
                        o[i] = 0xC0 | UInt8(w >> 6); o[i + 1] = 0x80 | UInt8(w & 0x3F)
                        i += 2
                    } else if c >= 0xE3 && c <= 0xE9 && i + 2 < n {
                        // U+3000–U+9FFF (CJK punctuation, kana, ideographs) have no case.
                        o[i] = c; o[i + 1] = b[i + 1]; o[i + 2] = b[i + 2]
                        i += 3
                    } else if c == 0xEF && i + 2 < n && (b[i + 1] == 0xBC || b[i + 1] == 0xBD) {
                        // U+FF00–U+FF7F: fullwidth A–Z (U+FF21–U+FF3A) lower to U+FF41–U+FF5A.
                        let v = UInt32(b[i + 1] & 0x01) << 6 | UInt32(b[i + 2] & 0x3F)  // the scalar is U+FF00 + v
                        let w = v >= 0x21 && v <= 0x3A ? v + 0x20 : v
                        o[i] = c; o[i + 1] = 0xBC | UInt8(w >> 6); o[i + 2] = 0x80 | UInt8(w & 0x3F)
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
