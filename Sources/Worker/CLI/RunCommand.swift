import ArgumentParser
import Foundation
import Kafka
import Logging
import ServiceLifecycle

/// `newsflow run`: the worker. Consumes raw pages, publishes article records and dead letters.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the worker: consume raw pages, publish article records and dead letters.",
        discussion: """
            Every option also reads an environment variable (shown as env: NAME); precedence: flag, \
            environment, config file (--config, an env-file of NEWSFLOW_X=value lines), default. \
            librdkafka properties: -X key=value, or NEWSFLOW_KAFKA_<KEY> with the key upper-cased and dots \
            written as underscores (env: NEWSFLOW_KAFKA_*).
            """
    )

    @OptionGroup var options: WorkerOptions

    func run() async throws {
        let configuration: WorkerConfiguration
        do {
            configuration = try options.loader().load()
        } catch {
            throw ValidationError(error.description)
        }
        LogSetup.bootstrap(format: configuration.logFormat, level: configuration.logLevel)
        let logger = Logger(label: "newsflow")
        try await WorkerRuntime(configuration: configuration, logger: logger).run()
    }
}

/// The options of `newsflow run` (and of commands that run the worker), each with its env variable.
struct WorkerOptions: ParsableArguments {
    @Option(help: "Kafka bootstrap servers. (env: NEWSFLOW_BROKERS) (default: 127.0.0.1:9092)")
    var brokers: String?
    @Option(help: "Topic of raw pages. (env: NEWSFLOW_INPUT_TOPIC) (default: pages.raw)")
    var inputTopic: String?
    @Option(help: "Topic of article records, keyed by record id. (env: NEWSFLOW_OUTPUT_TOPIC) (default: articles.v1)")
    var outputTopic: String?
    @Option(help: "Dead-letter topic. (env: NEWSFLOW_DLQ_TOPIC) (default: pages.raw.dlq)")
    var dlqTopic: String?
    @Option(help: "Consumer group. (env: NEWSFLOW_GROUP_ID) (default: newsflow)")
    var groupId: String?
    @Option(help: "Kafka client.id. (env: NEWSFLOW_CLIENT_ID) (default: newsflow)")
    var clientId: String?
    @Option(help: "Extraction threads. (env: NEWSFLOW_CONCURRENCY) (default: number of cores)")
    var concurrency: String?
    @Option(help: "Pages consumed but not yet committed, at most. (env: NEWSFLOW_MAX_IN_FLIGHT) (default: 1024)")
    var maxInFlight: String?
    @Option(help: "Bytes of in-flight pages, at most. (env: NEWSFLOW_MAX_IN_FLIGHT_BYTES) (default: 67108864)")
    var maxInFlightBytes: String?
    @Option(help: "Larger pages go to the dead-letter topic as too_large. (env: NEWSFLOW_MAX_PAGE_BYTES) (default: 16777216)")
    var maxPageBytes: String?
    @Option(help: "cooperative-sticky, range or roundrobin. (env: NEWSFLOW_ASSIGNMENT_STRATEGY) (default: cooperative-sticky)")
    var assignmentStrategy: String?
    @Option(help: "Transactional read-process-write: true or false. (env: NEWSFLOW_EXACTLY_ONCE) (default: false)")
    var exactlyOnce: String?
    @Option(help: "Address for /metrics and /health/*. (env: NEWSFLOW_HTTP_HOST) (default: 0.0.0.0)")
    var httpHost: String?
    @Option(help: "Port for /metrics and /health/*; 0 disables. (env: NEWSFLOW_HTTP_PORT) (default: 8080)")
    var httpPort: String?
    @Option(help: "Seconds to finish in-flight pages after SIGTERM/SIGINT. (env: NEWSFLOW_DRAIN_TIMEOUT) (default: 30)")
    var drainTimeout: String?
    @Option(help: "Seconds between consumer-lag measurements for /metrics. (env: NEWSFLOW_LAG_INTERVAL) (default: 5)")
    var lagInterval: String?
    @Option(help: "trace, debug, info, notice, warning, error or critical. (env: NEWSFLOW_LOG_LEVEL) (default: info)")
    var logLevel: String?
    @Option(help: "text or json. (env: NEWSFLOW_LOG_FORMAT) (default: text)")
    var logFormat: String?
    @Option(help: "Env-file of NEWSFLOW_X=value lines. (env: NEWSFLOW_CONFIG)")
    var config: String?
    @Option(name: [.customShort("X"), .customLong("kafka-property")], help: "A librdkafka property KEY=VALUE (repeatable). (env: NEWSFLOW_KAFKA_<KEY>)")
    var kafkaProperty: [String] = []

    func loader(environment: [String: String] = ProcessInfo.processInfo.environment) -> ConfigurationLoader {
        var flags: [ConfigurationLoader.Setting: String] = [:]
        flags[.brokers] = brokers
        flags[.inputTopic] = inputTopic
        flags[.outputTopic] = outputTopic
        flags[.dlqTopic] = dlqTopic
        flags[.groupID] = groupId
        flags[.clientID] = clientId
        flags[.concurrency] = concurrency
        flags[.maxInFlight] = maxInFlight
        flags[.maxInFlightBytes] = maxInFlightBytes
        flags[.maxPageBytes] = maxPageBytes
        flags[.assignmentStrategy] = assignmentStrategy
        flags[.exactlyOnce] = exactlyOnce
        flags[.httpHost] = httpHost
        flags[.httpPort] = httpPort
        flags[.drainTimeout] = drainTimeout
        flags[.lagInterval] = lagInterval
        flags[.logLevel] = logLevel
        flags[.logFormat] = logFormat
        flags[.config] = config
        return ConfigurationLoader(flags: flags, kafkaFlags: kafkaProperty, environment: environment)
    }
}

/// Runs the worker service and the HTTP server under one ServiceGroup with signal handling.
struct WorkerRuntime {
    var configuration: WorkerConfiguration
    var logger: Logger
    var metrics = WorkerMetrics()
    var health = HealthState()

    func run() async throws {
        let worker = WorkerService(configuration: configuration, metrics: metrics, health: health, logger: logger)
        var services: [any Service] = [worker]
        if configuration.httpPort > 0 {
            services.append(HTTPServer(host: configuration.httpHost, port: configuration.httpPort, metrics: metrics, health: health, logger: logger))
        }
        let group = ServiceGroup(configuration: .init(
            services: services.map { .init(service: $0, successTerminationBehavior: .gracefullyShutdownGroup, failureTerminationBehavior: .gracefullyShutdownGroup) },
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        try await group.run()
    }
}
