import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle

/// `newsflow replay`: reprocess a bounded slice of the input topic's history into the output topic.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Reprocess a slice of the input topic's history (bounded, resumable, beside live workers).",
        discussion: """
            The range is [--from, --to) per partition. Each is: earliest; now (or latest); offsets per partition \
            as P:O[,P:O...] (e.g. 0:120,1:80; unlisted partitions default to earliest / now); an RFC 3339 time \
            (2024-12-10T06:00:00Z: the first page at or after it); or a duration before now (7d, 36h, 90m, 1h30m). \
            The end of every partition is fixed when the replay starts, so it finishes while new pages arrive. \
            Partitions are assigned manually (no group join: live workers are not disturbed) and progress is \
            committed under the replay's own group, by default <group-id>-replay-<hash of the options>, with the \
            plan: rerunning the same command continues where it stopped. Records are byte-identical to those of \
            `newsflow run` for the same input offsets and extractor version. Exit status: 0 done (or dry run), \
            3 interrupted (progress saved), 1 error. All options of `newsflow run` are accepted (same env names); \
            the HTTP, lag and exactly-once options do not apply. See docs/reprocessing.md.
            """
    )

    @Option(help: "Start of the range: earliest, now, P:O[,P:O...], RFC 3339 time or duration before now. (env: NEWSFLOW_REPLAY_FROM) (default: earliest)")
    var from: String?
    @Option(help: "End of the range (exclusive), same forms as --from. (env: NEWSFLOW_REPLAY_TO) (default: now)")
    var to: String?
    @Option(help: "Partitions to replay, e.g. 0,2,4-7. (env: NEWSFLOW_REPLAY_PARTITIONS) (default: all)")
    var partitions: String?
    @Option(help: "Consumer group for the replay's progress; must differ from --group-id. (env: NEWSFLOW_REPLAY_GROUP_ID) (default: <group-id>-replay-<hash>)")
    var replayGroupId: String?
    @Option(help: "Seconds between progress lines on stderr; 0 disables. (env: NEWSFLOW_REPLAY_PROGRESS_INTERVAL) (default: 5)")
    var progressInterval: String?
    @Flag(help: "Print the plan (partitions, start and end offsets, message counts) and change nothing.")
    var dryRun = false

    @OptionGroup var options: WorkerOptions

    func run() async throws {
        let env = ProcessInfo.processInfo.environment
        let configuration: WorkerConfiguration
        do {
            configuration = try options.loader().load()
        } catch {
            throw ValidationError(error.description)
        }
        func value(_ flag: String?, _ name: String) -> String? {
            if let flag { return flag }
            if let v = env[name], !v.isEmpty { return v }
            return nil
        }
        let request: ReplayRequest
        do {
            request = try ReplayRequest(
                inputTopic: configuration.inputTopic, outputTopic: configuration.outputTopic, dlqTopic: configuration.dlqTopic,
                from: value(from, "NEWSFLOW_REPLAY_FROM") ?? "earliest", to: value(to, "NEWSFLOW_REPLAY_TO") ?? "now",
                partitions: value(partitions, "NEWSFLOW_REPLAY_PARTITIONS"),
                liveGroupID: configuration.groupID, groupOverride: value(replayGroupId, "NEWSFLOW_REPLAY_GROUP_ID"))
        } catch {
            throw ValidationError(error.message)
        }
        let intervalText = value(progressInterval, "NEWSFLOW_REPLAY_PROGRESS_INTERVAL") ?? "5"
        guard let interval = Double(intervalText), interval >= 0, interval.isFinite else {
            throw ValidationError("NEWSFLOW_REPLAY_PROGRESS_INTERVAL=\(intervalText): expected seconds (a number ≥ 0)")
        }
        LogSetup.bootstrap(format: configuration.logFormat, level: configuration.logLevel)
        let logger = Logger(label: "newsflow.replay")
        let service = ReplayService(configuration: configuration, request: request, dryRun: dryRun, progressInterval: interval, logger: logger)
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: service, successTerminationBehavior: .gracefullyShutdownGroup, failureTerminationBehavior: .gracefullyShutdownGroup)],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        do {
            try await group.run()
        } catch let error as ReplayError {
            logger.error("replay failed", metadata: ["code": "\(error.code.rawValue)", "error": "\(error.message)"])
            throw ExitCode(1)
        }
        if service.outcome == .interrupted { throw ExitCode(3) }
    }
}
