import Foundation

/// A value protected by a mutex (Foundation's `NSLock`, so it also builds where `Synchronization.Mutex`
/// needs a newer OS).
final class Locked<State>: @unchecked Sendable {
    private let lock = NSLock()
    private var state: State

    init(_ state: State) {
        self.state = state
    }

    func withLock<R, E: Error>(_ body: (inout State) throws(E) -> R) throws(E) -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state)
    }
}

/// A one-shot gate: threads wait until it is opened.
final class Latch: @unchecked Sendable {
    private let condition = NSCondition()
    private var isOpen = false

    func open() {
        condition.lock()
        isOpen = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until open; returns `false` if `timeoutMs` passed first (nil waits forever).
    @discardableResult
    func wait(timeoutMs: Int? = nil) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let deadline = timeoutMs.map { Date().addingTimeInterval(Double($0) / 1000) }
        while !isOpen {
            if let deadline {
                if !condition.wait(until: deadline) { return isOpen }
            } else {
                condition.wait()
            }
        }
        return true
    }
}
