import Foundation
import Kafka
import Schemas
import Testing

/// Publishing, progress polling and output accounting shared by the delivery tests.
enum Delivery {
    struct Position: Hashable, CustomStringConvertible {
        var partition: Int32
        var offset: Int64
        var description: String { "\(partition)/\(offset)" }
    }

    /// Publishes `pages` round-robin over `partitions` partitions with the callback API, waiting
    /// for every delivery report; returns each page's position.
    static func publish(bootstrap: String, topic: String, partitions: Int, pages: [PageFactory.Page]) async throws -> [Position] {
        let admin = try KafkaAdmin(bootstrapServers: bootstrap)
        defer { admin.close() }
        try admin.createTopics([KafkaNewTopic(name: topic, partitions: partitions)])
        var config = KafkaProducerConfiguration(bootstrapServers: bootstrap)
        config.lingerMs = 20
        let producer = try KafkaProducer(configuration: config)
        defer { producer.close() }
        let results = PositionSlots(count: pages.count)
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, Error>) in
            results.onComplete = { error in if let error { done.resume(throwing: error) } else { done.resume() } }
            for (i, page) in pages.enumerated() {
                do {
                    try producer.send(KafkaProducerMessage(
                        topic: topic, partition: Int32(i % partitions), key: page.url.map { Array($0.utf8) }, value: page.value,
                        headers: page.headers.map { KafkaHeader(key: $0.0, value: $0.1) })) { result in
                        switch result {
                        case .success(let r): results.set(i, Position(partition: r.partition, offset: r.offset), nil)
                        case .failure(let e): results.set(i, nil, e)
                        }
                    }
                } catch {
                    results.set(i, nil, error)
                }
            }
        }
        return results.positions
    }

    /// Polls the group's committed offsets until every partition reached `ends` (next offset after
    /// the last message), or the timeout passes. Returns true when reached.
    static func waitForCommits(bootstrap: String, group: String, topic: String, ends: [Int32: Int64], timeout: TimeInterval) async throws -> Bool {
        let admin = try KafkaAdmin(bootstrapServers: bootstrap)
        defer { admin.close() }
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let committed = try? admin.committedOffsets(group: group, topic: topic, timeoutMs: 5_000),
               ends.allSatisfy({ committed[$0.key] ?? -1 >= $0.value }) {
                return true
            }
            try await Task.sleep(for: .milliseconds(500))
        }
        return false
    }

    /// Next offset after the last message of each partition.
    static func ends(_ positions: [Position]) -> [Int32: Int64] {
        var out: [Int32: Int64] = [:]
        for p in positions { out[p.partition] = max(out[p.partition] ?? 0, p.offset + 1) }
        return out
    }

    /// Reads the topics from the start with a fresh group until nothing new arrives for `idle`
    /// seconds (after the producers stopped: Tansu can let a consumer reading along skip a record).
    static func readEverything(bootstrap: String, topics: [String], idle: TimeInterval = 6, timeout: TimeInterval = 180) async throws -> [KafkaConsumerMessage] {
        var config = KafkaConsumerConfiguration(bootstrapServers: bootstrap, groupID: TestBroker.unique("audit"), topics: topics)
        config.sessionTimeoutMs = 6000
        config.assignmentStrategy = .range
        let consumer = try KafkaConsumer(configuration: config)
        defer { try? consumer.close() }
        let seen = MessageBox()
        let reader = Task {
            for await event in consumer.events {
                if case .message(let m) = event { seen.append(m) }
            }
        }
        defer { reader.cancel() }
        let deadline = Date().addingTimeInterval(timeout)
        var lastCount = -1
        var lastChange = Date()
        while Date() < deadline {
            try await Task.sleep(for: .milliseconds(500))
            let n = seen.count
            if n != lastCount { lastCount = n; lastChange = Date() }
            if n > 0, Date().timeIntervalSince(lastChange) > idle { break }
        }
        return seen.all
    }

    /// The input position an output message (record or dead letter) stands for.
    static func sourcePosition(_ m: KafkaConsumerMessage, dlqTopic: String) throws -> Position {
        if m.topic == dlqTopic {
            func header(_ k: String) -> String? { m.headers.first { $0.key == k }.map { String(decoding: $0.value, as: UTF8.self) } }
            let partition = try #require(header(DeadLetter.HeaderName.sourcePartition).flatMap { Int32($0) })
            let offset = try #require(header(DeadLetter.HeaderName.sourceOffset).flatMap { Int64($0) })
            return Position(partition: partition, offset: offset)
        }
        let record = try RecordCoding.decode(ArticleRecord.self, from: m.value)
        let source = try #require(record.source)
        return Position(partition: source.partition, offset: source.offset)
    }

    /// Counts outputs per input position: missing inputs, and duplicates (outputs beyond one per input).
    static func account(outputs: [KafkaConsumerMessage], inputs: [Position], dlqTopic: String) throws -> (missing: [Position], duplicates: Int, unexpected: Int) {
        var counts: [Position: Int] = [:]
        for m in outputs { counts[try sourcePosition(m, dlqTopic: dlqTopic), default: 0] += 1 }
        let inputSet = Set(inputs)
        let missing = inputs.filter { counts[$0] == nil }
        let duplicates = counts.filter { inputSet.contains($0.key) }.values.reduce(0) { $0 + max(0, $1 - 1) }
        let unexpected = counts.keys.filter { !inputSet.contains($0) }.count
        return (missing, duplicates, unexpected)
    }
}

final class PositionSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Delivery.Position?]
    private var remaining: Int
    private var failed = false
    var onComplete: (@Sendable ((any Error)?) -> Void)?

    init(count: Int) { slots = Array(repeating: nil, count: count); remaining = count }

    func set(_ i: Int, _ p: Delivery.Position?, _ error: (any Error)?) {
        let callback: (@Sendable ((any Error)?) -> Void)?
        let reportError: (any Error)?
        lock.lock()
        slots[i] = p
        remaining -= 1
        if let error, !failed {
            failed = true
            callback = onComplete; reportError = error
        } else if remaining == 0, !failed {
            callback = onComplete; reportError = nil
        } else {
            callback = nil; reportError = nil
        }
        lock.unlock()
        callback?(reportError)
    }

    var positions: [Delivery.Position] { lock.withLock { slots.compactMap { $0 } } }
}

final class MessageBox: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [KafkaConsumerMessage] = []
    func append(_ m: KafkaConsumerMessage) { lock.withLock { messages.append(m) } }
    var count: Int { lock.withLock { messages.count } }
    var all: [KafkaConsumerMessage] { lock.withLock { messages } }
}
