import Foundation
import Kafka

/// Follows a consumer's events in a background task and keeps the set of partitions it currently owns.
final class Ownership: @unchecked Sendable {
    private let lock = NSLock()
    private var owned: Set<KafkaTopicPartition> = []
    private var revocations = 0
    private var task: Task<Void, Never>?

    init(_ consumer: KafkaConsumer) {
        task = Task { [self] in
            for await event in consumer.events {
                apply(event)
            }
        }
    }

    private func apply(_ event: KafkaConsumerEvent) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case .assigned(let partitions): owned.formUnion(partitions)
        case .revoked(let partitions), .lost(let partitions):
            owned.subtract(partitions)
            revocations += 1
        case .message, .error: break
        }
    }

    var partitions: Set<KafkaTopicPartition> {
        lock.lock()
        defer { lock.unlock() }
        return owned
    }

    var revocationCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return revocations
    }

    /// Polls `condition` every 100 ms until it holds or `seconds` pass.
    static func wait(seconds: Double, _ condition: () -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            try? await Task.sleep(nanoseconds: 100_000_000)
        }
        return condition()
    }

    func stop() {
        task?.cancel()
    }
}
