/// A fixed list of byte strings (UTF-8 needles), each with a small `kind`, stored back to back in
/// one array and indexed by first byte: a scan looks only at the needles starting with the byte
/// in hand, and retains no array per needle (the class/id hints are matched on every element).
struct FirstByteTable: Sendable {
    /// One needle: its bytes are `store[offset..<(offset + length)]`.
    struct Entry: Sendable {
        var offset: Int32
        var length: Int32
        var kind: UInt8
    }

    /// The needles' bytes, back to back.
    let store: [UInt8]
    /// `first[b]..<first[b + 1]` indexes `entries` for needles starting with byte `b`.
    let first: [Int32]
    /// The needles, by first byte (in list order within one first byte).
    let entries: [Entry]

    /// A table of `needles` (empty needles are left out: they start with no byte).
    init(_ needles: [([UInt8], UInt8)]) {
        var buckets = [[([UInt8], UInt8)]](repeating: [], count: 256)
        for (n, kind) in needles where !n.isEmpty { buckets[Int(n[0])].append((n, kind)) }
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
        return withBuffers { store, first, entries in
            for i in 0..<count {
                let b = Int(h[i])
                var e = Int(first[b])
                let end = Int(first[b + 1])
                while e < end {
                    let entry = entries[e]
                    e += 1
                    let len = Int(entry.length)
                    guard len <= count - i else { continue }
                    let o = Int(entry.offset)
                    var k = 1
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
        let s = range.lowerBound
        return withBuffers { store, first, entries in
            let b = Int(h[s])
            var e = Int(first[b])
            let end = Int(first[b + 1])
            while e < end {
                let entry = entries[e]
                e += 1
                guard Int(entry.length) == len else { continue }
                let o = Int(entry.offset)
                var k = 1
                while k < len && h[s + k] == store[o + k] { k += 1 }
                if k == len { return true }
            }
            return false
        }
    }
}
