import CRdKafka

/// A producer over librdkafka: idempotent by default, with optional transactions.
///
/// A dedicated thread polls librdkafka for delivery reports (never Swift's cooperative pool). Each send carries
/// its completion as the per-message opaque; it completes exactly once, when the broker acknowledged the record
/// or delivery failed for good (after librdkafka's retries, bounded by `message.timeout.ms`).
public final class KafkaProducer: Sendable {
    private let runtime: ProducerRuntime

    // MARK: Lifecycle

    /// Creates the producer.
    ///
    /// - Throws: ``KafkaError`` with code ``KafkaError/Code/invalidArgument`` naming the property when
    ///   librdkafka rejects a configuration property.
    public init(configuration: KafkaProducerConfiguration) throws(KafkaError) {
        self.runtime = try ProducerRuntime(configuration: configuration)
    }

    deinit {
        runtime.close(timeoutMs: 30_000)
    }

    /// Flushes (up to `timeoutMs`), fails whatever is still pending, stops the poll thread and destroys the
    /// client. Idempotent; sends after close fail with ``KafkaError/Code/closed``.
    public func close(timeoutMs: Int = 30_000) {
        runtime.close(timeoutMs: timeoutMs)
    }

    // MARK: Sending

    /// Sends a record and resumes when the broker acknowledged it.
    ///
    /// When librdkafka's queue is full it waits (without blocking a thread) and retries; it never drops.
    /// Once enqueued, the send cannot be cancelled: it waits for the delivery report. A task cancelled while
    /// waiting for queue space throws ``KafkaError/Code/interrupted``.
    @discardableResult
    public func send(_ message: KafkaProducerMessage) async throws(KafkaError) -> KafkaDeliveryReport {
        let waiter = DeliveryWaiter()
        let box = DeliveryBox { result in waiter.complete(result) }
        retry: while true {
            switch runtime.enqueue(message, box: box) {
            case .enqueued:
                break retry
            case .failed(let error):
                throw error
            case .queueFull:
                if Task.isCancelled {
                    throw KafkaError(code: .interrupted, message: "send to \(message.topic) cancelled while the producer queue was full")
                }
                try? await Task.sleep(nanoseconds: 5_000_000)
            }
        }
        return try await waiter.wait().get()
    }

    /// Enqueues a record; `onDelivery` is called once, on the producer's poll thread (keep it short), with the
    /// delivery report or the final error.
    ///
    /// When librdkafka's queue is full it blocks the caller, serving delivery reports, and retries; it never
    /// drops. Throws when the record cannot be enqueued (then `onDelivery` is not called).
    public func send(
        _ message: KafkaProducerMessage,
        onDelivery: @escaping @Sendable (Result<KafkaDeliveryReport, KafkaError>) -> Void
    ) throws(KafkaError) {
        try runtime.enqueueBlocking(message, box: DeliveryBox(onDelivery))
    }

    /// Waits until every enqueued record got its delivery report, or throws ``KafkaError/Code/timedOut``.
    public func flush(timeoutMs: Int) throws(KafkaError) {
        try runtime.withHandle { rk throws(KafkaError) in
            try KafkaError.check(rd_kafka_flush(rk, Int32(clamping: timeoutMs)), "flush")
        }
    }

    /// Records enqueued or in flight whose delivery report has not been served yet.
    public var pendingCount: Int {
        (try? runtime.withHandle { Int(rd_kafka_outq_len($0)) }) ?? 0
    }

    /// The fatal error this producer hit, if any (it must then be closed and re-created).
    public var fatalError: KafkaError? { runtime.fatalError }

    // MARK: Transactions

    /// Initializes transactions (requires ``KafkaProducerConfiguration/transactionalID``). Call once, first.
    public func initTransactions(timeoutMs: Int) throws(KafkaError) {
        try runtime.withHandle { rk throws(KafkaError) in
            try KafkaError.check(rd_kafka_init_transactions(rk, Int32(clamping: timeoutMs)), "init transactions")
        }
    }

    /// Begins a transaction.
    public func beginTransaction() throws(KafkaError) {
        try runtime.withHandle { rk throws(KafkaError) in
            try KafkaError.check(rd_kafka_begin_transaction(rk), "begin transaction")
        }
    }

    /// Adds consumer offsets (next offset to read, per partition) to the current transaction, committed with it
    /// for `consumer`'s group. The consumer should run with `enable.auto.commit=false`.
    public func sendOffsetsToTransaction(
        _ offsets: [KafkaTopicPartition: Int64],
        consumer: KafkaConsumer,
        timeoutMs: Int
    ) throws(KafkaError) {
        let metadata = try consumer.withHandle { rk throws(KafkaError) -> OpaquePointer in
            guard let metadata = rd_kafka_consumer_group_metadata(rk) else {
                throw KafkaError(code: .state, message: "consumer has no group metadata")
            }
            return metadata
        }
        defer { rd_kafka_consumer_group_metadata_destroy(metadata) }
        try runtime.withHandle { rk throws(KafkaError) in
            try TopicPartitionList.with(offsets.map { ($0.key, $0.value) }) { list throws(KafkaError) in
                try KafkaError.check(
                    rd_kafka_send_offsets_to_transaction(rk, list, metadata, Int32(clamping: timeoutMs)),
                    "send offsets to transaction"
                )
            }
        }
    }

    /// Commits the current transaction (flushing its records first).
    public func commitTransaction(timeoutMs: Int) throws(KafkaError) {
        try runtime.withHandle { rk throws(KafkaError) in
            try KafkaError.check(rd_kafka_commit_transaction(rk, Int32(clamping: timeoutMs)), "commit transaction")
        }
    }

    /// Aborts the current transaction; its records fail delivery with `_PURGE_*` if still queued.
    public func abortTransaction(timeoutMs: Int) throws(KafkaError) {
        try runtime.withHandle { rk throws(KafkaError) in
            try KafkaError.check(rd_kafka_abort_transaction(rk, Int32(clamping: timeoutMs)), "abort transaction")
        }
    }
}
