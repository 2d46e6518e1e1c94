import Testing
@testable import Extraction

/// The byte-level helpers of the content stage give the answers of the `String` operations they replace.
@Suite("Content stage fast paths: same answers as the String operations they replace")
struct ContentFastPathTests {
    static let samples: [String] = [
        "Read More", "আরও পড়ুন: সর্বশেষ খবর", "ये भी पढ़ें", "À LIRE AUSSI", "LEER MÁS", "İstanbul’da", "ΣΟΦΙΑ",
        "Google News\u{200C} অনুসরণ করুন", "Photo: Reuters", "ছবিঃ সংগৃহীত", "«Zitat» – Grüße", "", "1234 ১২৩৪",
        "cafe\u{0301}", "café", "Straße", "ǅ", "\u{00A0}x\u{00B5}",
    ]

    @Test("Lower-cased bytes equal the UTF-8 of String.lowercased() for ASCII, Indic, Latin and Greek text")
    func lowercasedBytes() {
        for s in Self.samples {
            #expect(CaseMapping.lowercasedBytes(s) == Array(s.lowercased().utf8), "\(s)")
        }
    }

    @Test("The phrase needle set finds a phrase exactly when some phrase's bytes occur in the text")
    func needleSetAgreesWithByteSearch() {
        let texts = Self.samples.map { Array($0.lowercased().utf8) } + BoilerplateHints.phraseBytes
            + BoilerplateHints.phraseBytes.map { Array("x ".utf8) + $0.dropLast() }
        for hay in texts {
            let expected = BoilerplateHints.phraseBytes.contains { ByteSearch.contains(hay, $0) }
            #expect(BoilerplateHints.phraseSet.containsAny(in: hay) == expected, "\(String(decoding: hay, as: UTF8.self))")
        }
        let short = ByteNeedleSet([Array("ab".utf8), Array("xyz".utf8)])
        #expect(short.containsAny(in: Array("cab".utf8)))
        #expect(short.containsAny(in: Array("--xyz".utf8)))
        #expect(!short.containsAny(in: Array("xy z".utf8)))
    }

    @Test("Text keys are equal exactly when the strings are (canonical equivalence included)")
    func textKeysFollowStringEquality() {
        for a in Self.samples {
            for b in Self.samples {
                #expect((TextKey(a) == TextKey(b)) == (a == b), "\(a) / \(b)")
            }
        }
        #expect(Set([TextKey("cafe\u{0301}"), TextKey("café")]).count == 1)
    }

    @Test("Headline keys keep letters, digits and vowel signs of the lower-cased text")
    func headlineKey() {
        for s in Self.samples + ["রাশিয়া সফরে যাবেন ইরানের প্রেসিডেন্ট!", "Hello, World — 2025", "日本語のテキスト"] {
            let expected = String(String.UnicodeScalarView(s.lowercased().unicodeScalars.filter(ContentAnalysis.isKeyScalar)))
            #expect(ContentAnalysis.key(s) == expected, "\(s)")
        }
    }

    @Test("The byte prefilter rules a needle out only where String.contains finds nothing")
    func mayContain() {
        let hays = Self.samples + ["© 2025 সর্বস্বত্ব সংরক্ষিত", "all rights reserved by us", "tous droits réservés"]
        for hay in hays {
            for needle in ["all rights reserved", "সর্বস্বত্ব সংরক্ষিত", "tous droits réservés", "é", "e", "পড়ুন"] {
                if !ByteSearch.mayContain(hay, needle) { #expect(!hay.contains(needle), "\(hay) / \(needle)") }
            }
        }
        #expect(!ByteSearch.mayContain("বাংলাদেশ", "all rights reserved"))
        #expect(ByteSearch.mayContain("© 2025 সর্বস্বত্ব সংরক্ষিত", "সর্বস্বত্ব সংরক্ষিত"))
        #expect(ByteSearch.mayContain("cafe\u{0301}", "é"))
    }

    @Test("ASCII byte search of class names and URLs agrees with String.contains")
    func asciiContains() {
        for (hay, needle) in [("wp-caption-text", "caption"), ("lazyload", "lazy"), ("photo-credit", "caption"), ("ছবি caption", "caption"), ("", "x")] {
            #expect(ByteSearch.contains(hay, ascii: needle) == hay.contains(needle), "\(hay) / \(needle)")
        }
    }
}
