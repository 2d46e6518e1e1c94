/// Reads dates and times written in any common form and script.
///
/// Understood: ISO 8601 (`2024-12-27`, `2024-12-27T20:53:00.123+06:00`, `…Z`, `…+0600`), RFC 2822
/// (`Fri, 27 Dec 2024 20:53:00 +0000`), numeric dates (`27.12.2024`, `27/12/2024`, `12/27/2024`
/// with ``monthFirst`` deciding only when both orders are possible), printed dates with month names
/// in the languages of ``DateVocabulary`` (`27. Dezember 2024`, `27 de diciembre de 2024`,
/// `December 27, 2024`, `২৭ ডিসেম্বর ২০২৪`, `16 अप्रैल 2020`), CJK (`2024年12月27日`), digits of any
/// script (Bengali ০–৯, Devanagari ०–९, Arabic-Indic, Telugu …), 12-hour clocks with AM/PM words
/// in several languages (`০৮:৫৩ পিএম`, `রাত ৮:৫৩`, `अपराह्न`), zone offsets and abbreviations, and
/// labels that say what a date is (`প্রকাশ :`, `আপডেট :`, `Published:`, `Veröffentlicht am`).
///
/// Dates in the Bangla calendar (`১৩ পৌষ ১৪৩১`) and the Hijri calendar are recognised and returned
/// with their calendar, never as Gregorian dates. The parser never guesses: a date without a year,
/// or one that does not exist, is not returned.
public struct DateParser: Sendable {
    /// Reads `03/04/2024` as March 4 (US order) instead of 3 April when both are possible.
    /// Default `false`.
    public var monthFirst: Bool
    /// Offsets (minutes) for ambiguous zone abbreviations, overriding ``DateVocabulary/zones``:
    /// e.g. `["bst": 360]` on a Bangladeshi site, where BST is Bangladesh Standard Time. Default empty.
    public var zoneOverrides: [String: Int]

    public init(monthFirst: Bool = false, zoneOverrides: [String: Int] = [:]) {
        self.monthFirst = monthFirst
        self.zoneOverrides = zoneOverrides
    }

    /// One date found in a text.
    public struct Match: Sendable, Equatable {
        /// What the text said about the date.
        public enum Label: Sendable, Equatable { case published, modified, none }
        public var date: ParsedDate
        public var label: Label
    }

    // MARK: Entry points

    /// The first valid Gregorian date in `text`, if any.
    public func parse(_ text: String) -> ParsedDate? {
        scan(text).first { $0.date.isValid }?.date
    }

    /// Every date found in `text`, in order, including non-Gregorian ones (check
    /// ``ParsedDate/isValid`` or ``ParsedDate/calendar``). Only the first 400 characters are read.
    public func scan(_ text: String) -> [Match] {
        // Every date has a year of four digits (or two, after `.` or `/`): most texts are turned
        // away here without being tokenised.
        guard Self.mayHaveDate(text) else { return [] }
        return scanTokens(text)
    }

    /// ``scan(_:)`` without the ``mayHaveDate(_:)`` shortcut: every text is tokenised.
    func scanTokens(_ text: String) -> [Match] {
        let tokens = Self.tokenize(text)
        var out: [Match] = []
        var label: Match.Label = .none
        var pendingTime: (time: TimeValue, end: Int)?
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            if case .word(let w) = t.kind, let l = DateVocabulary.label(w) {
                label = l == .published ? .published : .modified
                i += 1
                continue
            }
            if let (date, end) = matchDate(tokens, i) {
                var d = date
                var next = end
                if d.calendar == .gregorian {
                    if let (time, tEnd) = findTime(tokens, after: end) {
                        d.apply(time)
                        next = tEnd
                    } else if let p = pendingTime, i - p.end <= 4 {
                        d.apply(p.time)
                    }
                }
                pendingTime = nil
                out.append(Match(date: d, label: label))
                label = .none
                i = max(next, i + 1)
                continue
            }
            if let (time, end) = matchTime(tokens, i) {
                pendingTime = (time, end)
                i = end
                continue
            }
            i += 1
        }
        return out
    }

    /// False when ``scanTokens(_:)`` surely finds no date in `text`.
    ///
    /// Every form ``matchDate(_:_:)`` reads has a number token of exactly four digits (the year),
    /// or, in `27.12.24`, one of two digits right after a `.` or `/` token. This follows the
    /// tokenizer over the same first 400 scalars: a run of digits (of any script, as
    /// ``ScriptDigits`` reads them) is one number; letters and punctuation end it; white space
    /// makes no token. A non-ASCII scalar that is not a digit is not classified (it may be a letter,
    /// punctuation or space): it leaves "right after `.` or `/`" as it was, which can only answer
    /// `true` more often.
    static func mayHaveDate(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(mayHaveDate)
    }

    /// True when the eight bytes of `w` are all ASCII (below 0x80) and none is a digit: adding 0x50
    /// (0x46) to an ASCII byte sets its top bit exactly when it is at least 0x30 (0x3A), without a
    /// carry into the next byte.
    @inline(__always)
    static func asciiWithoutDigit(_ w: UInt64) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080
        guard w & high == 0 else { return false }
        let digits = (w &+ 0x5050_5050_5050_5050) & ~(w &+ 0x4646_4646_4646_4646) & high
        return digits == 0
    }

    /// ``mayHaveDate(_:)-(String)`` of the text whose UTF-8 is `b`.
    static func mayHaveDate(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        // (The digit table read through one pointer: a read of the global per scalar cost more
        // than the rest of a Bengali text's loop.)
        ScriptDigits.table.withUnsafeBufferPointer { mayHaveDate(b, digitTable: $0) }
    }

    /// ``mayHaveDate(_:)-(UnsafeBufferPointer<UInt8>)`` with ``ScriptDigits/table`` at hand.
    private static func mayHaveDate(_ b: UnsafeBufferPointer<UInt8>, digitTable: UnsafeBufferPointer<Int8>) -> Bool {
        let n = b.count
        // Most texts: ASCII without a digit up to their end (or past the 400th scalar).
        var i = 0
        // Eight bytes at a time while they are ASCII without a digit (see ``asciiWithoutDigit(_:)``).
        while i + 8 <= n, asciiWithoutDigit(UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)) { i += 8 }
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
                if c == 0xE0 {
                    // U+0800–U+0FFF (the Indic scripts among them), below the digit table's end: read
                    // there straight from the two bytes after the lead.
                    if i + 2 < n {
                        let w = Int(b[i + 1] & 0x3F) << 6 | Int(b[i + 2] & 0x3F)
                        digit = w >= 0x660 && digitTable[w - 0x660] >= 0
                    }
                    i += 3
                } else if c < 0xE0 {
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
                if v >= 0x660 {
                    if v < ScriptDigits.tableEnd {
                        digit = digitTable[Int(v) - 0x660] >= 0
                    } else if let s = Unicode.Scalar(v), ScriptDigits.value(of: s) != nil {
                        digit = true
                    }
                }
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

    // MARK: Tokens

    struct Token: Equatable {
        enum Kind: Equatable {
            case number(Int, digits: Int)
            case word(String)
            case punct(Unicode.Scalar)
        }
        var kind: Kind
        /// Whitespace came right before this token.
        var spaced: Bool

        var number: (value: Int, digits: Int)? {
            if case .number(let v, let d) = kind { return (v, d) }
            return nil
        }
        var word: String? {
            if case .word(let w) = kind { return w }
            return nil
        }
        func isPunct(_ chars: String) -> Bool {
            if case .punct(let p) = kind { return chars.unicodeScalars.contains(p) }
            return false
        }
    }

    /// Splits text into numbers (digits of any script, as values), lower-cased words (letters with
    /// their combining marks, so Bengali words stay whole; each CJK ideograph alone) and punctuation.
    static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        // The word's scalars as UTF-8 (appending to a String's scalar view cost more than the rest);
        // an ASCII word is lower-cased on its bytes, as `lowercased()` lowers ASCII.
        var word: [UInt8] = []
        var wordIsASCII = true
        var number = 0
        var digits = 0
        var spaced = false
        func flush() {
            if digits > 0 {
                tokens.append(Token(kind: .number(number, digits: digits), spaced: spaced))
                spaced = false
                number = 0
                digits = 0
            }
            if !word.isEmpty {
                let w = wordIsASCII
                    ? String(unsafeUninitializedCapacity: word.count) { out in
                        for (k, c) in word.enumerated() { out[k] = c &- 0x41 < 26 ? c | 0x20 : c }
                        return word.count
                    }
                    : String(decoding: word, as: UTF8.self).lowercased()
                tokens.append(Token(kind: .word(w), spaced: spaced))
                spaced = false
                word.removeAll(keepingCapacity: true)
                wordIsASCII = true
            }
        }
        func append(_ s: Unicode.Scalar) {
            if s.value < 0x80 {
                word.append(UInt8(s.value))
            } else {
                wordIsASCII = false
                word.append(contentsOf: Unicode.UTF8.encode(s)!)
            }
        }
        var count = 0
        for s in text.unicodeScalars {
            count += 1
            if count > 400 { break }
            let v = s.value
            if v < 0x80 {
                // ASCII without property lookups: the same classes as below (letters are alphabetic;
                // tab, line breaks and space are white space; the rest is punctuation).
                if v &- 0x30 < 10 {
                    if !word.isEmpty { flush() }
                    if digits < 15 { number = number * 10 + Int(v - 0x30) }
                    digits += 1
                } else if (v | 0x20) &- 0x61 < 26 {
                    if digits > 0 { flush() }
                    append(s)
                } else {
                    flush()
                    if v == 0x20 || v &- 0x09 < 5 {
                        spaced = true
                    } else {
                        tokens.append(Token(kind: .punct(s), spaced: spaced))
                        spaced = false
                    }
                }
                continue
            }
            if let d = ScriptDigits.value(of: s) {
                if !word.isEmpty { flush() }
                if digits < 15 { number = number * 10 + d }
                digits += 1
                continue
            }
            let p = s.properties
            if p.isAlphabetic || p.generalCategory == .nonspacingMark || p.generalCategory == .spacingMark
                || s.value == 0x200C || s.value == 0x200D
            {
                if digits > 0 { flush() }
                if Self.isIdeograph(s) {
                    flush()
                    append(s)
                    flush()
                } else {
                    append(s)
                }
                continue
            }
            flush()
            if p.isWhitespace || s.value == 0xA0 {
                spaced = true
            } else {
                tokens.append(Token(kind: .punct(s), spaced: spaced))
                spaced = false
            }
        }
        flush()
        return Self.joinDottedMeridiems(tokens)
    }

    static func isIdeograph(_ s: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(s.value) || (0x3040...0x30FF).contains(s.value) || (0xAC00...0xD7AF).contains(s.value)
    }

    /// `a.m.` / `p. m.` / `এ.এম.` → one word `am` / `pm` / `এএম`.
    static func joinDottedMeridiems(_ tokens: [Token]) -> [Token] {
        guard tokens.count >= 3 else { return tokens }
        var out: [Token] = []
        out.reserveCapacity(tokens.count)
        var i = 0
        while i < tokens.count {
            if i + 2 < tokens.count, let a = tokens[i].word, tokens[i + 1].isPunct("."), let b = tokens[i + 2].word,
                let m = DateVocabulary.meridiems[a + b], a.unicodeScalars.count <= 2
            {
                _ = m
                out.append(Token(kind: .word(a + b), spaced: tokens[i].spaced))
                i += 3
                if i < tokens.count, tokens[i].isPunct("."), !tokens[i].spaced { i += 1 }
                continue
            }
            out.append(tokens[i])
            i += 1
        }
        return out
    }

    // MARK: Dates

    private func month(_ t: Token) -> Int? {
        guard let w = t.word else { return nil }
        return DateVocabulary.month(w)
    }

    private func isFiller(_ t: Token) -> Bool {
        if let w = t.word { return DateVocabulary.isFiller(w) }
        return t.isPunct(".,")
    }

    /// Skips fillers and the given punctuation, at most `limit` tokens.
    private func skip(_ tokens: [Token], _ j: Int, punct: String = ".,", limit: Int = 3) -> Int {
        var k = j
        while k < tokens.count, k - j < limit {
            let t = tokens[k]
            if let w = t.word, DateVocabulary.isFiller(w) { k += 1; continue }
            if t.isPunct(punct) { k += 1; continue }
            break
        }
        return k
    }

    private static func year(_ n: (value: Int, digits: Int)) -> Int? {
        n.digits == 4 ? n.value : nil
    }

    /// A date starting at token `i`, and the index after it.
    func matchDate(_ tokens: [Token], _ i: Int) -> (ParsedDate, Int)? {
        let t = tokens[i]
        if let n = t.number {
            // A: 2024-12-27, 2024/12/27, 2024.12.27; and CJK 2024年12月27日.
            if n.digits == 4, i + 4 < tokens.count, let sep = Self.separator(tokens[i + 1]), "-/.".contains(sep),
                let m = tokens[i + 2].number, m.digits <= 2, tokens[i + 3].isPunct(String(sep)),
                let d = tokens[i + 4].number, d.digits <= 2
            {
                return (ParsedDate(year: n.value, month: m.value, day: d.value), i + 5)
            }
            if n.digits == 4, i + 5 < tokens.count, ["年", "년"].contains(tokens[i + 1].word ?? ""),
                let m = tokens[i + 2].number, ["月", "월"].contains(tokens[i + 3].word ?? ""),
                let d = tokens[i + 4].number, ["日", "일"].contains(tokens[i + 5].word ?? "")
            {
                return (ParsedDate(year: n.value, month: m.value, day: d.value), i + 6)
            }
            // 2024. december 27. / 2024 Dec 27
            if n.digits == 4 {
                let j = skip(tokens, i + 1, punct: ".,")
                if j < tokens.count, let mo = month(tokens[j]) {
                    let k = skip(tokens, j + 1, punct: ".,")
                    if k < tokens.count, let d = tokens[k].number, d.digits <= 2 {
                        let end = k + 1 < tokens.count && tokens[k + 1].isPunct(".") ? k + 2 : k + 1
                        return (ParsedDate(year: n.value, month: mo, day: d.value), end)
                    }
                }
            }
            // B: 27.12.2024, 27/12/2024, 12/27/2024, 27-12-2024, 27.12.24
            if n.digits <= 2, i + 4 < tokens.count, let sep = Self.separator(tokens[i + 1]), "-/.".contains(sep),
                let b = tokens[i + 2].number, b.digits <= 2, tokens[i + 3].isPunct(String(sep)),
                let y = tokens[i + 4].number, y.digits == 4 || (y.digits == 2 && sep != "-")
            {
                let year = y.digits == 4 ? y.value : (y.value < 70 ? 2000 + y.value : 1900 + y.value)
                let a = n.value
                var (day, mon) = (a, b.value)
                if sep != ".", b.value <= 12, a <= 12 ? monthFirst : false { (day, mon) = (b.value, a) }
                if sep != ".", a <= 12, b.value > 12 { (day, mon) = (b.value, a) }
                return (ParsedDate(year: year, month: mon, day: day), i + 5)
            }
            // C: 27 December 2024, 27. Dezember 2024, 27 de diciembre de 2024, 27-Dec-2024, ১৩ পৌষ ১৪৩১
            if n.digits <= 2 {
                let j = skip(tokens, i + 1, punct: ".,-/")
                if j < tokens.count, let w = tokens[j].word {
                    if let mo = DateVocabulary.month(w) {
                        let k = skip(tokens, j + 1, punct: ".,-/")
                        if k < tokens.count, let y = tokens[k].number, let year = Self.year(y) {
                            return (ParsedDate(year: year, month: mo, day: n.value), k + 1)
                        }
                    } else if let mo = DateVocabulary.banglaMonths[w] {
                        let k = skip(tokens, j + 1, punct: ".,-/")
                        if k < tokens.count, let y = tokens[k].number, y.digits == 4 {
                            return (ParsedDate(year: y.value, month: mo, day: n.value, calendar: .bangla), k + 1)
                        }
                    } else if DateVocabulary.hijriMonthWords.contains(w) {
                        // The month name may have up to three words ("রবিউল আউয়াল", "Dhul Hijjah").
                        var k = j + 1
                        var words = 0
                        while k < tokens.count, words < 3, tokens[k].word != nil || tokens[k].isPunct("-'’") {
                            k += 1
                            words += 1
                        }
                        k = skip(tokens, k, punct: ".,-/")
                        if k < tokens.count, let y = tokens[k].number, y.digits == 4, (1300...1600).contains(y.value) {
                            return (ParsedDate(year: y.value, month: 0, day: n.value, calendar: .hijri), k + 1)
                        }
                    }
                }
            }
            return nil
        }
        guard Self.mayStartMonthFirstDate(tokens, i) else { return nil }
        return matchMonthFirstDate(tokens, i)
    }

    /// False when no date of form D (a month word first) starts at token `i`: it starts with a
    /// word, and its day is a number at most four tokens on (``skip(_:_:punct:limit:)`` passes
    /// three). Without one no month is looked up.
    static func mayStartMonthFirstDate(_ tokens: [Token], _ i: Int) -> Bool {
        guard tokens[i].word != nil else { return false }
        for k in i + 1..<min(i + 5, tokens.count) where tokens[k].number != nil { return true }
        return false
    }

    /// Form D of ``matchDate(_:_:)`` at token `i`, without the ``mayStartMonthFirstDate(_:_:)`` shortcut.
    func matchMonthFirstDate(_ tokens: [Token], _ i: Int) -> (ParsedDate, Int)? {
        let t = tokens[i]
        // D: December 27, 2024 / Dec. 27th 2024 / December 27 2024
        if let mo = month(t) {
            let j = skip(tokens, i + 1, punct: ".")
            if j < tokens.count, let d = tokens[j].number, d.digits <= 2 {
                let k = skip(tokens, j + 1, punct: ".,")
                if k < tokens.count, let y = tokens[k].number, let year = Self.year(y) {
                    return (ParsedDate(year: year, month: mo, day: d.value), k + 1)
                }
            }
        }
        return nil
    }

    private static func separator(_ t: Token) -> Character? {
        if case .punct(let p) = t.kind { return Character(p) }
        return nil
    }

    // MARK: Times

    struct TimeValue: Equatable {
        var hour: Int
        var minute: Int
        var second: Int?
        var offset: Int?
    }

    /// A time within a few tokens after a date (skipping `,`, `-`, `|`, `at`, `um`, `T` …).
    func findTime(_ tokens: [Token], after end: Int) -> (TimeValue, Int)? {
        var k = end
        var steps = 0
        while k < tokens.count, steps < 5 {
            if let r = matchTime(tokens, k) { return r }
            let t = tokens[k]
            if t.isPunct(",-|/•·(–—@:;") || isFiller(t) { k += 1; steps += 1; continue }
            if let w = t.word, DateVocabulary.meridiem(w) != nil { k += 1; steps += 1; continue }
            break
        }
        return nil
    }

    /// A clock time starting at token `i` (or at a meridiem word right before it).
    func matchTime(_ tokens: [Token], _ i: Int) -> (TimeValue, Int)? {
        guard Self.mayStartTime(tokens, i) else { return nil }
        return matchTimeTokens(tokens, i)
    }

    /// False when no time starts at token `i`: a time starts with its hour, a number at `i` or right
    /// after a meridiem of one word (a number at `i + 1`) or of two (words at `i` and `i + 1`, a
    /// number at `i + 2`). Without such a number no meridiem is looked up.
    static func mayStartTime(_ tokens: [Token], _ i: Int) -> Bool {
        if tokens[i].number != nil { return true }
        guard i + 1 < tokens.count, tokens[i].word != nil else { return false }
        if tokens[i + 1].number != nil { return true }
        return i + 2 < tokens.count && tokens[i + 1].word != nil && tokens[i + 2].number != nil
    }

    /// ``matchTime(_:_:)`` without the ``mayStartTime(_:_:)`` shortcut.
    func matchTimeTokens(_ tokens: [Token], _ i: Int) -> (TimeValue, Int)? {
        var start = i
        var before: DateVocabulary.Meridiem?
        if let w = tokens[i].word, let m = meridiem(tokens, i) {
            before = m.0
            start = i + m.1
            _ = w
        }
        guard start < tokens.count, let h = tokens[start].number, h.digits <= 2, h.value <= 23 else { return nil }
        var k = start + 1
        var minute = 0
        var second: Int?
        var hasMinutes = false
        if k + 1 < tokens.count, let sep = Self.separator(tokens[k]) ?? (tokens[k].word == "h" ? "h" : nil),
            ":.ঃh".contains(sep), let m = tokens[k + 1].number, m.digits == 2, m.value < 60
        {
            if sep == "." {
                // "20.53" is a time only when a clock word, meridiem or zone follows (or nothing).
                let after = k + 2 < tokens.count ? tokens[k + 2] : nil
                let ok = after == nil || after!.word.map { ["uhr", "h", "hrs", "hs", "horas"].contains($0)
                    || DateVocabulary.meridiems[$0] != nil || DateVocabulary.zones[$0] != nil } ?? false
                    || (after!.isPunct(",|)") )
                if !ok { return nil }
            }
            minute = m.value
            hasMinutes = true
            k += 2
            if k + 1 < tokens.count, tokens[k].isPunct(":"), let s = tokens[k + 1].number, s.digits == 2, s.value <= 60 {
                second = s.value
                k += 2
                if k + 1 < tokens.count, tokens[k].isPunct(".,"), !tokens[k].spaced, let f = tokens[k + 1].number,
                    !tokens[k + 1].spaced, f.digits >= 1
                {
                    k += 2
                }
            }
        } else if k < tokens.count, tokens[k].word == "h", !tokens[k].spaced {
            // "20h" (French), minutes omitted.
            k += 1
            hasMinutes = true
        }
        var hour = h.value
        var after: DateVocabulary.Meridiem?
        if k < tokens.count, let m = meridiem(tokens, k) {
            after = m.0
            k += m.1
        }
        guard hasMinutes || after != nil || before != nil && tokens[start].spaced == false else { return nil }
        if !hasMinutes && after == nil { return nil }
        if let m = after ?? before {
            guard hour >= 1 || m == .night, hour <= 12 else { return nil }
            hour = Self.apply(m, to: hour)
        }
        var offset: Int?
        if let (o, end) = matchZone(tokens, k) {
            offset = o
            k = end
        }
        return (TimeValue(hour: hour, minute: minute, second: second, offset: offset), k)
    }

    /// A meridiem word at `i` (one token, or two CJK tokens), and how many tokens it takes.
    private func meridiem(_ tokens: [Token], _ i: Int) -> (DateVocabulary.Meridiem, Int)? {
        guard let w = tokens[i].word else { return nil }
        if let m = DateVocabulary.meridiem(w) { return (m, 1) }
        if i + 1 < tokens.count, let w2 = tokens[i + 1].word, let m = DateVocabulary.meridiem(w, w2) { return (m, 2) }
        return nil
    }

    static func apply(_ m: DateVocabulary.Meridiem, to hour: Int) -> Int {
        switch m {
        case .am: return hour == 12 ? 0 : hour
        case .pm: return hour == 12 ? 12 : hour + 12
        case .noon: return hour == 12 || hour >= 11 ? hour : (hour <= 5 ? hour + 12 : hour)
        case .night: return hour == 12 ? 0 : (hour >= 6 ? hour + 12 : hour)
        }
    }

    /// A zone after a time: `Z`, `+06:00`, `+0600`, `+06`, `GMT`, `UTC+6`, `(IST)`, `EST` …
    func matchZone(_ tokens: [Token], _ i: Int) -> (Int, Int)? {
        var k = i
        if k < tokens.count, tokens[k].isPunct("(") { k += 1 }
        guard k < tokens.count else { return nil }
        if let w = tokens[k].word, let base = zoneOverrides[w] ?? DateVocabulary.zones[w] {
            k += 1
            if (w == "gmt" || w == "utc"), let (o, end) = signedOffset(tokens, k, allowSpace: true) {
                return (o, Self.closeParen(tokens, end))
            }
            return (base, Self.closeParen(tokens, k))
        }
        if let (o, end) = signedOffset(tokens, k, allowSpace: false) { return (o, Self.closeParen(tokens, end)) }
        return nil
    }

    private static func closeParen(_ tokens: [Token], _ k: Int) -> Int {
        k < tokens.count && tokens[k].isPunct(")") ? k + 1 : k
    }

    /// `+06:00`, `+0600`, `-4`, `+05:45`: attached to the time, or a 4-digit form after a space.
    private func signedOffset(_ tokens: [Token], _ k: Int, allowSpace: Bool) -> (Int, Int)? {
        guard k + 1 < tokens.count, tokens[k].isPunct("+-−") else { return nil }
        let negative = !tokens[k].isPunct("+")
        guard let n = tokens[k + 1].number, !tokens[k + 1].spaced else { return nil }
        var minutes: Int
        var end = k + 2
        if n.digits == 4 {
            minutes = (n.value / 100) * 60 + n.value % 100
        } else if n.digits <= 2 {
            guard allowSpace || !tokens[k].spaced || (end + 1 < tokens.count && tokens[end].isPunct(":")) else { return nil }
            minutes = n.value * 60
            if end + 1 < tokens.count, tokens[end].isPunct(":"), let m = tokens[end + 1].number, m.digits == 2 {
                minutes += m.value
                end += 2
            }
        } else {
            return nil
        }
        guard minutes <= 14 * 60 else { return nil }
        return (negative ? -minutes : minutes, end)
    }
}

extension ParsedDate {
    mutating func apply(_ t: DateParser.TimeValue) {
        hour = t.hour
        minute = t.minute
        second = t.second
        offsetMinutes = t.offset
    }
}
