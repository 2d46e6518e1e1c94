import CRdKafka

/// Helpers for `rd_kafka_topic_partition_list_t`.
enum TopicPartitionList {
    /// A new list (caller destroys it) with the given partitions and offsets (`nil` → `RD_KAFKA_OFFSET_INVALID`).
    static func make(_ entries: [(KafkaTopicPartition, Int64?)]) -> UnsafeMutablePointer<rd_kafka_topic_partition_list_t> {
        let list = rd_kafka_topic_partition_list_new(Int32(max(entries.count, 1)))!
        for (tp, offset) in entries {
            let element = rd_kafka_topic_partition_list_add(list, tp.topic, tp.partition)!
            element.pointee.offset = offset ?? newsflow_offset_invalid()
        }
        return list
    }

    /// Runs `body` with a temporary list and destroys it afterwards.
    static func with<R, E: Error>(
        _ entries: [(KafkaTopicPartition, Int64?)],
        _ body: (UnsafeMutablePointer<rd_kafka_topic_partition_list_t>) throws(E) -> R
    ) throws(E) -> R {
        let list = make(entries)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        return try body(list)
    }

    /// The elements of `list` (borrowed).
    static func elements(
        _ list: UnsafePointer<rd_kafka_topic_partition_list_t>?
    ) -> [(partition: KafkaTopicPartition, offset: Int64, error: rd_kafka_resp_err_t)] {
        guard let list, list.pointee.cnt > 0, let elems = list.pointee.elems else { return [] }
        return (0..<Int(list.pointee.cnt)).map { index in
            let element = elems[index]
            return (
                KafkaTopicPartition(topic: String(cString: element.topic), partition: element.partition),
                element.offset,
                element.err
            )
        }
    }

    static func partitions(_ list: UnsafePointer<rd_kafka_topic_partition_list_t>?) -> [KafkaTopicPartition] {
        elements(list).map(\.partition)
    }
}
