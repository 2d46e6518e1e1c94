import Schemas

/// The article text a page declares in JSON-LD (`articleBody`), for pages whose HTML body is
/// rendered by script or cut short: Readability and trafilatura find nothing there, but the
/// structured data holds the full text.
enum StructuredBody {
    static let marker = Array("articleBody".utf8)

    /// The longest `articleBody` string of the page's JSON-LD blocks, if any. The string is read
    /// straight from the script bytes (line breaks kept: they separate paragraphs).
    static func articleBody(in doc: HTMLDocument) -> String? {
        var best: String?
        for s in doc.elements(.script) {
            guard let type = doc.attribute("type", of: s)?.lowercased(), ByteSearch.contains(type, ascii: "ld+json") else { continue }
            let raw = Array(doc.rawText(of: s).utf8)
            var from = 0
            while let at = ByteSearch.firstIndex(raw, marker, from: from) {
                from = at + marker.count
                if let text = stringValue(raw, after: from), text.utf8.count > (best?.utf8.count ?? 0) { best = text }
            }
        }
        return best
    }

    /// The JSON string that follows `"key"` at `i` (`: "…"`), escapes decoded.
    static func stringValue(_ b: [UInt8], after start: Int) -> String? {
        var i = start
        guard i < b.count, b[i] == 0x22 else { return nil }  // closing quote of the key
        i += 1
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
        guard i < b.count, b[i] == 0x3A else { return nil }
        i += 1
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
        guard i < b.count, b[i] == 0x22 else { return nil }
        i += 1
        var out: [UInt8] = []
        var pendingHigh: UInt32?
        while i < b.count {
            let c = b[i]
            if c == 0x22 { return String(decoding: out, as: UTF8.self) }
            if c != 0x5C { out.append(c); i += 1; continue }
            guard i + 1 < b.count else { break }
            let e = b[i + 1]
            i += 2
            switch e {
            case 0x6E, 0x72: out.append(0x0A)  // \n, \r
            case 0x74: out.append(0x20)
            case 0x75:
                guard i + 4 <= b.count, let v = UInt32(String(decoding: b[i..<(i + 4)], as: UTF8.self), radix: 16) else { continue }
                i += 4
                var scalar: Unicode.Scalar?
                if (0xD800..<0xDC00).contains(v) { pendingHigh = v; continue }
                if (0xDC00..<0xE000).contains(v), let h = pendingHigh {
                    scalar = Unicode.Scalar(0x10000 + ((h - 0xD800) << 10) + (v - 0xDC00))
                } else {
                    scalar = Unicode.Scalar(v)
                }
                pendingHigh = nil
                if let sc = scalar { out.append(contentsOf: Array(String(Character(sc)).utf8)) }
            default: out.append(e)  // \" \\ \/ and anything else: the character itself
            }
        }
        return nil
    }

    /// `text` as paragraph blocks: split at line breaks (markup, if the site put HTML in the
    /// string, is parsed and its paragraphs taken), white space collapsed, empty lines dropped.
    static func blocks(_ text: String, node: NodeID) -> [ContentBlock] {
        var lines: [String] = []
        if text.utf8.contains(0x3C), let fragment = try? HTMLParser().parse(utf8: Array(text.utf8)) {
            var current: [UInt8] = []
            for i in 0..<fragment.count {
                let id = NodeID(i)
                if fragment.isText(id) {
                    fragment.withTextBytes(id) { current.append(contentsOf: $0) }
                } else if fragment.isElement(id), fragment.tag(id).isBlock || fragment.tag(id) == .br {
                    lines.append(HTMLDocument.collapseBytes(current)); current = []
                }
            }
            lines.append(HTMLDocument.collapseBytes(current))
        } else {
            lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\u{2029}" }).map { HTMLDocument.collapse(String($0)) }
        }
        return lines.filter { !$0.isEmpty }.map { ContentBlock(type: .paragraph, text: $0, node: node) }
    }
}
