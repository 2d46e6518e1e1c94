import Foundation
import Kafka
import Testing

/// Shared helpers for the Kafka tests.
enum TestSupport {
    /// A name unique to this run, so tests can share one broker.
    static func unique(_ prefix: String) -> String {
        "\(prefix)-\(UInt32.random(in: 0...UInt32.max))-\(ProcessInfo.processInfo.processIdentifier)"
    }

    /// The dev broker address from `NEWSFLOW_TEST_BROKERS`, if set.
    static var brokers: String? {
        let value = ProcessInfo.processInfo.environment["NEWSFLOW_TEST_BROKERS"] ?? ""
        return value.isEmpty ? nil : value
    }

    /// Whether a missing broker should fail instead of skipping (`NEWSFLOW_REQUIRE_BROKER=1`).
    static var brokerRequired: Bool {
        ProcessInfo.processInfo.environment["NEWSFLOW_REQUIRE_BROKER"] == "1"
    }

    /// Quiet logging for clients in tests (warnings and worse go to stderr).
    static let logHandler: KafkaLogHandler = { level, facility, message in
        if level <= 4 { FileHandle.standardError.write(Data("rdkafka[\(level)] \(facility): \(message)\n".utf8)) }
    }

    /// Runs `body`, cancelling it after `seconds`; returns nil on timeout.
    static func withTimeout<T: Sendable>(
        seconds: Double,
        _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T? {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try? await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    /// Reads events until `done` says so (given everything seen so far) or `seconds` pass.
    static func collect(
        _ consumer: KafkaConsumer,
        seconds: Double,
        storeOffsets: Bool = false,
        until done: @escaping @Sendable (Collected) -> Bool
    ) async throws -> Collected {
        let box = CollectedBox()
        _ = try await withTimeout(seconds: seconds) {
            for await event in consumer.events {
                box.add(event)
                if storeOffsets, case .message(let message) = event { try? consumer.storeOffset(message) }
                if done(box.snapshot) { return true }
            }
            return false
        }
        return box.snapshot
    }

    /// Sends `messages` in order through the callback API and waits for every delivery report.
    static func sendAll(_ producer: KafkaProducer, _ messages: [KafkaProducerMessage]) async throws -> [KafkaDeliveryReport] {
        let reports = ReportsBox()
        for (index, message) in messages.enumerated() {
            try producer.send(message) { result in reports.set(index, result) }
        }
        try producer.flush(timeoutMs: 30_000)
        return try reports.all(count: messages.count)
    }
}

/// Everything a test consumer saw.
struct Collected: Sendable {
    var messages: [KafkaConsumerMessage] = []
    var assigned: [[KafkaTopicPartition]] = []
    var revoked: [[KafkaTopicPartition]] = []
    var lost: [[KafkaTopicPartition]] = []
    var errors: [KafkaError] = []
    var order: [String] = []
}

final class CollectedBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value = Collected()

    func add(_ event: KafkaConsumerEvent) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case .message(let message):
            value.messages.append(message)
            value.order.append("message \(message.topic)[\(message.partition)]@\(message.offset)")
        case .assigned(let partitions):
            value.assigned.append(partitions)
            value.order.append("assigned \(partitions.count)")
        case .revoked(let partitions):
            value.revoked.append(partitions)
            value.order.append("revoked \(partitions.count)")
        case .lost(let partitions):
            value.lost.append(partitions)
            value.order.append("lost \(partitions.count)")
        case .error(let error):
            value.errors.append(error)
            value.order.append("error \(error)")
        }
    }

    var snapshot: Collected {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}

final class ReportsBox: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Int: Result<KafkaDeliveryReport, KafkaError>] = [:]

    func set(_ index: Int, _ result: Result<KafkaDeliveryReport, KafkaError>) {
        lock.lock()
        results[index] = result
        lock.unlock()
    }

    func all(count: Int) throws -> [KafkaDeliveryReport] {
        lock.lock()
        defer { lock.unlock() }
        return try (0..<count).map { index in
            guard let result = results[index] else {
                throw KafkaError(code: .timedOut, message: "no delivery report for message \(index)")
            }
            return try result.get()
        }
    }
}
