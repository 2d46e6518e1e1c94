/// Where the broker stored a record (the delivery report of an acknowledged send).
public struct KafkaDeliveryReport: Sendable, Hashable {
    /// The topic.
    public var topic: String
    /// The partition the record went to.
    public var partition: Int32
    /// The record's offset (`-1` if the broker did not return one, e.g. with `acks=0`).
    public var offset: Int64

    /// Creates a report.
    public init(topic: String, partition: Int32, offset: Int64) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
    }
}
