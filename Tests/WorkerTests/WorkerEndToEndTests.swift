import Foundation
import Kafka
import Schemas
import Testing

/// The worker as a real process against the development broker.
@Suite("Worker end to end on the development broker", .serialized, .enabled(if: TestBroker.enabled, TestBroker.skipReason))
struct WorkerEndToEndTests {
    static let pageCount = 500
    static let maxPageBytes = 200_000

    struct Input {
        var page: PageFactory.Page
        var partition: Int32
        var offset: Int64
    }

    /// Creates topics and publishes the 500-page stream; returns what was sent where.
    func publish(bootstrap: String, topic: String) async throws -> [Input] {
        let admin = try KafkaAdmin(bootstrapServers: bootstrap)
        try admin.createTopics([KafkaNewTopic(name: topic, partitions: 6)])
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(bootstrapServers: bootstrap))
        defer { producer.close() }
        var inputs: [Input] = []
        for i in 0..<Self.pageCount {
            let page = PageFactory.page(i, maxPageBytes: Self.maxPageBytes)
            let report = try await producer.send(KafkaProducerMessage(
                topic: topic, partition: Int32(i % 6), key: page.url.map { Array($0.utf8) }, value: page.value,
                headers: page.headers.map { KafkaHeader(key: $0.0, value: $0.1) }))
            inputs.append(Input(page: page, partition: report.partition, offset: report.offset))
        }
        return inputs
    }

    func runWorker(bootstrap: String, input: String, output: String, dlq: String, group: String) async throws -> (records: [KafkaConsumerMessage], deadLetters: [KafkaConsumerMessage], log: String) {
        let admin = try KafkaAdmin(bootstrapServers: bootstrap)
        try admin.createTopics([KafkaNewTopic(name: output, partitions: 6), KafkaNewTopic(name: dlq, partitions: 1)])
        let worker = try WorkerProcess(arguments: [
            "run", "--brokers", bootstrap, "--input-topic", input, "--output-topic", output, "--dlq-topic", dlq,
            "--group-id", group, "--http-port", "0", "--max-page-bytes", String(Self.maxPageBytes),
            "-X", "session.timeout.ms=6000", "--log-level", "notice",
        ])
        let out = try await readAll(bootstrap: bootstrap, topics: [output, dlq], count: Self.pageCount, timeout: 240)
        // Give the worker a moment to store and auto-commit the last offsets, then stop it gracefully.
        try await Task.sleep(for: .seconds(2))
        let status = worker.terminate()
        #expect(status == 0, "worker exit status \(status); log:\n\(worker.log.suffix(3000))")
        return (out.filter { $0.topic == output }, out.filter { $0.topic == dlq }, worker.log)
    }

    @Test("500 pages over 6 partitions: one record per good page, one dead letter per broken page, keys are record ids, all offsets committed, rerun byte-identical")
    func endToEnd() async throws {
        let bootstrap = try TestBroker.require()
        let input = TestBroker.unique("pages")
        let inputs = try await publish(bootstrap: bootstrap, topic: input)
        let good = inputs.filter { $0.page.kind == .good }
        let broken = inputs.filter { $0.page.kind != .good }
        #expect(good.count + broken.count == Self.pageCount && broken.count >= 20)

        let group = TestBroker.unique("newsflow-e2e")
        let first = try await runWorker(bootstrap: bootstrap, input: input, output: TestBroker.unique("articles"), dlq: TestBroker.unique("dlq"), group: group)
        #expect(first.records.count == good.count, "records: \(first.records.count) of \(good.count)")
        #expect(first.deadLetters.count == broken.count, "dead letters: \(first.deadLetters.count) of \(broken.count)")

        // Every record: key is its id, it points back at a good input, exactly once.
        var byInput: [String: ArticleRecord] = [:]
        var recordValues: [String: [UInt8]] = [:]
        let goodByPosition = Dictionary(uniqueKeysWithValues: good.map { ("\($0.partition)/\($0.offset)", $0) })
        for m in first.records {
            let record = try RecordCoding.decode(ArticleRecord.self, from: m.value)
            #expect(m.key == Array(record.id.utf8))
            let source = try #require(record.source)
            let position = "\(source.partition)/\(source.offset)"
            let sent = try #require(goodByPosition[position], "record for \(position) is not a good input")
            #expect(record.url == sent.page.url)
            #expect(byInput[position] == nil, "two records for \(position)")
            #expect(!record.text.isEmpty)
            byInput[position] = record
            recordValues[position] = m.value
        }
        #expect(byInput.count == good.count)

        // Every dead letter: the original bytes, and headers that say why and where from.
        let brokenByPosition = Dictionary(uniqueKeysWithValues: broken.map { ("\($0.partition)/\($0.offset)", $0) })
        for m in first.deadLetters {
            func header(_ k: String) -> String? { m.headers.first { $0.key == k }.map { String(decoding: $0.value, as: UTF8.self) } }
            let position = "\(header(DeadLetter.HeaderName.sourcePartition) ?? "?")/\(header(DeadLetter.HeaderName.sourceOffset) ?? "?")"
            let sent = try #require(brokenByPosition[position], "dead letter for \(position) is not a broken input")
            #expect(m.value == sent.page.value)
            #expect(header(DeadLetter.HeaderName.sourceTopic) == input)
            let expectedKind: DeadLetter.ErrorKind = switch sent.page.kind {
            case .tooLarge: .tooLarge
            default: .invalidEnvelope
            }
            #expect(header(DeadLetter.HeaderName.errorKind) == expectedKind.rawValue)
            #expect(!(header(DeadLetter.HeaderName.error) ?? "").isEmpty)
        }

        // Every input offset is committed: the group's position is past the last message of each partition.
        let admin = try KafkaAdmin(bootstrapServers: bootstrap)
        let committed = try admin.committedOffsets(group: group, topic: input, timeoutMs: 10_000)
        for p in Int32(0)..<6 {
            let last = inputs.filter { $0.partition == p }.map(\.offset).max() ?? -1
            #expect(committed[p] == last + 1, "partition \(p): committed \(String(describing: committed[p])), expected \(last + 1)")
        }

        // A rerun of the same input (new group, new output topic) gives byte-identical record values.
        let second = try await runWorker(bootstrap: bootstrap, input: input, output: TestBroker.unique("articles"), dlq: TestBroker.unique("dlq"), group: TestBroker.unique("newsflow-e2e"))
        #expect(second.records.count == good.count)
        for m in second.records {
            let record = try RecordCoding.decode(ArticleRecord.self, from: m.value)
            let position = "\(record.source?.partition ?? -1)/\(record.source?.offset ?? -1)"
            #expect(recordValues[position] == m.value, "record for \(position) differs between runs")
        }
    }
}
