import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Builds the struct-of-arrays of an ``HTMLDocument`` straight from libxml2's SAX events (see
/// ``SAXHandler``), without libxml2 building its own tree.
///
/// The result is the tree libxml2's tree builder (`SAX2.c`, behind `htmlReadMemory`) would make,
/// minus comments, processing instructions and the DTD:
/// - consecutive `characters` events make one text node, consecutive `cdataBlock` events (the
///   content of `<script>` and `<style>`) one text node; a comment or an element in between
///   starts a new one (comments are nodes in libxml2's tree);
/// - element names are split like `xmlSplitQName`: `<o:p>` is a `p`, `<fb:like>` a `like`;
/// - boolean attributes without a value get their name as value (`<script defer>`: `defer="defer"`);
/// - text outside any element is dropped; an element that starts when no element is open
///   becomes a child of the document's first child if that is an element, else a top-level node.
///
/// Limits: more than `maxNodes` nodes, or the deadline passing, stop the parse with an error;
/// elements deeper than `maxDepth` are flattened (their text is kept under the ancestor at that
/// depth).
struct DocumentBuilder {
    let maxNodes: Int
    let maxDepth: Int
    /// The deadline, boxed: `ContinuousClock.Instant` comes from the (resilient) standard library
    /// with no layout known when compiling, and stored here it made every access to a field of the
    /// builder go through the builder's type metadata.
    let deadline: Deadline?

    /// A ``ContinuousClock/Instant`` behind a reference (see ``deadline``).
    final class Deadline {
        let instant: ContinuousClock.Instant
        init(_ instant: ContinuousClock.Instant) { self.instant = instant }
    }

    // MARK: Document arrays (see HTMLDocument)

    /// One record per node, split into the document's arrays by ``finish()`` (one append per node
    /// instead of nine).
    let nodes: ScratchStack<Node>
    /// Text and attribute bytes (a ``ByteStore``: appending costs a capacity check and a copy).
    let bytes: ByteStore
    let attrs = ScratchStack<HTMLDocument.AttributeRecord>(capacity: 256)
    var otherNames: [Int32: String] = [:]

    // MARK: Parse state

    /// Our ids of the open elements that made a node, the document (0) first: the parent of the
    /// next node is the last one.
    let open = ScratchStack<Int32>(capacity: 64)
    /// One entry per element open in libxml2's tree (and one under an element re-opened at the
    /// top level, see ``Frame/reopened``).
    let frames = ScratchStack<Frame>(capacity: 64)
    /// What the last child of libxml2's current element is: decides whether text is appended to
    /// the previous text node.
    var last: LastChild = .none
    /// The document's first child in libxml2's tree.
    var documentFirstChild: DocumentChild = .none
    var hasDTD = false
    var events = 0
    /// The error that stopped the parse, if any.
    var failure: ExtractionError? { didSet { failed = failure != nil } }
    /// `failure != nil`, checked at every event (a flag costs less than comparing the error).
    private(set) var failed = false

    // MARK: Attribute and text shortcuts (see AttributeShortcut, TextShortcut)

    /// Whether ``AttributeShortcut`` and ``TextShortcut`` are on (the input is well-formed).
    var shortcuts = false
    /// How many tags, text runs, start tags, end tags and comments they took.
    var rewrittenTags = 0
    var textRuns = 0
    var startTags = 0
    var endTags = 0
    var comments = 0
    /// A tag was rewritten and its `startElement` has not come yet.
    var pendingTag = false
    /// Something other than the rewritten tag came after a rewrite: the parse must be redone
    /// without the shortcut.
    var shortcutDiverged = false
    /// The attributes taken from the rewritten tag (their bytes appended to `bytes` when the tag
    /// was rewritten: nothing else is appended before its `startElement`). The tag's name (as
    /// written) and the place of each attribute among the tag's attributes stay in
    /// `shortcutScan` (no tag is read while one is pending).
    let pendingAttributes = ScratchStack<HTMLDocument.AttributeRecord>(capacity: 16)
    /// Scratch space of the rewrite.
    var shortcutScan = AttributeShortcut.Scan()

    /// A node's entries in the document's arrays, and the last child it has so far.
    struct Node {
        var parent: Int32
        var end: Int32
        var nextSibling: Int32 = -1
        var lastChild: Int32 = -1
        var dataStart: Int32 = 0
        var dataEnd: Int32 = 0
        var depth: UInt16
        var kind: NodeKind
        var tag: HTMLTag
    }

    enum Frame: UInt8 {
        /// An element that made a node (its id is on `open`).
        case created
        /// An element deeper than `maxDepth`: no node, its content goes to the nearest created one.
        case flattened
        /// The document's first element, re-opened because an element started with nothing open
        /// (libxml2 makes it a child of that element); closed with the element above it.
        case reopened
        /// Like ``reopened``, for a first element that made no node.
        case reopenedFlattened
    }

    enum LastChild: Equatable {
        case none, element, other
        /// A text node from `characters` (`id` -1 while it is still empty).
        case text(Int32)
        /// A text node from `cdataBlock` (`id` -1 while it is still empty).
        case cdata(Int32)
    }

    enum DocumentChild: Equatable {
        case none, other
        /// An element (`id` -1 when it made no node).
        case element(Int32)
    }

    /// A builder for about `capacity` nodes; `bytes` is where text and attribute bytes go (by
    /// default a store of its own).
    init(maxNodes: Int, maxDepth: Int, deadline: ContinuousClock.Instant?, capacity: Int, bytes: ByteStore? = nil) {
        self.maxNodes = maxNodes
        self.maxDepth = maxDepth
        self.deadline = deadline.map(Deadline.init)
        let c = max(64, capacity)
        nodes = ScratchStack(capacity: c)
        self.bytes = bytes ?? ByteStore(capacity: c * 20)
        open.append(0)
        _ = add(kind: .document, tag: .other, parent: -1, depth: 0)
    }

    // MARK: Nodes

    mutating func add(kind: NodeKind, tag: HTMLTag, parent: Int32, depth: Int) -> Int32 {
        let id = Int32(nodes.count)
        nodes.append(Node(parent: parent, end: id + 1, depth: UInt16(min(depth, Int(UInt16.max))), kind: kind, tag: tag))
        if parent >= 0 {
            let n = nodes.base
            let p = Int(parent)
            let previous = n[p].lastChild
            if previous >= 0 { n[Int(previous)].nextSibling = id }
            n[p].lastChild = id
        }
        return id
    }

    /// Counts an event; false (and `failure` set) when a limit is reached.
    @inline(__always)
    mutating func tick() -> Bool {
        if nodes.count > maxNodes {
            failure = ExtractionError(.treeTooLarge, "the document has more than \(maxNodes) nodes")
            return false
        }
        events &+= 1
        if events & 4095 == 0, let d = deadline, ContinuousClock.now > d.instant {
            failure = ExtractionError(.timeLimit, "time budget exceeded while building the DOM")
            return false
        }
        return true
    }

    // MARK: SAX events (each returns false to stop the parser)

    mutating func startElement(_ fullName: UnsafePointer<xmlChar>, _ atts: UnsafePointer<UnsafePointer<xmlChar>?>?) -> Bool {
        guard !failed else { return false }
        let firstTopLevel = beginElement()
        last = .none
        let depth = open.count
        guard depth <= maxDepth else {
            // A flattened element keeps no attributes, taken ones included.
            if pendingTag, isPendingTag(fullName) { pendingTag = false }
            return flattenElement(firstTopLevel: firstTopLevel)
        }
        let name = Self.localName(fullName)
        let tag = Self.tag(of: name)
        let id = add(kind: .element, tag: tag, parent: open.last, depth: depth)
        if tag == .other {
            otherNames[id] = String(cString: UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))
        }
        let aStart = Int32(attrs.count)
        if pendingTag, isPendingTag(fullName) {
            mergeTakenAttributes(atts)
            pendingTag = false
        } else {
            // While a tag is pending only elements libxml2 implies (without attributes) may come first.
            if pendingTag, atts?[0] != nil { shortcutDiverged = true }
            if let atts {
                var i = 0
                while let attName = atts[i] {
                    appendAttribute(attName, atts[i + 1])
                    i += 2
                }
            }
        }
        return openElement(id, attributesFrom: aStart, firstTopLevel: firstTopLevel)
    }

    /// A start tag ``TagChain`` read, as ``startElement(_:_:)`` with what the chain knows already:
    /// `tag` is the interned tag of the ``StartTagTable`` name (a local name), `otherName` its name
    /// when `tag` is ``HTMLTag/other``, and with `takenAttributes` the tag's attributes are all in
    /// `pendingAttributes`, in order (see ``AttributeShortcut/take(_:builder:)``; no tag is pending).
    mutating func startElement(known tag: HTMLTag, otherName: String?, takenAttributes: Bool) -> Bool {
        guard !failed else { return false }
        let firstTopLevel = beginElement()
        last = .none
        let depth = open.count
        guard depth <= maxDepth else { return flattenElement(firstTopLevel: firstTopLevel) }
        let id = add(kind: .element, tag: tag, parent: open.last, depth: depth)
        if let otherName { otherNames[id] = otherName }
        let aStart = Int32(attrs.count)
        if takenAttributes { attrs.append(contentsOf: pendingAttributes) }
        return openElement(id, attributesFrom: aStart, firstTopLevel: firstTopLevel)
    }

    /// The element `id`, its attributes from `aStart` to the end of ``attrs``, becomes the open
    /// element (the end of both start-tag events).
    @inline(__always)
    mutating func openElement(_ id: Int32, attributesFrom aStart: Int32, firstTopLevel: Bool) -> Bool {
        nodes.base[Int(id)].dataStart = aStart
        nodes.base[Int(id)].dataEnd = Int32(attrs.count)
        open.append(id)
        frames.append(.created)
        if firstTopLevel { documentFirstChild = .element(id) }
        return tick()
    }

    /// An element past ``maxDepth``: no node, its content goes to the open element.
    @inline(__always)
    mutating func flattenElement(firstTopLevel: Bool) -> Bool {
        frames.append(.flattened)
        if firstTopLevel { documentFirstChild = .element(-1) }
        return tick()
    }

    /// Before an element starts: when no element is open, re-opens the document's first element
    /// (see ``Frame/reopened``); true when the element is the document's first.
    @inline(__always)
    mutating func beginElement() -> Bool {
        guard frames.isEmpty else { return false }
        switch documentFirstChild {
        case .none: return true
        case .element(let first):
            if first >= 0 { open.append(first); frames.append(.reopened) } else { frames.append(.reopenedFlattened) }
        case .other: break
        }
        return false
    }

    mutating func endElement() {
        guard !failed, !frames.isEmpty else { return }
        let frame = frames.removeLast()
        if frame == .created { nodes.base[Int(open.removeLast())].end = Int32(nodes.count) }
        if !frames.isEmpty, case let below = frames.last, below == .reopened || below == .reopenedFlattened {
            frames.removeLast()
            if below == .reopened { nodes.base[Int(open.removeLast())].end = Int32(nodes.count) }
        }
        last = .element
    }

    mutating func characters(_ ch: UnsafePointer<xmlChar>, _ len: Int, cdata: Bool) -> Bool {
        guard !failed else { return false }
        if pendingTag { shortcutDiverged = true }
        guard !frames.isEmpty else { return true }  // no open element: libxml2 drops the text
        var id: Int32 = -1
        switch (last, cdata) {
        case (.text(let t), false), (.cdata(let t), true): id = t
        default: break
        }
        if len > 0 {
            if id < 0 {
                id = add(kind: .text, tag: .other, parent: open.last, depth: open.count)
                nodes.base[Int(id)].dataStart = Int32(bytes.count)
            }
            bytes.append(ch, len)
            nodes.base[Int(id)].dataEnd = Int32(bytes.count)
        }
        last = cdata ? .cdata(id) : .text(id)
        return tick()
    }

    /// A comment or processing instruction: not kept, but it separates text nodes.
    mutating func otherNode() {
        if pendingTag { shortcutDiverged = true }
        if frames.isEmpty {
            if documentFirstChild == .none { documentFirstChild = .other }
        } else {
            last = .other
        }
    }

    /// A DOCTYPE: libxml2 puts the first one before everything else in the document.
    mutating func doctype() {
        guard !hasDTD else { return }
        hasDTD = true
        documentFirstChild = .other
    }

    /// Appends an attribute libxml2 reported. Like libxml2's tree builder, a boolean attribute
    /// without a value (`defer`, `disabled`, …) gets its name as value; others without one are empty.
    @inline(__always)
    mutating func appendAttribute(_ name: UnsafePointer<xmlChar>, _ value: UnsafePointer<xmlChar>?) {
        let (ns, ne) = appendCString(name)
        let (vs, ve) = appendCString(value ?? (htmlIsBooleanAttr(name) != 0 ? name : nil))
        attrs.append(.init(nameStart: ns, nameEnd: ne, valueStart: vs, valueEnd: ve))
    }

    /// True when `name` (as libxml2 reports it: lower case) is the rewritten tag's name.
    func isPendingTag(_ name: UnsafePointer<xmlChar>) -> Bool {
        let pending = shortcutScan.storage.name
        let n = shortcutScan.nameEnd - 1
        for k in 0..<n {
            let c = pending[k]
            if name[k] != (c >= 0x41 && c <= 0x5A ? c | 0x20 : c) { return false }
        }
        return name[n] == 0
    }

    /// The rewritten tag's attributes: the ones ``AttributeShortcut`` took, each in its place among
    /// those libxml2 reports (`atts`).
    mutating func mergeTakenAttributes(_ atts: UnsafePointer<UnsafePointer<xmlChar>?>?) {
        var r = 0, i = 0
        var place: Int32 = 0
        let pendingPlaces = UnsafeBufferPointer(start: shortcutScan.storage.places, count: pendingAttributes.count)
        let pending = pendingAttributes.base
        while true {
            if r < pendingPlaces.count, pendingPlaces[r] == place {
                attrs.append(pending[r])
                r += 1
            } else if let atts, let name = atts[i] {
                appendAttribute(name, atts[i + 1])
                i += 2
            } else if r < pendingPlaces.count {
                // libxml2 reported fewer attributes than the tag was read with.
                shortcutDiverged = true
                attrs.append(pending[r])
                r += 1
            } else {
                break
            }
            place += 1
        }
    }

    // MARK: Result

    /// The document. `borrowed` is the array whose storage ``bytes`` was lent (see
    /// ``ByteStore/init(borrowing:)``), now holding its bytes: the document takes it instead of a copy.
    mutating func finish(borrowed: [UInt8]? = nil) throws(ExtractionError) -> HTMLDocument {
        if let failure { throw failure }
        // Close whatever is still open (only when the parse stopped early).
        while open.count > 1 { nodes.base[Int(open.removeLast())].end = Int32(nodes.count) }
        nodes.base[0].end = Int32(nodes.count)
        if nodes.count > maxNodes {
            throw ExtractionError(.treeTooLarge, "the document has more than \(maxNodes) nodes")
        }
        let count = nodes.count
        let src = UnsafeBufferPointer(start: nodes.base, count: count)
        do {
            /// One field of every node, as an array.
            @inline(__always)
            func column<T>(_ field: (Node) -> T) -> [T] {
                [T](unsafeUninitializedCapacity: count) { out, initialized in
                    for k in 0..<count { (out.baseAddress! + k).initialize(to: field(src[k])) }
                    initialized = count
                }
            }
            return HTMLDocument(
                kinds: column { $0.kind }, tags: column { $0.tag }, parents: column { $0.parent }, ends: column { $0.end },
                nextSiblings: column { $0.nextSibling }, depths: column { $0.depth }, dataStart: column { $0.dataStart },
                dataEnd: column { $0.dataEnd }, bytes: (bytes.isBorrowing ? borrowed : nil) ?? bytes.array, attributeRecords: Array(UnsafeBufferPointer(start: attrs.base, count: attrs.count)), otherNames: otherNames)
        }
    }

    // MARK: Helpers

    @inline(__always)
    mutating func appendCString(_ p: UnsafePointer<xmlChar>?) -> (Int32, Int32) {
        let start = Int32(bytes.count)
        guard let p else { return (start, start) }
        let len = strlen(UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self))
        bytes.append(p, len)
        return (start, Int32(bytes.count))
    }

    /// The local part of an element name as `xmlSplitQName` makes it: after the first `:` unless
    /// the name starts or ends with it.
    static func localName(_ name: UnsafePointer<xmlChar>) -> UnsafePointer<xmlChar> {
        if name[0] == 0 || name[0] == 0x3A { return name }
        var i = 1
        while true {
            let c = name[i]
            if c == 0 { return name }
            if c == 0x3A { return name[i + 1] == 0 ? name : name + (i + 1) }
            i += 1
        }
    }

    /// The interned tag of a lower-case element name.
    static func tag(of name: UnsafePointer<xmlChar>) -> HTMLTag {
        var v: UInt64 = 0
        var i = 0
        while i < 9 {
            let c = name[i]
            if c == 0 { break }
            if i == 8 {
                // Longer names (blockquote, figcaption): the slow path.
                let str = String(cString: UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))
                return HTMLTag.byName[str] ?? .other
            }
            v |= UInt64(c) << (8 * UInt64(i))
            i += 1
        }
        return HTMLTag.byPacked.tag(v)
    }
}

/// A growable byte buffer for ``DocumentBuilder``: an append is a capacity check and a `memcpy`
/// (`Array.append(contentsOf:)` added about a hundred instructions a call, for texts and
/// attributes of a few bytes).
final class ByteStore {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private(set) var capacity: Int
    /// True while the bytes are written into a buffer the store was lent (see ``init(borrowing:)``).
    private(set) var isBorrowing: Bool

    init(capacity: Int) {
        self.capacity = max(64, capacity)
        base = .allocate(capacity: self.capacity)
        isBorrowing = false
    }

    /// A store that writes into `buffer` (the storage of the array being made for the document,
    /// so that the document gets its bytes without a copy) until it needs more room; then it moves
    /// them to memory of its own. The caller keeps `buffer` alive while the store writes.
    init(borrowing buffer: UnsafeMutableBufferPointer<UInt8>) {
        capacity = buffer.count
        base = buffer.baseAddress ?? .allocate(capacity: 0)
        isBorrowing = buffer.baseAddress != nil
        if !isBorrowing { capacity = 0 }
    }

    deinit { if !isBorrowing { base.deallocate() } }

    /// Appends `n` bytes (contents to be written by the caller) and returns where they start.
    @inline(__always)
    func grow(by n: Int) -> UnsafeMutablePointer<UInt8> {
        if count + n > capacity { reallocate(minimum: count + n) }
        let start = base + count
        count += n
        return start
    }

    @inline(__always)
    func append(_ p: UnsafePointer<UInt8>, _ n: Int) {
        AttributeShortcut.moveBytes(grow(by: n), p, n)
    }

    private func reallocate(minimum: Int) {
        let newCapacity = max(minimum, capacity * 2)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        if !isBorrowing { base.deallocate() }
        isBorrowing = false
        base = newBase
        capacity = newCapacity
    }

    /// The bytes as an array (a copy).
    var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }
}
