import Foundation
import Schemas

/// Turns a byline as printed into the people and organisations it credits, each with a role.
///
/// - Splits on `and`, `&`, `,`, `;`, `|` and their equivalents (`und`, `et`, `y`, `e`, `en`, `och`,
///   `og`, `ও`, `এবং`, `और`).
/// - Strips lead words (`By`, `Von`, `Par`, `Por`, `Door`, `লেখক:`, `Written by` …), dates and
///   times, `Updated …`/`Published …`, e-mail addresses, URLs and `@handles`.
/// - Roles: a wire agency (`বাসস`, `AFP`, `Reuters`) is ``ArticleRecord/AuthorRole/agency``; a desk
///   or bureau (`কালবেলা ডেস্ক`, `International Desk`, `वाराणसी ब्यूरो`) is `desk`; an unnamed staff
///   credit (`নিজস্ব প্রতিবেদক`, `Staff Reporter`) is `staff`; a correspondent (`সিলেট প্রতিনিধি`,
///   `Correspondent, Sylhet`) is `correspondent`, and the place after such a credit is dropped;
///   anyone else is a `reporter`.
/// - Academic and professional suffixes (`PhD`, `MD`, `RD`) stay with the name before them.
/// - Names are de-duplicated ignoring case.
public struct BylineParser: Sendable {
    public init() {}

    // MARK: Vocabulary

    static let leadWords: [String] = [
        "written by", "reported by", "reviewed by", "edited by", "story by", "words by", "text by", "posted by", "published by",
        "recipe by", "article by", "by",
        "von", "par", "por", "door", "di", "da", "av", "af", "przez", "autor", "autorin", "author", "auteur",
        "text", "texte", "redaktion", "লেখক", "লিখেছেন", "প্রতিবেদন", "লেখা", "लेखक", "द्वारा", "रिपोर्ट",
    ]

    static let deskWords = ["ডেস্ক", "ডেক্স", "desk", "bureau", "ব্যুরো", "ब्यूरो", "डेस्क", "redaktion", "newsroom", "নিউজরুম", "ওয়েব ডেস্ক", "टीम"]
    /// Lower-case words allowed inside a Latin-script name (particles).
    static let particles: Set<String> = ["von", "van", "der", "den", "de", "da", "del", "della", "di", "du", "la", "le", "bin", "bint", "al", "el", "ibn", "zu", "ter", "ten", "dos", "das", "y", "e", "st.", "mc"]
    /// Credits that name no one.
    /// Labels printed after a credit ("Help Net Security Sponsored").
    static let trailingLabels = [" sponsored", " advertisement", " promoted", " anzeige", " partner content"]
    static let junk: Set<String> = ["agencies", "agency", "wires", "wire", "staff and agencies", "and agencies", "reuters staff", "in", "at", "for", "from", "the", "with", "on", "admin", "administrator", "guest", "editor", "unknown", "folgen", "follow", "abonnieren", "subscribe",
                                      // Buttons of author widgets ("Folgen", "Abbruch", "zustimmen").
                                      "abbruch", "abbrechen", "cancel", "comments", "comment", "kommentare", "zustimmen", "gefolgt", "following", "followed", "unfollow",
                                      "entfolgen", "close", "schließen", "more", "mehr", "ok", "suivre", "seguir"]
    /// Words that end a name in some languages ("신현주 기자", "山田太郎記者").
    static let trailingTitles = ["기자", "記者", "特派員", "編集委員", "reporter", "redakteur", "redakteurin"]
    /// The ASCII titles of ``trailingTitles`` as bytes, in the same order (others empty: never matched).
    static let trailingTitleBytes: [[UInt8]] = trailingTitles.map { t in t.utf8.allSatisfy { $0 < 0x80 } ? Array(t.utf8) : [] }
    static let staffPhrases = [
        "নিজস্ব প্রতিবেদক", "স্টাফ রিপোর্টার", "বিশেষ প্রতিনিধি", "বিশেষ প্রতিবেদক", "নিজস্ব সংবাদদাতা",
        "staff reporter", "staff writer", "staff correspondent", "special correspondent", "our correspondent",
        "our reporter", "staff", "special representative", "নিজস্ব প্রতিনিধি", "विशेष संवाददाता", "हमारे संवाददाता",
    ]
    static let correspondentWords = [
        "প্রতিনিধি", "সংবাদদাতা", "প্রতিবেদক", "correspondent", "संवाददाता", "प्रतिनिधि", "korrespondent",
        "correspondant", "corresponsal", "corrispondente", "stringer",
    ]
    /// Connectors that separate names.
    static let connectors: Set<String> = ["and", "&", "und", "et", "y", "e", "en", "och", "og", "ও", "এবং", "और", "i", "a", "ve", "with"]
    static let credentials: Set<String> = [
        "phd", "ph.d", "ph.d.", "md", "m.d.", "rd", "ms", "ma", "mba", "rn", "dr", "do", "jr", "jr.", "sr", "sr.",
        "ii", "iii", "cpa", "fand", "ldn", "cdces", "mph", "msc", "bsc", "dvm", "pharmd", "lcsw", "cpt", "facs",
    ]

    // MARK: Parsing

    /// The authors credited by `byline`, in order.
    public func parse(_ byline: String) -> [ArticleRecord.Author] {
        if Self.isCreditLine(byline) { return [] }
        var pieces = split(clean(byline)).map(Self.truncateAtProse)
        // Each piece without its lead word, made once (``stripLead(_:)`` depends on the piece alone).
        let stripped = pieces.map { stripLead($0) }
        // A sentence is not a byline: any long piece, or prose that names no role, rejects the text.
        let lowered = stripped.map(UTF8Scan.lowercased)
        for (k, p) in pieces.enumerated() where Self.wordCount(p) > 8
            || (Self.hasProseWords(stripped[k]) && Self.role(of: UTF8Scan.lowercased(p)) == nil && lowered.firstIndex(of: lowered[k]) == k
                && !lowered.enumerated().contains { $0.offset != k && $0.element == lowered[k] })
        {
            if Self.truncateAtProse(stripped[k]) == stripped[k], k == 0 || !Self.endsWithLowercaseJobTitle(p) { return [] }
        }
        pieces = stripped.map { s in
            var p = Self.stripTrailingTitle(s)
            if let l = Self.trailingLabel(of: p) { p = String(p.dropLast(l.count)) }
            return p
        }
            .map { UTF8Scan.hasAlphanumericEdges($0, digits: false) ? $0 : UTF8Scan.trimming($0, Self.quotesBracketsDigits) }
            .filter { !$0.isEmpty && !Self.junk.contains(UTF8Scan.lowercased($0)) }
        // Job titles after a name ("Liz Kenny Former McKinsey Consultant", "… Founder & Lead Reviewer").
        pieces = pieces.enumerated().compactMap { k, p in Self.withoutJobTitle(p, isFirst: k == 0) }
        var out: [ArticleRecord.Author] = []
        var lastWasRole = false
        for piece in pieces {
            let lower = UTF8Scan.lowercased(piece)
            // Credentials stay with the name before them.
            if Self.credentials.contains(UTF8Scan.hasAlphanumericEdges(lower) ? lower : UTF8Scan.trimming(lower, .punctuationCharacters))
                || Self.isCredential(piece)
            {
                if var last = out.popLast(), last.role == .reporter || last.role == nil {
                    last.name += ", " + piece
                    out.append(last)
                } else if let last = out.last { _ = last }
                continue
            }
            if let agency = AgencyCatalog.agency(named: piece) {
                _ = agency
                out.append(.init(name: piece, role: .agency))
                lastWasRole = false
                continue
            }
            let role = Self.role(of: lower)
            if let role {
                // "Jane Doe, Sylhet Correspondent": the role belongs to the name before.
                if role == .correspondent, Self.isBareRole(lower), var last = out.popLast(), last.role == .reporter {
                    last.role = .correspondent
                    out.append(last)
                    lastWasRole = true
                    continue
                }
                out.append(.init(name: piece, role: role))
                lastWasRole = role != .reporter
                continue
            }
            // A short piece right after a role credit is its place ("নিজস্ব প্রতিবেদক, সিলেট").
            let words = UTF8Scan.spaceSplitCount(piece)
            if lastWasRole, words <= 2 {
                continue
            }
            // A single word after a full name is a place too ("Jane Doe, Dhaka").
            if words == 1, let last = out.last, last.role == .reporter, UTF8Scan.spaceSplitCount(last.name) >= 2,
                !piece.contains(".")
            {
                continue
            }
            guard Self.looksLikeName(piece), !Self.hasProseWords(piece) else { continue }
            out.append(.init(name: piece, role: .reporter))
            lastWasRole = false
        }
        // De-duplicate, ignoring case.
        var seen = Set<String>()
        return out.filter { seen.insert(UTF8Scan.lowercased($0.name)).inserted }
    }

    /// `trailingLabels.first(where: { UTF8Scan.lowercased(p).hasSuffix($0) })`, lowering `p` once and
    /// asking `hasSuffix` only when the bytes end with the label: the labels are a space and
    /// lower-case ASCII letters, and a Character equal to one of those is that one scalar (no other
    /// scalar or sequence is canonically equivalent to it), so a text whose bytes do not end with a
    /// label does not end with it as Characters either.
    static func trailingLabel(of p: String) -> String? {
        let lower = UTF8Scan.lowercased(p)
        let u = lower.utf8
        for (k, label) in trailingLabels.enumerated() {
            let b = trailingLabelBytes[k]
            guard u.count >= b.count, u.suffix(b.count).elementsEqual(b) else { continue }
            if lower.hasSuffix(label) { return label }
        }
        return nil
    }

    static let trailingLabelBytes: [[UInt8]] = trailingLabels.map { Array($0.utf8) }

    static let deskWordBytes: [(bytes: [UInt8], bengali: Bool)] = deskWords.map { (Array($0.utf8), AgencyCatalog.isBengali($0)) }
    static let correspondentWordBytes: [(bytes: [UInt8], bengali: Bool)] = correspondentWords.map {
        (Array($0.utf8), AgencyCatalog.isBengali($0))
    }

    static let staffPhraseBytes: [[UInt8]] = staffPhrases.map { Array($0.utf8) }

    /// The role a credit's words imply, `nil` for a plain name.
    static func role(of lower: String) -> ArticleRecord.AuthorRole? {
        let bytes = Array(lower.utf8)
        for p in staffPhraseBytes where p.count <= bytes.count {
            // The whole text, its first words or its last words.
            if p.count == bytes.count {
                if p == bytes { return .staff }
                continue
            }
            if UTF8Scan.matches(p, in: bytes, at: 0), bytes[p.count] == 0x20 { return .staff }
            if UTF8Scan.matches(p, in: bytes, at: bytes.count - p.count), bytes[bytes.count - p.count - 1] == 0x20 { return .staff }
        }
        // Words whose byte pairs are not all in the text are skipped without a search.
        let mask = UTF8Scan.PairMask(bytes)
        for k in deskWordBytes.indices where mask.mayContain(deskWordMasks[k]) {
            if containsWord(deskWordBytes[k].bytes, in: bytes, bengali: deskWordBytes[k].bengali) { return .desk }
        }
        for k in correspondentWordBytes.indices where mask.mayContain(correspondentWordMasks[k]) {
            if containsWord(correspondentWordBytes[k].bytes, in: bytes, bengali: correspondentWordBytes[k].bengali) { return .correspondent }
        }
        return nil
    }

    static let deskWordMasks = deskWordBytes.map { UTF8Scan.PairMask($0.bytes) }
    static let correspondentWordMasks = correspondentWordBytes.map { UTF8Scan.PairMask($0.bytes) }

    /// True for a role with no name ("Correspondent", "Sylhet Correspondent", "সিলেট প্রতিনিধি").
    static func isBareRole(_ lower: String) -> Bool {
        UTF8Scan.spaceSplitCount(lower) <= 3
    }

    /// True when `word` occurs in `text` with no word character before it, nor after it unless the
    /// word is Bengali (case endings attach: "ডেস্কের").
    static func containsWord(_ word: [UInt8], in text: [UInt8], bengali: Bool) -> Bool {
        var from = 0
        while let at = UTF8Scan.find(word, in: text, from: from) {
            from = at + 1
            let end = at + word.count
            let okBefore = at == 0 || !UTF8Scan.isWordScalar(UTF8Scan.scalar(before: at, in: text).value)
            let okAfter = bengali || end >= text.count || !UTF8Scan.isWordScalar(UTF8Scan.scalar(at: end, in: text).value)
            if okBefore && okAfter { return true }
        }
        return false
    }

    static func isCredential(_ piece: String) -> Bool {
        // An ASCII text without CR has a Character per byte: more than seven bytes, more than seven Characters.
        if piece.utf8.count > 7, UTF8Scan.isPlainASCII(piece) { return false }
        // (The Character limit first, from the bytes when they settle it: most pieces are longer.)
        guard UTF8Scan.characterCount(of: piece, isAtMost: 7) else { return false }
        let letters = piece.filter { $0.isLetter }
        return !letters.isEmpty && letters.count <= 5 && letters.allSatisfy { $0.isUppercase }
            && !piece.contains(" ") && AgencyCatalog.agency(named: piece) == nil
    }

    /// True for Latin-script text with a lower-case word that is not a name particle: prose, not a name.
    static func hasProseWords(_ s: String) -> Bool {
        if UTF8Scan.isPlainASCII(s) {
            // ASCII: a word's first Character is its first byte; only a lower-case letter a-z starts prose.
            for w in s.utf8.split(separator: 0x20) where w.first! &- 0x61 < 26 {
                let word = Substring(w)
                if !particles.contains(word.lowercased()), AgencyCatalog.agency(named: String(word)) == nil { return true }
            }
            return false
        }
        for w in UTF8Scan.spaceSplit(s) {
            guard let f = w.first, f.isLetter, f.isASCII || (f.unicodeScalars.first!.value < 0x250) else { continue }
            // Lower-case words are prose, except name particles and agencies written in lower case ("dpa", "epd").
            if f.isLowercase, !particles.contains(w.lowercased()), AgencyCatalog.agency(named: String(w)) == nil { return true }
        }
        return false
    }

    /// "Niko Matsakis on behalf of …" → "Niko Matsakis": two to four capitalised words before prose.
    static func truncateAtProse(_ piece: String) -> String {
        if UTF8Scan.isPlainASCII(piece), wordCount(piece) <= 2 { return piece }
        let words = UTF8Scan.spaceSplit(piece)
        guard words.count > 2 else { return piece }
        var k = 0
        for w in words {
            guard let f = w.first, f.isLetter, f.unicodeScalars.first!.value < 0x250 else { return piece }
            if f.isUppercase || particles.contains(w.lowercased()) { k += 1 } else { break }
        }
        // (A job title's last word is left to ``withoutJobTitle(_:isFirst:)``: "EdTech Content writer".)
        if k >= 2, k <= 4, k < words.count, !leadWords.contains(String(words[k]).lowercased()),
            !(k == words.count - 1 && jobTitleWords.contains(String(words[k])))
        {
            return words[..<k].joined(separator: " ")
        }
        return piece
    }

    /// Photo and source credits that sit in author-like elements ("Foto: REUTERS/…", "ছবি: সংগৃহীত").
    static func isCreditLine(_ t: String) -> Bool {
        if surelyNoCreditLine(t) { return false }
        let lower = UTF8Scan.trimming(UTF8Scan.lowercased(t), parenAndSpace)
        return creditPrefixes.contains { UTF8Scan.hasPrefix(lower, $0) }
    }

    static let creditPrefixes = ["foto", "photo", "bild", "image", "picture", "source", "quelle", "ছবি", "সূত্র", "источник", "фото", "credit", "getty", "illustration"]
    static let asciiCreditPrefixBytes: [[UInt8]] = creditPrefixes.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map { Array($0.utf8) }
    static let longestASCIICreditPrefix = asciiCreditPrefixBytes.map(\.count).max() ?? 0

    /// True when ``isCreditLine(_:)`` is surely false, from the bytes: after the leading spaces and
    /// `(` (ASCII, trimmed and left alone by lower-casing), the text goes on in ASCII at least as
    /// far as the longest ASCII prefix reaches (or to its end), and its ASCII-lowered bytes start
    /// with no prefix. Lower-cased ASCII is ASCII-lowered; the other prefixes start with non-ASCII
    /// bytes; trimming the end only shortens the text.
    static func surelyNoCreditLine(_ t: String) -> Bool {
        var t = t
        return t.withUTF8 { b in
            var i = 0
            while i < b.count, b[i] == 0x20 || b[i] == 0x28 { i += 1 }
            let end = min(b.count, i + longestASCIICreditPrefix)
            for k in i..<end where b[k] >= 0x80 { return false }
            for p in asciiCreditPrefixBytes where p.count <= end - i {
                var same = true
                for k in 0..<p.count where (b[i + k] &- 0x41 < 26 ? b[i + k] | 0x20 : b[i + k]) != p[k] {
                    same = false
                    break
                }
                if same { return false }
            }
            return true
        }
    }

    /// Words of job titles printed after a Latin-script name.
    static let jobTitleWords: Set<String> = [
        "writer", "editor", "contributor", "founder", "co-founder", "cofounder", "reviewer", "consultant", "former",
        "senior", "columnist", "contributing", "producer", "expert", "gardener", "astrologer", "educator",
        "horticulturalist", "horticulturist", "analyst", "journalist", "photographer", "strategist", "specialist",
        "ceo", "cto", "cfo", "president", "associate", "nutritionist", "dietitian", "veterinarian", "attorney",
    ]

    /// `piece` cut before a job title that follows at least two name words; `nil` for a piece that
    /// is only a job title ("Lead Reviewer", "Garden Educator") after the first piece.
    static func withoutJobTitle(_ piece: String, isFirst: Bool) -> String? {
        // An ASCII piece without a job-title word (looked up by its lowered bytes) is kept as it is.
        if UTF8Scan.isPlainASCII(piece), !piece.utf8.split(separator: 0x20).contains(where: isJobTitleWord) { return piece }
        guard let f = piece.unicodeScalars.first, f.value < 0x250 else { return piece }
        let words = UTF8Scan.spaceSplit(piece)
        let titleAt = words.firstIndex { jobTitleWords.contains($0.lowercased()) }
        guard let t = titleAt else { return piece }
        // "AP Sports Writer": the agency's staff, credited as the agency.
        if t >= 1, AgencyCatalog.agency(named: String(words[0])) != nil { return String(words[0]) }
        // A title in lower case after capitalised words is a job title, not a name ("EdTech Content writer").
        if !isFirst, endsWithLowercaseJobTitle(piece) { return nil }
        if t >= 2 { return words[..<t].joined(separator: " ") }
        if !isFirst, words.count <= 3, jobTitleWords.contains(words[words.count - 1].lowercased()) { return nil }
        return piece
    }

    /// True when the ASCII word `w`, lowered, is one of ``jobTitleWords`` (which are ASCII: no other
    /// text is canonically equivalent to them).
    static func isJobTitleWord(_ w: Substring.UTF8View) -> Bool {
        guard w.count <= 24 else { return false }
        var key = LanguageDetector.WordKey()
        for c in w { _ = key.append(c &- 0x41 < 26 ? c | 0x20 : c) }
        return jobTitleWordTable[key] != nil
    }

    static let jobTitleWordTable: WordKeyTable<Bool> = {
        precondition(jobTitleWords.allSatisfy { $0.utf8.count <= 24 && $0.utf8.allSatisfy { $0 < 0x80 } })
        return WordKeyTable(Dictionary(uniqueKeysWithValues: jobTitleWords.map { (LanguageDetector.WordKey($0), true) }), filler: false)
    }()

    /// `s.split(separator: " ").count`, counted on the bytes of an ASCII text (a CR LF pair, one
    /// Character, holds no space).
    static func wordCount(_ s: String) -> Int {
        guard s.utf8.allSatisfy({ $0 < 0x80 }) else { return UTF8Scan.spaceSplitCount(s) }
        var n = 0
        var inWord = false
        for c in s.utf8 {
            if c == 0x20 { inWord = false } else if !inWord { inWord = true; n += 1 }
        }
        return n
    }

    /// True for two or three words ending in a job title written in lower case ("EdTech Content writer").
    static func endsWithLowercaseJobTitle(_ piece: String) -> Bool {
        let words = UTF8Scan.spaceSplit(piece)
        guard (2...3).contains(words.count), let last = words.last, last.first?.isLowercase == true else { return false }
        return jobTitleWords.contains(String(last)) && !words.dropLast().contains { jobTitleWords.contains($0.lowercased()) }
    }

    static func stripTrailingTitle(_ s: String) -> String {
        // "Guardian staff reporter" is a staff credit, kept whole.
        if role(of: UTF8Scan.lowercased(s)) == .staff { return s }
        // An ASCII text (a Character per byte) ends with a title only as bytes, and only with an
        // ASCII one; a text that ends with an Indic scalar ends with none (its last Character
        // decomposes to Indic scalars, no title's does).
        if UTF8Scan.isPlainASCII(s) {
            let u = s.utf8
            for t in trailingTitleBytes where !t.isEmpty && u.count > t.count + 1 && u.suffix(t.count).elementsEqual(t) {
                return UTF8Scan.trimming(String(s.dropLast(t.count)), .whitespaces)
            }
            return s
        }
        if let last = s.unicodeScalars.last, last.value &- 0x900 < 0x500 { return s }
        for t in trailingTitles where s.hasSuffix(t) && s.count > t.count + 1 {
            return UTF8Scan.trimming(String(s.dropLast(t.count)), .whitespaces)
        }
        return s
    }

    /// A name has letters, no digits, at most 6 words and 60 characters.
    static func looksLikeName(_ s: String) -> Bool {
        if UTF8Scan.isPlainASCII(s) { return asciiLooksLikeName(s) }
        guard s.count <= 60, UTF8Scan.spaceSplitCount(s) <= 6 else { return false }
        guard s.contains(where: { $0.isLetter }) else { return false }
        if s.contains(where: { $0.isNumber }) { return false }
        let lower = UTF8Scan.lowercased(s)
        let lowerBytes = Array(lower.utf8)
        // A month name alone is a date's remnant ("Jun", "Nov."), not a name.
        if !lower.contains(" "),
            DateVocabulary.months[UTF8Scan.hasAlphanumericEdges(lower) ? lower : UTF8Scan.trimming(lower, .punctuationCharacters)] != nil
        {
            return false
        }
        // (Foundation's search is asked only when the bytes hold the word: the search matches whole
        // Characters of canonically equivalent text, and no text without these ASCII bytes is
        // equivalent to one with them.)
        for (k, junk) in Self.nameJunk.enumerated() where UTF8Scan.contains(lowerBytes, Self.nameJunkBytes[k]) && lower.contains(junk) {
            return false
        }
        return true
    }

    /// ``looksLikeName(_:)`` of an ASCII text without CR, on its bytes: a Character per byte, letters
    /// `A`–`Z` and `a`–`z`, digits `0`–`9`, and the month looked up by the lowered bytes.
    static func asciiLooksLikeName(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard b.count <= 60, wordCount(s) <= 6 else { return false }
        guard b.contains(where: { ($0 | 0x20) &- 0x61 < 26 }) else { return false }
        if b.contains(where: { $0 &- 0x30 < 10 }) { return false }
        let lowerBytes = b.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }
        // A month name alone is a date's remnant ("Jun", "Nov."), not a name.
        if !lowerBytes.contains(0x20) {
            var lo = 0, hi = lowerBytes.count
            while lo < hi, UTF8Scan.isPunctuation(UInt32(lowerBytes[lo])) { lo += 1 }
            while hi > lo, UTF8Scan.isPunctuation(UInt32(lowerBytes[hi - 1])) { hi -= 1 }
            if hi - lo <= 24 {
                var key = LanguageDetector.WordKey()
                for k in lo..<hi { _ = key.append(lowerBytes[k]) }
                if DateVocabulary.asciiEntries[key]?.month != nil { return false }
            }
        }
        // (ASCII: the words are found exactly where their bytes are.)
        for junk in Self.nameJunkBytes where UTF8Scan.contains(lowerBytes, junk) { return false }
        return true
    }

    /// Words that make a piece something else than a name.
    static let nameJunk = ["updated", "published", "min read", "minutes", "share", "follow", "comments", "click", "photo", "image"]
    static let nameJunkBytes = nameJunk.map { Array($0.utf8) }

    /// Date labels a byline is cut at.
    static let cutLabels: [[UInt8]] = [
        "last updated", "last modified", "updated", "published", "posted on", "reviewed on", "আপডেট", "প্রকাশ", "प्रकाशित",
        "अपडेट", "aktualisiert", "veröffentlicht", "mis à jour", "publié",
    ].map { Array($0.utf8) }

    /// Removes dates, `Updated …` tails, e-mail addresses, URLs and handles.
    func clean(_ s: String) -> String {
        var text = s.unicodeScalars.contains("\u{00A0}") ? String(String.UnicodeScalarView(s.unicodeScalars.map { $0 == "\u{00A0}" ? " " : $0 })) : s
        // Cut at a date label or a date.
        let lower = UTF8Scan.asciiLowered(text)
        for label in Self.cutLabels {
            // A text that starts with a date label ("Last Updated: January 7, 2025") credits no one.
            if UTF8Scan.matches(label, in: lower, at: 0) { return "" }
            if let at = UTF8Scan.find(label, in: lower), at != 0 {
                text = String(decoding: Array(text.utf8)[..<at], as: UTF8.self)
                break
            }
        }
        // Drop "·"/"|"/"•"-separated segments that are a date ("Dec. 19, 2025 · Niko Matsakis"); a
        // segment with a name before its date keeps the name ("By Jane Doe, Columnist August 19, 2025 | 3 Comments").
        let segments = Self.mayHoldSegmentSeparator(text) ? text.split(whereSeparator: { Self.segmentSeparators.contains($0) }).map { String($0) } : []
        if segments.count > 1 {
            text = segments.compactMap { seg -> String? in
                guard DateParser().scan(seg).contains(where: { $0.date.isValid }) else { return seg }
                guard let cut = Self.dateStart(in: seg) else { return nil }
                let head = UTF8Scan.trimming(seg[..<cut], Self.spacesAndSeparators)
                return head.contains(where: { $0.isLetter }) ? head : nil
            }.joined(separator: " | ")
        }
        var words: [Substring] = []
        for w in Self.splitAtBlanks(text) {
            if Self.holdsAt(w) || Self.startsWithLinkPrefix(w) { continue }
            words.append(w)
        }
        text = words.joined(separator: " ")
        // Drop a trailing date ("Jane Doe 27 Dec 2024", "Jane Doe | 27.12.2024"); a name after a
        // leading date is kept ("Dec 17, 2025Julian K. Arni", two elements run together).
        if let cut = Self.dateStart(in: text) {
            text = cut == text.startIndex ? Self.nameAfterLeadingDate(text) ?? "" : Self.withoutDatePreposition(String(text[..<cut]))
        }
        return UTF8Scan.hasAlphanumericEdges(text) ? text : UTF8Scan.trimming(text, Self.spacesAndSeparators)
    }

    /// False when no Character of `text` is one of ``segmentSeparators`` (`|`, `·`, `•`): none of
    /// their scalars is in its bytes, nor U+0387 (which is canonically equivalent to `·`). Then its
    /// split at them has at most one part.
    static func mayHoldSegmentSeparator(_ text: String) -> Bool {
        var prev: UInt8 = 0, prev2: UInt8 = 0
        for c in text.utf8 {
            if c == 0x7C || (prev == 0xC2 && c == 0xB7) || (prev == 0xCE && c == 0x87) || (prev2 == 0xE2 && prev == 0x80 && c == 0xA2) {
                return true
            }
            prev2 = prev
            prev = c
        }
        return false
    }

    /// `text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })`, split at the bytes
    /// when every scalar of `text` is surely a Character of its own (``UTF8Scan/scalarsAreCharacters(_:)-(String)``).
    static func splitAtBlanks(_ text: String) -> [Substring] {
        guard UTF8Scan.scalarsAreCharacters(text) != nil else {
            return blankSplitOnBytes(text) ?? text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        }
        return text.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 }).map { Substring($0) }
    }

    /// ``splitAtBlanks(_:)`` of another text (Bengali, Devanagari …) from its bytes, when every space,
    /// tab and line feed in it is surely a Character of its own: not joined to a mark after it nor
    /// to a prepended scalar before it (``UTF8Scan/spaceIsSurelyCharacter(at:in:)``, which reads
    /// only the neighbours), and no line feed after a carriage return (CR LF is one Character, not
    /// "\n"). A Character equal to one of the three is that one scalar, so the parts are the
    /// Character split's. `nil` when unsure.
    static func blankSplitOnBytes(_ text: String) -> [Substring]? {
        let u = Array(text.utf8)
        let n = u.count
        var offsets: [(Int, Int)] = []
        var start = 0
        for i in 0..<n {
            let c = u[i]
            guard c == 0x20 || c == 0x0A || c == 0x09 else { continue }
            guard UTF8Scan.spaceIsSurelyCharacter(at: i, in: u), c != 0x0A || i == 0 || u[i - 1] != 0x0D else { return nil }
            if start < i { offsets.append((start, i)) }
            start = i + 1
        }
        if start < n { offsets.append((start, n)) }
        let u8 = text.utf8
        return offsets.map { r in text[u8.index(u8.startIndex, offsetBy: r.0)..<u8.index(u8.startIndex, offsetBy: r.1)] }
    }

    /// `w.hasPrefix("http") || w.hasPrefix("www.")`, asked only of a word whose first byte is `h` or
    /// `w`: a Character canonically equivalent to either is that one scalar (neither has another
    /// decomposition to it).
    static func startsWithLinkPrefix(_ w: Substring) -> Bool {
        guard let f = w.utf8.first, f == 0x68 || f == 0x77 else { return false }
        return w.hasPrefix("http") || w.hasPrefix("www.")
    }

    /// `w.contains("@")` (Foundation's search, matching whole Characters), asked only when the
    /// byte is there: no text without it is canonically equivalent to one with it.
    static func holdsAt(_ w: Substring) -> Bool { w.utf8.contains(0x40) && w.contains("@") }

    /// Prepositions left at the end when a date is cut off ("…, Trial Attorney at Morgan & Morgan, on").
    static let datePrepositions: Set<String> = ["on", "at", "am", "le", "el", "il", "op"]

    /// `text` without a preposition that introduced the date cut off after it.
    static func withoutDatePreposition(_ text: String) -> String {
        let trimmed = UTF8Scan.trimming(text, spacesAndSeparators)
        guard let space = trimmed.lastIndex(of: " ") else { return text }
        let last = trimmed[trimmed.index(after: space)...]
        return datePrepositions.contains(String(last)) ? String(trimmed[..<space]) : text
    }

    /// The name printed after the date that opens `text` ("Dec 17, 2025 Julian K. Arni" → "Julian K.
    /// Arni"): the rest from the first capital letter after which the head holds a whole date,
    /// when it has no digit and does not start with a month or a short upper-case word ("PM", "EST").
    static func nameAfterLeadingDate(_ text: String) -> String? {
        var idx = text.startIndex
        var prev: Character?
        while idx < text.endIndex {
            let c = text[idx]
            if c.isUppercase, let p = prev, p.isNumber || p == " " {
                let head = String(text[..<idx])
                if DateParser().scan(head).contains(where: { $0.date.isValid }) {
                    let rest = String(text[idx...])
                    let first = rest.prefix { !$0.isWhitespace && !$0.isPunctuation }
                    let key = first.lowercased()
                    guard !rest.contains(where: \.isNumber), DateVocabulary.months[key] == nil, !DateVocabulary.fillers.contains(key),
                        !(first.count <= 4 && first.allSatisfy(\.isUppercase))
                    else { return nil }
                    return rest
                }
            }
            prev = c
            idx = text.index(after: idx)
        }
        return nil
    }

    /// Where the first date or time of `text` starts, if it has one.
    static func dateStart(in text: String) -> String.Index? {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiDateStart(in: text) }
        var idx = text.startIndex
        var previousIsNumber = false
        while idx < text.endIndex {
            let isNumber = text[idx].isNumber
            defer { previousIsNumber = isNumber }
            // Dates start where a run of digits starts.
            if isNumber, !previousIsNumber {
                let rest = String(text[idx...])
                if DateParser().scan(rest).first(where: { $0.date.isValid }) != nil { return idx }
                // A month name may come first ("Dec 27, 2024").
            }
            idx = text.index(after: idx)
        }
        // "December 27, 2024" after a name: look for a month word followed by a digit.
        for w in text.split(separator: " ") {
            let r = w.startIndex..<w.endIndex
            let lw = w.lowercased()
            let key = UTF8Scan.hasAlphanumericEdges(lw) ? lw : UTF8Scan.trimming(lw, .punctuationCharacters)
            if DateVocabulary.months[key] != nil || DateVocabulary.fillers.contains(key) && key.count > 3 {
                let rest = String(text[r.lowerBound...])
                if let first = DateParser().scan(rest).first, first.date.isValid { return r.lowerBound }
                // A full month name and a day, even when the rest is garbled ("March 7, 20247:55 AM").
                if DateVocabulary.months[key] != nil, key.count >= 3, w.first?.isUppercase == true, r.lowerBound != text.startIndex {
                    let after = text[r.upperBound...].drop { $0 == " " || $0 == "." }
                    let digits = after.prefix { $0.isNumber }
                    if (1...2).contains(digits.count), let d = Int(digits), (1...31).contains(d) { return r.lowerBound }
                }
            }
        }
        return nil
    }

    /// ``dateStart(in:)`` of an ASCII text, read on its bytes: there every byte is a Character (a
    /// CR LF pair is one, but neither byte is a digit or a space), a digit is the only number,
    /// lower-casing lowers the letters, and a word is looked up in the vocabulary by its bytes
    /// (``DateVocabulary/asciiEntries``). Dates are read from the same rests of the text.
    static func asciiDateStart(in text: String) -> String.Index? {
        let u = text.utf8
        let bytes = Array(u)
        let n = bytes.count
        var previousIsNumber = false
        for i in 0..<n {
            let isNumber = bytes[i] &- 0x30 < 10
            if isNumber, !previousIsNumber {
                let idx = u.index(u.startIndex, offsetBy: i)
                if DateParser().scan(String(text[idx...])).first(where: { $0.date.isValid }) != nil { return idx }
            }
            previousIsNumber = isNumber
        }
        // "December 27, 2024" after a name: the words between spaces, lowered and trimmed of punctuation.
        var i = 0
        while i < n {
            while i < n, bytes[i] == 0x20 { i += 1 }
            guard i < n else { break }
            let start = i
            while i < n, bytes[i] != 0x20 { i += 1 }
            var lo = start, hi = i
            while lo < hi, UTF8Scan.isPunctuation(UInt32(bytes[lo])) { lo += 1 }
            while hi > lo, UTF8Scan.isPunctuation(UInt32(bytes[hi - 1])) { hi -= 1 }
            guard hi - lo <= 24 else { continue }
            var key = LanguageDetector.WordKey()
            for k in lo..<hi { _ = key.append(bytes[k] &- 0x41 < 26 ? bytes[k] | 0x20 : bytes[k]) }
            guard let entry = DateVocabulary.asciiEntries[key], entry.month != nil || entry.filler && hi - lo > 3 else { continue }
            let wordStart = u.index(u.startIndex, offsetBy: start)
            if let first = DateParser().scan(String(text[wordStart...])).first, first.date.isValid { return wordStart }
            // A full month name and a day, even when the rest is garbled ("March 7, 20247:55 AM").
            if entry.month != nil, hi - lo >= 3, bytes[start] &- 0x41 < 26, start != 0 {
                let after = text[u.index(u.startIndex, offsetBy: i)...].drop { $0 == " " || $0 == "." }
                let digits = after.prefix { $0.isNumber }
                if (1...2).contains(digits.count), let d = Int(digits), (1...31).contains(d) { return wordStart }
            }
        }
        return nil
    }

    /// Splits on separators and connector words.
    func split(_ s: String) -> [String] {
        var pieces: [String] = []
        var current: [Substring] = []
        func push() {
            let joined = current.joined(separator: " ")
            let p = UTF8Scan.hasAlphanumericEdges(joined) ? joined : UTF8Scan.trimming(joined, Self.spacesDotColon)
            if !p.isEmpty { pieces.append(p) }
            current = []
        }
        if UTF8Scan.scalarsAreCharacters(s) != nil {
            // Every scalar a Character of its own: the separators and spaces found in the bytes.
            for part in Self.pieceParts(s) {
                for w in part.utf8.split(separator: 0x20) {
                    if Self.isConnectorWord(w) { push(); continue }
                    current.append(Substring(w))
                }
                push()
            }
            return pieces
        }
        for part in s.split(whereSeparator: { Self.pieceSeparators.contains($0) }) {
            for w in part.split(separator: " ") {
                // Connectors are matched as written: "E" or "A" in capitals is an initial, not "and".
                if Self.connectors.contains(String(w)) || w == "And" || w == "AND" || w == "Und" { push(); continue }
                current.append(w)
            }
            push()
        }
        return pieces
    }

    /// `s.split(whereSeparator: { pieceSeparators.contains($0) })` from the bytes, for a text whose
    /// every scalar is a Character of its own (``UTF8Scan/scalarsAreCharacters(_:)-(String)``): a
    /// separator is then one of the scalars `,;|/` and line feed, `•` (E2 80 A2) or `·` (C2 B7); the
    /// one scalar canonically equivalent to a separator, U+0387, is not in such a text.
    static func pieceParts(_ s: String) -> [Substring] {
        let u = s.utf8
        var out: [Substring] = []
        var start = u.startIndex
        var i = u.startIndex
        var prev: UInt8 = 0, prev2: UInt8 = 0
        while i != u.endIndex {
            let c = u[i]
            var sepStart: String.Index?
            if c == 0x2C || c == 0x3B || c == 0x7C || c == 0x2F || c == 0x0A {
                sepStart = i
            } else if prev == 0xC2, c == 0xB7 {
                sepStart = u.index(i, offsetBy: -1)
            } else if prev2 == 0xE2, prev == 0x80, c == 0xA2 {
                sepStart = u.index(i, offsetBy: -2)
            }
            let next = u.index(after: i)
            if let sepStart {
                if start < sepStart { out.append(Substring(u[start..<sepStart])) }
                start = next
            }
            prev2 = prev
            prev = c
            i = next
        }
        if start < u.endIndex { out.append(Substring(u[start..<u.endIndex])) }
        return out
    }

    /// True when a word of a text whose every scalar is a Character of its own is a connector of
    /// ``split(_:)``: one of the ASCII ``connectors`` or "And", "AND", "Und", compared as bytes (the
    /// others are Bengali or Devanagari, whose scalars such a text does not hold, and no scalar of
    /// it decomposes to ASCII).
    static func isConnectorWord(_ w: Substring.UTF8View) -> Bool {
        guard w.count <= maxConnectorBytes else { return false }
        return connectorWordBytes.contains { $0.count == w.count && w.elementsEqual($0) }
    }

    static let connectorWordBytes: [[UInt8]] = (connectors.filter { $0.utf8.allSatisfy { $0 < 0x80 } } + ["And", "AND", "Und"]).map { Array($0.utf8) }
    static let maxConnectorBytes = connectorWordBytes.map(\.count).max() ?? 0

    // MARK: Character sets, built once

    /// Separators of a byline's segments (a date among them is dropped).
    static let segmentSeparators = UTF8Scan.CharacterList("|·•")
    /// Separators of the pieces a byline is split into.
    static let pieceSeparators = UTF8Scan.CharacterList(",;|/•·\n")

    static let quotesBracketsDigits = CharacterSet(charactersIn: "\"“”„«»'()[] …").union(.decimalDigits)
    static let parenAndSpace = CharacterSet(charactersIn: "( ")
    static let spacesAndSeparators = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "|•·-–—:,"))
    static let spacesDotColon = CharacterSet.whitespaces.union(CharacterSet(charactersIn: ".:"))

    /// Removes a lead word ("By", "Von", "লেখক:").
    func stripLead(_ piece: String) -> String {
        var p = UTF8Scan.hasNoEdgeSpace(piece) ? piece : UTF8Scan.trimming(piece, .whitespaces)
        // "capital von Jemima Kelly": a lower-case head before a lead word is not part of the name.
        if UTF8Scan.firstCharacterIsLowercase(p) {
            // (Foundation's search is asked only when the bytes hold the lead: no text without
            // these ASCII bytes is canonically equivalent to one with them.)
            let bytes = Array(p.utf8)
            for (k, lead) in Self.innerLeads.enumerated() where UTF8Scan.contains(bytes, Self.innerLeadBytes[k]) {
                if let r = p.range(of: lead) { p = String(p[r.upperBound...]); break }
            }
        }
        let lower = UTF8Scan.lowercased(p)
        let lowerCount = lower.utf8.count
        // A text that starts with an ASCII scalar equals no lead in another script (canonical
        // equivalence never moves a starter).
        let asciiStart = lower.utf8.first.map { $0 < 0x80 } ?? true
        // Nor does it equal or start with an ASCII lead whose first byte differs (those are
        // compared byte for byte first): such a text has no lead.
        if let f = lower.utf8.first, f < 0x80, !Self.asciiLeadInitials.contains(f) { return p }
        let first = lower.utf8.first
        for (k, (lead, spaced, colon, ascii)) in Self.leadForms.enumerated() {
            // (By the same reasoning, a text that starts with an ASCII byte is compared only with
            // the ASCII leads that start with that byte.)
            if asciiStart, !ascii || Self.leadFirstBytes[k] != first { continue }
            // An ASCII lead equals only its own bytes: no other text is canonically equivalent to
            // lower-case ASCII letters and spaces.
            if ascii ? lead.utf8.count == lowerCount && lower.utf8.elementsEqual(lead.utf8) : !asciiStart && lower == lead { return "" }
            if UTF8Scan.hasPrefix(lower, spaced) || UTF8Scan.hasPrefix(lower, colon) {
                p = UTF8Scan.trimming(String(p.dropFirst(lead.count)), Self.whitespaceAndColon)
                break
            }
        }
        return p
    }

    /// Lead words inside a text whose lower-case head is not part of the name ("capital von Jemima Kelly").
    static let innerLeads = [" von ", " by ", " par ", " por ", " door "]
    static let innerLeadBytes = innerLeads.map { Array($0.utf8) }

    /// Each lead word with the forms it opens a byline with ("by", "by ", "by:"), built once.
    static let leadForms: [(word: String, spaced: String, colon: String, ascii: Bool)] = leadWords.map {
        ($0, $0 + " ", $0 + ":", $0.utf8.allSatisfy { $0 < 0x80 })
    }
    static let whitespaceAndColon = CharacterSet.whitespaces.union(CharacterSet(charactersIn: ":"))
    /// The first byte of each lead word of ``leadForms``.
    static let leadFirstBytes: [UInt8] = leadForms.map { $0.word.utf8.first ?? 0 }
    /// The first bytes of the ASCII lead words.
    static let asciiLeadInitials: Set<UInt8> = Set(leadForms.filter(\.ascii).compactMap { $0.word.utf8.first })
}
