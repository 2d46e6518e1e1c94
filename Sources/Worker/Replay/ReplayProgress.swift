import Foundation

/// Counts what a replay did and renders the progress line and the summary (stderr).
///
/// Thread-safe: the extraction threads report outcomes, the replay loop reads snapshots.
final class ReplayProgress: @unchecked Sendable {
    struct Snapshot: Sendable {
        /// Offsets covered so far in this run (processed records plus gaps closed at partition ends).
        var doneOffsets: Int64
        /// Offsets this run has to cover.
        var totalOffsets: Int64
        var records: Int
        var deadLetters: Int
        var elapsed: Duration

        var pages: Int { records + deadLetters }
        /// Pages per second in this run.
        var rate: Double {
            let s = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            return s > 0 ? Double(pages) / s : 0
        }
        /// Seconds left at the current rate; nil before the first page.
        var etaSeconds: Double? {
            guard rate > 0 else { return nil }
            return Double(max(0, totalOffsets - doneOffsets)) / rate
        }
    }

    private let lock = NSLock()
    private let started = ContinuousClock.now
    private let totalOffsets: Int64
    private var covered: [Int32: Int64] = [:]
    private var records = 0
    private var deadLetters = 0

    /// `resumeAt` per partition and the total offsets this run covers.
    init(totalOffsets: Int64) {
        self.totalOffsets = totalOffsets
    }

    func recordProduced() { lock.withLock { records += 1 } }
    func deadLetterProduced() { lock.withLock { deadLetters += 1 } }

    /// Offsets of `partition` covered in this run so far (from its resume position to its done position).
    func setCovered(_ partition: Int32, _ n: Int64) { lock.withLock { covered[partition] = n } }

    var snapshot: Snapshot {
        lock.withLock {
            Snapshot(doneOffsets: covered.values.reduce(0, +), totalOffsets: totalOffsets, records: records,
                     deadLetters: deadLetters, elapsed: ContinuousClock.now - started)
        }
    }

    // MARK: Rendering

    /// `replay: 1234/2000 offsets (61.7%), 1230 pages (1180 records, 50 dead letters), 250.3 pages/s, ETA 3s`
    static func line(_ s: Snapshot) -> String {
        let percent = s.totalOffsets > 0 ? Double(s.doneOffsets) / Double(s.totalOffsets) * 100 : 100
        let eta = s.etaSeconds.map { formatSeconds($0) } ?? "–"
        return "replay: \(s.doneOffsets)/\(s.totalOffsets) offsets (\(String(format: "%.1f", percent))%), "
            + "\(s.pages) pages (\(s.records) records, \(s.deadLetters) dead letters), "
            + "\(String(format: "%.1f", s.rate)) pages/s, ETA \(eta)"
    }

    static func formatSeconds(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.up))
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m\(String(format: "%02d", s % 60))s" }
        return "\(s / 3600)h\(String(format: "%02d", (s % 3600) / 60))m"
    }
}
