import Foundation
import Testing

@testable import Worker

@Suite("OffsetTracker: per-partition commit order")
struct OffsetTrackerTests {
    let p0 = OffsetTracker.Key(topic: "t", partition: 0)
    let p1 = OffsetTracker.Key(topic: "t", partition: 1)

    @Test("the commit position moves only over a contiguous run of finished offsets")
    func contiguous() {
        let t = OffsetTracker()
        let g = [10, 11, 12, 15].map { t.begin(p0, offset: Int64($0)) }
        #expect(t.finish(p0, offset: 11, generation: g[1]) == nil)
        #expect(t.finish(p0, offset: 12, generation: g[2]) == nil)
        #expect(t.finish(p0, offset: 10, generation: g[0]) == 13)
        #expect(t.inFlight(p0) == 1)
        #expect(t.finish(p0, offset: 15, generation: g[3]) == 16)
        #expect(t.inFlight(p0) == 0)
    }

    @Test("partitions are independent")
    func independentPartitions() {
        let t = OffsetTracker()
        let a = t.begin(p0, offset: 0)
        let b = t.begin(p1, offset: 0)
        #expect(t.finish(p1, offset: 0, generation: b) == 1)
        #expect(t.inFlight(p0) == 1)
        #expect(t.finish(p0, offset: 0, generation: a) == 1)
        #expect(t.totalInFlight == 0)
    }

    @Test("work finishing after its partition was dropped is not committed")
    func staleGenerationIgnored() {
        let t = OffsetTracker()
        let g = t.begin(p0, offset: 5)
        t.drop([p0])
        let g2 = t.begin(p0, offset: 5)
        #expect(g2 != g)
        #expect(t.finish(p0, offset: 5, generation: g) == nil)
        #expect(t.finish(p0, offset: 5, generation: g2) == 6)
    }

    @Test("waitUntilIdle returns when the partition's pages finish, and times out otherwise")
    func waitUntilIdle() async {
        let t = OffsetTracker()
        let g = t.begin(p0, offset: 1)
        #expect(t.waitUntilIdle([p0], deadline: Date().addingTimeInterval(0.05)) == false)
        let p0 = self.p0
        Thread.detachNewThread { Thread.sleep(forTimeInterval: 0.05); _ = t.finish(p0, offset: 1, generation: g) }
        #expect(t.waitUntilIdle([p0], deadline: Date().addingTimeInterval(10)) == true)
    }

    @Test("waitUntilIdle does not return before the finishing page's offset is stored (a revocation commits it)")
    func idleOnlyAfterStore() {
        let t = OffsetTracker()
        let g = t.begin(p0, offset: 7)
        let stored = StoredBox()
        let p0 = self.p0
        Thread.detachNewThread {
            t.finish(p0, offset: 7, generation: g) { next in
                // A slow store widens the window a waiter could slip through.
                Thread.sleep(forTimeInterval: 0.2)
                stored.set(next)
            }
        }
        Thread.sleep(forTimeInterval: 0.05)
        #expect(t.waitUntilIdle([p0], deadline: Date().addingTimeInterval(10)) == true)
        #expect(stored.value == 8)
    }

    @Test("a long run of offsets finished in random order commits exactly once at the end")
    func randomOrder() {
        let t = OffsetTracker()
        let n = 5000
        var gens: [Int64: UInt64] = [:]
        for o in 0..<n { gens[Int64(o)] = t.begin(p0, offset: Int64(o)) }
        var last: Int64 = 0
        for o in (0..<n).shuffled() {
            if let c = t.finish(p0, offset: Int64(o), generation: gens[Int64(o)]!) {
                #expect(c > last)
                last = c
            }
        }
        #expect(last == Int64(n))
    }
}

/// A thread-safe slot for the offset a store closure received.
private final class StoredBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Int64?
    func set(_ v: Int64) { lock.withLock { stored = v } }
    var value: Int64? { lock.withLock { stored } }
}
