import Foundation

/// A resolved replay: for each partition, the offsets `[start, end)` to reprocess and where to resume.
///
/// The ends are fixed when the plan is made, so a replay finishes however fast new pages arrive. The plan is
/// stored with the progress: every commit of the replay group carries ``Range/metadata`` (start and end), so
/// a rerun continues the same ranges instead of re-resolving `now` or a relative time.
struct ReplayPlan: Sendable, Equatable {
    /// One partition's range.
    struct Range: Sendable, Equatable {
        var partition: Int32
        /// First offset to reprocess.
        var start: Int64
        /// First offset not to reprocess (fixed at plan time).
        var end: Int64
        /// Where this run starts reading: `start`, or the committed progress of an earlier run.
        var resumeAt: Int64
        /// True when start and end came from an earlier run's commits.
        var stored = false

        /// Offsets in the range (an upper bound of the messages: compaction and transaction markers leave gaps).
        var count: Int64 { max(0, end - start) }
        /// Offsets still to do.
        var remaining: Int64 { max(0, end - max(resumeAt, start)) }

        /// The commit metadata that stores this range.
        var metadata: String { "\(Self.metadataPrefix) start=\(start) end=\(end)" }

        static let metadataPrefix = "newsflow-replay/v1"

        /// Parses ``metadata``; nil when `text` is not one.
        static func parseMetadata(_ text: String) -> (start: Int64, end: Int64)? {
            let parts = text.split(separator: " ")
            guard parts.count == 3, parts[0] == Self.metadataPrefix,
                  parts[1].hasPrefix("start="), parts[2].hasPrefix("end="),
                  let s = Int64(parts[1].dropFirst(6)), let e = Int64(parts[2].dropFirst(4)), s >= 0, e >= s
            else { return nil }
            return (s, e)
        }
    }

    var request: ReplayRequest
    var groupID: String
    var ranges: [Range]
    /// When the ends were resolved (milliseconds since the epoch).
    var resolvedAtMs: Int64

    var total: Int64 { ranges.reduce(0) { $0 + $1.count } }
    var remaining: Int64 { ranges.reduce(0) { $0 + $1.remaining } }
    var isComplete: Bool { remaining == 0 }

    // MARK: Rendering

    /// The plan as printed by `--dry-run` and at the start of a replay (stdout).
    func render() -> String {
        var lines = [
            "replay plan",
            "  input:      \(request.inputTopic)",
            "  output:     \(request.outputTopic) (dead letters: \(request.dlqTopic))",
            "  from:       \(request.fromText) (\(request.from))",
            "  to:         \(request.toText) (\(request.to))",
            "  resolved:   \(ReplayBoundary.format(resolvedAtMs))",
            "  group:      \(groupID)",
            "  partition        start          end     messages    remaining  note",
        ]
        func pad(_ v: Any, _ n: Int) -> String { let t = "\(v)"; return String(repeating: " ", count: max(0, n - t.count)) + t }
        for r in ranges {
            let note = r.stored ? (r.remaining == 0 ? "done (stored plan)" : "resuming at \(r.resumeAt) (stored plan)") : ""
            lines.append("  \(pad(r.partition, 9)) \(pad(r.start, 12)) \(pad(r.end, 12)) \(pad(r.count, 12)) \(pad(r.remaining, 12))  \(note)")
        }
        lines.append("  total messages: \(total), remaining: \(remaining)")
        return lines.joined(separator: "\n")
    }
}
