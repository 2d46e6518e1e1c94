import Foundation
import Testing

@testable import Extraction

/// Shortcuts at the edges of texts and scalars: ``UTF8Scan/asciiEdgeTrimming(_:_:)`` against
/// Foundation's `trimmingCharacters(in:)`, the digit-free range of ``ScriptDigits`` against
/// Unicode's properties, and ``BylineParser/trailingLabel(of:)`` against the former search. The
/// texts are those of ``FieldsFastPathTests`` (random mixes of scripts, marks, joiners, spaces and
/// separators) and edge cases of their own.
@Suite("Fields edge shortcuts: same answers as Foundation and the former code")
struct FieldsEdgeShortcutTests {
    static let sets: [(name: String, set: CharacterSet)] = [
        ("spacesAndSeparators", BylineParser.spacesAndSeparators), ("spacesDotColon", BylineParser.spacesDotColon),
        ("quotesBracketsDigits", BylineParser.quotesBracketsDigits), ("parenAndSpace", BylineParser.parenAndSpace),
        ("whitespaceAndColon", BylineParser.whitespaceAndColon), ("whitespaces", .whitespaces),
        ("whitespacesAndNewlines", .whitespacesAndNewlines), ("punctuation", .punctuationCharacters),
        ("letters", .letters),
    ]

    static let edgeTexts: [String] = [
        "", " ", ",", " , ", "Jane Doe, ", " | Jane Doe | ", "-–—", " —Jane— ", "\u{301}, x ,\u{301}", ", \u{301}x", "x \u{301}",
        "\r\n", "\r\nx\r\n", " \u{A0}x\u{A0} ", "\u{2003}x\u{2003}", "·x·", "•x•", "(x)", "\"x\"", "“x”", "12x34", "1 2",
        "😀 , ", " , 😀", "x\u{200D} ", " \u{200C}x", ": x :", "...x...", "\u{600} x", "x \u{600}", "a", " a", "a ",
    ]

    static let texts = edgeTexts + FieldsFastPathTests.texts

    // MARK: Trimming

    @Test("trimming on the bytes, when it settles, equals Foundation's trimmingCharacters for every set used")
    func asciiEdgeTrimming() {
        var settled = 0
        for (name, set) in Self.sets {
            for t in Self.texts {
                let foundation = t.trimmingCharacters(in: set)
                if let fast = UTF8Scan.asciiEdgeTrimming(t, set) {
                    settled += 1
                    #expect(fast == foundation, "\(name) \(t.debugDescription)")
                }
                #expect(UTF8Scan.trimming(t, set) == foundation, "\(name) \(t.debugDescription)")
                // Substrings too (the trimming of a slice of a text).
                if let space = t.firstIndex(of: " ") {
                    let tail = t[space...]
                    #expect(UTF8Scan.trimming(tail, set) == tail.trimmingCharacters(in: set), "\(name) \(t.debugDescription)")
                }
            }
        }
        // (The shortcut must settle most texts, or it is no shortcut.)
        #expect(settled > Self.texts.count)
    }

    // MARK: Digits

    @Test("no scalar of the digit-free range is a decimal digit by Unicode's properties")
    func digitFreeRange() {
        for v in ScriptDigits.noDigitRange {
            guard let s = Unicode.Scalar(v) else { continue }
            #expect(ScriptDigits.lookUp(s) == nil, "U+\(String(v, radix: 16))")
        }
    }

    @Test("ScriptDigits.value(of:) equals Unicode's answer for every scalar of the first two planes")
    func digitValues() {
        for v in UInt32(0)..<0x20000 {
            guard let s = Unicode.Scalar(v) else { continue }
            let unicode = s.properties.numericType == .decimal ? s.properties.numericValue.map { Int($0) } : nil
            #expect(ScriptDigits.value(of: s) == unicode, "U+\(String(v, radix: 16))")
        }
    }

    // MARK: Characters

    @Test("the first Character's case read from the bytes equals Character.isLowercase")
    func firstCharacterCase() {
        let heads = ["a", "z", "A", "Z", "0", " ", "\r\n", "\r", "\n", "é", "e\u{301}", "a\u{301}", "ß", "Ǆ", "ǅ", "ǆ", "ª", "ﬁ", "\u{212A}", "İ", "ক", "😀", "a\u{200D}"]
        for t in Self.texts + heads.flatMap({ h in [h, h + "x", h + " ", h + "\u{301}", h + "\n"] }) {
            #expect(UTF8Scan.firstCharacterIsLowercase(t) == (t.first?.isLowercase == true), "\(t.debugDescription)")
        }
    }

    @Test("letters and numbers found on the bytes of ASCII texts are those Characters find")
    func lettersOrNumbers() {
        let extra = ["", " ", "\n\t ", "—", "…", "\u{600}a", "\u{600}1", "\r\n", "½", "²", "Ⅻ", "ক", "১", "\u{301}", " \u{301}", "_-_", "a", "7"]
        for t in Self.texts + extra {
            #expect(UTF8Scan.containsLetterOrNumber(t) == t.contains(where: { $0.isLetter || $0.isNumber }), "\(t.debugDescription)")
        }
    }

    @Test("agencies are named as the former code (a full Character count) named them")
    func agencyNames() {
        var names: [String] = []
        for a in AgencyCatalog.all {
            for n in [a.name] + a.names + a.acronyms {
                let variants: [String] = [
                    n, n.lowercased(), n + "র", n + "ের", " " + n + ".", n + String(repeating: "x", count: 40),
                    n + String(repeating: "\u{301}", count: 40),
                ]
                names += variants
            }
        }
        for t in Self.texts + names {
            #expect(AgencyCatalog.agency(named: t) == Self.formerAgency(named: t), "\(t.debugDescription)")
        }
    }

    /// ``AgencyCatalog/agency(named:)`` as it was, counting Characters.
    static func formerAgency(named text: String) -> AgencyCatalog.Agency? {
        let t = UTF8Scan.hasAlphanumericEdges(text) ? text : UTF8Scan.trimming(text, AgencyCatalog.spacesAndPunctuation)
        guard !t.isEmpty, t.utf8.count <= 160, t.count <= 40 else { return nil }
        if let a = AgencyCatalog.byExactName[t] { return a }
        if AgencyCatalog.isBengali(t) {
            let scalars = Array(t.unicodeScalars)
            for (n, a) in AgencyCatalog.bengaliNames where scalars.starts(with: n) {
                var rest = String.UnicodeScalarView()
                rest.append(contentsOf: scalars[n.count...])
                if AgencyCatalog.bengaliSuffixes.contains(String(rest)) { return a }
            }
            return nil
        }
        return AgencyCatalog.byLowerName[UTF8Scan.lowercased(t)]
    }

    @Test("blank splits on the bytes, when they settle, are the Character splits")
    func blankSplits() {
        let extra = [
            "নিজস্ব প্রতিবেদক\tসিলেট", "ঢাকা\nপ্রতিনিধি", "ঢাকা\r\nপ্রতিনিধি", "ঢাকা \u{9BE}x", "\u{600} ঢাকা", " \u{301}ক", "ক\u{200D} খ",
            "वाराणसी ब्यूरो", "हमारे  संवाददाता ", "\tক\n", "ক\r\n", "\r\nক", "ক \u{94D}", "ক\u{D4E} খ",
        ]
        for t in Self.texts + extra {
            let characters = t.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
            if let bytes = BylineParser.blankSplitOnBytes(t) {
                #expect(bytes == characters, "\(t.debugDescription)")
                #expect(bytes.map(\.startIndex) == characters.map(\.startIndex), "\(t.debugDescription)")
            }
            #expect(BylineParser.splitAtBlanks(t) == characters, "\(t.debugDescription)")
        }
    }

    // MARK: Byline labels

    @Test("the trailing label found from the bytes is the one the former search found")
    func trailingLabels() {
        var labelled: [String] = ["Help Net Security Sponsored", "X SPONSORED", "Anzeige", " anzeige", "Partner Content"]
        for t in Self.edgeTexts + Array(FieldsFastPathTests.texts.prefix(400)) {
            for l in BylineParser.trailingLabels {
                let umlauted: String = l.replacingOccurrences(of: "o", with: "o\u{308}")
                let variants: [String] = [t + l, t + l.uppercased(), t + l + "\u{301}", t + "\u{600}" + l, t + umlauted]
                labelled += variants
            }
        }
        for p in Self.texts + labelled {
            let former = BylineParser.trailingLabels.first(where: { UTF8Scan.lowercased(p).hasSuffix($0) })
            #expect(BylineParser.trailingLabel(of: p) == former, "\(p.debugDescription)")
        }
    }
}
