import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Kafka
import Schemas
import Testing

/// Delivery guarantees with real worker processes on the development broker: crashes, graceful
/// stops, rebalances, poison pages, exactly-once, and the operational endpoints.
@Suite("Delivery guarantees on the development broker", .serialized, .enabled(if: TestBroker.enabled, TestBroker.skipReason))
struct DeliveryTests {
    static let maxPageBytes = 200_000

    struct Topics {
        let input = TestBroker.unique("pages")
        let output = TestBroker.unique("articles")
        let dlq = TestBroker.unique("dlq")
        let group = TestBroker.unique("workers")

        func create(bootstrap: String) throws {
            let admin = try KafkaAdmin(bootstrapServers: bootstrap)
            defer { admin.close() }
            try admin.createTopics([KafkaNewTopic(name: output, partitions: 6), KafkaNewTopic(name: dlq, partitions: 2)])
        }

        func workerArguments(_ bootstrap: String, _ extra: [String] = []) -> [String] {
            ["run", "--brokers", bootstrap, "--input-topic", input, "--output-topic", output, "--dlq-topic", dlq,
             "--group-id", group, "--http-port", "0", "--concurrency", "1", "--max-page-bytes", String(DeliveryTests.maxPageBytes),
             "--drain-timeout", "20", "-X", "session.timeout.ms=6000", "--log-level", "notice"] + extra
        }
    }

    static func pages(_ n: Int) -> [PageFactory.Page] {
        (0..<n).map { PageFactory.page($0, maxPageBytes: maxPageBytes) }
    }

    /// True for a Prometheus sample line whose value is 0.
    static func isZero(_ line: String) -> Bool {
        line.split(separator: " ").last.flatMap { Double($0) } == 0
    }

    /// Waits until the group has committed at least `fraction` of the input.
    static func waitForProgress(bootstrap: String, topics: Topics, total: Int, fraction: Double, timeout: TimeInterval) async throws {
        let admin = try KafkaAdmin(bootstrapServers: bootstrap)
        defer { admin.close() }
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let committed = (try? admin.committedOffsets(group: topics.group, topic: topics.input, timeoutMs: 5_000)) ?? [:]
            if Double(committed.values.filter { $0 > 0 }.reduce(0, +)) >= fraction * Double(total) { return }
            try await Task.sleep(for: .milliseconds(300))
        }
        Issue.record("no progress to \(fraction) of \(total) within \(timeout) s")
    }

    /// Three replicas; one is stopped mid-stream (`signal`) and a new one started; the rest finish.
    func replicaRun(signal: Int32, strategy: String = "cooperative-sticky") async throws -> (missing: [Delivery.Position], duplicates: Int, unexpected: Int) {
        let bootstrap = try TestBroker.require()
        let topics = Topics()
        let total = 5_000
        let inputs = try await Delivery.publish(bootstrap: bootstrap, topic: topics.input, partitions: 6, pages: Self.pages(total))
        try #require(inputs.count == total)
        try topics.create(bootstrap: bootstrap)

        let extra = ["--assignment-strategy", strategy]
        var replicas = try (0..<3).map { _ in try WorkerProcess(arguments: topics.workerArguments(bootstrap, extra)) }
        try await Self.waitForProgress(bootstrap: bootstrap, topics: topics, total: total, fraction: 0.3, timeout: 240)
        let victim = replicas.removeFirst()
        kill(victim.process.processIdentifier, signal)
        victim.process.waitUntilExit()
        if signal == SIGTERM {
            #expect(victim.process.terminationStatus == 0, "SIGTERM exit status; log:\n\(victim.log.suffix(2000))")
        }
        replicas.append(try WorkerProcess(arguments: topics.workerArguments(bootstrap, extra)))

        let finished = try await Delivery.waitForCommits(bootstrap: bootstrap, group: topics.group, topic: topics.input, ends: Delivery.ends(inputs), timeout: 300)
        #expect(finished, "the group did not commit every input offset")
        for r in replicas {
            let status = r.terminate()
            #expect(status == 0, "replica exit status \(status); log:\n\(r.log.suffix(2000))")
        }
        let outputs = try await Delivery.readEverything(bootstrap: bootstrap, topics: [topics.output, topics.dlq])
        return try Delivery.account(outputs: outputs, inputs: inputs, dlqTopic: topics.dlq)
    }

    @Test("3 replicas, 6 partitions, 5,000 pages, one replica kill -9ed mid-stream and a new one started: no input offset lacks an output")
    func killNineLosesNothing() async throws {
        let result = try await replicaRun(signal: SIGKILL)
        print("kill -9 run: \(result.duplicates) duplicate outputs, \(result.missing.count) missing, \(result.unexpected) unexpected")
        #expect(result.missing.isEmpty, "inputs without output: \(result.missing.prefix(20))")
        #expect(result.unexpected == 0)
    }

    @Test("the same with SIGTERM instead of kill -9: nothing missing and zero duplicates, with cooperative and eager assignment",
          arguments: ["cooperative-sticky", "range"])
    func sigtermHasNoDuplicates(strategy: String) async throws {
        let result = try await replicaRun(signal: SIGTERM, strategy: strategy)
        print("SIGTERM run (\(strategy)): \(result.duplicates) duplicate outputs, \(result.missing.count) missing")
        #expect(result.missing.isEmpty, "inputs without output: \(result.missing.prefix(20))")
        #expect(result.duplicates == 0)
        #expect(result.unexpected == 0)
    }

    @Test("poison pages all land in the dead-letter topic with their original bytes; hostile pages never stop the worker")
    func poisonPages() async throws {
        let bootstrap = try TestBroker.require()
        let topics = Topics()
        var pages = Self.pages(300)
        let hostileURL = "https://hostile.test/"
        // Hostile but well-formed messages: each must give exactly one output (record or dead letter).
        let deep = String(repeating: "<div>", count: 100_000) + "deep" + String(repeating: "</div>", count: 100_000)
        let hostile: [[UInt8]] = [
            [],
            Array(repeating: 0, count: 5_000),
            (0..<50_000).map { UInt8(truncatingIfNeeded: $0 &* 7919) },
            Array(deep.utf8).prefix(Self.maxPageBytes - 1).map { $0 },
            Array("<html><head><meta charset=\"shift_jis\"></head><body><p>ইরানের প্রেসিডেন্ট \u{0}\u{0} রাশিয়া</p></body></html>".utf8),
            Array("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"\(String(repeating: "x", count: 150_000))".utf8),
        ]
        for (i, value) in hostile.enumerated() {
            pages.insert(PageFactory.Page(kind: .good, url: hostileURL + String(i), value: value, headers: [("url", Array((hostileURL + String(i)).utf8))]), at: i * 40 + 3)
        }
        let inputs = try await Delivery.publish(bootstrap: bootstrap, topic: topics.input, partitions: 6, pages: pages)
        try topics.create(bootstrap: bootstrap)
        let worker = try WorkerProcess(arguments: topics.workerArguments(bootstrap, ["--concurrency", "2"]))
        let finished = try await Delivery.waitForCommits(bootstrap: bootstrap, group: topics.group, topic: topics.input, ends: Delivery.ends(inputs), timeout: 240)
        #expect(finished)
        #expect(worker.process.isRunning, "the worker stopped on its own; log:\n\(worker.log.suffix(2000))")
        #expect(worker.terminate() == 0)

        let outputs = try await Delivery.readEverything(bootstrap: bootstrap, topics: [topics.output, topics.dlq])
        let accounting = try Delivery.account(outputs: outputs, inputs: inputs, dlqTopic: topics.dlq)
        #expect(accounting.missing.isEmpty && accounting.duplicates == 0 && accounting.unexpected == 0)
        // Every poison page is in the dead-letter topic, byte for byte.
        let deadLetters = outputs.filter { $0.topic == topics.dlq }
        let byPosition = Dictionary(uniqueKeysWithValues: try deadLetters.map { (try Delivery.sourcePosition($0, dlqTopic: topics.dlq), $0) })
        for (page, position) in zip(pages, inputs) where page.kind != .good {
            let dl = try #require(byPosition[position], "poison page at \(position) has no dead letter")
            #expect(dl.value == page.value)
            #expect(dl.key == page.url.map { Array($0.utf8) })
        }
        #expect(deadLetters.count >= pages.filter { $0.kind != .good }.count)
    }

    @Test("--exactly-once over 5,000 pages: each input yields exactly one committed output")
    func exactlyOnce() async throws {
        let bootstrap = try TestBroker.require()
        let topics = Topics()
        let total = 5_000
        let inputs = try await Delivery.publish(bootstrap: bootstrap, topic: topics.input, partitions: 6, pages: Self.pages(total))
        try topics.create(bootstrap: bootstrap)
        let worker = try WorkerProcess(arguments: topics.workerArguments(bootstrap, ["--exactly-once", "true", "--concurrency", "2"]))
        let finished = try await Delivery.waitForCommits(bootstrap: bootstrap, group: topics.group, topic: topics.input, ends: Delivery.ends(inputs), timeout: 300)
        #expect(finished, "log:\n\(worker.log.suffix(2000))")
        #expect(worker.terminate() == 0, "log:\n\(worker.log.suffix(2000))")
        let outputs = try await Delivery.readEverything(bootstrap: bootstrap, topics: [topics.output, topics.dlq])
        let accounting = try Delivery.account(outputs: outputs, inputs: inputs, dlqTopic: topics.dlq)
        print("exactly-once run: \(outputs.count) outputs for \(total) inputs, \(accounting.duplicates) duplicates")
        #expect(accounting.missing.isEmpty, "missing: \(accounting.missing.prefix(20))")
        #expect(accounting.duplicates == 0)
        #expect(accounting.unexpected == 0)
    }

    @Test("/metrics and /health/* answer while the worker runs, and the lag gauge falls to 0 when the backlog is done")
    func metricsAndHealth() async throws {
        let bootstrap = try TestBroker.require()
        let topics = Topics()
        let inputs = try await Delivery.publish(bootstrap: bootstrap, topic: topics.input, partitions: 6, pages: Self.pages(600))
        try topics.create(bootstrap: bootstrap)
        let port = Int.random(in: 30_000..<40_000)
        var args = topics.workerArguments(bootstrap, ["--lag-interval", "0.5"])
        args[args.firstIndex(of: "--http-port")! + 1] = String(port)
        let worker = try WorkerProcess(arguments: args)
        defer { _ = worker.terminate() }

        func get(_ path: String) async -> (Int, String) {
            guard let url = URL(string: "http://127.0.0.1:\(port)\(path)"),
                  let (data, response) = try? await URLSession.shared.data(from: url) else { return (0, "") }
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
        }
        // Live at once; ready once partitions are assigned.
        var live = (0, "")
        for _ in 0..<100 where live.0 != 200 { live = await get("/health/live"); try await Task.sleep(for: .milliseconds(100)) }
        #expect(live.0 == 200)
        var ready = (0, "")
        for _ in 0..<300 where ready.0 != 200 { ready = await get("/health/ready"); try await Task.sleep(for: .milliseconds(100)) }
        #expect(ready.0 == 200)

        #expect(try await Delivery.waitForCommits(bootstrap: bootstrap, group: topics.group, topic: topics.input, ends: Delivery.ends(inputs), timeout: 240))
        // The lag gauges of all six partitions reach 0.
        var lags: [String] = []
        for _ in 0..<60 {
            let (status, body) = await get("/metrics")
            #expect(status == 200)
            lags = body.split(separator: "\n").filter { $0.hasPrefix("newsflow_consumer_lag_messages{") }.map(String.init)
            if lags.count == 6, lags.allSatisfy(Self.isZero) { break }
            try await Task.sleep(for: .milliseconds(500))
        }
        #expect(lags.count == 6 && lags.allSatisfy(Self.isZero), "lag lines: \(lags)")
        let (_, metrics) = await get("/metrics")
        let consumed = metrics.split(separator: "\n").first { $0.hasPrefix("newsflow_pages_consumed_total ") }
        #expect(consumed.flatMap { Double($0.split(separator: " ").last ?? "") } == Double(inputs.count))
        #expect(metrics.contains("newsflow_extraction_seconds_bucket"))
        #expect(metrics.contains("newsflow_dead_letters_total{kind=\"invalid_envelope\"}"))
        #expect(await get("/nope").0 == 404)
    }
}
