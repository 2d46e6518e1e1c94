import Foundation
import Kafka

/// The partitions this worker currently owns, kept in step with rebalances, plus a gate that
/// lets a revocation wait until no transaction is open (exactly-once mode).
///
/// Messages of partitions the worker no longer owns (still buffered when the partition was revoked)
/// are skipped: the new owner processes them from the committed offset.
final class PartitionOwnership: @unchecked Sendable {
    private let condition = NSCondition()
    private var owned: Set<KafkaTopicPartition> = []
    private var transactionOpen = false

    func assign(_ parts: [KafkaTopicPartition]) {
        condition.withLock { owned.formUnion(parts) }
    }

    /// Removes the partitions; waits (up to `deadline`) while a transaction is open, so that the
    /// transaction commits the partitions' progress before they go. Returns false on timeout.
    @discardableResult
    func revoke(_ parts: [KafkaTopicPartition], deadline: Date) -> Bool {
        condition.lock(); defer { condition.unlock() }
        var ok = true
        while transactionOpen {
            if !condition.wait(until: deadline) { ok = false; break }
        }
        owned.subtract(parts)
        return ok
    }

    /// Runs `start` only if the partition is owned, atomically with respect to ``revoke``: once a
    /// revocation has removed a partition, no new work of it can start.
    func admit<T>(_ tp: KafkaTopicPartition, _ start: () -> T) -> T? {
        condition.lock(); defer { condition.unlock() }
        return owned.contains(tp) ? start() : nil
    }

    func owns(_ tp: KafkaTopicPartition) -> Bool {
        condition.withLock { owned.contains(tp) }
    }

    var isEmpty: Bool { condition.withLock { owned.isEmpty } }

    /// Opens a transaction over `messages`, keeping only those of owned partitions.
    func openTransaction(_ messages: [KafkaConsumerMessage]) -> [KafkaConsumerMessage] {
        condition.lock(); defer { condition.unlock() }
        transactionOpen = true
        return messages.filter { owned.contains(KafkaTopicPartition(topic: $0.topic, partition: $0.partition)) }
    }

    func closeTransaction() {
        condition.lock()
        transactionOpen = false
        condition.broadcast()
        condition.unlock()
    }
}
