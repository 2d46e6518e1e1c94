import Foundation
import Kafka
import Logging

/// Turns ``ReplayBoundary`` values into offsets of one partition, trusting no single broker answer.
///
/// Measured on the development broker (Tansu): the high watermark (and `auto.offset.reset=latest`) can point
/// inside the last record batch, i.e. before records that exist; and ListOffsets by timestamp answers 0, not
/// -1, for a time after every record. So:
/// - the end of a partition is the larger of the high watermark and one past the last record a read of the
///   tail actually finds (records stamped after the replay started are not counted: they arrived after it);
/// - a by-time answer is checked by reading the record at it (timestamp ≥ the time) and the one before it
///   (timestamp < the time); when the check fails, the offset is found by binary search over reads of the
///   partition (timestamps are assumed non-decreasing, as with CreateTime from live producers).
/// All calls block; run them off the cooperative pool.
struct OffsetResolver {
    var consumer: KafkaAssignedConsumer
    var topic: String
    var logger: Logger
    /// How long to wait for one read.
    var readTimeoutMs = 5_000

    // MARK: End of a partition

    /// The end (next offset to be written) of `partition` as of `nowMs`.
    func end(of partition: Int32, nowMs: Int64) throws -> (low: Int64, end: Int64) {
        let tp = KafkaTopicPartition(topic: topic, partition: partition)
        let marks = try consumer.watermarks(tp)
        var end = max(marks.high, marks.low)
        // Read the tail from one before the reported end: records found past it mean the answer was short.
        let from = max(marks.low, marks.high - 1)
        try consumer.assign([tp: from])
        defer { try? consumer.assign([:]) }
        let deadline = Date().addingTimeInterval(Double(readTimeoutMs) / 1000)
        var lastSeen: Int64 = -1
        var sawEnd = false
        loop: while Date() < deadline {
            switch try consumer.poll(timeoutMs: 200) {
            case .message(let m) where m.topicPartition == tp && m.offset >= from:
                if let ts = m.timestamp, ts > nowMs { break loop }  // arrived after the replay started
                lastSeen = max(lastSeen, m.offset)
            case .partitionEnd(let p, let offset) where p == tp && offset >= from:
                if offset > lastSeen { sawEnd = true; break loop }
            case .error(let e) where e.isFatal:
                throw e
            default:
                continue
            }
        }
        if !sawEnd, lastSeen < 0, marks.high > marks.low {
            logger.warning("could not read the tail of the partition; using the high watermark", metadata: ["partition": "\(partition)", "high": "\(marks.high)"])
        }
        if lastSeen + 1 > end {
            logger.info("high watermark is short of the records present; using the last record read", metadata: [
                "partition": "\(partition)", "high": "\(marks.high)", "end": "\(lastSeen + 1)",
            ])
            end = lastSeen + 1
        }
        return (marks.low, end)
    }

    // MARK: Boundaries

    /// The offset in `[low, end]` that `boundary` means for `partition`; `isStart` picks the side's default for
    /// a partition missing from an offset list (`--from`: low, `--to`: end).
    func offset(for boundary: ReplayBoundary, partition: Int32, low: Int64, end: Int64, isStart: Bool) throws -> Int64 {
        switch boundary {
        case .earliest:
            return low
        case .latest:
            return end
        case .offsets(let map):
            guard let o = map[partition] else { return isStart ? low : end }
            return min(max(o, low), end)
        case .timestamp(let ms):
            return try offset(forTime: ms, partition: partition, low: low, end: end)
        }
    }

    /// The first offset in `[low, end)` whose record has a timestamp ≥ `timeMs`, or `end`.
    func offset(forTime timeMs: Int64, partition: Int32, low: Int64, end: Int64) throws -> Int64 {
        guard low < end else { return end }
        let tp = KafkaTopicPartition(topic: topic, partition: partition)
        let raw = try consumer.offsetsForTimes([tp], timestampMs: timeMs)[tp] ?? -1
        if raw >= low, raw < end, try verify(raw, timeMs: timeMs, tp: tp, low: low, end: end) {
            return raw
        }
        if raw < 0 || raw >= end {
            // "No such offset": check that the last record is indeed older.
            if let last = try read(tp, at: end - 1, end: end), let ts = last.timestamp, ts < timeMs { return end }
        }
        let found = try search(timeMs: timeMs, tp: tp, low: low, end: end)
        logger.info("broker's offset for the time did not check out; found by reading", metadata: [
            "partition": "\(partition)", "time": "\(ReplayBoundary.format(timeMs))", "broker": "\(raw)", "offset": "\(found)",
        ])
        return found
    }

    /// True when the record at `offset` is at or after the time and the record before it is before the time.
    private func verify(_ offset: Int64, timeMs: Int64, tp: KafkaTopicPartition, low: Int64, end: Int64) throws -> Bool {
        guard let at = try read(tp, at: offset, end: end), at.offset == offset, let ts = at.timestamp, ts >= timeMs else { return false }
        guard offset > low else { return true }
        guard let before = try read(tp, at: offset - 1, end: end) else { return false }
        if before.offset >= offset { return true }  // a gap before `offset`
        return (before.timestamp ?? .min) < timeMs
    }

    /// Binary search for the first record with a timestamp ≥ `timeMs`.
    private func search(timeMs: Int64, tp: KafkaTopicPartition, low: Int64, end: Int64) throws -> Int64 {
        var lo = low, hi = end
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            guard let m = try read(tp, at: mid, end: end) else { hi = mid; continue }
            if (m.timestamp ?? .min) >= timeMs {
                hi = mid
            } else {
                lo = min(m.offset + 1, hi)
            }
        }
        return lo
    }

    /// The first record at or after `offset` and before `end`.
    private func read(_ tp: KafkaTopicPartition, at offset: Int64, end: Int64) throws -> KafkaConsumerMessage? {
        guard offset < end, let m = try consumer.read(tp, at: offset, timeoutMs: readTimeoutMs), m.offset < end else { return nil }
        return m
    }
}
