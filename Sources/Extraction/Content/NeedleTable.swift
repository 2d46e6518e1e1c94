/// A fixed list of byte strings (UTF-8 needles of at least two bytes), each with a small `kind`,
/// stored back to back in one array and indexed by a hash of their first two bytes: a scan looks
/// only at the needles (usually none, seldom more than one) starting like the text in hand, and
/// retains no array per needle (the class/id hints are matched on every element).
struct NeedleTable: Sendable {
    /// One needle: its bytes are `store[offset..<(offset + length)]`.
    struct Entry: Sendable {
        var offset: Int32
        var length: Int32
        var kind: UInt8
    }

    /// The needles' bytes, back to back.
    let store: [UInt8]
    /// `first[h]..<first[h + 1]` indexes `entries` for needles whose first two bytes hash to `h`.
    let first: [Int32]
    /// The needles, by hash (in list order within one hash).
    let entries: [Entry]

    static let hashBits: UInt32 = 11

    /// The bucket of a needle or a text position starting with bytes `a`, `b`.
    @inline(__always)
    static func hash(_ a: UInt8, _ b: UInt8) -> Int {
        Int(((UInt32(a) << 8 | UInt32(b)) &* 0x9E37_79B1) >> (32 - hashBits))
    }

    /// A table of `needles` (each at least two bytes long).
    init(_ needles: [([UInt8], UInt8)]) {
        precondition(needles.allSatisfy { $0.0.count >= 2 }, "needles of at least two bytes")
        var buckets = [[([UInt8], UInt8)]](repeating: [], count: 1 << Int(Self.hashBits))
        for (n, kind) in needles { buckets[Self.hash(n[0], n[1])].append((n, kind)) }
        var store: [UInt8] = [], first: [Int32] = [0], entries: [Entry] = []
        for bucket in buckets {
            for (n, kind) in bucket {
                entries.append(Entry(offset: Int32(store.count), length: Int32(n.count), kind: kind))
                store.append(contentsOf: n)
            }
            first.append(Int32(entries.count))
        }
        self.store = store
        self.first = first
        self.entries = entries
    }

    /// Calls `body` with the table's arrays in place.
    @inline(__always)
    func withBuffers<R>(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Entry>) -> R) -> R {
        store.withUnsafeBufferPointer { s in first.withUnsafeBufferPointer { f in entries.withUnsafeBufferPointer { e in body(s, f, e) } } }
    }

    /// Whether some needle occurs in `h` (as ``ByteSearch/contains(_:_:)`` for each needle in turn).
    func containsAny(_ h: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = h.count
        guard count >= 2 else { return false }
        return withBuffers { store, first, entries in
            for i in 0..<(count - 1) {
                let b = Self.hash(h[i], h[i + 1])
                var e = Int(first[b])
                let end = Int(first[b + 1])
                while e < end {
                    let entry = entries[e]
                    e += 1
                    let len = Int(entry.length)
                    guard len <= count - i else { continue }
                    let o = Int(entry.offset)
                    var k = 0
                    while k < len && h[i + k] == store[o + k] { k += 1 }
                    if k == len { return true }
                }
            }
            return false
        }
    }

    /// Whether `h[range]` (not empty) is one of the needles, whole.
    func containsToken(_ h: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let len = range.count
        guard len >= 2 else { return false }
        let s = range.lowerBound
        return withBuffers { store, first, entries in
            let b = Self.hash(h[s], h[s + 1])
            var e = Int(first[b])
            let end = Int(first[b + 1])
            while e < end {
                let entry = entries[e]
                e += 1
                guard Int(entry.length) == len else { continue }
                let o = Int(entry.offset)
                var k = 0
                while k < len && h[s + k] == store[o + k] { k += 1 }
                if k == len { return true }
            }
            return false
        }
    }
}
