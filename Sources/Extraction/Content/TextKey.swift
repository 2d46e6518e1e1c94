/// A block's text as a set or dictionary key: hashed and compared by its UTF-8 bytes in NFC.
///
/// `String`'s own `Hashable` normalises every non-ASCII scalar while hashing (about a quarter of
/// the content stage on Bengali pages, re-done on every resize of the set). Two strings are equal
/// as `String`s exactly when their NFC forms are equal, so keying by the NFC bytes keeps the same
/// equality; the page text is NFC already (see ``PageDecoder``), so the normaliser runs only when
/// the cheap check of ``UnicodeNormalization/mayNeedNFC(_:)`` finds a scalar that NFC could change.
struct TextKey: Hashable {
    let bytes: [UInt8]

    init(_ text: String) {
        let raw = Array(text.utf8)
        bytes = UnicodeNormalization.nfc(raw)
    }

    /// Hashes the length and at most ``hashedEdge`` bytes at each end: equal keys hash alike, and
    /// a long paragraph is not hashed whole (keys differing only in their middle are told apart by
    /// `==`).
    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { b in
            hasher.combine(b.count)
            if b.count <= 2 * Self.hashedEdge {
                hasher.combine(bytes: b)
            } else {
                hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: b[..<Self.hashedEdge]))
                hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: b[(b.count - Self.hashedEdge)...]))
            }
        }
    }

    /// The bytes hashed at each end of a long key.
    static let hashedEdge = 32

    static func == (a: TextKey, b: TextKey) -> Bool { a.bytes == b.bytes }
}
