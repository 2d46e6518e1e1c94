/// A record to send with ``KafkaProducer``.
public struct KafkaProducerMessage: Sendable, Hashable {
    /// The destination topic.
    public var topic: String
    /// The destination partition; `nil` lets the partitioner choose from the key (murmur2-random by default).
    public var partition: Int32?
    /// The record key, `nil` for none.
    public var key: [UInt8]?
    /// The record value (empty is sent as a null value).
    public var value: [UInt8]
    /// The record headers.
    public var headers: [KafkaHeader]

    /// Creates a message.
    public init(
        topic: String,
        partition: Int32? = nil,
        key: [UInt8]?,
        value: [UInt8],
        headers: [KafkaHeader] = []
    ) {
        self.topic = topic
        self.partition = partition
        self.key = key
        self.value = value
        self.headers = headers
    }
}
