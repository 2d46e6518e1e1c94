import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Search and word tests on UTF-8 bytes, for the hot paths of the fields stage.
///
/// Foundation's `String.range(of:options:)`, `contains` and `lowercased()` go through CFString and
/// UTF-16 on Linux and were most of the extractor's time. These helpers work on `[UInt8]` (made once
/// per text with `Array(s.utf8)`), find needles with `memchr` + `memcmp`, fold ASCII case by hand and
/// decode a scalar only where a word boundary must be checked.
enum UTF8Scan {
    // MARK: Case

    /// `bytes` with ASCII `A`–`Z` lowered; other bytes (all of non-ASCII UTF-8) unchanged.
    @inline(__always)
    static func asciiLowered(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        for i in out.indices where out[i] &- 0x41 < 26 { out[i] |= 0x20 }
        return out
    }

    /// `s` as UTF-8 with ASCII letters lowered.
    @inline(__always)
    static func asciiLowered(_ s: String) -> [UInt8] { asciiLowered(Array(s.utf8)) }

    /// `s.lowercased()`: a text of ASCII, the Indic scripts (U+0900–U+0DFF) and U+2000–U+207F
    /// (punctuation, joiners) lowered on its bytes (of those only `A`–`Z` have a lower case, as
    /// ``CaseMapping`` reads them), and returned as it is when it has no upper-case letter; any
    /// other text by `lowercased()`.
    static func lowercased(_ s: String) -> String {
        var s = s
        // nil: a scalar that may have a case mapping; else whether an ASCII upper-case letter is there.
        let ascii: Bool? = s.withUTF8 { b in
            var upper = false
            var i = 0
            let n = b.count
            while i < n {
                let c = b[i]
                if c < 0x80 {
                    if c &- 0x41 < 26 { upper = true }
                    i += 1
                } else if i + 2 < n, (c == 0xE0 && b[i + 1] >= 0xA4 && b[i + 1] <= 0xB7) || (c == 0xE2 && (b[i + 1] == 0x80 || b[i + 1] == 0x81)) {
                    // U+0900–U+0DFF, U+2000–U+207F: no case.
                    i += 3
                } else {
                    return nil
                }
            }
            return upper
        }
        guard let hasUpper = ascii else { return s.lowercased() }
        guard hasUpper else { return s }
        return s.withUTF8 { b in
            String(unsafeUninitializedCapacity: b.count) { out in
                for k in 0..<b.count { out[k] = b[k] &- 0x41 < 26 ? b[k] | 0x20 : b[k] }
                return b.count
            }
        }
    }

    /// `s.trimmingCharacters(in: set)`, asking Foundation only when the first or last scalar of `s`
    /// is in `set` (or outside the Basic Multilingual Plane): otherwise nothing is trimmed.
    static func trimming<S: StringProtocol>(_ s: S, _ set: CharacterSet) -> String {
        let scalars = s.unicodeScalars
        guard let f = scalars.first, let l = scalars.last else { return "" }
        if f.value < 0x10000, l.value < 0x10000, !set.contains(f), !set.contains(l) { return String(s) }
        return asciiEdgeTrimming(s, set) ?? s.trimmingCharacters(in: set)
    }

    /// `s.trimmingCharacters(in: set)` read on the bytes when trimming stops at ASCII bytes at both
    /// ends (or takes the whole text), else `nil`. Foundation trims scalars of `set` from each end;
    /// an ASCII byte is a scalar of its own (and a UTF-16 unit of its own), so up to the first ASCII
    /// byte that is not in `set` the bytes trim exactly as the scalars do. A non-ASCII scalar reached
    /// on either side is left to Foundation.
    static func asciiEdgeTrimming<S: StringProtocol>(_ s: S, _ set: CharacterSet) -> String? {
        // (String and Substring, the texts trimmed here; the casts are settled when specialised.)
        if let s = s as? String { return asciiEdgeTrimming(s[...], set) }
        if let s = s as? Substring { return asciiEdgeTrimming(s, set) }
        return nil
    }

    /// ``asciiEdgeTrimming(_:_:)`` of a Substring.
    static func asciiEdgeTrimming(_ s: Substring, _ set: CharacterSet) -> String? {
        let u = s.utf8
        var lo = u.startIndex
        let end = u.endIndex
        while lo != end {
            let c = u[lo]
            guard c < 0x80 else { return nil }
            if !set.contains(Unicode.Scalar(c)) { break }
            lo = u.index(after: lo)
        }
        if lo == end { return "" }
        var hi = end
        while true {
            let p = u.index(before: hi)
            let c = u[p]
            guard c < 0x80 else { return nil }
            if !set.contains(Unicode.Scalar(c)) { break }
            hi = p
        }
        return String(s[lo..<hi])
    }

    /// True when `s` is ASCII without a carriage return: each of its bytes is a Character (only CR
    /// LF joins two ASCII scalars), and its Characters are equal only when their bytes are.
    @inline(__always)
    static func isPlainASCII(_ s: String) -> Bool {
        s.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }
    }

    // MARK: Cheap exact pre-checks

    /// `s.contains(where: { $0.isLetter || $0.isNumber })`, on the bytes of an ASCII text without
    /// CR (a Character per byte; of ASCII only the letters are alphabetic and the digits numeric);
    /// other texts by Characters.
    static func containsLetterOrNumber(_ s: String) -> Bool {
        var ascii = true
        for c in s.utf8 {
            if c >= 0x80 || c == 0x0D {
                ascii = false
                break
            }
            if (c | 0x20) &- 0x61 < 26 || c &- 0x30 < 10 { return true }
        }
        return ascii ? false : s.contains(where: { $0.isLetter || $0.isNumber })
    }

    /// `s.first?.isLowercase == true`, from the first two bytes when they settle it: an ASCII
    /// byte other than CR followed by an ASCII byte (or by nothing) is a Character of one scalar
    /// (only LF after CR extends an ASCII scalar), and of those only `a`–`z` are lower case.
    @inline(__always)
    static func firstCharacterIsLowercase(_ s: String) -> Bool {
        let u = s.utf8
        var i = u.startIndex
        guard i != u.endIndex else { return false }
        let f = u[i]
        if f < 0x80, f != 0x0D {
            u.formIndex(after: &i)
            if i == u.endIndex || u[i] < 0x80 { return f &- 0x61 < 26 }
        }
        return s.first!.isLowercase
    }

    /// True when `s` is empty or starts and ends with a printable ASCII byte other than space: then
    /// `trimmingCharacters(in: .whitespaces)` (or `.whitespacesAndNewlines`) would return `s` as is,
    /// and the Foundation call can be skipped.
    @inline(__always)
    static func hasNoEdgeSpace(_ s: String) -> Bool {
        let u = s.utf8
        guard let f = u.first, let l = u.last else { return true }
        return f &- 0x21 < 0x5E && l &- 0x21 < 0x5E
    }

    /// True when `s` starts and ends with an ASCII letter or digit (`digits: true`) or letter: then
    /// trimming punctuation, symbols or white space (sets without those bytes) returns `s` as is.
    @inline(__always)
    static func hasAlphanumericEdges(_ s: String, digits: Bool = true) -> Bool {
        let u = s.utf8
        guard let f = u.first, let l = u.last else { return false }
        @inline(__always) func ok(_ c: UInt8) -> Bool { (c | 0x20) &- 0x61 < 26 || (digits && c &- 0x30 < 10) }
        return ok(f) && ok(l)
    }

    /// `s.hasPrefix(prefix)`, asking the standard library (Characters, canonical equivalence) only
    /// when the bytes already match: for the lead words and labels used here (no character with a
    /// singleton decomposition) a prefix whose bytes differ is not a Character prefix either.
    @inline(__always)
    static func hasPrefix(_ s: String, _ prefix: String) -> Bool {
        let u = s.utf8, p = prefix.utf8
        guard u.count >= p.count else { return false }
        var i = u.startIndex
        for b in p {
            if u[i] != b { return false }
            i = u.index(after: i)
        }
        return s.hasPrefix(prefix)
    }

    /// `s.split(separator: " ")` (Characters) from the bytes, when every space is surely a Character
    /// of its own: the scalar after it ASCII or a Bengali letter or digit (not a mark that would join
    /// it), the scalar before it below U+0600 or in U+0900–U+0CFF (no prepended mark); else the
    /// Character split. Grapheme breaking was most of the cost of short Bengali texts.
    static func spaceSplit(_ s: String) -> [Substring] {
        var offsets: [(Int, Int)] = []
        let u = Array(s.utf8)
        let n = u.count
        var start = 0
        var i = 0
        while i < n {
            if u[i] != 0x20 { i += 1; continue }
            guard spaceIsSurelyCharacter(at: i, in: u) else { return s.split(separator: " ") }
            if start < i { offsets.append((start, i)) }
            i += 1
            start = i
        }
        if start < n { offsets.append((start, n)) }
        let u8 = s.utf8
        return offsets.map { r in s[u8.index(u8.startIndex, offsetBy: r.0)..<u8.index(u8.startIndex, offsetBy: r.1)] }
    }

    /// `spaceSplit(s).count` (`s.split(separator: " ").count`) without making the words: the
    /// runs between spaces counted on the bytes when every space is surely a Character of its own.
    static func spaceSplitCount(_ s: String) -> Int {
        let u = Array(s.utf8)
        var n = 0
        var inWord = false
        for i in u.indices {
            if u[i] != 0x20 {
                if !inWord { inWord = true; n += 1 }
                continue
            }
            guard spaceIsSurelyCharacter(at: i, in: u) else { return s.split(separator: " ").count }
            inWord = false
        }
        return n
    }

    /// True when the space at byte `i` of `u` is surely a Character of its own: the scalar after it
    /// ASCII or a Bengali letter or digit (not a mark that would join it), the scalar before it below
    /// U+0600 or in U+0900–U+0CFF (no prepended mark). False when unsure.
    @inline(__always)
    static func spaceIsSurelyCharacter(at i: Int, in u: [UInt8]) -> Bool {
        if i + 1 < u.count, u[i + 1] >= 0x80 {
            let v = scalar(at: i + 1, in: u).value
            guard (0x985...0x9B9).contains(v) || v == 0x9CE || (0x9DC...0x9E1).contains(v) || (0x9E6...0x9F1).contains(v)
            else { return false }
        }
        if i > 0, u[i - 1] >= 0x80 {
            let v = scalar(before: i, in: u).value
            guard v < 0x600 || (0x900..<0xD00).contains(v) else { return false }
        }
        return true
    }

    /// The number of Unicode scalars of `s` (its UTF-8 bytes that are not continuation bytes): an
    /// upper bound of `s.count`, without grapheme breaking.
    static func scalarCount(_ s: String) -> Int {
        var s = s
        return s.withUTF8 { scalarCount($0) }
    }

    /// ``scalarCount(_:)-(String)`` of the text whose UTF-8 is `b`: its bytes less the continuation
    /// bytes, these counted eight bytes at a time.
    static func scalarCount(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        let n = b.count
        guard n > 0, let base = b.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var continuation = 0, i = 0
        while i &+ 8 <= n {
            let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            // A continuation byte (10xxxxxx): its top bit set, the bit below it clear.
            continuation &+= (x & ~(x &<< 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            i &+= 8
        }
        while i < n {
            if b[i] & 0xC0 == 0x80 { continuation &+= 1 }
            i &+= 1
        }
        return n &- continuation
    }

    /// ``scalarCount(_:)-(String)`` a byte at a time: the reference of the eight-byte count (tests).
    static func plainScalarCount(_ s: String) -> Int {
        var n = 0
        for b in s.utf8 where b & 0xC0 != 0x80 { n += 1 }
        return n
    }

    /// `s.count <= limit`, counting Characters only when the UTF-8 length does not settle it (a
    /// Character has at least one byte) and stopping at `limit + 1`.
    @inline(__always)
    static func characterCount(of s: String, isAtMost limit: Int) -> Bool {
        if s.utf8.count <= limit { return true }
        // Settled by the bounds of ``characterBounds(_:stopAbove:)`` when they can (read no
        // farther than the Character past the limit), else by Characters.
        var s = s
        let bounds = s.withUTF8 { characterBounds($0, stopAbove: limit) }
        if bounds.lower > limit { return false }
        if bounds.upper <= limit { return true }
        var n = 0
        for _ in s {
            n += 1
            if n > limit { return false }
        }
        return true
    }

    /// `min(s.count, cap)`, stopping at `cap`. A text whose every scalar is surely a Character of
    /// its own (see ``scalarsAreCharacters(_:)``) is counted by its scalars, without grapheme breaking.
    static func characterCount(of s: String, cappedAt cap: Int) -> Int {
        if let n = scalarsAreCharacters(s) { return min(n, cap) }
        var n = 0
        for _ in s {
            n += 1
            if n >= cap { break }
        }
        return n
    }

    /// The number of scalars of `s` when each is surely a Character of its own, else `nil`.
    ///
    /// Grapheme breaking joins a scalar to the one before it only for CR LF, a combining or spacing
    /// mark, a joiner, a prepended mark, Hangul jamo, emoji sequences and regional-indicator pairs.
    /// None of those is in U+0000–U+02FF (but CR), U+2010–U+2027, U+2030–U+205E or U+20A0–U+20BF
    /// (Latin letters, curly quotes, dashes, bullets, currency signs), and every other scalar
    /// (control or not) breaks before and after them: a text made only of those has one
    /// Character per scalar.
    static func scalarsAreCharacters(_ s: String) -> Int? {
        var s = s
        return s.withUTF8(scalarsAreCharacters)
    }

    /// ``scalarsAreCharacters(_:)-(String)`` of the text whose UTF-8 is `b`.
    static func scalarsAreCharacters(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var n = 0
        var prev2: UInt8 = 0, prev: UInt8 = 0
        for c in b {
            if c < 0x80 {
                if c == 0x0D { return nil }
                n += 1
            } else if c >= 0xC0 {
                // A lead byte: 0xC2–0xCB lead U+0080–U+02FF; 0xE2 leads U+2000–U+2FFF, checked on its last byte.
                guard (c >= 0xC2 && c <= 0xCB) || c == 0xE2 else { return nil }
                n += 1
            } else if prev == 0xE2 {
                // The second byte of U+2000–U+2FFF: only 80 (U+2000–203F), 81 (U+2040–207F) and 82 (U+2080–20BF).
                guard c <= 0x82 else { return nil }
            } else if prev2 == 0xE2 {
                switch prev {
                case 0x80: guard (c >= 0x90 && c <= 0xA7) || c >= 0xB0 else { return nil }
                case 0x81: guard c <= 0x9E else { return nil }
                default: guard c >= 0xA0 else { return nil }
                }
            }
            prev2 = prev
            prev = c
        }
        return n
    }

    /// Bounds of the Character count of the text whose UTF-8 is `b`, from its scalars without
    /// grapheme breaking: `lower` counts the scalars that surely start a Character, `upper` is the
    /// scalar count less the scalars that surely do not.
    ///
    /// By the grapheme rules (UAX #29), a Character starts at the first scalar, and at a printable
    /// ASCII scalar, a Bengali independent vowel or digit after a scalar that is no prepended mark
    /// (none is below U+0600 or in U+0900–U+0CFF), and at a Bengali consonant after a printable
    /// ASCII scalar or a Bengali consonant, independent vowel or digit (no virama or mark before it
    /// to join a conjunct). A Bengali sign or mark that extends a Character (GCB Extend or
    /// SpacingMark), ZWNJ or ZWJ starts none after a printable ASCII or Bengali scalar, ZWNJ or ZWJ
    /// (no control before it). Other scalars are counted in neither set.
    static func characterBounds(_ b: UnsafeBufferPointer<UInt8>) -> (lower: Int, upper: Int) {
        characterBounds(b, stopAbove: Int.max)
    }

    /// ``characterBounds(_:)``, stopping as soon as `lower` exceeds `stopAbove` (then `upper` is
    /// `Int.max`: not counted).
    static func characterBounds(_ b: UnsafeBufferPointer<UInt8>, stopAbove: Int) -> (lower: Int, upper: Int) {
        var scalars = 0, starts = 0, extending = 0
        var prev: UInt32 = 0
        var i = 0
        let n = b.count
        while i < n {
            let c0 = UInt32(b[i])
            var v: UInt32
            if c0 < 0x80 {
                v = c0
                i += 1
            } else if c0 < 0xE0 {
                v = i + 1 < n ? (c0 & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F) : 0xFFFD
                i += 2
            } else if c0 < 0xF0 {
                v = i + 2 < n ? (c0 & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F) : 0xFFFD
                i += 3
            } else {
                v = i + 3 < n ? (c0 & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F) : 0xFFFD
                i += 4
            }
            if scalars == 0 {
                starts = 1
            } else {
                let printablePrev = prev &- 0x20 < 0x5F
                let bengaliPrev = prev &- 0x980 < 0x80
                switch bengaliKind(v) {
                case 1:
                    // Printable ASCII, an independent vowel or a digit: after no prepended mark.
                    if prev < 0x600 || prev &- 0x900 < 0x400 { starts += 1 }
                case 2:
                    // A consonant: after no virama, mark or joiner.
                    if printablePrev || bengaliKind(prev) == 1 && bengaliPrev || bengaliKind(prev) == 2 { starts += 1 }
                case 3:
                    // A sign or mark: after no control.
                    if printablePrev || bengaliPrev || prev == 0x200C || prev == 0x200D { extending += 1 }
                default:
                    break
                }
            }
            prev = v
            scalars += 1
            if starts > stopAbove { return (starts, Int.max) }
        }
        return (starts, scalars - extending)
    }

    /// 1 for printable ASCII, a Bengali independent vowel or digit; 2 for a Bengali consonant; 3 for
    /// a Bengali sign or mark that extends a Character (GCB Extend or SpacingMark), ZWNJ or ZWJ; 0 else.
    @inline(__always)
    static func bengaliKind(_ v: UInt32) -> UInt8 {
        if v < 0x80 { return v &- 0x20 < 0x5F ? 1 : 0 }
        if v == 0x200C || v == 0x200D { return 3 }
        guard v &- 0x980 < 0x80 else { return 0 }
        switch v {
        case 0x985...0x994, 0x9E6...0x9EF: return 1
        case 0x995...0x9B9, 0x9CE, 0x9DC...0x9DF, 0x9F0...0x9F1: return 2
        case 0x981...0x983, 0x9BC, 0x9BE...0x9C4, 0x9C7...0x9C8, 0x9CB...0x9CD, 0x9D7, 0x9E2...0x9E3: return 3
        default: return 0
        }
    }

    /// `s.count >= limit`, stopping at `limit`.
    @inline(__always)
    static func characterCount(of s: String, isAtLeast limit: Int) -> Bool {
        if s.utf8.count < limit { return false }
        var n = 0
        for _ in s {
            n += 1
            if n >= limit { return true }
        }
        return n >= limit
    }

    // MARK: Characters

    /// A set of Characters to test membership in, as `String.contains(_: Character)` does
    /// (Character equality is canonical equivalence), answered from one byte for a Character that
    /// is one ASCII scalar: such a Character equals no other Character, so it is in the set
    /// exactly when its byte is. Other Characters are looked up in the String.
    struct CharacterList {
        let characters: String
        private let ascii: (UInt64, UInt64)
        /// True when a Character of the list decomposes to a scalar of the Indic blocks
        /// (U+0900–U+0DFF). Otherwise a Character that opens with such a scalar is in none: its
        /// canonical decomposition opens with a scalar of the same blocks (every Indic
        /// decomposition stays in its script), and equivalent Characters decompose alike.
        private let holdsIndic: Bool

        init(_ characters: String) {
            self.characters = characters
            var lo: UInt64 = 0, hi: UInt64 = 0
            for c in characters where c.utf8.count == 1 {
                let b = c.utf8.first!
                if b < 64 { lo |= 1 << UInt64(b) } else { hi |= 1 << UInt64(b - 64) }
            }
            ascii = (lo, hi)
            holdsIndic = characters.decomposedStringWithCanonicalMapping.unicodeScalars.contains { $0.value &- 0x900 < 0x500 }
        }

        @inline(__always)
        func contains(_ c: Character) -> Bool {
            let u = c.utf8
            if u.count == 1, let b = u.first {
                return b < 64 ? ascii.0 & (1 << UInt64(b)) != 0 : ascii.1 & (1 << UInt64(b &- 64)) != 0
            }
            // An Indic scalar first (E0 A4 80 – E0 B7 BF): no String search when the list has none.
            if !holdsIndic {
                var i = u.makeIterator()
                if i.next() == 0xE0, let second = i.next(), second &- 0xA4 < 0x14 { return false }
            }
            return characters.contains(c)
        }
    }

    // MARK: Search

    /// The first index at or after `from` where `needle` starts in `hay` (and ends by `to`), or `nil`.
    ///
    /// `memchr` looks for the needle's last byte: in UTF-8 that is a continuation byte or an ASCII
    /// letter, rarer than a lead byte (every Bengali letter starts with `0xE0`).
    static func find(_ needle: [UInt8], in hay: [UInt8], from: Int = 0, to end: Int? = nil) -> Int? {
        let h = min(end ?? hay.count, hay.count), n = needle.count
        guard n > 0 else { return from <= h ? from : nil }
        guard from >= 0, h - from >= n else { return nil }
        return hay.withUnsafeBufferPointer { hp -> Int? in
            needle.withUnsafeBufferPointer { np -> Int? in
                let base = hp.baseAddress!, anchor = Int32(np[n - 1])
                var i = from + n - 1
                while i < h {
                    guard let p = memchr(base + i, anchor, h - i) else { return nil }
                    let at = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
                    if n == 1 || memcmp(base + at - (n - 1), np.baseAddress!, n - 1) == 0 { return at - (n - 1) }
                    i = at + 1
                }
                return nil
            }
        }
    }

    /// The last index where `needle` starts in `hay`, or `nil`.
    static func findLast(_ needle: [UInt8], in hay: [UInt8]) -> Int? {
        let n = needle.count
        guard n > 0, hay.count >= n else { return nil }
        var i = hay.count - n
        while i >= 0 {
            if hay[i] == needle[0], matches(needle, in: hay, at: i) { return i }
            i -= 1
        }
        return nil
    }

    /// True when `needle` occurs in `hay`.
    @inline(__always)
    static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool { find(needle, in: hay) != nil }

    /// True when `b` holds a byte `0`–`9`. Eight bytes at a time: with `t` a byte's low seven bits,
    /// `t + 0x50` (`t + 0x46`) has its top bit set exactly when `t` is at least 0x30 (0x3A), with
    /// no carry into the next byte; a byte with its own top bit set is no digit.
    static func holdsASCIIDigit(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        var i = 0
        if let base = b.baseAddress {
            let high: UInt64 = 0x8080_8080_8080_8080, low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            while i + 8 <= n {
                let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let t = x & low7
                if (t &+ 0x5050_5050_5050_5050) & ~(t &+ 0x4646_4646_4646_4646) & ~x & high != 0 { return true }
                i += 8
            }
        }
        while i < n {
            if b[i] &- 0x30 < 10 { return true }
            i += 1
        }
        return false
    }

    /// `s.utf8.contains(byte)` with `memchr` (the generic search over the UTF-8 view cost about
    /// twenty instructions a byte).
    static func containsByte(_ s: String, _ byte: UInt8) -> Bool {
        var s = s
        return s.withUTF8 { b in
            guard let base = b.baseAddress, !b.isEmpty else { return false }
            return memchr(base, Int32(byte), b.count) != nil
        }
    }

    /// True when `hay` contains any of `needles`.
    @inline(__always)
    static func containsAny(_ hay: [UInt8], _ needles: [[UInt8]]) -> Bool {
        for n in needles where find(n, in: hay) != nil { return true }
        return false
    }

    /// The adjacent byte pairs of a text, hashed into 128 bits: a needle whose pairs are not all in
    /// a text's mask does not occur in it, so most needles are ruled out without a search.
    struct PairMask {
        var lo: UInt64 = 0
        var hi: UInt64 = 0

        /// The mask of a text with no pairs, to ``add(_:_:)`` them to.
        init() {}

        /// Adds the pair `a`, `b` (adjacent bytes of the text).
        @inline(__always)
        mutating func add(_ a: UInt8, _ b: UInt8) {
            let h = (Int(a) &* 31 &+ Int(b)) & 127
            if h < 64 { lo |= 1 << UInt64(h) } else { hi |= 1 << UInt64(h - 64) }
        }

        init(_ bytes: [UInt8]) {
            guard bytes.count >= 2 else { return }
            var prev = bytes[0]
            for k in 1..<bytes.count {
                let c = bytes[k]
                let h = (Int(prev) &* 31 &+ Int(c)) & 127
                if h < 64 { lo |= 1 << UInt64(h) } else { hi |= 1 << UInt64(h - 64) }
                prev = c
            }
        }

        /// False when some pair of `needle` is surely absent from this mask's text.
        @inline(__always)
        func mayContain(_ needle: PairMask) -> Bool {
            needle.lo & ~lo == 0 && needle.hi & ~hi == 0
        }
    }

    /// Needles with their pair masks, made once (static vocabularies).
    struct Needles {
        let bytes: [[UInt8]]
        let masks: [PairMask]

        init(_ strings: [String]) {
            bytes = strings.map { Array($0.utf8) }
            masks = bytes.map(PairMask.init)
        }
    }

    /// True when `hay` (whose ``PairMask`` is `mask`) contains any of `needles`: the same answer as
    /// ``containsAny(_:_:)-([UInt8],[[UInt8]])``, searching only needles the mask does not rule out.
    @inline(__always)
    static func containsAny(_ hay: [UInt8], _ needles: Needles, mask: PairMask) -> Bool {
        for k in needles.bytes.indices where mask.mayContain(needles.masks[k]) && find(needles.bytes[k], in: hay) != nil {
            return true
        }
        return false
    }

    /// ``containsAny(_:_:mask:)`` computing the mask of `hay`.
    @inline(__always)
    static func containsAny(_ hay: [UInt8], _ needles: Needles) -> Bool {
        containsAny(hay, needles, mask: PairMask(hay))
    }

    /// True when `hay[at...]` starts with `needle`.
    @inline(__always)
    static func matches(_ needle: [UInt8], in hay: [UInt8], at: Int) -> Bool {
        guard at >= 0, at + needle.count <= hay.count else { return false }
        for k in 0..<needle.count where hay[at + k] != needle[k] { return false }
        return true
    }

    // MARK: Scalars

    /// The scalar that starts at byte `i` and the index after it.
    @inline(__always)
    static func scalar(at i: Int, in b: [UInt8]) -> (value: UInt32, next: Int) {
        let c0 = UInt32(b[i])
        if c0 < 0x80 { return (c0, i + 1) }
        if c0 < 0xE0, i + 1 < b.count { return ((c0 & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F), i + 2) }
        if c0 < 0xF0, i + 2 < b.count {
            return ((c0 & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F), i + 3)
        }
        if i + 3 < b.count {
            return ((c0 & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F), i + 4)
        }
        return (0xFFFD, b.count)
    }

    /// The scalar of the valid UTF-8 `b` (a String's) that starts at byte `i`, and the index after
    /// it: `String.unicodeScalars` read in place. (A sequence cut short reads as U+FFFD.)
    @inline(__always)
    static func decode(at i: Int, in b: UnsafeBufferPointer<UInt8>) -> (Unicode.Scalar, Int) {
        let c0 = b[i]
        if c0 < 0x80 { return (Unicode.Scalar(c0), i + 1) }
        let v: UInt32, next: Int
        if c0 < 0xE0, i + 1 < b.count {
            v = UInt32(c0 & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
            next = i + 2
        } else if c0 < 0xF0, i + 2 < b.count {
            v = UInt32(c0 & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
            next = i + 3
        } else if i + 3 < b.count {
            v = UInt32(c0 & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F)
            next = i + 4
        } else {
            return ("\u{FFFD}", b.count)
        }
        return (Unicode.Scalar(v) ?? "\u{FFFD}", next)
    }

    /// The scalar that ends just before byte `i` and the index where it starts.
    @inline(__always)
    static func scalar(before i: Int, in b: [UInt8]) -> (value: UInt32, start: Int) {
        var s = i - 1
        while s > 0, b[s] & 0xC0 == 0x80, i - s < 4 { s -= 1 }
        return (scalar(at: s, in: b).value, s)
    }

    /// A letter, a digit or a combining mark: part of a word.
    @inline(__always)
    static func isWordScalar(_ v: UInt32) -> Bool {
        if v < 0x80 {
            return (v &- 0x61) < 26 || (v &- 0x41) < 26 || (v &- 0x30) < 10
        }
        guard let s = Unicode.Scalar(v) else { return false }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    /// White space (ASCII, NBSP and the Unicode spaces).
    @inline(__always)
    static func isSpace(_ v: UInt32) -> Bool {
        v == 0x20 || (v >= 0x09 && v <= 0x0D) || v == 0xA0 || v == 0x85 || (v >= 0x2000 && v <= 0x200B) || v == 0x202F
            || v == 0x205F || v == 0x3000 || v == 0x1680
    }

    /// Punctuation (Unicode `P*`), as Foundation's `punctuationCharacters`.
    @inline(__always)
    static func isPunctuation(_ v: UInt32) -> Bool {
        if v < 0x80 {
            switch UInt8(v) {
            case UInt8(ascii: "!"), UInt8(ascii: "\""), UInt8(ascii: "#"), UInt8(ascii: "%"), UInt8(ascii: "&"),
                UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: ","),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: ";"),
                UInt8(ascii: "?"), UInt8(ascii: "@"), UInt8(ascii: "["), UInt8(ascii: "\\"), UInt8(ascii: "]"),
                UInt8(ascii: "_"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                return true
            default:
                return false
            }
        }
        guard let s = Unicode.Scalar(v) else { return false }
        switch s.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// True when the match `lo..<hi` of a word in `b` has no word character right before or after it.
    @inline(__always)
    static func isWholeWord(_ lo: Int, _ hi: Int, in b: [UInt8]) -> Bool {
        (lo == 0 || !isWordScalar(scalar(before: lo, in: b).value)) && (hi >= b.count || !isWordScalar(scalar(at: hi, in: b).value))
    }

    /// True when `word` occurs in `hay` as a whole word (`hay` and `word` already case-folded alike).
    static func containsWord(_ word: [UInt8], in hay: [UInt8]) -> Bool {
        var from = 0
        while let at = find(word, in: hay, from: from) {
            if isWholeWord(at, at + word.count, in: hay) { return true }
            from = at + 1
        }
        return false
    }
}
