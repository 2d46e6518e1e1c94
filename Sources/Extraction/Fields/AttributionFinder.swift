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

    /// Where ``candidates(in:)`` looks a spelling up: every spelling is keyed by two of its bytes
    /// (its first two; the second and third for a name in a script of three-byte UTF-8, whose first
    /// byte every letter of the script shares), under every way the text may write them (a name's
    /// ASCII letters in either case, an acronym as written).
    struct StartTable: Sendable {
        /// Per two-byte key (`first << 8 | second`): 0, or 1 + the bucket of spellings keyed there.
        let bucketOfKey: [UInt8]
        /// Bucket `k`'s spellings are `bucketSpellings[bucketStart[k] ..< bucketStart[k + 1]]`.
        let bucketStart: [Int]
        let bucketSpellings: [Int]
        /// Per spelling: the byte offset of its key (0 or 1), and its bytes in `bytes[start[k] ..< start[k + 1]]`.
        let anchor: [Int]
        let start: [Int]
        let bytes: [UInt8]
        /// Per spelling: matched in the lowered text (a name) rather than as written (an acronym).
        let lowered: [Bool]
        /// The second check of a key at `p`, as 65,536 bits: the two bytes at `p + 1` (a key of a
        /// name or acronym that starts with its first byte) or at `p + 3` (a key of the second and
        /// third bytes, a continuation byte first: the next letter's) are those of some spelling
        /// there, under every way the text may write them.
        let second: [UInt64]
        /// Per bucket: a spelling of it is too short for ``second`` (`AP`), which is then not asked.
        let bypass: [Bool]
        /// The pairs read by ``candidates(in:)``, which steps two bytes at a time, as 65,536 bits: a
        /// key (``bucketOfKey``), or the two bytes right after a key (a key at an odd offset is
        /// found through them; after the last byte of a spelling of two, any byte).
        let stepPairs: [UInt64]

        init(_ spellings: [Spelling]) {
            var lists: [Int: [Int]] = [:]
            var second = [UInt64](repeating: 0, count: 1024)
            var stepPairs = [UInt64](repeating: 0, count: 1024)
            func set(_ bits: inout [UInt64], _ x: UInt8, _ y: UInt8) {
                let h = Int(x) << 8 | Int(y)
                bits[h >> 6] |= 1 << UInt64(h & 63)
            }
            var short = Set<Int>()
            var anchor: [Int] = [], start = [0], bytes: [UInt8] = [], lowered: [Bool] = []
            for (k, sp) in spellings.enumerated() {
                let a = sp.bytes.count >= 3 && sp.bytes[0] >= 0xE0 ? 1 : 0
                anchor.append(a)
                bytes += sp.bytes
                start.append(bytes.count)
                lowered.append(!sp.isAcronym)
                precondition(sp.bytes.count >= a + 2, "AttributionFinder: a spelling of fewer than two bytes")
                // The text bytes that lower (a name) or are equal (an acronym) to a spelling byte.
                let forms = { (c: UInt8) -> [UInt8] in !sp.isAcronym && c &- 0x61 < 26 ? [c, c - 0x20] : [c] }
                for x in forms(sp.bytes[a]) {
                    for y in forms(sp.bytes[a + 1]) {
                        lists[Int(x) << 8 | Int(y), default: []].append(k)
                        set(&stepPairs, x, y)
                    }
                    // The pair after the key: its second byte and the next (any, after a spelling of two).
                    for y in forms(sp.bytes[a + 1]) {
                        if a + 2 < sp.bytes.count {
                            for z in forms(sp.bytes[a + 2]) { set(&stepPairs, y, z) }
                        } else {
                            for z in 0...255 { set(&stepPairs, y, UInt8(z)) }
                        }
                    }
                }
                // The second pair: one byte after the key, or three when the key starts with a
                // continuation byte (as the caller tells them apart).
                let q = a + (sp.bytes[a] & 0xC0 == 0x80 ? 3 : 1)
                if q + 1 < sp.bytes.count {
                    for x in forms(sp.bytes[q]) {
                        for y in forms(sp.bytes[q + 1]) { set(&second, x, y) }
                    }
                } else {
                    short.insert(k)
                }
            }
            var table = [UInt8](repeating: 0, count: 1 << 16)
            var bucketOfList: [[Int]: UInt8] = [:]
            var bucketStart = [0], bucketSpellings: [Int] = [], bypass: [Bool] = []
            for (key, list) in lists.sorted(by: { $0.key < $1.key }) {
                if let b = bucketOfList[list] { table[key] = b; continue }
                precondition(bucketOfList.count < 255, "AttributionFinder: more spelling buckets than a byte holds")
                bucketSpellings += list
                bucketStart.append(bucketSpellings.count)
                bypass.append(list.contains { short.contains($0) })
                let b = UInt8(bucketOfList.count + 1)
                bucketOfList[list] = b
                table[key] = b
            }
            bucketOfKey = table
            self.bucketStart = bucketStart
            self.bucketSpellings = bucketSpellings
            self.anchor = anchor
            self.start = start
            self.bytes = bytes
            self.lowered = lowered
            self.second = second
            self.bypass = bypass
            self.stepPairs = stepPairs
        }
    }

    static let startTable = StartTable(spellings)

    /// The spellings (indices into ``spellings``, ascending) that occur in the UTF-8 `b` where a
    /// word may start and end: an acronym as written, a name in the lowered text, with no ASCII
    /// letter or digit right before it or right after it (``wordMatches(of:in:bengaliSuffixes:)``
    /// finds nothing there: the scalar before or after is a letter or digit, and a Bengali case
    /// ending holds none). Every spelling that ``wordMatches(of:in:bengaliSuffixes:)`` finds is
    /// among them.
    ///
    /// The pairs at every other byte are looked up in ``StartTable/stepPairs``: a key at an even
    /// offset is one of them, a key at an odd offset has the pair after it there (the last pair of
    /// the text, at an odd offset, is looked up apart). Where a pair may be one, the key at that
    /// byte or at the byte before is looked up in ``StartTable/bucketOfKey``, and two bytes after it
    /// in ``StartTable/second``. Most pairs are none, and most paragraphs hold no spelling.
    static func candidates(in b: UnsafeBufferPointer<UInt8>) -> [Int] {
        let n = b.count
        guard n >= 2 else { return [] }
        let t = startTable
        return t.bucketOfKey.withUnsafeBufferPointer { table in
            t.second.withUnsafeBufferPointer { second in
                t.bypass.withUnsafeBufferPointer { bypass in
                    t.stepPairs.withUnsafeBufferPointer { stepPairs in
                        var found: [Int] = []
                        /// The spellings keyed at `p` (`p + 1 < n`), checked.
                        func key(at p: Int) {
                            let bucket = Int(table[Int(b[p]) << 8 | Int(b[p &+ 1])])
                            guard bucket != 0 else { return }
                            if !bypass[bucket - 1] {
                                // The second pair one byte or three after the key.
                                let q = p &+ (b[p] & 0xC0 == 0x80 ? 3 : 1)
                                guard q &+ 1 < n else { return }
                                let h = Int(b[q]) << 8 | Int(b[q &+ 1])
                                guard second[h >> 6] & (1 << UInt64(h & 63)) != 0 else { return }
                            }
                            verify(bucket - 1, keyAt: p, in: b, t, into: &found)
                        }
                        var q = 0
                        while q &+ 1 < n {
                            let h = Int(b[q]) << 8 | Int(b[q &+ 1])
                            if stepPairs[h >> 6] & (1 << UInt64(h & 63)) != 0 {
                                key(at: q)
                                if q > 0 { key(at: q &- 1) }
                            }
                            q &+= 2
                        }
                        // The last pair, when at an odd offset (an odd count of bytes): no pair after it was read.
                        if n & 1 == 1 { key(at: n &- 2) }
                        return found.count > 1 ? Array(Set(found)).sorted() : found
                    }
                }
            }
        }
    }

    /// Adds to `found` the spellings of `bucket` that occur in `b` with their key at `p`, where a
    /// word may start and end (see ``candidates(in:)``).
    static func verify(_ bucket: Int, keyAt p: Int, in b: UnsafeBufferPointer<UInt8>, _ t: StartTable, into found: inout [Int]) {
        let n = b.count
        for q in t.bucketStart[bucket]..<t.bucketStart[bucket + 1] {
            let k = t.bucketSpellings[q]
            let s = p - t.anchor[k], from = t.start[k], len = t.start[k + 1] - from
            guard s >= 0, s + len <= n else { continue }
            if s > 0, isASCIIAlphanumeric(b[s - 1]) { continue }
            if s + len < n, isASCIIAlphanumeric(b[s + len]) { continue }
            var same = true
            if t.lowered[k] {
                for j in 0..<len {
                    let x = b[s + j]
                    if (x &- 0x41 < 26 ? x | 0x20 : x) != t.bytes[from + j] { same = false; break }
                }
            } else {
                for j in 0..<len where b[s + j] != t.bytes[from + j] { same = false; break }
            }
            if same { found.append(k) }
        }
    }

    @inline(__always)
    static func isASCIIAlphanumeric(_ c: UInt8) -> Bool {
        (c | 0x20) &- 0x61 < 26 || c &- 0x30 < 10
    }

    static let cueBytes: [(bytes: [UInt8], word: Bool)] = cues.map {
        (UTF8Scan.asciiLowered($0), $0.unicodeScalars.first.map { $0.value < 0x250 } ?? false)
    }

    static let bengaliSuffixBytes: [[UInt8]] = AgencyCatalog.bengaliSuffixes.map { Array($0.utf8) }

    /// Canonical agency names credited in one paragraph.
    ///
    /// Only the spellings that occur in the paragraph where a word may start and end are searched
    /// for (see ``candidates(in:)``): most paragraphs credit no agency, and are ruled out by one
    /// pass over their bytes, without copying their text.
    public func credits(in paragraph: String) -> [String] {
        guard !paragraph.isEmpty else { return [] }
        var paragraph = paragraph
        let candidates = paragraph.withUTF8 { Self.candidates(in: $0) }
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
