/// A hand-written JSON writer for ``ArticleRecord``: the same bytes as ``RecordCoding``'s
/// `JSONEncoder` (`.sortedKeys`, `.withoutEscapingSlashes`, then U+0085/U+2028/U+2029 as `\u`
/// escapes), without the encoder's boxing of every value.
///
/// Keys are written in the encoder's sorted order (byte order of the key names); strings are
/// escaped as the encoder escapes them: `"` and `\` with a backslash, `\b \f \n \r \t` by name,
/// other control characters below U+0020 as `\u00xx` (lower-case hex), everything else raw.
/// `RecordCodingTests` checks the output against `JSONEncoder` byte for byte.
struct RecordJSONWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    // MARK: Record

    mutating func write(_ r: ArticleRecord) {
        open()
        key("attributions", first: true); write(r.attributions)
        key("authors")
        array(r.authors) { w, a in
            w.open()
            w.key("name", first: true); w.write(a.name)
            w.key("role"); w.write(a.role?.rawValue)
            w.close()
        }
        key("body")
        array(r.body) { w, b in
            w.open()
            w.key("text", first: true); w.write(b.text)
            w.key("type"); w.write(b.type.rawValue)
            w.close()
        }
        key("byline"); write(r.byline)
        key("canonical_url"); write(r.canonicalURL)
        key("description"); write(r.description)
        key("extractor_version"); write(r.extractorVersion)
        key("headline"); write(r.headline)
        key("id"); write(r.id)
        key("images"); array(r.images) { w, i in w.write(i) }
        key("language"); write(r.language)
        key("lead_image")
        if let i = r.leadImage { write(i) } else { null() }
        key("modified_at"); write(r.modifiedAt)
        key("page_type"); write(r.pageType.rawValue)
        key("published_at"); write(r.publishedAt)
        key("schema"); write(r.schema)
        key("section"); write(r.section)
        key("site")
        open()
        key("domain", first: true); write(r.site.domain)
        key("name"); write(r.site.name)
        close()
        key("source")
        if let s = r.source {
            open()
            key("content_sha256", first: true); write(s.contentSHA256)
            key("offset"); write(Int64(s.offset))
            key("partition"); write(Int64(s.partition))
            key("topic"); write(s.topic)
            close()
        } else {
            null()
        }
        key("tags"); write(r.tags)
        key("text"); write(r.text)
        key("timezone_inferred"); bytes.append(contentsOf: r.timezoneInferred ? Self.trueBytes : Self.falseBytes)
        key("url"); write(r.url)
        key("word_count"); write(Int64(r.wordCount))
        close()
    }

    private mutating func write(_ i: ArticleRecord.Image) {
        open()
        key("caption", first: true); write(i.caption)
        key("credit"); write(i.credit)
        key("url"); write(i.url)
        close()
    }

    // MARK: Structure

    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)
    private static let nullBytes = Array("null".utf8)

    private mutating func open() { bytes.append(0x7B) }
    private mutating func close() { bytes.append(0x7D) }
    private mutating func null() { bytes.append(contentsOf: Self.nullBytes) }

    /// `"name":`, after a comma unless it is the object's first key. Key names are plain ASCII.
    private mutating func key(_ name: StaticString, first: Bool = false) {
        if !first { bytes.append(0x2C) }
        bytes.append(0x22)
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(0x22)
        bytes.append(0x3A)
    }

    private mutating func array<T>(_ items: [T], _ element: (inout RecordJSONWriter, T) -> Void) {
        bytes.append(0x5B)
        for (k, item) in items.enumerated() {
            if k > 0 { bytes.append(0x2C) }
            element(&self, item)
        }
        bytes.append(0x5D)
    }

    private mutating func write(_ strings: [String]) {
        array(strings) { w, s in w.write(s) }
    }

    private mutating func write(_ n: Int64) {
        if n == 0 { bytes.append(0x30); return }
        var digits: [UInt8] = []
        var v = n.magnitude
        while v > 0 {
            digits.append(UInt8(truncatingIfNeeded: v % 10) + 0x30)
            v /= 10
        }
        if n < 0 { bytes.append(0x2D) }
        bytes.append(contentsOf: digits.reversed())
    }

    private mutating func write(_ s: String?) {
        guard let s else { null(); return }
        write(s)
    }

    // MARK: Strings

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func write(_ s: String) {
        bytes.append(0x22)
        var s = s
        s.withUTF8 { u in
            var start = 0
            var i = 0
            let n = u.count
            while i < n {
                // Eight plain bytes at a time: most text needs no escape at all.
                if i &+ 8 <= n,
                   !Self.mayNeedEscape(UnsafeRawPointer(u.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                    i &+= 8
                    continue
                }
                let b = u[i]
                var escape: (UInt8, UInt8)?  // a two-byte escape, or (0, x) for \u00xx
                var skip = 1
                var lineSeparator: UInt8 = 0  // 0x85, 0xA8 or 0xA9
                switch b {
                case 0x22: escape = (0x5C, 0x22)
                case 0x5C: escape = (0x5C, 0x5C)
                case 0x0A: escape = (0x5C, 0x6E)
                case 0x0D: escape = (0x5C, 0x72)
                case 0x09: escape = (0x5C, 0x74)
                case 0x08: escape = (0x5C, 0x62)
                case 0x0C: escape = (0x5C, 0x66)
                case 0x00..<0x20: escape = (0, b)
                case 0xC2 where i + 1 < n && u[i + 1] == 0x85:
                    lineSeparator = 0x85; skip = 2
                case 0xE2 where i + 2 < n && u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9):
                    lineSeparator = u[i + 2]; skip = 3
                default:
                    i += 1
                    continue
                }
                if start < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[start..<i])) }
                if let (a, c) = escape {
                    if a == 0 {
                        bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, Self.hex[Int(c >> 4)], Self.hex[Int(c & 0xF)]])
                    } else {
                        bytes.append(a)
                        bytes.append(c)
                    }
                } else {
                    // \u0085, \u2028, \u2029
                    switch lineSeparator {
                    case 0x85: bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, 0x38, 0x35])
                    case 0xA8: bytes.append(contentsOf: [0x5C, 0x75, 0x32, 0x30, 0x32, 0x38])
                    default: bytes.append(contentsOf: [0x5C, 0x75, 0x32, 0x30, 0x32, 0x39])
                    }
                }
                i += skip
                start = i
            }
            if start < n { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[start..<n])) }
        }
        bytes.append(0x22)
    }

    /// Whether any of the eight bytes in `word` is one an escape can start at: below 0x20, `"`, `\`,
    /// 0xC2 (U+0085) or 0xE2 (U+2028, U+2029). Exact for the word as a whole (the classic "has a
    /// zero byte" and "has a byte less than n" tests), so a `false` skips all eight bytes.
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & high }
        let below0x20 = (word &- ones &* 0x20) & ~word & high
        let specials = hasZeroByte(word ^ (ones &* 0x22)) | hasZeroByte(word ^ (ones &* 0x5C))
            | hasZeroByte(word ^ (ones &* 0xC2)) | hasZeroByte(word ^ (ones &* 0xE2))
        return below0x20 | specials != 0
    }
}
