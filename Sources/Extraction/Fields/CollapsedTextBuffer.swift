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
    /// ``UTF8Scan/characterBounds(_:)`` of the bytes, once asked (`lower < 0` before).
    private var bounds = (lower: -1, upper: -1)
    /// The Character count is made at most once per text, capped here (above every limit asked).
    let cap: Int

    init(cap: Int) {
        self.cap = cap
        bytes.reserveCapacity(512)
    }

    /// Loads the collapsed text of text node `n`.
    mutating func load(_ doc: HTMLDocument, _ n: NodeID) {
        bytes.removeAll(keepingCapacity: true)
        doc.withTextBytes(n) { bytes.append(contentsOf: $0) }
        // Collapsed in place: one copy of the text, then no append per run.
        let kept = bytes.withUnsafeMutableBufferPointer(Self.collapseInPlace)
        bytes.removeLast(bytes.count - kept)
        string = nil
        scalars = -1
        characters = -1
        bounds = (-1, -1)
    }

    /// Collapses the text in `b` as ``HTMLDocument/collapseBytes(_:into:)`` does, writing it over
    /// itself from the start (the collapsed text is never longer at any point than what it was
    /// read from: a pending space stands for at least one byte of white space read before it);
    /// returns its length.
    /// The bytes that may start white space, a ZWSP or a control character (the ones
    /// ``HTMLDocument/collapse(_:count:into:)`` looks at).
    static let collapseSpecial: [Bool] = (0..<256).map { $0 <= 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 || $0 == 0xE3 }

    static func collapseInPlace(_ b: inout UnsafeMutableBufferPointer<UInt8>) -> Int {
        var pendingSpace = false
        var i = 0, w = 0
        let n = b.count
        return Self.collapseSpecial.withUnsafeBufferPointer { special in
            while i < n {
                let c = b[i]
                if !special[Int(c)] {
                    if pendingSpace { b[w] = 0x20; w += 1; pendingSpace = false }
                    // A run of ordinary bytes, moved down (or left where it is).
                    if w == i {
                        i += 1
                        while i < n, !special[Int(b[i])] { i += 1 }
                        w = i
                    } else {
                        b[w] = c; w += 1; i += 1
                        while i < n, !special[Int(b[i])] { b[w] = b[i]; w += 1; i += 1 }
                    }
                    continue
                }
                var ws = 0
                if c <= 0x20 || c == 0x7F { ws = 1 }                                             // ASCII space and controls
                else if c == 0xC2, i + 1 < n, b[i + 1] == 0xA0 || b[i + 1] == 0x85 { ws = 2 }     // NBSP, NEL
                else if c == 0xE2, i + 2 < n, b[i + 1] == 0x80, (0x80...0x8A).contains(b[i + 2]) || b[i + 2] == 0xAF
                    || b[i + 2] == 0xA8 || b[i + 2] == 0xA9 { ws = 3 }                             // U+2000–200A, 202F, line/paragraph separators
                else if c == 0xE3, i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0x80 { ws = 3 }     // U+3000
                else if c == 0xE2, i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0x8B { i += 3; continue } // ZWSP: drop
                if ws > 0 {
                    pendingSpace = w > 0
                    i += ws
                    continue
                }
                if pendingSpace { b[w] = 0x20; w += 1; pendingSpace = false }
                b[w] = c; w += 1
                i += 1
            }
            return w
        }
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
    /// are within `k` (a Character has at least one scalar of at least one byte), then by the
    /// bounds of ``UTF8Scan/characterBounds(_:)`` (a Bengali text's marks and letters), else by
    /// Characters.
    mutating func atMost(_ k: Int) -> Bool {
        if bytes.count <= k { return true }
        if scalars < 0 { scalars = bytes.withUnsafeBufferPointer(UTF8Scan.scalarCount) }
        if scalars <= k { return true }
        if characters < 0 {
            if let n = bytes.withUnsafeBufferPointer(UTF8Scan.scalarsAreCharacters) {
                characters = min(n, cap)
            } else {
                if bounds.lower < 0 { bounds = bytes.withUnsafeBufferPointer(UTF8Scan.characterBounds) }
                if bounds.lower > k { return false }
                if bounds.upper <= k { return true }
                characters = UTF8Scan.characterCount(of: text, cappedAt: cap)
            }
        }
        return characters <= k
    }

    /// Calls `body` with the collapsed bytes.
    @inline(__always)
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R { bytes.withUnsafeBufferPointer(body) }
}
