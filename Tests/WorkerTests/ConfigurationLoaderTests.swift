import Foundation
import Testing

@testable import Worker

@Suite("Configuration: flags, environment, env-file, defaults")
struct ConfigurationLoaderTests {
    @Test("defaults apply when nothing is given")
    func defaults() throws {
        let c = try ConfigurationLoader(environment: [:]).load()
        #expect(c == WorkerConfiguration())
        #expect(c.inputTopic == "pages.raw" && c.outputTopic == "articles.v1" && c.dlqTopic == "pages.raw.dlq")
        #expect(c.brokers == "127.0.0.1:9092" && c.groupID == "newsflow")
    }

    @Test("a flag beats the environment, which beats the config file")
    func precedence() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("newsflow-\(UUID().uuidString).env")
        try """
        # comment
        NEWSFLOW_INPUT_TOPIC=from-file
        NEWSFLOW_OUTPUT_TOPIC=from-file
        NEWSFLOW_DLQ_TOPIC="quoted.dlq"
        NEWSFLOW_KAFKA_SOCKET_TIMEOUT_MS=1234
        """.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        var loader = ConfigurationLoader(environment: ["NEWSFLOW_CONFIG": file.path, "NEWSFLOW_INPUT_TOPIC": "from-env", "NEWSFLOW_OUTPUT_TOPIC": "from-env"])
        loader.flags[.inputTopic] = "from-flag"
        let c = try loader.load()
        #expect(c.inputTopic == "from-flag")
        #expect(c.outputTopic == "from-env")
        #expect(c.dlqTopic == "quoted.dlq")
        #expect(c.kafkaProperties["socket.timeout.ms"] == "1234")
    }

    @Test("librdkafka properties come from NEWSFLOW_KAFKA_* and -X, -X last")
    func kafkaProperties() throws {
        let c = try ConfigurationLoader(
            kafkaFlags: ["security.protocol=SSL", "fetch.wait.max.ms=50"],
            environment: ["NEWSFLOW_KAFKA_SECURITY_PROTOCOL": "SASL_SSL", "NEWSFLOW_KAFKA_STATISTICS_INTERVAL_MS": "1000"]
        ).load()
        #expect(c.kafkaProperties == ["security.protocol": "SSL", "fetch.wait.max.ms": "50", "statistics.interval.ms": "1000"])
    }

    @Test("bad values are rejected with the setting's name in the message", arguments: [
        ("NEWSFLOW_CONCURRENCY", "zero"), ("NEWSFLOW_HTTP_PORT", "70000"), ("NEWSFLOW_INPUT_TOPIC", "bad topic!"),
        ("NEWSFLOW_LOG_FORMAT", "xml"), ("NEWSFLOW_EXACTLY_ONCE", "maybe"), ("NEWSFLOW_ASSIGNMENT_STRATEGY", "sticky"),
        ("NEWSFLOW_DRAIN_TIMEOUT", "-1"),
    ])
    func rejectsBadValues(name: String, value: String) {
        do {
            _ = try ConfigurationLoader(environment: [name: value]).load()
            Issue.record("\(name)=\(value) was accepted")
        } catch {
            #expect(error.message.contains(name))
        }
    }

    @Test("an unknown setting in the config file is an error, not silently ignored")
    func unknownFileKey() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("newsflow-\(UUID().uuidString).env")
        try "NEWSFLOW_INPUT_TOPC=typo\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: ConfigurationError.self) {
            _ = try ConfigurationLoader(environment: ["NEWSFLOW_CONFIG": file.path]).load()
        }
    }

    @Test("every setting's env name is listed in `run --help`")
    func helpListsEveryEnvName() {
        let help = RunCommand.helpMessage()
        for setting in ConfigurationLoader.Setting.allCases {
            #expect(help.contains(setting.rawValue), "\(setting.rawValue) missing from run --help")
        }
        #expect(help.contains("NEWSFLOW_KAFKA_"))
    }
}
