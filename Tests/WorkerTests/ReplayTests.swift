import Foundation
import Kafka
import Schemas
import Testing

/// `newsflow replay` as a real process against the development broker.
///
/// One input topic of 2,000 pages over 6 partitions, produced in three waves about two seconds apart
/// (librdkafka stamps CreateTime at produce time, so the instants between the waves separate them exactly).
@Suite("Replay on the development broker", .serialized, .enabled(if: TestBroker.enabled, TestBroker.skipReason))
struct ReplayTests {
    static let partitions = 6
    static let maxPageBytes = 200_000

    struct Fixture: Sendable {
        var topic: String
        var waves: [[Delivery.Position]]
        /// Instants (ms) between wave 1 and 2, and between 2 and 3.
        var between: [Int64]
        var all: [Delivery.Position] { waves.flatMap { $0 } }
    }

    static let fixture = Task<Fixture, Error> {
        let bootstrap = try TestBroker.require()
        let topic = TestBroker.unique("replay-pages")
        var waves: [[Delivery.Position]] = []
        var between: [Int64] = []
        for (n, range) in [0..<700, 700..<1400, 1400..<2000].enumerated() {
            if n > 0 {
                try await Task.sleep(for: .milliseconds(1000))
                between.append(Int64(Date().timeIntervalSince1970 * 1000))
                try await Task.sleep(for: .milliseconds(1000))
            }
            let pages = range.map { PageFactory.page($0, maxPageBytes: maxPageBytes) }
            waves.append(try await Delivery.publish(bootstrap: bootstrap, topic: topic, partitions: partitions, pages: pages))
        }
        return Fixture(topic: topic, waves: waves, between: between)
    }

    // MARK: Helpers

    struct Run {
        var status: Int32
        var log: String
        var output: String
        var dlq: String
        var group: String?
        /// start/end per partition from the printed plan.
        var plan: [Int32: (start: Int64, end: Int64)]
    }

    /// Runs `newsflow replay` to completion (or until `stopAfter` seconds, then SIGTERM).
    func replay(_ fixture: Fixture, _ arguments: [String], output: String? = nil, dlq: String? = nil, stopWhen: ((String) -> Bool)? = nil) async throws -> Run {
        let bootstrap = try TestBroker.require()
        let output = output ?? TestBroker.unique("replay-articles")
        let dlq = dlq ?? TestBroker.unique("replay-dlq")
        let admin = try KafkaAdmin(bootstrapServers: bootstrap)
        defer { admin.close() }
        try admin.createTopics([KafkaNewTopic(name: output, partitions: 3), KafkaNewTopic(name: dlq, partitions: 1)])
        let process = try WorkerProcess(arguments: [
            "replay", "--brokers", bootstrap, "--input-topic", fixture.topic, "--output-topic", output, "--dlq-topic", dlq,
            "--max-page-bytes", String(Self.maxPageBytes), "--concurrency", "2", "--progress-interval", "1", "--log-level", "notice",
        ] + arguments)
        let deadline = Date().addingTimeInterval(300)
        while process.process.isRunning, Date() < deadline {
            if let stopWhen, stopWhen(process.log) { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        let status = process.terminate()
        let log = process.log
        return Run(status: status, log: log, output: output, dlq: dlq,
                   group: log.split(separator: "\n").first { $0.contains("group:") }.map { String($0.split(separator: ":").last!).trimmingCharacters(in: .whitespaces) },
                   plan: Self.parsePlan(log))
    }

    static func parsePlan(_ log: String) -> [Int32: (start: Int64, end: Int64)] {
        var out: [Int32: (start: Int64, end: Int64)] = [:]
        for line in log.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 5, let p = Int32(fields[0]), let s = Int64(fields[1]), let e = Int64(fields[2]),
                  Int64(fields[3]) != nil, Int64(fields[4]) != nil else { continue }
            out[p] = (s, e)
        }
        return out
    }

    /// Everything in the run's output and dead-letter topics.
    func outputs(_ run: Run) async throws -> [KafkaConsumerMessage] {
        try await Delivery.readEverything(bootstrap: try TestBroker.require(), topics: [run.output, run.dlq], idle: 4, timeout: 120)
    }

    func positions(_ messages: [KafkaConsumerMessage], dlq: String) throws -> [Delivery.Position] {
        try messages.map { try Delivery.sourcePosition($0, dlqTopic: dlq) }
    }

    static func rfc3339(_ ms: Int64) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: Date(timeIntervalSince1970: Double(ms) / 1000))
    }

    // MARK: Tests

    @Test("A timestamp window (duration before now → RFC 3339) reprocesses exactly the pages stamped inside it")
    func timestampWindow() async throws {
        let fixture = try await Self.fixture.value
        let nowMs = Int64(Date().timeIntervalSince1970 * 1000)
        let run = try await replay(fixture, ["--from", "\(nowMs - fixture.between[0])ms", "--to", Self.rfc3339(fixture.between[1])])
        #expect(run.status == 0, "exit \(run.status); log:\n\(run.log.suffix(3000))")
        let out = try await outputs(run)
        let account = try Delivery.account(outputs: out, inputs: fixture.waves[1], dlqTopic: run.dlq)
        #expect(account.missing.isEmpty, "missing \(account.missing.count) of wave 2: \(account.missing.prefix(10))")
        #expect(account.duplicates == 0 && account.unexpected == 0, "duplicates \(account.duplicates), outside the window \(account.unexpected)")
        #expect(out.count == fixture.waves[1].count)
        #expect(run.log.contains("replay: complete"))
    }

    @Test("earliest→now while pages keep arriving: finishes, and reprocesses exactly the pages present at its start")
    func boundedWhileLive() async throws {
        let fixture = try await Self.fixture.value
        let bootstrap = try TestBroker.require()
        let before = Delivery.ends(fixture.all)
        // Keep publishing during the whole replay.
        let extra = PositionBox()
        let feeder = Task {
            var i = 2000
            while !Task.isCancelled {
                let pages = (i..<(i + 12)).map { PageFactory.page($0, maxPageBytes: Self.maxPageBytes) }
                if let p = try? await Delivery.publish(bootstrap: bootstrap, topic: fixture.topic, partitions: Self.partitions, pages: pages) { extra.append(p) }
                i += 12
                try? await Task.sleep(for: .milliseconds(50))
            }
        }
        try await Task.sleep(for: .milliseconds(500))
        let run = try await replay(fixture, ["--from", "earliest", "--to", "now"])
        let arrivedDuring = extra.count
        try await Task.sleep(for: .milliseconds(500))
        feeder.cancel()
        _ = await feeder.value
        #expect(run.status == 0, "exit \(run.status); log:\n\(run.log.suffix(3000))")
        #expect(run.plan.count == Self.partitions, "plan not printed: \(run.log.prefix(2000))")
        let everything = fixture.all + extra.all
        // The plan's end covers every page acknowledged before the replay started, and stops short of what came later.
        for (p, end) in before { #expect((run.plan[p]?.end ?? -1) >= end, "partition \(p): planned end \(String(describing: run.plan[p]?.end)) < \(end)") }
        let expected = everything.filter { $0.offset < (run.plan[$0.partition]?.end ?? 0) }
        #expect(everything.count > expected.count, "no page arrived after the start (\(arrivedDuring) arrived during the run)")
        let out = try await outputs(run)
        let account = try Delivery.account(outputs: out, inputs: expected, dlqTopic: run.dlq)
        #expect(account.missing.isEmpty, "missing \(account.missing.count): \(account.missing.prefix(10))")
        #expect(account.duplicates == 0 && account.unexpected == 0, "duplicates \(account.duplicates), after the end \(account.unexpected)")
    }

    @Test("Replaying the same range twice gives byte-identical record values keyed by record id")
    func deterministic() async throws {
        let fixture = try await Self.fixture.value
        let args = ["--partitions", "0-2", "--from", "0:50,1:50,2:50", "--to", "0:250,1:250,2:250"]
        let first = try await replay(fixture, args + ["--replay-group-id", TestBroker.unique("replay-a")])
        let second = try await replay(fixture, args + ["--replay-group-id", TestBroker.unique("replay-b")])
        #expect(first.status == 0 && second.status == 0, "exit \(first.status)/\(second.status):\n\(first.log.suffix(2000))\n\(second.log.suffix(2000))")
        func records(_ run: Run) async throws -> [Delivery.Position: KafkaConsumerMessage] {
            var out: [Delivery.Position: KafkaConsumerMessage] = [:]
            for m in try await outputs(run) where m.topic == run.output {
                let record = try RecordCoding.decode(ArticleRecord.self, from: m.value)
                #expect(m.key == Array(record.id.utf8))
                #expect(record.source?.topic == fixture.topic)
                out[try Delivery.sourcePosition(m, dlqTopic: run.dlq)] = m
            }
            return out
        }
        let a = try await records(first)
        let b = try await records(second)
        let inRange = fixture.all.filter { $0.partition <= 2 && $0.offset >= 50 && $0.offset < 250 }
        #expect(a.count > 500 && a.count <= inRange.count)
        #expect(Set(a.keys) == Set(b.keys))
        #expect(a.keys.allSatisfy { $0.partition <= 2 && $0.offset >= 50 && $0.offset < 250 })
        for (position, m) in a { #expect(b[position]?.value == m.value, "record for \(position) differs") }
    }

    @Test("A dry run prints the plan and changes nothing: no commits (replay group or its plan groups), no output")
    func dryRun() async throws {
        let fixture = try await Self.fixture.value
        let bootstrap = try TestBroker.require()
        let run = try await replay(fixture, ["--dry-run", "--to", Self.rfc3339(fixture.between[1])])
        #expect(run.status == 0, "exit \(run.status); log:\n\(run.log.suffix(3000))")
        // The plan: every partition, from 0 to the end of wave 2.
        let ends = Delivery.ends(fixture.waves[0] + fixture.waves[1])
        for p in Int32(0)..<Int32(Self.partitions) {
            #expect(run.plan[p]?.start == 0 && run.plan[p]?.end == ends[p], "partition \(p): \(String(describing: run.plan[p])) expected 0..<\(String(describing: ends[p]))")
        }
        let group = try #require(run.group)
        let admin = try KafkaAdmin(bootstrapServers: bootstrap)
        defer { admin.close() }
        for g in [group, group + ".start", group + ".end"] {
            #expect(try admin.committedOffsets(group: g, topic: fixture.topic).isEmpty, "group \(g) has commits")
        }
        for topic in [run.output, run.dlq] {
            #expect(try admin.watermarks(topic: topic, partition: 0).high == 0, "\(topic) was written")
        }
    }

    @Test("An interrupted replay (SIGTERM) commits its progress; the same command continues it to the end")
    func resumes() async throws {
        let fixture = try await Self.fixture.value
        let args = ["--from", "earliest", "--to", Self.rfc3339(fixture.between[1])]
        let output = TestBroker.unique("replay-articles")
        let dlq = TestBroker.unique("replay-dlq")
        // Slowed down (one thread, two pages in flight) and stopped once it reported progress.
        let first = try await replay(fixture, args + ["--concurrency", "1", "--max-in-flight", "2"], output: output, dlq: dlq) { log in
            log.split(separator: "\n").contains { $0.hasPrefix("replay: ") && $0.contains(" pages (") && !$0.contains(" 0 pages (") }
        }
        #expect(first.status == 3, "first run should be interrupted (exit 3), got \(first.status):\n\(first.log.suffix(2000))")
        let second = try await replay(fixture, args, output: output, dlq: dlq)
        #expect(second.status == 0, "exit \(second.status):\n\(second.log.suffix(3000))")
        #expect(second.group == first.group)
        #expect(second.log.contains("stored plan"), "second run did not find the stored plan:\n\(second.log.prefix(2000))")
        let expected = fixture.waves[0] + fixture.waves[1]
        let out = try await outputs(second)
        let account = try Delivery.account(outputs: out, inputs: expected, dlqTopic: dlq)
        #expect(account.missing.isEmpty, "missing \(account.missing.count): \(account.missing.prefix(10))")
        #expect(account.unexpected == 0)
        // At-least-once: only pages in flight at the interruption may appear twice.
        #expect(account.duplicates <= 256, "duplicates \(account.duplicates)")
        // A third run of the same command has nothing left to do.
        let third = try await replay(fixture, args, output: output, dlq: dlq)
        #expect(third.status == 0 && third.log.contains("nothing to do"), "\(third.log.suffix(2000))")
    }
}

final class PositionBox: @unchecked Sendable {
    private let lock = NSLock()
    private var positions: [Delivery.Position] = []
    func append(_ p: [Delivery.Position]) { lock.withLock { positions += p } }
    var count: Int { lock.withLock { positions.count } }
    var all: [Delivery.Position] { lock.withLock { positions } }
}
