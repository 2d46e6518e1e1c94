/// One consumed message, as the pipeline sees it (independent of the Kafka client's types).
struct InputMessage: Sendable {
    var topic: String
    var partition: Int32
    var offset: Int64
    var key: [UInt8]?
    var value: [UInt8]
    var headers: [(key: String, value: [UInt8])]
}

/// What the pipeline publishes for one input message: a record, or a dead letter.
struct OutputMessage: Sendable, Equatable {
    /// Which topic the message goes to.
    enum Destination: Sendable, Equatable { case records, deadLetters }

    var destination: Destination
    var key: [UInt8]?
    var value: [UInt8]
    var headers: [Header]

    struct Header: Sendable, Equatable {
        var key: String
        var value: [UInt8]
    }
}
