import Testing

@testable import Extraction

/// ``HeadlineSelector/normalize(_:)`` reads an all-ASCII text byte by byte
/// (``HeadlineSelector/normalizeASCII(_:)``), any other from its bytes
/// (``HeadlineSelector/normalizeBytes(_:)``), and gives what the plain scalar-by-scalar definition
/// gives: lower case, letters, digits and marks only, runs of anything else made one space.
@Suite("HeadlineSelector.normalize: the ASCII shortcut and the scalar code agree")
struct HeadlineNormalizeTests {
    /// The definition, scalar by scalar with Unicode's general categories.
    static func normalizeReference(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        func put(_ v: Unicode.Scalar) {
            if space, !out.isEmpty { out.append(" ") }
            space = false
            out.append(v)
        }
        for sc in s.unicodeScalars {
            if sc.value == 0x200C || sc.value == 0x200D { put(sc); continue }
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

    static let samples: [String] = [
        "", " ", "  ", "a", "A", "Z", "@", "[", "`", "{", "0", "9", "/", ":", "~", "\u{7F}", "\t\n\r", "a b", " a ", "a  b", "a--b",
        "Breaking: The Minister Resigns!", "  Leading and trailing  ", "ALL CAPS HEADLINE 2024", "O'Brien's 3rd win — again",
        "x_y", "x^y", "C3PO & R2-D2", "12345678", "abcdefgh", "abcdefghi", "The Economist | World News",
        "Café au lait", "İstanbul’da seçim", "ıI", "\u{212A}elvin", "ǅemal", "e\u{301}", "a\u{301}\u{302}b", "ﬁne", "ß ẞ",
        "রয়টার্স: ঢাকায় বৈঠক", "র\u{09DF}টার্স", "রয\u{09BC}টার্স", "ক্ষ্ম", "খবর।", "নিজস্ব প্রতিবেদক", "হাসিনা\u{200C}র", "a\u{200D}b",
        "हिन्दी समाचार", "ΑΘΗΝΑ", "Ⱥ", "😀 emoji 😀", "👩‍👩‍👧 family", "新华社 报道", "٢٠٢٤ عربي", "१६ अप्रैल", "x\u{A0}y", "end\u{3000}",
    ]

    static func randomTexts(count: Int, seed: UInt64) -> [String] {
        let pieces = ["The", "the", "A", "z", "Z", "0", "9", " ", "  ", "-", ":", "|", "'", "@", "[", "`", "{", "\t", "\u{7F}",
                      "é", "İ", "\u{301}", "রয়", "ক্ষ", "😀", "\u{200C}", "\u{A0}", "abcdefgh", "XYZ", "1234"]
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            (0..<Int(rng.next() % 14)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
        }
    }

    @Test("normalize and both byte readings give the scalar-by-scalar definition's text")
    func normalizeMatchesReference() {
        var ascii = 0
        for t in Self.samples + Self.randomTexts(count: 4000, seed: 0x4EAD) {
            #expect(HeadlineSelector.normalize(t) == Self.normalizeReference(t), "\(t.debugDescription)")
            var t = t
            if let fast = t.withUTF8(HeadlineSelector.normalizeASCII) {
                ascii += 1
                #expect(fast == Self.normalizeReference(t), "\(t.debugDescription)")
                #expect(fast.utf8.count <= t.utf8.count)
            } else {
                #expect(t.utf8.contains { $0 >= 0x80 }, "\(t.debugDescription)")
            }
            #expect(t.withUTF8(HeadlineSelector.normalizeBytes) == Self.normalizeReference(t), "\(t.debugDescription)")
        }
        #expect(ascii > 500)
    }
}
