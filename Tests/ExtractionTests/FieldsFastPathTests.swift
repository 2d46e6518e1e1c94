import Foundation
import Testing

@testable import Extraction

/// The shortcuts of the fields stage give the answers of the operations they stand in for: each
/// byte check that turns a text away is checked against the full operation, and each rewritten
/// helper against its former code (kept here as the reference). The texts are made to reach the
/// edge cases (combining marks after a match, scalars whose lower case is ASCII, white space that
/// collapses or vanishes, digits of other scripts); the corpus test runs the same comparisons on
/// every text and element of real pages.
@Suite("Fields stage fast paths: same answers as the operations they replace")
struct FieldsFastPathTests {
    // MARK: Inputs

    static let samples: [String] = [
        "", " ", "By Jane Doe", "by: Ziyi Xu, Dec 17, 2025", "Written by John Crenshaw", "posted by admin", "BY",
        "কালবেলা ডেস্ক", "নিজস্ব প্রতিবেদক, সিলেট", "লেখক: কালবেলা", "সিলেট প্রতিনিধি", "International Desk", "Staff Reporter",
        "DianaHR Team", "The Meetingnotes Team", "Everfit Team", "Join our Team", "Guardian staff reporter", "Sylhet Correspondent",
        "DES\u{212A}", "\u{130}nternational desk", "Stringer", "newsroom", "वाराणसी ब्यूरो", "हमारे संवाददाता",
        "Published 3 May 2024", "27.12.24", "27 / 12 / 24", "2024-12-27T20:53:00+06:00", "12/27/2024", "Dec. 27th 2024",
        "প্রকাশ : ২৭ ডিসেম্বর ২০২৪, ০৮:৫৩ পিএম", "১৩ পৌষ ১৪৩১", "2024年12月27日", "16 अप्रैल 2020", "٢٠٢٤/١٢/٢٧",
        "20\u{200B}24", "Updated 10:30 AM", "5 min read", "12 comments", "Call 555-1234", "Order 123456", "3.14", "v1.2.3",
        "Aaron Ricadela | Senior Writer | July 2, 2025", "Jane Doe · 17 Dec 2025", "Mahua Das • 4 min read",
        "Foto: REUTERS/Jane", "(Photo: AP)", "  (Bild: dpa)", "Image credit", "ছবি: সংগৃহীত", "Фото: ТАСС", "photó",
        "Photographer Jane", "Getty Images", "Illustration", "illustratio", "Sources say",
        "Reuters reported on Monday", "DHAKA (Reuters) - The", "according to AFP", "a Reuters photographer", "— AP",
        "… খবর এএফপির।", "বাসস জানায়", "(भाषा/पीटीआई)", "told dpa", "epd meldet", "KNA", "AP — the story", "happen map",
        "Autor", "Autorin/Autor", "Datum", "Published:", "  last   updated ", "Zuletzt aktualisiert", "veröffentlicht am",
        "By ", "by:", " Written by ", "Words By", "story by:", "Reported by", "By\u{301}", "by \u{301}x",
        "updated\u{301}", "min read", "Jane Doe", "Jun", "Nov.", "mail@example.com", "e@\u{301}", "Ümit Öz", "O'Brien",
        "capital von Jemima Kelly", "story by John", "লেখক", "लेखक", "द्वारा", "text", "TEXT von Anna",
        "a \u{301}b", "x\u{A0}y", "\u{2003}em\u{2003}", "end\u{3000}", "tab\tand\nnewline", "\r\nCRLF", "ZW\u{200B}SP",
        "«Zitat» – Grüße", "“Quoted” — dash…", "€ 12", "😀 emoji", "👩‍👩‍👧", "ক্ষ্ম", "e\u{301}\u{302}", "Ǆ", "ﬁ",
    ]

    /// Random texts from fragments that reach the edge cases.
    static func randomTexts(count: Int, seed: UInt64) -> [String] {
        let pieces = [
            "by ", "By ", "BY:", "written by ", "Posted By ", "2024", "27", "1", ".", "/", "-", ":", "12", "৩", "২০২৪", "৭",
            "\u{200B}", "\u{A0}", " ", "  ", "\t", "\n", "\r\n", "Team", "team", "Desk", "desk", "staff reporter", "\u{130}",
            "\u{212A}", "লেখক", "প্রতিনিধি", "ডেস্ক", "Jan", "May", "December", "|", "·", "•", "⋅", "\u{301}", "\u{387}",
            "\u{37E}", "e", "x", "Jane", "Doe", "(", ")", "AP", "Reuters", "রয়টার্স", "é", "ü", "ß", "İ", "“", "’", "—",
            "am", "PM", "১০:৩০", "Photo", "foto", "(", "@", "http", "www.", "von ", "AFP", "dpa", "reported", "খবর", "ا",
        ]
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let n = Int(rng.next() % 12) + 1
            return (0..<n).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
        }
    }

    static let texts = samples + randomTexts(count: 3000, seed: 0xF1E1D5)

    /// Random texts dense in the parts of dates (numbers, separators, month names, clocks).
    static func randomDates(count: Int, seed: UInt64) -> [String] {
        let pieces = [
            "27", "12", "2024", "24", "5", "123", "12345", ".", ". ", "/", " / ", "-", " ", ",", "Dec", "December", "de", "mai",
            "২৭", "ডিসেম্বর", "২০২৪", "৩", "年", "月", "日", "10:30", "PM", "a.m.", "+06:00", "GMT", "\u{200B}", "\u{A0}", "x",
            "٢٠٢٤", "१६", "अप्रैल", "পৌষ", "১৪৩১", "Updated", "Published:", "(", ")", "\u{301}", "T", "Z",
        ]
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let n = Int(rng.next() % 8) + 1
            return (0..<n).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
        }
    }

    // MARK: Dates

    @Test("tokenizing with words gathered as UTF-8 gives the tokens of the former scalar-view code")
    func tokens() {
        for t in Self.texts + Self.randomDates(count: 4000, seed: 0x70C) + ["ÀÉÎ Straße İstanbul ǅ ΣΑΣ", "2024年12月27日", "a.m. P.M. এ.এম."] {
            #expect(DateParser.tokenize(t) == Self.tokenizeReference(t), "\(t.debugDescription)")
        }
    }

    /// ``DateParser/tokenize(_:)`` as it was: words gathered in a String's scalar view.
    static func tokenizeReference(_ text: String) -> [DateParser.Token] {
        var tokens: [DateParser.Token] = []
        var word = String.UnicodeScalarView()
        var number = 0
        var digits = 0
        var spaced = false
        func flush() {
            if digits > 0 {
                tokens.append(DateParser.Token(kind: .number(number, digits: digits), spaced: spaced))
                spaced = false
                number = 0
                digits = 0
            }
            if !word.isEmpty {
                tokens.append(DateParser.Token(kind: .word(String(word).lowercased()), spaced: spaced))
                spaced = false
                word = String.UnicodeScalarView()
            }
        }
        var count = 0
        for s in text.unicodeScalars {
            count += 1
            if count > 400 { break }
            let v = s.value
            if v < 0x80 {
                // ASCII without property lookups: the same classes as below (letters are alphabetic;
                // tab, line breaks and space are white space; the rest is punctuation).
                if v &- 0x30 < 10 {
                    if !word.isEmpty { flush() }
                    if digits < 15 { number = number * 10 + Int(v - 0x30) }
                    digits += 1
                } else if (v | 0x20) &- 0x61 < 26 {
                    if digits > 0 { flush() }
                    word.append(s)
                } else {
                    flush()
                    if v == 0x20 || v &- 0x09 < 5 {
                        spaced = true
                    } else {
                        tokens.append(DateParser.Token(kind: .punct(s), spaced: spaced))
                        spaced = false
                    }
                }
                continue
            }
            if let d = ScriptDigits.value(of: s) {
                if !word.isEmpty { flush() }
                if digits < 15 { number = number * 10 + d }
                digits += 1
                continue
            }
            let p = s.properties
            if p.isAlphabetic || p.generalCategory == .nonspacingMark || p.generalCategory == .spacingMark
                || s.value == 0x200C || s.value == 0x200D
            {
                if digits > 0 { flush() }
                if DateParser.isIdeograph(s) {
                    flush()
                    word.append(s)
                    flush()
                } else {
                    word.append(s)
                }
                continue
            }
            flush()
            if p.isWhitespace || s.value == 0xA0 {
                spaced = true
            } else {
                tokens.append(DateParser.Token(kind: .punct(s), spaced: spaced))
                spaced = false
            }
        }
        flush()
        return DateParser.joinDottedMeridiems(tokens)
    }

    @Test("a text the date check turns away gives no date when tokenised, and every dated sample passes the check")
    func mayHaveDate() {
        var dated = 0
        for t in Self.texts + Self.randomDates(count: 4000, seed: 0xDA7E) + Self.samples.map({ String(repeating: "x ", count: 199) + $0 }) {
            let matches = DateParser().scanTokens(t)
            if !DateParser.mayHaveDate(t) {
                #expect(matches.isEmpty, "\(t.debugDescription)")
            } else {
                #expect(DateParser().scan(t) == matches)
            }
            if !matches.isEmpty { dated += 1 }
        }
        #expect(dated > 50)
        // Only the first 400 scalars are read: a run of digits cut there is read as cut.
        #expect(DateParser.mayHaveDate(String(repeating: "a", count: 396) + "123456"))
        #expect(!DateParser.mayHaveDate(String(repeating: "a", count: 395) + "123456"))
        #expect(DateParser.mayHaveDate(String(repeating: "a", count: 396) + "2024"))
        #expect(!DateParser.mayHaveDate(String(repeating: "a", count: 400) + "2024"))
    }

    @Test("vocabulary look-ups of ASCII words by their bytes agree with the String-keyed tables")
    func vocabularyLookups() {
        var words = Set<String>()
        let keys = Array(DateVocabulary.months.keys) + Array(DateVocabulary.labels.keys) + Array(DateVocabulary.meridiems.keys)
            + Array(DateVocabulary.fillers) + Array(DateVocabulary.zones.keys)
        for k in keys {
            words.insert(k)
            words.insert(String(k.dropLast()))
            words.insert(k + "s")
            words.insert(String(k.dropFirst()))
            words.insert(k + "\u{301}")
        }
        for t in Self.texts + Self.randomDates(count: 500, seed: 5) {
            for token in DateParser.tokenize(t) { if let w = token.word { words.insert(w) } }
        }
        words.formUnion(["", "a", "p", "m", "e", "এ", "\u{301}", "m\u{301}", String(repeating: "x", count: 30), "nach", "vor"])
        let list = Array(words)
        for w in list {
            #expect(DateVocabulary.month(w) == DateVocabulary.months[w], "\(w.debugDescription)")
            #expect(DateVocabulary.label(w) == DateVocabulary.labels[w], "\(w.debugDescription)")
            #expect(DateVocabulary.isFiller(w) == DateVocabulary.fillers.contains(w), "\(w.debugDescription)")
            #expect(DateVocabulary.meridiem(w) == DateVocabulary.meridiems[w], "\(w.debugDescription)")
        }
        let parts = ["a", "p", "m", "am", "", "এ", "এম", "পি", "\u{301}", "m\u{301}", "vor", "m", "nach", "x", "午", "前", ".m"]
        for a in parts + list.prefix(300) {
            for b in parts {
                #expect(DateVocabulary.meridiem(a, b) == DateVocabulary.meridiems[a + b], "\(a.debugDescription) \(b.debugDescription)")
            }
        }
    }

    // MARK: Credits

    @Test("a text the unmarked-credit check turns away does not read as a credit")
    func mayBeUnmarkedByline() {
        var credits = 0
        for t in Self.texts {
            let reads = PageClueFinder.readsAsUnmarkedByline(t)
            if !PageClueFinder.mayBeUnmarkedByline(t) { #expect(!reads, "\(t.debugDescription)") }
            #expect(PageClueFinder.looksLikeUnmarkedByline(t) == reads, "\(t.debugDescription)")
            if reads { credits += 1 }
        }
        #expect(credits > 20)
    }

    @Test("isBareLead from ASCII bytes agrees with lower-casing, trimming and comparing Strings")
    func bareLead() {
        for t in Self.texts {
            let reference: Bool = {
                guard let f = t.utf8.first(where: { $0 != 0x20 && $0 != 0x3A }), PageClueFinder.leadInitials.contains(f | 0x20) else { return false }
                return PageClueFinder.leadPhrases.contains(t.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " :")))
            }()
            #expect(PageClueFinder.isBareLead(t) == reference, "\(t.debugDescription)")
        }
        #expect(PageClueFinder.isBareLead(" Written By: "))
        #expect(!PageClueFinder.isBareLead("By Jane"))
    }

    @Test("credit lines: the byte check agrees with lower-casing, trimming and the prefix test")
    func creditLine() {
        for t in Self.texts {
            let lower = t.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "( "))
            let reference = BylineParser.creditPrefixes.contains { UTF8Scan.hasPrefix(lower, $0) }
            #expect(BylineParser.isCreditLine(t) == reference, "\(t.debugDescription)")
            if BylineParser.surelyNoCreditLine(t) { #expect(!reference, "\(t.debugDescription)") }
        }
    }

    @Test("looksLikeName and stripLead give the answers of their former code")
    func bylineHelpers() {
        let parser = BylineParser()
        for t in Self.texts {
            #expect(BylineParser.looksLikeName(t) == Self.looksLikeNameReference(t), "\(t.debugDescription)")
            #expect(parser.stripLead(t) == Self.stripLeadReference(t), "\(t.debugDescription)")
            for w in t.split(separator: " ") { #expect(BylineParser.holdsAt(w) == w.contains("@"), "\(w.debugDescription)") }
        }
    }

    static func looksLikeNameReference(_ s: String) -> Bool {
        guard s.count <= 60, s.split(separator: " ").count <= 6 else { return false }
        guard s.contains(where: { $0.isLetter }) else { return false }
        if s.contains(where: { $0.isNumber }) { return false }
        let lower = s.lowercased()
        if !lower.contains(" "),
            DateVocabulary.months[UTF8Scan.hasAlphanumericEdges(lower) ? lower : lower.trimmingCharacters(in: .punctuationCharacters)] != nil
        {
            return false
        }
        for junk in ["updated", "published", "min read", "minutes", "share", "follow", "comments", "click", "photo", "image"] where lower.contains(junk) {
            return false
        }
        return true
    }

    static func stripLeadReference(_ piece: String) -> String {
        var p = UTF8Scan.hasNoEdgeSpace(piece) ? piece : piece.trimmingCharacters(in: .whitespaces)
        if let f = p.first, f.isLowercase {
            for lead in [" von ", " by ", " par ", " por ", " door "] {
                if let r = p.range(of: lead) { p = String(p[r.upperBound...]); break }
            }
        }
        let lower = p.lowercased()
        for lead in BylineParser.leadWords {
            if lower == lead { return "" }
            if UTF8Scan.hasPrefix(lower, lead + " ") || UTF8Scan.hasPrefix(lower, lead + ":") {
                p = String(p.dropFirst(lead.count)).trimmingCharacters(in: BylineParser.whitespaceAndColon)
                break
            }
        }
        return p
    }

    @Test("separator lists answer as String.contains for every scalar of the Basic Multilingual Plane and joined Characters")
    func characterLists() {
        let lists = ["|·•", ",;|/•·\n", "|·•–—-", "|·•⋅"]
        var characters: [Character] = (0...0xFFFF).compactMap { Unicode.Scalar(UInt32($0)).map(Character.init) }
        characters += ["\r\n", "|\u{301}", ",\u{301}", "\u{387}", "\u{37E}", "e\u{301}", "👩‍👩‍👧", "\u{1F1E9}\u{1F1EA}"]
        for set in lists {
            let list = UTF8Scan.CharacterList(set)
            for c in characters where list.contains(c) != set.contains(c) {
                Issue.record("\(set.debugDescription) \(String(c).unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }

    // MARK: Counting and collapsing

    @Test("the collapsing buffer gives HTMLDocument.collapse, and its Character limits agree with String.count")
    func collapsedTextBuffer() {
        var buffer = CollapsedTextBuffer(cap: 161)
        for t in Self.texts + [String(repeating: "é ", count: 120), String(repeating: "ক্ষ ", count: 60), String(repeating: "“x” ", count: 60)] {
            var out: [UInt8] = []
            Array(t.utf8).withUnsafeBufferPointer { HTMLDocument.collapseBytes($0, into: &out) }
            let expected = HTMLDocument.collapse(t)
            #expect(String(decoding: out, as: UTF8.self) == expected, "\(t.debugDescription)")
            let doc = try? parseHTML("<p>\(t.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;"))</p>")
            if let doc, let p = doc.elements(.p).first, let n = doc.firstChild(p), doc.isText(n) {
                buffer.load(doc, n)
                #expect(buffer.text == doc.collapsedText(n))
                let count = buffer.text.count
                for k in [0, 1, 5, 40, 80, 100, 160] { #expect(buffer.atMost(k) == (count <= k), "\(t.debugDescription) \(k)") }
            }
        }
    }

    @Test("a text whose scalars are all Characters by the byte check has as many Characters as scalars")
    func scalarsAreCharacters() {
        var simple: [String] = []
        var rng = SplitMix64(seed: 7)
        let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0x9...0xC, 0xE...0x1F, 0x80...0x2FF, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20BF]
        for _ in 0..<2000 {
            var s = String.UnicodeScalarView()
            for _ in 0..<Int(rng.next() % 6 + 1) {
                let r = ranges[Int(rng.next() % UInt64(ranges.count))]
                s.append(Unicode.Scalar(r.lowerBound + UInt32(rng.next() % UInt64(r.count)))!)
            }
            simple.append(String(s))
        }
        for t in Self.texts + simple {
            if let n = UTF8Scan.scalarsAreCharacters(t) {
                #expect(n == t.count, "\(t.unicodeScalars.map { String($0.value, radix: 16) })")
            }
            for cap in [1, 40, 161] { #expect(UTF8Scan.characterCount(of: t, cappedAt: cap) == min(t.count, cap)) }
        }
        #expect(simple.allSatisfy { UTF8Scan.scalarsAreCharacters($0) != nil })
        #expect(UTF8Scan.scalarsAreCharacters("e\u{301}") == nil)
        #expect(UTF8Scan.scalarsAreCharacters("\r\n") == nil)
        #expect(UTF8Scan.scalarsAreCharacters("a\u{200D}b") == nil)
    }

    // MARK: Headlines

    @Test("normalize and withoutSpaces give the answers of their former code")
    func headlineHelpers() {
        // Every scalar of the Indic blocks (read from a table made from their categories).
        let indic = (UInt32(0x8F0)..<0xE10).compactMap(Unicode.Scalar.init).map { String($0) }
        for t in Self.texts + [indic.joined(), indic.joined(separator: " "), indic.joined(separator: "A-")] {
            #expect(HeadlineSelector.normalize(t) == Self.normalizeReference(t), "\(t.debugDescription)")
            #expect(HeadlineSelector.withoutSpaces(t) == String(decoding: t.utf8.filter { $0 != 0x20 }, as: UTF8.self))
        }
    }

    @Test("the headline score skipping word comparisons decides as the maximum over every reference")
    func headlineScores() {
        let words = ["the", "new", "jane", "doe", "wins", "race", "in", "dhaka", "ঢাকা", "নির্বাচন", "e\u{301}lan", "\u{e9}lan", "2024", "x",
                     "The", "a\r\nb", "", "the"]
        var rng = SplitMix64(seed: 0x5C0E)
        func text() -> String {
            let n = Int(rng.next() % 14) + (rng.next() % 5 == 0 ? 0 : 1)
            return (0..<n).map { _ in words[Int(rng.next() % UInt64(words.count))] }.joined(separator: " ")
        }
        var decided = 0
        for _ in 0..<1500 {
            let refs = (0..<Int(rng.next() % 4)).map { k in (HeadlineSelector.Compared(text()), k == 0 ? 1.0 : 0.95) }
            var a = text()
            if rng.next() % 3 == 0, let r = refs.first { a = r.0.text + (rng.next() % 2 == 0 ? "" : " " + r.0.text) }
            let cn = HeadlineSelector.Compared(a)
            for r in refs { #expect(HeadlineSelector.similarity(cn, r.0) == Self.similarityReference(cn, r.0), "\(a.debugDescription)") }
            let reference = refs.map { Self.similarityReference(cn, $0.0) * $0.1 }.max() ?? 0
            let score = HeadlineSelector.bestScore(cn, refs)
            if reference >= 0.8 {
                #expect(score == reference, "\(a.debugDescription)")
                decided += 1
            } else {
                #expect(score < 0.8, "\(a.debugDescription)")
            }
        }
        #expect(decided > 50)
    }

    /// The headline similarity as it was: words compared as Substrings in a Set.
    static func similarityReference(_ a: HeadlineSelector.Compared, _ b: HeadlineSelector.Compared) -> Double {
        if a.bytes == b.bytes { return 1 }
        if a.bytes.isEmpty || b.bytes.isEmpty { return 0 }
        if UTF8Scan.contains(a.bytes, b.bytes) || UTF8Scan.contains(b.bytes, a.bytes) {
            let la = Double(a.text.count), lb = Double(b.text.count)
            return min(la, lb) / max(la, lb)
        }
        let wa = UTF8Scan.spaceSplit(a.text), wb = UTF8Scan.spaceSplit(b.text)
        let set = Set(wb)
        let common = wa.filter { set.contains($0) }.count
        return 2 * Double(common) / Double(wa.count + wb.count) * 0.95
    }

    static func normalizeReference(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        func put(_ v: Unicode.Scalar) {
            if space, !out.isEmpty { out.append(" ") }
            space = false
            out.append(v)
        }
        for sc in s.unicodeScalars {
            let v = sc.value
            if v < 0x80 {
                if (v &- 0x41) < 26 { put(Unicode.Scalar(v | 0x20)!) } else if (v &- 0x61) < 26 || (v &- 0x30) < 10 { put(sc) } else { space = true }
                continue
            }
            if v == 0x200C || v == 0x200D { put(sc); continue }
            switch sc.properties.generalCategory {
            case .uppercaseLetter, .titlecaseLetter:
                for l in sc.properties.lowercaseMapping.unicodeScalars { put(l) }
            case .lowercaseLetter, .modifierLetter, .otherLetter, .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark:
                put(sc)
            default:
                space = true
            }
        }
        return String(out)
    }

    // MARK: Language

    /// Language detection and its function-word scores read the scalars decoded in place (what
    /// iterating `unicodeScalars` gave them); ``LanguageTests`` check the languages themselves.
    @Test("decoding UTF-8 in place gives the String's scalars")
    func decodeScalars() {
        for t in Self.texts {
            var t = t
            let decoded: [Unicode.Scalar] = t.withUTF8 { b in
                var out: [Unicode.Scalar] = []
                var i = 0
                while i < b.count {
                    let (s, next) = UTF8Scan.decode(at: i, in: b)
                    out.append(s)
                    i = next
                }
                return out
            }
            #expect(decoded == Array(t.unicodeScalars), "\(t.debugDescription)")
        }
    }

    @Test("function-word counts with the ASCII loop are those of the former scalar-by-scalar code")
    func functionWordCounts() {
        // Long texts too: words of more than eight and of more than 24 bytes, and more than 1,500 words.
        let words = ["the", "The", "AND", "und", "Überall", "été", "l'homme", "don't", "internationalization",
                     "Donaudampfschifffahrtsgesellschaftskapitän", "supercalifragilisticexpialidocious", "और", "में",
                     "“quoted”", "—", "de", "la", "ΑΘΗΝΑ", "İstanbul", "\u{212A}elvin", "x\u{301}", "3", "C3PO", "ǅ"]
        var rng = SplitMix64(seed: 0x1A46)
        let long = (0..<20).map { _ in
            (0..<Int(rng.next() % 2500)).map { _ in words[Int(rng.next() % UInt64(words.count))] }
                .joined(separator: [" ", ", ", "\n", ". ", "—", "\u{A0}"][Int(rng.next() % 6)])
        }
        for t in Self.texts + long {
            for table in [LanguageDetector.latinTable, LanguageDetector.devanagariTable] {
                var t = t
                let (scores, count) = t.withUTF8 { LanguageDetector.countWords($0, in: table) }
                let (refScores, refCount) = Self.countWordsReference(t, in: table)
                #expect(scores == refScores && count == refCount, "\(t.prefix(80).debugDescription)")
            }
        }
        // Scalars of General Punctuation, read as no word letters, are neither letters nor marks.
        for v in UInt32(0x2000)..<0x2070 {
            let c = Unicode.Scalar(v)!.properties.generalCategory
            #expect(![.uppercaseLetter, .titlecaseLetter, .lowercaseLetter, .modifierLetter, .otherLetter, .nonspacingMark,
                      .spacingMark, .enclosingMark].contains(c), "U+\(String(v, radix: 16))")
        }
    }

    @Test("the white-space test without property look-ups for ASCII agrees with the Unicode property")
    func whitespaceScalars() {
        for v in UInt32(0)..<0x3100 {
            guard let s = Unicode.Scalar(v) else { continue }
            #expect(HeadlineSelector.isWhitespace(s) == s.properties.isWhitespace, "U+\(String(v, radix: 16))")
        }
    }

    @Test("ASCII letters counted eight bytes at a time are those counted byte by byte")
    func asciiLetterCounts() {
        func reference(_ w: UInt64) -> Int {
            (0..<8).filter { k in (UInt8(truncatingIfNeeded: w >> (8 * UInt64(k))) | 0x20) &- 0x61 < 26 }.count
        }
        var rng = SplitMix64(seed: 0xA5C11)
        for k in 0..<8 {
            for v in UInt64(0)..<0x80 {
                let w = (rng.next() & 0x7F7F_7F7F_7F7F_7F7F) & ~(0xFF << (8 * UInt64(k))) | v << (8 * UInt64(k))
                #expect(LanguageDetector.asciiLetterCount(w) == reference(w), "\(String(w, radix: 16))")
            }
        }
    }

    @Test("byline segments and words split from the bytes are those of the Character splits")
    func bylineSplits() {
        for t in Self.texts + ["a | b", "x \u{387} y", "Jane · Doe", "A•B", "|", "p\u{301}|q", "|\u{301}", "a\r\nb", "a \u{301}b\tc\nd"] {
            let parts = t.split(whereSeparator: { BylineParser.segmentSeparators.contains($0) })
            if !BylineParser.mayHoldSegmentSeparator(t) { #expect(parts.count <= 1, "\(t.debugDescription)") }
            #expect(BylineParser.splitAtBlanks(t) == t.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }), "\(t.debugDescription)")
        }
    }

    @Test("eight bytes read as ASCII without a digit are so byte by byte")
    func asciiWithoutDigit() {
        var rng = SplitMix64(seed: 0xD161)
        for k in 0..<8 {
            for v in UInt64(0)..<0x100 {
                let w = (rng.next() & 0x7F7F_7F7F_7F7F_7F7F) & ~(0xFF << (8 * UInt64(k))) | v << (8 * UInt64(k))
                let reference = (0..<8).allSatisfy { j in
                    let c = UInt8(truncatingIfNeeded: w >> (8 * UInt64(j)))
                    return c < 0x80 && c &- 0x30 >= 10
                }
                #expect(DateParser.asciiWithoutDigit(w) == reference, "\(String(w, radix: 16))")
            }
        }
    }

    /// ``LanguageDetector/countWords(_:in:)`` as it was: every scalar decoded and classed.
    static func countWordsReference(_ text: String, in table: LanguageDetector.WordTable) -> ([Int], Int) {
        var scores = [Int](repeating: 0, count: table.languages.count)
        var words = 0
        var key = LanguageDetector.WordKey()
        var fits = true
        for s in text.unicodeScalars {
            var v = s.value
            let inWord: Bool
            if v < 0x80 {
                if (v &- 0x41) < 26 { v |= 0x20; inWord = true } else { inWord = (v &- 0x61) < 26 || v == 0x27 }
            } else if v >= 0x0900 && v < 0x0980 {
                inWord = !(v == 0x0964 || v == 0x0965 || (v >= 0x0966 && v <= 0x0970))
            } else if v >= 0xC0 && v <= 0xDE && v != 0xD7 {
                v |= 0x20
                inWord = true
            } else if v >= 0xDF && v <= 0xFF {
                inWord = v != 0xF7
            } else {
                let p = s.properties
                switch p.generalCategory {
                case .uppercaseLetter, .titlecaseLetter:
                    v = p.lowercaseMapping.unicodeScalars.first?.value ?? v
                    inWord = true
                case .lowercaseLetter, .modifierLetter, .otherLetter, .nonspacingMark, .spacingMark, .enclosingMark:
                    inWord = true
                default:
                    inWord = false
                }
            }
            if inWord {
                if fits {
                    for byte in Unicode.UTF8.encode(Unicode.Scalar(v)!)! where fits { fits = key.append(byte) }
                }
            } else {
                LanguageDetector.flush(&key, &fits, &words, &scores, table)
                if words >= 1500 { break }
            }
        }
        LanguageDetector.flush(&key, &fits, &words, &scores, table)
        return (scores, words)
    }

    // MARK: Attributions

    @Test("agency credits found through the candidate spellings are those found by searching every spelling")
    func attributions() {
        var found = 0
        for t in Self.texts {
            let credits = AttributionFinder().credits(in: t)
            #expect(credits == Self.creditsReference(t), "\(t.debugDescription)")
            found += credits.count
        }
        #expect(found > 20)
    }

    /// Every spelling searched for: acronyms as written, names in the lowered text.
    static func creditsReference(_ paragraph: String) -> [String] {
        guard !paragraph.isEmpty else { return [] }
        let text = Array(paragraph.utf8)
        let lower = UTF8Scan.asciiLowered(text)
        let finder = AttributionFinder()
        return AgencyCatalog.all.filter { agency in
            agency.acronyms.contains { a in
                AttributionFinder.wordMatches(of: Array(a.utf8), in: text, bengaliSuffixes: false).contains { finder.isCredit($0, text: text, lower: lower) }
            } || agency.names.contains { n in
                AttributionFinder.wordMatches(of: UTF8Scan.asciiLowered(n), in: lower, bengaliSuffixes: AgencyCatalog.isBengali(n))
                    .contains { finder.isCredit($0, text: text, lower: lower) }
            }
        }.map(\.name)
    }

    // MARK: Nodes

    /// Checks every shortcut on every node of `doc` against its reference; returns how many
    /// checks found something (a byline word, a date, a marked element), so a test can tell that
    /// its pages reached the slow paths too.
    @discardableResult
    static func checkNodes(_ doc: HTMLDocument, _ name: String) -> Int {
        let finder = PageClueFinder(doc: doc)
        var buffer = CollapsedTextBuffer(cap: 161)
        var hits = 0
        for i in 0..<doc.count {
            let n = NodeID(i)
            if doc.isElement(n) {
                let a = doc.clueAttributes(n)
                let cls = doc.loweredClassAndIDBytes(n)
                #expect(a.isEmpty == cls.isEmpty, "\(name) \(i)")
                for needles in [PageClueFinder.bylineHintBytes, PageClueFinder.dateHintBytes, PageClueFinder.skipHintBytes] {
                    let expected = UTF8Scan.containsAny(cls, needles.bytes)
                    #expect(doc.classOrIDContainsAny(a, needles) == expected, "\(name) \(i)")
                    if expected { hits += 1 }
                }
                #expect(doc.classOrIDContains(a, PageClueFinder.avatarBytes) == UTF8Scan.contains(cls, PageClueFinder.avatarBytes))
                // The one-pass hint bits: each fragment's bit is set exactly when the lowered class and id contain it.
                for (j, needle) in ClueHints.needles.enumerated() {
                    #expect((a.hints >> UInt64(j)) & 1 == (UTF8Scan.contains(cls, needle) ? 1 : 0), "\(name) \(i) \(j)")
                }
                #expect((a.hints & ClueHints.byline != 0) == UTF8Scan.containsAny(cls, PageClueFinder.bylineHintBytes.bytes), "\(name) \(i)")
                #expect((a.hints & ClueHints.date != 0) == UTF8Scan.containsAny(cls, PageClueFinder.dateHintBytes.bytes), "\(name) \(i)")
                #expect((a.hints & ClueHints.skip != 0) == UTF8Scan.containsAny(cls, PageClueFinder.skipHintBytes.bytes), "\(name) \(i)")
                #expect((a.hints & ClueHints.avatar != 0) == UTF8Scan.contains(cls, PageClueFinder.avatarBytes), "\(name) \(i)")
                #expect(a.relAuthor == doc.attributeEqualsIgnoringCase("rel", PageClueFinder.authorBytes, of: n), "\(name) \(i)")
                #expect(a.itempropAuthor == doc.attributeEqualsIgnoringCase("itemprop", PageClueFinder.authorBytes, of: n), "\(name) \(i)")
                let link: Bool = {
                    guard doc.tag(n) == .a, let r = doc.attributeRange("href", of: n), r.count >= 8 else { return false }
                    return UTF8Scan.containsAny(UTF8Scan.asciiLowered(Array(doc.bytes[r])), PageClueFinder.authorPathBytes.bytes)
                }()
                #expect(finder.isAuthorLink(n) == link, "\(name) \(i)")
                // The href of the one pass, and the link test on it, as the clue loop reads them.
                #expect(a.href == doc.attributeRange("href", of: n), "\(name) \(i)")
                #expect((doc.tag(n) == .a && finder.isAuthorLink(href: a.href)) == link, "\(name) \(i)")
                if link { hits += 1 }
            } else if doc.isText(n) {
                let t = doc.collapsedText(n)
                buffer.load(doc, n)
                #expect(buffer.text == t, "\(name) \(i)")
                #expect(buffer.withBytes { Array($0) } == Array(t.utf8), "\(name) \(i)")
                #expect(buffer.withBytes(PageClueFinder.mayBeUnmarkedByline) == FieldsScannerTests.mayBeUnmarkedBylineReference(Array(t.utf8)), "\(name) \(i)")
                #expect(buffer.withBytes(DateParser.mayHaveDate) == FieldsScannerTests.mayHaveDateReference(Array(t.utf8)), "\(name) \(i)")
                #expect(buffer.withBytes(PageClueFinder.mayBeNameAndDate) == FieldsScannerTests.mayBeNameAndDateReference(Array(t.utf8)), "\(name) \(i)")
                if doc.textByteCount(n) <= 400 {
                    let dated = !DateParser().scanTokens(t).isEmpty
                    #expect(buffer.withBytes(DateParser.mayHaveDate) || !dated, "\(name) \(i) \(t.debugDescription)")
                    let credit = PageClueFinder.readsAsUnmarkedByline(t)
                    #expect(buffer.withBytes(PageClueFinder.mayBeUnmarkedByline) || !credit, "\(name) \(i) \(t.debugDescription)")
                    #expect(finder.mayBeBareLead(n) || !PageClueFinder.isBareLead(t), "\(name) \(i)")
                    #expect(BylineParser.isCreditLine(t) == BylineParser.creditPrefixes.contains {
                        UTF8Scan.hasPrefix(t.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "( ")), $0)
                    })
                    if dated || credit { hits += 1 }
                }
                if doc.textByteCount(n) <= 24 {
                    let reference: PageClueFinder.LabelKind? = finder.labelKey(n).flatMap { key in
                        if let d = Self.dateLabelBytes[key] { return .date(d) }
                        return Self.authorLabelBytes.contains(key) ? .author : nil
                    }
                    #expect(finder.labelKind(n) == reference, "\(name) \(i) \(t.debugDescription)")
                    if reference != nil { hits += 1 }
                }
                if doc.textByteCount(n) >= 40 {
                    #expect(AttributionFinder().credits(in: t) == Self.creditsReference(t), "\(name) \(i)")
                }
            }
        }
        return hits
    }

    /// The label tables as the clue finder kept them before: keyed by bytes.
    static let dateLabelBytes: [[UInt8]: DateParser.Match.Label] = Dictionary(
        uniqueKeysWithValues: PageClueFinder.standaloneDateLabels.map { (Array($0.key.utf8), $0.value) })
    static let authorLabelBytes: Set<[UInt8]> = Set(PageClueFinder.authorLabels.map { Array($0.utf8) })

    @Test("element and text-node shortcuts agree with their references on fixture markup")
    func fixtureNodes() throws {
        let html = """
            <html><body>
            <div CLASS="Post-Meta Byline" id="Top" class="ignored"><span rel="AUTHOR">By <a href="/Author/jane-doe">Jane Doe</a></span>
            <time class="DATE">Dec 17, 2025</time></div>
            <div id="related-stories"><a href="https://example.com/writers/x">x</a><a href="//www.example.com/au">y</a></div>
            <p class="" id="">Autorin/Autor</p><p>  Datum : </p><p itemprop="Author">Roman</p><p class="x" id="">Published:</p>
            <img class="user-AVATAR"><a href="/PROFILE/AUTHOR/7">Profile</a><span class="datdate pbyline0 Ñav x-TAGS" id="SHARE">s</span>
            <span class="by-lin by-line" id="n">t</span><i class="ppos pposted-by" id="">u</i><b class="a" id="v">v</b><em class="comment\u{301}s">w</em><a href="/reports/">Reports</a>
            <p>Words By:</p><p> ৫ ডিসেম্বর ২০২৪ </p><p>কালবেলা ডেস্ক</p><p>DHAKA (Reuters) - The government said on Monday, according to AFP.</p>
            </body></html>
            """
        let doc = try parseHTML(html)
        #expect(Self.checkNodes(doc, "fixture") >= 8)
    }

    @Test("element and text-node shortcuts agree with their references on every node of corpus pages",
          .enabled(if: ParseEquivalenceTests.corpusRoot != nil, "../shared/corpus (or NEWSFLOW_CORPUS) is not available: fetched pages are never part of the project"))
    func corpusNodes() throws {
        let documents = ParseEquivalenceTests.corpusDocuments(["scrapinghub_aeb", "southasia", "fundus", "wcxb-article"], perFolder: 12)
        var hits = 0
        for (name, doc) in documents { hits += Self.checkNodes(doc, name) }
        #expect(!documents.isEmpty)
        #expect(hits > 100)
    }
}
