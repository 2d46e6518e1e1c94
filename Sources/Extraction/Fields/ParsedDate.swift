import Foundation

/// A calendar date, with the time of day and UTC offset when they are known, as found in a page.
///
/// Only Gregorian dates are ever written into a record. Dates in the Bangla (Bengali) calendar
/// (`১৩ পৌষ ১৪৩১`) or the Hijri calendar (`২৫ জমাদিউস সানি ১৪৪৬`) are recognised so that they are
/// not mistaken for Gregorian ones, and carry their ``Calendar-swift.enum`` so callers skip them.
public struct ParsedDate: Sendable, Equatable, Hashable {
    /// The calendar the date was written in.
    public enum Calendar: String, Sendable, Equatable, Hashable {
        case gregorian, bangla, hijri
    }

    public var year: Int
    public var month: Int
    public var day: Int
    /// Hour of day 0–23, `nil` for a date without a time.
    public var hour: Int?
    public var minute: Int?
    public var second: Int?
    /// Offset from UTC in minutes, when the text said it (`Z`, `+06:00`, `GMT`, `IST` …).
    public var offsetMinutes: Int?
    public var calendar: Calendar

    public init(
        year: Int, month: Int, day: Int, hour: Int? = nil, minute: Int? = nil, second: Int? = nil,
        offsetMinutes: Int? = nil, calendar: Calendar = .gregorian
    ) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.offsetMinutes = offsetMinutes
        self.calendar = calendar
    }

    /// True when a time of day is known.
    public var hasTime: Bool { hour != nil }

    /// True for a Gregorian date that exists (month 1–12, day within the month, year 1800–2199).
    public var isValid: Bool {
        guard calendar == .gregorian else { return false }
        guard (1800...2199).contains(year), (1...12).contains(month) else { return false }
        guard day >= 1, day <= Self.daysInMonth(year: year, month: month) else { return false }
        if let h = hour, !(0...23).contains(h) { return false }
        if let m = minute, !(0...59).contains(m) { return false }
        if let s = second, !(0...60).contains(s) { return false }
        if let o = offsetMinutes, abs(o) > 14 * 60 { return false }
        return true
    }

    /// The number of days of a Gregorian month.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // MARK: Formatting

    /// The date as written into a record.
    ///
    /// - With a time and an offset: RFC 3339, `2024-12-27T20:53:00+06:00` (`inferred` false).
    /// - With a time but no offset, and a `fallbackOffset` (minutes, e.g. from the site's country):
    ///   RFC 3339 with that offset, `inferred` true.
    /// - Otherwise a date-only value, `2024-12-27`: a time whose offset is unknown is dropped rather
    ///   than guessed (the scorer and our consumers read a 10-character value as a calendar day).
    public func recordValue(fallbackOffset: Int? = nil) -> (value: String, inferred: Bool) {
        let datePart = Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2)
        guard let h = hour else { return (datePart, false) }
        let offset: Int
        let inferred: Bool
        if let o = offsetMinutes {
            offset = o
            inferred = false
        } else if let f = fallbackOffset {
            offset = f
            inferred = true
        } else {
            return (datePart, false)
        }
        let time = Self.pad(h, 2) + ":" + Self.pad(minute ?? 0, 2) + ":" + Self.pad(min(second ?? 0, 59), 2)
        return (datePart + "T" + time + Self.formatOffset(offset), inferred)
    }

    /// `+06:00`, `-04:00`, `+05:45`; UTC is written `Z`.
    public static func formatOffset(_ minutes: Int) -> String {
        if minutes == 0 { return "Z" }
        let sign = minutes < 0 ? "-" : "+"
        let m = abs(minutes)
        return sign + pad(m / 60, 2) + ":" + pad(m % 60, 2)
    }

    /// Seconds since 1970 (UTC) when the offset is known, treating a missing time as midnight.
    public func epochSeconds(assumingOffset fallback: Int = 0) -> Int {
        let days = Self.daysFromCivil(year: year, month: month, day: day)
        let secs = days * 86_400 + (hour ?? 0) * 3600 + (minute ?? 0) * 60 + (second ?? 0)
        return secs - (offsetMinutes ?? fallback) * 60
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
