/// Configuration of a ``KafkaConsumer`` (a member of a consumer group).
///
/// Typed settings map onto librdkafka properties; ``properties`` is applied last and overrides them.
/// Fixed by the client (override through ``properties`` only if you know why): `enable.auto.offset.store=false`
/// (you store offsets of processed messages with ``KafkaConsumer/storeOffset(_:)``), `enable.auto.commit=true`
/// with `auto.commit.interval.ms=1000` (stored offsets are committed in the background), and
/// `enable.partition.eof=false`, and `fetch.wait.max.ms=100` (librdkafka's 500 bounds how long a fetch in flight
/// delays partitions resumed after backpressure; measured on the mock cluster, 2000 small records through a
/// 50-message buffer took ~20 s with 500 and ~3.5 s with 10).
///
/// ## How much is fetched ahead
///
/// What the consumer holds beyond the application is bounded in bytes over all partitions, not per
/// partition: the event buffer (``maxBufferedBytes``; the poll thread pauses every assigned partition
/// above it and resumes below half) plus librdkafka's own queue, which the poll thread empties
/// continuously while fetching runs. librdkafka 2.0.2 has no byte bound of its own that works for this:
///
/// - `queued.max.messages.kbytes` applies to the consumer's single queue (all partitions, measured with
///   `debug=fetch`: every partition reports the same queued size). When a fetch response leaves that queue
///   above the threshold, every partition becomes "not fetchable" and, lacking the `fetch.queue.backoff.ms`
///   of librdkafka 2.2, the broker thread looks again only when something wakes it, at the latest after
///   1 s. A threshold below the size of one response therefore caps fetching at about one response a
///   second (measured: 2 MiB threshold, ~6 MB responses of 100 KB pages, 83 msg/s). The client sets it
///   to twice ``fetchMaxBytes``, so it never triggers while the poll thread keeps up.
/// - Pausing a partition bumps its op version: messages of it still in librdkafka's queue (or in a fetch
///   response in flight) are dropped when polled and fetched again after the resume, from the position
///   after the last message handed to the poll thread (seen with `debug=fetch`). So pausing frees
///   librdkafka's queue rather than holding it, at the cost of re-fetching at most that much.
///
/// Ahead of the application there are thus at most ``maxBufferedBytes`` plus one record, plus about
/// three fetch responses (``fetchMaxBytes``; Tansu rounds a response up to whole record batches, and a
/// single record larger than it still arrives whole).
public struct KafkaConsumerConfiguration: Sendable {
    // MARK: Nested types

    /// Where to start when the group has no committed offset for a partition (`auto.offset.reset`).
    public enum AutoOffsetReset: String, Sendable {
        /// From the oldest retained record.
        case earliest
        /// From the end (only records produced after the assignment).
        case latest
        /// Report an error (`.error` event) instead.
        case error
    }

    /// How partitions are spread over the group's members (`partition.assignment.strategy`).
    public enum AssignmentStrategy: String, Sendable {
        /// Eager: contiguous ranges per topic.
        case range
        /// Eager: round robin over all partitions.
        case roundRobin = "roundrobin"
        /// Cooperative (incremental) rebalancing: members keep their partitions while others move.
        case cooperativeSticky = "cooperative-sticky"
    }

    /// Which transactional records are visible (`isolation.level`).
    public enum IsolationLevel: String, Sendable {
        /// Only committed transactional records (and all non-transactional ones).
        case readCommitted = "read_committed"
        /// Everything, including records of aborted transactions.
        case readUncommitted = "read_uncommitted"
    }

    // MARK: Properties

    /// Comma-separated `host:port` list (`bootstrap.servers`), e.g. `"127.0.0.1:9092"`.
    public var bootstrapServers: String
    /// The consumer group (`group.id`).
    public var groupID: String
    /// The topics to subscribe to.
    public var topics: [String]
    /// Default `.earliest`.
    public var autoOffsetReset: AutoOffsetReset = .earliest
    /// `session.timeout.ms`, default 45 000. `heartbeat.interval.ms` is set to min(3000, session / 3).
    public var sessionTimeoutMs: Int = 45_000
    /// Default `.cooperativeSticky`.
    public var assignmentStrategy: AssignmentStrategy = .cooperativeSticky
    /// Default `.readCommitted`.
    public var isolationLevel: IsolationLevel = .readCommitted
    /// Backpressure: fetching pauses when this many messages wait in the event buffer (default 500), and
    /// resumes when half of them were consumed.
    public var maxBufferedMessages: Int = 500
    /// Backpressure: fetching pauses when the buffered messages hold this many bytes (default 64 MiB), and
    /// resumes below half.
    public var maxBufferedBytes: Int = 64 << 20
    /// Bytes one fetch response may carry over all partitions (`fetch.max.bytes`), default 4 MiB. A
    /// record larger than this still arrives (the broker returns the first record batch whole, KIP-74),
    /// up to ``messageMaxBytes``. With the prefetch threshold derived from it (see the type's notes),
    /// this bounds what librdkafka holds beyond the event buffer: about three fetch responses.
    public var fetchMaxBytes: Int = 4 << 20
    /// Bytes per partition in one fetch response (`max.partition.fetch.bytes`), default 1 MiB.
    public var partitionFetchMaxBytes: Int = 1 << 20
    /// Largest record the consumer must accept (default 16 MiB): sizes `receive.message.max.bytes`.
    public var messageMaxBytes: Int = 16 << 20
    /// Called synchronously on the poll thread when partitions are revoked or lost, BEFORE the client commits
    /// the stored offsets and gives the partitions up, so the application can finish (or abandon) work on them
    /// and store their offsets. The application bounds its own wait; the group waits for it (up to
    /// `max.poll.interval.ms`). Do not call ``KafkaConsumer/close()`` and wait for it from here.
    public var onRevoke: (@Sendable ([KafkaTopicPartition]) -> Void)? = nil
    /// Receives librdkafka's log lines (syslog level, facility, message); `nil` leaves librdkafka's default
    /// (stderr).
    public var logHandler: KafkaLogHandler? = nil
    /// Any librdkafka consumer property, applied last (overrides everything above).
    public var properties: [String: String] = [:]

    // MARK: Initializer

    /// Creates a configuration with the documented defaults.
    public init(bootstrapServers: String, groupID: String, topics: [String]) {
        self.bootstrapServers = bootstrapServers
        self.groupID = groupID
        self.topics = topics
    }

    // MARK: librdkafka properties

    /// The effective librdkafka properties, in application order.
    var rdKafkaProperties: [(String, String)] {
        // librdkafka refuses a `fetch.max.bytes` below `message.max.bytes` (1,000,000 unless set).
        let fetchMaxBytes = max(fetchMaxBytes, Int(properties["message.max.bytes"] ?? "") ?? 1_000_000, 1_000_000)
        let base: [(String, String)] = [
            ("bootstrap.servers", bootstrapServers),
            ("group.id", groupID),
            ("auto.offset.reset", autoOffsetReset.rawValue),
            ("session.timeout.ms", String(sessionTimeoutMs)),
            ("heartbeat.interval.ms", String(max(100, min(3000, sessionTimeoutMs / 3)))),
            ("partition.assignment.strategy", assignmentStrategy.rawValue),
            ("isolation.level", isolationLevel.rawValue),
            ("enable.auto.offset.store", "false"),
            ("enable.auto.commit", "true"),
            ("auto.commit.interval.ms", "1000"),
            ("enable.partition.eof", "false"),
            ("fetch.wait.max.ms", "100"),
            ("queued.max.messages.kbytes", String(Self.prefetchKilobytes(fetchMaxBytes: fetchMaxBytes))),
            ("fetch.max.bytes", String(fetchMaxBytes)),
            ("max.partition.fetch.bytes", String(max(1, min(partitionFetchMaxBytes, fetchMaxBytes)))),
            ("receive.message.max.bytes", String(max(fetchMaxBytes, messageMaxBytes) + 1_000_000)),
        ]
        return RdKafkaConfig.merge(base, properties: properties)
    }

    /// librdkafka's prefetch threshold (`queued.max.messages.kbytes`): twice a fetch response, so that a
    /// response that just arrived never stops the fetcher (see the type's notes).
    static func prefetchKilobytes(fetchMaxBytes: Int) -> Int {
        min(2_097_151, max(1_024, 2 * fetchMaxBytes / 1_024))
    }

    /// Whether the effective strategy list includes cooperative-sticky (see the close guard).
    var usesCooperativeSticky: Bool {
        let strategy = properties["partition.assignment.strategy"] ?? assignmentStrategy.rawValue
        return strategy.contains("cooperative-sticky")
    }
}
