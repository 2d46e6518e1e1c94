import Foundation

/// The one JSON encoding of records: sorted keys, no escaped slashes, no pretty printing.
///
/// Using one encoder configuration everywhere keeps record values byte-for-byte deterministic.
/// The output is also safe for line-oriented transports (JSON Lines, logs): the characters that
/// some readers treat as line breaks although JSON allows them raw — U+0085, U+2028, U+2029 — are
/// written as `\u` escapes, so one record is always exactly one line.
public enum RecordCoding {
    /// Encodes `value` as compact JSON with sorted keys, one line.
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        if let record = value as? ArticleRecord { return try encode(record) }
        return try encodeWithFoundation(value)
    }

    /// Encodes `record` as ``encode(_:)`` does for any value, byte for byte, with a hand-written
    /// writer (``RecordJSONWriter``): `JSONEncoder` was most of the time spent per record after
    /// extraction.
    public static func encode(_ record: ArticleRecord) throws -> [UInt8] {
        var writer = RecordJSONWriter(capacity: record.text.utf8.count * 2 + 2048)
        writer.write(record)
        return writer.bytes
    }

    /// Encodes `value` with `JSONEncoder` (sorted keys, no escaped slashes), whatever its type:
    /// the reference ``encode(_:)-(ArticleRecord)`` is checked against.
    public static func encodeWithFoundation<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return escapeLineSeparators(Array(try encoder.encode(value)))
    }

    /// Decodes a value encoded by ``encode(_:)`` (or any compatible JSON).
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try JSONDecoder().decode(type, from: Data(bytes))
    }

    /// Rewrites raw U+0085 (C2 85), U+2028 (E2 80 A8) and U+2029 (E2 80 A9) as `\u0085`, `\u2028`,
    /// `\u2029`. In JSON text these can only occur inside strings, where the escape means the same.
    static func escapeLineSeparators(_ json: [UInt8]) -> [UInt8] {
        guard json.contains(where: { $0 == 0xC2 || $0 == 0xE2 }) else { return json }
        var out: [UInt8] = []
        out.reserveCapacity(json.count + 16)
        var i = 0
        while i < json.count {
            let b = json[i]
            if b == 0xC2, i + 1 < json.count, json[i + 1] == 0x85 {
                out.append(contentsOf: Array(#"\u0085"#.utf8)); i += 2; continue
            }
            if b == 0xE2, i + 2 < json.count, json[i + 1] == 0x80, json[i + 2] == 0xA8 || json[i + 2] == 0xA9 {
                out.append(contentsOf: Array((json[i + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8)); i += 3; continue
            }
            out.append(b); i += 1
        }
        return out
    }
}
