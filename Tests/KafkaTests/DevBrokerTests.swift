import Foundation
import Kafka
import Testing

/// Tests against a real Kafka-protocol broker (the development broker: Tansu behind the ApiVersions proxy).
///
/// Skipped when `NEWSFLOW_TEST_BROKERS` is unset: start a broker with `scripts/dev-broker start` and export
/// `NEWSFLOW_TEST_BROKERS=<printed address>`. With `NEWSFLOW_REQUIRE_BROKER=1` they run and fail instead.
@Suite(
    "Kafka client against the development broker",
    .serialized,
    .enabled(
        if: TestSupport.brokers != nil || TestSupport.brokerRequired,
        "NEWSFLOW_TEST_BROKERS is unset: run `scripts/dev-broker start` and export NEWSFLOW_TEST_BROKERS=<address>"
    )
)
struct DevBrokerTests {
    let brokers: String

    init() throws {
        brokers = try #require(
            TestSupport.brokers,
            "NEWSFLOW_REQUIRE_BROKER=1 but NEWSFLOW_TEST_BROKERS is unset (start one with scripts/dev-broker start)"
        )
    }

    private func consumerConfiguration(group: String, topic: String) -> KafkaConsumerConfiguration {
        var config = KafkaConsumerConfiguration(bootstrapServers: brokers, groupID: group, topics: [topic])
        config.sessionTimeoutMs = 6000  // Tansu: a first join takes half of it
        config.logHandler = TestSupport.logHandler
        return config
    }

    @Test("Topics are created (idempotently), records round-trip, offsets commit, watermarks and group offsets are reported")
    func roundTrip() async throws {
        let admin = try KafkaAdmin(bootstrapServers: brokers)
        let topic = TestSupport.unique("it-roundtrip")
        try admin.createTopics([KafkaNewTopic(name: topic, partitions: 6)])
        try admin.createTopics([KafkaNewTopic(name: topic, partitions: 6)])  // already exists: not an error
        #expect(try admin.partitions(of: topic) == Array(0..<6))
        defer { try? admin.deleteTopics([topic], timeoutMs: 10_000) }

        var producerConfig = KafkaProducerConfiguration(bootstrapServers: brokers)
        producerConfig.logHandler = TestSupport.logHandler
        let producer = try KafkaProducer(configuration: producerConfig)
        defer { producer.close() }
        // Awaited one by one: every record is its own batch, so Tansu's end offsets are exact.
        var reports: [KafkaDeliveryReport] = []
        for index in 0..<24 {
            reports.append(try await producer.send(KafkaProducerMessage(
                topic: topic,
                key: Array("k\(index % 5)".utf8),
                value: Array("v\(index)".utf8),
                headers: [KafkaHeader(key: "n", string: "\(index)")]
            )))
        }

        let group = TestSupport.unique("it-group")
        let consumer = try KafkaConsumer(configuration: consumerConfiguration(group: group, topic: topic))
        let seen = try await TestSupport.collect(consumer, seconds: 60, storeOffsets: true) { $0.messages.count >= 24 }
        #expect(seen.messages.count == 24)
        for message in seen.messages {
            let index = Int(String(decoding: message.value, as: UTF8.self).dropFirst())!
            #expect(message.key == Array("k\(index % 5)".utf8))
            #expect(message.headers == [KafkaHeader(key: "n", string: "\(index)")])
            #expect(message.partition == reports[index].partition && message.offset == reports[index].offset)
        }
        try consumer.commit()

        var expected: [Int32: Int64] = [:]
        for report in reports { expected[report.partition] = max(expected[report.partition] ?? 0, report.offset + 1) }
        let partitions = (Int32(0)..<6).map { KafkaTopicPartition(topic: topic, partition: $0) }
        let committed = try consumer.committed(partitions)
        #expect(Dictionary(uniqueKeysWithValues: committed.map { ($0.key.partition, $0.value) }) == expected)
        try consumer.close()

        #expect(try admin.committedOffsets(group: group, topic: topic) == expected)
        for partition in Int32(0)..<6 {
            let marks = try admin.watermarks(topic: topic, partition: partition)
            #expect(marks.low == 0)
            #expect(marks.high == expected[partition] ?? 0)
        }
    }

    @Test(
        "Two consumers of one group split six partitions and the survivor takes all back when one leaves",
        arguments: [KafkaConsumerConfiguration.AssignmentStrategy.range, .roundRobin, .cooperativeSticky]
    )
    func rebalance(strategy: KafkaConsumerConfiguration.AssignmentStrategy) async throws {
        let admin = try KafkaAdmin(bootstrapServers: brokers)
        let topic = TestSupport.unique("it-rebalance")
        try admin.createTopics([KafkaNewTopic(name: topic, partitions: 6)])
        defer { try? admin.deleteTopics([topic], timeoutMs: 10_000) }
        let all = Set((Int32(0)..<6).map { KafkaTopicPartition(topic: topic, partition: $0) })

        let group = TestSupport.unique("it-group")
        var config = consumerConfiguration(group: group, topic: topic)
        config.assignmentStrategy = strategy
        let first = try KafkaConsumer(configuration: config)
        let firstOwnership = Ownership(first)
        defer { firstOwnership.stop() }
        #expect(await Ownership.wait(seconds: 60) { firstOwnership.partitions == all })

        let second = try KafkaConsumer(configuration: config)
        let secondOwnership = Ownership(second)
        defer { secondOwnership.stop() }
        let split = await Ownership.wait(seconds: 60) {
            let a = firstOwnership.partitions, b = secondOwnership.partitions
            return a.count == 3 && b.count == 3 && a.union(b) == all
        }
        #expect(split, "owned: \(firstOwnership.partitions.count) + \(secondOwnership.partitions.count)")
        #expect(firstOwnership.revocationCount >= 1)
        #expect(first.groupGenerationIsAssigned && second.groupGenerationIsAssigned)

        try second.close()
        // The final `.revoked` reaches the observing task asynchronously.
        #expect(await Ownership.wait(seconds: 10) { secondOwnership.partitions.isEmpty })
        #expect(await Ownership.wait(seconds: 60) { firstOwnership.partitions == all })
        #expect(try Set(first.assignment()) == all)
        try first.close()
    }

    /// librdkafka 2.0.2 aborts (`rd_kafka_sticky_assignor_state_destroy: Assertion 'assignor_state' failed`)
    /// when a cooperative-sticky member that joined but never got its assignment is destroyed. Measured here
    /// without the guard: a second member joining a group with an established member, closed 3.6 s after
    /// creation, aborted the process. The delays below straddle that window.
    @Test(
        "Closing a cooperative-sticky consumer before its first assignment does not abort the process",
        arguments: [0, 3000, 3600]
    )
    func closeBeforeFirstAssignment(delayMs: Int) async throws {
        let admin = try KafkaAdmin(bootstrapServers: brokers)
        let topic = TestSupport.unique("it-early-close")
        try admin.createTopics([KafkaNewTopic(name: topic, partitions: 4)])
        defer { try? admin.deleteTopics([topic], timeoutMs: 10_000) }
        var config = consumerConfiguration(group: TestSupport.unique("it-group"), topic: topic)
        config.assignmentStrategy = .cooperativeSticky

        let established = try KafkaConsumer(configuration: config)
        let ownership = Ownership(established)
        defer { ownership.stop() }
        #expect(await Ownership.wait(seconds: 60) { ownership.partitions.count == 4 })

        let newcomer = try KafkaConsumer(configuration: config)
        try await Task.sleep(nanoseconds: UInt64(delayMs) * 1_000_000)
        try newcomer.close()  // without the guard librdkafka 2.0.2 can abort here
        #expect(newcomer.isClosed)
        let ended = try await TestSupport.withTimeout(seconds: 10) {
            for await _ in newcomer.events {}
            return true
        }
        #expect(ended == true, "the event sequence ends after close")
        // The established member ends up with every partition again.
        #expect(await Ownership.wait(seconds: 60) { ownership.partitions.count == 4 })
        try established.close()
    }
}
