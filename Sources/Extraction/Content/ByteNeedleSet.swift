/// A fixed set of byte strings (UTF-8 needles) and one pass over a text that tells whether any of
/// them occurs in it: the same answer as ``ByteSearch/contains(_:_:)`` for each needle in turn,
/// without scanning the text once per needle.
///
/// The scan is Wu–Manber's: a window as long as the shortest needle (``window`` bytes) slides over
/// the text, and the hash of its last three bytes (a whole character in Bengali or Devanagari)
/// tells how far it may slide without passing over a needle's start (``shift``); only where that is
/// 0 are the needles whose window ends with those bytes compared. Needles shorter than three bytes
/// are searched one by one.
struct ByteNeedleSet: Sendable {
    /// The long needles' bytes, back to back: needle `k` is `store[offsets[k]..<offsets[k + 1]]`.
    private let store: [UInt8]
    private let offsets: [Int32]
    /// `bucketStart[h]..<bucketStart[h + 1]` indexes `entries` (needle numbers) for the needles
    /// whose first ``window`` bytes end with three bytes of hash `h`.
    private let bucketStart: [Int32]
    private let entries: [Int32]
    /// How far the window may slide when its last three bytes hash to `h` (0: compare the bucket).
    private let shift: [UInt8]
    /// The window length: the shortest long needle's length (at most ``maxWindow``), 0 when there is none.
    private let window: Int
    private let short: [[UInt8]]

    private static let hashBits: UInt32 = 12
    private static let maxWindow = 200

    init(_ list: [[UInt8]]) {
        let long = list.filter { $0.count >= 3 }
        short = list.filter { $0.count < 3 }
        let m = min(long.map(\.count).min() ?? 0, Self.maxWindow)
        window = m
        let size = 1 << Int(Self.hashBits)
        var shift = [UInt8](repeating: UInt8(max(0, m - 2)), count: size)
        var buckets = [[Int32]](repeating: [], count: size)
        var store: [UInt8] = [], offsets: [Int32] = [0]
        for (k, n) in long.enumerated() {
            store.append(contentsOf: n)
            offsets.append(Int32(store.count))
            // A block of three bytes ending at `j` in the needle's window: the window may slide
            // `m - 1 - j` bytes before that block reaches its end.
            for j in 2..<m {
                let h = Int(Self.hash(n[j - 2], n[j - 1], n[j]))
                shift[h] = min(shift[h], UInt8(m - 1 - j))
            }
            buckets[Int(Self.hash(n[m - 3], n[m - 2], n[m - 1]))].append(Int32(k))
        }
        var start: [Int32] = [0]
        var entries: [Int32] = []
        for b in buckets {
            entries.append(contentsOf: b)
            start.append(Int32(entries.count))
        }
        self.store = store
        self.offsets = offsets
        self.shift = shift
        bucketStart = start
        self.entries = entries
    }

    @inline(__always)
    private static func hash(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt32 {
        let k = UInt32(a) << 16 | UInt32(b) << 8 | UInt32(c)
        return (k &* 0x9E37_79B1) >> (32 - hashBits)
    }

    /// Whether any needle occurs in `hay`.
    func containsAny(in hay: [UInt8]) -> Bool {
        hay.withUnsafeBufferPointer { containsAny(in: $0) }
    }

    /// Whether any needle occurs in `h`.
    func containsAny(in h: UnsafeBufferPointer<UInt8>) -> Bool {
        for n in short {
            if n.withUnsafeBufferPointer({ ByteSearch.contains(h, $0) }) { return true }
        }
        let count = h.count, m = window
        guard m >= 3, count >= m else { return false }
        return store.withUnsafeBufferPointer { store in
            offsets.withUnsafeBufferPointer { offsets in
                shift.withUnsafeBufferPointer { shift in
                    bucketStart.withUnsafeBufferPointer { starts in
                        entries.withUnsafeBufferPointer { entries in
                            var pos = m - 1
                            while pos < count {
                                let b = Int(Self.hash(h[pos - 2], h[pos - 1], h[pos]))
                                let s = Int(shift[b])
                                if s > 0 { pos += s; continue }
                                let at = pos - m + 1
                                var e = Int(starts[b])
                                let end = Int(starts[b + 1])
                                while e < end {
                                    let k = Int(entries[e])
                                    let o = Int(offsets[k]), len = Int(offsets[k + 1]) - o
                                    if len <= count - at {
                                        var i = 0
                                        while i < len && h[at + i] == store[o + i] { i += 1 }
                                        if i == len { return true }
                                    }
                                    e += 1
                                }
                                pos += 1
                            }
                            return false
                        }
                    }
                }
            }
        }
    }
}
