import Foundation

/// The first fatal error seen by any thread, and a way to wait for one.
final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var _reason: String?
    private var waiters: [UUID: CheckedContinuation<String?, Never>] = [:]

    var reason: String? { lock.withLock { _reason } }

    /// Records `reason` (the first one wins) and wakes every waiter.
    func set(_ r: String) {
        let ready: [CheckedContinuation<String?, Never>] = lock.withLock {
            guard _reason == nil else { return [] }
            _reason = r
            defer { waiters = [:] }
            return Array(waiters.values)
        }
        ready.forEach { $0.resume(returning: r) }
    }

    /// Returns the failure once there is one, or nil when the waiting task is cancelled.
    func wait() async -> String? {
        let id = UUID()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (c: CheckedContinuation<String?, Never>) in
                let now: String?? = lock.withLock {
                    if let r = _reason { return .some(r) }
                    if Task.isCancelled { return .some(nil) }
                    waiters[id] = c
                    return .none
                }
                if let value = now { c.resume(returning: value) }
            }
        } onCancel: {
            let c = lock.withLock { waiters.removeValue(forKey: id) }
            c?.resume(returning: nil)
        }
    }
}
