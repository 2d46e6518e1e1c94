#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: Byte-level attribute access for the fields stage

extension HTMLDocument {
    /// `class` and `id` of element `n` as UTF-8, ASCII letters lowered, joined by a space (as
    /// ``classAndID(_:)``, without making Strings); empty when it has neither.
    func loweredClassAndIDBytes(_ n: NodeID) -> [UInt8] {
        let c = attributeRange("class", of: n), i = attributeRange("id", of: n)
        if c == nil && i == nil { return [] }
        var out: [UInt8] = []
        out.reserveCapacity((c?.count ?? 0) + (i?.count ?? 0) + 1)
        if let c { out.append(contentsOf: bytes[c]) }
        if let i, !i.isEmpty {
            if !out.isEmpty { out.append(0x20) }
            out.append(contentsOf: bytes[i])
        }
        for k in out.indices where out[k] &- 0x41 < 26 { out[k] |= 0x20 }
        return out
    }

    /// True when attribute `name` of `n` equals `value` (lower-case ASCII bytes) ignoring ASCII case.
    func attributeEqualsIgnoringCase(_ name: String, _ value: [UInt8], of n: NodeID) -> Bool {
        guard let r = attributeRange(name, of: n), r.count == value.count else { return false }
        var k = 0
        for b in bytes[r] {
            let l = b &- 0x41 < 26 ? b | 0x20 : b
            if l != value[k] { return false }
            k += 1
        }
        return true
    }
}

extension HTMLDocument {
    /// True when the visible text of `n` (as ``textContent(of:includeHidden:)`` gives it) surely has
    /// more than `maxChars` characters: its non-white-space bytes outnumber four per character.
    /// A cheap test before making the String of a large subtree.
    func visibleTextSurelyExceeds(_ n: NodeID, chars maxChars: Int) -> Bool {
        let limit = maxChars * 4
        var count = 0
        var i = n.index
        let end = Int(ends[n.index])
        if kinds[i] != .text { i += 1 }
        while i < end {
            switch kinds[i] {
            case .text:
                for b in bytes[Int(dataStart[i])..<Int(dataEnd[i])] where b > 0x20 { count += 1 }
                if count > limit { return true }
                i += 1
            case .element where tags[i].isNonContent:
                i = Int(ends[i])
            default:
                i += 1
            }
        }
        return false
    }
}

// MARK: One pass over an element's attributes

extension HTMLDocument {
    /// What ``PageClueFinder`` reads from each element of its window, found in one pass over the
    /// element's attributes (the first attribute of each name counts, as in ``attributeRange(_:of:)``),
    /// without copying them.
    struct ClueAttributes {
        /// The value of `class`, if any.
        var classValue: Range<Int>?
        /// The value of `id`, if any and not empty.
        var idValue: Range<Int>?
        /// The ``ClueHints`` fragments that ``loweredClassAndIDBytes(_:)`` contains, one bit each.
        var hints: UInt64 = 0
        /// `rel` equals "author", ignoring ASCII case.
        var relAuthor = false
        /// `itemprop` equals "author", ignoring ASCII case.
        var itempropAuthor = false
        /// The value of `href`, if any (as ``attributeRange(_:of:)`` gives it).
        var href: Range<Int>?

        /// True when ``loweredClassAndIDBytes(_:)`` is empty: no class and no id with a value.
        var isEmpty: Bool { (classValue?.isEmpty ?? true) && idValue == nil }
    }

    /// ``ClueAttributes`` of element `n`; all empty or false for other nodes.
    func clueAttributes(_ n: NodeID) -> ClueAttributes {
        var out = ClueAttributes()
        guard kinds[n.index] == .element else { return out }
        let lo = Int(dataStart[n.index]), hi = Int(dataEnd[n.index])
        if lo == hi { return out }
        var cls: Range<Int>?, id: Range<Int>?, rel: Range<Int>?, itemprop: Range<Int>?
        bytes.withUnsafeBufferPointer { buf in
            attributeRecords.withUnsafeBufferPointer { records in
                for k in lo..<hi {
                    let a = records[k]
                    let s = Int(a.nameStart), len = Int(a.nameEnd - a.nameStart)
                    let value = Int(a.valueStart)..<Int(a.valueEnd)
                    // Names are compared as stored, as ``attributeRange(_:of:)`` does: "id", "rel", "href", "class", "itemprop".
                    switch len {
                    case 2 where buf[s] == 0x69 && buf[s + 1] == 0x64:
                        if id == nil { id = value }
                    case 3 where buf[s] == 0x72 && buf[s + 1] == 0x65 && buf[s + 2] == 0x6C:
                        if rel == nil { rel = value }
                    case 4 where buf[s] == 0x68 && buf[s + 1] == 0x72 && buf[s + 2] == 0x65 && buf[s + 3] == 0x66:
                        if out.href == nil { out.href = value }
                    case 5 where buf[s] == 0x63 && buf[s + 1] == 0x6C && buf[s + 2] == 0x61 && buf[s + 3] == 0x73 && buf[s + 4] == 0x73:
                        if cls == nil { cls = value }
                    case 8 where buf[s] == 0x69 && buf[s + 1] == 0x74 && buf[s + 2] == 0x65 && buf[s + 3] == 0x6D
                        && buf[s + 4] == 0x70 && buf[s + 5] == 0x72 && buf[s + 6] == 0x6F && buf[s + 7] == 0x70:
                        if itemprop == nil { itemprop = value }
                    default:
                        break
                    }
                }
                if let cls { ClueHints.scan(buf, cls, into: &out.hints) }
                if let id { ClueHints.scan(buf, id, into: &out.hints) }
            }
        }
        out.classValue = cls
        if let id, !id.isEmpty { out.idValue = id }
        if let rel { out.relAuthor = equalsIgnoringCase(rel, PageClueFinder.authorBytes) }
        if let itemprop { out.itempropAuthor = equalsIgnoringCase(itemprop, PageClueFinder.authorBytes) }
        return out
    }

    /// True when ``loweredClassAndIDBytes(_:)`` of the element of `a` contains any of `needles`
    /// (lower case, without spaces: a match cannot span the space between class and id).
    func classOrIDContainsAny(_ a: ClueAttributes, _ needles: UTF8Scan.Needles) -> Bool {
        for k in needles.bytes.indices where classOrIDContains(a, needles.bytes[k]) { return true }
        return false
    }

    /// True when ``loweredClassAndIDBytes(_:)`` of the element of `a` contains `needle` (lower
    /// case, without spaces).
    func classOrIDContains(_ a: ClueAttributes, _ needle: [UInt8]) -> Bool {
        if let r = a.classValue, containsIgnoringCase(needle, in: r) { return true }
        if let r = a.idValue, containsIgnoringCase(needle, in: r) { return true }
        return false
    }

    /// True when the bytes in `r`, ASCII letters lowered, contain any of `needles` (lower case):
    /// `UTF8Scan.containsAny(UTF8Scan.asciiLowered(Array(bytes[r])), needles)` without the copies.
    func containsAnyIgnoringCase(_ needles: UTF8Scan.Needles, in r: Range<Int>) -> Bool {
        var mask = UTF8Scan.PairMask()
        bytes.withUnsafeBufferPointer { Self.addPairs($0, r, to: &mask) }
        for k in needles.bytes.indices where mask.mayContain(needles.masks[k]) {
            if containsIgnoringCase(needles.bytes[k], in: r) { return true }
        }
        return false
    }

    /// True when the bytes in `r`, ASCII letters lowered, hold byte `lead` followed by one of
    /// `pairs` (two lower-case bytes, packed big-endian): a necessary condition for containing
    /// needles that start so.
    func containsLeadAndPairIgnoringCase(_ lead: UInt8, _ pairs: BytePairSet, in r: Range<Int>) -> Bool {
        guard r.count >= 3 else { return false }
        return bytes.withUnsafeBufferPointer { buf in
            if lead &- 0x61 >= 26 {
                // Only `lead` itself lowers to a byte that is no lower-case letter: found with `memchr`.
                let base = buf.baseAddress!
                var k = r.lowerBound
                let end = r.upperBound - 2
                while k < end {
                    guard let p = memchr(base + k, Int32(lead), end - k) else { return false }
                    let at = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
                    let pair = UInt16(Self.lowered(buf[at + 1])) << 8 | UInt16(Self.lowered(buf[at + 2]))
                    if pairs.contains(pair) { return true }
                    k = at + 1
                }
                return false
            }
            for k in r.lowerBound..<r.upperBound - 2 where Self.lowered(buf[k]) == lead {
                let pair = UInt16(Self.lowered(buf[k + 1])) << 8 | UInt16(Self.lowered(buf[k + 2]))
                if pairs.contains(pair) { return true }
            }
            return false
        }
    }

    /// True when the bytes in `r`, ASCII letters lowered, contain `needle`.
    func containsIgnoringCase(_ needle: [UInt8], in r: Range<Int>) -> Bool {
        let m = needle.count
        guard m > 0 else { return true }
        guard r.count >= m else { return false }
        return bytes.withUnsafeBufferPointer { buf in
            needle.withUnsafeBufferPointer { nd in
                let first = nd[0]
                var i = r.lowerBound
                let last = r.upperBound - m
                while i <= last {
                    if Self.lowered(buf[i]) == first {
                        var k = 1
                        while k < m, Self.lowered(buf[i + k]) == nd[k] { k += 1 }
                        if k == m { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    @inline(__always)
    static func lowered(_ c: UInt8) -> UInt8 { c &- 0x41 < 26 ? c | 0x20 : c }

    /// Adds the pairs of the ASCII-lowered bytes in `r` to `mask`.
    @inline(__always)
    private static func addPairs(_ buf: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, to mask: inout UTF8Scan.PairMask) {
        guard r.count >= 2 else { return }
        var prev = lowered(buf[r.lowerBound])
        for k in r.lowerBound + 1..<r.upperBound {
            let c = lowered(buf[k])
            mask.add(prev, c)
            prev = c
        }
    }

    /// True when the bytes in `r` equal `value` (lower-case ASCII) ignoring ASCII case.
    private func equalsIgnoringCase(_ r: Range<Int>, _ value: [UInt8]) -> Bool {
        guard r.count == value.count else { return false }
        var k = 0
        for b in bytes[r] {
            if Self.lowered(b) != value[k] { return false }
            k += 1
        }
        return true
    }
}

/// A set of byte pairs (packed big-endian in a `UInt16`) as a 65,536-bit map: a member test is
/// one load and a mask, where an array's `contains` compared every pair.
struct BytePairSet: Sendable {
    private var bits = [UInt64](repeating: 0, count: 1024)

    init(_ pairs: some Sequence<UInt16>) {
        for p in pairs { bits[Int(p >> 6)] |= 1 << UInt64(p & 63) }
    }

    @inline(__always)
    func contains(_ p: UInt16) -> Bool { bits[Int(p >> 6)] & (1 << UInt64(p & 63)) != 0 }
}

// MARK: Elements with an attribute

extension HTMLDocument {
    /// The elements that have an attribute named `name` (as stored, compared byte for byte), in
    /// document order, each with the value range of its first such attribute: what
    /// ``attributeRange(_:of:)`` gives for every element, found in one pass over the attribute
    /// records without a call per element.
    func elements(havingAttribute name: String) -> [(node: NodeID, value: Range<Int>)] {
        let key = Array(name.utf8)
        guard !key.isEmpty else { return [] }
        var out: [(node: NodeID, value: Range<Int>)] = []
        kinds.withUnsafeBufferPointer { kinds in
            dataStart.withUnsafeBufferPointer { starts in
                dataEnd.withUnsafeBufferPointer { ends in
                    attributeRecords.withUnsafeBufferPointer { records in
                        bytes.withUnsafeBufferPointer { buf in
                            key.withUnsafeBufferPointer { key in
                                let first = key[0], len = key.count
                                for i in 0..<kinds.count where kinds[i] == .element {
                                    let lo = Int(starts[i]), hi = Int(ends[i])
                                    var k = lo
                                    while k < hi {
                                        let a = records[k]
                                        k += 1
                                        let s = Int(a.nameStart)
                                        guard Int(a.nameEnd) - s == len, buf[s] == first else { continue }
                                        var j = 1
                                        while j < len, buf[s + j] == key[j] { j += 1 }
                                        if j == len {
                                            out.append((NodeID(i), Int(a.valueStart)..<Int(a.valueEnd)))
                                            break
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return out
    }
}

// MARK: Class and id fragments in one pass

/// The class/id fragments ``PageClueFinder`` looks for (its byline, date and skip hints and
/// "avatar"), each a bit of ``HTMLDocument/ClueAttributes/hints``, found in one pass over a value:
/// at each byte the pair it starts (ASCII letters lowered) is looked up in a bitmap of the
/// fragments' first pairs, and only the fragments that start with it are compared there.
enum ClueHints {
    static let needles: [[UInt8]] = PageClueFinder.bylineHintBytes.bytes + PageClueFinder.dateHintBytes.bytes
        + PageClueFinder.skipHintBytes.bytes + [PageClueFinder.avatarBytes]

    /// The bits of the fragments of each list.
    static let byline = bits(0, PageClueFinder.bylineHintBytes.bytes.count)
    static let date = bits(byline.nonzeroBitCount, PageClueFinder.dateHintBytes.bytes.count)
    static let skip = bits(byline.nonzeroBitCount + date.nonzeroBitCount, PageClueFinder.skipHintBytes.bytes.count)
    static let avatar: UInt64 = 1 << UInt64(needles.count - 1)

    static func bits(_ from: Int, _ count: Int) -> UInt64 {
        (from..<from + count).reduce(0) { $0 | 1 << UInt64($1) }
    }

    /// The look-up tables of the fragments, built once and read through one reference (those of a
    /// ``NeedleScanner``, which searches the same way for any one of its needles).
    static let tables = NeedleScanner(needles)

    /// Adds to `found` the bits of the fragments that the bytes in `r` of `buf`, ASCII letters
    /// lowered, contain.
    ///
    /// The pairs at every other byte are looked up: a fragment (of at least three bytes) that
    /// starts at an even offset in `r` has its first pair there, one that starts at an odd offset
    /// its second pair at the byte after, so each occurrence meets one of the two tables (first
    /// pairs with their third bytes, second pairs with their first bytes) and is compared there.
    static func scan(_ buf: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, into found: inout UInt64) {
        guard r.count >= 3 else { return }
        let t = tables
        t.anyPairs.withUnsafeBufferPointer { anyPairs in
            t.thirds.withUnsafeBufferPointer { thirds in
                t.firsts.withUnsafeBufferPointer { firsts in
                    let lo = r.lowerBound, end = r.upperBound
                    var q = lo
                    while q + 1 < end {
                        let a = buf[q] & 0x1F, c = buf[q + 1] & 0x1F
                        if anyPairs[Int(a)] & (1 << UInt32(c)) != 0 {
                            let key = Int(a) << 5 | Int(c)
                            // A fragment starting here (its third byte checked first) …
                            if q + 2 < end, thirds[key] & (1 << UInt32(buf[q + 2] & 0x1F)) != 0 {
                                let m = t.starts[key] & ~found
                                if m != 0 { verify(t, buf, at: q, end: end, candidates: m, into: &found) }
                            }
                            // … or at the byte before (its first byte checked first).
                            if q > lo, firsts[key] & (1 << UInt32(buf[q - 1] & 0x1F)) != 0 {
                                let m = t.seconds[key] & ~found
                                if m != 0 { verify(t, buf, at: q - 1, end: end, candidates: m, into: &found) }
                            }
                        }
                        q += 2
                    }
                }
            }
        }
    }

    /// ``scan(_:_:into:)`` one byte at a time (the former loop), kept as the reference of the
    /// two-byte stride.
    static func scanEveryByte(_ buf: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, into found: inout UInt64) {
        // (Every fragment has at least three bytes: a pair in the last two bytes starts none.)
        guard r.count >= 3 else { return }
        let t = tables
        t.firstPairs.withUnsafeBufferPointer { firstPairs in
            t.thirds.withUnsafeBufferPointer { thirds in
                var prev = buf[r.lowerBound] & 0x1F
                var k = r.lowerBound
                let end = r.upperBound
                while k + 2 < end {
                    let c = buf[k + 1] & 0x1F
                    if firstPairs[Int(prev)] & (1 << UInt32(c)) != 0 {
                        let key = Int(prev) << 5 | Int(c)
                        if thirds[key] & (1 << UInt32(buf[k + 2] & 0x1F)) != 0 {
                            verify(t, buf, at: k, end: end, candidates: t.starts[key] & ~found, into: &found)
                        }
                    }
                    prev = c
                    k += 1
                }
            }
        }
    }

    /// Adds the bits of the `candidates` that the bytes of `buf` from `k` (before `end`), ASCII
    /// letters lowered, start with.
    static func verify(_ t: NeedleScanner, _ buf: UnsafeBufferPointer<UInt8>, at k: Int, end: Int, candidates: UInt64, into found: inout UInt64) {
        var m = candidates
        while m != 0 {
            let j = m.trailingZeroBitCount
            m &= m - 1
            let s = t.offsets[j], len = t.offsets[j + 1] - s
            guard k + len <= end else { continue }
            var q = 0
            while q < len, HTMLDocument.lowered(buf[k + q]) == t.flat[s + q] { q += 1 }
            if q == len { found |= 1 << UInt64(j) }
        }
    }
}
