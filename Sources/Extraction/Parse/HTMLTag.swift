/// An HTML element name interned to a small integer. Tags not listed are ``other``; their name is
/// still available from ``HTMLDocument/tagName(_:)``.
public enum HTMLTag: UInt8, Sendable, CaseIterable {
    case other = 0
    case a, abbr, address, article, aside, audio, b, base, bdi, bdo, blockquote, body, br, button
    case canvas, caption, center, cite, code, col, colgroup, data, dd, del, details, dfn, dialog, div, dl, dt
    case em, embed, fieldset, figcaption, figure, font, footer, form, frame, frameset
    case h1, h2, h3, h4, h5, h6, head, header, hgroup, hr, html, i, iframe, img, input, ins, kbd
    case label, legend, li, link, main, map, mark, menu, meta, meter, nav, noscript
    case object, ol, optgroup, option, output, p, param, picture, pre, progress, q
    case rp, rt, ruby, s, samp, script, section, select, small, source, span, strike, strong, style
    case sub, summary, sup, svg, table, tbody, td, template, textarea, tfoot, th, thead, time, title, tr, track
    case tt, u, ul, `var`, video, wbr, math

    /// The lower-case element name (`""` for ``other``).
    public var name: String { Self.names[Int(rawValue)] }

    static let names: [String] = allCases.map { $0 == .other ? "" : String(describing: $0) }

    /// The tag for a lower-case name, or ``other``.
    public init(name: String) {
        self = Self.byName[name] ?? .other
    }

    static let byName: [String: HTMLTag] = {
        var d: [String: HTMLTag] = [:]
        for t in allCases where t != .other { d[t.name] = t }
        return d
    }()

    /// Packed lower-case names (≤ 8 bytes, little-endian in a UInt64) → tag, for the parser's hot
    /// path: open addressing, 512 slots, Fibonacci hashing (a packed name is never 0).
    struct PackedTable: Sendable {
        var keys = [UInt64](repeating: 0, count: 512)
        var tags = [HTMLTag](repeating: .other, count: 512)

        static func slot(_ v: UInt64) -> Int { Int(truncatingIfNeeded: (v &* 0x9E37_79B9_7F4A_7C15) >> 55) }

        init() {
            for t in HTMLTag.allCases where t != .other {
                let u = Array(t.name.utf8)
                guard u.count <= 8 else { continue }
                let v = HTMLTag.pack(u)
                var i = Self.slot(v)
                while keys[i] != 0 { i = (i + 1) & 511 }
                keys[i] = v
                tags[i] = t
            }
        }

        func tag(_ v: UInt64) -> HTMLTag {
            var i = Self.slot(v)
            while true {
                let k = keys[i]
                if k == v { return tags[i] }
                if k == 0 { return .other }
                i = (i + 1) & 511
            }
        }
    }

    static let byPacked = PackedTable()

    static func pack(_ bytes: [UInt8]) -> UInt64 {
        var v: UInt64 = 0
        for (i, b) in bytes.enumerated() { v |= UInt64(b) << (8 * UInt64(i)) }
        return v
    }

    // MARK: Classes of tags

    /// Headings `h1`…`h6`.
    public var isHeading: Bool { rawValue >= HTMLTag.h1.rawValue && rawValue <= HTMLTag.h6.rawValue }

    /// Elements whose text is never visible page text.
    public var isNonContent: Bool {
        switch self {
        case .script, .style, .noscript, .template, .head, .title, .meta, .link, .base, .svg, .math,
             .select, .option, .optgroup, .textarea, .iframe, .object, .embed, .canvas, .audio, .video,
             .map, .param, .source, .track: return true
        default: return false
        }
    }

    /// Block-level elements (a line break in rendered text).
    public var isBlock: Bool {
        switch self {
        case .address, .article, .aside, .blockquote, .body, .center, .dd, .details, .dialog, .div, .dl, .dt,
             .fieldset, .figcaption, .figure, .footer, .form, .h1, .h2, .h3, .h4, .h5, .h6, .header, .hgroup,
             .hr, .html, .li, .main, .menu, .nav, .ol, .p, .pre, .section, .summary, .table, .tbody, .td,
             .tfoot, .th, .thead, .tr, .ul, .br, .caption, .legend, .colgroup:
            return true
        default: return false
        }
    }
}
