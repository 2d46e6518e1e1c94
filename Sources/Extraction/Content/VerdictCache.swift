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
    private var hashes = [UInt64](repeating: 0, count: slotCount)
    private var verdicts = [BoilerplateHints.Verdict](repeating: .none, count: slotCount)

    /// The verdict of the lower-case class and id list `h`.
    mutating func verdict(_ h: UnsafeBufferPointer<UInt8>) -> BoilerplateHints.Verdict {
        let n = h.count
        guard n > 0, let p = h.baseAddress else { return .none }
        let x = Self.hash(p, n)
        let slot = Int(x >> 56)  // (``slotCount`` is 256)
        let s = Int(start[slot])
        if s >= 0, hashes[slot] == x, Int(length[slot]) == n {
            let same = store.withUnsafeBufferPointer { Self.sameBytes($0.baseAddress! + s, p, n) }
            if same { return verdicts[slot] }
        }
        let v = BoilerplateHints.verdict(h)
        start[slot] = Int32(store.count)
        length[slot] = Int32(n)
        hashes[slot] = x
        verdicts[slot] = v
        store.append(contentsOf: h)
        return v
    }

    /// A hash of the length and the first and last eight bytes of the `n` bytes at `p` (names
    /// differing only in between share a slot and are told apart by ``sameBytes(_:_:_:)``).
    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        var a: UInt64 = 0, b: UInt64 = 0
        if n >= 8 {
            a = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)
            b = UnsafeRawPointer(p + n - 8).loadUnaligned(as: UInt64.self)
        } else {
            for k in 0..<n { a = a << 8 | UInt64(p[k]) }
        }
        let x = (a &* 0x9E37_79B9_7F4A_7C15) ^ (b &* 0xC2B2_AE3D_27D4_EB4F) ^ (UInt64(n) &* 0x1656_67B1_9E37_79F9)
        return x ^ (x >> 29) &* 0xBF58_476D_1CE4_E5B9
    }

    /// Whether the `n` bytes at `a` and at `b` are the same (compared eight at a time).
    @inline(__always)
    static func sameBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var k = 0
        while k + 8 <= n {
            if UnsafeRawPointer(a + k).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + k).loadUnaligned(as: UInt64.self) { return false }
            k += 8
        }
        while k < n {
            if a[k] != b[k] { return false }
            k += 1
        }
        return true
    }
}

/// The ``VerdictCache`` of one page, held where the passes over the page can reach it: a pass
/// takes the cache out (``take()``), uses it as a local value, and puts it back in ``cache``.
final class SharedVerdictCache {
    /// The cache (made when first taken), `nil` while a pass holds it.
    var cache: VerdictCache?

    /// The cache, a new one the first time; none is left here until it is put back.
    func take() -> VerdictCache {
        var out: VerdictCache?
        swap(&out, &cache)
        return out ?? VerdictCache()
    }
}
