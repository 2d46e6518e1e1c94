import Kafka

/// Keeps a plan's ranges in the cluster so a rerun continues the same ranges.
///
/// Commit metadata would be the natural place, but the development broker (Tansu) drops it (measured: a
/// commit with metadata reads back with an empty string). So the ranges are committed as offsets under two
/// companion groups that nobody joins: `<group>.start` holds each partition's start, `<group>.end` its end;
/// the replay group itself holds the progress. The progress commits also carry the range as metadata, for
/// brokers that keep it.
struct ReplayPlanStore {
    var configuration: KafkaAssignedConsumer.Configuration
    var groupID: String
    var topic: String

    var startGroup: String { "\(groupID).start" }
    var endGroup: String { "\(groupID).end" }

    /// Stored (start, end) per partition, for partitions where both are stored.
    func load(_ partitions: [Int32]) throws -> [Int32: (start: Int64, end: Int64)] {
        let tps = partitions.map { KafkaTopicPartition(topic: topic, partition: $0) }
        let starts = try client(startGroup).committedWithMetadata(tps)
        let ends = try client(endGroup).committedWithMetadata(tps)
        var out: [Int32: (start: Int64, end: Int64)] = [:]
        for tp in tps {
            guard let s = starts[tp]?.offset, let e = ends[tp]?.offset, e >= s else { continue }
            out[tp.partition] = (s, e)
        }
        return out
    }

    /// Stores the ranges' starts and ends.
    func save(_ ranges: [ReplayPlan.Range]) throws {
        guard !ranges.isEmpty else { return }
        func offsets(_ value: (ReplayPlan.Range) -> Int64) -> [KafkaTopicPartition: Int64] {
            Dictionary(uniqueKeysWithValues: ranges.map { (KafkaTopicPartition(topic: topic, partition: $0.partition), value($0)) })
        }
        let metadata = Dictionary(uniqueKeysWithValues: ranges.map { (KafkaTopicPartition(topic: topic, partition: $0.partition), $0.metadata) })
        try client(endGroup).commit(offsets(\.end), metadata: metadata)
        try client(startGroup).commit(offsets(\.start), metadata: metadata)
    }

    private func client(_ group: String) throws -> KafkaAssignedConsumer {
        var c = configuration
        c.groupID = group
        return try KafkaAssignedConsumer(configuration: c)
    }
}
