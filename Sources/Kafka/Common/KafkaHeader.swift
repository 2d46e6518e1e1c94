/// A Kafka record header: a string key and a binary value.
public struct KafkaHeader: Sendable, Hashable {
    /// The header name.
    public var key: String
    /// The header value bytes (an absent value on the wire is read as empty).
    public var value: [UInt8]

    /// Creates a header with a binary value.
    public init(key: String, value: [UInt8]) {
        self.key = key
        self.value = value
    }

    /// Creates a header whose value is the UTF-8 encoding of `string`.
    public init(key: String, string: String) {
        self.init(key: key, value: Array(string.utf8))
    }
}
