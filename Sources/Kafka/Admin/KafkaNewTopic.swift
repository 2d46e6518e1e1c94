/// A topic to create with ``KafkaAdmin/createTopics(_:timeoutMs:)``.
public struct KafkaNewTopic: Sendable, Hashable {
    /// The topic name.
    public var name: String
    /// Number of partitions.
    public var partitions: Int
    /// Replication factor (default 1).
    public var replicationFactor: Int
    /// Topic configuration, e.g. `["max.message.bytes": "16777216"]`.
    public var config: [String: String]

    /// Creates a topic description.
    public init(name: String, partitions: Int, replicationFactor: Int = 1, config: [String: String] = [:]) {
        self.name = name
        self.partitions = partitions
        self.replicationFactor = replicationFactor
        self.config = config
    }
}
