/// Detects the language of a text from its script and, for Latin and Devanagari script, from its
/// most frequent function words; and reconciles that with what the page declares.
///
/// Declarations (`<html lang>`, `og:locale`, JSON-LD `inLanguage`) are often wrong (a Bengali site
/// declaring `en-US` is common), so the text wins when it is clear; the declaration decides only when
/// the text is too short or ambiguous, and between languages the words cannot tell apart (Malay and
/// Indonesian, Danish and Norwegian, Serbian/Croatian/Bosnian), and it keeps its region subtag
/// (`pt-BR`) when its language agrees with the text.
public struct LanguageDetector: Sendable {
    /// Letters read from the text (default 4000).
    public var maxLetters: Int

    public init(maxLetters: Int = 4000) {
        self.maxLetters = maxLetters
    }

    /// A detection result.
    public struct Guess: Sendable, Equatable {
        /// ISO 639-1 code (`bn`, `en`, `de` …).
        public var language: String
        /// 0–1: how sure the text is.
        public var confidence: Double
    }

    // MARK: Reconcile

    /// The language to record: the text's when it is clear, else the declared one (normalised), else
    /// the text's best guess.
    public func resolve(text: String, declared: [String]) -> String? {
        let declaredTags = declared.compactMap(Self.normalizeTag)
        let guess = detect(text)
        guard let g = guess else { return declaredTags.first }
        if let d = declaredTags.first(where: { Self.primary($0) == g.language || Self.sameGroup(Self.primary($0), g.language) }) {
            return d
        }
        if g.confidence >= 0.5 { return g.language }
        return declaredTags.first ?? g.language
    }

    /// `en_US` → `en-US`, `EN` → `en`; `nil` for empty or unusable tags (`x-default`, `und`).
    public static func normalizeTag(_ raw: String) -> String? {
        // Foundation's `trimmingCharacters(in: .whitespaces)` (space separators and tab), by hand.
        let scalars = raw.unicodeScalars
        let blank: (Unicode.Scalar) -> Bool = { $0.value == 0x09 || $0.properties.generalCategory == .spaceSeparator }
        guard let start = scalars.firstIndex(where: { !blank($0) }), let last = scalars.lastIndex(where: { !blank($0) }) else { return nil }
        let parts = String(scalars[start...last]).split { $0 == "-" || $0 == "_" }
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isLetter && $0.isASCII }) else { return nil }
        let p = first.lowercased()
        if p == "und" || p == "mul" || p == "zxx" { return nil }
        let lang = p == "nb" || p == "nn" ? "no" : (p == "in" ? "id" : p)
        if parts.count > 1, parts[1].count == 2, parts[1].allSatisfy({ $0.isLetter && $0.isASCII }) {
            return lang + "-" + parts[1].uppercased()
        }
        return lang
    }

    static func primary(_ tag: String) -> String { String(tag.split(separator: "-").first ?? "") }

    static let groups: [Set<String>] = [["ms", "id"], ["no", "da", "nb", "nn"], ["sr", "hr", "bs"], ["zh"]]
    static func sameGroup(_ a: String, _ b: String) -> Bool { groups.contains { $0.contains(a) && $0.contains(b) } }

    // MARK: Detect

    enum Script: Int, CaseIterable {
        case latin, bengali, devanagari, gurmukhi, gujarati, oriya, tamil, telugu, kannada, malayalam, sinhala,
            thai, lao, myanmar, georgian, armenian, hebrew, arabic, cyrillic, greek, hangul, kana, han, ethiopic, khmer, tibetan
    }

    static func script(of v: UInt32) -> Script? {
        switch v {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: return .latin
        case 0x0980...0x09FF: return .bengali
        case 0x0900...0x097F: return .devanagari
        case 0x0A00...0x0A7F: return .gurmukhi
        case 0x0A80...0x0AFF: return .gujarati
        case 0x0B00...0x0B7F: return .oriya
        case 0x0B80...0x0BFF: return .tamil
        case 0x0C00...0x0C7F: return .telugu
        case 0x0C80...0x0CFF: return .kannada
        case 0x0D00...0x0D7F: return .malayalam
        case 0x0D80...0x0DFF: return .sinhala
        case 0x0E00...0x0E7F: return .thai
        case 0x0E80...0x0EFF: return .lao
        case 0x0F00...0x0FFF: return .tibetan
        case 0x1000...0x109F: return .myanmar
        case 0x10A0...0x10FF: return .georgian
        case 0x0530...0x058F: return .armenian
        case 0x0590...0x05FF: return .hebrew
        case 0x0600...0x06FF, 0x0750...0x077F, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return .arabic
        case 0x0400...0x04FF: return .cyrillic
        case 0x0370...0x03FF, 0x1F00...0x1FFF: return .greek
        case 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F: return .hangul
        case 0x3040...0x30FF: return .kana
        case 0x4E00...0x9FFF, 0x3400...0x4DBF: return .han
        case 0x1200...0x137F: return .ethiopic
        case 0x1780...0x17FF: return .khmer
        default: return nil
        }
    }

    /// The language of `text`, or `nil` when it has too few letters to tell.
    public func detect(_ text: String) -> Guess? {
        var counts = [Int](repeating: 0, count: Script.allCases.count)
        var total = 0
        // Arabic-script and Cyrillic letters that single out a language.
        var urdu = 0, persian = 0, ukrainian = 0, serbian = 0, belarusian = 0, bulgarianHard = 0, russianOnly = 0
        // The UTF-8 read in place, ASCII letters counted apart (added to the Latin count after).
        var asciiLetters = 0
        // Bengali letters, counted apart (added to the Bengali count after).
        var bengali = 0
        var text = text
        text.withUTF8 { b in
            var i = 0
            while i < b.count {
                // Eight ASCII bytes at a time while the letter limit is surely not reached within them.
                if i + 8 <= b.count, total + 8 < maxLetters {
                    let w = UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
                    if w & 0x8080_8080_8080_8080 == 0 {
                        let n = Self.asciiLetterCount(w)
                        asciiLetters += n
                        total += n
                        i += 8
                        continue
                    }
                }
                let c = b[i]
                // ASCII first (most of a Latin text): a letter is Latin, anything else no script.
                if c < 0x80 {
                    i += 1
                    guard (c | 0x20) &- 0x61 < 26 else { continue }
                    asciiLetters += 1
                    total += 1
                    if total >= maxLetters { break }
                    continue
                }
                // A Bengali letter (U+0980 ..< U+0A00: 0xE0 0xA6/0xA7 and a continuation byte)
                // is counted as such without decoding it; it is none of the letters below.
                if c == 0xE0, i &+ 2 < b.count, b[i &+ 1] &- 0xA6 < 2 {
                    i &+= 3
                    bengali &+= 1
                    total &+= 1
                    if total >= maxLetters { break }
                    continue
                }
                let (s, next) = UTF8Scan.decode(at: i, in: b)
                i = next
                guard let sc = Self.script(of: s.value) else { continue }
                counts[sc.rawValue] += 1
                total += 1
                switch s.value {
                case 0x0679, 0x0688, 0x0691, 0x06BA, 0x06D2, 0x06C1, 0x06BE: urdu += 1
                case 0x067E, 0x0686, 0x0698, 0x06AF, 0x06A9, 0x06CC: persian += 1
                case 0x0456, 0x0457, 0x0454, 0x0491: ukrainian += 1
                case 0x0452, 0x045B, 0x045F, 0x0459, 0x045A, 0x0458: serbian += 1
                case 0x045E: belarusian += 1
                case 0x044A: bulgarianHard += 1
                case 0x044B, 0x044D, 0x0451: russianOnly += 1
                default: break
                }
                if total >= maxLetters { break }
            }
        }
        counts[Script.latin.rawValue] += asciiLetters
        counts[Script.bengali.rawValue] += bengali
        guard total >= 20 else { return nil }
        let best = Script.allCases.max { counts[$0.rawValue] < counts[$1.rawValue] }!
        let share = Double(counts[best.rawValue]) / Double(total)
        func guess(_ l: String, _ c: Double = 1) -> Guess { Guess(language: l, confidence: min(1, share * c)) }
        // Japanese mixes kana into Han; Chinese has none.
        if (best == .han || best == .kana), counts[Script.kana.rawValue] * 20 > counts[Script.han.rawValue] { return guess("ja") }
        switch best {
        case .bengali: return guess("bn")
        case .gurmukhi: return guess("pa")
        case .gujarati: return guess("gu")
        case .oriya: return guess("or")
        case .tamil: return guess("ta")
        case .telugu: return guess("te")
        case .kannada: return guess("kn")
        case .malayalam: return guess("ml")
        case .sinhala: return guess("si")
        case .thai: return guess("th")
        case .lao: return guess("lo")
        case .myanmar: return guess("my")
        case .georgian: return guess("ka")
        case .armenian: return guess("hy")
        case .hebrew: return guess("he")
        case .greek: return guess("el")
        case .hangul: return guess("ko")
        case .kana: return guess("ja")
        case .han: return guess("zh")
        case .ethiopic: return guess("am")
        case .khmer: return guess("km")
        case .tibetan: return guess("bo")
        case .arabic:
            if urdu * 100 > counts[best.rawValue] { return guess("ur") }
            if persian * 50 > counts[best.rawValue] { return guess("fa") }
            return guess("ar")
        case .cyrillic:
            if ukrainian * 100 > counts[best.rawValue] { return guess("uk") }
            if serbian * 200 > counts[best.rawValue] { return guess("sr") }
            if belarusian * 200 > counts[best.rawValue] { return guess("be") }
            if bulgarianHard * 40 > counts[best.rawValue], russianOnly == 0 { return guess("bg") }
            return guess("ru")
        case .devanagari:
            let (lang, margin) = Self.byWords(text, in: Self.devanagariTable)
            return Guess(language: lang ?? "hi", confidence: min(share, lang == nil ? 0.6 : max(0.6, margin)))
        case .latin:
            let (lang, margin) = Self.byWords(text, in: Self.latinTable)
            guard let lang else { return Guess(language: "en", confidence: 0.1) }
            return Guess(language: lang, confidence: min(share, margin))
        }
    }

    /// The number of ASCII letters among the eight bytes of `w`, all ASCII (below 0x80): each byte
    /// lowered by setting 0x20 stays below 0x80, and adding 0x1F (0x05) to it sets its top bit
    /// exactly when it is at least 0x61 (0x7B), without a carry into the next byte.
    @inline(__always)
    static func asciiLetterCount(_ w: UInt64) -> Int {
        let x = w | 0x2020_2020_2020_2020
        let atLeastA = x &+ 0x1F1F_1F1F_1F1F_1F1F
        let pastZ = x &+ 0x0505_0505_0505_0505
        return (atLeastA & ~pastZ & 0x8080_8080_8080_8080).nonzeroBitCount
    }

    /// A word of up to 24 UTF-8 bytes packed into integers: a dictionary key made without a String.
    struct WordKey: Hashable {
        var a: UInt64 = 0, b: UInt64 = 0, c: UInt64 = 0
        var count = 0

        /// Appends one byte; false once the word is longer than a key holds.
        @inline(__always)
        mutating func append(_ byte: UInt8) -> Bool {
            guard count < 24 else { count += 1; return false }
            let shift = UInt64((count & 7) * 8)
            switch count >> 3 {
            case 0: a |= UInt64(byte) << shift
            case 1: b |= UInt64(byte) << shift
            default: c |= UInt64(byte) << shift
            }
            count += 1
            return true
        }

        init() {}

        init(_ word: String) {
            for byte in word.utf8 { _ = append(byte) }
        }
    }

    /// A table of function words: each word → the set (bit mask) of languages it belongs to.
    struct WordTable: Sendable {
        let languages: [String]
        private let table: WordKeyTable<UInt64>

        init(_ table: [String: Set<String>]) {
            languages = table.keys.sorted()
            var m: [WordKey: UInt64] = [:]
            for (k, lang) in languages.enumerated() {
                for w in table[lang]! { m[WordKey(w), default: 0] |= 1 << UInt64(k) }
            }
            self.table = WordKeyTable(m, filler: 0)
        }

        /// The languages (bit mask) of word `key`, or nil when it is no function word.
        @inline(__always)
        func mask(of key: WordKey) -> UInt64? { table[key] }
    }

    static let latinTable = WordTable(latinWords)
    static let devanagariTable = WordTable(devanagariWords)

    /// The function-word hits per language of `table` (in its order) and the number of words read
    /// (up to 1,500) in the text whose UTF-8 is `b`. The scalars are decoded in place: iterating
    /// `unicodeScalars` was most of the cost.
    static func countWords(_ b: UnsafeBufferPointer<UInt8>, in table: WordTable) -> ([Int], Int) {
        var scores = [Int](repeating: 0, count: table.languages.count)
        var words = 0
        var key = WordKey()
        var fits = true
        var i = 0
        let n = b.count
        while i < n {
            // Eight bytes at a time: the run of ASCII word bytes (letters, apostrophes) they open
            // goes into the key at once, lowered; an ASCII byte after it ends the word; a byte
            // of a longer scalar after it is read below. (See ``wordByteRun(_:)``.)
            if i &+ 8 <= n {
                let w = UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
                let j = wordByteRun(w)
                if j > 0 {
                    if fits {
                        if key.count &+ j <= 8 {
                            let run = (w | 0x2020_2020_2020_2020) & (j == 8 ? ~0 : (1 &<< UInt64(j &* 8)) &- 1)
                            key.a |= run &<< UInt64(key.count &* 8)
                            key.count &+= j
                        } else {
                            for q in 0..<j where fits { fits = key.append(UInt8(truncatingIfNeeded: w &>> UInt64(q &* 8)) | 0x20) }
                        }
                    }
                    i &+= j
                    if j == 8 { continue }
                }
                if b[i] < 0x80 {
                    i &+= 1
                    if key.count > 0 {
                        flush(&key, &fits, &words, &scores, table)
                        if words >= 1500 { break }
                    }
                    continue
                }
            }
            // ASCII bytes (most of a Latin text) in a loop of their own: a letter (lowered) or an
            // apostrophe goes into the key, its first eight bytes without the key's switch; any
            // other byte ends the word.
            let c = b[i]
            if c < 0x80 {
                i += 1
                let l = c &- 0x41 < 26 ? c | 0x20 : c
                if l &- 0x61 < 26 || l == 0x27 {
                    if fits {
                        if key.count < 8 {
                            key.a |= UInt64(l) << UInt64(key.count &* 8)
                            key.count &+= 1
                        } else {
                            fits = key.append(l)
                        }
                    }
                } else if key.count > 0 {
                    flush(&key, &fits, &words, &scores, table)
                    if words >= 1500 { break }
                }
                continue
            }
            let (s, next) = UTF8Scan.decode(at: i, in: b)
            i = next
            var v = s.value
            let inWord: Bool
            if v < 0x80 {
                if (v &- 0x41) < 26 { v |= 0x20; inWord = true } else { inWord = (v &- 0x61) < 26 || v == 0x27 }
            } else if v >= 0x0900 && v < 0x0980 {
                // Devanagari: letters and signs, not the dandas, digits or the abbreviation sign.
                inWord = !(v == 0x0964 || v == 0x0965 || (v >= 0x0966 && v <= 0x0970))
            } else if v >= 0xC0 && v <= 0xDE && v != 0xD7 {
                v |= 0x20
                inWord = true
            } else if v >= 0xDF && v <= 0xFF {
                inWord = v != 0xF7
            } else if v >= 0x2000 && v < 0x2070 {
                // General Punctuation (curly quotes, dashes, spaces): no letters or marks.
                inWord = false
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
                    if v < 0x80 {
                        fits = key.append(UInt8(v))
                    } else {
                        for byte in Unicode.UTF8.encode(Unicode.Scalar(v)!)! where fits { fits = key.append(byte) }
                    }
                }
            } else {
                flush(&key, &fits, &words, &scores, table)
                if words >= 1500 { break }
            }
        }
        flush(&key, &fits, &words, &scores, table)
        return (scores, words)
    }

    /// The number of bytes (0–8) that open the little-endian eight bytes `w` and are ASCII word
    /// bytes: letters `A`–`Z`, `a`–`z` and the apostrophe (each of which, with 0x20 set, is its
    /// lower case). Per byte below 0x80, with `x` the byte with 0x20 set: adding 0x1F (0x05) sets
    /// the top bit exactly when `x` is at least 0x61 (0x7B), and the byte XOR 0x27 plus 0x7F leaves
    /// it clear exactly when the byte is 0x27, none of them carrying into the next byte. A byte of
    /// 0x80 or more ends the run; it may carry into the bytes after it, whose results are not read.
    @inline(__always)
    static func wordByteRun(_ w: UInt64) -> Int {
        let high: UInt64 = 0x8080_8080_8080_8080
        let x = w | 0x2020_2020_2020_2020
        let letter = (x &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(x &+ 0x0505_0505_0505_0505)
        let apostrophe = ~((w ^ 0x2727_2727_2727_2727) &+ 0x7F7F_7F7F_7F7F_7F7F)
        let stop = (~(letter | apostrophe) | w) & high
        return stop == 0 ? 8 : stop.trailingZeroBitCount &>> 3
    }

    /// Ends the word in `key`: counts it, and its function-word hits when it fitted the key.
    @inline(__always)
    static func flush(_ key: inout WordKey, _ fits: inout Bool, _ words: inout Int, _ scores: inout [Int], _ table: WordTable) {
        guard key.count > 0 else { return }
        words += 1
        if fits, var mask = table.mask(of: key) {
            while mask != 0 {
                scores[mask.trailingZeroBitCount] += 1
                mask &= mask - 1
            }
        }
        key = WordKey()
        fits = true
    }

    /// The language whose function words are most frequent, and how clearly it leads (0–1).
    ///
    /// One scan over scalars: lower-cased by hand, words packed into ``WordKey``s (no String per word).
    static func byWords(_ text: String, in table: WordTable) -> (String?, Double) {
        // (The words are counted by a function of its own over the bytes: state captured by a
        // nested function and a closure paid a dynamic exclusivity check per access.)
        var text = text
        let (scores, words) = text.withUTF8 { countWords($0, in: table) }
        var top = -1, second = 0
        for k in scores.indices {
            // Ties go to the alphabetically first language (languages are sorted).
            if top < 0 || scores[k] > scores[top] {
                if top >= 0 { second = max(second, scores[top]) }
                top = k
            } else {
                second = max(second, scores[k])
            }
        }
        guard top >= 0, scores[top] >= 2 else { return (nil, 0) }
        let best = scores[top]
        let margin = Double(best - second) / Double(best)
        // Function words make up a fifth to a half of real text; a text where the best language's
        // words are rare (lorem ipsum, lists of names) is not evidence. Few hits are little evidence.
        let coverage = min(1, Double(best) / Double(max(words, 1)) / 0.12)
        let amount = min(1, Double(best) / 5)
        return (table.languages[top], coverage * amount * (0.5 + 0.5 * margin))
    }

    static let devanagariWords: [String: Set<String>] = [
        "hi": ["है", "के", "की", "में", "और", "से", "को", "का", "ने", "हैं", "था", "भी", "कि", "पर", "यह", "इस", "लिए", "गया", "नहीं", "वह", "तो", "हो", "रहे", "किया"],
        "mr": ["आहे", "आणि", "च्या", "या", "केले", "होते", "नाही", "हे", "की", "त्या", "आहेत", "म्हणून", "व", "तर", "केली", "झाली", "असे", "होता"],
        "ne": ["छ", "र", "को", "मा", "गरेको", "पनि", "छन्", "भएको", "लागि", "हो", "गर्न", "थियो", "भने", "गरे", "यो", "उनले", "बताए", "गरेका"],
    ]

    static let latinWords: [String: Set<String>] = [
        "en": ["the", "and", "of", "to", "is", "in", "that", "it", "was", "for", "with", "as", "on", "are", "this", "be", "by", "have", "from", "at", "which", "has", "but", "not", "they", "were", "their", "been", "would", "said", "will", "an", "who", "more"],
        "de": ["der", "die", "und", "das", "ist", "nicht", "ein", "eine", "zu", "den", "mit", "sich", "auf", "dem", "für", "des", "auch", "es", "im", "wird", "von", "sie", "wie", "nach", "bei", "werden", "hat", "aus", "einer", "noch", "oder", "aber", "wurde", "sind"],
        "fr": ["le", "la", "les", "de", "des", "et", "est", "un", "une", "du", "que", "qui", "dans", "pour", "pas", "sur", "au", "il", "elle", "avec", "sont", "ce", "par", "plus", "ont", "été", "aux", "mais", "cette", "nous"],
        "es": ["el", "la", "los", "las", "de", "y", "que", "en", "un", "una", "es", "por", "con", "para", "del", "se", "su", "al", "lo", "como", "más", "pero", "sus", "fue", "ha", "este", "esta", "también", "entre", "sobre"],
        "it": ["il", "di", "che", "e", "la", "per", "un", "una", "è", "del", "della", "non", "con", "sono", "si", "le", "dei", "nel", "alla", "anche", "gli", "come", "più", "ha", "ma", "questo", "delle", "nella", "stato", "essere"],
        "nl": ["de", "het", "een", "en", "van", "is", "dat", "op", "te", "in", "niet", "zijn", "voor", "met", "die", "ook", "aan", "er", "maar", "om", "wordt", "bij", "heeft", "naar", "werd", "nog", "worden", "deze", "hij", "uit"],
        "pt": ["o", "a", "os", "as", "de", "do", "da", "dos", "das", "e", "que", "em", "um", "uma", "para", "com", "não", "por", "no", "na", "se", "mais", "foi", "ao", "é", "como", "mas", "são", "também", "pela", "pelo"],
        "sv": ["och", "att", "det", "som", "en", "är", "av", "för", "på", "med", "till", "den", "har", "de", "inte", "om", "ett", "var", "men", "sig", "från", "vid", "hade", "kan", "när", "också", "efter", "skulle", "honom", "detta"],
        "da": ["og", "i", "at", "det", "er", "en", "til", "af", "på", "med", "for", "de", "den", "ikke", "som", "har", "et", "var", "fra", "der", "men", "vil", "også", "efter", "blev", "kan", "hun", "nu", "være", "havde"],
        "no": ["og", "i", "det", "er", "en", "til", "av", "på", "som", "for", "med", "at", "de", "ikke", "har", "den", "et", "var", "fra", "om", "men", "vil", "også", "etter", "ble", "kan", "hun", "nå", "være", "hadde", "jeg", "seg"],
        "fi": ["ja", "on", "ei", "että", "se", "oli", "ovat", "mutta", "kun", "myös", "hän", "joka", "sen", "tai", "kuin", "ole", "vain", "jo", "niin", "nyt", "mukaan", "sekä", "jotka", "olla"],
        "pl": ["i", "w", "na", "z", "się", "nie", "do", "to", "że", "jest", "o", "jak", "a", "po", "przez", "od", "za", "co", "ale", "dla", "tym", "już", "jego", "ich", "może", "są", "być", "został", "także"],
        "cs": ["a", "se", "na", "v", "je", "že", "to", "s", "z", "do", "o", "jsou", "by", "ale", "jak", "pro", "které", "který", "která", "jako", "po", "tak", "také", "byl", "bylo", "jeho", "podle", "už", "při"],
        "sk": ["a", "sa", "na", "v", "je", "že", "to", "s", "z", "do", "o", "sú", "by", "ale", "ako", "pre", "ktoré", "ktorý", "ktorá", "po", "tak", "aj", "bol", "bolo", "jeho", "podľa", "už", "pri"],
        "tr": ["ve", "bir", "bu", "da", "de", "için", "ile", "olarak", "daha", "gibi", "çok", "olan", "en", "ne", "ama", "sonra", "kadar", "değil", "var", "ise", "her", "şekilde", "göre", "olduğu", "yapılan"],
        "id": ["yang", "dan", "di", "ini", "itu", "dengan", "untuk", "tidak", "dari", "dalam", "akan", "pada", "juga", "ke", "karena", "ada", "oleh", "mereka", "bisa", "telah", "sudah", "saat", "kata", "lebih", "tersebut", "adalah"],
        "ms": ["yang", "dan", "di", "ini", "itu", "dengan", "untuk", "tidak", "dari", "dalam", "akan", "pada", "juga", "ke", "kerana", "ada", "oleh", "mereka", "boleh", "telah", "sudah", "kata", "lebih", "tersebut", "adalah", "ialah", "beliau"],
        "ro": ["și", "în", "de", "la", "a", "cu", "pe", "care", "nu", "din", "este", "că", "o", "un", "mai", "pentru", "sunt", "fost", "au", "ca", "se", "lui", "fi", "prin"],
        "hu": ["a", "az", "és", "hogy", "nem", "is", "egy", "meg", "de", "van", "már", "csak", "mint", "volt", "még", "ki", "el", "szerint", "után", "kell", "lesz", "pedig", "azt", "ez"],
        "hr": ["i", "je", "u", "na", "da", "se", "su", "za", "od", "s", "a", "koji", "što", "ali", "kao", "iz", "će", "bi", "sam", "biti", "koja", "nije", "kako", "ili"],
        "ca": ["el", "la", "els", "les", "de", "i", "que", "en", "un", "una", "és", "per", "amb", "del", "es", "al", "no", "més", "però", "seu", "va", "han", "aquest"],
        "zu": ["ukuthi", "futhi", "kanye", "ngoba", "kodwa", "lokhu", "uma", "kakhulu", "abantu", "njengoba", "ngokusho", "kusho", "ukuba", "kule", "wathi", "kuya", "lapho", "noma", "ngesikhathi", "khona", "kwakukhona", "uthe"],
        "sw": ["na", "ya", "wa", "kwa", "katika", "za", "ni", "la", "kuwa", "hiyo", "huo", "pia", "lakini", "kama", "hii", "wake", "amesema", "wao", "hata", "ambao"],
        "tl": ["ang", "ng", "sa", "na", "at", "mga", "ay", "si", "ni", "para", "hindi", "kay", "ito", "siya", "din", "rin", "niya", "pero"],
        "vi": ["và", "của", "là", "có", "được", "cho", "không", "người", "này", "với", "các", "những", "đã", "một", "trong", "khi", "để", "cũng", "từ", "theo"],
    ]
}

import Foundation
