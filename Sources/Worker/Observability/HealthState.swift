import Foundation

/// Liveness and readiness of the worker, read by `/health/live` and `/health/ready`.
final class HealthState: @unchecked Sendable {
    private let lock = NSLock()
    private var _assigned = false
    private var _connected = false
    private var _failed: String?

    /// Ready: connected, holding at least one partition, and not failed.
    var isReady: Bool { lock.withLock { _assigned && _connected && _failed == nil } }
    /// Live: the process has not hit a fatal error.
    var isLive: Bool { lock.withLock { _failed == nil } }
    var failure: String? { lock.withLock { _failed } }

    func setAssigned(_ v: Bool) { lock.withLock { _assigned = v } }
    func setConnected(_ v: Bool) { lock.withLock { _connected = v } }
    func fail(_ reason: String) { lock.withLock { if _failed == nil { _failed = reason } } }
}
