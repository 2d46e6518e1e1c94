import Foundation

/// A message that could not be turned into a record, as sent to the dead-letter topic.
///
/// On the wire the dead-letter message keeps the original key and value bytes unchanged and carries
/// the original headers followed by the `x-newsflow-*` headers of ``kafkaHeaders``. The JSON form
/// (`Resources/deadletter.v1.schema.json`) is the same content for tools that want one document.
public struct DeadLetter: Codable, Sendable, Equatable {
    /// Why the message could not be turned into a record.
    public var errorKind: ErrorKind
    /// A human-readable reason.
    public var error: String
    public var sourceTopic: String
    public var sourcePartition: Int32
    public var sourceOffset: Int64
    /// The version of the worker that gave up on the message.
    public var workerVersion: String
    /// The original key bytes, if the message had a key.
    public var key: [UInt8]?
    /// The original value bytes, unchanged.
    public var value: [UInt8]
    /// The original headers, in order.
    public var headers: [Header]

    public init(
        errorKind: ErrorKind, error: String, sourceTopic: String, sourcePartition: Int32,
        sourceOffset: Int64, workerVersion: String, key: [UInt8]?, value: [UInt8], headers: [Header]
    ) {
        self.errorKind = errorKind
        self.error = error
        self.sourceTopic = sourceTopic
        self.sourcePartition = sourcePartition
        self.sourceOffset = sourceOffset
        self.workerVersion = workerVersion
        self.key = key
        self.value = value
        self.headers = headers
    }

    /// The kinds of failure, sent as the `x-newsflow-error-kind` header.
    public enum ErrorKind: String, Codable, Sendable, Equatable, CaseIterable {
        /// The value is neither a valid `rawpage/v1` envelope nor raw bytes with a `url` header.
        case invalidEnvelope = "invalid_envelope"
        /// The page is larger than the configured limit.
        case tooLarge = "too_large"
        /// The page could not be decoded or parsed as HTML.
        case unparseable
        /// Extraction failed for another reason.
        case extractionFailed = "extraction_failed"
        /// Extraction exceeded its time or tree-size limit.
        case extractionLimit = "extraction_limit"
    }

    /// One Kafka header.
    public struct Header: Codable, Sendable, Equatable {
        public var key: String
        public var value: [UInt8]
        public init(key: String, value: [UInt8]) {
            self.key = key
            self.value = value
        }
        enum CodingKeys: String, CodingKey { case key, valueBase64 = "value_base64" }
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            key = try c.decode(String.self, forKey: .key)
            value = Array(Data(base64Encoded: try c.decode(String.self, forKey: .valueBase64)) ?? Data())
        }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(key, forKey: .key)
            try c.encode(Data(value).base64EncodedString(), forKey: .valueBase64)
        }
    }

    // MARK: Kafka headers

    /// Header names added to a dead-letter message.
    public enum HeaderName {
        public static let errorKind = "x-newsflow-error-kind"
        public static let error = "x-newsflow-error"
        public static let sourceTopic = "x-newsflow-source-topic"
        public static let sourcePartition = "x-newsflow-source-partition"
        public static let sourceOffset = "x-newsflow-source-offset"
        public static let workerVersion = "x-newsflow-worker-version"
    }

    /// The headers of the dead-letter message: the original ones, then the `x-newsflow-*` ones.
    public var kafkaHeaders: [Header] {
        headers + [
            Header(key: HeaderName.errorKind, value: Array(errorKind.rawValue.utf8)),
            Header(key: HeaderName.error, value: Array(error.utf8)),
            Header(key: HeaderName.sourceTopic, value: Array(sourceTopic.utf8)),
            Header(key: HeaderName.sourcePartition, value: Array(String(sourcePartition).utf8)),
            Header(key: HeaderName.sourceOffset, value: Array(String(sourceOffset).utf8)),
            Header(key: HeaderName.workerVersion, value: Array(workerVersion.utf8)),
        ]
    }

    // MARK: Codable

    enum CodingKeys: String, CodingKey {
        case errorKind = "error_kind"
        case error
        case sourceTopic = "source_topic"
        case sourcePartition = "source_partition"
        case sourceOffset = "source_offset"
        case workerVersion = "worker_version"
        case keyBase64 = "key_base64"
        case valueBase64 = "value_base64"
        case headers
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        errorKind = try c.decode(ErrorKind.self, forKey: .errorKind)
        error = try c.decode(String.self, forKey: .error)
        sourceTopic = try c.decode(String.self, forKey: .sourceTopic)
        sourcePartition = try c.decode(Int32.self, forKey: .sourcePartition)
        sourceOffset = try c.decode(Int64.self, forKey: .sourceOffset)
        workerVersion = try c.decode(String.self, forKey: .workerVersion)
        key = try c.decodeIfPresent(String.self, forKey: .keyBase64).flatMap { Data(base64Encoded: $0) }.map(Array.init)
        value = Array(Data(base64Encoded: try c.decode(String.self, forKey: .valueBase64)) ?? Data())
        headers = try c.decodeIfPresent([Header].self, forKey: .headers) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(errorKind, forKey: .errorKind)
        try c.encode(error, forKey: .error)
        try c.encode(sourceTopic, forKey: .sourceTopic)
        try c.encode(sourcePartition, forKey: .sourcePartition)
        try c.encode(sourceOffset, forKey: .sourceOffset)
        try c.encode(workerVersion, forKey: .workerVersion)
        try c.encode(key.map { Data($0).base64EncodedString() }, forKey: .keyBase64)
        try c.encode(Data(value).base64EncodedString(), forKey: .valueBase64)
        try c.encode(headers, forKey: .headers)
    }
}
