import Foundation

/// A fixed set of threads for CPU-bound extraction, so it never blocks Swift's cooperative pool.
final class ExtractionPool: @unchecked Sendable {
    private let condition = NSCondition()
    /// Queued jobs from `head` on; taken slots are `nil`, so a finished job's page is released at
    /// once (under a backlog the queue never empties, and kept slots held every page processed).
    private var jobs: [(@Sendable () -> Void)?] = []
    private var head = 0
    private var stopped = false
    private var threads: [Thread] = []

    /// Starts `threads` worker threads named `newsflow-extract-N`.
    init(threads count: Int) {
        for i in 0..<max(1, count) {
            let t = Thread { [unowned self] in self.loop() }
            t.name = "newsflow-extract-\(i)"
            t.stackSize = 16 << 20  // deep documents recurse in places
            threads.append(t)
            t.start()
        }
    }

    /// Queues `job`; it runs on one of the pool's threads.
    func submit(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Ends the threads once the jobs already running return. Queued jobs that have not started
    /// run first, unless `dropQueued` is set (after the drain deadline: their pages are not
    /// committed and are reprocessed by the next owner).
    func shutdown(dropQueued: Bool = false) {
        condition.lock()
        if dropQueued {
            jobs.removeAll()
            head = 0
        }
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    private func loop() {
        while true {
            condition.lock()
            while head == jobs.count && !stopped { condition.wait() }
            if head == jobs.count && stopped { condition.unlock(); return }
            let job = jobs[head]!
            jobs[head] = nil
            head += 1
            if head == jobs.count {
                jobs.removeAll(keepingCapacity: true); head = 0
            } else if head > 256 && head * 2 > jobs.count {
                jobs.removeFirst(head); head = 0
            }
            condition.unlock()
            job()
        }
    }
}
