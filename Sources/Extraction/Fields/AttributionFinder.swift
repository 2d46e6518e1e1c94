/// Finds the wire agencies a text credits as its source, under canonical names.
///
/// A mention counts when it reads as a credit: in parentheses or a dateline (`(AP) —`,
/// `DHAKA (Reuters) -`), next to a reporting word (`Reuters reported`, `according to AFP`,
/// `told dpa`, `খবর রয়টার্সের`, `বাসস জানায়`, `बार्ता संस्था`), or alone at the start or end of a
/// paragraph (`… খবর এএফপির।`, `— AP`). A bare mention inside a sentence ("a Reuters photographer")
/// is not enough.
public struct AttributionFinder: Sendable {

    /// Words that make a nearby agency name a credit (lower case; Latin matched as words,
    /// other scripts as substrings).
    static let cues: [String] = [
        "reported", "reports", "report", "reporting", "told", "said", "says", "according", "via", "quoted", "cited",
        "news agency", "wire", "contributed", "agencies", "meldet", "berichtet", "berichtete", "laut", "zufolge",
        "nach angaben", "selon", "rapporte", "según", "informó", "secondo", "volgens", "segundo", "enligt",
        "খবর", "জানিয়েছে", "জানায়", "জানিয়েছেন", "বলেছে", "বার্তা সংস্থা", "প্রতিবেদন", "প্রতিবেদনে", "সূত্রে",
        "অনুসারে", "মতে", "বরাতে", "উদ্ধৃত", "समाचार एजेंसी", "एजेंसी", "के मुताबिक", "के अनुसार", "ने बताया", "इनपुट",
    ]

    /// Bytes of body text read from the start and from the end: agencies are credited in the
    /// dateline or the first paragraph, or at the end (`— AP`, `খবর এএফপির।`).
    public var headBytes: Int
    public var tailBytes: Int

    public init(headBytes: Int = 8_000, tailBytes: Int = 4_000) {
        self.headBytes = headBytes
        self.tailBytes = tailBytes
    }

    /// Canonical agency names credited in the given paragraphs, in order of first credit. Only the
    /// paragraphs within the first ``headBytes`` and the last ``tailBytes`` of the text are read.
    public func attributions(in paragraphs: [String]) -> [String] {
        var head = 0, used = 0
        while head < paragraphs.count, used < headBytes { used += paragraphs[head].utf8.count + 1; head += 1 }
        var tail = paragraphs.count, usedTail = 0
        while tail > head, usedTail < tailBytes { tail -= 1; usedTail += paragraphs[tail].utf8.count + 1 }
        var found: [String] = []
        for (k, p) in paragraphs.enumerated() where k < head || k >= tail {
            for name in credits(in: p) where !found.contains(name) { found.append(name) }
        }
        return found
    }

    /// One spelling of an agency as UTF-8: an acronym as written, or a name with ASCII letters
    /// lowered (matched in the lowered text).
    struct Spelling: Sendable {
        /// Index of the agency in ``AgencyCatalog/all``.
        let agency: Int
        let bytes: [UInt8]
        let isAcronym: Bool
        /// A Bengali name, which may take a case ending.
        let bengali: Bool
    }

    /// Every spelling of every agency, in catalog order.
    static let spellings: [Spelling] = AgencyCatalog.all.enumerated().flatMap { k, a in
        a.acronyms.map { Spelling(agency: k, bytes: Array($0.utf8), isAcronym: true, bengali: false) }
            + a.names.map { Spelling(agency: k, bytes: UTF8Scan.asciiLowered($0), isAcronym: false, bengali: AgencyCatalog.isBengali($0)) }
    }

    /// The ``UTF8Scan/PairBitmap`` hashes of each spelling's bytes, flattened: spelling `k`'s are
    /// `pairHashes[pairStart[k] ..< pairStart[k + 1]]`, each an index into the 8,192 bits of
    /// ``credits(in:)``. A name's pairs are checked against the lowered text's (bits 0–4095). An
    /// acronym is matched as written: a pair of it that holds an upper-case ASCII letter against the
    /// text's own pairs that hold one (bits 4096–8191), any other against the lowered text's (which
    /// hold every such pair of the text as written).
    static let pairHashes: [UInt16] = spellings.flatMap { sp in
        sp.bytes.count < 2 ? [] : (1..<sp.bytes.count).map { j -> UInt16 in
            let a = sp.bytes[j - 1], b = sp.bytes[j]
            let upper = sp.isAcronym && (a &- 0x41 < 26 || b &- 0x41 < 26)
            return UInt16(UTF8Scan.PairBitmap.hash(a, b) + (upper ? 4096 : 0))
        }
    }
    static let pairStart: [Int] = spellings.reduce(into: [0]) { out, sp in out.append(out.last! + max(0, sp.bytes.count - 1)) }
    /// Per spelling: 1 for an acronym, 2 for a name in a script of three-byte UTF-8 (Bengali,
    /// Devanagari, CJK …, which needs such bytes in the text), 0 else.
    static let spellingKinds: [UInt8] = spellings.map { $0.isAcronym ? 1 : ($0.bytes[0] >= 0xE0 ? 2 : 0) }

    static let cueBytes: [(bytes: [UInt8], word: Bool)] = cues.map {
        (UTF8Scan.asciiLowered($0), $0.unicodeScalars.first.map { $0.value < 0x250 } ?? false)
    }

    static let bengaliSuffixBytes: [[UInt8]] = AgencyCatalog.bengaliSuffixes.map { Array($0.utf8) }

    /// Canonical agency names credited in one paragraph.
    ///
    /// A spelling is searched for only when every adjacent byte pair of it (lowered) is among the
    /// lowered paragraph's (see ``UTF8Scan/PairBitmap``): most paragraphs credit no agency, and are
    /// ruled out by the pairs alone, without copying their text.
    public func credits(in paragraph: String) -> [String] {
        guard !paragraph.isEmpty else { return [] }
        var paragraph = paragraph
        // The spellings that may occur: their pairs are all among the text's (see ``pairHashes``).
        let hashes = Self.pairHashes, start = Self.pairStart, kinds = Self.spellingKinds
        let candidates: [Int] = paragraph.withUTF8 { b in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 128) { bits -> [Int] in
                // Words 0–63: pairs of the lowered text; 64–127: pairs of the text as written that
                // hold an upper-case ASCII letter (the others are the lowered text's).
                bits.initialize(repeating: 0)
                var wide = b[0] >= 0xE0
                var prevRaw = b[0]
                var prevUpper = prevRaw &- 0x41 < 26
                var prev = prevUpper ? prevRaw | 0x20 : prevRaw
                for k in 1..<b.count {
                    let raw = b[k]
                    wide = wide || raw >= 0xE0
                    let upper = raw &- 0x41 < 26
                    let c = upper ? raw | 0x20 : raw
                    let h = UTF8Scan.PairBitmap.hash(prev, c)
                    bits[h >> 6] |= 1 << UInt64(h & 63)
                    if upper || prevUpper {
                        let hr = UTF8Scan.PairBitmap.hash(prevRaw, raw)
                        bits[64 + (hr >> 6)] |= 1 << UInt64(hr & 63)
                    }
                    prev = c
                    prevRaw = raw
                    prevUpper = upper
                }
                var out: [Int] = []
                hashes.withUnsafeBufferPointer { hashes in
                    start.withUnsafeBufferPointer { start in
                        kinds.withUnsafeBufferPointer { kinds in
                            for k in 0..<kinds.count where wide || kinds[k] != 2 {
                                var all = true
                                for j in start[k]..<start[k + 1] {
                                    let h = Int(hashes[j])
                                    if bits[h >> 6] & (1 << UInt64(h & 63)) == 0 { all = false; break }
                                }
                                if all { out.append(k) }
                            }
                        }
                    }
                }
                return out
            }
        }
        guard !candidates.isEmpty else { return [] }
        let text = Array(paragraph.utf8)
        let lower = UTF8Scan.asciiLowered(text)
        var credited = [Bool](repeating: false, count: AgencyCatalog.all.count)
        for k in candidates {
            let sp = Self.spellings[k]
            if credited[sp.agency] { continue }
            credited[sp.agency] = sp.isAcronym
                ? Self.wordMatches(of: sp.bytes, in: text, bengaliSuffixes: false).contains { isCredit($0, text: text, lower: lower) }
                : Self.wordMatches(of: sp.bytes, in: lower, bengaliSuffixes: sp.bengali).contains { isCredit($0, text: text, lower: lower) }
        }
        return AgencyCatalog.all.indices.filter { credited[$0] }.map { AgencyCatalog.all[$0].name }
    }

    func isCredit(_ r: Range<Int>, text: [UInt8], lower: [UInt8]) -> Bool {
        // The scalars right around the name, white space skipped.
        var b = r.lowerBound
        var before: UInt32? = nil
        while b > 0 {
            let (v, s) = UTF8Scan.scalar(before: b, in: text)
            if !UTF8Scan.isSpace(v) { before = v; break }
            b = s
        }
        var e = r.upperBound
        var after: UInt32? = nil
        while e < text.count {
            let (v, next) = UTF8Scan.scalar(at: e, in: text)
            if !UTF8Scan.isSpace(v) { after = v; break }
            e = next
        }
        // Parentheses or a slash right around the name: "(AP)", "(भाषा/पीटीआई)".
        if before == 0x28, after == 0x29 || after == 0x2F { return true }
        if before == 0x2F, after == 0x29 { return true }
        // Alone at the end of the paragraph.
        var tailOnlyPunctuation = true
        var i = r.upperBound
        while i < text.count {
            let (v, next) = UTF8Scan.scalar(at: i, in: text)
            if !(UTF8Scan.isSpace(v) || UTF8Scan.isPunctuation(v) || v == 0x964) { tailOnlyPunctuation = false; break }
            i = next
        }
        if tailOnlyPunctuation { return true }
        // At the start, followed by a dash, colon or bar: "AP — …".
        if let a = after, a == 0x2D || a == 0x2013 || a == 0x2014 || a == 0x3A || a == 0x7C {
            var onlyPunctuation = true
            var j = 0
            while j < r.lowerBound {
                let (v, next) = UTF8Scan.scalar(at: j, in: text)
                if !(UTF8Scan.isSpace(v) || UTF8Scan.isPunctuation(v)) { onlyPunctuation = false; break }
                j = next
            }
            if onlyPunctuation { return true }
        }
        // A reporting word within 40 characters.
        let lo = Self.back(40, from: r.lowerBound, in: text)
        let hi = Self.forward(40, from: r.upperBound, in: text)
        let window = Array(lower[lo..<hi])
        for cue in Self.cueBytes {
            if cue.word ? UTF8Scan.containsWord(cue.bytes, in: window) : UTF8Scan.contains(window, cue.bytes) { return true }
        }
        return false
    }

    /// The byte index `count` characters (scalars that are not combining marks) before `i`.
    static func back(_ count: Int, from i: Int, in b: [UInt8]) -> Int {
        var i = i, left = count
        while i > 0, left > 0 {
            let (v, s) = UTF8Scan.scalar(before: i, in: b)
            if !isMark(v) { left -= 1 }
            i = s
        }
        // Keep the marks of the first character.
        while i > 0 {
            let (v, s) = UTF8Scan.scalar(before: i, in: b)
            guard isMark(v) else { break }
            i = s
        }
        return i
    }

    /// The byte index `count` characters after `i` (a character's combining marks included).
    static func forward(_ count: Int, from i: Int, in b: [UInt8]) -> Int {
        var i = i, left = count
        while i < b.count {
            let (v, next) = UTF8Scan.scalar(at: i, in: b)
            if !isMark(v) {
                if left == 0 { break }
                left -= 1
            }
            i = next
        }
        return i
    }

    @inline(__always)
    static func isMark(_ v: UInt32) -> Bool {
        guard v >= 0x300, let s = Unicode.Scalar(v) else { return false }
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return v == 0x200C || v == 0x200D
        }
    }

    /// Byte ranges of `needle` in `text` that start and end at word boundaries (a Bengali name may
    /// be followed by a case ending).
    static func wordMatches(of needle: [UInt8], in text: [UInt8], bengaliSuffixes: Bool) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var from = 0
        while let at = UTF8Scan.find(needle, in: text, from: from) {
            from = at + 1
            let prevOK = at == 0 || !UTF8Scan.isWordScalar(UTF8Scan.scalar(before: at, in: text).value)
            guard prevOK else { continue }
            var end = at + needle.count
            if bengaliSuffixes {
                var e = end
                while e < text.count {
                    let (v, next) = UTF8Scan.scalar(at: e, in: text)
                    guard UTF8Scan.isWordScalar(v) else { break }
                    e = next
                }
                if e > end, bengaliSuffixBytes.contains(where: { $0.count == e - end && UTF8Scan.matches($0, in: text, at: end) }) {
                    end = e
                }
            }
            if end == text.count || !UTF8Scan.isWordScalar(UTF8Scan.scalar(at: end, in: text).value) { out.append(at..<end) }
        }
        return out
    }
}
