/// The events of a ``KafkaConsumer``, in order: messages, assignment changes and errors.
///
/// Single consumer: iterate it from one task at a time (a second concurrent iterator is a programming error).
/// The sequence ends after ``KafkaConsumer/close()`` (after the final `.revoked`). Cancelling the iterating
/// task ends that iteration (`next()` returns `nil`) but does not close the consumer.
public struct KafkaConsumerEvents: AsyncSequence, Sendable {
    public typealias Element = KafkaConsumerEvent
    public typealias Failure = Never

    let buffer: ConsumerEventBuffer

    public struct AsyncIterator: AsyncIteratorProtocol {
        public typealias Element = KafkaConsumerEvent
        public typealias Failure = Never

        let buffer: ConsumerEventBuffer

        public mutating func next() async -> KafkaConsumerEvent? {
            await buffer.next()
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(buffer: buffer)
    }
}
