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
    let processor: PageProcessor
    let offsets = OffsetTracker()
    let limiter: InFlightLimiter
    let failure = FailureBox()
    let ownership = PartitionOwnership()

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
        // Fetched-but-not-started pages: bounded like the pages in flight, at half their budget.
        c.maxBufferedMessages = max(64, configuration.maxInFlight)
        c.maxBufferedBytes = max(1 << 20, configuration.maxInFlightBytes / 2)
        // One fetch response: an eighth of the budget (8 MiB by default); librdkafka then holds at most
        // about three of them beyond the buffer, whatever the number of partitions.
        c.fetchMaxBytes = max(1 << 20, configuration.maxInFlightBytes / 8)
        c.properties["client.id"] = configuration.clientID
        c.properties.merge(configuration.kafkaProperties) { _, new in new }
        let offsets = self.offsets
        let drain = configuration.drainTimeout
        let logger = self.logger
        let ownership = self.ownership
        c.onRevoke = { partitions in
            // Exactly-once: let the open transaction commit the partitions' progress first.
            ownership.revoke(partitions, deadline: Date().addingTimeInterval(drain))
            // Commit what is done before the partitions go: wait for their in-flight pages.
            let keys = partitions.map { OffsetTracker.Key(topic: $0.topic, partition: $0.partition) }
            let finished = offsets.waitUntilIdle(keys, deadline: Date().addingTimeInterval(drain))
            if !finished {
                logger.warning("revoked partitions still had pages in flight at the drain deadline; they will be reprocessed",
                               metadata: ["partitions": "\(partitions.map { "\($0.topic)/\($0.partition)" })"])
            }
            offsets.drop(keys)
        }
        c.logHandler = LibrdkafkaLogging.handler(logger)
        return c
    }

    func producerConfiguration() -> KafkaProducerConfiguration {
        var p = configuration.producerConfiguration(clientID: configuration.clientID, logger: logger)
        if configuration.exactlyOnce {
            // One transactional id per process: zombie fencing across rebalances comes from the
            // consumer group metadata passed with the offsets (KIP-447).
            let host = ProcessInfo.processInfo.hostName
            p.transactionalID = "\(configuration.groupID)-\(host)-\(ProcessInfo.processInfo.processIdentifier)"
        }
        return p
    }

    // MARK: Run

    func run() async throws {
        MemoryTuning.configure()
        try await preflight()
        let producer = try KafkaProducer(configuration: producerConfiguration())
        let consumer: KafkaConsumer
        do {
            if configuration.exactlyOnce {
                try await Blocking.run { try producer.initTransactions(timeoutMs: 30_000) }
            }
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
            "mode": "\(configuration.exactlyOnce ? "exactly-once" : "at-least-once")",
        ])

        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { [self] in
                    if configuration.exactlyOnce {
                        try await exactlyOnceLoop(consumer: consumer, producer: producer, pool: pool)
                    } else {
                        try await atLeastOnceLoop(consumer: consumer, producer: producer, pool: pool)
                    }
                }
                group.addTask { [failure] in
                    if let reason = await failure.wait() { throw WorkerError(.fatal, reason) }
                }
                group.addTask { [self] in await lagMonitor(consumer: consumer) }
                defer { group.cancelAll() }
                try await group.next()
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

    /// Checks before joining the group that the brokers answer and the three topics exist, so a
    /// typo fails at start with a clear message instead of a worker that idles.
    func preflight() async throws {
        let configuration = self.configuration
        try await Blocking.run {
            try configuration.verifyTopicsExist([
                ("input", configuration.inputTopic), ("output", configuration.outputTopic), ("dead-letter", configuration.dlqTopic),
            ])
        }
    }

    private func atLeastOnceLoop(consumer: KafkaConsumer, producer: KafkaProducer, pool: ExtractionPool) async throws {
        for await event in consumer.events.cancelOnGracefulShutdown() {
            switch event {
            case .message(let m):
                await handle(m, consumer: consumer, producer: producer, pool: pool)
            default:
                try observe(event, consumer: consumer)
            }
        }
    }

    /// Rebalance and error events, common to both modes.
    func observe(_ event: KafkaConsumerEvent, consumer: KafkaConsumer) throws {
        switch event {
        case .message:
            break
        case .assigned(let parts):
            ownership.assign(parts)
            metrics.rebalance("assigned")
            health.setAssigned(!ownership.isEmpty)
            logger.info("partitions assigned", metadata: ["partitions": "\(Self.describe(parts))"])
        case .revoked(let parts):
            metrics.rebalance("revoked")
            health.setAssigned(!ownership.isEmpty)
            logger.info("partitions revoked", metadata: ["partitions": "\(Self.describe(parts))"])
        case .lost(let parts):
            ownership.revoke(parts, deadline: Date())
            offsets.drop(parts.map { .init(topic: $0.topic, partition: $0.partition) })
            metrics.rebalance("lost")
            health.setAssigned(!ownership.isEmpty)
            logger.warning("partitions lost; their in-flight pages will be reprocessed", metadata: ["partitions": "\(Self.describe(parts))"])
        case .error(let error):
            if error.isFatal {
                failure.set("fatal Kafka error: \(error)")
                throw WorkerError(.fatal, "fatal Kafka error: \(error)")
            }
            logger.warning("kafka error", metadata: ["error": "\(error)"])
        }
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
        pool.shutdown(dropQueued: !drained)
        await Blocking.run {
            producer.close(timeoutMs: 5_000)
            do {
                try consumer.close()
            } catch {
                self.logger.error("consumer close failed", metadata: ["error": "\(error)"])
            }
        }
        health.setAssigned(false)
        health.setConnected(false)
    }

    /// Every few seconds: per-partition lag (high watermark minus committed offset) into the metrics.
    private func lagMonitor(consumer: KafkaConsumer) async {
        let configuration = self.configuration
        guard let admin = try? KafkaAdmin(bootstrapServers: configuration.brokers, properties: configuration.kafkaProperties) else { return }
        defer { admin.close() }
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(configuration.lagInterval))
            if Task.isCancelled { break }
            let lags: [(KafkaTopicPartition, Int64, Int64)] = await Blocking.run {
                guard let parts = try? consumer.assignment(), !parts.isEmpty,
                      let committed = try? consumer.committed(parts, timeoutMs: 5_000) else { return [] }
                return parts.compactMap { tp in
                    guard let w = try? admin.watermarks(topic: tp.topic, partition: tp.partition, timeoutMs: 5_000) else { return nil }
                    let position = (committed[tp] ?? -1) >= 0 ? committed[tp]! : w.low
                    return (tp, max(0, w.high - position), position)
                }
            }
            for (tp, lag, _) in lags { metrics.lag(topic: tp.topic, partition: tp.partition, lag) }
            MemoryTuning.returnFreeMemory()
        }
    }

    // MARK: One message

    private func handle(_ m: KafkaConsumerMessage, consumer: KafkaConsumer, producer: KafkaProducer, pool: ExtractionPool) async {
        metrics.pagesConsumed.increment()
        let key = OffsetTracker.Key(topic: m.topic, partition: m.partition)
        let size = m.value.count
        await limiter.acquire(bytes: size)
        let tp = KafkaTopicPartition(topic: m.topic, partition: m.partition)
        guard let generation = ownership.admit(tp, { offsets.begin(key, offset: m.offset) }) else {
            limiter.release(bytes: size)  // revoked meanwhile: the new owner processes it
            return
        }
        metrics.inFlight.set(Int64(limiter.current.count))
        pool.submit { [self] in
            let (message, kind) = outputMessage(for: m)
            publisher(producer).publish(message) { [self] in
                if let kind { metrics.deadLetter(kind) } else { metrics.recordsProduced.increment() }
                // The store happens inside `finish`, under the tracker's lock (see there): a revocation
                // waiting for this partition to go idle then commits this offset too.
                offsets.finish(key, offset: m.offset, generation: generation) { next in
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

    /// The publisher for `producer`, reporting to this service's failure box, health and metrics.
    func publisher(_ producer: KafkaProducer) -> RetryingPublisher {
        RetryingPublisher(producer: producer, failure: failure, health: health, metrics: metrics, logger: logger)
    }

    /// Extracts one consumed message into the message to publish (record or dead letter).
    func outputMessage(for m: KafkaConsumerMessage) -> (KafkaProducerMessage, DeadLetter.ErrorKind?) {
        let start = ContinuousClock.now
        let (message, kind) = processor.producerMessage(for: m, outputTopic: configuration.outputTopic, dlqTopic: configuration.dlqTopic)
        metrics.extractionSeconds.record(ContinuousClock.now - start)
        if let kind {
            logger.notice("page sent to dead-letter topic", metadata: [
                "topic": "\(m.topic)", "partition": "\(m.partition)", "offset": "\(m.offset)", "kind": "\(kind.rawValue)",
            ])
        }
        return (message, kind)
    }

    static func describe(_ parts: [KafkaTopicPartition]) -> String {
        parts.map { "\($0.topic)/\($0.partition)" }.sorted().joined(separator: ",")
    }
}

