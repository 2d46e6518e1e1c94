/// A record received by a ``KafkaConsumer``.
public struct KafkaConsumerMessage: Sendable, Hashable {
    /// The topic it was read from.
    public var topic: String
    /// The partition it was read from.
    public var partition: Int32
    /// Its offset in the partition. Store `offset + 1` to mark it processed (``KafkaConsumer/storeOffset(_:)``).
    public var offset: Int64
    /// The record key, `nil` when the record has none.
    public var key: [UInt8]?
    /// The record value (empty for a null value).
    public var value: [UInt8]
    /// The record headers, in wire order.
    public var headers: [KafkaHeader]
    /// The record timestamp in milliseconds since the epoch, `nil` when not available.
    public var timestamp: Int64?

    /// Creates a message (useful for tests of code that consumes messages).
    public init(
        topic: String,
        partition: Int32,
        offset: Int64,
        key: [UInt8]?,
        value: [UInt8],
        headers: [KafkaHeader] = [],
        timestamp: Int64? = nil
    ) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
        self.key = key
        self.value = value
        self.headers = headers
        self.timestamp = timestamp
    }

    /// The partition as a ``KafkaTopicPartition``.
    public var topicPartition: KafkaTopicPartition { KafkaTopicPartition(topic: topic, partition: partition) }

    /// Approximate memory size used for the consumer's byte bound.
    var byteCount: Int {
        value.count + (key?.count ?? 0) + headers.reduce(0) { $0 + $1.key.utf8.count + $1.value.count } + 64
    }
}
