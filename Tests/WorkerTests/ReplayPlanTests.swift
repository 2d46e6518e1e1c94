import Foundation
import Testing
@testable import Worker

/// Parsing and naming of a replay: boundaries, partitions, the group fingerprint, the stored range, progress.
@Suite("Replay plan parsing")
struct ReplayPlanTests {
    let now = Date(timeIntervalSince1970: 1_733_800_000)  // 2024-12-10T03:06:40Z
    var nowMs: Int64 { 1_733_800_000_000 }

    @Test("earliest, now/latest, per-partition offsets, RFC 3339 (with and without fraction, any offset) and durations")
    func boundaries() throws {
        #expect(try ReplayBoundary.parse("earliest", now: now) == .earliest)
        #expect(try ReplayBoundary.parse("now", now: now) == .latest)
        #expect(try ReplayBoundary.parse("LATEST", now: now) == .latest)
        #expect(try ReplayBoundary.parse("0:120,1:80", now: now) == .offsets([0: 120, 1: 80]))
        #expect(try ReplayBoundary.parse("2024-12-10T06:00:00Z", now: now) == .timestamp(1_733_810_400_000))
        #expect(try ReplayBoundary.parse("2024-12-10T12:00:00.250+06:00", now: now) == .timestamp(1_733_810_400_250))
        #expect(try ReplayBoundary.parse("7d", now: now) == .timestamp(nowMs - 7 * 86_400_000))
        #expect(try ReplayBoundary.parse("36h", now: now) == .timestamp(nowMs - 36 * 3_600_000))
        #expect(try ReplayBoundary.parse("1h30m", now: now) == .timestamp(nowMs - 90 * 60_000))
        #expect(try ReplayBoundary.parse("500ms", now: now) == .timestamp(nowMs - 500))
        #expect(try ReplayBoundary.parse("2w", now: now) == .timestamp(nowMs - 14 * 86_400_000))
    }

    @Test("Malformed boundaries are rejected with a message that shows the accepted forms", arguments: ["", "yesterday", "0:", "0:1,0:2", "-1:5", "36x", "12"])
    func badBoundaries(_ text: String) {
        #expect(throws: ReplayError.self) { try ReplayBoundary.parse(text, now: now) }
    }

    @Test("--partitions takes numbers and inclusive ranges; selecting a missing partition fails")
    func partitions() throws {
        #expect(try PartitionSelection.parse(nil) == .all)
        #expect(try PartitionSelection.parse("0,2,4-6").partitions == [0, 2, 4, 5, 6])
        #expect(try PartitionSelection.parse("3,1,3").partitions == [1, 3])
        #expect(throws: ReplayError.self) { try PartitionSelection.parse("2-1") }
        #expect(throws: ReplayError.self) { try PartitionSelection.parse("a") }
        #expect(try PartitionSelection.parse("1-2").apply(to: [0, 1, 2, 3], topic: "t") == [1, 2])
        #expect(throws: ReplayError.self) { try PartitionSelection.parse("7").apply(to: [0, 1], topic: "t") }
    }

    func request(from: String = "earliest", to: String = "now", output: String = "articles.v1", group: String? = nil) throws -> ReplayRequest {
        try ReplayRequest(inputTopic: "pages.raw", outputTopic: output, dlqTopic: "pages.raw.dlq", from: from, to: to,
                          partitions: nil, liveGroupID: "newsflow", groupOverride: group, now: now)
    }

    @Test("The replay group is <live group>-replay-<fingerprint>: stable for the same command, different for another range or output")
    func groupNames() throws {
        let a = try request(from: "36h")
        #expect(a.groupID.hasPrefix("newsflow-replay-") && a.groupID.count == "newsflow-replay-".count + 12)
        // The same relative boundary resolved later is the same replay (it resumes).
        let later = try ReplayRequest(inputTopic: "pages.raw", outputTopic: "articles.v1", dlqTopic: "pages.raw.dlq", from: "36h", to: "now",
                                      partitions: nil, liveGroupID: "newsflow", groupOverride: nil, now: now.addingTimeInterval(600))
        #expect(later.groupID == a.groupID)
        #expect(try request(from: "7d").groupID != a.groupID)
        #expect(try request(from: "36h", output: "articles.v2").groupID != a.groupID)
        #expect(try request(group: "my-replay").groupID == "my-replay")
        #expect(throws: ReplayError.self) { try request(group: "newsflow") }
        #expect(throws: ReplayError.self) { try request(from: "2024-12-10T06:00:00Z", to: "2024-12-09T06:00:00Z") }
    }

    @Test("A range's commit metadata round-trips; other strings are not taken for a stored range")
    func metadata() {
        let r = ReplayPlan.Range(partition: 3, start: 120, end: 480, resumeAt: 200)
        #expect(r.count == 360 && r.remaining == 280)
        let parsed = ReplayPlan.Range.parseMetadata(r.metadata)
        #expect(parsed?.start == 120 && parsed?.end == 480)
        #expect(ReplayPlan.Range.parseMetadata("") == nil)
        #expect(ReplayPlan.Range.parseMetadata("newsflow-replay/v1 start=9 end=3") == nil)
    }

    @Test("Progress lines show done/total, rate and ETA; positions commit the end once a partition is read and idle")
    func progress() {
        let s = ReplayProgress.Snapshot(doneOffsets: 500, totalOffsets: 2000, records: 450, deadLetters: 50, elapsed: .seconds(2))
        #expect(ReplayProgress.line(s) == "replay: 500/2000 offsets (25.0%), 500 pages (450 records, 50 dead letters), 250.0 pages/s, ETA 6s")
        #expect(ReplayProgress.formatSeconds(3_725) == "1h02m")

        let positions = ReplayPositions([
            .init(partition: 0, start: 0, end: 10, resumeAt: 0),
            .init(partition: 1, start: 5, end: 5, resumeAt: 5),
        ])
        #expect(!positions.allReadDone)
        positions.advance(0, to: 7)
        #expect(positions.pending(idle: { _ in true }) == [0: 7])
        positions.committed([0: 7])
        positions.markReadDone(0)  // the last records were gaps: the end is committed once nothing is in flight
        #expect(positions.pending(idle: { _ in false }).isEmpty)
        #expect(positions.pending(idle: { _ in true }) == [0: 10])
        positions.committed([0: 10])
        #expect(positions.allReadDone && positions.allCommitted)
    }
}
