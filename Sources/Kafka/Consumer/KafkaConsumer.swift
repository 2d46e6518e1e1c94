import CRdKafka

/// A consumer-group member over librdkafka's high-level consumer.
///
/// - A dedicated thread polls librdkafka (never Swift's cooperative pool) and feeds ``events``, a bounded
///   buffer: when it holds ``KafkaConsumerConfiguration/maxBufferedMessages`` messages (or
///   ``KafkaConsumerConfiguration/maxBufferedBytes``), fetching of the assigned partitions pauses while polling
///   continues (so rebalances are still served); it resumes below half.
/// - Offsets: store the offset of each processed message with ``storeOffset(_:)``; stored offsets are committed
///   in the background every second, on revoke, and on ``close()``. Nothing is committed that was not stored.
/// - Rebalances support the eager (range, roundrobin) and cooperative (cooperative-sticky) protocols. On revoke
///   the order is: drop buffered messages of those partitions, call
///   ``KafkaConsumerConfiguration/onRevoke``, commit stored offsets synchronously, give the partitions up,
///   emit `.revoked` (or `.lost`).
public final class KafkaConsumer: Sendable {
    private let runtime: ConsumerRuntime

    // MARK: Lifecycle

    /// Creates the consumer and subscribes to the configured topics.
    ///
    /// - Throws: ``KafkaError`` with code ``KafkaError/Code/invalidArgument`` naming the property when
    ///   librdkafka rejects a configuration property, or when topics/group are empty.
    public init(configuration: KafkaConsumerConfiguration) throws(KafkaError) {
        self.runtime = try ConsumerRuntime(configuration: configuration)
    }

    deinit {
        try? runtime.close()
    }

    /// Commits stored offsets, leaves the group (revoking the assignment, which calls
    /// ``KafkaConsumerConfiguration/onRevoke``), stops the poll thread and ends ``events``. Idempotent; only
    /// the first call reports a commit/close error. Blocks until done (usually milliseconds; see the
    /// cooperative-sticky note in the module docs: a close before the first assignment waits up to
    /// min(max(session timeout, 5 s), 30 s) for it, to avoid a librdkafka 2.0.2 abort). When called from
    /// `onRevoke` (the poll thread), it only requests the close and returns.
    public func close() throws(KafkaError) {
        try runtime.close()
    }

    // MARK: Events

    /// Messages, assignment changes and errors, in order (single consumer).
    public var events: KafkaConsumerEvents { KafkaConsumerEvents(buffer: runtime.buffer) }

    // MARK: Offsets

    /// Stores `message.offset + 1` as the next offset to commit for its partition.
    ///
    /// - Throws: ``KafkaError`` (e.g. `_STATE` when the partition is no longer assigned).
    public func storeOffset(_ message: KafkaConsumerMessage) throws(KafkaError) {
        try storeOffset(topic: message.topic, partition: message.partition, nextOffset: message.offset + 1)
    }

    /// Stores `nextOffset` (the offset of the next record to read) for a partition.
    public func storeOffset(topic: String, partition: Int32, nextOffset: Int64) throws(KafkaError) {
        try runtime.withHandle { rk throws(KafkaError) in
            try TopicPartitionList.with([(KafkaTopicPartition(topic: topic, partition: partition), nextOffset)]) {
                list throws(KafkaError) in
                let err = rd_kafka_offsets_store(rk, list)
                let elementError = TopicPartitionList.elements(list).first?.error ?? RD_KAFKA_RESP_ERR_NO_ERROR
                try KafkaError.check(
                    err != RD_KAFKA_RESP_ERR_NO_ERROR ? err : elementError,
                    "store offset \(nextOffset) for \(topic)[\(partition)]"
                )
            }
        }
    }

    /// Synchronously commits the stored offsets of the current assignment. Nothing stored is not an error.
    public func commit() throws(KafkaError) {
        try runtime.withHandle { rk throws(KafkaError) in
            let err = rd_kafka_commit(rk, nil, 0)
            if err == RD_KAFKA_RESP_ERR__NO_OFFSET { return }
            try KafkaError.check(err, "commit")
        }
    }

    /// The group's committed offsets (next offset to read) for `partitions`; partitions without a committed
    /// offset are absent from the result.
    public func committed(
        _ partitions: [KafkaTopicPartition],
        timeoutMs: Int = 5000
    ) throws(KafkaError) -> [KafkaTopicPartition: Int64] {
        try runtime.withHandle { rk throws(KafkaError) in
            try TopicPartitionList.with(partitions.map { ($0, nil) }) { list throws(KafkaError) in
                try KafkaError.check(rd_kafka_committed(rk, list, Int32(clamping: timeoutMs)), "committed offsets")
                var result: [KafkaTopicPartition: Int64] = [:]
                for element in TopicPartitionList.elements(list)
                where element.error == RD_KAFKA_RESP_ERR_NO_ERROR && element.offset >= 0 {
                    result[element.partition] = element.offset
                }
                return result
            }
        }
    }

    // MARK: Assignment

    /// The partitions currently assigned to this member (from librdkafka).
    public func assignment() throws(KafkaError) -> [KafkaTopicPartition] {
        try runtime.withHandle { rk throws(KafkaError) in
            var list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?
            try KafkaError.check(rd_kafka_assignment(rk, &list), "assignment")
            defer { if let list { rd_kafka_topic_partition_list_destroy(list) } }
            return TopicPartitionList.partitions(list)
        }
    }

    /// Whether this member currently owns at least one partition (as seen by the rebalance callback); a
    /// readiness signal.
    public var groupGenerationIsAssigned: Bool { runtime.hasAssignment }

    /// Whether this member has received an assignment at least once since it was created (it joined the group).
    public var hasEverBeenAssigned: Bool { runtime.everAssigned }

    /// Messages fetched but not yet handed out by ``events``: bounded by the backpressure settings plus the one
    /// message that crossed them (the pause drops what librdkafka fetched beyond it; see
    /// ``KafkaConsumerConfiguration``).
    public var bufferedMessageCount: Int { runtime.buffer.bufferedMessages }

    /// Payload and key bytes of the messages counted by ``bufferedMessageCount``.
    public var bufferedByteCount: Int { runtime.buffer.bufferedBytes }

    /// Whether ``close()`` was called.
    public var isClosed: Bool { runtime.isClosed }

    /// The raw librdkafka handle for advanced use, e.g. ``KafkaProducer/sendOffsetsToTransaction(_:consumer:timeoutMs:)``.
    func withHandle<R>(_ body: (OpaquePointer) throws(KafkaError) -> R) throws(KafkaError) -> R {
        try runtime.withHandle(body)
    }
}
