import Testing

@testable import Extraction

/// ``LanguageDetector/detect(_:)`` counts a Bengali letter from its three bytes without decoding
/// it, and ASCII letters eight bytes at a time; its guesses are those of the plain definition here
/// (every scalar classed by ``LanguageDetector/script(of:)``, up to ``LanguageDetector/maxLetters``
/// letters), on Bengali with nukta forms (precomposed and decomposed), vowel signs, virama, digits
/// and dandas, mixed with Devanagari, Arabic, Cyrillic, Latin, Turkish `İ`, emoji and combining
/// marks, and with the letter limit falling anywhere.
@Suite("LanguageDetector.detect: the byte shortcuts and the scalar-by-scalar definition agree")
struct LanguageScriptCountTests {
    /// The definition: scalar by scalar, ASCII letters Latin, others by their block.
    static func detectReference(_ text: String, maxLetters: Int) -> LanguageDetector.Guess? {
        var counts = [Int](repeating: 0, count: LanguageDetector.Script.allCases.count)
        var total = 0
        var urdu = 0, persian = 0, ukrainian = 0, serbian = 0, belarusian = 0, bulgarianHard = 0, russianOnly = 0
        for s in text.unicodeScalars {
            let v = s.value
            if v < 0x80 {
                guard (v | 0x20) &- 0x61 < 26 else { continue }
                counts[LanguageDetector.Script.latin.rawValue] += 1
                total += 1
                if total >= maxLetters { break }
                continue
            }
            guard let sc = LanguageDetector.script(of: v) else { continue }
            counts[sc.rawValue] += 1
            total += 1
            switch v {
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
        guard total >= 20 else { return nil }
        let best = LanguageDetector.Script.allCases.max { counts[$0.rawValue] < counts[$1.rawValue] }!
        let share = Double(counts[best.rawValue]) / Double(total)
        func guess(_ l: String, _ c: Double = 1) -> LanguageDetector.Guess { LanguageDetector.Guess(language: l, confidence: min(1, share * c)) }
        // Japanese mixes kana into Han; Chinese has none.
        if (best == .han || best == .kana), counts[LanguageDetector.Script.kana.rawValue] * 20 > counts[LanguageDetector.Script.han.rawValue] { return guess("ja") }
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
            let (lang, margin) = LanguageDetector.byWords(text, in: LanguageDetector.devanagariTable)
            return LanguageDetector.Guess(language: lang ?? "hi", confidence: min(share, lang == nil ? 0.6 : max(0.6, margin)))
        case .latin:
            let (lang, margin) = LanguageDetector.byWords(text, in: LanguageDetector.latinTable)
            guard let lang else { return LanguageDetector.Guess(language: "en", confidence: 0.1) }
            return LanguageDetector.Guess(language: lang, confidence: min(share, margin))
        }
    }

    static let pieces = [
        "রয়টার্স", "র\u{09DF}", "য\u{09BC}", "ড়", "ঢ়", "ক্ষ্ম", "খবর", "প্রতিবেদক", "ি", "ী", "ু", "ে", "ৈ", "ো", "ৌ", "্", "ং", "ঃ", "ঁ",
        "৷", "।", "॥", "০১২৩", "৳", "ৎ", "\u{09FE}", " ", "  ", "\n", ", ", "the ", "and ", "İstanbul ", "ıi ", "é", "e\u{301}",
        "😀", "👩‍👩‍👧", "हिन्दी ", "है ", "मराठी आहे ", "عربي ", "ٹ", "پ", "русский ", "і", "ђ", "ў", "ъ", "ы", "Ελληνικά ", "日本語", "ひらがな",
        "한국어", "abcdefgh", "ABCDEFGHIJ", "12345678", "x",
    ]

    @Test("guesses are those of the scalar-by-scalar definition, at several letter limits")
    func guessesMatchReference() {
        var rng = SplitMix64(seed: 0xB_E4_6A11)
        var texts = Self.pieces + [""]
        texts += (0..<2500).map { _ in
            (0..<Int(rng.next() % 40)).map { _ in Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }.joined()
        }
        texts += (0..<20).map { _ in
            (0..<Int(rng.next() % 3000)).map { _ in Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }.joined()
        }
        var bengali = 0
        for t in texts {
            for limit in [20, 37, 4000] {
                let guess = LanguageDetector(maxLetters: limit).detect(t)
                #expect(guess == Self.detectReference(t, maxLetters: limit), "\(limit) \(t.prefix(60).debugDescription)")
                if guess?.language == "bn" { bengali += 1 }
            }
        }
        #expect(bengali > 500)
    }
}
