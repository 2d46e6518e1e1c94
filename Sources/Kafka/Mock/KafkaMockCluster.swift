import CRdKafka

/// An in-process Kafka cluster (librdkafka's mock cluster, `rdkafka_mock.h`): real Kafka protocol over
/// loopback TCP, no broker process. Supports produce/fetch, consumer groups, offsets, idempotence and
/// transactions, with librdkafka's own simplifications. Used by `newsflow demo` and by tests.
public final class KafkaMockCluster: Sendable {
    private let handle: RdKafkaHandle
    private let cluster: Cluster

    /// The mock cluster pointer (owned, destroyed before the hosting handle).
    private final class Cluster: @unchecked Sendable {
        let pointer: OpaquePointer
        init(_ pointer: OpaquePointer) { self.pointer = pointer }
    }

    // MARK: Lifecycle

    /// Starts a cluster with `brokers` brokers on ephemeral loopback ports.
    public init(brokers: Int = 1) throws(KafkaError) {
        // The hosting client's limits apply to the mock brokers' connections: allow large records.
        let conf = try RdKafkaConfig.make([
            ("message.max.bytes", "100000000"),
            ("receive.message.max.bytes", "200000000"),
            ("log_level", "3"),
        ])
        let rk = try RdKafkaConfig.newHandle(RD_KAFKA_PRODUCER, conf: conf)
        let handle = RdKafkaHandle(rk: rk, what: "KafkaMockCluster")
        guard let cluster = rd_kafka_mock_cluster_new(rk, Int32(clamping: brokers)) else {
            handle.destroy()
            throw KafkaError(code: .state, message: "cannot start the librdkafka mock cluster")
        }
        self.handle = handle
        self.cluster = Cluster(cluster)
    }

    deinit {
        rd_kafka_mock_cluster_destroy(cluster.pointer)
        handle.destroy()
    }

    // MARK: API

    /// The bootstrap address list of the mock brokers, e.g. `"127.0.0.1:39713"`.
    public var bootstrapServers: String {
        String(cString: rd_kafka_mock_cluster_bootstraps(cluster.pointer))
    }

    /// Creates a topic with `partitions` partitions (replication factor 1).
    public func createTopic(_ name: String, partitions: Int) throws(KafkaError) {
        try KafkaError.check(
            rd_kafka_mock_topic_create(cluster.pointer, name, Int32(clamping: partitions), 1),
            "create mock topic \(name)"
        )
    }
}
