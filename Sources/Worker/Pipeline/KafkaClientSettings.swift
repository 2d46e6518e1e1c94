import Foundation
import Kafka
import Logging
import Schemas

// MARK: - Kafka client settings shared by `run` and `replay`

extension WorkerConfiguration {
    /// The largest message the producers send: a page at the size limit plus headers (a dead
    /// letter carries the whole page), and at least 16 MiB.
    var producerMessageMaxBytes: Int { max(maxPageBytes + (1 << 20), 16 << 20) }

    /// How long a record may wait for others to share its produce request (`linger.ms`): 50 ms,
    /// where librdkafka waits 5. The worker publishes a steady stream of small records (a few KB
    /// each), and every produce request costs the broker far more than its bytes: on the
    /// development broker at about 600 msg/s the broker spent 0.35 cores with 5 ms and 0.22 with
    /// 50 ms (100 ms saved no more), and the cores it gave back went to extraction. A record's
    /// latency grows by at most the linger; `-X linger.ms=…` overrides it.
    static let producerLingerMs = 50

    /// An idempotent producer (`acks=all`) with this configuration's brokers and librdkafka properties.
    func producerConfiguration(clientID: String, logger: Logger) -> KafkaProducerConfiguration {
        var p = KafkaProducerConfiguration(bootstrapServers: brokers)
        p.idempotent = true
        p.lingerMs = Self.producerLingerMs
        p.messageMaxBytes = producerMessageMaxBytes
        p.properties["client.id"] = clientID
        p.properties.merge(kafkaProperties) { _, new in new }
        p.logHandler = LibrdkafkaLogging.handler(logger)
        return p
    }

    /// Checks that each topic exists; throws a ``WorkerError`` with code `.setup` that names the
    /// topic's role when one does not, or when the brokers cannot be reached. Blocking.
    func verifyTopicsExist(_ topics: [(role: String, name: String)]) throws(WorkerError) {
        let admin: KafkaAdmin
        do {
            admin = try KafkaAdmin(bootstrapServers: brokers, properties: kafkaProperties)
        } catch {
            throw WorkerError(.setup, "cannot configure the Kafka client: \(error)")
        }
        defer { admin.close() }
        for (role, topic) in topics {
            do {
                _ = try admin.partitions(of: topic, timeoutMs: 15_000)
            } catch where error.code == .unknownTopicOrPartition {
                throw WorkerError(.setup, "\(role) topic '\(topic)' does not exist on \(brokers); create it first")
            } catch {
                throw WorkerError(.setup, "cannot reach the brokers at \(brokers) (\(role) topic '\(topic)'): \(error)")
            }
        }
    }
}

/// librdkafka's log lines, forwarded to swift-log.
enum LibrdkafkaLogging {
    static func handler(_ logger: Logger) -> KafkaLogHandler {
        { level, facility, message in
            logger.log(level: Self.level(syslog: level), "librdkafka: \(message)", metadata: ["facility": "\(facility)"])
        }
    }

    /// swift-log level of a syslog severity (librdkafka's levels).
    static func level(syslog: Int32) -> Logger.Level {
        switch syslog {
        case ...2: return .critical
        case 3: return .error
        case 4: return .warning
        case 5: return .notice
        case 6: return .info
        default: return .debug
        }
    }
}

extension PageProcessor {
    /// The message to publish for a consumed message: its record to `outputTopic`, or its dead
    /// letter to `dlqTopic`, with the dead-letter kind when it is one.
    func producerMessage(for m: KafkaConsumerMessage, outputTopic: String, dlqTopic: String) -> (KafkaProducerMessage, DeadLetter.ErrorKind?) {
        let input = InputMessage(
            topic: m.topic, partition: m.partition, offset: m.offset, key: m.key, value: m.value,
            headers: m.headers.map { (key: $0.key, value: $0.value) })
        let (output, kind) = process(input)
        let message = KafkaProducerMessage(
            topic: output.destination == .records ? outputTopic : dlqTopic,
            key: output.key, value: output.value,
            headers: output.headers.map { KafkaHeader(key: $0.key, value: $0.value) })
        return (message, kind)
    }
}
