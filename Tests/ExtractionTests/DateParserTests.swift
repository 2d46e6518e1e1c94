import Testing
@testable import Extraction

@Suite("DateParser")
struct DateParserTests {
    let parser = DateParser()

    /// (text, expected record value with no fallback offset)
    static let cases: [(String, String)] = [
        // ISO 8601
        ("2024-12-27", "2024-12-27"),
        ("2024-12-27T20:53:00+06:00", "2024-12-27T20:53:00+06:00"),
        ("2024-05-03T15:47:42.389000+00:00", "2024-05-03T15:47:42Z"),
        ("2024-05-03T15:47:42.389Z", "2024-05-03T15:47:42Z"),
        ("2021-11-01T10:52:50+0100", "2021-11-01T10:52:50+01:00"),
        ("2026-05-24T10:05:10-04:00", "2026-05-24T10:05:10-04:00"),
        ("2020-04-16 01:00:03 +05:30", "2020-04-16T01:00:03+05:30"),
        ("2024/12/27 20:53 GMT", "2024-12-27T20:53:00Z"),
        // RFC 2822
        ("Fri, 27 Dec 2024 20:53:00 +0000", "2024-12-27T20:53:00Z"),
        ("Fri, 27 Dec 2024 14:53:00 GMT", "2024-12-27T14:53:00Z"),
        ("Tue, 7 Jan 2025 08:05:00 -0500", "2025-01-07T08:05:00-05:00"),
        // Printed, many languages
        ("December 27, 2024", "2024-12-27"),
        ("Published: Dec. 27th, 2024 at 8:53 p.m. EST", "2024-12-27T20:53:00-05:00"),
        ("27 December 2024, 08:53 PM UTC", "2024-12-27T20:53:00Z"),
        ("Veröffentlicht am 27. Dezember 2024, 20:53 Uhr", "2024-12-27"),
        ("3. Mai 2024 um 15:47 MESZ", "2024-05-03T15:47:00+02:00"),
        ("27 décembre 2024 à 20h53 UTC", "2024-12-27T20:53:00Z"),
        ("27 de diciembre de 2024", "2024-12-27"),
        ("27 dicembre 2024 ore 20:53", "2024-12-27"),
        ("27 december 2024 om 20:53", "2024-12-27"),
        ("27 de dezembro de 2024", "2024-12-27"),
        ("27 grudnia 2024", "2024-12-27"),
        ("27. prosince 2024", "2024-12-27"),
        ("27 Aralık 2024", "2024-12-27"),
        ("27 декабря 2024 г.", "2024-12-27"),
        ("2024. december 27.", "2024-12-27"),
        ("2024年12月27日 20:53", "2024-12-27"),
        ("27.12.2024 20:53", "2024-12-27"),
        ("27/12/2024", "2024-12-27"),
        ("03.05.24", "2024-05-03"),
        // Bengali digits, month names, AM/PM and time-of-day words
        ("প্রকাশ : ২৭ ডিসেম্বর ২০২৪, ০৮:৫৩ পিএম", "2024-12-27"),
        ("প্রকাশিত: ০৫ জানুয়ারি ২০২৫, ১০:১৫ এএম +০৬:০০", "2025-01-05T10:15:00+06:00"),
        ("৩ ফেব্রুয়ারী ২০২৫ রাত ৯:০৫ GMT+6", "2025-02-03T21:05:00+06:00"),
        ("২০ আগষ্ট ২০২৪, দুপুর ২:১০ +০৬:০০", "2024-08-20T14:10:00+06:00"),
        ("বৃহস্পতিবার, ১২ সেপ্টেম্বর ২০২৪", "2024-09-12"),
        ("১লা মে ২০২৪", "2024-05-01"),
        ("২৯ অক্টোবর ২০২০ সকাল ১১:৩০", "2020-10-29"),
        // Devanagari and other Indic digits and months
        ("प्रकाशित: १६ अप्रैल २०२०, ०१:०० पूर्वाह्न IST", "2020-04-16T01:00:00+05:30"),
        ("16 अप्रैल 2020 अपराह्न 03:15 IST", "2020-04-16T15:15:00+05:30"),
        ("Updated: 07 Apr 2020 07:36 AM IST", "2020-04-07T07:36:00+05:30"),
        ("29 ఆగస్టు 2020", "2020-08-29"),
        ("۲۷ دسمبر ۲۰۲۴", "2024-12-27"),
    ]

    @Test("reads dates in many forms, languages and scripts", arguments: cases)
    func reads(text: String, expected: String) {
        let date = parser.parse(text)
        #expect(date?.recordValue().value == expected, "\(text)")
    }

    @Test("Bengali 12-hour clock words give the right 24-hour time", arguments: [
        ("২৭ ডিসেম্বর ২০২৪, ০৮:৫৩ পিএম", 20), ("২৭ ডিসেম্বর ২০২৪, ১২:১০ এএম", 0), ("২৭ ডিসেম্বর ২০২৪, ১২:১০ পিএম", 12),
        ("২৭ ডিসেম্বর ২০২৪, রাত ১১:০০", 23), ("২৭ ডিসেম্বর ২০২৪, রাত ১২:৩০", 0), ("২৭ ডিসেম্বর ২০২৪, রাত ২:০০", 2),
        ("২৭ ডিসেম্বর ২০২৪, বিকেল ৪:০০", 16), ("২৭ ডিসেম্বর ২০২৪, সন্ধ্যা ৭:০০", 19), ("২৭ ডিসেম্বর ২০২৪, সকাল ৯:০০", 9),
        ("২৭ ডিসেম্বর ২০২৪, দুপুর ১২:৩০", 12), ("২৭ ডিসেম্বর ২০২৪, দুপুর ১:৩০", 13), ("২৭ ডিসেম্বর ২০২৪, ভোর ৫:১০", 5),
    ])
    func banglaClock(text: String, hour: Int) {
        #expect(parser.parse(text)?.hour == hour, "\(text)")
    }

    @Test("the seed page's date becomes 20:53 at +06:00, inferred for a Bangladeshi site")
    func seedDate() throws {
        let date = try #require(parser.parse("প্রকাশ : ২৭ ডিসেম্বর ২০২৪, ০৮:৫৩ পিএম"))
        let zone = TimeZoneInference(host: "www.kalbela.com", language: "bn")
        let record = date.recordValue(fallbackOffset: zone.offsetMinutes(for: date))
        #expect(record.value == "2024-12-27T20:53:00+06:00")
        #expect(record.inferred)
    }

    @Test("labels tell published from updated dates")
    func labels() {
        let matches = parser.scan("প্রকাশ : ২৭ ডিসেম্বর ২০২৪, ০৮:৫৩ পিএম | আপডেট : ২৮ ডিসেম্বর ২০২৪, ১০:০০ এএম")
        #expect(matches.count == 2)
        #expect(matches.first?.label == .published)
        #expect(matches.first?.date.day == 27)
        #expect(matches.last?.label == .modified)
        #expect(matches.last?.date.hour == 10)
        let en = parser.scan("Published 3 May 2024 · Last updated 4 May 2024")
        #expect(en.map(\.label) == [.published, .modified])
    }

    @Test("Bangla-calendar and Hijri dates are recognised and never taken as Gregorian", arguments: [
        "১৩ পৌষ ১৪৩১", "২৮ অগ্রহায়ণ ১৪৩১ বঙ্গাব্দ", "১ বৈশাখ ১৪৩২", "২৫ জমাদিউস সানি ১৪৪৬ হিজরি", "১২ রবিউল আউয়াল ১৪৪৬",
    ])
    func nonGregorian(text: String) {
        let matches = parser.scan(text)
        #expect(matches.count == 1)
        #expect(matches.first?.date.calendar != .gregorian)
        #expect(parser.parse(text) == nil)
    }

    @Test("a page line with Gregorian, Bangla and Hijri dates yields the Gregorian one")
    func mixedCalendars() {
        let text = "শুক্রবার, ২৭ ডিসেম্বর ২০২৪, ১২ পৌষ ১৪৩১, ২৫ জমাদিউস সানি ১৪৪৬"
        #expect(parser.parse(text)?.recordValue().value == "2024-12-27")
        #expect(parser.scan(text).map(\.date.calendar) == [.gregorian, .bangla, .hijri])
    }

    @Test("numeric order: day first unless impossible, month first when configured")
    func numericOrder() {
        #expect(parser.parse("03/04/2024")?.month == 4)
        #expect(parser.parse("12/27/2024")?.month == 12)
        #expect(DateParser(monthFirst: true).parse("03/04/2024")?.month == 3)
        #expect(DateParser(monthFirst: true).parse("27.12.2024")?.month == 12)
    }

    @Test("text that is not a date gives none", arguments: [
        "", "রাশিয়া সফরে যাবেন ইরানের প্রেসিডেন্ট", "8 out of 10 people", "31 February 2024", "Updated 5 minutes ago",
        "December 2024", "Call 01712-345678", "Version 2.13.2024",
    ])
    func notDates(text: String) {
        #expect(parser.parse(text) == nil, "\(text)")
    }

    @Test("BST reads as Bangladesh time when the site says so")
    func zoneOverride() {
        let bd = DateParser(zoneOverrides: ["bst": 360])
        #expect(bd.parse("27 Dec 2024 20:53 BST")?.offsetMinutes == 360)
        #expect(parser.parse("27 Jun 2024 20:53 BST")?.offsetMinutes == 60)
    }

    @Test("inferred offsets follow the site's country and daylight saving")
    func inference() {
        let summer = ParsedDate(year: 2024, month: 7, day: 1, hour: 12, minute: 0)
        let winter = ParsedDate(year: 2024, month: 1, day: 1, hour: 12, minute: 0)
        #expect(TimeZoneInference(host: "www.derstandard.at", language: "de").offsetMinutes(for: summer) == 120)
        #expect(TimeZoneInference(host: "www.derstandard.at", language: "de").offsetMinutes(for: winter) == 60)
        #expect(TimeZoneInference(host: "x.co.in", language: "bn").offsetMinutes(for: winter) == 330)
        #expect(TimeZoneInference(host: "example.com", language: "bn").offsetMinutes(for: winter) == 360)
        #expect(TimeZoneInference(host: "news.example.np", language: nil).offsetMinutes(for: winter) == 345)
        #expect(TimeZoneInference(host: "example.com", language: "en").offsetMinutes(for: winter) == nil)
    }

    @Test("a time without offset and without inference is dropped, not guessed")
    func noGuess() {
        let d = ParsedDate(year: 2024, month: 12, day: 27, hour: 20, minute: 53)
        #expect(d.recordValue(fallbackOffset: nil).value == "2024-12-27")
        #expect(d.recordValue(fallbackOffset: nil).inferred == false)
    }

    @Test("the digit table gives Unicode's decimal digit value for every scalar it covers")
    func digitTableMatchesUnicode() {
        for v in UInt32(0x660)..<ScriptDigits.tableEnd {
            guard let s = Unicode.Scalar(v) else { continue }
            #expect(ScriptDigits.value(of: s) == ScriptDigits.lookUp(s), "U+\(String(v, radix: 16))")
        }
        #expect(ScriptDigits.value(of: "৭") == 7)
        #expect(ScriptDigits.value(of: "९") == 9)
        #expect(ScriptDigits.value(of: "ক") == nil)
    }
}
