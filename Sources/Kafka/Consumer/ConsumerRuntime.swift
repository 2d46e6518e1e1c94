import CRdKafka
import Foundation

/// The engine behind ``KafkaConsumer``: owns the librdkafka handle, the poll thread and the event buffer.
///
/// Threading: librdkafka callbacks (rebalance, error, and messages from `rd_kafka_consumer_poll`) all run on
/// the poll thread, because the main queue is forwarded to the consumer queue (`rd_kafka_poll_set_consumer`).
/// Other threads only use thread-safe librdkafka calls, under the handle's shared lock.
final class ConsumerRuntime: @unchecked Sendable, LogForwarding {
    // MARK: State

    private struct State {
        var stopRequested = false
        var paused = false
        var assignment: Set<KafkaTopicPartition> = []
        var everAssigned = false
        var sawMemberID = false
        var closeError: KafkaError?
    }

    let configuration: KafkaConsumerConfiguration
    let buffer: ConsumerEventBuffer
    private let state = Locked(State())
    private let wakeTarget: Locked<RdKafkaHandle?>
    private var handle: RdKafkaHandle!  // set once in init, before the poll thread starts
    private var thread: WorkerThread!

    var logHandler: (@Sendable (Int32, String, String) -> Void)? { configuration.logHandler }

    /// How long `close()` keeps polling for a first assignment when cooperative-sticky is in use (see
    /// ``shutdown(_:)``).
    var firstAssignmentWaitMs: Int { min(max(configuration.sessionTimeoutMs, 5_000), 30_000) }

    // MARK: Lifecycle

    init(configuration: KafkaConsumerConfiguration) throws(KafkaError) {
        guard !configuration.topics.isEmpty else {
            throw KafkaError(code: .invalidArgument, message: "KafkaConsumerConfiguration.topics is empty")
        }
        guard !configuration.groupID.isEmpty else {
            throw KafkaError(code: .invalidArgument, message: "KafkaConsumerConfiguration.groupID is empty")
        }
        self.configuration = configuration
        let wakeTarget = Locked<RdKafkaHandle?>(nil)
        self.wakeTarget = wakeTarget
        self.buffer = ConsumerEventBuffer(
            maxMessages: configuration.maxBufferedMessages,
            maxBytes: configuration.maxBufferedBytes,
            onLowWater: {
                // Wake the poll thread so it resumes fetching now rather than after its poll timeout.
                _ = wakeTarget.withLock { $0 }?.ifAlive { rd_kafka_yield($0) }
            }
        )

        let conf = try RdKafkaConfig.make(configuration.rdKafkaProperties)
        rd_kafka_conf_set_opaque(conf, Unmanaged.passUnretained(self).toOpaque())
        if configuration.logHandler != nil { RdKafkaConfig.setLogCallback(conf) }
        rd_kafka_conf_set_rebalance_cb(conf) { rk, err, partitions, opaque in
            guard let rk, let opaque else { return }
            Unmanaged<ConsumerRuntime>.fromOpaque(opaque).takeUnretainedValue()
                .rebalance(rk, err, partitions)
        }
        rd_kafka_conf_set_error_cb(conf) { rk, err, reason, opaque in
            guard let rk, let opaque else { return }
            Unmanaged<ConsumerRuntime>.fromOpaque(opaque).takeUnretainedValue()
                .clientError(rk, rd_kafka_resp_err_t(rawValue: err), reason.map { String(cString: $0) } ?? "")
        }
        let rk = try RdKafkaConfig.newHandle(RD_KAFKA_CONSUMER, conf: conf)
        let handle = RdKafkaHandle(rk: rk, what: "KafkaConsumer")
        self.handle = handle
        wakeTarget.withLock { $0 = handle }

        rd_kafka_poll_set_consumer(rk)
        let subscribeError = TopicPartitionList.with(configuration.topics.map {
            (KafkaTopicPartition(topic: $0, partition: -1), nil)
        }) { rd_kafka_subscribe(rk, $0) }
        if subscribeError != RD_KAFKA_RESP_ERR_NO_ERROR {
            rd_kafka_consumer_close(rk)
            handle.destroy()
            throw KafkaError(subscribeError, "subscribe to \(configuration.topics): \(String(cString: rd_kafka_err2str(subscribeError)))")
        }

        self.thread = WorkerThread(name: "kafka-consumer-poll") { [self] in
            self.pollLoop()
        }
    }

    // MARK: Poll thread

    private func pollLoop() {
        let rk = handle.rk
        while !state.withLock({ $0.stopRequested }) {
            updateFlowControl(rk)
            noteMemberID(rk)
            guard let message = rd_kafka_consumer_poll(rk, 100) else { continue }
            deliver(message)
            rd_kafka_message_destroy(message)
        }
        shutdown(rk)
    }

    private func deliver(_ message: UnsafeMutablePointer<rd_kafka_message_t>) {
        let m = message.pointee
        if m.err != RD_KAFKA_RESP_ERR_NO_ERROR {
            if m.err == RD_KAFKA_RESP_ERR__PARTITION_EOF { return }
            let text = String(cString: rd_kafka_message_errstr(message))
            var error = KafkaError(m.err, text)
            if m.err == RD_KAFKA_RESP_ERR__FATAL { error.isFatal = true }
            buffer.push(.error(error))
            return
        }
        buffer.push(.message(Self.convert(message)))
        if !state.withLock({ $0.paused }) && buffer.isAboveHighWater {
            setPaused(true, handle.rk)
        }
    }

    static func convert(_ message: UnsafeMutablePointer<rd_kafka_message_t>) -> KafkaConsumerMessage {
        let m = message.pointee
        let topic = m.rkt.map { String(cString: rd_kafka_topic_name($0)) } ?? ""
        let value = m.payload.map { Array(UnsafeRawBufferPointer(start: $0, count: m.len)) } ?? []
        let key = m.key.map { Array(UnsafeRawBufferPointer(start: $0, count: m.key_len)) }
        var headers: [KafkaHeader] = []
        var hdrs: OpaquePointer?
        if rd_kafka_message_headers(message, &hdrs) == RD_KAFKA_RESP_ERR_NO_ERROR, let hdrs {
            var index = 0
            while true {
                var name: UnsafePointer<CChar>?
                var valuePointer: UnsafeRawPointer?
                var size = 0
                guard rd_kafka_header_get_all(hdrs, index, &name, &valuePointer, &size) == RD_KAFKA_RESP_ERR_NO_ERROR
                else { break }
                let bytes = valuePointer.map { Array(UnsafeRawBufferPointer(start: $0, count: size)) } ?? []
                headers.append(KafkaHeader(key: name.map { String(cString: $0) } ?? "", value: bytes))
                index += 1
            }
        }
        var timestampType = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE
        let timestamp = rd_kafka_message_timestamp(message, &timestampType)
        return KafkaConsumerMessage(
            topic: topic,
            partition: m.partition,
            offset: m.offset,
            key: key,
            value: value,
            headers: headers,
            timestamp: timestamp >= 0 && timestampType != RD_KAFKA_TIMESTAMP_NOT_AVAILABLE ? timestamp : nil
        )
    }

    // MARK: Backpressure

    private func updateFlowControl(_ rk: OpaquePointer) {
        let paused = state.withLock { $0.paused }
        if !paused, buffer.isAboveHighWater {
            setPaused(true, rk)
        } else if paused, buffer.isBelowLowWater {
            setPaused(false, rk)
        }
    }

    /// Pauses or resumes fetching for the whole current assignment (poll thread only).
    private func setPaused(_ pause: Bool, _ rk: OpaquePointer) {
        var list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?
        if rd_kafka_assignment(rk, &list) == RD_KAFKA_RESP_ERR_NO_ERROR, let list {
            if pause {
                rd_kafka_pause_partitions(rk, list)
            } else {
                rd_kafka_resume_partitions(rk, list)
            }
            rd_kafka_topic_partition_list_destroy(list)
        }
        state.withLock { $0.paused = pause }
    }

    // MARK: Callbacks (poll thread)

    private func rebalance(
        _ rk: OpaquePointer,
        _ err: rd_kafka_resp_err_t,
        _ partitions: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?
    ) {
        let list = TopicPartitionList.partitions(partitions)
        let cooperative = String(cString: rd_kafka_rebalance_protocol(rk)) == "COOPERATIVE"
        switch err {
        case RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS:
            if cooperative {
                if let error = rd_kafka_incremental_assign(rk, partitions) {
                    buffer.push(.error(KafkaError(consuming: error)))
                }
            } else {
                let assignError = rd_kafka_assign(rk, partitions)
                if assignError != RD_KAFKA_RESP_ERR_NO_ERROR {
                    buffer.push(.error(KafkaError(assignError, "assign: \(String(cString: rd_kafka_err2str(assignError)))")))
                }
            }
            let paused = state.withLock { state in
                if !cooperative { state.assignment = [] }
                state.assignment.formUnion(list)
                state.everAssigned = true
                return state.paused
            }
            if let partitions, partitions.pointee.cnt > 0 {
                // librdkafka keeps a partition's pause flag across unassign/assign: a partition paused
                // under an earlier assignment would stay paused when it comes back (measured with eager
                // rebalances). Set the flag explicitly either way.
                if paused {
                    rd_kafka_pause_partitions(rk, partitions)
                } else {
                    rd_kafka_resume_partitions(rk, partitions)
                }
            }
            buffer.push(.assigned(list))

        case RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS:
            let lost = rd_kafka_assignment_lost(rk) != 0
            // Messages not handed out yet are dropped: they were not stored, the next owner reads them.
            buffer.removeMessages(of: Set(list))
            configuration.onRevoke?(list)
            if !lost {
                let commitError = rd_kafka_commit(rk, nil, 0)
                if commitError != RD_KAFKA_RESP_ERR_NO_ERROR && commitError != RD_KAFKA_RESP_ERR__NO_OFFSET {
                    buffer.push(.error(KafkaError(commitError, "commit on revoke: \(String(cString: rd_kafka_err2str(commitError)))")))
                }
            }
            if cooperative {
                if let error = rd_kafka_incremental_unassign(rk, partitions) {
                    buffer.push(.error(KafkaError(consuming: error)))
                }
            } else {
                rd_kafka_assign(rk, nil)
            }
            state.withLock { state in
                if cooperative { state.assignment.subtract(list) } else { state.assignment = [] }
            }
            buffer.push(lost ? .lost(list) : .revoked(list))

        default:
            rd_kafka_assign(rk, nil)
            state.withLock { $0.assignment = [] }
            buffer.push(.error(KafkaError(err, "rebalance failed: \(String(cString: rd_kafka_err2str(err)))")))
        }
    }

    private func clientError(_ rk: OpaquePointer, _ err: rd_kafka_resp_err_t, _ reason: String) {
        if err == RD_KAFKA_RESP_ERR__FATAL {
            var text = [CChar](repeating: 0, count: 512)
            let underlying = rd_kafka_fatal_error(rk, &text, text.count)
            let detail = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            buffer.push(.error(KafkaError(code: .init(underlying), message: detail.isEmpty ? reason : detail, isFatal: true)))
        } else {
            buffer.push(.error(KafkaError(err, reason)))
        }
    }

    private func noteMemberID(_ rk: OpaquePointer) {
        guard configuration.usesCooperativeSticky, !state.withLock({ $0.sawMemberID || $0.everAssigned }) else { return }
        if Self.hasMemberID(rk) { state.withLock { $0.sawMemberID = true } }
    }

    private static func hasMemberID(_ rk: OpaquePointer) -> Bool {
        guard let id = rd_kafka_memberid(rk) else { return false }
        defer { rd_kafka_mem_free(rk, id) }
        return id.pointee != 0
    }

    // MARK: Shutdown (poll thread)

    /// Commits stored offsets, leaves the group (`rd_kafka_consumer_close`, which runs the revoke callback)
    /// and destroys the handle.
    ///
    /// librdkafka 2.0.2 aborts in `rd_kafka_destroy` (`rd_kafka_sticky_assignor_state_destroy: Assertion
    /// 'assignor_state' failed`, librdkafka issue #4312, fixed in 2.3.0) when a cooperative-sticky member
    /// joined a group (JoinGroup succeeded) but never received its assignment. Guard: keep polling until the
    /// first assignment (at most ``firstAssignmentWaitMs``); if it still never came and the member may have
    /// joined, the handle is deliberately leaked instead of destroyed.
    private func shutdown(_ rk: OpaquePointer) {
        if configuration.usesCooperativeSticky {
            let deadline = Date().addingTimeInterval(Double(firstAssignmentWaitMs) / 1000)
            while !state.withLock({ $0.everAssigned }) && Date() < deadline {
                noteMemberID(rk)
                // Messages read here are not handed out (not stored either: the next owner reads them).
                if let message = rd_kafka_consumer_poll(rk, 100) { rd_kafka_message_destroy(message) }
            }
            noteMemberID(rk)
        }

        var closeError: KafkaError?
        let commitError = rd_kafka_commit(rk, nil, 0)
        if commitError != RD_KAFKA_RESP_ERR_NO_ERROR && commitError != RD_KAFKA_RESP_ERR__NO_OFFSET
            && commitError != RD_KAFKA_RESP_ERR__STATE
        {
            closeError = KafkaError(commitError, "commit on close: \(String(cString: rd_kafka_err2str(commitError)))")
        }
        let consumerCloseError = rd_kafka_consumer_close(rk)
        if consumerCloseError != RD_KAFKA_RESP_ERR_NO_ERROR && closeError == nil {
            closeError = KafkaError(consumerCloseError, "consumer close: \(String(cString: rd_kafka_err2str(consumerCloseError)))")
        }

        let unsafeToDestroy = state.withLock { state in
            configuration.usesCooperativeSticky && !state.everAssigned && state.sawMemberID
        } || (configuration.usesCooperativeSticky && !state.withLock({ $0.everAssigned }) && Self.hasMemberID(rk))
        if unsafeToDestroy {
            configuration.logHandler?(
                4, "CLOSE",
                "cooperative-sticky consumer closed before its first assignment: handle not destroyed (librdkafka 2.0.2 would abort)"
            )
            handle.abandon()
        } else {
            handle.destroy()
        }
        state.withLock { state in
            state.assignment = []
            state.closeError = closeError
        }
        buffer.finish()
    }

    // MARK: API (any thread)

    func close() throws(KafkaError) {
        let first = state.withLock { state -> Bool in
            defer { state.stopRequested = true }
            return !state.stopRequested
        }
        _ = handle.ifAlive { rd_kafka_yield($0) }
        if thread.isCurrent { return }  // called from a callback: the loop ends after it returns
        thread.join()
        if first, let error = state.withLock({ $0.closeError }) { throw error }
    }

    var isClosed: Bool { state.withLock { $0.stopRequested } }

    var hasAssignment: Bool { state.withLock { !$0.assignment.isEmpty } }

    var everAssigned: Bool { state.withLock { $0.everAssigned } }

    func withHandle<R>(_ body: (OpaquePointer) throws(KafkaError) -> R) throws(KafkaError) -> R {
        try handle.withHandle(body)
    }
}
