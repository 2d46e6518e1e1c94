import Foundation
import Kafka
import Logging

/// Produces output messages and never drops one: transient failures are retried with exponential
/// backoff (0.1 s doubling, up to 10 s, 8 attempts after librdkafka's own retries); a fatal client
/// error, or one that outlasts the retries, is recorded in the ``FailureBox``, which stops the worker.
struct RetryingPublisher: Sendable {
    var producer: KafkaProducer
    var failure: FailureBox
    var health: HealthState
    var metrics: WorkerMetrics
    var logger: Logger
    /// Attempts after the first before giving up.
    var maxRetries = 8

    /// Sends `message`; calls `done` once the broker acknowledged it.
    func publish(_ message: KafkaProducerMessage, attempt: Int = 0, done: @escaping @Sendable () -> Void) {
        do {
            try producer.send(message) { result in
                switch result {
                case .success:
                    done()
                case .failure(let error):
                    if error.isFatal || attempt >= maxRetries {
                        giveUp("cannot produce to \(message.topic): \(error)")
                        return
                    }
                    metrics.produceRetries.increment()
                    let delay = min(0.1 * pow(2, Double(attempt)), 10)
                    logger.warning("produce failed, retrying", metadata: ["topic": "\(message.topic)", "attempt": "\(attempt + 1)", "error": "\(error)"])
                    DispatchQueue.global().asyncAfter(deadline: .now() + delay) {
                        publish(message, attempt: attempt + 1, done: done)
                    }
                }
            }
        } catch {
            giveUp("cannot produce to \(message.topic): \(error)")
        }
    }

    private func giveUp(_ reason: String) {
        failure.set(reason)
        health.fail(reason)
        logger.critical("produce failed for good; stopping", metadata: ["error": "\(reason)"])
    }
}
