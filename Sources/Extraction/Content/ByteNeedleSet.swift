/// A fixed set of byte strings (UTF-8 needles) and one pass over a text that tells whether any of
/// them occurs in it: the same answer as ``ByteSearch/contains(_:_:)`` for each needle in turn,
/// without scanning the text once per needle.
///
/// Needles are bucketed by a hash of their first three bytes (a whole character in Bengali or
/// Devanagari, where a first-byte table would put every needle of the script in one bucket);
/// needles shorter than three bytes are searched one by one.
struct ByteNeedleSet: Sendable {
    private let needles: [[UInt8]]
    /// `bucketStart[h]..<bucketStart[h + 1]` indexes `entries` for hash `h`.
    private let bucketStart: [Int32]
    private let entries: [Int32]
    private let short: [[UInt8]]
    /// Whether some needle starts with a UTF-8 continuation byte (then no position may be skipped).
    private let startsMidCharacter: Bool

    private static let hashBits: UInt32 = 12

    init(_ list: [[UInt8]]) {
        needles = list
        var buckets = [[Int32]](repeating: [], count: 1 << Int(Self.hashBits))
        var short: [[UInt8]] = []
        var mid = false
        for (k, n) in list.enumerated() {
            if n.count < 3 { short.append(n); continue }
            if n[0] & 0xC0 == 0x80 { mid = true }
            buckets[Int(Self.hash(n[0], n[1], n[2]))].append(Int32(k))
        }
        var start: [Int32] = [0]
        var entries: [Int32] = []
        for b in buckets {
            entries.append(contentsOf: b)
            start.append(Int32(entries.count))
        }
        bucketStart = start
        self.entries = entries
        self.short = short
        startsMidCharacter = mid
    }

    @inline(__always)
    private static func hash(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt32 {
        let k = UInt32(a) << 16 | UInt32(b) << 8 | UInt32(c)
        return (k &* 0x9E37_79B1) >> (32 - hashBits)
    }

    /// Whether any needle occurs in `hay`.
    func containsAny(in hay: [UInt8]) -> Bool {
        for n in short where ByteSearch.contains(hay, n) { return true }
        let count = hay.count
        guard count >= 3 else { return false }
        let skipMid = !startsMidCharacter
        return hay.withUnsafeBufferPointer { h in
            needles.withUnsafeBufferPointer { needles in
                bucketStart.withUnsafeBufferPointer { starts in
                    entries.withUnsafeBufferPointer { entries in
                        var i = 0
                        let last = count - 3
                        while i <= last {
                            let a = h[i]
                            if skipMid && a & 0xC0 == 0x80 { i += 1; continue }
                            let b = Int(Self.hash(a, h[i + 1], h[i + 2]))
                            var e = Int(starts[b])
                            let end = Int(starts[b + 1])
                            while e < end {
                                let n = needles[Int(entries[e])]
                                let len = n.count
                                if len <= count - i {
                                    var k = 0
                                    while k < len && h[i + k] == n[k] { k += 1 }
                                    if k == len { return true }
                                }
                                e += 1
                            }
                            i += 1
                        }
                        return false
                    }
                }
            }
        }
    }
}
