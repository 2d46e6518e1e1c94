import CRdKafka

/// Cluster administration and inspection: topic setup, metadata, watermarks, offsets by time and a group's
/// committed offsets. All calls are synchronous (they block the caller up to their timeout).
public final class KafkaAdmin: Sendable {
    private let handle: RdKafkaHandle

    // MARK: Lifecycle

    /// Creates an admin client (a librdkafka producer handle used only for admin and metadata requests).
    ///
    /// - Parameters:
    ///   - bootstrapServers: comma-separated `host:port` list.
    ///   - properties: any librdkafka property, applied last.
    public init(bootstrapServers: String, properties: [String: String] = [:]) throws(KafkaError) {
        let conf = try RdKafkaConfig.make(
            RdKafkaConfig.merge([("bootstrap.servers", bootstrapServers)], properties: properties)
        )
        let rk = try RdKafkaConfig.newHandle(RD_KAFKA_PRODUCER, conf: conf)
        self.handle = RdKafkaHandle(rk: rk, what: "KafkaAdmin")
    }

    deinit {
        handle.destroy()
    }

    /// Destroys the client; later calls throw ``KafkaError/Code/closed``. Idempotent.
    public func close() {
        handle.destroy()
    }

    // MARK: Topics

    /// Creates topics. A topic that already exists is not an error (its settings are not compared).
    public func createTopics(_ topics: [KafkaNewTopic], timeoutMs: Int = 10_000) throws(KafkaError) {
        guard !topics.isEmpty else { return }
        try handle.withHandle { rk throws(KafkaError) in
            var newTopics: [OpaquePointer?] = []
            defer { for topic in newTopics { rd_kafka_NewTopic_destroy(topic) } }
            var errstr = [CChar](repeating: 0, count: 512)
            for topic in topics {
                guard let newTopic = rd_kafka_NewTopic_new(
                    topic.name, Int32(clamping: topic.partitions), Int32(clamping: topic.replicationFactor),
                    &errstr, errstr.count
                ) else {
                    throw KafkaError(code: .invalidArgument, message: "topic \(topic.name): \(Self.string(errstr))")
                }
                newTopics.append(newTopic)
                for (name, value) in topic.config.sorted(by: { $0.key < $1.key }) {
                    try KafkaError.check(
                        rd_kafka_NewTopic_set_config(newTopic, name, value),
                        "topic \(topic.name) config \(name)=\(value)"
                    )
                }
            }
            try Self.runAdmin(rk, RD_KAFKA_ADMIN_OP_CREATETOPICS, timeoutMs: timeoutMs, what: "create topics") {
                options, queue in
                newTopics.withUnsafeMutableBufferPointer { buffer in
                    rd_kafka_CreateTopics(rk, buffer.baseAddress, buffer.count, options, queue)
                }
            } result: { event throws(KafkaError) in
                var count = 0
                let results = rd_kafka_CreateTopics_result_topics(rd_kafka_event_CreateTopics_result(event), &count)
                try Self.checkTopicResults(results, count, ignoring: RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS, what: "create topic")
            }
        }
    }

    /// Deletes topics. A topic that does not exist is not an error.
    public func deleteTopics(_ names: [String], timeoutMs: Int = 10_000) throws(KafkaError) {
        guard !names.isEmpty else { return }
        try handle.withHandle { rk throws(KafkaError) in
            var deleteTopics: [OpaquePointer?] = names.map { rd_kafka_DeleteTopic_new($0) }
            defer { for topic in deleteTopics { rd_kafka_DeleteTopic_destroy(topic) } }
            try Self.runAdmin(rk, RD_KAFKA_ADMIN_OP_DELETETOPICS, timeoutMs: timeoutMs, what: "delete topics") {
                options, queue in
                deleteTopics.withUnsafeMutableBufferPointer { buffer in
                    rd_kafka_DeleteTopics(rk, buffer.baseAddress, buffer.count, options, queue)
                }
            } result: { event throws(KafkaError) in
                var count = 0
                let results = rd_kafka_DeleteTopics_result_topics(rd_kafka_event_DeleteTopics_result(event), &count)
                try Self.checkTopicResults(results, count, ignoring: RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART, what: "delete topic")
            }
        }
    }

    // MARK: Metadata and offsets

    /// The partition numbers of `topic`, sorted (from a metadata request for all topics, so it never
    /// auto-creates the topic). Throws ``KafkaError/Code/unknownTopicOrPartition`` if it does not exist.
    public func partitions(of topic: String, timeoutMs: Int = 10_000) throws(KafkaError) -> [Int32] {
        try handle.withHandle { rk throws(KafkaError) in
            var metadata: UnsafePointer<rd_kafka_metadata>?
            try KafkaError.check(rd_kafka_metadata(rk, 1, nil, &metadata, Int32(clamping: timeoutMs)), "metadata")
            guard let metadata else { throw KafkaError(code: .unknownTopicOrPartition, message: "no metadata") }
            defer { rd_kafka_metadata_destroy(metadata) }
            for index in 0..<Int(metadata.pointee.topic_cnt) {
                let entry = metadata.pointee.topics[index]
                guard String(cString: entry.topic) == topic else { continue }
                try KafkaError.check(entry.err, "metadata for topic \(topic)")
                return (0..<Int(entry.partition_cnt)).map { entry.partitions[$0].id }.sorted()
            }
            throw KafkaError(code: .unknownTopicOrPartition, message: "topic \(topic) does not exist")
        }
    }

    /// The low (first retained) and high (next to be written) watermark offsets of a partition, from the broker.
    public func watermarks(
        topic: String,
        partition: Int32,
        timeoutMs: Int = 10_000
    ) throws(KafkaError) -> (low: Int64, high: Int64) {
        try handle.withHandle { rk throws(KafkaError) in
            var low: Int64 = -1
            var high: Int64 = -1
            try KafkaError.check(
                rd_kafka_query_watermark_offsets(rk, topic, partition, &low, &high, Int32(clamping: timeoutMs)),
                "watermarks of \(topic)[\(partition)]"
            )
            return (low, high)
        }
    }

    /// For every partition of `topic`: the earliest offset whose timestamp is ≥ `timestampMs`, or the end
    /// offset (`-1` from some brokers) when there is none.
    public func offsetsForTimes(
        topic: String,
        timestampMs: Int64,
        timeoutMs: Int = 10_000
    ) throws(KafkaError) -> [Int32: Int64] {
        let partitions = try partitions(of: topic, timeoutMs: timeoutMs)
        return try handle.withHandle { rk throws(KafkaError) in
            try TopicPartitionList.with(partitions.map { (KafkaTopicPartition(topic: topic, partition: $0), timestampMs) }) {
                list throws(KafkaError) in
                try KafkaError.check(
                    rd_kafka_offsets_for_times(rk, list, Int32(clamping: timeoutMs)),
                    "offsets for times on \(topic)"
                )
                var result: [Int32: Int64] = [:]
                for element in TopicPartitionList.elements(list) {
                    try KafkaError.check(element.error, "offset for time on \(element.partition)")
                    result[element.partition.partition] = element.offset
                }
                return result
            }
        }
    }

    /// The committed offsets (next offset to read) of `group` for the partitions of `topic`; partitions without
    /// a committed offset are absent.
    public func committedOffsets(
        group: String,
        topic: String,
        timeoutMs: Int = 10_000
    ) throws(KafkaError) -> [Int32: Int64] {
        let partitions = try partitions(of: topic, timeoutMs: timeoutMs)
        return try handle.withHandle { rk throws(KafkaError) in
            let request = TopicPartitionList.with(partitions.map { (KafkaTopicPartition(topic: topic, partition: $0), nil) }) {
                rd_kafka_ListConsumerGroupOffsets_new(group, $0)
            }
            var requests: [OpaquePointer?] = [request]
            defer { rd_kafka_ListConsumerGroupOffsets_destroy(request) }
            var result: [Int32: Int64] = [:]
            try Self.runAdmin(rk, RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPOFFSETS, timeoutMs: timeoutMs, what: "list group offsets") {
                options, queue in
                requests.withUnsafeMutableBufferPointer { buffer in
                    rd_kafka_ListConsumerGroupOffsets(rk, buffer.baseAddress, 1, options, queue)
                }
            } result: { event throws(KafkaError) in
                var count = 0
                guard let groups = rd_kafka_ListConsumerGroupOffsets_result_groups(
                    rd_kafka_event_ListConsumerGroupOffsets_result(event), &count
                ) else { return }
                for index in 0..<count {
                    guard let group = groups[index] else { continue }
                    if let error = rd_kafka_group_result_error(group) {
                        throw KafkaError(
                            code: .init(rd_kafka_error_code(error)),
                            message: "group \(String(cString: rd_kafka_group_result_name(group))): \(String(cString: rd_kafka_error_string(error)))"
                        )
                    }
                    for element in TopicPartitionList.elements(rd_kafka_group_result_partitions(group))
                    where element.partition.topic == topic && element.error == RD_KAFKA_RESP_ERR_NO_ERROR
                        && element.offset >= 0
                    {
                        result[element.partition.partition] = element.offset
                    }
                }
            }
            return result
        }
    }

    // MARK: Helpers

    /// Runs one admin request on a temporary queue and hands the result event to `result`.
    private static func runAdmin(
        _ rk: OpaquePointer,
        _ op: rd_kafka_admin_op_t,
        timeoutMs: Int,
        what: String,
        start: (OpaquePointer?, OpaquePointer?) -> Void,
        result: (OpaquePointer) throws(KafkaError) -> Void
    ) throws(KafkaError) {
        let queue = rd_kafka_queue_new(rk)
        defer { rd_kafka_queue_destroy(queue) }
        let options = rd_kafka_AdminOptions_new(rk, op)
        defer { rd_kafka_AdminOptions_destroy(options) }
        var errstr = [CChar](repeating: 0, count: 512)
        _ = rd_kafka_AdminOptions_set_request_timeout(options, Int32(clamping: timeoutMs), &errstr, errstr.count)
        if op == RD_KAFKA_ADMIN_OP_CREATETOPICS || op == RD_KAFKA_ADMIN_OP_DELETETOPICS {
            _ = rd_kafka_AdminOptions_set_operation_timeout(options, Int32(clamping: timeoutMs), &errstr, errstr.count)
        }
        start(options, queue)
        guard let event = rd_kafka_queue_poll(queue, Int32(clamping: timeoutMs + 2_000)) else {
            throw KafkaError(code: .timedOut, message: "\(what): no result within \(timeoutMs) ms")
        }
        defer { rd_kafka_event_destroy(event) }
        let err = rd_kafka_event_error(event)
        if err != RD_KAFKA_RESP_ERR_NO_ERROR {
            let text = rd_kafka_event_error_string(event).map { String(cString: $0) } ?? ""
            throw KafkaError(err, "\(what): \(text)")
        }
        try result(event)
    }

    private static func checkTopicResults(
        _ results: UnsafeMutablePointer<OpaquePointer?>?,
        _ count: Int,
        ignoring ignored: rd_kafka_resp_err_t,
        what: String
    ) throws(KafkaError) {
        guard let results else { return }
        for index in 0..<count {
            guard let topicResult = results[index] else { continue }
            let err = rd_kafka_topic_result_error(topicResult)
            if err == RD_KAFKA_RESP_ERR_NO_ERROR || err == ignored { continue }
            let name = String(cString: rd_kafka_topic_result_name(topicResult))
            let text = rd_kafka_topic_result_error_string(topicResult).map { String(cString: $0) } ?? ""
            throw KafkaError(err, "\(what) \(name): \(text)")
        }
    }

    static func string(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
