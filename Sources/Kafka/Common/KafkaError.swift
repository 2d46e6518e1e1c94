import CRdKafka

/// An error reported by librdkafka or by this client.
///
/// Modelled on swift-kafka-client: a struct with a ``Code`` (which wraps librdkafka's `rd_kafka_resp_err_t`,
/// so broker error codes and librdkafka's local, negative, codes are both representable), a human readable
/// message and the flags librdkafka attaches to `rd_kafka_error_t`.
public struct KafkaError: Error, Sendable, CustomStringConvertible {
    // MARK: Code

    /// An error code: the raw value of a librdkafka `rd_kafka_resp_err_t`.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The raw `rd_kafka_resp_err_t` value (negative values are librdkafka-local errors).
        public let rawValue: Int32

        /// Wraps a raw `rd_kafka_resp_err_t` value.
        public init(rawValue: Int32) {
            self.rawValue = rawValue
        }

        init(_ err: rd_kafka_resp_err_t) {
            self.rawValue = err.rawValue
        }

        var rdKafkaValue: rd_kafka_resp_err_t { rd_kafka_resp_err_t(rawValue: rawValue) }

        /// librdkafka's symbolic name of the code, e.g. `UNKNOWN_TOPIC_OR_PART` or `_QUEUE_FULL`.
        public var name: String { String(cString: rd_kafka_err2name(rdKafkaValue)) }

        /// librdkafka's one-line explanation of the code.
        public var summary: String { String(cString: rd_kafka_err2str(rdKafkaValue)) }

        public var description: String { "\(name) (\(rawValue))" }

        /// No error.
        public static let noError = Code(RD_KAFKA_RESP_ERR_NO_ERROR)
        /// A configuration property or argument is invalid (librdkafka `_INVALID_ARG`).
        public static let invalidArgument = Code(RD_KAFKA_RESP_ERR__INVALID_ARG)
        /// The client was closed (librdkafka `_DESTROY`).
        public static let closed = Code(RD_KAFKA_RESP_ERR__DESTROY)
        /// The operation is not valid in the current state (librdkafka `_STATE`).
        public static let state = Code(RD_KAFKA_RESP_ERR__STATE)
        /// A local timeout expired (librdkafka `_TIMED_OUT`).
        public static let timedOut = Code(RD_KAFKA_RESP_ERR__TIMED_OUT)
        /// A message was not delivered within `message.timeout.ms` (librdkafka `_MSG_TIMED_OUT`).
        public static let messageTimedOut = Code(RD_KAFKA_RESP_ERR__MSG_TIMED_OUT)
        /// The producer queue is full (librdkafka `_QUEUE_FULL`); ``KafkaProducer`` retries it itself.
        public static let queueFull = Code(RD_KAFKA_RESP_ERR__QUEUE_FULL)
        /// A fatal error: the client instance is no longer usable (librdkafka `_FATAL`).
        public static let fatal = Code(RD_KAFKA_RESP_ERR__FATAL)
        /// The operation was interrupted, e.g. by task cancellation (librdkafka `_INTR`).
        public static let interrupted = Code(RD_KAFKA_RESP_ERR__INTR)
        /// No offset to commit / no stored offset (librdkafka `_NO_OFFSET`).
        public static let noOffset = Code(RD_KAFKA_RESP_ERR__NO_OFFSET)
        /// Topic unknown to the client (librdkafka `_UNKNOWN_TOPIC`).
        public static let unknownTopic = Code(RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC)
        /// Partition unknown to the client (librdkafka `_UNKNOWN_PARTITION`).
        public static let unknownPartition = Code(RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION)
        /// Broker: unknown topic or partition.
        public static let unknownTopicOrPartition = Code(RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART)
        /// Broker: topic already exists.
        public static let topicAlreadyExists = Code(RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS)
        /// Broker: message larger than the broker or topic allows.
        public static let messageSizeTooLarge = Code(RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE)
        /// Message purged from the producer queue (librdkafka `_PURGE_QUEUE`).
        public static let purgeQueue = Code(RD_KAFKA_RESP_ERR__PURGE_QUEUE)
        /// In-flight message purged (librdkafka `_PURGE_INFLIGHT`).
        public static let purgeInflight = Code(RD_KAFKA_RESP_ERR__PURGE_INFLIGHT)
        /// All brokers are down (librdkafka `_ALL_BROKERS_DOWN`).
        public static let allBrokersDown = Code(RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN)
        /// Broker transport failure (librdkafka `_TRANSPORT`).
        public static let transport = Code(RD_KAFKA_RESP_ERR__TRANSPORT)
    }

    // MARK: Properties

    /// What went wrong.
    public var code: Code
    /// Detail from librdkafka (or this client) describing this occurrence.
    public var message: String
    /// `true` when the client instance can no longer be used and must be closed and re-created.
    public var isFatal: Bool
    /// `true` when retrying the same operation may succeed.
    public var isRetriable: Bool
    /// `true` when the current transaction must be aborted (``KafkaProducer/abortTransaction(timeoutMs:)``).
    public var requiresTransactionAbort: Bool

    // MARK: Initializers

    /// Creates an error.
    public init(
        code: Code,
        message: String,
        isFatal: Bool = false,
        isRetriable: Bool = false,
        requiresTransactionAbort: Bool = false
    ) {
        self.code = code
        self.message = message
        self.isFatal = isFatal
        self.isRetriable = isRetriable
        self.requiresTransactionAbort = requiresTransactionAbort
    }

    /// An error for a librdkafka response code, with librdkafka's text if no message is given.
    init(_ err: rd_kafka_resp_err_t, _ message: String? = nil) {
        self.init(code: Code(err), message: message ?? String(cString: rd_kafka_err2str(err)))
    }

    /// Takes ownership of (and destroys) an `rd_kafka_error_t`.
    init(consuming error: OpaquePointer) {
        defer { rd_kafka_error_destroy(error) }
        self.init(
            code: Code(rd_kafka_error_code(error)),
            message: String(cString: rd_kafka_error_string(error)),
            isFatal: rd_kafka_error_is_fatal(error) != 0,
            isRetriable: rd_kafka_error_is_retriable(error) != 0,
            requiresTransactionAbort: rd_kafka_error_txn_requires_abort(error) != 0
        )
    }

    /// Throws if `err` is not `NO_ERROR`.
    static func check(_ err: rd_kafka_resp_err_t, _ context: @autoclosure () -> String) throws(KafkaError) {
        guard err != RD_KAFKA_RESP_ERR_NO_ERROR else { return }
        throw KafkaError(err, "\(context()): \(String(cString: rd_kafka_err2str(err)))")
    }

    /// Throws (and destroys) a non-nil `rd_kafka_error_t`.
    static func check(_ error: OpaquePointer?, _ context: @autoclosure () -> String) throws(KafkaError) {
        guard let error else { return }
        var kafkaError = KafkaError(consuming: error)
        kafkaError.message = "\(context()): \(kafkaError.message)"
        throw kafkaError
    }

    static func closed(_ what: String) -> KafkaError {
        KafkaError(code: .closed, message: "\(what) is closed")
    }

    // MARK: CustomStringConvertible

    public var description: String {
        var flags: [String] = []
        if isFatal { flags.append("fatal") }
        if isRetriable { flags.append("retriable") }
        if requiresTransactionAbort { flags.append("abort transaction") }
        let suffix = flags.isEmpty ? "" : " [\(flags.joined(separator: ", "))]"
        return "KafkaError(\(code.name)): \(message)\(suffix)"
    }
}
