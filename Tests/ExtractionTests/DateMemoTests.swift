import Foundation
import Testing

@testable import Extraction

/// ``DateMemo`` stands in for ``DateParser/parse(_:)`` when the metadata's dates are read: every
/// answer must be the parser's, for repeated texts and for texts that are canonically equivalent
/// but differ in their bytes; and the metadata dates read through it must be those the former
/// code (a parse per value) read.
@Suite("DateMemo: the parser's answers, each text parsed once")
struct DateMemoTests {
    static let dateTexts: [String] = [
        "2024-12-27T20:53:00+06:00", "2024-12-27", "27.12.2024", "02-12-2025", "2025-12-02", "Dec 27, 2024", "December 27, 2024",
        "২৭ ডিসেম্বর ২০২৪", "১৩ পৌষ ১৪৩১", "2024年12月27日", "", " ", "not a date", "Déc 27 2024", "De\u{301}c 27 2024",
        "27 d\u{E9}cembre 2024", "27 de\u{301}cembre 2024", "2024-12-27T20:53:00Z", "2024-02-30", "Mon, 27 Dec 2024 10:00:00 GMT",
    ]

    static let sources: [PageMetadata.Source] = [.jsonLD, .openGraph, .meta, .microdata, .timeElement]

    @Test("every answer of the memo is the parser's, in any order and with repeats")
    func sameAnswers() {
        let parser = DateParser()
        var rng = SplitMix64(seed: 0xDA7E)
        let texts = Self.dateTexts + FieldsFastPathTests.randomDates(count: 300, seed: 0xDA7E)
        var memo = DateMemo(parser: parser)
        for _ in 0..<2000 {
            let t = texts[Int(rng.next() % UInt64(texts.count))]
            #expect(memo.parse(t) == parser.parse(t), "\(t.debugDescription)")
        }
    }

    @Test("the metadata dates read through one memo are those read with a parse per value")
    func metadataDates() {
        let parser = DateParser()
        var rng = SplitMix64(seed: 0x3E7A)
        let texts = Self.dateTexts + FieldsFastPathTests.randomDates(count: 60, seed: 0x3E7A)
        func values() -> [PageMetadata.Value] {
            (0..<Int(rng.next() % 12)).map { _ in
                .init(texts[Int(rng.next() % UInt64(texts.count))], Self.sources[Int(rng.next() % UInt64(Self.sources.count))])
            }
        }
        for _ in 0..<600 {
            let published = values(), modified = values()
            let printed = (0..<Int(rng.next() % 3)).compactMap { _ in parser.parse(texts[Int(rng.next() % UInt64(texts.count))]) }
            var memo = DateMemo(parser: parser)
            let first = FieldResolver.firstDate(published, memo: &memo)
            #expect(first == Self.formerFirstDate(published, parser: parser))
            if let first {
                #expect(FieldResolver.printedPublicationDate(published, unlike: first, printed: printed, memo: &memo)
                    == Self.formerPrintedPublicationDate(published, unlike: first, printed: printed, parser: parser))
            }
            #expect(FieldResolver.firstDate(modified, memo: &memo) == Self.formerFirstDate(modified, parser: parser))
        }
    }

    // MARK: The former code

    static func formerFirstDate(_ values: [PageMetadata.Value], parser: DateParser) -> ParsedDate? {
        var parsed: [(raw: String, date: ParsedDate)] = []
        for v in values.prefix(8) {
            if let d = parser.parse(v.value) { parsed.append((v.value, d)) }
        }
        guard var first = parsed.first?.date else { return values.dropFirst(8).lazy.compactMap { parser.parse($0.value) }.first }
        let raw = parsed[0].raw
        let ambiguous = first.day <= 12 && first.month <= 12 && first.day != first.month
            && raw.first?.isNumber == true && !raw.prefix(4).allSatisfy(\.isNumber)
        if ambiguous, let other = parsed.dropFirst().first(where: { $0.date.year == first.year && $0.date.month == first.day && $0.date.day == first.month }) {
            first.month = other.date.month
            first.day = other.date.day
        }
        return first
    }

    static func formerPrintedPublicationDate(_ values: [PageMetadata.Value], unlike first: ParsedDate, printed: [ParsedDate],
                                             parser: DateParser) -> ParsedDate? {
        guard !printed.isEmpty, let firstSource = values.first?.source, !printed.contains(where: { FieldResolver.sameDay($0, first) }) else { return nil }
        let kinds: [PageMetadata.Source] = [.jsonLD, .openGraph, .microdata]
        for v in values.dropFirst().prefix(8) where v.source != firstSource && kinds.contains(v.source) {
            guard let d = parser.parse(v.value), abs(FieldResolver.dayNumber(d) - FieldResolver.dayNumber(first)) >= 2 else { continue }
            if printed.contains(where: { FieldResolver.sameDay($0, d) }) { return d }
        }
        return nil
    }
}
