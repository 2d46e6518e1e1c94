import Foundation
import Schemas

/// What the operator asked for: topics, the two boundaries and the partitions, before anything is resolved
/// against the broker.
///
/// Its ``fingerprint`` names the replay's consumer group (``groupID``): the same command line gives the
/// same group, so a rerun after an interruption finds the committed progress (and the plan stored with it)
/// and continues; relative boundaries (`36h`) are fingerprinted as written, not as resolved.
struct ReplayRequest: Sendable, Equatable {
    var inputTopic: String
    var outputTopic: String
    var dlqTopic: String
    /// `--from` as written (default `earliest`).
    var fromText: String
    /// `--to` as written (default `now`).
    var toText: String
    var from: ReplayBoundary
    var to: ReplayBoundary
    var partitions: PartitionSelection
    /// The live worker's group (`--group-id`); the replay never commits under it.
    var liveGroupID: String
    /// `--replay-group-id`, when given.
    var groupOverride: String?

    init(inputTopic: String, outputTopic: String, dlqTopic: String, from: String, to: String, partitions: String?,
         liveGroupID: String, groupOverride: String?, now: Date = Date()) throws(ReplayError) {
        self.inputTopic = inputTopic
        self.outputTopic = outputTopic
        self.dlqTopic = dlqTopic
        self.fromText = from
        self.toText = to
        self.from = try ReplayBoundary.parse(from, now: now)
        self.to = try ReplayBoundary.parse(to, now: now)
        self.partitions = try PartitionSelection.parse(partitions)
        self.liveGroupID = liveGroupID
        self.groupOverride = groupOverride.flatMap { $0.isEmpty ? nil : $0 }
        if case .timestamp(let a) = self.from, case .timestamp(let b) = self.to, a > b {
            throw ReplayError(.invalidBoundary, "--from \(from) is after --to \(to)")
        }
        if groupID == liveGroupID {
            throw ReplayError(.invalidOptions, "the replay group must not be the live group '\(liveGroupID)': it would move the live workers' offsets")
        }
    }

    /// First 12 hex digits of the SHA-256 of the canonical request.
    var fingerprint: String {
        let canonical = ["replay/v1", inputTopic, outputTopic, dlqTopic, fromText.lowercased(), toText.lowercased(), partitions.description]
            .joined(separator: "\n")
        return String(SHA256.hex(Array(canonical.utf8)).prefix(12))
    }

    /// `--replay-group-id`, else `<live group>-replay-<fingerprint>` (e.g. `newsflow-replay-3fa9c2e1d0b4`).
    var groupID: String { groupOverride ?? "\(liveGroupID)-replay-\(fingerprint)" }
}
