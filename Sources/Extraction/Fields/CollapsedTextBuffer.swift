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
    /// itself from the start (see ``HTMLDocument/collapse(_:count:into:)``); returns its length.
    static func collapseInPlace(_ b: inout UnsafeMutableBufferPointer<UInt8>) -> Int {
        guard let p = b.baseAddress, b.count > 0 else { return 0 }
        return HTMLDocument.collapse(p, count: b.count, into: p)
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
