import Foundation

/// Resolves a ``WorkerConfiguration`` from flags, environment and an env-file.
///
/// Precedence: flag > environment variable > config file > default. Every setting has one
/// environment name (``Setting``); the config file is an env-file of `NEWSFLOW_X=value` lines
/// (`#` comments, optional quotes), so the same names work in a shell, a container and a ConfigMap.
/// librdkafka properties: `-X key=value` flags, or `NEWSFLOW_KAFKA_<KEY>` variables where the key
/// is upper-cased with dots written as underscores (`NEWSFLOW_KAFKA_SECURITY_PROTOCOL=SASL_SSL`).
struct ConfigurationLoader {
    /// The settings and their environment names, in the order the README lists them.
    enum Setting: String, CaseIterable {
        case brokers = "NEWSFLOW_BROKERS"
        case inputTopic = "NEWSFLOW_INPUT_TOPIC"
        case outputTopic = "NEWSFLOW_OUTPUT_TOPIC"
        case dlqTopic = "NEWSFLOW_DLQ_TOPIC"
        case groupID = "NEWSFLOW_GROUP_ID"
        case clientID = "NEWSFLOW_CLIENT_ID"
        case concurrency = "NEWSFLOW_CONCURRENCY"
        case maxInFlight = "NEWSFLOW_MAX_IN_FLIGHT"
        case maxInFlightBytes = "NEWSFLOW_MAX_IN_FLIGHT_BYTES"
        case maxPageBytes = "NEWSFLOW_MAX_PAGE_BYTES"
        case assignmentStrategy = "NEWSFLOW_ASSIGNMENT_STRATEGY"
        case exactlyOnce = "NEWSFLOW_EXACTLY_ONCE"
        case httpHost = "NEWSFLOW_HTTP_HOST"
        case httpPort = "NEWSFLOW_HTTP_PORT"
        case drainTimeout = "NEWSFLOW_DRAIN_TIMEOUT"
        case lagInterval = "NEWSFLOW_LAG_INTERVAL"
        case logLevel = "NEWSFLOW_LOG_LEVEL"
        case logFormat = "NEWSFLOW_LOG_FORMAT"
        case config = "NEWSFLOW_CONFIG"
    }

    /// Prefix of environment variables that carry librdkafka properties.
    static let kafkaPrefix = "NEWSFLOW_KAFKA_"

    /// Values given as flags (nil when not given).
    var flags: [Setting: String] = [:]
    /// `-X key=value` flags.
    var kafkaFlags: [String] = []
    /// The process environment.
    var environment: [String: String] = ProcessInfo.processInfo.environment

    // MARK: Resolution

    func load() throws(ConfigurationError) -> WorkerConfiguration {
        var file: [String: String] = [:]
        if let path = flags[.config] ?? environment[Setting.config.rawValue], !path.isEmpty {
            file = try Self.readEnvFile(path)
        }
        func value(_ s: Setting) -> String? {
            flags[s] ?? environment[s.rawValue] ?? file[s.rawValue]
        }
        var c = WorkerConfiguration()
        if let v = value(.brokers) { c.brokers = try nonEmpty(v, .brokers) }
        if let v = value(.inputTopic) { c.inputTopic = try topic(v, .inputTopic) }
        if let v = value(.outputTopic) { c.outputTopic = try topic(v, .outputTopic) }
        if let v = value(.dlqTopic) { c.dlqTopic = try topic(v, .dlqTopic) }
        if let v = value(.groupID) { c.groupID = try nonEmpty(v, .groupID) }
        if let v = value(.clientID) { c.clientID = try nonEmpty(v, .clientID) }
        if let v = value(.concurrency) { c.concurrency = try int(v, .concurrency, min: 1) }
        if let v = value(.maxInFlight) { c.maxInFlight = try int(v, .maxInFlight, min: 1) }
        if let v = value(.maxInFlightBytes) { c.maxInFlightBytes = try int(v, .maxInFlightBytes, min: 1024) }
        if let v = value(.maxPageBytes) { c.maxPageBytes = try int(v, .maxPageBytes, min: 1) }
        if let v = value(.assignmentStrategy) {
            guard ["cooperative-sticky", "range", "roundrobin"].contains(v) else {
                throw ConfigurationError(.invalidValue, "\(Setting.assignmentStrategy.rawValue)=\(v): expected cooperative-sticky, range or roundrobin")
            }
            c.assignmentStrategy = v
        }
        if let v = value(.exactlyOnce) { c.exactlyOnce = try bool(v, .exactlyOnce) }
        if let v = value(.httpHost) { c.httpHost = try nonEmpty(v, .httpHost) }
        if let v = value(.httpPort) { c.httpPort = try int(v, .httpPort, min: 0, max: 65535) }
        if let v = value(.drainTimeout) {
            guard let d = Double(v), d >= 0, d.isFinite else {
                throw ConfigurationError(.invalidValue, "\(Setting.drainTimeout.rawValue)=\(v): expected seconds (a number ≥ 0)")
            }
            c.drainTimeout = d
        }
        if let v = value(.lagInterval) {
            guard let d = Double(v), d >= 0.1, d.isFinite else {
                throw ConfigurationError(.invalidValue, "\(Setting.lagInterval.rawValue)=\(v): expected seconds (a number ≥ 0.1)")
            }
            c.lagInterval = d
        }
        if let v = value(.logLevel) {
            guard ["trace", "debug", "info", "notice", "warning", "error", "critical"].contains(v) else {
                throw ConfigurationError(.invalidValue, "\(Setting.logLevel.rawValue)=\(v): expected trace, debug, info, notice, warning, error or critical")
            }
            c.logLevel = v
        }
        if let v = value(.logFormat) {
            guard v == "text" || v == "json" else {
                throw ConfigurationError(.invalidValue, "\(Setting.logFormat.rawValue)=\(v): expected text or json")
            }
            c.logFormat = v
        }
        // librdkafka properties: file < environment < flags.
        for source in [file, environment] {
            for (key, v) in source where key.hasPrefix(Self.kafkaPrefix) {
                let name = key.dropFirst(Self.kafkaPrefix.count).lowercased().replacingOccurrences(of: "_", with: ".")
                guard !name.isEmpty else { continue }
                c.kafkaProperties[name] = v
            }
        }
        for item in kafkaFlags {
            guard let eq = item.firstIndex(of: "="), eq != item.startIndex else {
                throw ConfigurationError(.invalidValue, "-X \(item): expected KEY=VALUE")
            }
            c.kafkaProperties[String(item[..<eq])] = String(item[item.index(after: eq)...])
        }
        return c
    }

    // MARK: Env-file

    /// Reads `KEY=value` lines; blank lines and `#` comments are skipped; values may be quoted.
    static func readEnvFile(_ path: String) throws(ConfigurationError) -> [String: String] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(.unreadableFile, "cannot read config file \(path)")
        }
        var out: [String: String] = [:]
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)) }
            guard let eq = line.firstIndex(of: "=") else {
                throw ConfigurationError(.invalidValue, "\(path):\(n + 1): expected KEY=value")
            }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let f = value.first, f == "\"" || f == "'", value.last == f {
                value = String(value.dropFirst().dropLast())
            }
            guard key.hasPrefix("NEWSFLOW_") else {
                throw ConfigurationError(.unknownKey, "\(path):\(n + 1): \(key) is not a NEWSFLOW_ setting")
            }
            if !key.hasPrefix(kafkaPrefix), Setting(rawValue: key) == nil {
                throw ConfigurationError(.unknownKey, "\(path):\(n + 1): unknown setting \(key)")
            }
            out[key] = value
        }
        return out
    }

    // MARK: Validation helpers

    private func nonEmpty(_ v: String, _ s: Setting) throws(ConfigurationError) -> String {
        let t = v.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { throw ConfigurationError(.invalidValue, "\(s.rawValue) is empty") }
        return t
    }

    private func topic(_ v: String, _ s: Setting) throws(ConfigurationError) -> String {
        let t = try nonEmpty(v, s)
        let ok = t.count <= 249 && t != "." && t != ".." && t.unicodeScalars.allSatisfy {
            ($0.isASCII && (CharacterSet.alphanumerics.contains($0))) || $0 == "." || $0 == "_" || $0 == "-"
        }
        guard ok else {
            throw ConfigurationError(.invalidValue, "\(s.rawValue)=\(v): a topic name is 1-249 of [a-zA-Z0-9._-]")
        }
        return t
    }

    private func int(_ v: String, _ s: Setting, min: Int, max: Int = .max) throws(ConfigurationError) -> Int {
        guard let n = Int(v.trimmingCharacters(in: .whitespaces)), n >= min, n <= max else {
            throw ConfigurationError(.invalidValue, "\(s.rawValue)=\(v): expected a whole number from \(min)\(max == .max ? " up" : " to \(max)")")
        }
        return n
    }

    private func bool(_ v: String, _ s: Setting) throws(ConfigurationError) -> Bool {
        switch v.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off", "": return false
        default: throw ConfigurationError(.invalidValue, "\(s.rawValue)=\(v): expected true or false")
        }
    }
}
