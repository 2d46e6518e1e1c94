#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A compact, immutable HTML DOM built from libxml2's SAX events (see ``HTMLParser``).
///
/// Nodes live in flat arrays (struct-of-arrays) indexed by ``NodeID``, in document order, so that:
/// - the descendants of `n` are the contiguous ids `n.index + 1 ..< subtreeEnd(n).index`;
/// - bottom-up aggregates (text length per element, …) are one backwards loop over `0..<count`;
/// - "all elements with tag X" is a precomputed list (``elements(_:)``).
///
/// Text and attribute values are kept as UTF-8 bytes in one buffer; `String`s are only made when a
/// caller asks for them. Element and attribute names are lower case (libxml2's HTML parser
/// lower-cases them). The text is the decoded page text: entities are resolved, NFC, white space
/// as in the source.
///
/// The type is immutable and `Sendable`: share it between stages and threads freely.
///
/// ```swift
/// let doc = try HTMLParser().parse(decoded)
/// for p in doc.elements(.p) where !doc.hasAncestor(p, tag: .aside) {
///     print(doc.textContent(of: p))
/// }
/// let og = doc.elements(.meta).first { doc.attribute("property", of: $0) == "og:title" }
/// ```
public final class HTMLDocument: Sendable {
    // MARK: Storage (struct of arrays, one entry per node)

    @usableFromInline let kinds: [NodeKind]
    @usableFromInline let tags: [HTMLTag]
    @usableFromInline let parents: [Int32]
    @usableFromInline let ends: [Int32]
    @usableFromInline let nextSiblings: [Int32]
    @usableFromInline let depths: [UInt16]
    /// Text nodes: byte range of the text in `bytes`. Elements: range in `attributeRecords`.
    @usableFromInline let dataStart: [Int32]
    @usableFromInline let dataEnd: [Int32]
    @usableFromInline let bytes: [UInt8]
    @usableFromInline let attributeRecords: [AttributeRecord]
    let otherNames: [Int32: String]
    let byTag: [[Int32]]

    /// The byte ranges of one attribute's name and value in `bytes`.
    @usableFromInline struct AttributeRecord: Sendable {
        @usableFromInline var nameStart: Int32, nameEnd: Int32, valueStart: Int32, valueEnd: Int32
    }

    init(
        kinds: [NodeKind], tags: [HTMLTag], parents: [Int32], ends: [Int32], nextSiblings: [Int32], depths: [UInt16],
        dataStart: [Int32], dataEnd: [Int32], bytes: [UInt8], attributeRecords: [AttributeRecord],
        otherNames: [Int32: String]
    ) {
        self.kinds = kinds
        self.tags = tags
        self.parents = parents
        self.ends = ends
        self.nextSiblings = nextSiblings
        self.depths = depths
        self.dataStart = dataStart
        self.dataEnd = dataEnd
        self.bytes = bytes
        self.attributeRecords = attributeRecords
        self.otherNames = otherNames
        var index = [[Int32]](repeating: [], count: HTMLTag.allCases.count)
        for i in 0..<kinds.count where kinds[i] == .element {
            index[Int(tags[i].rawValue)].append(Int32(i))
        }
        self.byTag = index
    }

    // MARK: Storage as buffers

    /// The node arrays and the bytes as buffers, for passes over many nodes (no property read,
    /// bounds check or retain per node). Valid only inside ``withNodeBuffers(_:)``.
    struct NodeBuffers {
        let kinds: UnsafeBufferPointer<NodeKind>
        let tags: UnsafeBufferPointer<HTMLTag>
        let parents: UnsafeBufferPointer<Int32>
        let ends: UnsafeBufferPointer<Int32>
        let dataStart: UnsafeBufferPointer<Int32>
        let dataEnd: UnsafeBufferPointer<Int32>
        let bytes: UnsafeBufferPointer<UInt8>
    }

    /// Calls `body` with the document's arrays as buffers (the arrays are constants of the
    /// document, which outlives the call).
    @inline(__always)
    func withNodeBuffers<R>(_ body: (NodeBuffers) throws -> R) rethrows -> R {
        try kinds.withUnsafeBufferPointer { kinds in
        try tags.withUnsafeBufferPointer { tags in
        try parents.withUnsafeBufferPointer { parents in
        try ends.withUnsafeBufferPointer { ends in
        try dataStart.withUnsafeBufferPointer { dataStart in
        try dataEnd.withUnsafeBufferPointer { dataEnd in
        try bytes.withUnsafeBufferPointer { bytes in
            try body(NodeBuffers(kinds: kinds, tags: tags, parents: parents, ends: ends,
                                 dataStart: dataStart, dataEnd: dataEnd, bytes: bytes))
        }}}}}}}
    }

    // MARK: Whole document

    /// The number of nodes (document, elements, text nodes).
    @inlinable public var count: Int { kinds.count }

    /// The document node (index 0); its children are the top-level nodes (normally one `<html>`).
    @inlinable public var root: NodeID { NodeID(0) }

    /// All nodes in document order.
    public var allNodes: [NodeID] { (0..<count).map(NodeID.init) }

    /// The `<html>` element, if any.
    public var html: NodeID? { elements(.html).first }
    /// The `<head>` element, if any.
    public var head: NodeID? { elements(.head).first }
    /// The `<body>` element, if any.
    public var body: NodeID? { elements(.body).first }

    /// The text of the first `<title>` element, white space collapsed, or `nil`.
    public var title: String? {
        guard let t = elements(.title).first else { return nil }
        let s = textContent(of: t, includeHidden: true)
        return s.isEmpty ? nil : s
    }

    /// Every element with `tag`, in document order (precomputed; O(1)).
    public func elements(_ tag: HTMLTag) -> [NodeID] { byTag[Int(tag.rawValue)].map { NodeID(Int($0)) } }

    /// The number of elements with `tag`.
    public func elementCount(_ tag: HTMLTag) -> Int { byTag[Int(tag.rawValue)].count }

    /// Elements with `tag` that are descendants of `ancestor` (binary search in the tag's list).
    public func elements(_ tag: HTMLTag, in ancestor: NodeID) -> [NodeID] {
        let list = byTag[Int(tag.rawValue)]
        let lo = Int32(ancestor.index + 1), hi = ends[ancestor.index]
        var a = 0, b = list.count
        while a < b { let m = (a + b) / 2; if list[m] < lo { a = m + 1 } else { b = m } }
        var out: [NodeID] = []
        while a < list.count, list[a] < hi { out.append(NodeID(Int(list[a]))); a += 1 }
        return out
    }

    // MARK: One node

    /// The kind of `n`.
    @inlinable public func kind(_ n: NodeID) -> NodeKind { kinds[n.index] }
    /// True when `n` is an element.
    @inlinable public func isElement(_ n: NodeID) -> Bool { kinds[n.index] == .element }
    /// True when `n` is a text node.
    @inlinable public func isText(_ n: NodeID) -> Bool { kinds[n.index] == .text }
    /// The interned tag of an element (``HTMLTag/other`` for unknown names and for non-elements).
    @inlinable public func tag(_ n: NodeID) -> HTMLTag { tags[n.index] }
    /// The lower-case element name (`""` for non-elements).
    public func tagName(_ n: NodeID) -> String {
        guard kinds[n.index] == .element else { return "" }
        let t = tags[n.index]
        return t == .other ? (otherNames[Int32(n.index)] ?? "") : t.name
    }
    /// Depth below the document node (top-level elements have depth 1).
    @inlinable public func depth(_ n: NodeID) -> Int { Int(depths[n.index]) }

    // MARK: Navigation

    /// The parent, `nil` for the document node.
    @inlinable public func parent(_ n: NodeID) -> NodeID? {
        let p = parents[n.index]
        return p < 0 ? nil : NodeID(Int(p))
    }
    /// The first child, if any.
    @inlinable public func firstChild(_ n: NodeID) -> NodeID? {
        n.index + 1 < Int(ends[n.index]) ? NodeID(n.index + 1) : nil
    }
    /// The next sibling, if any.
    @inlinable public func nextSibling(_ n: NodeID) -> NodeID? {
        let s = nextSiblings[n.index]
        return s < 0 ? nil : NodeID(Int(s))
    }
    /// The children of `n`, in order.
    public func children(_ n: NodeID) -> [NodeID] {
        var out: [NodeID] = []
        var c = firstChild(n)
        while let x = c { out.append(x); c = nextSibling(x) }
        return out
    }
    /// The element children of `n`, in order.
    public func elementChildren(_ n: NodeID) -> [NodeID] { children(n).filter { kinds[$0.index] == .element } }
    /// One past the last descendant of `n`: descendants are `n.index + 1 ..< subtreeEnd(n).index`.
    @inlinable public func subtreeEnd(_ n: NodeID) -> NodeID { NodeID(Int(ends[n.index])) }
    /// The descendants of `n` in document order (not including `n`).
    @inlinable public func descendants(_ n: NodeID) -> [NodeID] { (n.index + 1..<Int(ends[n.index])).map(NodeID.init) }
    /// True when `a` is `d` or an ancestor of `d`.
    @inlinable public func contains(_ a: NodeID, _ d: NodeID) -> Bool { d.index >= a.index && d.index < Int(ends[a.index]) }
    /// The ancestors of `n`, nearest first (not including `n`; the document node last).
    public func ancestors(_ n: NodeID) -> [NodeID] {
        var out: [NodeID] = []
        var p = parents[n.index]
        while p >= 0 { out.append(NodeID(Int(p))); p = parents[Int(p)] }
        return out
    }
    /// The nearest ancestor (not `n` itself) with `tag`.
    public func ancestor(of n: NodeID, tag: HTMLTag) -> NodeID? {
        var p = parents[n.index]
        while p >= 0 {
            if tags[Int(p)] == tag && kinds[Int(p)] == .element { return NodeID(Int(p)) }
            p = parents[Int(p)]
        }
        return nil
    }
    /// True when some ancestor of `n` has `tag`.
    public func hasAncestor(_ n: NodeID, tag: HTMLTag) -> Bool { ancestor(of: n, tag: tag) != nil }

    // MARK: Attributes

    /// The value of attribute `name` (lower case) of element `n`, or `nil`.
    public func attribute(_ name: String, of n: NodeID) -> String? {
        guard let r = attributeRange(name, of: n) else { return nil }
        return string(r)
    }

    /// True when element `n` has attribute `name` (lower case).
    public func hasAttribute(_ name: String, of n: NodeID) -> Bool { attributeRange(name, of: n) != nil }

    /// All attributes of element `n`, in source order.
    public func attributes(of n: NodeID) -> [(name: String, value: String)] {
        guard kinds[n.index] == .element else { return [] }
        return (Int(dataStart[n.index])..<Int(dataEnd[n.index])).map { i in
            let a = attributeRecords[i]
            return (string(Int(a.nameStart)..<Int(a.nameEnd)), string(Int(a.valueStart)..<Int(a.valueEnd)))
        }
    }

    /// `class` and `id` of `n` joined by a space, lower-cased: the usual input to class/id hints.
    public func classAndID(_ n: NodeID) -> String {
        let c = attribute("class", of: n) ?? ""
        let i = attribute("id", of: n) ?? ""
        if i.isEmpty { return c.lowercased() }
        if c.isEmpty { return i.lowercased() }
        return (c + " " + i).lowercased()
    }

    func attributeRange(_ name: String, of n: NodeID) -> Range<Int>? {
        guard kinds[n.index] == .element else { return nil }
        let lo = Int(dataStart[n.index]), hi = Int(dataEnd[n.index])
        if lo == hi { return nil }
        var name = name
        return name.withUTF8 { key -> Range<Int>? in
            bytes.withUnsafeBufferPointer { buf -> Range<Int>? in
                for i in lo..<hi {
                    let a = attributeRecords[i]
                    let len = Int(a.nameEnd - a.nameStart)
                    guard len == key.count else { continue }
                    var k = 0
                    let s = Int(a.nameStart)
                    while k < len, buf[s + k] == key[k] { k += 1 }
                    if k == len { return Int(a.valueStart)..<Int(a.valueEnd) }
                }
                return nil
            }
        }
    }

    // MARK: Text

    /// The text of a text node, exactly as in the document (entities resolved); `""` for elements.
    public func text(_ n: NodeID) -> String {
        guard kinds[n.index] == .text else { return "" }
        return string(Int(dataStart[n.index])..<Int(dataEnd[n.index]))
    }

    /// The UTF-8 byte length of a text node's text (0 for elements).
    @inlinable public func textByteCount(_ n: NodeID) -> Int {
        kinds[n.index] == .text ? Int(dataEnd[n.index] - dataStart[n.index]) : 0
    }

    /// Calls `body` with the UTF-8 bytes of text node `n` (no copy).
    @inlinable public func withTextBytes<R>(_ n: NodeID, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let lo = Int(dataStart[n.index]), hi = kinds[n.index] == .text ? Int(dataEnd[n.index]) : lo
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[lo..<hi])) }
    }

    /// The visible text of `n` and its descendants, white space collapsed to single spaces and
    /// trimmed. Text inside non-content elements (`script`, `style`, `noscript`, `template`, …) is
    /// skipped unless `includeHidden`; block elements and `<br>` separate words.
    public func textContent(of n: NodeID, includeHidden: Bool = false) -> String {
        if kinds[n.index] == .text { return collapsedText(n) }
        var out: [UInt8] = []
        appendText(of: n, to: &out, includeHidden: includeHidden)
        return Self.collapseBytes(out)
    }

    /// The raw text of `n`'s descendant text nodes, concatenated as is (for `<script>` JSON-LD).
    public func rawText(of n: NodeID) -> String {
        var out: [UInt8] = []
        for i in n.index..<Int(ends[n.index]) where kinds[i] == .text {
            out.append(contentsOf: bytes[Int(dataStart[i])..<Int(dataEnd[i])])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the visible text bytes of `n`'s subtree to `out` (uncollapsed; a space at block edges).
    public func appendText(of n: NodeID, to out: inout [UInt8], includeHidden: Bool = false) {
        var i = n.index
        let end = Int(ends[n.index])
        if kinds[i] == .element { i += 1 }
        else if kinds[i] == .document { i += 1 }
        var blockEnds: [Int] = []
        while i < end {
            while let last = blockEnds.last, i >= last { out.append(0x20); blockEnds.removeLast() }
            switch kinds[i] {
            case .text:
                out.append(contentsOf: bytes[Int(dataStart[i])..<Int(dataEnd[i])])
                i += 1
            case .element:
                let t = tags[i]
                if !includeHidden && t.isNonContent { i = Int(ends[i]); continue }
                if t.isBlock { out.append(0x20); blockEnds.append(Int(ends[i])) }
                i += 1
            case .document:
                i += 1
            }
        }
    }

    // MARK: String helpers

    func string(_ r: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[r]), as: UTF8.self) }
    }

    /// Collapses runs of white space (including NBSP, other Unicode spaces, line/paragraph separators
    /// and control characters) to one space and trims.
    public static func collapse(_ s: String) -> String {
        var s = s
        return s.withUTF8 { collapseBytes($0) }
    }

    /// The text of text node `n`, collapsed as ``collapse(_:)`` (read in place, no String made first).
    func collapsedText(_ n: NodeID) -> String { withTextBytes(n) { Self.collapseBytes($0) } }

    static func collapseBytes(_ b: [UInt8]) -> String { b.withUnsafeBufferPointer { collapseBytes($0) } }

    /// ``collapse(_:)`` of the UTF-8 bytes `b`, written straight into the String's storage (the
    /// output is never longer than `b`).
    static func collapseBytes(_ b: UnsafeBufferPointer<UInt8>) -> String {
        let n = b.count
        guard n > 0, let s = b.baseAddress else { return "" }
        return String(unsafeUninitializedCapacity: n) { collapse(s, count: n, into: $0.baseAddress!) }
    }

    /// Appends `b` to `out` (which must be empty) collapsed as ``collapse(_:)`` collapses it: runs
    /// of white space (ASCII space and controls, NBSP, NEL, U+2000–U+200A, U+202F, U+2028, U+2029,
    /// U+3000) become one space, none at either end; ZWSP is dropped.
    static func collapseBytes(_ b: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let n = b.count
        guard n > 0, let s = b.baseAddress else { return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n) { t in
            let k = collapse(s, count: n, into: t.baseAddress!)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: t[0..<k]))
        }
    }

    /// The collapsing of ``collapse(_:)`` from the `n` bytes at `s` into `o` (room for `n` bytes);
    /// returns the number of bytes written. Runs of bytes that cannot start white space, a ZWSP or a
    /// control character (and single spaces between them, which stay as they are) are found eight
    /// bytes at a time (``collapseSpecialBytes(_:)``) and copied whole; the rest byte by byte.
    /// `o` may be `s` (collapsing in place): nothing is written past what has been read, since a
    /// pending space stands for at least one byte of white space read before it, and runs are
    /// moved with `memmove`.
    static func collapse(_ s: UnsafePointer<UInt8>, count n: Int, into o: UnsafeMutablePointer<UInt8>) -> Int {
        @inline(__always) func special(_ c: UInt8) -> Bool {
            c <= 0x20 || (c >= 0x7F && (c == 0x7F || c == 0xC2 || c == 0xE2 || c == 0xE3))
        }
        var k = 0, i = 0
        var pendingSpace = false
        while i < n {
            let c = s[i]
            if !special(c) {
                if pendingSpace { o[k] = 0x20; k += 1; pendingSpace = false }
                var j = i + 1
                while true {
                    // Sixteen bytes at a time while one more follows them: the first byte that ends
                    // the run (a special byte but a space followed by a plain one).
                    while j &+ 17 <= n {
                        let k = collapseRunEnd(UnsafeRawPointer(s + j))
                        if k < 16 { j &+= k; break }
                        j &+= 16
                    }
                    while j + 8 <= n {
                        let mask = collapseSpecialBytes(UInt64(littleEndian: UnsafeRawPointer(s + j).loadUnaligned(as: UInt64.self)))
                        if mask != 0 { j += mask.trailingZeroBitCount >> 3; break }
                        j += 8
                    }
                    while j < n, !special(s[j]) { j += 1 }
                    // One space between plain bytes is written as it is: the run goes on over it.
                    if j + 1 < n, s[j] == 0x20, !special(s[j + 1]) { j += 2; continue }
                    break
                }
                if o + k != UnsafeMutablePointer(mutating: s + i) { memmove(o + k, s + i, j - i) }
                k += j - i
                i = j
                continue
            }
            var ws = 0
            if c <= 0x20 || c == 0x7F { ws = 1 }                                             // ASCII space and controls
            else if c == 0xC2, i + 1 < n, s[i + 1] == 0xA0 || s[i + 1] == 0x85 { ws = 2 }     // NBSP, NEL
            else if c == 0xE2, i + 2 < n, s[i + 1] == 0x80, (0x80...0x8A).contains(s[i + 2]) || s[i + 2] == 0xAF
                || s[i + 2] == 0xA8 || s[i + 2] == 0xA9 { ws = 3 }                             // U+2000–200A, 202F, line/paragraph separators
            else if c == 0xE3, i + 2 < n, s[i + 1] == 0x80, s[i + 2] == 0x80 { ws = 3 }     // U+3000
            else if c == 0xE2, i + 2 < n, s[i + 1] == 0x80, s[i + 2] == 0x8B { i += 3; continue } // ZWSP: drop
            if ws > 0 {
                pendingSpace = k > 0
                i += ws
                continue
            }
            if pendingSpace { o[k] = 0x20; k += 1; pendingSpace = false }
            o[k] = c
            k += 1
            i += 1
        }
        return k
    }

    /// Within a run of ``collapse(_:count:into:)``: the first of the sixteen bytes at `p` (a
    /// seventeenth is read) that ends the run, a byte it looks at (see ``collapseSpecialBytes(_:)``)
    /// other than a space followed by a byte it does not look at; 16 when there is none.
    @inline(__always)
    static func collapseRunEnd(_ p: UnsafeRawPointer) -> Int {
        @inline(__always) func special(_ v: SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>> {
            (v .<= SIMD16<UInt8>(repeating: 0x20)) .| (v .== SIMD16<UInt8>(repeating: 0x7F))
                .| (v .== SIMD16<UInt8>(repeating: 0xC2)) .| ((v & SIMD16<UInt8>(repeating: 0xFE)) .== SIMD16<UInt8>(repeating: 0xE2))
        }
        let v = p.loadUnaligned(as: SIMD16<UInt8>.self)
        let next = p.loadUnaligned(fromByteOffset: 1, as: SIMD16<UInt8>.self)
        let space = v .== SIMD16<UInt8>(repeating: 0x20)
        return UTF8Sequence.firstSet(special(v) .& .!(space .& .!special(next)))
    }

    /// The top bit set in each byte of `x` that ``collapse(_:count:into:)`` looks at (at most 0x20,
    /// 0x7F, 0xC2, 0xE2, 0xE3), found exactly: each test leaves its verdict in the byte's top bit
    /// with no carry into the next byte.
    @inline(__always)
    static func collapseSpecialBytes(_ x: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080, low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        @inline(__always) func zero(_ z: UInt64) -> UInt64 { ~(((z & low7) &+ low7) | z) & high }
        let control = ~(((x & low7) &+ 0x5F5F_5F5F_5F5F_5F5F) | x) & high  // below 0x21
        return control | zero(x ^ 0x7F7F_7F7F_7F7F_7F7F) | zero(x ^ 0xC2C2_C2C2_C2C2_C2C2)
            | zero((x & 0xFEFE_FEFE_FEFE_FEFE) ^ 0xE2E2_E2E2_E2E2_E2E2)
    }
}
