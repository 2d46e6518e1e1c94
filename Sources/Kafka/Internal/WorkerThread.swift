import Foundation

/// A dedicated OS thread (poll loops must never block Swift's cooperative pool).
final class WorkerThread: @unchecked Sendable {
    private let finished = Latch()
    private let threadID = Locked<pthread_t?>(nil)

    init(name: String, body: @escaping @Sendable () -> Void) {
        let finished = self.finished
        let threadID = self.threadID
        let thread = Thread {
            threadID.withLock { $0 = pthread_self() }
            body()
            finished.open()
        }
        thread.name = name
        thread.start()
    }

    /// Whether the caller runs on this thread (joining it from itself would deadlock).
    var isCurrent: Bool {
        guard let id = threadID.withLock({ $0 }) else { return false }
        return pthread_equal(id, pthread_self()) != 0
    }

    /// Waits for the thread body to return; `false` on timeout.
    @discardableResult
    func join(timeoutMs: Int? = nil) -> Bool {
        finished.wait(timeoutMs: timeoutMs)
    }
}
