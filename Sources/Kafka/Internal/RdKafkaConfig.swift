import CRdKafka

/// Builds `rd_kafka_conf_t` objects and `rd_kafka_t` handles.
enum RdKafkaConfig {
    /// Creates a configuration with `pairs` applied in order (later entries override earlier ones).
    /// Throws a ``KafkaError`` naming the property when librdkafka rejects one.
    static func make(_ pairs: [(String, String)]) throws(KafkaError) -> OpaquePointer {
        let conf = rd_kafka_conf_new()!
        var errstr = [CChar](repeating: 0, count: 512)
        for (name, value) in pairs {
            let result = rd_kafka_conf_set(conf, name, value, &errstr, errstr.count)
            if result != RD_KAFKA_CONF_OK {
                rd_kafka_conf_destroy(conf)
                let detail = String(decoding: errstr.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                let kind = result == RD_KAFKA_CONF_UNKNOWN ? "unknown configuration property" : "invalid value for configuration property"
                throw KafkaError(
                    code: .invalidArgument,
                    message: "\(kind) '\(name)' = '\(value)': \(detail)"
                )
            }
        }
        return conf
    }

    /// Merges typed settings with user `properties` (which win), keeping a stable order.
    static func merge(_ base: [(String, String)], properties: [String: String]) -> [(String, String)] {
        var result = base.filter { properties[$0.0] == nil }
        result += properties.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return result
    }

    /// `rd_kafka_new`; on failure destroys `conf` and throws.
    static func newHandle(_ type: rd_kafka_type_t, conf: OpaquePointer) throws(KafkaError) -> OpaquePointer {
        var errstr = [CChar](repeating: 0, count: 512)
        guard let rk = rd_kafka_new(type, conf, &errstr, errstr.count) else {
            rd_kafka_conf_destroy(conf)
            let detail = String(decoding: errstr.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw KafkaError(code: .invalidArgument, message: "cannot create Kafka client: \(detail)")
        }
        return rk
    }

    /// Installs a log callback that forwards to the handler found through the client's opaque.
    static func setLogCallback(_ conf: OpaquePointer) {
        rd_kafka_conf_set_log_cb(conf) { rk, level, facility, message in
            guard let rk, let opaque = rd_kafka_opaque(rk) else { return }
            let owner = Unmanaged<AnyObject>.fromOpaque(opaque).takeUnretainedValue()
            guard let logging = owner as? LogForwarding, let handler = logging.logHandler else { return }
            handler(
                level,
                facility.map { String(cString: $0) } ?? "",
                message.map { String(cString: $0) } ?? ""
            )
        }
    }
}

/// Implemented by the objects set as a client's opaque, so the shared log callback finds the handler.
protocol LogForwarding: AnyObject {
    var logHandler: (@Sendable (Int32, String, String) -> Void)? { get }
}

/// A log handler: syslog level (0 emergency … 7 debug), librdkafka facility, message.
public typealias KafkaLogHandler = @Sendable (_ level: Int32, _ facility: String, _ message: String) -> Void
