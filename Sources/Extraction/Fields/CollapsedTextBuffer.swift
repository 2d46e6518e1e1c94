/// The collapsed text of one text node at a time (white space as ``HTMLDocument/collapse(_:)``
/// leaves it), as bytes in a buffer reused from node to node.
///
/// ``PageClueFinder`` reads every text near the headline; most hold no byline and no date. Byte
/// checks run on ``bytes`` and turn those away; the `String` (``text``) and its Character count
/// are made only for a text that passes them.
struct CollapsedTextBuffer {
    /// The collapsed UTF-8 of the loaded text node.
    private(set) var bytes: [UInt8] = []
    private var string: String?
    private var scalars = -1
    private var characters = -1
    /// The Character count is made at most once per text, capped here (above every limit asked).
    let cap: Int

    init(cap: Int) {
        self.cap = cap
        bytes.reserveCapacity(512)
    }

    /// Loads the collapsed text of text node `n`.
    mutating func load(_ doc: HTMLDocument, _ n: NodeID) {
        bytes.removeAll(keepingCapacity: true)
        doc.withTextBytes(n) { Self.collapse($0, into: &bytes) }
        string = nil
        scalars = -1
        characters = -1
    }

    var isEmpty: Bool { bytes.isEmpty }

    /// The text as a `String`: `doc.collapsedText(n)`.
    var text: String {
        mutating get {
            if let s = string { return s }
            let s = String(decoding: bytes, as: UTF8.self)
            string = s
            return s
        }
    }

    /// `text.count <= k`, for `k < cap`: settled by the byte count or the scalar count when they
    /// are within `k` (a Character has at least one scalar of at least one byte), else by Characters.
    mutating func atMost(_ k: Int) -> Bool {
        if bytes.count <= k { return true }
        if scalars < 0 { scalars = bytes.withUnsafeBufferPointer(UTF8Scan.scalarCount) }
        if scalars <= k { return true }
        if characters < 0 {
            if let n = bytes.withUnsafeBufferPointer(UTF8Scan.scalarsAreCharacters) {
                characters = min(n, cap)
            } else {
                characters = UTF8Scan.characterCount(of: text, cappedAt: cap)
            }
        }
        return characters <= k
    }

    /// Calls `body` with the collapsed bytes.
    @inline(__always)
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R { bytes.withUnsafeBufferPointer(body) }

    // MARK: Collapsing

    /// Bytes that may start white space, a ZWSP or a control character (as ``HTMLDocument``'s).
    static let special: [Bool] = (0..<256).map { $0 <= 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 || $0 == 0xE3 }

    /// Appends `b` to `out` collapsed as ``HTMLDocument/collapse(_:)`` collapses it: runs of white
    /// space (ASCII space and controls, NBSP, NEL, U+2000–U+200A, U+202F, U+2028, U+2029, U+3000)
    /// become one space, none at either end; ZWSP is dropped. (`out` must be empty.)
    static func collapse(_ b: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var pendingSpace = false
        var i = 0
        let n = b.count
        special.withUnsafeBufferPointer { special in
            while i < n {
                let c = b[i]
                if !special[Int(c)] {
                    if pendingSpace { out.append(0x20); pendingSpace = false }
                    var j = i + 1
                    while j < n, !special[Int(b[j])] { j += 1 }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<j]))
                    i = j
                    continue
                }
                var ws = 0
                if c <= 0x20 || c == 0x7F { ws = 1 }
                else if c == 0xC2, i + 1 < n, b[i + 1] == 0xA0 || b[i + 1] == 0x85 { ws = 2 }
                else if c == 0xE2, i + 2 < n, b[i + 1] == 0x80, (0x80...0x8A).contains(b[i + 2]) || b[i + 2] == 0xAF
                    || b[i + 2] == 0xA8 || b[i + 2] == 0xA9 { ws = 3 }
                else if c == 0xE3, i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0x80 { ws = 3 }
                else if c == 0xE2, i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0x8B { i += 3; continue }
                if ws > 0 {
                    pendingSpace = !out.isEmpty
                    i += ws
                    continue
                }
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(c)
                i += 1
            }
        }
    }
}
