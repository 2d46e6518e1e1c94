import Foundation

/// Bounds the pages in flight by count and bytes, so memory stays bounded however large the
/// backlog. `acquire` suspends (without blocking a thread) until there is room; a single page larger
/// than the byte budget is admitted alone.
final class InFlightLimiter: @unchecked Sendable {
    private let maxCount: Int
    private let maxBytes: Int
    private let lock = NSLock()
    private var count = 0
    private var bytes = 0
    private var waiters: [(bytes: Int, continuation: CheckedContinuation<Void, Never>)] = []
    private var idleWaiters: [CheckedContinuation<Void, Never>] = []

    init(maxCount: Int, maxBytes: Int) {
        self.maxCount = max(1, maxCount)
        self.maxBytes = max(1, maxBytes)
    }

    /// Current number of pages in flight.
    var current: (count: Int, bytes: Int) {
        lock.lock(); defer { lock.unlock() }
        return (count, bytes)
    }

    func acquire(bytes n: Int) async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            lock.lock()
            if waiters.isEmpty, fits(n) {
                count += 1; bytes += n
                lock.unlock()
                c.resume()
            } else {
                waiters.append((n, c))
                lock.unlock()
            }
        }
    }

    func release(bytes n: Int) {
        lock.lock()
        count -= 1; bytes -= n
        var ready: [CheckedContinuation<Void, Never>] = []
        while let first = waiters.first, fits(first.bytes) {
            waiters.removeFirst()
            count += 1; bytes += first.bytes
            ready.append(first.continuation)
        }
        var idle: [CheckedContinuation<Void, Never>] = []
        if count == 0 { idle = idleWaiters; idleWaiters = [] }
        lock.unlock()
        ready.forEach { $0.resume() }
        idle.forEach { $0.resume() }
    }

    /// Returns when nothing is in flight.
    func waitUntilIdle() async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            lock.lock()
            if count == 0 { lock.unlock(); c.resume() } else { idleWaiters.append(c); lock.unlock() }
        }
    }

    private func fits(_ n: Int) -> Bool {
        count == 0 || (count + 1 <= maxCount && bytes + n <= maxBytes)
    }
}
