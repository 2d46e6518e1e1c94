/// The decode stage: page bytes in any charset → UTF-8 in NFC.
///
/// Order of precedence (libxml2's own detection is not used: it flips a UTF-8 page to Latin-1 on
/// one bad byte and truncates pages with a wrong `<meta charset>`):
/// 1. text pages (`RawPage.bodyIsText`) are UTF-8;
/// 2. a byte-order mark;
/// 3. the HTTP `content-type` charset, except that a Latin-1/windows-1252/ASCII label loses to
///    bytes that are valid UTF-8 with multi-byte sequences;
/// 4. bytes that are (almost entirely) valid UTF-8 with multi-byte sequences, whatever `<meta>` says;
/// 5. the `<meta>` declaration;
/// 6. windows-1252.
///
/// Invalid UTF-8 becomes U+FFFD, NUL bytes are removed, and binary data is refused.
public struct PageDecoder: Sendable {
    public init() {}

    public func decode(_ bytes: [UInt8], contentType: String?, isText: Bool = false) throws(ExtractionError) -> DecodedPage {
        if bytes.isEmpty { throw ExtractionError(.empty, "the page has no bytes") }

        // Byte-order marks.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return try finish(utf8: Array(bytes[3...]), charset: "utf-8", source: .byteOrderMark)
        }
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            let cs = bytes[0] == 0xFF ? "utf-16le" : "utf-16be"
            guard let u = Charset.iconvToUTF8(Array(bytes[2...]), from: cs.uppercased()) else {
                throw ExtractionError(.unparseable, "cannot decode \(cs)")
            }
            return try finish(utf8: u, charset: cs, source: .byteOrderMark)
        }
        if isText {
            return try finish(utf8: bytes, charset: "utf-8", source: .text)
        }
        let scan = PageScan(bytes)
        let stats = scan.stats
        // UTF-16 without a BOM: every other byte is NUL in ASCII-heavy markup.
        if stats.nul > bytes.count / 4, let cs = Self.sniffUTF16(bytes),
           let u = Charset.iconvToUTF8(bytes, from: cs.uppercased()) {
            return try finish(utf8: u, charset: cs, source: .fallback)
        }
        try Self.refuseBinary(bytes, stats)

        let utf8Wins = stats.valid >= 3 && (stats.invalid * 20 <= stats.valid || stats.invalid <= 3)
        if let header = contentType.flatMap(Charset.parameter(inContentType:)) {
            if header == "utf-8" || (header == "windows-1252" && utf8Wins) {
                return try finish(utf8: bytes, scan: scan, charset: "utf-8", source: .httpHeader)
            }
            if let u = convert(bytes, header) { return try finish(utf8: u, charset: header, source: .httpHeader) }
        }
        if utf8Wins { return try finish(utf8: bytes, scan: scan, charset: "utf-8", source: .utf8Validation) }
        if let meta = Charset.declared(in: bytes) {
            if meta == "utf-8" || meta == "utf-16le" || meta == "utf-16be" {
                // A page declaring UTF-16 in ASCII-compatible bytes is really UTF-8 (HTML spec).
                return try finish(utf8: bytes, scan: scan, charset: "utf-8", source: .metaDeclaration)
            }
            if let u = convert(bytes, meta) { return try finish(utf8: u, charset: meta, source: .metaDeclaration) }
        }
        if stats.invalid == 0 { return try finish(utf8: bytes, scan: scan, charset: "utf-8", source: .fallback) }
        return try finish(utf8: Charset.windows1252ToUTF8(bytes), charset: "windows-1252", source: .fallback)
    }

    // MARK: Helpers

    private func convert(_ bytes: [UInt8], _ charset: String) -> [UInt8]? {
        if charset == "windows-1252" { return Charset.windows1252ToUTF8(bytes) }
        return Charset.iconvToUTF8(bytes, from: charset.uppercased())
    }

    /// Repairs invalid UTF-8, drops NUL bytes, normalises to NFC, refuses a page with no content.
    /// `known` is the scan of exactly these bytes, when the caller already made it.
    private func finish(utf8 raw: [UInt8], scan known: PageScan? = nil, charset: String,
                        source: DecodedPage.CharsetSource) throws(ExtractionError) -> DecodedPage {
        var bytes = raw
        let scan = known ?? PageScan(bytes)
        let stats = scan.stats
        if stats.invalid > 0 { bytes = Array(String(decoding: bytes, as: UTF8.self).utf8) }
        if stats.nul > 0 { bytes.removeAll { $0 == 0 } }
        if !bytes.contains(where: { $0 > 0x20 }) {
            throw ExtractionError(.empty, "the page has no content (only white space)")
        }
        // Bytes left as they were: the scan found their first NFC candidate already.
        let first = stats.invalid == 0 && stats.nul == 0
            ? scan.nfcCandidate : UnicodeNormalization.firstCandidate(in: bytes, from: 0)
        return DecodedPage(utf8: UnicodeNormalization.nfc(bytes, first: first), charset: charset, source: source)
    }

    static func sniffUTF16(_ b: [UInt8]) -> String? {
        let n = min(b.count, 512) & ~1
        guard n >= 4 else { return nil }
        var evenNul = 0, oddNul = 0
        for i in stride(from: 0, to: n, by: 2) {
            if b[i] == 0 { evenNul += 1 }
            if b[i + 1] == 0 { oddNul += 1 }
        }
        if oddNul > n / 4, evenNul < n / 40 { return "utf-16le" }
        if evenNul > n / 4, oddNul < n / 40 { return "utf-16be" }
        return nil
    }

    /// Binary data (images, archives, compressed bodies) has many control bytes and invalid UTF-8
    /// in its first kilobytes, and no markup.
    static func refuseBinary(_ b: [UInt8], _ whole: Charset.UTF8Stats) throws(ExtractionError) {
        // Well-known binary signatures.
        if b.starts(with: [0x1F, 0x8B]) || b.starts(with: [0x89, 0x50, 0x4E, 0x47]) || b.starts(with: [0x25, 0x50, 0x44, 0x46])
            || b.starts(with: [0x50, 0x4B, 0x03, 0x04]) || b.starts(with: [0xFF, 0xD8, 0xFF]) {
            throw ExtractionError(.unparseable, "the page is binary data, not HTML")
        }
        // The first 4096 bytes (read in place, not copied).
        let head = b.prefix(4096)
        // The counts over the head are at most those over the whole page, but for at most three
        // ill-formed bytes more where the head cuts a sequence: when the whole page's counts settle
        // both tests below, the head need not be read again.
        if (whole.nul + whole.control) * 10 <= head.count, (whole.invalid + 3) * 4 <= head.count { return }
        let s = Charset.utf8Stats(b, limit: 4096)
        let suspicious = s.nul + s.control
        if suspicious * 10 > head.count || (s.invalid * 4 > head.count && !head.contains(UInt8(ascii: "<"))) {
            throw ExtractionError(.unparseable, "the page is binary data, not HTML (\(suspicious) control bytes in the first \(head.count))")
        }
    }
}
