/// The collapsed text of one text node at a time (white space as ``HTMLDocument/collapse(_:)``
/// leaves it), as bytes in a buffer reused from node to node.
///
/// ``PageClueFinder`` reads every text near the headline; most hold no byline and no date. Byte
/// checks run on ``bytes`` and turn those away; the `String` (``text``) and its Character count
/// are made only for a text that passes them.
struct CollapsedTextBuffer {
    /// Room for the collapsed UTF-8 of the loaded text node: its first ``count`` bytes.
    private var storage: [UInt8]
    /// The length of the collapsed text.
    private var count = 0
    private var string: String?
    private var scalars = -1
    private var characters = -1
    /// ``UTF8Scan/characterBounds(_:)`` of the bytes, once asked (`lower < 0` before).
    private var bounds = (lower: -1, upper: -1)
    /// The Character count is made at most once per text, capped here (above every limit asked).
    let cap: Int

    init(cap: Int) {
        self.cap = cap
        storage = [UInt8](repeating: 0, count: 512)
    }

    /// The collapsed UTF-8 of the loaded text node.
    var bytes: [UInt8] { Array(storage[..<count]) }

    /// Loads the collapsed text of text node `n`.
    mutating func load(_ doc: HTMLDocument, _ n: NodeID) {
        // Collapsed straight from the document's bytes into the storage (collapsing never
        // lengthens a text): one pass, no copy of the text before it.
        let size = doc.textByteCount(n)
        if storage.count < size { storage = [UInt8](repeating: 0, count: max(size, 2 * storage.count)) }
        count = storage.withUnsafeMutableBufferPointer { out in
            doc.withTextBytes(n) { b in
                guard let s = b.baseAddress, !b.isEmpty else { return 0 }
                return HTMLDocument.collapse(s, count: b.count, into: out.baseAddress!)
            }
        }
        string = nil
        scalars = -1
        characters = -1
        bounds = (-1, -1)
    }

    var isEmpty: Bool { count == 0 }

    /// The text as a `String`: `doc.collapsedText(n)`.
    var text: String {
        mutating get {
            if let s = string { return s }
            let s = withBytes { String(decoding: $0, as: UTF8.self) }
            string = s
            return s
        }
    }

    /// `text.count <= k`, for `k < cap`: settled by the byte count or the scalar count when they
    /// are within `k` (a Character has at least one scalar of at least one byte), then by the
    /// bounds of ``UTF8Scan/characterBounds(_:)`` (a Bengali text's marks and letters), else by
    /// Characters.
    mutating func atMost(_ k: Int) -> Bool {
        if count <= k { return true }
        if scalars < 0 { scalars = withBytes(UTF8Scan.scalarCount) }
        if scalars <= k { return true }
        if characters < 0 {
            if let n = withBytes(UTF8Scan.scalarsAreCharacters) {
                characters = min(n, cap)
            } else {
                if bounds.lower < 0 { bounds = withBytes(UTF8Scan.characterBounds) }
                if bounds.lower > k { return false }
                if bounds.upper <= k { return true }
                characters = UTF8Scan.characterCount(of: text, cappedAt: cap)
            }
        }
        return characters <= k
    }

    /// Calls `body` with the collapsed bytes.
    @inline(__always)
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        storage.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[..<count])) }
    }
}
