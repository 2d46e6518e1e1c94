/// What a ``KafkaConsumer`` reports through ``KafkaConsumer/events``, in order.
public enum KafkaConsumerEvent: Sendable {
    /// A record.
    case message(KafkaConsumerMessage)
    /// Partitions were added to this member's assignment (for the cooperative protocol: only the new ones).
    case assigned([KafkaTopicPartition])
    /// Partitions were taken away in an orderly rebalance. It comes after every `.message` of these
    /// partitions that was handed out; buffered messages of these partitions that were not handed out yet are
    /// dropped (their offsets were not stored, so the next owner reads them again).
    case revoked([KafkaTopicPartition])
    /// Partitions were lost (session timeout, fenced): another member may already own them; offsets for them
    /// can no longer be committed.
    case lost([KafkaTopicPartition])
    /// An error from librdkafka. Most are informational (librdkafka retries); `isFatal` ones mean the consumer
    /// must be closed and re-created.
    case error(KafkaError)
}
