import Testing

@testable import Extraction

/// ``AttributionFinder/candidates(in:)`` — look-ups of two bytes at every other position — keeps every
/// spelling that the full search (``AttributionFinder/wordMatches(of:in:bengaliSuffixes:)`` over
/// every spelling) finds, so ``AttributionFinder/credits(in:)`` answers as the search over every
/// spelling does. The texts reach the edges: a spelling at the very start or end, next to ASCII
/// letters and digits, next to combining marks and Bengali vowel signs, nukta forms written
/// precomposed and decomposed, Turkish `İ`/`ı`, emoji, case variants, one- and two-byte texts.
@Suite("AttributionFinder candidates: the spellings the full search finds")
struct AttributionCandidatesTests {
    // MARK: Inputs

    static let samples: [String] = [
        "", "A", "P", "AP", "ap", "Ap", "aP", "(AP)", "AP—", "—AP", "xAP", "APx", "AP1", "1AP", "_AP_", "AP\u{301}", "\u{301}AP",
        "A P", "APA", "AAP", "AAAP", "APAP", "dpa", "DPA", "Dpa", "epd", "EPD", "(dpa)", "dpa/epd", "epdx", "xepd",
        "Reuters", "REUTERS", "reuters", "ReUtErS", "Reuter", "Reutersx", "xReuters", "(Reuters)", "DHAKA (Reuters) - The",
        "Reuters reported", "according to AFP", "a Reuters photographer", "— AP", "AP — the story", "happen map capital",
        "Agence France-Presse", "AGENCE FRANCE PRESSE", "agence france-presse said", "Associated Press", "associated  press",
        "Bangladesh Sangbad Sangstha", "United News of Bangladesh", "Deutsche Presse-Agentur", "Press Trust of India",
        "Indo-Asian News Service", "United News of India", "Xinhua", "XINHUA", "Anadolu Agency", "Anadolu Ajansı",
        "ANADOLU AJANSI", "Anadolu Ajans\u{131}", "\u{130}stanbul (AA) — Anadolu Ajansı bildirdi", "İNDO-ASIAN NEWS SERVICE",
        "Austria Presse Agentur", "Australian Associated Press", "Kyodo News", "Kyodo", "Yonhap", "TASS", "Tass", "UPI",
        "United Press International", "KNA", "Belga", "ANP", "NTB", "Ritzau", "PAP", "Bernama", "Antara", "Bloomberg",
        "Bloombergs", "(Bloomberg) —", "EFE", "ANSA", "APA", "AAP", "UNB", "UNI", "UNIx", "ANI", "PTI", "IANS", "BSS", "AFP",
        "খবর রয়টার্সের।", "রয়টার্স", "র\u{09DF}টার্স", "রয\u{09BC}টার্স", "(রয়টার্স)", "রয়টার", "রয়টার্সকে", "রয়টার্সেরা",
        "… খবর এএফপির।", "এএফপি জানায়", "এএফপি-এর", "এএফপি’র", "এএফপি'র", "এপি", "এপির", "এপিকে", "এপিতে", "এপিও",
        "এপিএ", "প্রেসিডেন্ট এপি", "বাসস জানায়", "বাসসের", "বাসসকে", "বাংলাদেশ সংবাদ সংস্থা (বাসস)", "ইউএনবি", "ডিপিএ",
        "এএনআই", "পিটিআই", "আইএএনএস", "সিনহুয়া", "আনাদোলু", "কিয়োদো", "ইয়োনহাপ", "তাস", "তাসের", "তাসকিন", "বার্তা সংস্থা এএফপির প্রতিবেদনে",
        "ক্ষ্ম এপি\u{09CD}", "এপি\u{09BC}", "\u{09BC}এপি", "(भाषा/पीटीआई)", "पीटीआई", "एएफपी ने बताया", "एपी", "रॉयटर्स", "रायटर्स",
        "एएनआई", "आईएएनएस", "यूएनआई", "शिन्हुआ", "अनादोलु", "प्रेस ट्रस्ट ऑफ इंडिया", "رويترز", "(رويترز)", "روئٹرز", "فرانس برس",
        "ای پی", "新华社", "据新华社报道", "😀 (AP) 😀", "👩‍👩‍👧AP", "AP👩‍👩‍👧", "€AP€", "AP\u{A0}—", "\u{200D}AP\u{200C}",
        "Reuters\u{301}", "e\u{301}AFP", "ÀAFP", "AFPÀ", "ﬁAP", "ǄAP", "\tAP\n", "\r\nReuters\r\n",
        // A spelling ending the text at an odd and at an even offset (the pairs are read two bytes apart).
        " AP", "  AP", ".AP", "..AP", " dpa", "  dpa", " এপি", "  এপি", " তাস", "(AP", "((AP",
    ]

    /// Random texts from fragments that put spellings next to each other and to the edge cases.
    static func randomTexts(count: Int, seed: UInt64) -> [String] {
        let pieces = [
            "AP", "A", "P", "AFP", "dpa", "epd", "KNA", "UNB", "UNI", "TASS", "Reuters", "reuters", "REUTERS", "Reuter", "Xinhua",
            "Anadolu", " Ajansı", " Agency", "Kyodo", " News", "Press", "Associated ", "রয়টার্স", "এপি", "এএফপি", "বাসস", "তাস",
            "র", "ের", "কে", "-এর", "’র", "\u{09BC}", "\u{09CD}", "\u{301}", "পিটিআই", "पीटीआई", "एपी", "رويترز", "新华社", "İ", "ı",
            "😀", " ", "  ", "(", ")", "/", "—", "-", ":", "|", ".", "।", "x", "1", "_", "e", "reported", "told", "খবর", "জানায়",
            "\u{A0}", "\u{200C}", "\u{200D}", "ap", "pa", "ia", "NS",
        ]
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let n = Int(rng.next() % 10) + 1
            return (0..<n).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
        }
    }

    static let texts = samples + randomTexts(count: 6000, seed: 0xA77_12B)

    // MARK: Tests

    @Test("every spelling the full search finds is among the candidates")
    func candidatesKeepEveryMatch() {
        var matched = 0
        for t in Self.texts {
            var t = t
            let candidates = t.withUTF8 { AttributionFinder.candidates(in: $0) }
            let text = Array(t.utf8), lower = UTF8Scan.asciiLowered(text)
            for (k, sp) in AttributionFinder.spellings.enumerated() {
                let hits = AttributionFinder.wordMatches(of: sp.bytes, in: sp.isAcronym ? text : lower, bengaliSuffixes: sp.bengali)
                if !hits.isEmpty {
                    matched += 1
                    #expect(candidates.contains(k), "\(t.debugDescription) spelling \(k)")
                }
            }
            #expect(candidates == candidates.sorted(), "\(t.debugDescription)")
        }
        #expect(matched > 1000)
    }

    @Test("every candidate occurs in the text: as written (acronym) or in the lowered text (name)")
    func candidatesOccur() {
        var found = 0
        for t in Self.texts {
            var t = t
            let candidates = t.withUTF8 { AttributionFinder.candidates(in: $0) }
            let text = Array(t.utf8), lower = UTF8Scan.asciiLowered(text)
            for k in candidates {
                let sp = AttributionFinder.spellings[k]
                #expect(UTF8Scan.find(sp.bytes, in: sp.isAcronym ? text : lower) != nil, "\(t.debugDescription) spelling \(k)")
                found += 1
            }
        }
        #expect(found > 1000)
    }

    @Test("credits are those of the search over every spelling")
    func creditsMatchFullSearch() {
        var credited = 0
        for t in Self.texts {
            let credits = AttributionFinder().credits(in: t)
            #expect(credits == FieldsFastPathTests.creditsReference(t), "\(t.debugDescription)")
            credited += credits.count
        }
        #expect(credited > 200)
    }

    @Test("a text that holds no spelling has no candidates", arguments: [
        "", "x", "The minister resigned on Friday.", "রাশিয়া সফরে যাবেন ইরানের প্রেসিডেন্ট", "Snap shares fell", "😀😀😀",
        "APPLE", "MAPS", "xdpa", "reutersx",
    ])
    func noCandidates(text: String) {
        var t = text
        #expect(t.withUTF8 { AttributionFinder.candidates(in: $0) }.isEmpty, "\(text.debugDescription)")
    }
}
