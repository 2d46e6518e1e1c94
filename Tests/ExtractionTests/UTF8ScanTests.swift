import Foundation
import Testing

@testable import Extraction

/// The byte shortcuts of ``UTF8Scan`` must give the answers of the String/Foundation calls they
/// stand in for; each test compares them on texts chosen to reach the slow paths too.
@Suite("UTF8Scan shortcuts")
struct UTF8ScanTests {
    static let texts: [String] = [
        "", " ", "  by  ", "By Jane Doe", "by: Ziyi Xu, Dec 17, 2025", "written by John", "Written By",
        "কালবেলা ডেস্ক", "নিজস্ব প্রতিবেদক, সিলেট", "লেখক: কালবেলা", "লেখকের কথা", " ঢাকা  প্রতিনিধি ",
        "প্রকাশ : ২৭ ডিসেম্বর ২০২৪", "a \u{301}b", "x \u{9BE}y", "\u{600} 12", "e\u{301} by", "by\u{301} x",
        "Ümit Öz  ", "\tTab\n", "\u{A0}nbsp\u{A0}", "\u{2003}em", "end\u{3000}", "O'Brien", "(AP) —", "KELVIN \u{212A}",
        "समाचार एजेंसी", "ने बताया कि", "日本語 テキスト", "😀 emoji 😀", "a  b   c", "trailing ", " leading",
    ]

    @Test("spaceSplit gives the Character split of every text, including spaces joined to marks")
    func spaceSplitMatchesSplit() {
        for t in Self.texts {
            #expect(UTF8Scan.spaceSplit(t) == t.split(separator: " "), "\(t.debugDescription)")
        }
    }

    @Test("hasPrefix agrees with String.hasPrefix for lead words in several scripts")
    func hasPrefixMatches() {
        let prefixes = ["by ", "by: ", "written by ", "by", "লেখক", "প্রকাশ", "e", "a ", "", "समाचार", "O'"]
        for t in Self.texts {
            for p in prefixes {
                #expect(UTF8Scan.hasPrefix(t, p) == t.hasPrefix(p), "\(t.debugDescription) \(p.debugDescription)")
            }
        }
    }

    @Test("bounded Character counts agree with String.count")
    func characterCounts() {
        for t in Self.texts {
            for limit in 0...12 {
                #expect(UTF8Scan.characterCount(of: t, isAtMost: limit) == (t.count <= limit), "\(t.debugDescription) \(limit)")
                #expect(UTF8Scan.characterCount(of: t, isAtLeast: limit) == (t.count >= limit), "\(t.debugDescription) \(limit)")
            }
        }
    }

    @Test("texts the edge checks let through are unchanged by trimming")
    func edgeChecksImplyNoTrim() {
        for t in Self.texts + ["abc", "a", "1x2", "x.", ".x", "a b"] {
            if UTF8Scan.hasNoEdgeSpace(t) {
                #expect(t.trimmingCharacters(in: .whitespacesAndNewlines) == t, "\(t.debugDescription)")
            }
            if UTF8Scan.hasAlphanumericEdges(t) {
                #expect(t.trimmingCharacters(in: CharacterSet.punctuationCharacters.union(.whitespacesAndNewlines)) == t)
            }
        }
    }

    @Test("pair masks never rule out a needle that occurs")
    func pairFiltersAreSafe() {
        let needles = UTF8Scan.Needles(["byline", "author", "date", "meta", "a", "", "ডেস্ক", "reuters", "ap"])
        let hays = Self.texts.map { UTF8Scan.asciiLowered($0) } + [Array("post-meta byline-author".utf8), Array("x".utf8)]
        for hay in hays {
            let mask = UTF8Scan.PairMask(hay)
            #expect(UTF8Scan.containsAny(hay, needles, mask: mask) == UTF8Scan.containsAny(hay, needles.bytes))
            for n in needles.bytes where UTF8Scan.contains(hay, n) {
                #expect(mask.mayContain(UTF8Scan.PairMask(n)))
            }
        }
    }

    @Test("the scalar count bounds the Character count from above, so 'at most k scalars' settles 'at most k Characters'")
    func scalarCountBoundsCharacters() {
        for t in Self.texts + ["প্রকাশ : ২৭ ডিসেম্বর ২০২৪, ০৮:৫৩ পিএম", "ক্ষ্ম", "e\u{301}\u{302}", "👩‍👩‍👧", "\r\n"] {
            #expect(UTF8Scan.scalarCount(t) == t.unicodeScalars.count)
            #expect(UTF8Scan.scalarCount(t) >= t.count)
            for k in [0, 1, 5, 40, 80] {
                #expect(UTF8Scan.characterCount(of: t, isAtMost: k) == (t.count <= k), "\(t) \(k)")
            }
        }
    }
}

