/// Wire agencies under their canonical names, with the spellings they appear under in Latin,
/// Bengali, Devanagari and Arabic script.
///
/// Latin acronyms (`AP`, `AFP`, `BSS` …) match only in capitals, as whole words; full names match
/// case-insensitively; Bengali forms also match with a case ending (`রয়টার্সের`, `এএফপির`, `বাসসের`).
public enum AgencyCatalog {
    /// One agency.
    public struct Agency: Sendable, Equatable {
        /// The canonical name written into `attributions` (e.g. "Reuters", "AFP", "BSS").
        public let name: String
        /// Acronyms matched in capitals only.
        let acronyms: [String]
        /// Names matched ignoring case (Latin) or as written (other scripts).
        let names: [String]
    }

    public static let all: [Agency] = [
        Agency(name: "Reuters", acronyms: [], names: ["Reuters", "রয়টার্স", "রয়টার", "रॉयटर्स", "रायटर्स", "رويترز", "روئٹرز"]),
        Agency(name: "AFP", acronyms: ["AFP"], names: ["Agence France-Presse", "Agence France Presse", "এএফপি", "एएफपी", "فرانس برس"]),
        Agency(name: "AP", acronyms: ["AP"], names: ["Associated Press", "এপি", "एपी", "ای پی"]),
        Agency(name: "BSS", acronyms: ["BSS"], names: ["Bangladesh Sangbad Sangstha", "বাসস", "বাংলাদেশ সংবাদ সংস্থা"]),
        Agency(name: "UNB", acronyms: ["UNB"], names: ["United News of Bangladesh", "ইউএনবি"]),
        Agency(name: "dpa", acronyms: ["DPA", "dpa"], names: ["Deutsche Presse-Agentur", "ডিপিএ"]),
        Agency(name: "ANI", acronyms: ["ANI"], names: ["Asian News International", "এএনআই", "एएनआई"]),
        Agency(name: "PTI", acronyms: ["PTI"], names: ["Press Trust of India", "পিটিআই", "पीटीआई", "प्रेस ट्रस्ट ऑफ इंडिया"]),
        Agency(name: "IANS", acronyms: ["IANS"], names: ["Indo-Asian News Service", "আইএএনএস", "आईएएनएस"]),
        Agency(name: "UNI", acronyms: ["UNI"], names: ["United News of India", "यूएनआई"]),
        Agency(name: "Xinhua", acronyms: [], names: ["Xinhua", "সিনহুয়া", "शिन्हुआ", "शिन्हुआ", "新华社"]),
        Agency(name: "Anadolu", acronyms: [], names: ["Anadolu Agency", "Anadolu Ajansı", "আনাদোলু", "अनादोलु"]),
        Agency(name: "EFE", acronyms: ["EFE"], names: []),
        Agency(name: "ANSA", acronyms: ["ANSA"], names: []),
        Agency(name: "APA", acronyms: ["APA"], names: ["Austria Presse Agentur"]),
        Agency(name: "AAP", acronyms: ["AAP"], names: ["Australian Associated Press"]),
        Agency(name: "Kyodo", acronyms: [], names: ["Kyodo News", "Kyodo", "কিয়োদো"]),
        Agency(name: "Yonhap", acronyms: [], names: ["Yonhap", "ইয়োনহাপ"]),
        Agency(name: "TASS", acronyms: ["TASS"], names: ["তাস"]),
        Agency(name: "UPI", acronyms: ["UPI"], names: ["United Press International"]),
        Agency(name: "KNA", acronyms: ["KNA"], names: []),
        Agency(name: "epd", acronyms: ["epd"], names: []),
        Agency(name: "Belga", acronyms: [], names: ["Belga"]),
        Agency(name: "ANP", acronyms: ["ANP"], names: []),
        Agency(name: "NTB", acronyms: ["NTB"], names: []),
        Agency(name: "Ritzau", acronyms: [], names: ["Ritzau"]),
        Agency(name: "PAP", acronyms: ["PAP"], names: []),
        Agency(name: "Bernama", acronyms: [], names: ["Bernama"]),
        Agency(name: "Antara", acronyms: [], names: ["Antara"]),
        Agency(name: "Bloomberg", acronyms: [], names: ["Bloomberg"]),
    ]

    /// Bengali case endings allowed after an agency name (`রয়টার্সের`, `এএফপির`, `বাসসকে`).
    static let bengaliSuffixes: Set<String> = ["", "র", "ের", "এর", "কে", "তে", "-এর", "’র", "'র", "ও", "এ"]

    /// Acronyms as written, and Latin-script names lower-cased, to their agency.
    static let byExactName: [String: Agency] = {
        var m: [String: Agency] = [:]
        for a in all.reversed() {
            for n in a.acronyms { m[n] = a }
        }
        return m
    }()
    static let byLowerName: [String: Agency] = {
        var m: [String: Agency] = [:]
        for a in all.reversed() {
            for n in a.names where !isBengali(n) { m[n.lowercased()] = a }
        }
        return m
    }()
    static let bengaliNames: [(name: [Unicode.Scalar], agency: Agency)] = all.flatMap { a in
        a.names.filter(isBengali).map { (Array($0.unicodeScalars), a) }
    }

    static let spacesAndPunctuation = CharacterSet.whitespacesAndNewlines.union(.punctuationCharacters)

    /// The agency whose name is the whole of `text` (after trimming; Bengali case endings allowed).
    public static func agency(named text: String) -> Agency? {
        let t = UTF8Scan.hasAlphanumericEdges(text) ? text : UTF8Scan.trimming(text, Self.spacesAndPunctuation)
        guard !t.isEmpty, t.utf8.count <= 160, UTF8Scan.characterCount(of: t, isAtMost: 40) else { return nil }
        if let a = byExactName[t] { return a }
        if isBengali(t) {
            // Compared by scalars: a vowel-sign ending joins the name's last letter into one Character.
            let scalars = Array(t.unicodeScalars)
            for (n, a) in bengaliNames where scalars.starts(with: n) {
                var rest = String.UnicodeScalarView()
                rest.append(contentsOf: scalars[n.count...])
                if bengaliSuffixes.contains(String(rest)) { return a }
            }
            return nil
        }
        return byLowerName[UTF8Scan.lowercased(t)]
    }

    static func isBengali(_ s: String) -> Bool {
        s.unicodeScalars.first.map { (0x0980...0x09FF).contains($0.value) } ?? false
    }
}

import Foundation
