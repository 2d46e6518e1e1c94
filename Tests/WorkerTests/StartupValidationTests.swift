import Foundation
import Testing

/// `newsflow run` refuses to start, with a clear message and a non-zero exit, when its
/// configuration cannot work.
@Suite("Startup validation of `newsflow run`")
struct StartupValidationTests {
    func run(_ arguments: [String], timeout: TimeInterval = 60) throws -> (status: Int32, output: String) {
        let worker = try WorkerProcess(arguments: ["run", "--http-port", "0"] + arguments)
        let deadline = Date().addingTimeInterval(timeout)
        while worker.process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let status = worker.process.isRunning ? worker.terminate() : worker.process.terminationStatus
        return (status, worker.log)
    }

    @Test("an unknown librdkafka property is named in the error")
    func badKafkaProperty() throws {
        let (status, output) = try run(["-X", "no.such.property=1"])
        #expect(status != 0)
        #expect(output.contains("no.such.property"))
    }

    @Test("an invalid setting is named in the error", arguments: [["--concurrency", "0"], ["--log-format", "xml"]])
    func badSetting(arguments: [String]) throws {
        let (status, output) = try run(arguments)
        #expect(status != 0)
        #expect(output.contains(arguments[0]) || output.contains("NEWSFLOW_"))
    }

    @Test("a missing input topic stops the worker at start", .enabled(if: TestBroker.enabled, TestBroker.skipReason))
    func missingTopic() throws {
        let bootstrap = try TestBroker.require()
        let topic = TestBroker.unique("missing")
        let (status, output) = try run(["--brokers", bootstrap, "--input-topic", topic])
        #expect(status != 0)
        #expect(output.contains("input topic '\(topic)' does not exist"))
    }

    @Test("an unreachable broker stops the worker at start")
    func unreachableBroker() throws {
        let (status, output) = try run(["--brokers", "127.0.0.1:1"], timeout: 90)
        #expect(status != 0)
        #expect(output.contains("cannot reach the brokers at 127.0.0.1:1"))
    }
}
