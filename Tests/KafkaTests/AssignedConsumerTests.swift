import Foundation
import Kafka
import Testing

/// ``KafkaAssignedConsumer`` against the development broker: manual assignment with start offsets, reads at
/// an offset, commits with metadata under a group that nobody joins, raw offset queries.
@Suite(
    "Assigned consumer against the development broker",
    .serialized,
    .enabled(
        if: TestSupport.brokers != nil || TestSupport.brokerRequired,
        "NEWSFLOW_TEST_BROKERS is unset: run `scripts/dev-broker start` and export NEWSFLOW_TEST_BROKERS=<address>"
    )
)
struct AssignedConsumerTests {
    let brokers: String

    init() throws {
        brokers = try #require(
            TestSupport.brokers,
            "NEWSFLOW_REQUIRE_BROKER=1 but NEWSFLOW_TEST_BROKERS is unset (start one with scripts/dev-broker start)"
        )
    }

    /// Produces `count` records to partition 0 of a new one-partition topic in batches (linger), in two
    /// waves `gapMs` apart; returns the topic and the delivery reports in order.
    private func produceWaves(count: Int, gapMs: Int) async throws -> (String, [KafkaDeliveryReport], Int64) {
        let topic = TestSupport.unique("it-assigned")
        let admin = try KafkaAdmin(bootstrapServers: brokers)
        defer { admin.close() }
        try admin.createTopics([KafkaNewTopic(name: topic, partitions: 1)])
        var config = KafkaProducerConfiguration(bootstrapServers: brokers)
        config.lingerMs = 50
        config.logHandler = TestSupport.logHandler
        let producer = try KafkaProducer(configuration: config)
        defer { producer.close() }
        func wave(_ range: Range<Int>) async throws -> [KafkaDeliveryReport] {
            try await withThrowingTaskGroup(of: (Int, KafkaDeliveryReport).self) { group in
                for i in range {
                    group.addTask {
                        (i, try await producer.send(KafkaProducerMessage(topic: topic, partition: 0, key: nil, value: Array("v\(i)".utf8))))
                    }
                }
                var out: [(Int, KafkaDeliveryReport)] = []
                for try await r in group { out.append(r) }
                return out.sorted { $0.0 < $1.0 }.map(\.1)
            }
        }
        var reports = try await wave(0..<(count / 2))
        try await Task.sleep(for: .milliseconds(gapMs))
        let between = Int64(Date().timeIntervalSince1970 * 1000)
        try await Task.sleep(for: .milliseconds(gapMs))
        reports += try await wave((count / 2)..<count)
        return (topic, reports, between)
    }

    private func consumer(group: String) throws -> KafkaAssignedConsumer {
        var config = KafkaAssignedConsumer.Configuration(bootstrapServers: brokers, groupID: group)
        config.logHandler = TestSupport.logHandler
        return try KafkaAssignedConsumer(configuration: config)
    }

    @Test("Reads an assigned partition from a start offset to its end, reads single records at an offset, and reports the end")
    func readsFromOffsets() async throws {
        let (topic, reports, _) = try await produceWaves(count: 300, gapMs: 300)
        let tp = KafkaTopicPartition(topic: topic, partition: 0)
        let realEnd = (reports.map(\.offset).max() ?? -1) + 1
        let sentIndex = Dictionary(uniqueKeysWithValues: reports.enumerated().map { ($0.element.offset, $0.offset) })
        let c = try consumer(group: TestSupport.unique("it-assigned-group"))
        defer { c.close() }

        try c.assign([tp: 100])
        var offsets: [Int64] = []
        var endSeen: Int64?
        let deadline = Date().addingTimeInterval(30)
        while endSeen == nil || Int64(offsets.count) < realEnd - 100, Date() < deadline {
            switch try c.poll(timeoutMs: 200) {
            case .message(let m):
                offsets.append(m.offset)
                #expect(m.value == Array("v\(sentIndex[m.offset] ?? -1)".utf8), "record at \(m.offset) is not the one sent there")
            case .partitionEnd(_, let offset): endSeen = offset
            default: break
            }
        }
        #expect(offsets == Array(100..<realEnd), "read \(offsets.count) records from 100, expected \(realEnd - 100)")
        let marks = try c.watermarks(tp)
        print("tansu-measure: real end \(realEnd), high watermark \(marks.high), first EOF event at \(endSeen.map(String.init) ?? "none")")

        for probe: Int64 in [0, 1, 149, 150, realEnd - 1] {
            let m = try #require(try c.read(tp, at: probe), "no record at \(probe)")
            #expect(m.offset == probe)
            let sent = try #require(reports.firstIndex { $0.offset == probe })
            #expect(m.value == Array("v\(sent)".utf8))
        }
        #expect(try c.read(tp, at: realEnd, timeoutMs: 1_500) == nil)
    }

    @Test("Commits with metadata under a group nobody joined; a new instance reads them back; the admin sees them")
    func commitsWithMetadata() async throws {
        let (topic, _, _) = try await produceWaves(count: 20, gapMs: 10)
        let tp = KafkaTopicPartition(topic: topic, partition: 0)
        let group = TestSupport.unique("it-assigned-commit")
        do {
            let c = try consumer(group: group)
            defer { c.close() }
            #expect(try c.committedWithMetadata([tp]).isEmpty)
            try c.commit([tp: 7], metadata: [tp: "replay start=0 end=20"])
        }
        let again = try consumer(group: group)
        defer { again.close() }
        let committed = try again.committedWithMetadata([tp])
        #expect(committed[tp]?.offset == 7)
        print("tansu-measure: committed metadata round trip: \(String(describing: committed[tp]?.metadata))")
        // Tansu drops commit metadata (measured: it reads back empty); Kafka keeps it.
        #expect(committed[tp]?.metadata == "replay start=0 end=20" || committed[tp]?.metadata == "")
        let admin = try KafkaAdmin(bootstrapServers: brokers)
        defer { admin.close() }
        #expect(try admin.committedOffsets(group: group, topic: topic) == [0: 7])
    }

    @Test("Offsets for times: a timestamp between two waves, and one in the future (raw broker answers, recorded)")
    func offsetsForTimes() async throws {
        let (topic, reports, between) = try await produceWaves(count: 200, gapMs: 400)
        let tp = KafkaTopicPartition(topic: topic, partition: 0)
        let c = try consumer(group: TestSupport.unique("it-assigned-times"))
        defer { c.close() }
        let firstOfSecondWave = reports[100].offset
        let answer = try c.offsetsForTimes([tp], timestampMs: between)[tp]
        let future = try c.offsetsForTimes([tp], timestampMs: Int64(Date().timeIntervalSince1970 * 1000) + 3_600_000)[tp]
        let past = try c.offsetsForTimes([tp], timestampMs: 0)[tp]
        let marks = try c.watermarks(tp)
        print("tansu-measure: offsetsForTimes(between waves) = \(String(describing: answer)) (expected \(firstOfSecondWave)); future = \(String(describing: future)); 0 = \(String(describing: past)); high = \(marks.high), real end = \(reports.last!.offset + 1)")
        let record = try #require(try c.read(tp, at: firstOfSecondWave))
        #expect((record.timestamp ?? 0) >= between)
        let before = try #require(try c.read(tp, at: firstOfSecondWave - 1))
        #expect((before.timestamp ?? .max) < between)
    }
}
