/// Configuration of a ``KafkaProducer``.
///
/// Typed settings map onto librdkafka properties; ``properties`` is applied last and overrides them.
public struct KafkaProducerConfiguration: Sendable {
    // MARK: Properties

    /// Comma-separated `host:port` list (`bootstrap.servers`), e.g. `"127.0.0.1:9092"`.
    public var bootstrapServers: String
    /// Idempotent delivery (`enable.idempotence`, which implies `acks=all`), default `true`. When `false`,
    /// `acks=all` is still set.
    public var idempotent: Bool = true
    /// `linger.ms`, default 5.
    public var lingerMs: Int = 5
    /// Largest record the producer may send (default 16 MiB): `message.max.bytes`. The broker/topic limit must
    /// allow it too.
    public var messageMaxBytes: Int = 16 << 20
    /// `transactional.id`; set it to use the transaction API (``KafkaProducer/initTransactions(timeoutMs:)``).
    public var transactionalID: String? = nil
    /// Receives librdkafka's log lines (syslog level, facility, message); `nil` leaves librdkafka's default
    /// (stderr).
    public var logHandler: KafkaLogHandler? = nil
    /// Receives client errors reported by librdkafka's error callback, on the producer's poll thread. Most are
    /// informational (librdkafka retries); fatal ones (`isFatal`) also fail every pending send.
    public var errorHandler: (@Sendable (KafkaError) -> Void)? = nil
    /// Any librdkafka producer property, applied last (overrides everything above).
    public var properties: [String: String] = [:]

    // MARK: Initializer

    /// Creates a configuration with the documented defaults.
    public init(bootstrapServers: String) {
        self.bootstrapServers = bootstrapServers
    }

    // MARK: librdkafka properties

    var rdKafkaProperties: [(String, String)] {
        var base: [(String, String)] = [
            ("bootstrap.servers", bootstrapServers),
            ("enable.idempotence", idempotent ? "true" : "false"),
            ("acks", "all"),
            ("linger.ms", String(lingerMs)),
            ("message.max.bytes", String(messageMaxBytes)),
            ("receive.message.max.bytes", String(max(messageMaxBytes, 100_000_000) + 1_000_000)),
        ]
        if let transactionalID {
            base.append(("transactional.id", transactionalID))
        }
        return RdKafkaConfig.merge(base, properties: properties)
    }
}
