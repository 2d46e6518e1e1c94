import Foundation
import Testing

@testable import Extraction

/// The byte scanners and token shortcuts of the fields stage give the answers of the code they
/// replaced (kept here as the reference) or of the plain operation: on awkward texts (Bengali
/// and other scripts' digits and month names, mixed scripts, white space that collapses or
/// vanishes, scalars whose lower case is ASCII) and at every boundary length.
@Suite("Fields stage scanners: same answers as their references")
struct FieldsScannerTests {
    // MARK: Inputs

    /// The samples and random texts of ``FieldsFastPathTests``, random date texts and random
    /// Bengali texts.
    static let texts: [String] = FieldsFastPathTests.texts + FieldsFastPathTests.randomDates(count: 2000, seed: 0xD47E5)
        + FieldsByteScanTests.randomBengali(count: 1500, seed: 0xBE9)
        + ["২৭ ডিসেম্বর ২০২৪, ১০:৩০ পিএম", "রাত ৮:৫৩", "সকাল ১০টা", "১৩ পৌষ ১৪৩১ বঙ্গাব্দ", "২০২৪-১২-২৭", "প্রকাশ: ২৭/১২/২৪",
           "๒๕๖๗", "၂၀၂၄ ခုနှစ်", "２０２４年１２月２７日", "༢༠༢༤", "߂߀߂߄", "٢٠٢٤/١٢/٢٧", "۲۰۲۴", "२०२४ अप्रैल १६",
           "Kelvin \u{212A}", "\u{130}STANBUL", "İstanbul desk", "te\u{200B}am", "sta\u{301}ff reporter", "Team", "tea", "TEAM", "steam",
           "কালবেলা ডেস্ক", "ডেস্ক", "ডেস্", "নিজস্ব প্রতিবেদক", "our", "ou", "OUR", "hour", "a|1", "a·1", "a•1", "a⋅1", "|", "1",
           "\u{B0}\u{B9}", "°¹²³", "¹²³|", "１|２"]

    // MARK: Needle scanner

    @Test("the needle scanner finds a needle exactly where a search of the lowered bytes does")
    func needleScanner() {
        let needles = PageClueFinder.unmarkedBylineWordBytes.bytes + [[0xE2, 0x84, 0xAA]]
        let scanner = PageClueFinder.unmarkedBylineScanner
        var found = 0
        // Every needle alone, cut short, at either end, in either case.
        var inputs = Self.texts
        for n in needles {
            let s = String(decoding: n, as: UTF8.self)
            inputs += [s, String(s.dropLast()), String(s.dropFirst()), "x" + s, s + "x", s.uppercased(), "ab " + s + " cd"]
        }
        for t in inputs {
            let b = Array(t.utf8)
            let expected = UTF8Scan.containsAny(UTF8Scan.asciiLowered(b), needles)
            #expect(b.withUnsafeBufferPointer(scanner.containsAny) == expected, "\(t.debugDescription)")
            #expect(b.withUnsafeBufferPointer(scanner.containsAnyEveryByte) == expected, "\(t.debugDescription)")
            // From every start: needles at odd and even offsets.
            for k in 0...min(b.count, 4) {
                let p = Array(b[k...])
                #expect(p.withUnsafeBufferPointer(scanner.containsAny) == UTF8Scan.containsAny(UTF8Scan.asciiLowered(p), needles))
            }
            if expected { found += 1 }
            // Every prefix: the needle's last bytes at the buffer's end.
            for k in 0...min(b.count, 24) {
                let p = Array(b[..<k])
                #expect(p.withUnsafeBufferPointer(scanner.containsAny) == UTF8Scan.containsAny(UTF8Scan.asciiLowered(p), needles))
            }
        }
        #expect(found > 100)
    }

    @Test("the unmarked-credit byte check answers as its former pair-mask code")
    func unmarkedByline() {
        for t in Self.texts {
            let b = Array(t.utf8)
            #expect(b.withUnsafeBufferPointer(PageClueFinder.mayBeUnmarkedByline) == Self.mayBeUnmarkedBylineReference(b), "\(t.debugDescription)")
        }
    }

    /// ``PageClueFinder/mayBeUnmarkedByline(_:)-(UnsafeBufferPointer<UInt8>)`` as it was.
    static func mayBeUnmarkedBylineReference(_ b: [UInt8]) -> Bool {
        guard let f = b.first else { return false }
        let l = f | 0x20
        if l == 0x62 || l == 0x77 || l == 0x70 { return true }
        if b.starts(with: PageClueFinder.lekhokBytes) { return true }
        var prev: UInt8 = 0, prev2: UInt8 = 0
        for c in b {
            if (prev == 0xC4 && c == 0xB0) || (prev2 == 0xE2 && prev == 0x84 && c == 0xAA) { return true }
            prev2 = prev
            prev = c
        }
        return UTF8Scan.containsAny(UTF8Scan.asciiLowered(b), PageClueFinder.unmarkedBylineWordBytes.bytes)
    }

    /// ``PageClueFinder/mayBeNameAndDate(_:)-(UnsafeBufferPointer<UInt8>)`` as it was (no digit pre-check).
    static func mayBeNameAndDateReference(_ b: [UInt8]) -> Bool {
        var separator = false, digit = false
        var prev: UInt8 = 0, prev2: UInt8 = 0
        for c in b {
            if c == 0x7C || (prev == 0xC2 && c == 0xB7) || (prev2 == 0xE2 && prev == 0x80 && c == 0xA2) || (prev2 == 0xE2 && prev == 0x8B && c == 0x85) {
                separator = true
            } else if c &- 0x30 < 10 {
                digit = true
            }
            prev2 = prev
            prev = c
        }
        return separator && digit
    }

    @Test("the name-and-date check with its digit pre-check answers as before")
    func nameAndDate() {
        for t in Self.texts {
            let b = Array(t.utf8)
            #expect(b.withUnsafeBufferPointer(PageClueFinder.mayBeNameAndDate) == Self.mayBeNameAndDateReference(b), "\(t.debugDescription)")
        }
    }

    // MARK: Byte tests

    @Test("digits found eight bytes at a time are the digits found byte by byte, at every position and length")
    func asciiDigits() {
        // Bytes whose low seven bits are a digit's (0xB0–0xB9) are no digit; ':' and '/' border the digits.
        let others: [UInt8] = [0x20, 0x2F, 0x3A, 0x41, 0x7F, 0x80, 0xB0, 0xB5, 0xB9, 0xE0, 0xA7, 0xFF]
        for length in 0...20 {
            for filler in others {
                var b = [UInt8](repeating: filler, count: length)
                #expect(!b.withUnsafeBufferPointer(UTF8Scan.holdsASCIIDigit))
                for at in 0..<length {
                    for digit: UInt8 in [0x30, 0x35, 0x39] {
                        b[at] = digit
                        #expect(b.withUnsafeBufferPointer(UTF8Scan.holdsASCIIDigit), "\(length) \(at) \(filler)")
                        b[at] = filler
                    }
                }
            }
        }
        for t in Self.texts {
            let b = Array(t.utf8)
            #expect(b.withUnsafeBufferPointer(UTF8Scan.holdsASCIIDigit) == b.contains { $0 &- 0x30 < 10 }, "\(t.debugDescription)")
        }
    }

    @Test("word counts from the bytes are the counts of the Character split")
    func spaceSplitCounts() {
        for t in Self.texts + [" ", "  a  b ", "a \u{301}b", "ক \u{9BE}", "ক \u{9BC}", "\u{600} x", " \u{200D}x", "a\r\n b", "নিজস্ব  প্রতিবেদক "] {
            let expected = t.split(separator: " ").count
            #expect(UTF8Scan.spaceSplitCount(t) == expected, "\(t.debugDescription)")
            #expect(UTF8Scan.spaceSplit(t).count == expected, "\(t.debugDescription)")
        }
    }

    @Test("a byte found with memchr is found by the UTF-8 view")
    func containsByte() {
        for t in Self.texts + ["", "&", ";", "&amp;", "a&b;c"] {
            for byte: UInt8 in [0x26, 0x3B, 0x40, 0xE0] {
                #expect(UTF8Scan.containsByte(t, byte) == t.utf8.contains(byte), "\(t.debugDescription) \(byte)")
            }
        }
    }

    @Test("a set of byte pairs holds exactly the pairs it was made of")
    func bytePairSet() {
        let pairs: [UInt16] = [0x6175, 0x7772, 0x0000, 0xFFFF, 0x003F, 0x0040, 0x2F2F]
        let set = BytePairSet(pairs)
        for p in 0...UInt16.max { #expect(set.contains(p) == pairs.contains(p)) }
        let heads = Set(PageClueFinder.authorPathBytes.bytes.map { UInt16($0[1]) << 8 | UInt16($0[2]) })
        for p in 0...UInt16.max where PageClueFinder.authorPathHeads.contains(p) != heads.contains(p) { Issue.record("pair \(p)") }
    }

    @Test("character lists with and without Indic members answer as String.contains for Indic clusters")
    func indicCharacterLists() {
        let lists = ["|·•", ",;|/•·\n", "।|", "ক্ষ,", "\u{9DF}/", "য\u{9BC};"]
        var characters: [Character] = (0x900...0xDFF).compactMap { Unicode.Scalar(UInt32($0)).map(Character.init) }
        for s in ["ক্ষ", "ক\u{9BC}", "\u{9DF}", "য\u{9BC}", "\u{93C}\u{334}", "\u{9BC}\u{301}", "ন্ত্র", "র্\u{200D}য", "।", "॥", "\u{958}", "क\u{93C}"] {
            characters += Array(s)
        }
        for set in lists {
            let list = UTF8Scan.CharacterList(set)
            for c in characters where list.contains(c) != set.contains(c) {
                Issue.record("\(set.debugDescription) \(String(c).unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }

    // MARK: Bylines

    @Test("trailing titles and link prefixes found from the bytes are those of the Character tests")
    func bylineWordTests() {
        var inputs = Self.texts
        for t in BylineParser.trailingTitles {
            inputs += ["Jane Doe " + t, "X" + t, t, " " + t, "Jane " + t.uppercased(), "কালবেলা " + t, "Jane Doe " + t + "\u{301}", "ab\r\n" + t]
        }
        inputs += ["신현주 기자", "신현주 \u{110C}\u{1161}\u{1100}\u{1175}", "山田太郎\u{FA5B}", "山田太郎記\u{FA5B}", "নিজস্ব প্রতিবেদক", "Anna Redakteurin", "Jane Reporter"]
        for t in inputs {
            #expect(BylineParser.stripTrailingTitle(t) == Self.stripTrailingTitleReference(t), "\(t.debugDescription)")
        }
        for w in inputs + ["http://x", "https", "htt", "www.example.com", "www", "WWW.x", "h\u{301}ttp", "http\u{301}", "ｈttp", "w\u{302}ww."] {
            let word = Substring(w)
            #expect(BylineParser.startsWithLinkPrefix(word) == (word.hasPrefix("http") || word.hasPrefix("www.")), "\(w.debugDescription)")
        }
    }

    /// ``BylineParser/stripTrailingTitle(_:)`` as it was.
    static func stripTrailingTitleReference(_ s: String) -> String {
        if BylineParser.role(of: UTF8Scan.lowercased(s)) == .staff { return s }
        for t in BylineParser.trailingTitles where s.hasSuffix(t) && s.count > t.count + 1 {
            return UTF8Scan.trimming(String(s.dropLast(t.count)), .whitespaces)
        }
        return s
    }

    // MARK: Class and id hints

    @Test("class hints found at every other byte are those found at every byte and by searching each fragment")
    func clueHintStride() {
        let fragments = ClueHints.needles.map { String(decoding: $0, as: UTF8.self) }
        let pieces = fragments + fragments.map { $0.uppercased() } + fragments.map { String($0.dropFirst()) } + fragments.map { String($0.dropLast()) }
            + [" ", "-", "_", "x", "ab", "Ñ", "\u{301}", "ä", "ডেস্ক", "0", "Q", "?", "@", "`"]
        var rng = SplitMix64(seed: 0xC1E)
        var hits = 0
        for _ in 0..<4000 {
            let n = Int(rng.next() % 8) + 1
            let b = Array((0..<n).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined().utf8)
            let lowered = UTF8Scan.asciiLowered(b)
            b.withUnsafeBufferPointer { buf in
                // Every start and end within the text (odd and even offsets, ranges too short to hold a fragment).
                for lo in 0...min(b.count, 5) {
                    for hi in Set([b.count, max(lo, b.count - 1), max(lo, b.count - 2), min(b.count, lo + 3)]) where hi >= lo {
                        var stride: UInt64 = 0, every: UInt64 = 0
                        ClueHints.scan(buf, lo..<hi, into: &stride)
                        ClueHints.scanEveryByte(buf, lo..<hi, into: &every)
                        var expected: UInt64 = 0
                        let part = Array(lowered[lo..<hi])
                        for (j, needle) in ClueHints.needles.enumerated() where UTF8Scan.contains(part, needle) { expected |= 1 << UInt64(j) }
                        #expect(stride == expected && every == expected, "\(String(decoding: b, as: UTF8.self).debugDescription) \(lo) \(hi)")
                        if expected != 0 { hits += 1 }
                    }
                }
            }
        }
        #expect(hits > 1000)
    }

    @Test("no label key is shorter than the length the clue loop asks of a label's text")
    func shortestLabel() {
        let keys = PageClueFinder.authorLabels.map { $0.utf8.count } + PageClueFinder.standaloneDateLabels.keys.map { $0.utf8.count }
        #expect(PageClueFinder.shortestLabelKey == keys.min())
        #expect(PageClueFinder.shortestLabelKey >= 2)
    }

    // MARK: Dates

    @Test("the date check reading the digit table through a pointer answers as its former code")
    func mayHaveDate() {
        var passed = 0
        for t in Self.texts + (0..<40).map({ String(repeating: "x", count: 380 + $0) + "2024" }) {
            let b = Array(t.utf8)
            let expected = Self.mayHaveDateReference(b)
            #expect(b.withUnsafeBufferPointer(DateParser.mayHaveDate) == expected, "\(t.debugDescription)")
            if expected { passed += 1 }
        }
        #expect(passed > 500)
        // Digits of every script by the table's edges: U+0660 (its start), U+0FFF and past it (Myanmar, fullwidth).
        for v: UInt32 in [0x65F, 0x660, 0x669, 0x6F0, 0x7C0, 0x7FF, 0x800, 0x966, 0x96F, 0x9E6, 0x9EF, 0xBE6, 0xE50, 0xF20, 0xFFF, 0x1000, 0x1040, 0x1049, 0xFF10, 0xFF19, 0x1D7CE] {
            guard let s = Unicode.Scalar(v) else { continue }
            for t in [String(repeating: String(s), count: 4), "12." + String(repeating: String(s), count: 2), "a" + String(repeating: String(s), count: 3) + "b"] {
                let b = Array(t.utf8)
                #expect(b.withUnsafeBufferPointer(DateParser.mayHaveDate) == Self.mayHaveDateReference(b), "\(String(v, radix: 16))")
            }
        }
    }

    @Test("the date check answers as its former code on cut-short and overlong three-byte sequences")
    func mayHaveDateBytes() {
        var inputs: [[UInt8]] = []
        for b1: UInt8 in [0x80, 0x99, 0x9F, 0xA0, 0xA5, 0xA7, 0xBF] {
            for b2: UInt8 in [0x80, 0xA6, 0xAF, 0xB0, 0xBF] {
                let s: [UInt8] = [0xE0, b1, b2]
                inputs += [s, s + s + s + s, Array("12.".utf8) + s + s, Array("20".utf8) + s + Array("24".utf8), [0xE0], [0xE0, b1], Array("2024".utf8) + [0xE0, b1]]
            }
        }
        for b in inputs { #expect(b.withUnsafeBufferPointer(DateParser.mayHaveDate) == Self.mayHaveDateReference(b), "\(b)") }
    }

    static func mayHaveDateReference(_ b: [UInt8]) -> Bool { b.withUnsafeBufferPointer(mayHaveDateReference) }

    /// ``DateParser/mayHaveDate(_:)-(UnsafeBufferPointer<UInt8>)`` as it was, asking ``ScriptDigits`` per scalar.
    static func mayHaveDateReference(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        // Most texts: ASCII without a digit up to their end (or past the 400th scalar).
        var i = 0
        // Eight bytes at a time while they are ASCII without a digit (see ``DateParser.asciiWithoutDigit(_:)``).
        while i + 8 <= n, DateParser.asciiWithoutDigit(UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)) { i += 8 }
        while i < n, b[i] &- 0x30 >= 10, b[i] < 0x80 { i += 1 }
        if i == n || i >= 400 { return false }
        // The state at byte i: ASCII so far (one scalar per byte), no number yet, the last token a
        // separator when the last byte that is not white space is `.` or `/`.
        var scalars = i
        var run = 0                  // digits in the current number
        var afterSeparator = false   // the last token was `.` or `/` (or may have been)
        var back = i - 1
        while back >= 0, b[back] == 0x20 || b[back] &- 0x09 < 5 { back -= 1 }
        if back >= 0 { afterSeparator = b[back] == 0x2E || b[back] == 0x2F }
        var runAfterSeparator = false
        while i < n {
            scalars += 1
            if scalars > 400 { break }
            let c = b[i]
            var digit = false
            if c < 0x80 {
                i += 1
                if c &- 0x30 < 10 {
                    digit = true
                } else {
                    if run > 0 {
                        if run == 4 || (run == 2 && runAfterSeparator) { return true }
                        run = 0
                        afterSeparator = false
                    }
                    // Letters are words, `.` and `/` separators, other punctuation ends a
                    // separator; white space makes no token.
                    if (c | 0x20) &- 0x61 < 26 {
                        afterSeparator = false
                    } else if c == 0x2E || c == 0x2F {
                        afterSeparator = true
                    } else if !(c == 0x20 || c &- 0x09 < 5) {
                        afterSeparator = false
                    }
                    continue
                }
            } else {
                // Decode one scalar (valid UTF-8; a sequence cut short at the end reads as no digit).
                var v: UInt32 = 0
                if c < 0xE0 {
                    if i + 1 < n { v = UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F) }
                    i += 2
                } else if c < 0xF0 {
                    if i + 2 < n { v = UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F) }
                    i += 3
                } else {
                    if i + 3 < n {
                        v = UInt32(c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F)
                    }
                    i += 4
                }
                if v >= 0x660, let s = Unicode.Scalar(v), ScriptDigits.value(of: s) != nil { digit = true }
            }
            if digit {
                if run == 0 { runAfterSeparator = afterSeparator }
                run += 1
            } else if run > 0 {
                // A non-ASCII scalar that is no digit ends the number.
                if run == 4 || (run == 2 && runAfterSeparator) { return true }
                run = 0
                afterSeparator = false
            }
        }
        return run == 4 || (run == 2 && runAfterSeparator)
    }

    @Test("no time and no month-first date starts where the token shortcuts say none can")
    func tokenShortcuts() {
        let parser = DateParser()
        var times = 0, dates = 0, skipped = 0
        // Month-first dates with fillers and punctuation between their parts, near the four-token reach.
        var monthFirst: [String] = []
        for month in ["Dec", "December", "Dezember", "ডিসেম্বর", "jan", "Mai"] {
            for gap in [" ", ". ", " . , ", " the ", " of the ", ", . . "] {
                for day in ["27", "5", "২৭", "123"] {
                    for year in [", 2024", " 2024", " . ২০২৪", " 24", ", of 2024"] { monthFirst.append(month + gap + day + year) }
                }
            }
        }
        for t in Self.texts + monthFirst + ["PM 8:53", "p. m. 8:53", "오후 8:53", "午後8時", "রাত ৮:৫৩", "বিকেল ৫:১০", "সকাল ১০:৩০", "अपराह्न 3:15",
                               "Dec. 27th 2024", "December 27 2024", "Dec . , 27 2024", "Dezember 27. 2024", "ডিসেম্বর ২৭, ২০২৪", "Jan the 5 2024"] {
            let tokens = DateParser.tokenize(t)
            for i in tokens.indices {
                let time = parser.matchTimeTokens(tokens, i)
                if !DateParser.mayStartTime(tokens, i) { #expect(time == nil, "\(t.debugDescription) \(i)"); skipped += 1 }
                if time != nil { times += 1 }
                #expect(parser.matchTime(tokens, i)?.0 == time?.0 && parser.matchTime(tokens, i)?.1 == time?.1)
                if tokens[i].number == nil {
                    let date = parser.matchMonthFirstDate(tokens, i)
                    if !DateParser.mayStartMonthFirstDate(tokens, i) { #expect(date == nil, "\(t.debugDescription) \(i)") }
                    if date != nil { dates += 1 }
                    #expect(parser.matchDate(tokens, i)?.0 == date?.0 && parser.matchDate(tokens, i)?.1 == date?.1)
                }
            }
        }
        #expect(times > 50, "\(times)")
        #expect(dates > 20, "\(dates)")
        #expect(skipped > 1000, "\(skipped)")
    }

    // MARK: Plain words

    @Test("words of texts read as plain are equal as Strings exactly when their bytes are, nukta and two-part vowels included")
    func plainWords() {
        // য় written as য + nukta (NFC) and as one scalar (not NFC); ো in one scalar (NFC) and two (not).
        let pieces = ["য\u{9BC}", "\u{9DF}", "ড\u{9BC}", "\u{9DC}", "ক\u{9CB}", "ক\u{9C7}\u{9BE}", "ক\u{9CC}", "ক\u{9C7}\u{9D7}",
                      "ক\u{9CD}\u{9BC}", "ক\u{9BC}\u{9CD}", "\u{9BC}", "\u{9CD}", "\u{9C7}", "\u{9BE}", "ন", "ি", "ে", "হ", "\u{200C}", "\u{200D}",
                      "ক\u{9BC}\u{9BC}", "ক\u{9C7}\u{9BC}\u{9BE}", " ", " ", "a", "é", "e\u{301}"]
        var rng = SplitMix64(seed: 0x9BC)
        var words: [(bytes: [UInt8], text: String)] = []
        var plain = 0, seen = 0
        for _ in 0..<3000 {
            let n = Int(rng.next() % 10) + 1
            let t = (0..<n).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            let b = Array(t.utf8)
            seen += 1
            guard let ranges = HeadlineSelector.Compared.plainWordRanges(b) else { continue }
            plain += 1
            let split = UTF8Scan.spaceSplit(t).map(String.init)
            #expect(ranges.map { String(decoding: b[$0], as: UTF8.self) } == split, "\(t.debugDescription)")
            for r in ranges { words.append((Array(b[r]), String(decoding: b[r], as: UTF8.self))) }
        }
        #expect(plain > 300 && plain < seen)
        for x in words.prefix(600) {
            for y in words.prefix(600) { #expect((x.bytes == y.bytes) == (x.text == y.text), "\(x.text.debugDescription) \(y.text.debugDescription)") }
        }
    }

    // MARK: Collapsing buffer

    @Test("the collapsing buffer holds each text's collapsed bytes, past its first capacity and after longer texts")
    func collapsingBuffer() throws {
        let long = String(repeating: "পদ্মা সেতু \u{A0}\u{200B} news ", count: 40)
        var texts = [long, "x", " \t ", long + long, "\u{2003}a\u{3000}", "ab  cd"] + FieldsFastPathTests.samples
        texts += texts.reversed()
        var buffer = CollapsedTextBuffer(cap: 161)
        for t in texts {
            let escaped = t.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            let doc = try parseHTML("<p>\(escaped)</p>")
            guard let p = doc.elements(.p).first, let n = doc.firstChild(p), doc.isText(n) else { continue }
            buffer.load(doc, n)
            let expected = doc.collapsedText(n)
            #expect(buffer.text == expected)
            #expect(buffer.withBytes { Array($0) } == Array(expected.utf8))
            #expect(buffer.isEmpty == expected.isEmpty)
            let count = expected.count
            for k in [0, 1, 40, 80, 160] { #expect(buffer.atMost(k) == (count <= k), "\(k)") }
        }
    }
}
