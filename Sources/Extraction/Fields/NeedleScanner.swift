/// A fixed set of needles (at most 64, each of at least three bytes, without ASCII upper-case
/// letters) searched for in UTF-8 bytes with ASCII letters lowered, in one pass and without a copy:
/// `UTF8Scan.containsAny(UTF8Scan.asciiLowered(bytes), needles)` as ``ClueHints`` finds its
/// fragments. At each byte the pair it starts (low five bits of each byte, the same for a letter in
/// either case) is looked up in a bitmap of the needles' first pairs, then the third byte's low
/// five bits in a bitmap per pair; only the needles that start with such a pair are compared there.
final class NeedleScanner: Sendable {
    // The tables (read by ``ClueHints/scan(_:_:into:)`` too). A pair's key is the low five bits of
    // each of its bytes, the same for a letter in either case.

    /// Per first key half, the second halves that start needles (a bit each).
    let firstPairs: [UInt32]
    /// Per pair key, the low five bits of the third bytes of the needles that start with it.
    let thirds: [UInt32]
    /// Per pair key, the needles that start with it (a bit each).
    let starts: [UInt64]
    /// Per pair key, the needles whose second pair (bytes 1 and 2) has it, and the low five bits
    /// of their first bytes.
    let seconds: [UInt64]
    let firsts: [UInt32]
    /// Per first key half, the second halves that start a needle's first or second pair.
    let anyPairs: [UInt32]
    /// The needles' bytes one after the other, with where each starts (and the end).
    let flat: [UInt8]
    let offsets: [Int]

    init(_ needles: [[UInt8]]) {
        precondition(needles.count <= 64 && needles.allSatisfy { $0.count >= 3 && $0.allSatisfy { $0 &- 0x41 >= 26 } })
        var starts = [UInt64](repeating: 0, count: 1024)
        var thirds = [UInt32](repeating: 0, count: 1024)
        for (j, n) in needles.enumerated() {
            let key = Int(n[0] & 0x1F) << 5 | Int(n[1] & 0x1F)
            starts[key] |= 1 << UInt64(j)
            thirds[key] |= 1 << UInt32(n[2] & 0x1F)
        }
        var firstPairs = [UInt32](repeating: 0, count: 32)
        for (k, m) in starts.enumerated() where m != 0 { firstPairs[k >> 5] |= 1 << UInt32(k & 31) }
        self.firstPairs = firstPairs
        self.thirds = thirds
        self.starts = starts
        var seconds = [UInt64](repeating: 0, count: 1024)
        var firsts = [UInt32](repeating: 0, count: 1024)
        for (j, n) in needles.enumerated() {
            let key = Int(n[1] & 0x1F) << 5 | Int(n[2] & 0x1F)
            seconds[key] |= 1 << UInt64(j)
            firsts[key] |= 1 << UInt32(n[0] & 0x1F)
        }
        var anyPairs = firstPairs
        for (k, m) in seconds.enumerated() where m != 0 { anyPairs[k >> 5] |= 1 << UInt32(k & 31) }
        self.seconds = seconds
        self.firsts = firsts
        self.anyPairs = anyPairs
        flat = needles.flatMap { $0 }
        offsets = needles.reduce(into: [0]) { $0.append($0.last! + $1.count) }
    }

    /// True when `b`, ASCII letters lowered, contains any of the needles. The pairs at every other
    /// byte are looked up (as ``ClueHints/scan(_:_:into:)`` does): a needle that starts at an even
    /// offset has its first pair there, one at an odd offset its second pair at the byte after.
    func containsAny(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let end = b.count
        guard end >= 3 else { return false }
        return anyPairs.withUnsafeBufferPointer { anyPairs in
            thirds.withUnsafeBufferPointer { thirds in
                firsts.withUnsafeBufferPointer { firsts in
                    var q = 0
                    while q + 1 < end {
                        let a = b[q] & 0x1F, c = b[q + 1] & 0x1F
                        if anyPairs[Int(a)] & (1 << UInt32(c)) != 0 {
                            let key = Int(a) << 5 | Int(c)
                            if q + 2 < end, thirds[key] & (1 << UInt32(b[q + 2] & 0x1F)) != 0, startsAny(b, at: q, candidates: starts[key]) {
                                return true
                            }
                            if q > 0, firsts[key] & (1 << UInt32(b[q - 1] & 0x1F)) != 0, startsAny(b, at: q - 1, candidates: seconds[key]) {
                                return true
                            }
                        }
                        q += 2
                    }
                    return false
                }
            }
        }
    }

    /// ``containsAny(_:)`` one byte at a time (the former loop), kept as the reference of the stride.
    func containsAnyEveryByte(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let end = b.count
        // (Every needle has at least three bytes: a pair in the last two bytes starts none.)
        guard end >= 3 else { return false }
        return firstPairs.withUnsafeBufferPointer { firstPairs in
            thirds.withUnsafeBufferPointer { thirds in
                var prev = b[0] & 0x1F
                var k = 0
                while k + 2 < end {
                    let c = b[k + 1] & 0x1F
                    if firstPairs[Int(prev)] & (1 << UInt32(c)) != 0 {
                        let key = Int(prev) << 5 | Int(c)
                        if thirds[key] & (1 << UInt32(b[k + 2] & 0x1F)) != 0, startsAny(b, at: k, candidates: starts[key]) { return true }
                    }
                    prev = c
                    k += 1
                }
                return false
            }
        }
    }

    /// True when `b` from `k`, ASCII letters lowered, starts with one of the `candidates`.
    private func startsAny(_ b: UnsafeBufferPointer<UInt8>, at k: Int, candidates: UInt64) -> Bool {
        var m = candidates
        while m != 0 {
            let j = m.trailingZeroBitCount
            m &= m - 1
            let s = offsets[j], len = offsets[j + 1] - s
            guard k + len <= b.count else { continue }
            var q = 0
            while q < len, HTMLDocument.lowered(b[k + q]) == flat[s + q] { q += 1 }
            if q == len { return true }
        }
        return false
    }
}
