/// The per-message opaque of a send: retained across librdkafka (`Unmanaged.passRetained`) from a
/// successful `rd_kafka_produceva` until its delivery report, which takes it back and calls `completion`.
final class DeliveryBox: Sendable {
    let completion: @Sendable (Result<KafkaDeliveryReport, KafkaError>) -> Void

    init(_ completion: @escaping @Sendable (Result<KafkaDeliveryReport, KafkaError>) -> Void) {
        self.completion = completion
    }
}

/// Bridges a delivery report to an `async` caller; tolerates the report arriving before the caller waits.
final class DeliveryWaiter: Sendable {
    private typealias Outcome = Result<KafkaDeliveryReport, KafkaError>
    private let state = Locked<(result: Outcome?, continuation: CheckedContinuation<Outcome, Never>?)>((nil, nil))

    func complete(_ result: Result<KafkaDeliveryReport, KafkaError>) {
        let continuation = state.withLock { state -> CheckedContinuation<Outcome, Never>? in
            if let continuation = state.continuation {
                state.continuation = nil
                return continuation
            }
            state.result = result
            return nil
        }
        continuation?.resume(returning: result)
    }

    func wait() async -> Result<KafkaDeliveryReport, KafkaError> {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state -> Outcome? in
                if let result = state.result { return result }
                state.continuation = continuation
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }
}
