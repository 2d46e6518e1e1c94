/// The bounded hand-off between a consumer's poll thread and its ``KafkaConsumerEvents`` sequence.
///
/// Control events (assigned/revoked/lost/error) always enter; messages always enter too (the poll thread
/// pauses fetching when ``isAboveHighWater`` and resumes when ``isBelowLowWater``; the pause makes
/// librdkafka drop what it fetched beyond, so the overshoot is the one message that crossed the mark).
final class ConsumerEventBuffer: @unchecked Sendable {
    private struct State {
        /// A queue in an array: slots before `head` were handed out and are `nil`, so a consumed message's
        /// payload is released at once (keeping them until the next compaction held up to 256 consumed
        /// messages: 500 MB of 2 MB pages).
        var events: [KafkaConsumerEvent?] = []
        var head = 0
        var messageCount = 0
        var byteCount = 0
        var waiter: CheckedContinuation<KafkaConsumerEvent?, Never>?
        var finished = false
        var lowWaterSignalled = false

        var count: Int { events.count - head }

        mutating func popFirst() -> KafkaConsumerEvent? {
            guard head < events.count, let event = events[head] else { return nil }
            events[head] = nil
            head += 1
            if head == events.count {
                events.removeAll(keepingCapacity: true)
                head = 0
            } else if head > 256 && head * 2 > events.count {
                events.removeFirst(head)
                head = 0
            }
            if case .message(let message) = event {
                messageCount -= 1
                byteCount -= message.byteCount
            }
            return event
        }
    }

    let maxMessages: Int
    let maxBytes: Int
    private let state = Locked(State())
    /// Called (outside the lock) when a consumer drains the buffer below the low-water mark.
    private let onLowWater: @Sendable () -> Void

    init(maxMessages: Int, maxBytes: Int, onLowWater: @escaping @Sendable () -> Void) {
        self.maxMessages = max(1, maxMessages)
        self.maxBytes = max(1, maxBytes)
        self.onLowWater = onLowWater
    }

    // MARK: Producer side (poll thread)

    /// Appends an event (or hands it straight to a waiting consumer). Ignored after ``finish()``.
    func push(_ event: KafkaConsumerEvent) {
        let waiter: CheckedContinuation<KafkaConsumerEvent?, Never>? = state.withLock { state in
            guard !state.finished else { return nil }
            if let waiter = state.waiter {
                state.waiter = nil
                return waiter
            }
            state.events.append(event)
            if case .message(let message) = event {
                state.messageCount += 1
                state.byteCount += message.byteCount
            }
            state.lowWaterSignalled = false
            return nil
        }
        waiter?.resume(returning: event)
    }

    /// Drops buffered (not yet handed out) messages of `partitions`; returns how many were dropped.
    @discardableResult
    func removeMessages(of partitions: Set<KafkaTopicPartition>) -> Int {
        guard !partitions.isEmpty else { return 0 }
        return state.withLock { state in
            var kept: [KafkaConsumerEvent?] = []
            kept.reserveCapacity(state.count)
            var dropped = 0
            for case let event? in state.events[state.head...] {
                if case .message(let message) = event,
                    partitions.contains(KafkaTopicPartition(topic: message.topic, partition: message.partition))
                {
                    dropped += 1
                    state.messageCount -= 1
                    state.byteCount -= message.byteCount
                } else {
                    kept.append(event)
                }
            }
            state.events = kept
            state.head = 0
            return dropped
        }
    }

    /// Ends the sequence: buffered events are still delivered, then `nil`.
    func finish() {
        let waiter = state.withLock { state -> CheckedContinuation<KafkaConsumerEvent?, Never>? in
            state.finished = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: nil)
    }

    var isAboveHighWater: Bool {
        state.withLock { $0.messageCount >= maxMessages || $0.byteCount >= maxBytes }
    }

    var isBelowLowWater: Bool {
        state.withLock { $0.messageCount <= maxMessages / 2 && $0.byteCount <= maxBytes / 2 }
    }

    var bufferedMessages: Int { state.withLock { $0.messageCount } }

    var bufferedBytes: Int { state.withLock { $0.byteCount } }

    // MARK: Consumer side (single iterator)

    func next() async -> KafkaConsumerEvent? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<KafkaConsumerEvent?, Never>) in
                enum Outcome { case event(KafkaConsumerEvent?, lowWater: Bool), wait }
                let outcome: Outcome = state.withLock { state in
                    if let event = state.popFirst() {
                        var lowWater = false
                        if !state.lowWaterSignalled, state.messageCount <= maxMessages / 2,
                            state.byteCount <= maxBytes / 2
                        {
                            state.lowWaterSignalled = true
                            lowWater = true
                        }
                        return .event(event, lowWater: lowWater)
                    }
                    if state.finished || Task.isCancelled { return .event(nil, lowWater: false) }
                    precondition(state.waiter == nil, "KafkaConsumerEvents supports a single iterator at a time")
                    state.waiter = continuation
                    return .wait
                }
                switch outcome {
                case .event(let event, let lowWater):
                    continuation.resume(returning: event)
                    if lowWater { onLowWater() }
                case .wait:
                    break
                }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<KafkaConsumerEvent?, Never>? in
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume(returning: nil)
        }
    }
}
