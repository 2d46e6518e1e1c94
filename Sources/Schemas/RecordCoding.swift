import Foundation

/// The one JSON encoding of records: sorted keys, no escaped slashes, no pretty printing.
///
/// Using one encoder configuration everywhere keeps record values byte-for-byte deterministic.
public enum RecordCoding {
    /// Encodes `value` as compact JSON with sorted keys.
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    /// Decodes a value encoded by ``encode(_:)`` (or any compatible JSON).
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try JSONDecoder().decode(type, from: Data(bytes))
    }
}
