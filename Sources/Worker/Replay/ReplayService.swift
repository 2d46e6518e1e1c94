import Foundation
import Kafka
import Logging
import Schemas
import ServiceLifecycle

/// `newsflow replay` as a swift-service-lifecycle `Service`: resolves a ``ReplayPlan`` and reprocesses its
/// ranges into the output topic, beside live traffic.
///
/// - Reads with a ``KafkaAssignedConsumer`` (manual assignment, never joins a group: live workers are not
///   rebalanced) and commits progress under the replay's own group, every second and at the end, with the
///   plan's range as commit metadata (a rerun of the same command continues where this one stopped).
/// - Pages are turned into records exactly as `newsflow run` does (``PageProcessor``: same record bytes for
///   the same input offset and extractor version) and published with ``RetryingPublisher``.
/// - Commit order is at-least-once (``OffsetTracker``): an offset is committed only after its record and
///   every earlier one of its partition were acknowledged.
/// - A gap in the offsets read (compaction, transaction markers, or a record a broker let a reader skip) is
///   checked with a second consumer; records found in it are processed too.
/// - On SIGTERM/SIGINT: stop reading, finish what is in flight (up to `--drain-timeout`), commit, exit.
final class ReplayService: Service, @unchecked Sendable {
    /// How a run ended.
    enum Outcome: Sendable, Equatable {
        case notStarted
        /// `--dry-run`: the plan was printed, nothing changed.
        case planned
        /// Every range is done.
        case completed
        /// Stopped by a signal; progress is committed.
        case interrupted
    }

    let configuration: WorkerConfiguration
    let request: ReplayRequest
    let dryRun: Bool
    let progressInterval: Double
    let logger: Logger
    private let outcomeBox = NSLock()
    private var _outcome = Outcome.notStarted
    var outcome: Outcome { outcomeBox.withLock { _outcome } }

    init(configuration: WorkerConfiguration, request: ReplayRequest, dryRun: Bool, progressInterval: Double, logger: Logger) {
        self.configuration = configuration
        self.request = request
        self.dryRun = dryRun
        self.progressInterval = progressInterval
        self.logger = logger
    }

    private func finish(_ o: Outcome) { outcomeBox.withLock { _outcome = o } }

    // MARK: Run

    func run() async throws {
        let consumer = try KafkaAssignedConsumer(configuration: consumerConfiguration(group: request.groupID))
        defer { consumer.close() }
        let plan = try await Blocking.run { [self] in try makePlan(consumer: consumer) }
        Self.out(plan.render())
        if dryRun {
            Self.err("dry run: nothing was read, produced or committed")
            finish(.planned)
            return
        }
        if plan.isComplete {
            try await Blocking.run { [self] in try commitMarkers(plan, consumer: consumer) }
            Self.err("replay: nothing to do: every range of this plan is done (group \(plan.groupID)); use --replay-group-id to run it again")
            finish(.completed)
            return
        }
        try await replay(plan, consumer: consumer)
    }

    // MARK: Plan

    /// Resolves the request against the broker, reusing the ranges stored in the group's commits.
    func makePlan(consumer: KafkaAssignedConsumer) throws -> ReplayPlan {
        let nowMs = Int64(Date().timeIntervalSince1970 * 1000)
        let available: [Int32]
        do {
            let admin = try KafkaAdmin(bootstrapServers: configuration.brokers, properties: configuration.kafkaProperties)
            defer { admin.close() }
            available = try admin.partitions(of: request.inputTopic, timeoutMs: 15_000)
        } catch where error.code == .unknownTopicOrPartition {
            throw ReplayError(.invalidOptions, "input topic '\(request.inputTopic)' does not exist on \(configuration.brokers)")
        } catch {
            throw ReplayError(.broker, "cannot reach the brokers at \(configuration.brokers): \(error)")
        }
        let partitions = try request.partitions.apply(to: available, topic: request.inputTopic)
        let tps = partitions.map { KafkaTopicPartition(topic: request.inputTopic, partition: $0) }
        let progress = try consumer.committedWithMetadata(tps)
        let stored = try planStore().load(partitions)
        let resolver = OffsetResolver(consumer: consumer, topic: request.inputTopic, logger: logger)
        var ranges: [ReplayPlan.Range] = []
        for tp in tps {
            let fromMetadata = progress[tp].flatMap { ReplayPlan.Range.parseMetadata($0.metadata) }
            if let r = stored[tp.partition] ?? fromMetadata {
                let at = progress[tp]?.offset ?? r.start
                ranges.append(.init(partition: tp.partition, start: r.start, end: r.end, resumeAt: min(max(at, r.start), r.end), stored: true))
                continue
            }
            if progress[tp] != nil {
                logger.warning("the replay group has an offset without a stored plan for this partition; planning afresh", metadata: [
                    "group": "\(request.groupID)", "partition": "\(tp.partition)",
                ])
            }
            let (low, end) = try resolver.end(of: tp.partition, nowMs: nowMs)
            let start = try resolver.offset(for: request.from, partition: tp.partition, low: low, end: end, isStart: true)
            let stop = try resolver.offset(for: request.to, partition: tp.partition, low: low, end: end, isStart: false)
            ranges.append(.init(partition: tp.partition, start: start, end: max(start, stop), resumeAt: start))
        }
        return ReplayPlan(request: request, groupID: request.groupID, ranges: ranges, resolvedAtMs: nowMs)
    }

    func planStore() -> ReplayPlanStore {
        ReplayPlanStore(configuration: consumerConfiguration(group: request.groupID), groupID: request.groupID, topic: request.inputTopic)
    }

    /// Stores the plan (``ReplayPlanStore``) and commits each new range's start as its progress.
    private func commitMarkers(_ plan: ReplayPlan, consumer: KafkaAssignedConsumer) throws {
        try planStore().save(plan.ranges.filter { !$0.stored })
        var offsets: [KafkaTopicPartition: Int64] = [:]
        var metadata: [KafkaTopicPartition: String] = [:]
        for r in plan.ranges where !r.stored {
            let tp = KafkaTopicPartition(topic: request.inputTopic, partition: r.partition)
            offsets[tp] = r.resumeAt
            metadata[tp] = r.metadata
        }
        try consumer.commit(offsets, metadata: metadata)
    }

    // MARK: Replay

    private func replay(_ plan: ReplayPlan, consumer: KafkaAssignedConsumer) async throws {
        let topic = request.inputTopic
        try await preflightOutputs()
        try await Blocking.run { [self] in try commitMarkers(plan, consumer: consumer) }
        let producer = try KafkaProducer(configuration: producerConfiguration())
        let probe = try KafkaAssignedConsumer(configuration: consumerConfiguration(group: request.groupID))
        defer { probe.close() }
        let pool = ExtractionPool(threads: configuration.concurrency)
        let limiter = InFlightLimiter(maxCount: configuration.maxInFlight, maxBytes: configuration.maxInFlightBytes)
        let tracker = OffsetTracker()
        let failure = FailureBox()
        let publisher = RetryingPublisher(producer: producer, failure: failure, health: HealthState(), metrics: WorkerMetrics(), logger: logger)
        let processor = PageProcessor(maxPageBytes: configuration.maxPageBytes)
        let positions = ReplayPositions(plan.ranges)
        let progress = ReplayProgress(totalOffsets: plan.remaining)
        let ranges = Dictionary(uniqueKeysWithValues: plan.ranges.map { ($0.partition, $0) })
        var expected: [Int32: Int64] = [:]
        var starts: [KafkaTopicPartition: Int64] = [:]
        for r in plan.ranges where r.remaining > 0 {
            expected[r.partition] = max(r.resumeAt, r.start)
            starts[KafkaTopicPartition(topic: topic, partition: r.partition)] = max(r.resumeAt, r.start)
        }
        try consumer.assign(starts)
        Self.err("replay: started: \(plan.remaining) offsets over \(starts.count) partitions into \(request.outputTopic) (group \(plan.groupID))")

        @Sendable func idle(_ p: Int32) -> Bool { tracker.inFlight(.init(topic: topic, partition: p)) == 0 }

        @Sendable func commitProgress() {
            let pending = positions.pending(idle: idle)
            guard !pending.isEmpty else { return }
            var offsets: [KafkaTopicPartition: Int64] = [:]
            var metadata: [KafkaTopicPartition: String] = [:]
            for (p, o) in pending {
                let tp = KafkaTopicPartition(topic: topic, partition: p)
                offsets[tp] = o
                metadata[tp] = ranges[p]!.metadata
            }
            do {
                try consumer.commit(offsets, metadata: metadata)
                positions.committed(pending)
            } catch {
                logger.warning("commit of replay progress failed; will retry", metadata: ["error": "\(error)"])
            }
        }

        func readDone(_ p: Int32) {
            guard !positions.isReadDone(p) else { return }
            positions.markReadDone(p)
            try? consumer.pause([KafkaTopicPartition(topic: topic, partition: p)])
        }

        // Hands one record to the extraction pool; called in offset order per partition.
        func dispatch(_ m: KafkaConsumerMessage) async {
            let key = OffsetTracker.Key(topic: m.topic, partition: m.partition)
            let size = m.value.count
            await limiter.acquire(bytes: size)
            let generation = tracker.begin(key, offset: m.offset)
            pool.submit { [self] in
                let (message, isDeadLetter) = outputMessage(for: m, processor: processor)
                publisher.publish(message) {
                    if isDeadLetter { progress.deadLetterProduced() } else { progress.recordProduced() }
                    // Not inside `finish`'s store closure: `positions` calls into the tracker under its
                    // own lock (pending/covered ask `idle`), so that order would deadlock. An idle
                    // partition whose position has not advanced yet only makes `pending` conservative.
                    if let next = tracker.finish(key, offset: m.offset, generation: generation) {
                        positions.advance(m.partition, to: next)
                    }
                    limiter.release(bytes: size)
                }
            }
        }

        var lastCommit = ContinuousClock.now
        var lastReport = ContinuousClock.now
        var interrupted = false
        while !positions.allReadDone {
            if Task.isShuttingDownGracefully || Task.isCancelled { interrupted = true; break }
            if failure.reason != nil { break }
            let events = try await Blocking.run { try Self.pollBatch(consumer, max: 256, timeoutMs: 100) }
            for event in events {
                switch event {
                case .message(let m):
                    guard let r = ranges[m.partition], m.topic == topic, !positions.isReadDone(m.partition),
                          let next = expected[m.partition], m.offset >= next else { continue }
                    if m.offset > next {
                        // A gap: check for records the fetch did not hand out, and process them first.
                        let missing = try await Blocking.run { try Self.readGap(probe, topic: topic, partition: m.partition, from: next, to: min(m.offset, r.end)) }
                        if !missing.isEmpty {
                            logger.warning("records missing from the fetch were read separately", metadata: [
                                "partition": "\(m.partition)", "from": "\(next)", "to": "\(m.offset)", "found": "\(missing.count)",
                            ])
                        }
                        for g in missing { await dispatch(g) }
                    }
                    if m.offset >= r.end { readDone(m.partition); continue }
                    expected[m.partition] = m.offset + 1
                    await dispatch(m)
                    if m.offset + 1 >= r.end { readDone(m.partition) }
                case .partitionEnd(let tp, let offset):
                    guard tp.topic == topic, let r = ranges[tp.partition], let next = expected[tp.partition] else { continue }
                    if offset >= r.end, !positions.isReadDone(tp.partition) {
                        if next < r.end {
                            let missing = try await Blocking.run { try Self.readGap(probe, topic: topic, partition: tp.partition, from: next, to: r.end) }
                            for g in missing { await dispatch(g) }
                        }
                        readDone(tp.partition)
                    }
                case .error(let error):
                    if error.isFatal { failure.set("fatal Kafka error: \(error)") }
                    logger.warning("kafka error", metadata: ["error": "\(error)"])
                }
            }
            let now = ContinuousClock.now
            if now - lastCommit >= .seconds(1) {
                lastCommit = now
                await Blocking.run { commitProgress() }
            }
            if progressInterval > 0, now - lastReport >= .seconds(progressInterval) {
                lastReport = now
                for (p, n) in positions.covered(idle: idle) { progress.setCovered(p, n) }
                Self.err(ReplayProgress.line(progress.snapshot))
            }
        }

        // Finish what is in flight, then commit.
        let drained = await withTaskGroup(of: Bool.self) { group in
            group.addTask { await limiter.waitUntilIdle(); return true }
            if interrupted || failure.reason != nil {
                group.addTask { [configuration] in
                    try? await Task.sleep(for: .seconds(configuration.drainTimeout))
                    return false
                }
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
        pool.shutdown()
        await Blocking.run { producer.close(timeoutMs: 10_000) }
        await Blocking.run { commitProgress() }
        for (p, n) in positions.covered(idle: idle) { progress.setCovered(p, n) }
        let s = progress.snapshot
        let took = Double(s.elapsed.components.seconds) + Double(s.elapsed.components.attoseconds) / 1e18
        let summary = "\(s.pages) pages (\(s.records) records to \(request.outputTopic), \(s.deadLetters) dead letters to \(request.dlqTopic)) "
            + "in \(String(format: "%.1f", took))s (\(String(format: "%.1f", s.rate)) pages/s); offsets \(s.doneOffsets)/\(s.totalOffsets); group \(plan.groupID)"
        if let reason = failure.reason {
            Self.err("replay: failed after \(summary): \(reason); rerun the same command to continue")
            throw ReplayError(.fatal, reason)
        }
        if !drained {
            logger.warning("drain deadline passed with pages in flight; they are not committed and will be redone by a rerun")
        }
        if interrupted || !positions.allCommitted {
            Self.err("replay: interrupted after \(summary); progress is committed: rerun the same command to continue")
            finish(.interrupted)
            return
        }
        Self.err("replay: complete: \(summary)")
        finish(.completed)
    }

    // MARK: Helpers

    /// Up to `max` events: waits up to `timeoutMs` for the first, then takes what is ready.
    static func pollBatch(_ consumer: KafkaAssignedConsumer, max: Int, timeoutMs: Int) throws -> [KafkaAssignedConsumer.Event] {
        var out: [KafkaAssignedConsumer.Event] = []
        guard let first = try consumer.poll(timeoutMs: timeoutMs) else { return out }
        out.append(first)
        while out.count < max, let next = try consumer.poll(timeoutMs: 0) { out.append(next) }
        return out
    }

    /// Records of `partition` in `[from, to)` read one by one with `probe` (for gaps in a fetch).
    static func readGap(_ probe: KafkaAssignedConsumer, topic: String, partition: Int32, from: Int64, to: Int64) throws -> [KafkaConsumerMessage] {
        var out: [KafkaConsumerMessage] = []
        var at = from
        let tp = KafkaTopicPartition(topic: topic, partition: partition)
        while at < to, let m = try probe.read(tp, at: at, timeoutMs: 2_000), m.offset < to {
            out.append(m)
            at = m.offset + 1
        }
        return out
    }

    /// The record or dead letter for `m`, as `newsflow run` publishes it.
    func outputMessage(for m: KafkaConsumerMessage, processor: PageProcessor) -> (KafkaProducerMessage, Bool) {
        let (message, kind) = processor.producerMessage(for: m, outputTopic: request.outputTopic, dlqTopic: request.dlqTopic)
        return (message, kind != nil)
    }

    private func preflightOutputs() async throws {
        let configuration = self.configuration
        let request = self.request
        try await Blocking.run {
            do {
                try configuration.verifyTopicsExist([("output", request.outputTopic), ("dead-letter", request.dlqTopic)])
            } catch {
                throw ReplayError(.invalidOptions, (error as? WorkerError)?.message ?? "\(error)")
            }
        }
    }

    func consumerConfiguration(group: String) -> KafkaAssignedConsumer.Configuration {
        var c = KafkaAssignedConsumer.Configuration(bootstrapServers: configuration.brokers, groupID: group)
        c.messageMaxBytes = configuration.producerMessageMaxBytes
        c.properties["client.id"] = "\(configuration.clientID)-replay"
        c.properties.merge(configuration.kafkaProperties) { _, new in new }
        c.logHandler = LibrdkafkaLogging.handler(logger)
        return c
    }

    func producerConfiguration() -> KafkaProducerConfiguration {
        configuration.producerConfiguration(clientID: "\(configuration.clientID)-replay", logger: logger)
    }

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
