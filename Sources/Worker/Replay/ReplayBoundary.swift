import Foundation

/// One end of a replay, as given to `--from` or `--to`.
///
/// Syntax (see `docs/reprocessing.md`):
/// - `earliest`: the first retained record of each partition.
/// - `latest` or `now`: the end of each partition as resolved when the replay starts.
/// - `P:O[,P:O…]`: an offset per partition, e.g. `0:120,1:80`; partitions not listed take the side's
///   default (`--from`: earliest, `--to`: the end).
/// - an RFC 3339 time, e.g. `2024-12-10T06:00:00Z` or `2024-12-10T12:00:00.250+06:00`: the first record
///   whose timestamp is at or after it.
/// - a duration before now, e.g. `7d`, `36h`, `90m`, `1h30m`, `45s`, `2w`, `500ms`: the time now minus it.
///
/// A range is `[from, to)`: `--to 2024-12-11T00:00:00Z` stops before the first record of that instant.
enum ReplayBoundary: Sendable, Equatable, CustomStringConvertible {
    case earliest
    case latest
    case offsets([Int32: Int64])
    /// Milliseconds since the epoch.
    case timestamp(Int64)

    // MARK: Parsing

    /// Parses `text`; durations count back from `now`.
    static func parse(_ text: String, now: Date) throws(ReplayError) -> ReplayBoundary {
        let t = text.trimmingCharacters(in: .whitespaces)
        switch t.lowercased() {
        case "earliest", "beginning": return .earliest
        case "latest", "now", "end": return .latest
        case "": throw ReplayError(.invalidBoundary, "empty boundary: expected earliest, now, P:O[,P:O…], an RFC 3339 time or a duration such as 36h")
        default: break
        }
        if t.contains(":"), t.allSatisfy({ $0.isNumber || $0 == ":" || $0 == "," || $0 == " " }) {
            return .offsets(try parseOffsets(t))
        }
        if let ms = parseDuration(t) {
            return .timestamp(Int64((now.timeIntervalSince1970 * 1000).rounded()) - ms)
        }
        if let date = parseRFC3339(t) {
            return .timestamp(Int64((date.timeIntervalSince1970 * 1000).rounded()))
        }
        throw ReplayError(.invalidBoundary, "'\(text)': expected earliest, now, P:O[,P:O…] (e.g. 0:120,1:80), an RFC 3339 time (2024-12-10T06:00:00Z) or a duration before now (7d, 36h, 90m)")
    }

    /// `0:120,1:80` → [0: 120, 1: 80].
    static func parseOffsets(_ text: String) throws(ReplayError) -> [Int32: Int64] {
        var out: [Int32: Int64] = [:]
        for item in text.split(separator: ",") {
            let parts = item.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let p = Int32(parts[0]), p >= 0, let o = Int64(parts[1]), o >= 0 else {
                throw ReplayError(.invalidBoundary, "'\(item)': expected PARTITION:OFFSET with both ≥ 0, e.g. 0:120")
            }
            guard out[p] == nil else { throw ReplayError(.invalidBoundary, "partition \(p) is listed twice in '\(text)'") }
            out[p] = o
        }
        guard !out.isEmpty else { throw ReplayError(.invalidBoundary, "'\(text)': no PARTITION:OFFSET pair") }
        return out
    }

    /// `36h`, `7d`, `1h30m`, `500ms` → milliseconds; nil when `text` is not a duration.
    static func parseDuration(_ text: String) -> Int64? {
        let units: [(String, Int64)] = [("ms", 1), ("w", 604_800_000), ("d", 86_400_000), ("h", 3_600_000), ("m", 60_000), ("s", 1_000)]
        var rest = Substring(text.lowercased())
        var total: Int64 = 0
        guard !rest.isEmpty else { return nil }
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, let n = Int64(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            guard let (unit, scale) = units.first(where: { rest.hasPrefix($0.0) }) else { return nil }
            rest = rest.dropFirst(unit.count)
            let (product, overflow) = n.multipliedReportingOverflow(by: scale)
            guard !overflow else { return nil }
            total += product
        }
        return total
    }

    /// RFC 3339 with or without fractional seconds; nil otherwise.
    static func parseRFC3339(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        if let d = plain.date(from: text) { return d }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }

    /// `earliest`, `latest`, `0:120,1:80` or the time in RFC 3339 (UTC, milliseconds).
    var description: String {
        switch self {
        case .earliest: return "earliest"
        case .latest: return "latest"
        case .offsets(let map): return map.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: ",")
        case .timestamp(let ms): return Self.format(ms)
        }
    }

    static func format(_ ms: Int64) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: Date(timeIntervalSince1970: Double(ms) / 1000))
    }
}
