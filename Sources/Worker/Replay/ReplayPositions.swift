import Foundation

/// Per-partition progress of a running replay: the next offset whose predecessors are all published
/// (safe to commit), whether reading reached the end, and what was last committed.
final class ReplayPositions: @unchecked Sendable {
    private struct Entry {
        var range: ReplayPlan.Range
        var done: Int64
        var readDone = false
        var committed: Int64
    }

    private let lock = NSLock()
    private var entries: [Int32: Entry] = [:]

    init(_ ranges: [ReplayPlan.Range]) {
        for r in ranges {
            let at = max(r.resumeAt, r.start)
            entries[r.partition] = Entry(range: r, done: at, readDone: at >= r.end, committed: at)
        }
    }

    /// Every record up to `next` (exclusive) of `partition` was published.
    func advance(_ partition: Int32, to next: Int64) {
        lock.withLock {
            guard var e = entries[partition], next > e.done else { return }
            e.done = min(next, e.range.end)
            entries[partition] = e
        }
    }

    /// Reading `partition` reached its end (the last record of the range was handed out, or the partition ended).
    func markReadDone(_ partition: Int32) { lock.withLock { entries[partition]?.readDone = true } }

    func isReadDone(_ partition: Int32) -> Bool { lock.withLock { entries[partition]?.readDone ?? true } }

    var allReadDone: Bool { lock.withLock { entries.values.allSatisfy(\.readDone) } }

    /// The positions to commit now (changed since the last commit): `done`, or the range's end once reading is
    /// done and nothing of the partition is in flight (`idle`). Call ``committed(_:)`` after committing.
    func pending(idle: (Int32) -> Bool) -> [Int32: Int64] {
        lock.withLock {
            var out: [Int32: Int64] = [:]
            for (p, e) in entries {
                let position = e.readDone && idle(p) ? e.range.end : e.done
                if position > e.committed { out[p] = position }
            }
            return out
        }
    }

    func committed(_ positions: [Int32: Int64]) {
        lock.withLock {
            for (p, o) in positions {
                guard var e = entries[p] else { continue }
                e.committed = max(e.committed, o)
                entries[p] = e
            }
        }
    }

    /// Offsets covered in this run per partition (for progress).
    func covered(idle: (Int32) -> Bool) -> [Int32: Int64] {
        lock.withLock {
            entries.mapValues { e in
                let position = e.readDone && idle(e.range.partition) ? e.range.end : e.done
                return position - max(e.range.resumeAt, e.range.start)
            }
        }
    }

    /// True when every partition's committed position reached its end.
    var allCommitted: Bool { lock.withLock { entries.values.allSatisfy { $0.committed >= $0.range.end } } }
}
