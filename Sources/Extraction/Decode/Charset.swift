#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Charset labels and conversions to UTF-8 used by ``PageDecoder``.
enum Charset {
    // MARK: Labels

    /// The canonical label for a charset label found in a page or header (WHATWG aliases: Latin-1
    /// and ASCII mean windows-1252), or `nil` for an empty label.
    static func canonical(_ label: String) -> String? {
        var l = label.lowercased()
        l = String(l.filter { !$0.isWhitespace && $0 != "\"" && $0 != "'" })
        if l.isEmpty { return nil }
        switch l {
        case "utf8", "utf-8", "unicode-1-1-utf-8", "x-unicode20utf8": return "utf-8"
        case "latin1", "latin-1", "iso-8859-1", "iso8859-1", "iso_8859-1", "l1", "ascii", "us-ascii",
             "iso-ir-100", "cp1252", "windows-1252", "x-cp1252", "ansi_x3.4-1968", "cp819", "ibm819":
            return "windows-1252"
        case "utf-16", "utf16", "utf-16le", "unicode": return "utf-16le"
        case "utf-16be": return "utf-16be"
        case "sjis", "shift-jis", "x-sjis", "shift_jis", "ms_kanji", "windows-31j": return "shift_jis"
        case "gb2312", "gbk", "x-gbk", "chinese", "csgb2312": return "gbk"
        default: return l
        }
    }

    /// The `charset=` parameter of a content-type value.
    static func parameter(inContentType value: String) -> String? {
        for part in value.split(separator: ";") {
            let kv = part.split(separator: "=", maxSplits: 1)
            if kv.count == 2, kv[0].trimmingWhitespace().lowercased() == "charset" {
                return canonical(String(kv[1]))
            }
        }
        return nil
    }

    // MARK: <meta> prescan

    /// The charset declared by `<meta charset>` or `<meta http-equiv=content-type content=…>` within
    /// the first `limit` bytes (a simplified form of the HTML prescan).
    static func declared(in bytes: [UInt8], limit: Int = 8192) -> String? {
        let n = min(bytes.count, limit)
        guard n > 0 else { return nil }
        // Lower-cased ASCII copy of the head.
        var head = [UInt8](repeating: 0, count: n)
        for i in 0..<n {
            let b = bytes[i]
            head[i] = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
        }
        let meta: [UInt8] = Array("<meta".utf8)
        let charset: [UInt8] = Array("charset".utf8)
        var i = 0
        while let m = find(meta, in: head, from: i) {
            let end = head[m...].firstIndex(of: UInt8(ascii: ">")) ?? n
            var j = m
            while let c = find(charset, in: head, from: j), c < end {
                var k = c + charset.count
                while k < end, head[k] == 0x20 || head[k] == 0x09 || head[k] == 0x0A || head[k] == 0x0D { k += 1 }
                if k < end, head[k] == UInt8(ascii: "=") {
                    k += 1
                    while k < end, head[k] == 0x20 || head[k] == UInt8(ascii: "\"") || head[k] == UInt8(ascii: "'") { k += 1 }
                    var e = k
                    while e < end, head[e] != UInt8(ascii: "\""), head[e] != UInt8(ascii: "'"), head[e] != UInt8(ascii: ";"),
                        head[e] != 0x20, head[e] != UInt8(ascii: "/"), head[e] != UInt8(ascii: ">") { e += 1 }
                    if e > k, let label = canonical(String(decoding: head[k..<e], as: UTF8.self)) { return label }
                }
                j = c + charset.count
            }
            i = end
        }
        return nil
    }

    static func find(_ needle: [UInt8], in hay: [UInt8], from start: Int) -> Int? {
        guard needle.count <= hay.count, start <= hay.count - needle.count else { return nil }
        let first = needle[0]
        var i = start
        let last = hay.count - needle.count
        while i <= last {
            if hay[i] == first {
                var k = 1
                while k < needle.count, hay[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    // MARK: UTF-8 validation

    /// Counts of a UTF-8 validation pass.
    struct UTF8Stats {
        var valid = 0      // well-formed multi-byte sequences
        var invalid = 0    // ill-formed bytes
        var nul = 0        // NUL bytes
        var control = 0    // C0 controls other than tab, LF, FF, CR, ESC
    }

    /// Bit 7 set in the bytes of `w` that ``utf8Stats(_:)`` looks at: ≥ 0x80, NUL, and controls
    /// other than tab, LF, FF, CR, ESC.
    @inline(__always)
    static func counted(_ w: UInt64) -> UInt64 {
        let allowed = UTF8Sequence.equal(w, 0x0909_0909_0909_0909) | UTF8Sequence.equal(w, 0x0A0A_0A0A_0A0A_0A0A)
            | UTF8Sequence.equal(w, 0x0C0C_0C0C_0C0C_0C0C) | UTF8Sequence.equal(w, 0x0D0D_0D0D_0D0D_0D0D)
            | UTF8Sequence.equal(w, 0x1B1B_1B1B_1B1B_1B1B)
        return (w & UTF8Sequence.highs) | (UTF8Sequence.control(w) & ~allowed)
    }

    /// The counts over `b`, or over its first `limit` bytes (as over a copy of those).
    static func utf8Stats(_ b: [UInt8], limit: Int = .max) -> UTF8Stats {
        var s = UTF8Stats()
        var valid = 0, invalid = 0
        var i = 0
        let n = min(b.count, limit)
        b.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            while i < n {
                // Sixteen bytes at a time (the bulk of any page is ASCII): a block of printable ASCII
                // counts for nothing, nor does one with only tabs, line breaks, form feeds and escapes
                // besides; otherwise the loop goes straight to its first byte that counts. Thirty-two
                // at a time while the blocks are printable ASCII.
                while i &+ 32 <= n {
                    let w0 = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let w1 = raw.loadUnaligned(fromByteOffset: i &+ 8, as: UInt64.self)
                    let w2 = raw.loadUnaligned(fromByteOffset: i &+ 16, as: UInt64.self)
                    let w3 = raw.loadUnaligned(fromByteOffset: i &+ 24, as: UInt64.self)
                    let low = (w0 &- 0x2020_2020_2020_2020) | (w1 &- 0x2020_2020_2020_2020)
                        | (w2 &- 0x2020_2020_2020_2020) | (w3 &- 0x2020_2020_2020_2020)
                    if (w0 | w1 | w2 | w3 | low) & UTF8Sequence.highs != 0 { break }
                    i &+= 32
                }
                guard i < n else { break }
                if i &+ 16 <= n {
                    let w0 = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let w1 = raw.loadUnaligned(fromByteOffset: i &+ 8, as: UInt64.self)
                    if (w0 | (w0 &- 0x2020_2020_2020_2020) | w1 | (w1 &- 0x2020_2020_2020_2020)) & UTF8Sequence.highs == 0 {
                        i &+= 16
                        continue
                    }
                    let m0 = counted(w0)
                    if m0 != 0 {
                        i &+= m0.trailingZeroBitCount &>> 3
                    } else {
                        let m1 = counted(w1)
                        if m1 == 0 { i &+= 16; continue }
                        i &+= 8 &+ (m1.trailingZeroBitCount &>> 3)
                    }
                }
                let c = p[i]
                if c < 0x80 {
                    if c < 0x20 {
                        if c == 0 { s.nul += 1 }
                        else if c != 0x09, c != 0x0A, c != 0x0C, c != 0x0D, c != 0x1B { s.control += 1 }
                    }
                    i &+= 1
                    continue
                }
                // Multi-byte sequences (and ill-formed bytes) up to the next ASCII byte, and on over
                // single printable ASCII bytes between them (the spaces of text in other scripts).
                while true {
                    let len = UTF8Sequence.length(base, i, n)
                    if len > 0 { valid &+= 1; i &+= len } else { invalid &+= 1; i &+= 1 }
                    guard i < n else { break }
                    let c = p[i]
                    if c < 0x80 {
                        guard c >= 0x20, i &+ 1 < n, p[i &+ 1] >= 0x80 else { break }
                        i &+= 1
                    }
                }
            }
        }
        s.valid = valid
        s.invalid = invalid
        return s
    }

    // MARK: Conversions

    /// windows-1252 → UTF-8 (the five undefined bytes map to the C1 controls, as browsers do).
    static func windows1252ToUTF8(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count + b.count / 8)
        for c in b {
            if c < 0x80 { out.append(c); continue }
            let scalar: UInt32 = c >= 0xA0 || c < 0x80 ? UInt32(c) : cp1252High[Int(c - 0x80)]
            appendUTF8(scalar, to: &out)
        }
        return out
    }

    static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6))); out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12))); out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18))); out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// Converts `bytes` from `charset` to UTF-8 with iconv; `nil` when iconv does not know the
    /// charset. Invalid input bytes are skipped.
    static func iconvToUTF8(_ bytes: [UInt8], from charset: String) -> [UInt8]? {
        let cd = iconv_open("UTF-8", charset)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var out = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        var produced = 0
        var input = bytes
        input.withUnsafeMutableBufferPointer { inBuf in
            out.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count
                while inLeft > 0 {
                    let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    if r == -1 {
                        if errno == EILSEQ || errno == EINVAL, inLeft > 0 {
                            inPtr = inPtr.map { $0 + 1 }  // skip one bad byte
                            inLeft -= 1
                            continue
                        }
                        break
                    }
                }
                produced = outBuf.count - outLeft
            }
        }
        out.removeSubrange(produced...)
        return out
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var s = self
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return s
    }
}
