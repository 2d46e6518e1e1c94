import Foundation

/// Per-partition commit order for at-least-once delivery.
///
/// Pages of a partition start in offset order but finish in any order (extraction runs in
/// parallel). An offset may be committed only when it and every earlier offset of its partition are
/// done; ``finish(_:offset:generation:)`` returns the next offset to commit when that position moves.
/// Each assignment of a partition has a generation, so work finishing after its partition was
/// revoked or lost is ignored instead of being committed.
final class OffsetTracker: @unchecked Sendable {
    struct Key: Hashable, Sendable {
        var topic: String
        var partition: Int32
    }

    private struct PartitionState {
        var generation: UInt64
        /// In-flight offsets in start order, with done flags; `head` is the first live index.
        var offsets: [Int64] = []
        var done: [Bool] = []
        var head = 0
        var inFlight: Int { offsets.count - head }
    }

    private let lock = NSCondition()
    private var partitions: [Key: PartitionState] = [:]
    private var nextGeneration: UInt64 = 1

    // MARK: Lifecycle of offsets

    /// Records that `offset` started; returns the generation to pass to ``finish``.
    func begin(_ key: Key, offset: Int64) -> UInt64 {
        lock.lock(); defer { lock.unlock() }
        var state = partitions[key] ?? newState()
        state.offsets.append(offset)
        state.done.append(false)
        partitions[key] = state
        return state.generation
    }

    /// Marks `offset` done. When the commit position moved, calls `store` with the next offset to
    /// commit before returning it; returns nil otherwise (earlier work still running, or the partition
    /// was reassigned meanwhile).
    ///
    /// `store` runs under the tracker's lock, so (1) stores of one partition happen in offset order and
    /// (2) ``waitUntilIdle(_:deadline:)`` cannot return between the last page finishing and its offset
    /// being stored: a revocation that commits right after waiting includes that offset. (Before this,
    /// an eager rebalance could commit one offset short and the next owner repeated that page.)
    /// `store` must not call back into the tracker, nor take a lock that is held anywhere while
    /// calling into the tracker (lock order: tracker first).
    @discardableResult
    func finish(_ key: Key, offset: Int64, generation: UInt64, store: (Int64) -> Void = { _ in }) -> Int64? {
        lock.lock(); defer { lock.unlock() }
        guard var state = partitions[key], state.generation == generation else { return nil }
        // Binary search in the live range (offsets are increasing).
        var lo = state.head, hi = state.offsets.count - 1
        var found = -1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if state.offsets[mid] == offset { found = mid; break }
            if state.offsets[mid] < offset { lo = mid + 1 } else { hi = mid - 1 }
        }
        guard found >= 0 else { return nil }
        state.done[found] = true
        var committed: Int64?
        while state.head < state.offsets.count, state.done[state.head] {
            committed = state.offsets[state.head] + 1
            state.head += 1
        }
        if state.head == state.offsets.count {
            state.offsets.removeAll(keepingCapacity: true)
            state.done.removeAll(keepingCapacity: true)
            state.head = 0
        } else if state.head > 1024, state.head * 2 > state.offsets.count {
            state.offsets.removeFirst(state.head)
            state.done.removeFirst(state.head)
            state.head = 0
        }
        partitions[key] = state
        if let committed { store(committed) }
        if state.inFlight == 0 { lock.broadcast() }
        return committed
    }

    // MARK: Rebalances

    /// Pages of `key` not yet finished.
    func inFlight(_ key: Key) -> Int {
        lock.lock(); defer { lock.unlock() }
        return partitions[key]?.inFlight ?? 0
    }

    /// Pages of all partitions not yet finished.
    var totalInFlight: Int {
        lock.lock(); defer { lock.unlock() }
        return partitions.values.reduce(0) { $0 + $1.inFlight }
    }

    /// Blocks the calling thread until no page of `keys` is in flight, or until `deadline`.
    /// Returns true when they all finished.
    @discardableResult
    func waitUntilIdle(_ keys: [Key], deadline: Date) -> Bool {
        lock.lock(); defer { lock.unlock() }
        while keys.contains(where: { (partitions[$0]?.inFlight ?? 0) > 0 }) {
            if !lock.wait(until: deadline) { return false }
        }
        return true
    }

    /// Forgets the partitions (revoked or lost): work of theirs that finishes later is not committed.
    func drop(_ keys: [Key]) {
        lock.lock(); defer { lock.unlock() }
        for k in keys { partitions[k] = nil }
        lock.broadcast()
    }

    private func newState() -> PartitionState {
        defer { nextGeneration += 1 }
        return PartitionState(generation: nextGeneration)
    }
}
