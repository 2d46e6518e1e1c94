import Foundation
import Kafka
import Testing

/// Where the development broker is, for integration tests.
///
/// `scripts/test` starts it (`scripts/dev-broker start`) and sets `NEWSFLOW_TEST_BROKERS`; it also sets
/// `NEWSFLOW_REQUIRE_BROKER=1` so a missing broker fails instead of skipping.
enum TestBroker {
    static var bootstrap: String? {
        let v = ProcessInfo.processInfo.environment["NEWSFLOW_TEST_BROKERS"]
        return (v?.isEmpty ?? true) ? nil : v
    }

    /// True when the integration tests should run: a broker is configured, or one is required
    /// (then the test fails on the missing broker instead of being skipped).
    static var enabled: Bool {
        bootstrap != nil || ProcessInfo.processInfo.environment["NEWSFLOW_REQUIRE_BROKER"] == "1"
    }

    static let skipReason: Comment = "needs the development broker: run `scripts/dev-broker start` and set NEWSFLOW_TEST_BROKERS=127.0.0.1:9092 (scripts/test does both)"

    static func require() throws -> String {
        try #require(bootstrap, "NEWSFLOW_REQUIRE_BROKER=1 but NEWSFLOW_TEST_BROKERS is not set")
    }

    /// A name no other test run uses.
    static func unique(_ prefix: String) -> String {
        "\(prefix)-\(UInt32.random(in: 0...UInt32.max))-\(ProcessInfo.processInfo.processIdentifier)"
    }
}

/// The `newsflow` executable built beside the test bundle.
enum WorkerBinary {
    static var url: URL {
        if let p = ProcessInfo.processInfo.environment["NEWSFLOW_BIN"], !p.isEmpty { return URL(fileURLWithPath: p) }
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        // …/debug/newsflowPackageTests.xctest (a file on Linux) → …/debug/newsflow
        while !FileManager.default.isExecutableFile(atPath: dir.appendingPathComponent("newsflow").path), dir.path != "/" {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("newsflow")
    }
}

/// A `newsflow` child process with its output captured to a file.
final class WorkerProcess: @unchecked Sendable {
    let process = Process()
    let logURL: URL

    init(arguments: [String], environment: [String: String] = [:]) throws {
        logURL = FileManager.default.temporaryDirectory.appendingPathComponent("newsflow-worker-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let log = try FileHandle(forWritingTo: logURL)
        process.executableURL = WorkerBinary.url
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        process.environment = env
        process.standardOutput = log
        process.standardError = log
        try process.run()
    }

    var log: String { (try? String(contentsOf: logURL, encoding: .utf8)) ?? "" }

    /// Sends SIGTERM and waits for the exit status.
    func terminate(timeout: TimeInterval = 60) -> Int32 {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit(); return -9 }
        return process.terminationStatus
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
}

/// Reads everything from topics until `count` messages were seen or `timeout` passed.
func readAll(bootstrap: String, topics: [String], count: Int, timeout: TimeInterval) async throws -> [KafkaConsumerMessage] {
    var config = KafkaConsumerConfiguration(bootstrapServers: bootstrap, groupID: TestBroker.unique("reader"), topics: topics)
    config.sessionTimeoutMs = 6000
    config.assignmentStrategy = .range
    let consumer = try KafkaConsumer(configuration: config)
    defer { try? consumer.close() }
    var out: [KafkaConsumerMessage] = []
    let deadline = Date().addingTimeInterval(timeout)
    try await withThrowingTaskGroup(of: [KafkaConsumerMessage].self) { group in
        group.addTask {
            var seen: [KafkaConsumerMessage] = []
            for try await event in consumer.events {
                if case .message(let m) = event { seen.append(m) }
                if seen.count >= count || Date() > deadline { break }
            }
            return seen
        }
        group.addTask {
            try await Task.sleep(for: .seconds(timeout + 5))
            return []
        }
        out = try await group.next() ?? []
        group.cancelAll()
    }
    return out
}
