import Foundation
import Kafka
import Testing

/// Tests against librdkafka's in-process mock cluster: real Kafka protocol over loopback, no broker needed.
@Suite("Kafka client against the in-process mock cluster", .serialized)
struct MockClusterTests {
    @Test("Keyed messages with headers round-trip through a consumer group, in order per partition, and stored offsets commit")
    func roundTrip() async throws {
        let cluster = try KafkaMockCluster(brokers: 1)
        let topic = TestSupport.unique("roundtrip")
        try cluster.createTopic(topic, partitions: 3)

        var producerConfig = KafkaProducerConfiguration(bootstrapServers: cluster.bootstrapServers)
        producerConfig.logHandler = TestSupport.logHandler
        let producer = try KafkaProducer(configuration: producerConfig)
        defer { producer.close() }

        let count = 90
        let messages = (0..<count).map { index in
            KafkaProducerMessage(
                topic: topic,
                key: Array("key-\(index % 7)".utf8),
                value: Array("value-\(index)".utf8),
                headers: [KafkaHeader(key: "index", string: String(index)), KafkaHeader(key: "bin", value: [0, 255, UInt8(index % 256)])]
            )
        }
        let reports = try await TestSupport.sendAll(producer, messages)
        #expect(reports.count == count)
        #expect(Set(reports.map(\.partition)).isSubset(of: [0, 1, 2]))
        // One key always lands on one partition.
        var partitionOfKey: [String: Int32] = [:]
        for (index, report) in reports.enumerated() {
            let key = "key-\(index % 7)"
            #expect(partitionOfKey[key, default: report.partition] == report.partition)
            partitionOfKey[key] = report.partition
        }

        var consumerConfig = KafkaConsumerConfiguration(
            bootstrapServers: cluster.bootstrapServers, groupID: TestSupport.unique("group"), topics: [topic]
        )
        consumerConfig.sessionTimeoutMs = 6000
        consumerConfig.logHandler = TestSupport.logHandler
        let consumer = try KafkaConsumer(configuration: consumerConfig)

        let seen = try await TestSupport.collect(consumer, seconds: 30, storeOffsets: true) { $0.messages.count >= count }
        #expect(seen.messages.count == count)
        #expect(!seen.assigned.isEmpty)

        for message in seen.messages {
            let index = Int(String(decoding: message.value, as: UTF8.self).dropFirst("value-".count))!
            #expect(message.key == Array("key-\(index % 7)".utf8))
            #expect(message.headers == messages[index].headers)
            #expect(message.partition == reports[index].partition)
            #expect(message.offset == reports[index].offset)
            #expect(message.timestamp != nil)
        }
        // Per partition: offsets strictly increasing, and in send order.
        for partition in Int32(0)..<3 {
            let offsets = seen.messages.filter { $0.partition == partition }.map(\.offset)
            #expect(offsets == offsets.sorted())
            #expect(Set(offsets).count == offsets.count)
        }

        try consumer.commit()
        let partitions = (Int32(0)..<3).map { KafkaTopicPartition(topic: topic, partition: $0) }
        let committed = try consumer.committed(partitions)
        for partition in partitions {
            let expected = reports.filter { $0.partition == partition.partition }.map { $0.offset + 1 }.max()
            #expect(committed[partition] == expected)
        }
        #expect(consumer.groupGenerationIsAssigned)
        #expect(try Set(consumer.assignment()) == Set(partitions))

        let admin = try KafkaAdmin(bootstrapServers: cluster.bootstrapServers)
        #expect(try admin.partitions(of: topic) == [0, 1, 2])
        for partition in partitions {
            let marks = try admin.watermarks(topic: topic, partition: partition.partition)
            #expect(marks.high == Int64(reports.filter { $0.partition == partition.partition }.count))
        }

        try consumer.close()
        try consumer.close()  // idempotent
        #expect(consumer.isClosed)
        #expect(!consumer.groupGenerationIsAssigned)
        #expect(throws: KafkaError.self) { try consumer.commit() }
    }

    @Test("A 3 MB message round-trips")
    func largeMessage() async throws {
        let cluster = try KafkaMockCluster()
        let topic = TestSupport.unique("large")
        try cluster.createTopic(topic, partitions: 1)
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(bootstrapServers: cluster.bootstrapServers))
        defer { producer.close() }
        let value = (0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let report = try await producer.send(KafkaProducerMessage(topic: topic, key: nil, value: value))
        #expect(report.offset == 0)

        var config = KafkaConsumerConfiguration(bootstrapServers: cluster.bootstrapServers, groupID: TestSupport.unique("g"), topics: [topic])
        config.assignmentStrategy = .range
        let consumer = try KafkaConsumer(configuration: config)
        defer { try? consumer.close() }
        let seen = try await TestSupport.collect(consumer, seconds: 30) { !$0.messages.isEmpty }
        #expect(seen.messages.first?.value == value)
        #expect(seen.messages.first?.key == nil)
    }

    @Test("An unknown configuration property or a bad value fails with a KafkaError naming it")
    func badProperty() throws {
        var producerConfig = KafkaProducerConfiguration(bootstrapServers: "127.0.0.1:1")
        producerConfig.properties = ["no.such.property": "1"]
        let producerError = #expect(throws: KafkaError.self) { try KafkaProducer(configuration: producerConfig) }
        #expect(producerError?.code == .invalidArgument)
        #expect(producerError?.message.contains("no.such.property") == true)

        var consumerConfig = KafkaConsumerConfiguration(bootstrapServers: "127.0.0.1:1", groupID: "g", topics: ["t"])
        consumerConfig.properties = ["session.timeout.ms": "not-a-number"]
        let consumerError = #expect(throws: KafkaError.self) { try KafkaConsumer(configuration: consumerConfig) }
        #expect(consumerError?.code == .invalidArgument)
        #expect(consumerError?.message.contains("session.timeout.ms") == true)
        #expect(consumerError?.description.contains("_INVALID_ARG") == true)
    }

    @Test("A consumer accepts message.max.bytes above its fetch size (librdkafka requires fetch.max.bytes >= message.max.bytes; the client raises it)")
    func messageMaxBytesAboveFetchSize() throws {
        var config = KafkaConsumerConfiguration(bootstrapServers: "127.0.0.1:1", groupID: "g", topics: ["t"])
        config.fetchMaxBytes = 1 << 20
        config.assignmentStrategy = .range  // no cooperative-sticky close guard: close at once
        config.properties = ["message.max.bytes": String(20 << 20)]
        let consumer = try KafkaConsumer(configuration: config)
        #expect(!consumer.isClosed)
        try consumer.close()
        #expect(consumer.isClosed)
    }

    // The mock cluster auto-creates unknown topics, so the unreachable target here is a partition it lacks.
    @Test("Sending to a partition that does not exist fails with a KafkaError naming the topic and code")
    func unknownPartition() async throws {
        let cluster = try KafkaMockCluster()
        var config = KafkaProducerConfiguration(bootstrapServers: cluster.bootstrapServers)
        config.properties = ["message.timeout.ms": "3000", "topic.metadata.propagation.max.ms": "1000"]
        let producer = try KafkaProducer(configuration: config)
        defer { producer.close() }
        let topic = TestSupport.unique("missing")
        let error = await #expect(throws: KafkaError.self) {
            try await producer.send(KafkaProducerMessage(topic: topic, partition: 5, key: nil, value: [1]))
        }
        #expect(error?.message.contains(topic) == true)
        #expect(error?.code == .unknownPartition || error?.code == .unknownTopicOrPartition || error?.code == .unknownTopic)
    }

    @Test("A committed transaction is visible to a read_committed consumer")
    func transactions() async throws {
        let cluster = try KafkaMockCluster(brokers: 3)
        let topic = TestSupport.unique("txn")
        try cluster.createTopic(topic, partitions: 2)
        var config = KafkaProducerConfiguration(bootstrapServers: cluster.bootstrapServers)
        config.transactionalID = TestSupport.unique("txid")
        let producer = try KafkaProducer(configuration: config)
        defer { producer.close() }
        try producer.initTransactions(timeoutMs: 10_000)
        try producer.beginTransaction()
        _ = try await TestSupport.sendAll(producer, (0..<5).map {
            KafkaProducerMessage(topic: topic, key: nil, value: Array("committed-\($0)".utf8))
        })
        try producer.commitTransaction(timeoutMs: 10_000)

        var consumerConfig = KafkaConsumerConfiguration(bootstrapServers: cluster.bootstrapServers, groupID: TestSupport.unique("g"), topics: [topic])
        consumerConfig.isolationLevel = .readCommitted
        let consumer = try KafkaConsumer(configuration: consumerConfig)
        defer { try? consumer.close() }
        let seen = try await TestSupport.collect(consumer, seconds: 30) { $0.messages.count >= 5 }
        #expect(Set(seen.messages.map { String(decoding: $0.value, as: UTF8.self) }) == Set((0..<5).map { "committed-\($0)" }))
    }
}

/// Backpressure and revoke ordering, on the mock cluster.
@Suite("Kafka consumer flow control and revoke handling", .serialized)
struct ConsumerFlowTests {
    @Test("A consumer that is not read stops fetching near its buffer bound, then delivers everything in order")
    func backpressure() async throws {
        let cluster = try KafkaMockCluster()
        let topic = TestSupport.unique("bp")
        try cluster.createTopic(topic, partitions: 1)
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(bootstrapServers: cluster.bootstrapServers))
        defer { producer.close() }
        let count = 2000
        _ = try await TestSupport.sendAll(producer, (0..<count).map {
            KafkaProducerMessage(topic: topic, key: nil, value: Array("m\($0)".utf8))
        })

        var config = KafkaConsumerConfiguration(bootstrapServers: cluster.bootstrapServers, groupID: TestSupport.unique("g"), topics: [topic])
        config.maxBufferedMessages = 50
        let consumer = try KafkaConsumer(configuration: config)
        defer { try? consumer.close() }
        #expect(await Ownership.wait(seconds: 30) { consumer.bufferedMessageCount >= 50 })
        try await Task.sleep(nanoseconds: 1_000_000_000)  // give an unbounded consumer time to overrun
        let buffered = consumer.bufferedMessageCount
        print("backpressure: \(buffered) messages buffered with maxBufferedMessages=50 (of \(count))")
        #expect(buffered < count / 2, "fetching paused well before everything was buffered")

        let seen = try await TestSupport.collect(consumer, seconds: 60) { $0.messages.count >= count }
        #expect(seen.messages.map(\.offset) == (0..<Int64(count)).map { $0 })
    }

    @Test("A byte-bounded consumer over several partitions stops fetching within one record of maxBufferedBytes, and records larger than a fetch response still arrive in order")
    func byteBound() async throws {
        let cluster = try KafkaMockCluster()
        let topic = TestSupport.unique("bytes")
        let partitions = 3
        try cluster.createTopic(topic, partitions: partitions)
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(bootstrapServers: cluster.bootstrapServers))
        defer { producer.close() }
        // The mock cluster keeps about 5 MB per partition (older records are dropped): stay below.
        let count = 12
        let recordBytes = 1_100_000  // larger than fetchMaxBytes below
        _ = try await TestSupport.sendAll(producer, (0..<count).map {
            KafkaProducerMessage(topic: topic, partition: Int32($0 % partitions), key: nil,
                                 value: [UInt8](repeating: UInt8($0 % 251), count: recordBytes))
        })

        var config = KafkaConsumerConfiguration(bootstrapServers: cluster.bootstrapServers, groupID: TestSupport.unique("g"), topics: [topic])
        config.maxBufferedBytes = 2_500_000
        config.fetchMaxBytes = 1_000_000
        config.logHandler = TestSupport.logHandler
        let consumer = try KafkaConsumer(configuration: config)
        defer { try? consumer.close() }
        #expect(await Ownership.wait(seconds: 30) { consumer.bufferedByteCount >= config.maxBufferedBytes })
        try await Task.sleep(nanoseconds: 1_000_000_000)  // give an unbounded consumer time to overrun
        let buffered = consumer.bufferedByteCount
        print("byte bound: \(buffered) bytes in \(consumer.bufferedMessageCount) messages buffered with maxBufferedBytes=\(config.maxBufferedBytes)")
        // The poll thread pauses right after the message that crosses the bound; what librdkafka had
        // fetched beyond it is dropped by the pause (and fetched again after the resume).
        #expect(buffered < config.maxBufferedBytes + recordBytes + 1_000)

        let seen = try await TestSupport.collect(consumer, seconds: 60) { $0.messages.count >= count }
        #expect(seen.messages.count == count)
        for partition in 0..<partitions {
            let offsets = seen.messages.filter { $0.partition == Int32(partition) }.map(\.offset)
            #expect(offsets == (0..<Int64(count / partitions)).map { $0 }, "partition \(partition) in order, once each")
        }
        #expect(seen.messages.allSatisfy { $0.value.count == recordBytes && $0.value.first == UInt8((Int($0.offset) * partitions + Int($0.partition)) % 251) })
    }

    @Test("On close, onRevoke runs before the final commit, so offsets stored in it are committed, and .revoked comes last")
    func revokeOrdering() async throws {
        let cluster = try KafkaMockCluster()
        let topic = TestSupport.unique("revoke")
        try cluster.createTopic(topic, partitions: 2)
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(bootstrapServers: cluster.bootstrapServers))
        defer { producer.close() }
        _ = try await TestSupport.sendAll(producer, (0..<10).map {
            KafkaProducerMessage(topic: topic, partition: Int32($0 % 2), key: nil, value: [UInt8($0)])
        })

        let group = TestSupport.unique("g")
        let pending = PendingOffsets()
        var config = KafkaConsumerConfiguration(bootstrapServers: cluster.bootstrapServers, groupID: group, topics: [topic])
        config.onRevoke = { partitions in pending.revoked(partitions) }
        config.properties = ["auto.commit.interval.ms": "600000"]  // only the revoke/close commits count here
        let consumer = try KafkaConsumer(configuration: config)
        pending.consumer = consumer
        // Read everything but store nothing: the "work" is only finished in onRevoke.
        let seen = try await TestSupport.collect(consumer, seconds: 30) { $0.messages.count >= 10 }
        #expect(seen.messages.count == 10)
        for message in seen.messages { pending.add(message) }

        let tail = CollectedBox()
        let reader = Task { for await event in consumer.events { tail.add(event) } }
        try consumer.close()
        await reader.value
        #expect(pending.revokedPartitions == Set((Int32(0)..<2).map { KafkaTopicPartition(topic: topic, partition: $0) }))
        #expect(tail.snapshot.order.last?.hasPrefix("revoked") == true, "\(tail.snapshot.order)")

        let admin = try KafkaAdmin(bootstrapServers: cluster.bootstrapServers)
        #expect(try admin.committedOffsets(group: group, topic: topic) == [0: 5, 1: 5])
    }
}

/// Work "in flight" whose offsets the test stores from onRevoke.
final class PendingOffsets: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [KafkaConsumerMessage] = []
    private var revokedSet: Set<KafkaTopicPartition> = []
    var consumer: KafkaConsumer?

    func add(_ message: KafkaConsumerMessage) {
        lock.lock()
        messages.append(message)
        lock.unlock()
    }

    func revoked(_ partitions: [KafkaTopicPartition]) {
        lock.lock()
        let toStore = messages.filter { partitions.contains($0.topicPartition) }
        revokedSet.formUnion(partitions)
        let consumer = self.consumer
        lock.unlock()
        for message in toStore { try? consumer?.storeOffset(message) }
    }

    var revokedPartitions: Set<KafkaTopicPartition> {
        lock.lock()
        defer { lock.unlock() }
        return revokedSet
    }
}
