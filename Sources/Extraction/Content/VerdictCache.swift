/// The ``BoilerplateHints/verdict(_:)-(UnsafeBufferPointer<UInt8>)`` of the class and id lists of
/// one page, remembered: pages repeat the same names over many elements (list items, cards, menu
/// entries), and a lookup here costs a hash and a compare of the name's bytes where the verdict
/// scans every needle bucket at every position.
///
/// Direct-mapped: a name's hash picks one of ``slotCount`` slots, a later name of the same slot
/// replaces it. The answer is always the verdict's own (a slot answers only for equal bytes).
struct VerdictCache {
    static let slotCount = 256

    /// The names' bytes, back to back (a replaced name's bytes stay; a page's names are few).
    private var store: [UInt8] = []
    /// Per slot: the name's start in ``store`` (-1 for an empty slot), its length, its hash and its verdict.
    private var start = [Int32](repeating: -1, count: slotCount)
    private var length = [Int32](repeating: 0, count: slotCount)
    private var hashes = [UInt32](repeating: 0, count: slotCount)
    private var verdicts = [BoilerplateHints.Verdict](repeating: .none, count: slotCount)

    /// The verdict of the lower-case class and id list `h`.
    mutating func verdict(_ h: UnsafeBufferPointer<UInt8>) -> BoilerplateHints.Verdict {
        if h.isEmpty { return .none }
        // FNV-1a over the bytes.
        var x: UInt32 = 0x811C_9DC5
        for c in h { x = (x ^ UInt32(c)) &* 0x0100_0193 }
        let slot = Int((x ^ (x >> 16)) & UInt32(Self.slotCount - 1))
        let s = Int(start[slot])
        if s >= 0, hashes[slot] == x, Int(length[slot]) == h.count {
            let same = store.withUnsafeBufferPointer { store in
                sameBytes(UnsafeBufferPointer(rebasing: store[s..<(s + h.count)]), h)
            }
            if same { return verdicts[slot] }
        }
        let v = BoilerplateHints.verdict(h)
        start[slot] = Int32(store.count)
        length[slot] = Int32(h.count)
        hashes[slot] = x
        verdicts[slot] = v
        store.append(contentsOf: h)
        return v
    }

    /// Whether `a` and `b` hold the same bytes (of the same count).
    @inline(__always)
    private func sameBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for k in 0..<a.count where a[k] != b[k] { return false }
        return true
    }
}
