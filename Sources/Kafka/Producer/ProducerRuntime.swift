import CRdKafka
import Foundation

/// The engine behind ``KafkaProducer``: the librdkafka handle plus a poll thread that serves delivery reports
/// and error callbacks.
final class ProducerRuntime: @unchecked Sendable, LogForwarding {
    // MARK: State

    private struct State {
        var closing = false
        var stopRequested = false
        var fatalError: KafkaError?
    }

    enum EnqueueResult {
        case enqueued
        case queueFull
        case failed(KafkaError)
    }

    let configuration: KafkaProducerConfiguration
    private let state = Locked(State())
    private let closed = Latch()
    private var handle: RdKafkaHandle!  // set once in init
    private var thread: WorkerThread!

    var logHandler: (@Sendable (Int32, String, String) -> Void)? { configuration.logHandler }

    // MARK: Lifecycle

    init(configuration: KafkaProducerConfiguration) throws(KafkaError) {
        self.configuration = configuration
        let conf = try RdKafkaConfig.make(configuration.rdKafkaProperties)
        rd_kafka_conf_set_opaque(conf, Unmanaged.passUnretained(self).toOpaque())
        if configuration.logHandler != nil { RdKafkaConfig.setLogCallback(conf) }
        rd_kafka_conf_set_dr_msg_cb(conf) { _, rkmessage, opaque in
            guard let rkmessage, let opaque else { return }
            Unmanaged<ProducerRuntime>.fromOpaque(opaque).takeUnretainedValue().deliveryReport(rkmessage)
        }
        rd_kafka_conf_set_error_cb(conf) { rk, err, reason, opaque in
            guard let rk, let opaque else { return }
            Unmanaged<ProducerRuntime>.fromOpaque(opaque).takeUnretainedValue()
                .clientError(rk, rd_kafka_resp_err_t(rawValue: err), reason.map { String(cString: $0) } ?? "")
        }
        let rk = try RdKafkaConfig.newHandle(RD_KAFKA_PRODUCER, conf: conf)
        self.handle = RdKafkaHandle(rk: rk, what: "KafkaProducer")
        self.thread = WorkerThread(name: "kafka-producer-poll") { [self] in
            let rk = self.handle.rk
            while !self.state.withLock({ $0.stopRequested }) {
                rd_kafka_poll(rk, 100)
            }
        }
    }

    // MARK: Callbacks (poll thread, or a thread inside rd_kafka_flush)

    private func deliveryReport(_ rkmessage: UnsafePointer<rd_kafka_message_t>) {
        let m = rkmessage.pointee
        guard let opaque = m._private else { return }
        let box = Unmanaged<DeliveryBox>.fromOpaque(opaque).takeRetainedValue()
        let topic = m.rkt.map { String(cString: rd_kafka_topic_name($0)) } ?? ""
        if m.err == RD_KAFKA_RESP_ERR_NO_ERROR {
            box.completion(.success(KafkaDeliveryReport(topic: topic, partition: m.partition, offset: m.offset)))
            return
        }
        if let fatal = state.withLock({ $0.fatalError }),
            m.err == RD_KAFKA_RESP_ERR__PURGE_QUEUE || m.err == RD_KAFKA_RESP_ERR__PURGE_INFLIGHT
                || m.err == RD_KAFKA_RESP_ERR__FATAL
        {
            box.completion(.failure(fatal))
            return
        }
        var error = KafkaError(
            m.err,
            "delivery to \(topic)[\(m.partition)] failed: \(String(cString: rd_kafka_err2str(m.err)))"
        )
        error.isRetriable = m.err == RD_KAFKA_RESP_ERR__MSG_TIMED_OUT || m.err == RD_KAFKA_RESP_ERR__TIMED_OUT
            || m.err == RD_KAFKA_RESP_ERR__TRANSPORT
        box.completion(.failure(error))
    }

    private func clientError(_ rk: OpaquePointer, _ err: rd_kafka_resp_err_t, _ reason: String) {
        var error = KafkaError(err, reason)
        if err == RD_KAFKA_RESP_ERR__FATAL {
            var text = [CChar](repeating: 0, count: 512)
            let underlying = rd_kafka_fatal_error(rk, &text, text.count)
            let detail = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            error = KafkaError(code: .init(underlying), message: detail.isEmpty ? reason : detail, isFatal: true)
            state.withLock { $0.fatalError = error }
            // Fail every pending send now (their reports carry the fatal error).
            rd_kafka_purge(rk, Int32(RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT | RD_KAFKA_PURGE_F_NON_BLOCKING))
        }
        configuration.errorHandler?(error)
    }

    // MARK: Sending

    /// One produce attempt. On success `box` is owned by librdkafka until its delivery report.
    func enqueue(_ message: KafkaProducerMessage, box: DeliveryBox) -> EnqueueResult {
        let gate = state.withLock { state -> KafkaError? in
            if let fatal = state.fatalError { return fatal }
            return state.closing ? KafkaError.closed("KafkaProducer") : nil
        }
        if let gate { return .failed(gate) }
        do {
            return try handle.withHandle { rk throws(KafkaError) -> EnqueueResult in
                Self.produce(rk, message, box)
            }
        } catch {
            return .failed(error)
        }
    }

    private static func produce(_ rk: OpaquePointer, _ message: KafkaProducerMessage, _ box: DeliveryBox) -> EnqueueResult {
        var headers: OpaquePointer?
        if !message.headers.isEmpty {
            headers = rd_kafka_headers_new(message.headers.count)
            for header in message.headers {
                header.value.withUnsafeBytes { bytes in
                    _ = rd_kafka_header_add(headers, header.key, -1, bytes.baseAddress, bytes.count)
                }
            }
        }
        let opaque = Unmanaged.passRetained(box).toOpaque()
        let partition = message.partition ?? newsflow_partition_unassigned()
        let emptyKey: [UInt8] = [0]
        let error: OpaquePointer? = message.value.withUnsafeBytes { value in
            if let key = message.key {
                return (key.isEmpty ? emptyKey : key).withUnsafeBytes { keyBytes in
                    newsflow_produce(
                        rk, message.topic, partition, keyBytes.baseAddress, key.count,
                        value.baseAddress, value.count, headers, opaque
                    )
                }
            }
            return newsflow_produce(rk, message.topic, partition, nil, 0, value.baseAddress, value.count, headers, opaque)
        }
        guard let error else { return .enqueued }
        // Not enqueued: we still own the box and the headers.
        Unmanaged<DeliveryBox>.fromOpaque(opaque).release()
        if let headers { rd_kafka_headers_destroy(headers) }
        if rd_kafka_error_code(error) == RD_KAFKA_RESP_ERR__QUEUE_FULL {
            rd_kafka_error_destroy(error)
            return .queueFull
        }
        var kafkaError = KafkaError(consuming: error)
        kafkaError.message = "produce to \(message.topic): \(kafkaError.message)"
        return .failed(kafkaError)
    }

    /// Blocking variant used by the callback API: on a full queue, serves delivery reports and retries.
    func enqueueBlocking(_ message: KafkaProducerMessage, box: DeliveryBox) throws(KafkaError) {
        while true {
            switch enqueue(message, box: box) {
            case .enqueued:
                return
            case .failed(let error):
                throw error
            case .queueFull:
                _ = handle.ifAlive { rd_kafka_poll($0, 10) }
            }
        }
    }

    // MARK: Handle access

    func withHandle<R>(_ body: (OpaquePointer) throws(KafkaError) -> R) throws(KafkaError) -> R {
        try handle.withHandle(body)
    }

    var fatalError: KafkaError? { state.withLock { $0.fatalError } }

    // MARK: Closing

    func close(timeoutMs: Int) {
        let first = state.withLock { state -> Bool in
            defer { state.closing = true }
            return !state.closing
        }
        guard first else {
            if !thread.isCurrent { closed.wait() }
            return
        }
        if thread.isCurrent {
            // From a delivery report: cannot flush or join here; stop the loop, a later deinit destroys.
            state.withLock { $0.stopRequested = true }
            closed.open()
            return
        }
        _ = handle.ifAlive { rd_kafka_flush($0, Int32(clamping: timeoutMs)) }
        // Whatever is left fails now (purge → delivery reports with _PURGE_*), so no send waits forever.
        _ = handle.ifAlive { rd_kafka_purge($0, Int32(RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT)) }
        let deadline = Date().addingTimeInterval(5)
        while (handle.ifAlive { rd_kafka_outq_len($0) } ?? 0) > 0 && Date() < deadline {
            usleep(10_000)
        }
        state.withLock { $0.stopRequested = true }
        thread.join()
        handle.destroy()
        closed.open()
    }

    deinit {
        handle?.destroy()
    }
}
