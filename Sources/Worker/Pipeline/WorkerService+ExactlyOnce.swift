import Foundation
import Kafka
import ServiceLifecycle

// MARK: - Exactly-once mode

extension WorkerService {
    /// Transactional read-process-write: each batch of consumed pages is extracted in parallel, its
    /// records and dead letters are produced inside one transaction together with the batch's input
    /// offsets (`send_offsets_to_transaction`), and the transaction commits as a unit. Readers with
    /// `isolation.level=read_committed` see each input's output exactly once.
    ///
    /// A failed transaction is aborted and the worker stops with an error (exit non-zero): its
    /// consumer position is past the aborted batch, so a restart, which resumes from the committed
    /// offsets, is the safe way to retry.
    func exactlyOnceLoop(consumer: KafkaConsumer, producer: KafkaProducer, pool: ExtractionPool) async throws {
        var iterator = consumer.events.cancelOnGracefulShutdown().makeAsyncIterator()
        while true {
            // Wait for the first message, then take what is already buffered, up to the batch size.
            var batch: [KafkaConsumerMessage] = []
            var bytes = 0
            while batch.isEmpty {
                guard let event = await iterator.next() else { return }
                if case .message(let m) = event { batch.append(m); bytes += m.value.count } else { try observe(event, consumer: consumer) }
            }
            while batch.count < configuration.maxInFlight, bytes < configuration.maxInFlightBytes, consumer.bufferedMessageCount > 0 {
                guard let event = await iterator.next() else { break }
                if case .message(let m) = event { batch.append(m); bytes += m.value.count } else { try observe(event, consumer: consumer) }
            }
            let owned = ownership.openTransaction(batch)
            do {
                if !owned.isEmpty { try await commitBatch(owned, consumer: consumer, producer: producer, pool: pool) }
                ownership.closeTransaction()
            } catch {
                ownership.closeTransaction()
                _ = try? await Blocking.run { try producer.abortTransaction(timeoutMs: 30_000) }
                throw WorkerError(.fatal, "transaction failed and was aborted; restart to resume from the committed offsets: \(error)")
            }
        }
    }

    private func commitBatch(_ batch: [KafkaConsumerMessage], consumer: KafkaConsumer, producer: KafkaProducer, pool: ExtractionPool) async throws {
        try await Blocking.run { try producer.beginTransaction() }
        metrics.pagesConsumed.increment(by: Int64(batch.count))
        // Extract in parallel; produce each output as it is ready; wait for every delivery report.
        let results = BatchResults(count: batch.count)
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            results.onComplete = { done.resume() }
            for (i, m) in batch.enumerated() {
                pool.submit { [self] in
                    let (message, kind) = outputMessage(for: m)
                    do {
                        try producer.send(message) { result in
                            switch result {
                            case .success:
                                if kind == nil { self.metrics.recordsProduced.increment() } else if let kind { self.metrics.deadLetter(kind) }
                                results.finish(i, nil)
                            case .failure(let error):
                                results.finish(i, "\(error)")
                            }
                        }
                    } catch {
                        results.finish(i, "\(error)")
                    }
                }
            }
        }
        if let error = results.firstError { throw WorkerError(.fatal, "produce in transaction failed: \(error)") }
        var offsets: [KafkaTopicPartition: Int64] = [:]
        for m in batch {
            let tp = KafkaTopicPartition(topic: m.topic, partition: m.partition)
            offsets[tp] = max(offsets[tp] ?? 0, m.offset + 1)
        }
        let batchOffsets = offsets
        try await Blocking.run {
            try producer.sendOffsetsToTransaction(batchOffsets, consumer: consumer, timeoutMs: 30_000)
            try producer.commitTransaction(timeoutMs: 60_000)
        }
        for (tp, next) in offsets { metrics.committed(topic: tp.topic, partition: tp.partition, next) }
    }
}

/// Completion of one transaction's deliveries.
final class BatchResults: @unchecked Sendable {
    private let lock = NSLock()
    private var remaining: Int
    private(set) var firstError: String?
    var onComplete: (@Sendable () -> Void)?

    init(count: Int) { remaining = count }

    func finish(_ index: Int, _ error: String?) {
        let complete: (@Sendable () -> Void)? = lock.withLock {
            if let error, firstError == nil { firstError = error }
            remaining -= 1
            return remaining == 0 ? onComplete : nil
        }
        complete?()
    }
}
