import Foundation
import Testing

@testable import Extraction

/// The byte-level rewrites of headline and byline helpers give the answers of the code they
/// replaced (kept here as the reference): separator places in titles, site-name matching of
/// prepared texts, where a byline's date starts, and the split of a byline into pieces. Inputs mix
/// ASCII, Latin letters, Bengali, combining marks, CR LF and the scalars canonically equivalent to
/// a separator, with ``FieldsFastPathTests/texts`` besides.
@Suite("Fields stage byte scans: same answers as the Character-based code they replace")
struct FieldsByteScanTests {
    // MARK: Inputs

    /// Random titles and bylines from fragments that reach the edge cases.
    static func randomTexts(count: Int, seed: UInt64) -> [String] {
        let pieces = [
            " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » ", " › ", " ‹ ", " / ", " ｜ ", " I ", " ", "  ", "|", "-",
            "Jane", "Doe", "jane doe", "The Daily Star", "dailystar", "daily star", "www.dw.com", "DW", "Team", "and", "And", "AND",
            "Und", "und", "with", "&", "e", "y", "ও", "এবং", "और", "কালবেলা", "ডেস্ক", "প্রতিনিধি", "ঢাকা", ",", ";", "/", "\n", "\r\n",
            "·", "•", "\u{387}", "\u{301}", "é", "e\u{301}", "ß", "Ümit", "27", "2024", "Dec", "December", "Dec.", "March 7,", "Mon",
            "Monday", "on", "at", "(", ")", "\"", "'", "…", "৭", "২০২৪", "ডিসেম্বর", "Updated", "\u{A0}", "\t", "PM", "10:30",
        ]
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let n = Int(rng.next() % 10) + 1
            return (0..<n).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
        }
    }

    static let texts = FieldsFastPathTests.texts + randomTexts(count: 4000, seed: 0xB7E5)
        + FieldsFastPathTests.randomDates(count: 1500, seed: 0xDA7E)
        + ["Jane Doe December 27, 2024", "By Jane Doe, Columnist August 19, 2025", "Jane Doe, March 7, 20247:55 AM",
           "Dec 17, 2025Julian K. Arni", "Jane Doe on Mon, 3 Jun 2024", "Jane Doe (Dec.) 27", "Jane Doe Sunday", "Jane Doe ..., Mon.",
           "নিজস্ব প্রতিবেদক, ঢাকা", "Jane Doe, Sylhet Correspondent", "A & B and C | D; E/F • G · H\nI", "Anna\u{387}Bert"]

    // MARK: Headlines

    @Test("separator places found at the spaces give the title variants of searching each separator")
    func titleVariants() {
        for t in Self.texts {
            #expect(HeadlineSelector.variants(of: t) == Self.variantsReference(t), "\(t.debugDescription)")
        }
    }

    /// ``HeadlineSelector/variants(of:)`` as it was: each separator searched with `find` and `findLast`.
    static func variantsReference(_ title: String) -> [String] {
        var out = [title]
        var queue = [title]
        for _ in 0..<2 {
            var next: [String] = []
            for t in queue {
                let b = Array(t.utf8)
                for sep in HeadlineSelector.separatorBytes {
                    guard let first = UTF8Scan.find(sep, in: b) else { continue }
                    let last = UTF8Scan.findLast(sep, in: b) ?? first
                    let head = String(decoding: b[..<last], as: UTF8.self)
                    if UTF8Scan.characterCount(of: head, isAtLeast: 8) { next.append(head) }
                    let tail = String(decoding: b[(first + sep.count)...], as: UTF8.self)
                    if UTF8Scan.characterCount(of: tail, isAtLeast: 8) { next.append(tail) }
                }
            }
            for n in next where !out.contains(n) { out.append(n) }
            queue = next
        }
        return out
    }

    @Test("site names matched as prepared parts answer as matching the normalised Strings")
    func siteMatches() {
        let sites = ["The Daily Star", "dailystar", "daily star", "www.dw.com", "dw", "DW", "কালবেলা", "কালবেলা ডেস্ক", "Spiegel", "café",
                     "cafe\u{301}", "a\r\nb", "ab", "", "Le Monde", "lemonde.fr", "ÜMIT", "x y z"].map(HeadlineSelector.normalize)
        var rng = SplitMix64(seed: 0x517E)
        var parts = Self.texts.prefix(1500).map(HeadlineSelector.normalize) + sites
        for _ in 0..<600 {
            // Site names with a few words before or after: prefixes and extensions of each other.
            let s = sites[Int(rng.next() % UInt64(sites.count))], t = sites[Int(rng.next() % UInt64(sites.count))]
            parts.append(rng.next() % 2 == 0 ? s + t : s + " " + t)
        }
        parts += ["a\r", "a\r\nbc", "cafe", "caf", "dailys", "daily"]
        let preparedSites = sites.map(HeadlineSelector.SitePart.init)
        for p in parts {
            let part = HeadlineSelector.SitePart(p)
            for (k, s) in sites.enumerated() {
                #expect(HeadlineSelector.siteMatches(part, preparedSites[k]) == HeadlineSelector.siteMatches(p, s), "\(p.debugDescription) \(s.debugDescription)")
            }
        }
    }

    @Test("headline similarity comparing plain Bengali words by their bytes is that of Substring words")
    func bengaliHeadlineScores() {
        // Composed and decomposed vowel signs (কো, কো; কৌ, কৌ), nukta forms (ড়, ড়), joiners, a mark after a space.
        let words = ["ঢাকা", "নির্বাচন", "কো", "কো", "কৌ", "কৌ", "ড়", "ড়", "র্\u{200D}য", "ক\u{200C}্ষ", "\u{9CD}ক", "২০২৪", "the", "dhaka",
                     "ঢাকা", "ক্ষ", "e\u{301}", "\u{9FE}", "বাংলাদেশ", "সরকার", "x", "café", "cafe\u{301}", "über", "u\u{308}ber", "ǆ", "ß",
                     "\u{301}x", "ÿ", "ɏ", "ɐ", "\u{AD}", "\u{85}", "москва", "йод", "и\u{306}од", "д\u{483}", "ё", "е\u{308}", "北京",
                     "東京", "한국", "\u{1112}\u{1161}\u{11AB}", "가\u{11A8}", "か\u{3099}", "が", "ক\u{9BC}", "য়", "য\u{9BC}"]
        var rng = SplitMix64(seed: 0xBE9A)
        func text() -> String {
            let n = Int(rng.next() % 10) + 1
            return (0..<n).map { _ in words[Int(rng.next() % UInt64(words.count))] }.joined(separator: " ")
        }
        var plain = 0
        for _ in 0..<3000 {
            let a = HeadlineSelector.Compared(text()), b = HeadlineSelector.Compared(text())
            #expect(HeadlineSelector.similarity(a, b) == FieldsFastPathTests.similarityReference(a, b), "\(a.text.debugDescription) \(b.text.debugDescription)")
            #expect(a.wordCount == UTF8Scan.spaceSplit(a.text).count, "\(a.text.debugDescription)")
            if let ranges = a.plainWords {
                #expect(ranges.map { String(decoding: a.bytes[$0], as: UTF8.self) } == UTF8Scan.spaceSplit(a.text).map(String.init))
                plain += 1
            }
        }
        #expect(plain > 300)
    }

    // MARK: Character counts

    /// Random Bengali (and mixed) texts: letters, signs, virama conjuncts, joiners, digits,
    /// punctuation and the occasional Latin word or prepended mark.
    static func randomBengali(count: Int, seed: UInt64) -> [String] {
        var pieces = (UInt32(0x980)...0x9FF).compactMap(Unicode.Scalar.init).map { String($0) }
        pieces += ["ক্ষ", "ন্ত্র", "র্\u{200D}য", "ক\u{200C}্", "্", " ", " ", " ", "।", ",", "-", "“", "”", "—", "abc", "A", "1", "\u{600}", "\u{200B}",
                   "\u{301}", "é", "\n", "\r\n", "\u{AD}", "😀", "👩‍👩‍👧", "\u{1F1E7}\u{1F1E9}", "ঢাকা", "প্রতিবেদক", "নিজস্ব", "২০২৪"]
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let n = Int(rng.next() % 120) + 1
            return (0..<n).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
        }
    }

    @Test("Character bounds from the scalars hold the Character count of every text")
    func characterBounds() {
        var settled = 0
        for t in Self.texts + Self.randomBengali(count: 3000, seed: 0xB09) {
            var t = t
            let bounds = t.withUTF8(UTF8Scan.characterBounds)
            let count = t.count
            #expect(bounds.lower <= count && count <= bounds.upper, "\(t.debugDescription) \(bounds) \(count)")
            if bounds.lower == bounds.upper { settled += 1 }
        }
        #expect(settled > 500)
    }

    @Test("Character limits settled by the bounds agree with String.count")
    func characterLimits() {
        let long = [String(repeating: "ক্ষ ", count: 80), String(repeating: "é", count: 300), String(repeating: "a\u{301}", count: 200),
                    String(repeating: "x", count: 500), String(repeating: "\r\n", count: 200), String(repeating: "😀", count: 100)]
        for t in Self.texts + Self.randomBengali(count: 2000, seed: 0x11A1) + long {
            let count = t.count
            for k in [0, 1, 2, 5, 30, 40, 60, 80, 120, 160, 240, 400] {
                #expect(UTF8Scan.characterCount(of: t, isAtMost: k) == (count <= k), "\(t.debugDescription) \(k)")
            }
        }
    }

    @Test("the collapsing buffer's Character limits agree with String.count on Bengali texts")
    func bengaliLimits() throws {
        var buffer = CollapsedTextBuffer(cap: 161)
        for t in Self.randomBengali(count: 1500, seed: 0xC011) {
            let escaped = t.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            let doc = try parseHTML("<p>\(escaped)</p>")
            guard let p = doc.elements(.p).first, let n = doc.firstChild(p), doc.isText(n) else { continue }
            buffer.load(doc, n)
            let count = buffer.text.count
            for k in [0, 1, 5, 40, 80, 100, 120, 160] { #expect(buffer.atMost(k) == (count <= k), "\(t.debugDescription) \(k)") }
            buffer.load(doc, n)
            for k in [160, 100, 40] { #expect(buffer.atMost(k) == (count <= k), "\(t.debugDescription) \(k)") }
        }
    }

    @Test("a text node's non-white-space test from its bytes agrees with its Characters")
    func nonWhitespaceTexts() throws {
        let blanks = [" ", "\t\n ", "\u{A0}", "\u{2003} \u{3000}", "\r\n", "\u{85}", " \u{301}", "\u{200B}", "\u{1C}", "\u{600} ", " \u{A0}x"]
        for t in Self.texts.prefix(1500) + blanks + blanks.map({ $0 + $0 }) {
            let escaped = t.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            let doc = try parseHTML("<div><b>x</b>\(escaped)<i>y</i></div>")
            let finder = PageClueFinder(doc: doc)
            for i in 0..<doc.count where doc.isText(NodeID(i)) {
                let n = NodeID(i)
                #expect(finder.hasNonWhitespace(n) == doc.text(n).contains(where: { !$0.isWhitespace }), "\(t.debugDescription)")
            }
        }
    }

    // MARK: Bylines

    @Test("the date start of an ASCII byline read on its bytes is the one found Character by Character")
    func dateStarts() {
        var ascii = 0
        for t in Self.texts {
            let fast = BylineParser.dateStart(in: t).map { t.utf8.distance(from: t.startIndex, to: $0) }
            let reference = Self.dateStartReference(t).map { t.utf8.distance(from: t.startIndex, to: $0) }
            #expect(fast == reference, "\(t.debugDescription)")
            if t.utf8.allSatisfy({ $0 < 0x80 }) { ascii += 1 }
        }
        #expect(ascii > 1000)
    }

    /// ``BylineParser/dateStart(in:)`` as it was for every text: Characters, lower-cased words and
    /// the String-keyed vocabulary.
    static func dateStartReference(_ text: String) -> String.Index? {
        var idx = text.startIndex
        var previousIsNumber = false
        while idx < text.endIndex {
            let isNumber = text[idx].isNumber
            defer { previousIsNumber = isNumber }
            if isNumber, !previousIsNumber {
                let rest = String(text[idx...])
                if DateParser().scan(rest).first(where: { $0.date.isValid }) != nil { return idx }
            }
            idx = text.index(after: idx)
        }
        for w in text.split(separator: " ") {
            let r = w.startIndex..<w.endIndex
            let lw = w.lowercased()
            let key = UTF8Scan.hasAlphanumericEdges(lw) ? lw : lw.trimmingCharacters(in: .punctuationCharacters)
            if DateVocabulary.months[key] != nil || DateVocabulary.fillers.contains(key) && key.count > 3 {
                let rest = String(text[r.lowerBound...])
                if let first = DateParser().scan(rest).first, first.date.isValid { return r.lowerBound }
                if DateVocabulary.months[key] != nil, key.count >= 3, w.first?.isUppercase == true, r.lowerBound != text.startIndex {
                    let after = text[r.upperBound...].drop { $0 == " " || $0 == "." }
                    let digits = after.prefix { $0.isNumber }
                    if (1...2).contains(digits.count), let d = Int(digits), (1...31).contains(d) { return r.lowerBound }
                }
            }
        }
        return nil
    }

    @Test("ASCII punctuation by the byte test is Foundation's punctuation set")
    func asciiPunctuation() {
        for b in UInt32(0)..<0x80 {
            #expect(UTF8Scan.isPunctuation(b) == CharacterSet.punctuationCharacters.contains(Unicode.Scalar(b)!), "\(b)")
        }
    }

    @Test("byline word helpers on ASCII bytes give the answers of their Character-based code")
    func bylineWordHelpers() {
        var ascii = 0
        let names = ["Jane Doe", "Jane Doe Senior Writer", "AP Sports Writer", "EdTech Content writer", "Liz Kenny Former McKinsey Consultant",
                     "jane doe", "von der Leyen", "dpa", "Jane Doe on behalf of the team", "Niko Matsakis on behalf of Rust", "PhD", "M.D.",
                     "MBA", "JD", "Garden Educator", "Lead Reviewer", "Jane\r\nDoe", "JANE", "O'Brien Jr.", "Reuters", "the AFP", "Jun",
                     "Nov.", "...", "Dec 2024", "Jane   Doe  and", "a b c d e f g h i", "x\u{212A}y writer", "Ümit Öz writer"]
        for t in Self.texts + names + names.map({ $0.uppercased() }) + names.map({ $0 + " " + $0 }) {
            #expect(UTF8Scan.lowercased(t) == t.lowercased(), "\(t.debugDescription)")
            #expect(BylineParser.wordCount(t) == t.split(separator: " ").count, "\(t.debugDescription)")
            #expect(BylineParser.hasProseWords(t) == Self.hasProseWordsReference(t), "\(t.debugDescription)")
            #expect(BylineParser.truncateAtProse(t) == Self.truncateAtProseReference(t), "\(t.debugDescription)")
            #expect(BylineParser.isCredential(t) == Self.isCredentialReference(t), "\(t.debugDescription)")
            #expect(BylineParser.looksLikeName(t) == FieldsFastPathTests.looksLikeNameReference(t), "\(t.debugDescription)")
            for first in [true, false] {
                #expect(BylineParser.withoutJobTitle(t, isFirst: first) == Self.withoutJobTitleReference(t, isFirst: first), "\(t.debugDescription)")
            }
            if UTF8Scan.isPlainASCII(t) { ascii += 1 }
        }
        #expect(ascii > 1000)
    }

    static func hasProseWordsReference(_ s: String) -> Bool {
        for w in s.split(separator: " ") {
            guard let f = w.first, f.isLetter, f.isASCII || (f.unicodeScalars.first!.value < 0x250) else { continue }
            if f.isLowercase, !BylineParser.particles.contains(w.lowercased()), AgencyCatalog.agency(named: String(w)) == nil { return true }
        }
        return false
    }

    static func truncateAtProseReference(_ piece: String) -> String {
        let words = piece.split(separator: " ")
        guard words.count > 2 else { return piece }
        var k = 0
        for w in words {
            guard let f = w.first, f.isLetter, f.unicodeScalars.first!.value < 0x250 else { return piece }
            if f.isUppercase || BylineParser.particles.contains(w.lowercased()) { k += 1 } else { break }
        }
        if k >= 2, k <= 4, k < words.count, !BylineParser.leadWords.contains(String(words[k]).lowercased()),
            !(k == words.count - 1 && BylineParser.jobTitleWords.contains(String(words[k])))
        {
            return words[..<k].joined(separator: " ")
        }
        return piece
    }

    static func isCredentialReference(_ piece: String) -> Bool {
        let letters = piece.filter { $0.isLetter }
        return !letters.isEmpty && letters.count <= 5 && piece.count <= 7 && letters.allSatisfy { $0.isUppercase }
            && !piece.contains(" ") && AgencyCatalog.agency(named: piece) == nil
    }

    static func withoutJobTitleReference(_ piece: String, isFirst: Bool) -> String? {
        let words = piece.split(separator: " ")
        guard let f = piece.unicodeScalars.first, f.value < 0x250 else { return piece }
        let titleAt = words.firstIndex { BylineParser.jobTitleWords.contains($0.lowercased()) }
        guard let t = titleAt else { return piece }
        if t >= 1, AgencyCatalog.agency(named: String(words[0])) != nil { return String(words[0]) }
        if !isFirst, BylineParser.endsWithLowercaseJobTitle(piece) { return nil }
        if t >= 2 { return words[..<t].joined(separator: " ") }
        if !isFirst, words.count <= 3, BylineParser.jobTitleWords.contains(words[words.count - 1].lowercased()) { return nil }
        return piece
    }

    @Test("trimming asks Foundation only when an edge scalar may go, and gives its answer")
    func trimming() {
        let sets: [CharacterSet] = [.whitespaces, .punctuationCharacters, BylineParser.quotesBracketsDigits, BylineParser.spacesAndSeparators,
                                    BylineParser.spacesDotColon, BylineParser.whitespaceAndColon, BylineParser.parenAndSpace,
                                    PageClueFinder.punctuationAndSpaces, PageClueFinder.commaSemicolon, AgencyCatalog.spacesAndPunctuation]
        let extra = ["😀x😀", "\u{301}a\u{301}", "(ক)", "১২ক১২", "“Jane”", "\u{A0}x\u{A0}", "\u{2003}", "a\u{FE0F}", "\u{10000}a", "x\u{1F1E7}"]
        for t in Self.texts.prefix(2500) + Self.randomBengali(count: 300, seed: 0x7217) + extra {
            for set in sets {
                #expect(UTF8Scan.trimming(t, set) == t.trimmingCharacters(in: set), "\(t.debugDescription)")
                let sub = t.dropFirst()
                #expect(UTF8Scan.trimming(sub, set) == sub.trimmingCharacters(in: set), "\(t.debugDescription)")
            }
        }
    }

    @Test("lower-casing on the bytes of ASCII, Indic and punctuation text gives String.lowercased")
    func lowercasing() {
        let indic = (UInt32(0x8F0)..<0xE10).compactMap(Unicode.Scalar.init).map { String($0) }.joined()
        let punctuation = (UInt32(0x1FF0)..<0x2090).compactMap(Unicode.Scalar.init).map { String($0) }.joined()
        for t in Self.texts + Self.randomBengali(count: 1000, seed: 0x10E) + [indic, punctuation, "ÀB\u{130}", "AB\u{212A}", "हिंदी ABC", "ক্ষ Δ"] {
            #expect(UTF8Scan.lowercased(t) == t.lowercased(), "\(t.debugDescription)")
        }
    }

    @Test("a bare lead is found as by lower-casing, trimming and comparing, long texts included")
    func bareLeads() {
        let long = ["By" + String(repeating: "\u{301}", count: 30), "\u{130}" + String(repeating: " by", count: 20), String(repeating: "ক", count: 20),
                    "  BY  ", ": by :", "\u{212A}", "Written\u{A0}by", "WRITTEN BY", "written by\u{301}"]
        for t in Self.texts + Self.randomBengali(count: 500, seed: 0xB1EA) + long {
            let reference = PageClueFinder.leadPhrases.contains(t.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " :")))
            #expect(PageClueFinder.isBareLead(t) == reference, "\(t.debugDescription)")
        }
    }

    @Test("byline pieces split from the bytes are those of the Character split")
    func bylinePieces() {
        let parser = BylineParser()
        var fast = 0
        for t in Self.texts {
            #expect(parser.split(t) == Self.splitReference(t), "\(t.debugDescription)")
            if UTF8Scan.scalarsAreCharacters(t) != nil { fast += 1 }
        }
        #expect(fast > 1000)
    }

    /// ``BylineParser/split(_:)`` as it was for every text: Characters, and connectors looked up as Strings.
    static func splitReference(_ s: String) -> [String] {
        var pieces: [String] = []
        var current: [Substring] = []
        func push() {
            let joined = current.joined(separator: " ")
            let p = UTF8Scan.hasAlphanumericEdges(joined) ? joined : joined.trimmingCharacters(in: BylineParser.spacesDotColon)
            if !p.isEmpty { pieces.append(p) }
            current = []
        }
        for part in s.split(whereSeparator: { ",;|/•·\n".contains($0) }) {
            for w in part.split(separator: " ") {
                if BylineParser.connectors.contains(String(w)) || w == "And" || w == "AND" || w == "Und" { push(); continue }
                current.append(w)
            }
            push()
        }
        return pieces
    }
}
