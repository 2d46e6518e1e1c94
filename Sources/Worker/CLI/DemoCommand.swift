import ArgumentParser
import Foundation
import Kafka
import Logging
import Schemas
import ServiceLifecycle

/// `newsflow demo`: the real pipeline on an embedded broker (librdkafka's in-process mock cluster).
///
/// Creates the three topics, publishes the bundled sample pages (one in Bengali, one as a JSON
/// envelope, one broken on purpose), runs the worker, and prints every record and dead letter it
/// published.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the worker on an embedded Kafka (mock cluster) with bundled sample pages and print what it publishes."
    )

    @Flag(help: "Print records as compact JSON lines instead of pretty JSON.")
    var compact = false

    @Option(help: "Seconds to wait for all outputs before giving up.")
    var timeout: Double = 60

    func run() async throws {
        LogSetup.bootstrap(format: "text", level: "error")
        let logger = Logger(label: "newsflow.demo")
        let cluster = try KafkaMockCluster(brokers: 1)
        var config = WorkerConfiguration()
        config.brokers = cluster.bootstrapServers
        config.groupID = "newsflow-demo"
        config.httpPort = 0
        config.drainTimeout = 10
        config.kafkaProperties["session.timeout.ms"] = "6000"
        try cluster.createTopic(config.inputTopic, partitions: 3)
        try cluster.createTopic(config.outputTopic, partitions: 3)
        try cluster.createTopic(config.dlqTopic, partitions: 1)
        printErr("embedded broker at \(cluster.bootstrapServers); topics \(config.inputTopic) → \(config.outputTopic), dead letters → \(config.dlqTopic)")

        // Publish the sample pages.
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(bootstrapServers: cluster.bootstrapServers))
        for sample in SamplePages.all {
            var headers: [KafkaHeader] = []
            let value: [UInt8]
            if sample.asEnvelope, let url = sample.url {
                value = try RecordCoding.encode(RawPage(url: url, body: Array(sample.html.utf8), bodyIsText: true, headers: ["content-type": "text/html; charset=utf-8"]))
            } else {
                value = Array(sample.html.utf8)
                if let url = sample.url { headers.append(KafkaHeader(key: "url", value: Array(url.utf8))) }
                headers.append(KafkaHeader(key: "content-type", value: Array("text/html; charset=utf-8".utf8)))
            }
            _ = try await producer.send(KafkaProducerMessage(topic: config.inputTopic, key: sample.url.map { Array($0.utf8) }, value: value, headers: headers))
        }
        producer.close()
        printErr("published \(SamplePages.all.count) sample pages; running the worker…\n")

        // Run the worker and read what it publishes.
        let worker = WorkerService(configuration: config, metrics: WorkerMetrics(), health: HealthState(), logger: logger)
        let group = ServiceGroup(configuration: .init(services: [worker], logger: logger))
        var readerConfig = KafkaConsumerConfiguration(bootstrapServers: cluster.bootstrapServers, groupID: "newsflow-demo-reader", topics: [config.outputTopic, config.dlqTopic])
        readerConfig.properties["session.timeout.ms"] = "6000"
        readerConfig.assignmentStrategy = .range
        let reader = try KafkaConsumer(configuration: readerConfig)
        let expected = SamplePages.all.count
        let dlqTopic = config.dlqTopic, outputTopic = config.outputTopic
        let compact = self.compact
        let deadline = timeout
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            tasks.addTask {
                var seen = 0
                for try await event in reader.events {
                    guard case .message(let m) = event else { continue }
                    seen += 1
                    Self.show(m, deadLetterTopic: dlqTopic, compact: compact)
                    if seen == expected { break }
                }
                try reader.close()
                printErr("\n\(seen) of \(expected) pages came out: records on \(outputTopic), dead letters on \(dlqTopic).")
                await group.triggerGracefulShutdown()
            }
            tasks.addTask {
                try await Task.sleep(for: .seconds(deadline))
                throw ValidationError("demo timed out after \(deadline) s")
            }
            try await tasks.next()
            try await tasks.next()
            tasks.cancelAll()
        }
    }

    static func show(_ m: KafkaConsumerMessage, deadLetterTopic: String, compact: Bool) {
        if m.topic == deadLetterTopic {
            let reason = m.headers.first { $0.key == DeadLetter.HeaderName.error }.map { String(decoding: $0.value, as: UTF8.self) } ?? "?"
            let kind = m.headers.first { $0.key == DeadLetter.HeaderName.errorKind }.map { String(decoding: $0.value, as: UTF8.self) } ?? "?"
            print("── dead letter (\(m.topic)/\(m.partition)@\(m.offset)): \(kind): \(reason); original \(m.value.count) bytes kept")
            return
        }
        print("── record (\(m.topic)/\(m.partition)@\(m.offset), key \(String(decoding: m.key ?? [], as: UTF8.self)))")
        if compact {
            print(String(decoding: m.value, as: UTF8.self))
        } else if let object = try? JSONSerialization.jsonObject(with: Data(m.value)),
                  let pretty = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) {
            print(String(decoding: pretty, as: UTF8.self))
        } else {
            print(String(decoding: m.value, as: UTF8.self))
        }
    }
}

func printErr(_ s: String) {
    FileHandle.standardError.write(Data((s + "\n").utf8))
}
