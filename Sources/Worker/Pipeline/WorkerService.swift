import Foundation
import Kafka
import Logging
import Schemas
import ServiceLifecycle

/// The consume → extract → produce → commit loop, as a swift-service-lifecycle `Service`.
///
/// Delivery is at-least-once: an input offset is stored for commit only after the record or dead
/// letter for it, and for every earlier offset of its partition, was acknowledged by the broker
/// (``OffsetTracker``). Extraction runs on ``ExtractionPool`` threads; ``InFlightLimiter`` bounds the
/// pages in flight. On graceful shutdown the loop stops fetching, finishes and publishes what is in
/// flight (up to the drain deadline), commits, and leaves the group.
final class WorkerService: Service, @unchecked Sendable {
    let configuration: WorkerConfiguration
    let metrics: WorkerMetrics
    let health: HealthState
    let logger: Logger
    private let processor: PageProcessor
    private let offsets = OffsetTracker()
    private let limiter: InFlightLimiter
    private let failure = FailureBox()

    init(configuration: WorkerConfiguration, metrics: WorkerMetrics, health: HealthState, logger: Logger) {
        self.configuration = configuration
        self.metrics = metrics
        self.health = health
        self.logger = logger
        self.processor = PageProcessor(maxPageBytes: configuration.maxPageBytes)
        self.limiter = InFlightLimiter(maxCount: configuration.maxInFlight, maxBytes: configuration.maxInFlightBytes)
    }

    // MARK: Kafka configuration

    func consumerConfiguration() -> KafkaConsumerConfiguration {
        var c = KafkaConsumerConfiguration(bootstrapServers: configuration.brokers, groupID: configuration.groupID, topics: [configuration.inputTopic])
        c.autoOffsetReset = .earliest
        switch configuration.assignmentStrategy {
        case "range": c.assignmentStrategy = .range
        case "roundrobin": c.assignmentStrategy = .roundRobin
        default: c.assignmentStrategy = .cooperativeSticky
        }
        c.maxBufferedMessages = max(64, configuration.maxInFlight)
        c.maxBufferedBytes = configuration.maxInFlightBytes
        c.properties["client.id"] = configuration.clientID
        c.properties.merge(configuration.kafkaProperties) { _, new in new }
        let offsets = self.offsets
        let drain = configuration.drainTimeout
        let logger = self.logger
        c.onRevoke = { partitions in
            // Commit what is done before the partitions go: wait for their in-flight pages.
            let keys = partitions.map { OffsetTracker.Key(topic: $0.topic, partition: $0.partition) }
            let finished = offsets.waitUntilIdle(keys, deadline: Date().addingTimeInterval(drain))
            if !finished {
                logger.warning("revoked partitions still had pages in flight at the drain deadline; they will be reprocessed",
                               metadata: ["partitions": "\(partitions.map { "\($0.topic)/\($0.partition)" })"])
            }
            offsets.drop(keys)
        }
        c.logHandler = { level, facility, message in
            logger.log(level: Self.logLevel(syslog: level), "librdkafka: \(message)", metadata: ["facility": "\(facility)"])
        }
        return c
    }

    func producerConfiguration() -> KafkaProducerConfiguration {
        var p = KafkaProducerConfiguration(bootstrapServers: configuration.brokers)
        p.idempotent = true
        p.messageMaxBytes = max(configuration.maxPageBytes + (1 << 20), 16 << 20)
        p.properties["client.id"] = configuration.clientID
        p.properties.merge(configuration.kafkaProperties) { _, new in new }
        let logger = self.logger
        p.logHandler = { level, facility, message in
            logger.log(level: Self.logLevel(syslog: level), "librdkafka: \(message)", metadata: ["facility": "\(facility)"])
        }
        return p
    }

    static func logLevel(syslog: Int32) -> Logger.Level {
        switch syslog {
        case ...2: return .critical
        case 3: return .error
        case 4: return .warning
        case 5: return .notice
        case 6: return .info
        default: return .debug
        }
    }

    // MARK: Run

    func run() async throws {
        let producer = try KafkaProducer(configuration: producerConfiguration())
        let consumer: KafkaConsumer
        do {
            consumer = try KafkaConsumer(configuration: consumerConfiguration())
        } catch {
            producer.close(timeoutMs: 1000)
            throw error
        }
        let pool = ExtractionPool(threads: configuration.concurrency)
        health.setConnected(true)
        logger.info("worker started", metadata: [
            "brokers": "\(configuration.brokers)", "input": "\(configuration.inputTopic)",
            "output": "\(configuration.outputTopic)", "dlq": "\(configuration.dlqTopic)",
            "group": "\(configuration.groupID)", "concurrency": "\(configuration.concurrency)",
        ])

        do {
            for try await event in consumer.events.cancelOnGracefulShutdown() {
                if let reason = failure.reason { throw WorkerError(.fatal, reason) }
                switch event {
                case .message(let m):
                    await handle(m, consumer: consumer, producer: producer, pool: pool)
                case .assigned(let parts):
                    metrics.rebalance("assigned")
                    health.setAssigned(true)
                    logger.info("partitions assigned", metadata: ["partitions": "\(Self.describe(parts))"])
                case .revoked(let parts):
                    metrics.rebalance("revoked")
                    health.setAssigned(((try? consumer.assignment()) ?? []).isEmpty == false)
                    logger.info("partitions revoked", metadata: ["partitions": "\(Self.describe(parts))"])
                case .lost(let parts):
                    metrics.rebalance("lost")
                    offsets.drop(parts.map { .init(topic: $0.topic, partition: $0.partition) })
                    health.setAssigned(((try? consumer.assignment()) ?? []).isEmpty == false)
                    logger.warning("partitions lost; their in-flight pages will be reprocessed", metadata: ["partitions": "\(Self.describe(parts))"])
                case .error(let error):
                    if error.isFatal {
                        failure.set("fatal Kafka error: \(error)")
                        throw WorkerError(.fatal, "fatal Kafka error: \(error)")
                    }
                    logger.warning("kafka error", metadata: ["error": "\(error)"])
                }
            }
        } catch {
            health.fail("\(error)")
            logger.error("worker stopping after an error", metadata: ["error": "\(error)"])
            await drainAndClose(consumer: consumer, producer: producer, pool: pool)
            throw error
        }
        // Graceful shutdown: fetching stopped; finish what is in flight, commit, leave the group.
        logger.info("draining", metadata: ["in_flight": "\(limiter.current.count)", "deadline_s": "\(configuration.drainTimeout)"])
        await drainAndClose(consumer: consumer, producer: producer, pool: pool)
        if let reason = failure.reason { throw WorkerError(.fatal, reason) }
        logger.info("worker stopped cleanly")
    }

    private func drainAndClose(consumer: KafkaConsumer, producer: KafkaProducer, pool: ExtractionPool) async {
        let drained = await withTaskGroup(of: Bool.self) { group in
            group.addTask { [limiter] in await limiter.waitUntilIdle(); return true }
            group.addTask { [configuration] in
                try? await Task.sleep(for: .seconds(configuration.drainTimeout))
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
        if !drained {
            logger.warning("drain deadline passed with pages in flight; they are not committed and will be reprocessed",
                           metadata: ["in_flight": "\(limiter.current.count)"])
        }
        pool.shutdown()
        producer.close(timeoutMs: 5_000)
        do {
            try consumer.close()
        } catch {
            logger.error("consumer close failed", metadata: ["error": "\(error)"])
        }
        health.setAssigned(false)
        health.setConnected(false)
    }

    // MARK: One message

    private func handle(_ m: KafkaConsumerMessage, consumer: KafkaConsumer, producer: KafkaProducer, pool: ExtractionPool) async {
        metrics.pagesConsumed.increment()
        let key = OffsetTracker.Key(topic: m.topic, partition: m.partition)
        let size = m.value.count
        await limiter.acquire(bytes: size)
        let generation = offsets.begin(key, offset: m.offset)
        metrics.inFlight.set(Int64(limiter.current.count))
        let input = InputMessage(
            topic: m.topic, partition: m.partition, offset: m.offset, key: m.key, value: m.value,
            headers: m.headers.map { (key: $0.key, value: $0.value) })
        pool.submit { [self] in
            let start = ContinuousClock.now
            let (output, kind) = processor.process(input)
            metrics.extractionSeconds.record(ContinuousClock.now - start)
            if let kind {
                logger.notice("page sent to dead-letter topic", metadata: [
                    "topic": "\(m.topic)", "partition": "\(m.partition)", "offset": "\(m.offset)", "kind": "\(kind.rawValue)",
                ])
            }
            let message = KafkaProducerMessage(
                topic: output.destination == .records ? configuration.outputTopic : configuration.dlqTopic,
                key: output.key, value: output.value,
                headers: output.headers.map { KafkaHeader(key: $0.key, value: $0.value) })
            publish(message, attempt: 0, producer: producer) { [self] in
                if output.destination == .records { metrics.recordsProduced.increment() } else if let kind { metrics.deadLetter(kind) }
                if let next = offsets.finish(key, offset: m.offset, generation: generation) {
                    do {
                        try consumer.storeOffset(topic: m.topic, partition: m.partition, nextOffset: next)
                        metrics.committed(topic: m.topic, partition: m.partition, next)
                    } catch {
                        // The partition was revoked meanwhile: the next owner reprocesses it.
                        logger.debug("offset not stored", metadata: ["topic": "\(m.topic)", "partition": "\(m.partition)", "offset": "\(next)", "error": "\(error)"])
                    }
                }
                limiter.release(bytes: size)
                metrics.inFlight.set(Int64(limiter.current.count))
            }
        }
    }

    /// Sends `message`; retries transient failures with backoff; a fatal failure stops the worker.
    private func publish(_ message: KafkaProducerMessage, attempt: Int, producer: KafkaProducer, done: @escaping @Sendable () -> Void) {
        do {
            try producer.send(message) { [self] result in
                switch result {
                case .success:
                    done()
                case .failure(let error):
                    if error.isFatal || attempt >= 8 {
                        failure.set("cannot produce to \(message.topic): \(error)")
                        health.fail("cannot produce to \(message.topic): \(error)")
                        logger.critical("produce failed for good; stopping", metadata: ["topic": "\(message.topic)", "error": "\(error)"])
                        return
                    }
                    metrics.produceRetries.increment()
                    let delay = min(0.1 * pow(2, Double(attempt)), 10)
                    logger.warning("produce failed, retrying", metadata: ["topic": "\(message.topic)", "attempt": "\(attempt + 1)", "error": "\(error)"])
                    DispatchQueue.global().asyncAfter(deadline: .now() + delay) { [self] in
                        publish(message, attempt: attempt + 1, producer: producer, done: done)
                    }
                }
            }
        } catch {
            failure.set("cannot produce to \(message.topic): \(error)")
            health.fail("cannot produce to \(message.topic): \(error)")
            logger.critical("produce failed; stopping", metadata: ["topic": "\(message.topic)", "error": "\(error)"])
        }
    }

    static func describe(_ parts: [KafkaTopicPartition]) -> String {
        parts.map { "\($0.topic)/\($0.partition)" }.sorted().joined(separator: ",")
    }
}

/// The first fatal error seen by any thread.
final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var _reason: String?
    var reason: String? { lock.withLock { _reason } }
    func set(_ r: String) { lock.withLock { if _reason == nil { _reason = r } } }
}

/// An error that stops the worker.
struct WorkerError: Error, CustomStringConvertible, Sendable {
    struct Code: Hashable, Sendable, CustomStringConvertible {
        let rawValue: String
        static let fatal = Code(rawValue: "fatal")
        static let setup = Code(rawValue: "setup")
        var description: String { rawValue }
    }
    var code: Code
    var message: String
    init(_ code: Code, _ message: String) { self.code = code; self.message = message }
    var description: String { "\(code): \(message)" }
}
