import CRdKafka
import Foundation

/// Owns one `rd_kafka_t` and guards its destruction: calls run under a shared (read) lock and
/// `destroy` takes the exclusive lock, so no call can race with `rd_kafka_destroy`.
final class RdKafkaHandle: @unchecked Sendable {
    let rk: OpaquePointer
    private let what: String
    private let rwlock: UnsafeMutablePointer<pthread_rwlock_t>
    private var destroyed = false  // guarded by rwlock

    init(rk: OpaquePointer, what: String) {
        self.rk = rk
        self.what = what
        self.rwlock = .allocate(capacity: 1)
        pthread_rwlock_init(rwlock, nil)
    }

    deinit {
        pthread_rwlock_destroy(rwlock)
        rwlock.deallocate()
    }

    /// Runs `body` with the live handle, or throws ``KafkaError/Code/closed`` once destroyed.
    func withHandle<R>(_ body: (OpaquePointer) throws(KafkaError) -> R) throws(KafkaError) -> R {
        pthread_rwlock_rdlock(rwlock)
        defer { pthread_rwlock_unlock(rwlock) }
        guard !destroyed else { throw KafkaError.closed(what) }
        return try body(rk)
    }

    /// Runs `body` with the live handle; returns nil once destroyed.
    func ifAlive<R>(_ body: (OpaquePointer) -> R) -> R? {
        pthread_rwlock_rdlock(rwlock)
        defer { pthread_rwlock_unlock(rwlock) }
        guard !destroyed else { return nil }
        return body(rk)
    }

    var isDestroyed: Bool {
        pthread_rwlock_rdlock(rwlock)
        defer { pthread_rwlock_unlock(rwlock) }
        return destroyed
    }

    /// Destroys the handle once (`rd_kafka_destroy`); later calls do nothing.
    func destroy() {
        pthread_rwlock_wrlock(rwlock)
        defer { pthread_rwlock_unlock(rwlock) }
        guard !destroyed else { return }
        destroyed = true
        rd_kafka_destroy(rk)
    }

    /// Marks the handle unusable without calling `rd_kafka_destroy` (deliberate leak, see the consumer's
    /// cooperative-sticky guard).
    func abandon() {
        pthread_rwlock_wrlock(rwlock)
        defer { pthread_rwlock_unlock(rwlock) }
        destroyed = true
    }
}
