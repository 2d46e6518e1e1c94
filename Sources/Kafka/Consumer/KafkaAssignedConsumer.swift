import CRdKafka
import Foundation

/// A consumer that reads partitions it assigns itself, from offsets it chooses (`rd_kafka_assign` with
/// start offsets; no subscription, so it never joins a group and never causes a rebalance).
///
/// Progress is committed explicitly with ``commit(_:)`` under the configured `group.id` (a "simple" consumer
/// group commit: the group must have no active members using the same partitions). Each committed offset may
/// carry a metadata string, read back with ``committedWithMetadata(_:timeoutMs:)``; tools use it to remember
/// what a commit belongs to (e.g. the end of a bounded replay).
///
/// Unlike ``KafkaConsumer`` there is no poll thread: the owner calls ``poll(timeoutMs:)`` (blocking, from one
/// thread at a time), which also bounds how much is read ahead of processing. Nothing is committed implicitly
/// (`enable.auto.commit=false`, `enable.auto.offset.store=false`), not even on ``close()``.
public final class KafkaAssignedConsumer: Sendable {
    // MARK: Nested types

    /// What ``poll(timeoutMs:)`` returns.
    public enum Event: Sendable {
        /// A record.
        case message(KafkaConsumerMessage)
        /// The partition has no record at `offset` yet: `offset` is the high watermark the broker reported
        /// with its last fetch (requires ``Configuration/enablePartitionEOF``).
        case partitionEnd(KafkaTopicPartition, offset: Int64)
        /// A non-fatal error (fetch or broker problem); librdkafka keeps retrying.
        case error(KafkaError)
    }

    /// Configuration of a ``KafkaAssignedConsumer``; ``properties`` is applied last and overrides the rest.
    public struct Configuration: Sendable {
        /// Comma-separated `host:port` list (`bootstrap.servers`).
        public var bootstrapServers: String
        /// The group progress is committed under (`group.id`). Required by librdkafka even if you never commit.
        public var groupID: String
        /// Report ``Event/partitionEnd(_:offset:)`` when a partition is read to its end. Default true.
        public var enablePartitionEOF = true
        /// Where to go when a start offset is out of range (`auto.offset.reset`). Default `.error`: an
        /// ``Event/error(_:)`` rather than a silent jump.
        public var autoOffsetReset: KafkaConsumerConfiguration.AutoOffsetReset = .error
        /// Default `.readCommitted`.
        public var isolationLevel: KafkaConsumerConfiguration.IsolationLevel = .readCommitted
        /// Largest record to accept (default 16 MiB).
        public var messageMaxBytes: Int = 16 << 20
        /// Read-ahead bound in KiB (`queued.max.messages.kbytes`, default 16 384), for the consumer's one
        /// queue over all assigned partitions (librdkafka 2.0.2, measured with `debug=fetch`). When a fetch
        /// response leaves the queue above it, librdkafka 2.0.2 fetches again only after up to 1 s (see
        /// ``KafkaConsumerConfiguration``), so the read-ahead can exceed it by one response.
        public var queuedMaxKBytes: Int = 16_384
        /// Receives librdkafka's log lines; `nil` leaves librdkafka's default (stderr).
        public var logHandler: KafkaLogHandler? = nil
        /// Any librdkafka consumer property, applied last.
        public var properties: [String: String] = [:]

        /// Creates a configuration with the documented defaults.
        public init(bootstrapServers: String, groupID: String) {
            self.bootstrapServers = bootstrapServers
            self.groupID = groupID
        }

        var rdKafkaProperties: [(String, String)] {
            let fetchMaxBytes = max(messageMaxBytes, 52_428_800)
            return RdKafkaConfig.merge([
                ("bootstrap.servers", bootstrapServers),
                ("group.id", groupID),
                ("auto.offset.reset", autoOffsetReset.rawValue),
                ("isolation.level", isolationLevel.rawValue),
                ("enable.auto.commit", "false"),
                ("enable.auto.offset.store", "false"),
                ("enable.partition.eof", enablePartitionEOF ? "true" : "false"),
                ("fetch.wait.max.ms", "100"),
                ("queued.max.messages.kbytes", String(max(1, queuedMaxKBytes))),
                ("message.max.bytes", String(messageMaxBytes)),
                ("fetch.max.bytes", String(fetchMaxBytes)),
                ("receive.message.max.bytes", String(fetchMaxBytes + 1_000_000)),
            ], properties: properties)
        }
    }

    /// A committed offset and the metadata string committed with it.
    public struct CommittedOffset: Sendable, Hashable {
        /// The next offset to read.
        public var offset: Int64
        /// The metadata committed with it (empty when none).
        public var metadata: String
        public init(offset: Int64, metadata: String) {
            self.offset = offset
            self.metadata = metadata
        }
    }

    private final class Logging: LogForwarding, @unchecked Sendable {
        let logHandler: (@Sendable (Int32, String, String) -> Void)?
        init(_ handler: KafkaLogHandler?) { logHandler = handler }
    }

    private let handle: RdKafkaHandle
    private let logging: Logging

    // MARK: Lifecycle

    /// Creates the consumer with an empty assignment.
    public init(configuration: Configuration) throws(KafkaError) {
        guard !configuration.groupID.isEmpty else {
            throw KafkaError(code: .invalidArgument, message: "KafkaAssignedConsumer.Configuration.groupID is empty")
        }
        let logging = Logging(configuration.logHandler)
        self.logging = logging
        let conf = try RdKafkaConfig.make(configuration.rdKafkaProperties)
        rd_kafka_conf_set_opaque(conf, Unmanaged.passUnretained(logging).toOpaque())
        if configuration.logHandler != nil { RdKafkaConfig.setLogCallback(conf) }
        let rk = try RdKafkaConfig.newHandle(RD_KAFKA_CONSUMER, conf: conf)
        rd_kafka_poll_set_consumer(rk)
        self.handle = RdKafkaHandle(rk: rk, what: "KafkaAssignedConsumer")
    }

    deinit {
        close()
    }

    /// Gives up the assignment and destroys the client, without committing. Idempotent.
    public func close() {
        _ = handle.ifAlive { rk in
            rd_kafka_assign(rk, nil)
            rd_kafka_consumer_close(rk)
        }
        handle.destroy()
    }

    // MARK: Assignment

    /// Replaces the assignment: reads each partition from the given offset (an offset ≥ 0, or
    /// ``KafkaAssignedConsumer/beginning`` / ``KafkaAssignedConsumer/end``). Records fetched for the
    /// previous assignment are discarded. An empty dictionary unassigns everything.
    public func assign(_ starts: [KafkaTopicPartition: Int64]) throws(KafkaError) {
        try handle.withHandle { rk throws(KafkaError) in
            if starts.isEmpty {
                try KafkaError.check(rd_kafka_assign(rk, nil), "unassign")
                return
            }
            let entries = starts.sorted { ($0.key.topic, $0.key.partition) < ($1.key.topic, $1.key.partition) }
            try TopicPartitionList.with(entries.map { ($0.key, $0.value) }) { list throws(KafkaError) in
                try KafkaError.check(rd_kafka_assign(rk, nil), "unassign")
                try KafkaError.check(rd_kafka_assign(rk, list), "assign \(entries.map { "\($0.key)@\($0.value)" })")
            }
        }
    }

    /// Start offset meaning "the first retained record" (`RD_KAFKA_OFFSET_BEGINNING`).
    public static let beginning: Int64 = -2
    /// Start offset meaning "the high watermark" (`RD_KAFKA_OFFSET_END`).
    public static let end: Int64 = -1

    /// Stops fetching `partitions` (they stay assigned); records already fetched may still be returned.
    public func pause(_ partitions: [KafkaTopicPartition]) throws(KafkaError) {
        guard !partitions.isEmpty else { return }
        try handle.withHandle { rk throws(KafkaError) in
            try TopicPartitionList.with(partitions.map { ($0, nil) }) { list throws(KafkaError) in
                try KafkaError.check(rd_kafka_pause_partitions(rk, list), "pause \(partitions)")
            }
        }
    }

    // MARK: Reading

    /// Waits up to `timeoutMs` for the next record, end-of-partition or error; nil when none came.
    /// Call from one thread at a time.
    public func poll(timeoutMs: Int) throws(KafkaError) -> Event? {
        try handle.withHandle { rk throws(KafkaError) -> Event? in
            guard let message = rd_kafka_consumer_poll(rk, Int32(clamping: timeoutMs)) else { return nil }
            defer { rd_kafka_message_destroy(message) }
            let m = message.pointee
            if m.err == RD_KAFKA_RESP_ERR__PARTITION_EOF {
                let topic = m.rkt.map { String(cString: rd_kafka_topic_name($0)) } ?? ""
                return .partitionEnd(KafkaTopicPartition(topic: topic, partition: m.partition), offset: m.offset)
            }
            if m.err != RD_KAFKA_RESP_ERR_NO_ERROR {
                var error = KafkaError(m.err, String(cString: rd_kafka_message_errstr(message)))
                if m.err == RD_KAFKA_RESP_ERR__FATAL { error.isFatal = true }
                return .error(error)
            }
            return .message(ConsumerRuntime.convert(message))
        }
    }

    /// The first record of `partition` at or after `offset` (skipping gaps such as compacted records or
    /// transaction markers), or nil when none arrives within `timeoutMs` (e.g. `offset` is at the end).
    /// Replaces the current assignment with that one partition.
    public func read(_ partition: KafkaTopicPartition, at offset: Int64, timeoutMs: Int = 5_000) throws(KafkaError) -> KafkaConsumerMessage? {
        try assign([partition: offset])
        defer { try? assign([:]) }
        let deadline = Date().addingTimeInterval(Double(timeoutMs) / 1000)
        while Date() < deadline {
            let left = Int(deadline.timeIntervalSinceNow * 1000)
            switch try poll(timeoutMs: max(1, min(left, 200))) {
            case .message(let m) where m.topicPartition == partition && m.offset >= offset:
                return m
            case .partitionEnd(let tp, let end) where tp == partition && end >= offset:
                return nil
            case .error(let error) where error.isFatal:
                throw error
            default:
                continue
            }
        }
        return nil
    }

    // MARK: Offsets

    /// Synchronously commits `offsets` (next offset to read, per partition) under the group, each with
    /// an optional metadata string (at most a few KiB; brokers limit it, Kafka's default is 4096 bytes).
    public func commit(_ offsets: [KafkaTopicPartition: Int64], metadata: [KafkaTopicPartition: String] = [:]) throws(KafkaError) {
        guard !offsets.isEmpty else { return }
        try handle.withHandle { rk throws(KafkaError) in
            let entries = offsets.sorted { ($0.key.topic, $0.key.partition) < ($1.key.topic, $1.key.partition) }
            try TopicPartitionList.with(entries.map { ($0.key, $0.value) }) { list throws(KafkaError) in
                if let elems = list.pointee.elems {
                    for index in 0..<Int(list.pointee.cnt) {
                        guard let text = metadata[entries[index].key], !text.isEmpty else { continue }
                        let bytes = Array(text.utf8)
                        // librdkafka frees element metadata with free() when the list is destroyed.
                        guard let copy = malloc(bytes.count) else { continue }
                        bytes.withUnsafeBytes { copy.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
                        elems[index].metadata = copy
                        elems[index].metadata_size = bytes.count
                    }
                }
                let err = rd_kafka_commit(rk, list, 0)
                try KafkaError.check(err, "commit \(entries.map { "\($0.key)@\($0.value)" })")
                for element in TopicPartitionList.elements(list) where element.error != RD_KAFKA_RESP_ERR_NO_ERROR {
                    try KafkaError.check(element.error, "commit \(element.partition)")
                }
            }
        }
    }

    /// The group's committed offsets and their metadata for `partitions`; partitions without a committed
    /// offset are absent.
    public func committedWithMetadata(
        _ partitions: [KafkaTopicPartition],
        timeoutMs: Int = 10_000
    ) throws(KafkaError) -> [KafkaTopicPartition: CommittedOffset] {
        guard !partitions.isEmpty else { return [:] }
        return try handle.withHandle { rk throws(KafkaError) in
            try TopicPartitionList.with(partitions.map { ($0, nil) }) { list throws(KafkaError) in
                try KafkaError.check(rd_kafka_committed(rk, list, Int32(clamping: timeoutMs)), "committed offsets")
                var result: [KafkaTopicPartition: CommittedOffset] = [:]
                guard let elems = list.pointee.elems else { return result }
                for index in 0..<Int(list.pointee.cnt) {
                    let element = elems[index]
                    guard element.err == RD_KAFKA_RESP_ERR_NO_ERROR, element.offset >= 0 else { continue }
                    var text = ""
                    if let metadata = element.metadata, element.metadata_size > 0 {
                        text = String(decoding: UnsafeRawBufferPointer(start: metadata, count: element.metadata_size), as: UTF8.self)
                    }
                    result[KafkaTopicPartition(topic: String(cString: element.topic), partition: element.partition)] =
                        CommittedOffset(offset: element.offset, metadata: text)
                }
                return result
            }
        }
    }

    /// The low (first retained) and high (next to be written, as the broker reports it) watermarks of a
    /// partition, queried from the broker.
    public func watermarks(_ partition: KafkaTopicPartition, timeoutMs: Int = 10_000) throws(KafkaError) -> (low: Int64, high: Int64) {
        try handle.withHandle { rk throws(KafkaError) in
            var low: Int64 = -1
            var high: Int64 = -1
            try KafkaError.check(
                rd_kafka_query_watermark_offsets(rk, partition.topic, partition.partition, &low, &high, Int32(clamping: timeoutMs)),
                "watermarks of \(partition)"
            )
            return (low, high)
        }
    }

    /// The broker's answer to "earliest offset whose timestamp is ≥ `timestampMs`" for each partition (the
    /// raw ListOffsets answer: `-1` or, on some brokers, a wrong offset when there is none; verify it).
    public func offsetsForTimes(
        _ partitions: [KafkaTopicPartition],
        timestampMs: Int64,
        timeoutMs: Int = 10_000
    ) throws(KafkaError) -> [KafkaTopicPartition: Int64] {
        guard !partitions.isEmpty else { return [:] }
        return try handle.withHandle { rk throws(KafkaError) in
            try TopicPartitionList.with(partitions.map { ($0, timestampMs) }) { list throws(KafkaError) in
                try KafkaError.check(rd_kafka_offsets_for_times(rk, list, Int32(clamping: timeoutMs)), "offsets for times")
                var result: [KafkaTopicPartition: Int64] = [:]
                for element in TopicPartitionList.elements(list) {
                    try KafkaError.check(element.error, "offset for time on \(element.partition)")
                    result[element.partition] = element.offset
                }
                return result
            }
        }
    }
}
