import CLibXML2

/// What libxml2 2.9 does when it reads the start tag of a common element, asked of libxml2 itself
/// once per process, for ``TagChain``: whether the element is empty (`br`, `img`, …: closed at
/// once) and which open elements its start tag closes first (libxml2's `htmlStartClose` table: a
/// `div` closes an open `p`, a `tr` an open `td`, …).
///
/// The names are the lower-case names of at most eight bytes in ``names``; others are left to
/// libxml2. For two different names the answer comes from `htmlAutoCloseTag`, which asks
/// libxml2's own table (`htmlCheckAutoClose`). For an element inside one of its own name that
/// function always answers no, so libxml2 parses `<x><x>` instead: when the second element nests
/// in the first, the start tag closes nothing; otherwise the pair is marked as closing (and left
/// to libxml2). Each name is kept as a C string that lives as long as the process, so that it can
/// stand in libxml2's stack of open elements.
final class StartTagTable: @unchecked Sendable {
    /// The one table (built on first use).
    static let shared = StartTagTable()

    /// Element names read by ``TagChain``: HTML 4 and 5, SVG's common elements, and a few
    /// widespread custom ones.
    static let names: [String] = [
        "a", "abbr", "acronym", "address", "applet", "area", "article", "aside", "audio", "b", "bdi", "bdo", "big",
        "br", "button", "canvas", "caption", "center", "cite", "code", "col", "colgroup", "data", "dd", "del",
        "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em", "embed", "fieldset", "figure", "font",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "i", "img", "input", "ins",
        "kbd", "label", "legend", "li", "link", "main", "map", "mark", "menu", "meta", "meter", "nav", "nobr", "noscript",
        "object", "ol", "optgroup", "option", "output", "p", "param", "picture", "pre", "progress", "q", "rp", "rt",
        "ruby", "s", "samp", "section", "select", "small", "source", "span", "strike", "strong", "sub", "summary",
        "sup", "svg", "table", "tbody", "td", "template", "tfoot", "th", "thead", "time", "tr", "track", "tt", "u",
        "ul", "var", "video", "wbr", "path", "g", "circle", "rect", "use", "defs", "symbol", "line", "polygon",
        "polyline", "ellipse", "stop", "mask", "image", "text", "tspan", "clippath", "amp-img",
    ]

    /// Names looked up only as the open element a start tag may close (never read as a start tag).
    static let openOnly = ["body", "head"]

    /// Names ``TagChain`` leaves to libxml2 wherever they appear as a start tag: the document's
    /// structure (`html`, `head`, `body`, `frameset`, `frame`), raw text (`script`, `style`, and the old `xmp`, `plaintext`, `listing`), and elements whose
    /// content libxml2 may read in its own way (`title`, `textarea`, `iframe`, `noembed`,
    /// `noframes`). None of them is in ``names`` (`body` and `head` are in ``openOnly``); the list documents why.
    static let leftToLibxml2 = ["html", "head", "body", "frameset", "frame", "script", "style", "xmp",
                                "plaintext", "listing", "title", "textarea", "iframe", "noembed", "noframes"]

    /// Each name as a C string (never freed).
    let cNames: [UnsafePointer<xmlChar>]
    /// `closes[new * count + open]`: the start tag of `new` closes an open `open` first.
    let closes: [Bool]
    /// The interned tag of each name (as ``DocumentBuilder`` interns it), and the name itself
    /// where that is ``HTMLTag/other``.
    let tags: [HTMLTag]
    let otherNames: [String?]
    /// Elements libxml2 closes as soon as they start.
    let empty: [Bool]
    /// Names in ``openOnly``.
    let isOpenOnly: [Bool]
    let count: Int
    /// Packed name (see ``pack(_:_:)``) → index + 1, open addressing over 512 slots.
    private let keys: [UInt64]
    private let slots: [UInt8]

    private init() {
        var seen = Set<String>()
        let names = (Self.names + Self.openOnly).filter { seen.insert($0).inserted && $0.utf8.count <= 8 }
        isOpenOnly = names.map { Self.openOnly.contains($0) }
        count = names.count
        var cNames: [UnsafePointer<xmlChar>] = []
        for name in names {
            let bytes = Array(name.utf8) + [0]
            let p = UnsafeMutablePointer<xmlChar>.allocate(capacity: bytes.count)
            p.initialize(from: bytes, count: bytes.count)
            cNames.append(UnsafePointer(p))
        }
        self.cNames = cNames
        tags = cNames.map { DocumentBuilder.tag(of: DocumentBuilder.localName($0)) }
        otherNames = zip(names, tags).map { $1 == .other ? $0 : nil }
        empty = cNames.map { htmlTagLookup($0).map { $0.pointee.empty != 0 } ?? false }
        var closes = [Bool](repeating: false, count: names.count * names.count)
        for (n, new) in cNames.enumerated() {
            let node = xmlNewNode(nil, new)
            for (o, old) in cNames.enumerated() where o != n {
                closes[n * names.count + o] = htmlAutoCloseTag(nil, old, node) != 0
            }
            xmlFreeNode(node)
            closes[n * names.count + n] = empty[n] || isOpenOnly[n] || !Self.nestsInItself(names[n])
        }
        self.closes = closes
        var keys = [UInt64](repeating: 0, count: 512)
        var slots = [UInt8](repeating: 0, count: 512)
        for (k, name) in names.enumerated() {
            let bytes = Array(name.utf8)
            let v = bytes.withUnsafeBufferPointer { Self.pack($0.baseAddress!, $0.count) }
            var i = Self.slot(v)
            while keys[i] != 0 { i = (i + 1) & 511 }
            keys[i] = v
            slots[i] = UInt8(k + 1)
        }
        self.keys = keys
        self.slots = slots
    }

    /// True when libxml2 parses `<body><x><x>` with the second `x` inside the first.
    private static func nestsInItself(_ name: String) -> Bool {
        let html = "<html><body><\(name)><\(name)>x</body></html>"
        let bytes = Array(html.utf8)
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue)
        guard let doc = bytes.withUnsafeBufferPointer({ b in
            b.withMemoryRebound(to: CChar.self) { htmlReadMemory($0.baseAddress, Int32($0.count), nil, "UTF-8", options) }
        }) else { return false }
        defer { xmlFreeDoc(doc) }
        func element(_ node: xmlNodePtr?, named: String) -> xmlNodePtr? {
            var n = node
            while let c = n {
                if c.pointee.type == XML_ELEMENT_NODE, let nm = c.pointee.name, String(cString: nm) == named { return c }
                n = c.pointee.next
            }
            return nil
        }
        guard let root = xmlDocGetRootElement(doc), let body = element(root.pointee.children, named: "body"),
              let outer = element(body.pointee.children, named: name)
        else { return false }
        return element(outer.pointee.children, named: name) != nil && element(outer.pointee.next, named: name) == nil
    }

    // MARK: Lookup

    /// The index of the name at `p[0..<n]` (lower-cased as libxml2 reads it), or nil.
    @inline(__always)
    func index(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        guard n > 0, n <= 8 else { return nil }
        var v: UInt64 = 0
        for k in 0..<n {
            let c = p[k]
            v |= UInt64(c >= 0x41 && c <= 0x5A ? c | 0x20 : c) << (8 * UInt64(k))
        }
        return lookup(v)
    }

    /// The index of the NUL-terminated lower-case name `p`, or nil.
    @inline(__always)
    func index(cString p: UnsafePointer<xmlChar>) -> Int? {
        var v: UInt64 = 0
        for k in 0..<9 {
            let c = p[k]
            if c == 0 { return k == 0 ? nil : lookup(v) }
            if k == 8 { return nil }
            v |= UInt64(c) << (8 * UInt64(k))
        }
        return nil
    }

    @inline(__always)
    private func lookup(_ v: UInt64) -> Int? {
        var i = Self.slot(v)
        while true {
            let k = keys[i]
            if k == v { return Int(slots[i]) - 1 }
            if k == 0 { return nil }
            i = (i + 1) & 511
        }
    }

    @inline(__always)
    static func slot(_ v: UInt64) -> Int { Int(truncatingIfNeeded: (v &* 0x9E37_79B9_7F4A_7C15) >> 55) }

    static func pack(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        var v: UInt64 = 0
        for k in 0..<n { v |= UInt64(p[k]) << (8 * UInt64(k)) }
        return v
    }
}
