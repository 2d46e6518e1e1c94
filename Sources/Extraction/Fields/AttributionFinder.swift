import Foundation

/// Finds the wire agencies a text credits as its source, under canonical names.
///
/// A mention counts when it reads as a credit: in parentheses or a dateline (`(AP) —`,
/// `DHAKA (Reuters) -`), next to a reporting word (`Reuters reported`, `according to AFP`,
/// `told dpa`, `খবর রয়টার্সের`, `বাসস জানায়`, `बार्ता संस्था`), or alone at the start or end of a
/// paragraph (`… খবর এএফপির।`, `— AP`). A bare mention inside a sentence ("a Reuters photographer")
/// is not enough.
public struct AttributionFinder: Sendable {
    public init() {}

    /// Words that make a nearby agency name a credit (lower case; Latin matched as words,
    /// other scripts as substrings).
    static let cues: [String] = [
        "reported", "reports", "report", "reporting", "told", "said", "says", "according", "via", "quoted", "cited",
        "news agency", "wire", "contributed", "agencies", "meldet", "berichtet", "berichtete", "laut", "zufolge",
        "nach angaben", "selon", "rapporte", "según", "informó", "secondo", "volgens", "segundo", "enligt",
        "খবর", "জানিয়েছে", "জানায়", "জানিয়েছেন", "বলেছে", "বার্তা সংস্থা", "প্রতিবেদন", "প্রতিবেদনে", "সূত্রে",
        "অনুসারে", "মতে", "বরাতে", "উদ্ধৃত", "समाचार एजेंसी", "एजेंसी", "के मुताबिक", "के अनुसार", "ने बताया", "इनपुट",
    ]

    /// Canonical agency names credited in the given paragraphs, in order of first credit.
    public func attributions(in paragraphs: [String]) -> [String] {
        var found: [String] = []
        for p in paragraphs {
            for name in credits(in: p) where !found.contains(name) { found.append(name) }
        }
        return found
    }

    /// Canonical agency names credited in one paragraph.
    public func credits(in paragraph: String) -> [String] {
        var out: [String] = []
        let text = paragraph
        guard !text.isEmpty else { return out }
        let lower = text.lowercased()
        for agency in AgencyCatalog.all {
            var ranges: [Range<String.Index>] = []
            for a in agency.acronyms { ranges += Self.wordRanges(of: a, in: text, caseInsensitive: false) }
            for n in agency.names {
                ranges += Self.wordRanges(of: n, in: text, caseInsensitive: true, bengaliSuffixes: AgencyCatalog.isBengali(n))
            }
            if ranges.contains(where: { isCredit($0, in: text, lower: lower) }) { out.append(agency.name) }
        }
        return out
    }

    private func isCredit(_ r: Range<String.Index>, in text: String, lower: String) -> Bool {
        // Parentheses or a dash dateline right around the name.
        let before = text[text.startIndex..<r.lowerBound].trimmingCharacters(in: .whitespaces)
        let after = text[r.upperBound...].trimmingCharacters(in: .whitespaces)
        if before.hasSuffix("("), after.hasPrefix(")") || after.hasPrefix("/") { return true }
        if before.hasSuffix("/"), after.hasPrefix(")") { return true }
        // Alone at the start or the end of the paragraph.
        let tailStripped = after.trimmingCharacters(in: .punctuationCharacters.union(.whitespaces).union(CharacterSet(charactersIn: "।")))
        if tailStripped.isEmpty { return true }
        if before.trimmingCharacters(in: .punctuationCharacters.union(.whitespaces)).isEmpty, after.first.map({ "-–—:|".contains($0) }) == true {
            return true
        }
        // A reporting word within 40 characters.
        let lo = text.index(r.lowerBound, offsetBy: -40, limitedBy: text.startIndex) ?? text.startIndex
        let hi = text.index(r.upperBound, offsetBy: 40, limitedBy: text.endIndex) ?? text.endIndex
        let window = text[lo..<hi].lowercased()
        for cue in Self.cues {
            if cue.unicodeScalars.first.map({ $0.value < 0x250 }) == true {
                if !Self.wordRanges(of: cue, in: window, caseInsensitive: true).isEmpty { return true }
            } else if window.contains(cue) {
                return true
            }
        }
        return false
    }

    /// Ranges of `needle` in `text` that start and end at word boundaries (a Bengali name may be
    /// followed by a case ending).
    static func wordRanges(of needle: String, in text: String, caseInsensitive: Bool, bengaliSuffixes: Bool = false) -> [Range<String.Index>] {
        var out: [Range<String.Index>] = []
        var from = text.startIndex
        let options: String.CompareOptions = caseInsensitive ? [.caseInsensitive] : []
        while from < text.endIndex, let r = text.range(of: needle, options: options, range: from..<text.endIndex) {
            from = r.upperBound
            let prevOK = r.lowerBound == text.startIndex || !isWordChar(text[text.index(before: r.lowerBound)])
            var end = r.upperBound
            if bengaliSuffixes {
                var e = end
                while e < text.endIndex, isWordChar(text[e]) { e = text.index(after: e) }
                if AgencyCatalog.bengaliSuffixes.contains(String(text[end..<e])) { end = e }
            }
            let nextOK = end == text.endIndex || !isWordChar(text[end])
            if prevOK && nextOK { out.append(r.lowerBound..<end) }
        }
        return out
    }

    static func isWordChar(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c.unicodeScalars.contains { $0.properties.generalCategory == .nonspacingMark || $0.properties.generalCategory == .spacingMark }
    }
}
