import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps attributes out of libxml2's per-character loops: just before libxml2 parses a start tag,
/// the tag's plain quoted attributes are cut out of libxml2's copy of the input, and the
/// ``DocumentBuilder`` puts them back, in their places, when libxml2 reports the tag.
///
/// libxml2 2.9 reads an attribute one character at a time: the name (`htmlParseHTMLName`, then a
/// dictionary lookup) and the value (`htmlParseHTMLAttribute`, which decodes and re-encodes each
/// character into a fresh buffer: about 120 instructions a byte). Class names, links, `data-*`
/// JSON and SVG paths made that the largest single cost of parsing a news page: a quarter of
/// extraction on scrapinghub_aeb, more than twice the cost of all the page's text.
///
/// How: a SAX callback after which libxml2's input stands on a start tag (the `characters` event
/// that ends at a `<`, the `startElement` of an element whose content starts with a tag, the
/// `endElement` of an end tag, a comment or a processing instruction followed by one) reads that
/// tag the way libxml2 2.9 will (name, blanks, `name=value` pairs, quotes). Each attribute with a
/// double- or single-quoted value that libxml2 would copy unchanged or with `&amp;` as `&` (see
/// ``ValueForm``) goes to the builder (its name lower-cased, its value as libxml2 would report it,
/// and its place among the tag's attributes) and is replaced by one space in the tag; the
/// shortened tag is written to end where the last such attribute ended, and libxml2's input
/// pointer moves to its start. The tag's name, its other attributes (no value, unquoted, other
/// entities) and everything after the last attribute taken are untouched, so libxml2 parses the
/// same tag, auto-closes and implies the same elements, and reports the other attributes; the
/// builder merges the taken ones back in order. A tag with the same attribute name twice (libxml2
/// keeps the first) is left alone.
///
/// The tags `html`, `head` and `body` (which libxml2 may discard or merge) are left alone, as are
/// the contents of `<script>` and `<style>` (raw text, see ``RawTextShortcut``). When anything but
/// the expected tag follows a rewrite (text, a comment, another element with attributes), the
/// builder says the shortcut diverged and ``HTMLParser`` parses the page again without it.
/// ``ParseEquivalenceTests`` and ``ParseShortcutTests`` check the result against libxml2's own tree.
enum AttributeShortcut {
    /// At most this many attributes are read in one tag (more are left to libxml2).
    static let maximumAttributes = 256
    /// libxml2's limit on a tag or attribute name (`HTML_PARSER_BUFFER_SIZE`): longer names are
    /// cut, so such tags are left alone.
    static let maximumNameLength = 99

    /// Where libxml2's input stands when a callback offers the next tag.
    enum Position {
        /// On the `<` that ends a run of text.
        case afterText
        /// On the `<` right after the `>` of an end tag, a comment or a processing instruction.
        case afterEndTag
        /// On the `>` of the start tag just reported; the tag would follow it.
        case afterStartTag
    }

    /// What ``scan(_:_:into:)`` found in a tag: the tag name's end, and for each attribute taken
    /// its name, its value (with whether `&amp;` must be decoded) and its place among the tag's
    /// attributes.
    struct Scan {
        var nameEnd = 0
        /// The tag was read to its end and every attribute in it was taken (for ``TagChain``).
        var complete = false
        /// When ``complete``: the offset of the tag's closing `>`, or of the `/` of its `/>`.
        var tagEnd = 0
        /// How many entries of `storage.taken` the tag filled (five per attribute taken).
        var takenCount = 0
        /// Room for the most attributes one tag is read with, allocated once per document.
        let storage = Storage()

        /// Five offsets per attribute taken: name start, name end, value start, value end, and
        /// 1 when the value holds `&amp;` (else 0).
        var taken: [Int] { Array(UnsafeBufferPointer(start: storage.taken, count: takenCount)) }
        /// The place of each attribute taken among all the tag's attributes (0 first).
        var places: [Int32] { Array(UnsafeBufferPointer(start: storage.places, count: takenCount / 5)) }
    }

    /// The scratch space of ``Scan``: `taken` and `places` as described there, and the name start
    /// and end of every attribute read (for the duplicate check).
    final class Storage {
        let taken = UnsafeMutablePointer<Int>.allocate(capacity: 5 * AttributeShortcut.maximumAttributes)
        let places = UnsafeMutablePointer<Int32>.allocate(capacity: AttributeShortcut.maximumAttributes)
        let names = UnsafeMutablePointer<Int>.allocate(capacity: 2 * AttributeShortcut.maximumAttributes)
        /// The name of the tag last rewritten, as written (see ``DocumentBuilder/isPendingTag(_:)``).
        let name = UnsafeMutablePointer<UInt8>.allocate(capacity: AttributeShortcut.maximumNameLength)

        deinit {
            name.deallocate()
            taken.deallocate()
            places.deallocate()
            names.deallocate()
        }
    }

    /// Rewrites the start tag at libxml2's input position, if it has attributes to take.
    static func prepare(_ ctxt: UnsafeMutablePointer<xmlParserCtxt>, _ position: Position,
                        builder b: UnsafeMutablePointer<DocumentBuilder>) {
        guard b.pointee.shortcuts, !b.pointee.pendingTag, ctxt.pointee.instate != XML_PARSER_EOF,
              let input = ctxt.pointee.input, let base = input.pointee.base, let cur = input.pointee.cur,
              let end = input.pointee.end, cur < end
        else { return }
        let lt: UnsafePointer<UInt8>
        switch position {
        case .afterText:
            lt = cur
        case .afterEndTag:
            // An end tag's `>` just before; not an element closed while a start tag is being read.
            guard cur > base, cur[-1] == 0x3E else { return }
            lt = cur
        case .afterStartTag:
            guard cur[0] == 0x3E else { return }
            lt = cur + 1
        }
        let n = end - lt
        guard n > 8, lt[0] == 0x3C, isLetter(lt[1]) else { return }
        guard let last = scan(lt, n, into: &b.pointee.shortcutScan) else { return }
        let start = UnsafeMutablePointer(mutating: lt + rewrite(lt, upTo: last, builder: b))
        if position == .afterStartTag {
            // libxml2 still has to step over the reported tag's `>`: put one just before.
            (start - 1).pointee = 0x3E
            input.pointee.cur = UnsafePointer(start - 1)
        } else {
            input.pointee.cur = UnsafePointer(start)
        }
        b.pointee.pendingTag = true
        b.pointee.rewrittenTags += 1
    }

    // MARK: Reading the tag

    /// Reads the start tag at `p` (`<` and a letter) as libxml2 2.9's `htmlParseStartTag` does and
    /// notes the attributes to take in `scan`. Returns the offset just after the last of them (its
    /// closing quote), or nil when there is none or the tag must be left alone.
    static func scan(_ p: UnsafePointer<UInt8>, _ n: Int, into scan: inout Scan) -> Int? {
        scan.takenCount = 0
        scan.complete = false
        let taken = scan.storage.taken, places = scan.storage.places, names = scan.storage.names
        var takenCount = 0, nameCount = 0
        var i = AttributeNameRepair.nameEnd(p, from: 1, n)
        guard i - 1 <= maximumNameLength, i < n, !isSkippedTag(p + 1, i - 1) else { return nil }
        scan.nameEnd = i
        var place: Int32 = 0
        var complete = false
        scanning: while true {
            i = skipBlanks(p, i, n)
            guard i < n else { break }
            let c = p[i]
            if c == 0x3E || (c == 0x2F && i + 1 < n && p[i + 1] == 0x3E) { complete = true; break }  // end of tag
            if c == 0 { break }
            // An attribute name as htmlParseHTMLName reads it; anything else is a bogus attribute.
            guard isLetter(c) || c == 0x5F || c == 0x3A || c == 0x2E else { break }
            let nameStart = i
            i = AttributeNameRepair.nameEnd(p, from: i, n)
            let nameEnd = i
            guard nameEnd - nameStart <= maximumNameLength else { break }
            // libxml2 keeps the first of two attributes with one name: leave such a tag alone. (The
            // check is quadratic, as libxml2's own: a tag with very many attributes is left to it.)
            guard nameCount < 2 * maximumAttributes else { return nil }
            var k = 0
            while k < nameCount {
                if sameName(p, names[k], names[k + 1], nameStart, nameEnd) { return nil }
                k += 2
            }
            names[nameCount] = nameStart; names[nameCount + 1] = nameEnd
            nameCount += 2
            defer { place += 1 }
            i = skipBlanks(p, i, n)
            guard i < n, p[i] == 0x3D else { continue }  // no value
            i = skipBlanks(p, i + 1, n)
            guard i < n else { break }
            let q = p[i]
            if q == 0x22 || q == 0x27 {
                let s = i + 1
                guard let (e, form) = quotedValue(p, from: s, n, quote: q) else { break }
                if form != .other {
                    places[takenCount / 5] = place
                    taken[takenCount] = nameStart; taken[takenCount + 1] = nameEnd
                    taken[takenCount + 2] = s; taken[takenCount + 3] = e; taken[takenCount + 4] = form == .ampersands ? 1 : 0
                    takenCount += 5
                } else if memchr(p + s, 0, e - s) != nil {
                    break scanning  // libxml2 ends the value (and the tag) at a NUL byte
                }
                i = e + 1
            } else {
                // Unquoted: up to a blank or `>` (left to libxml2).
                while i < n, !isBlank(p[i]), p[i] != 0x3E, p[i] != 0 { i += 1 }
            }
        }
        // Only a tag read to its end: libxml2 would go on reading attributes after anything the
        // reader stops at, and one of them could repeat the name of one taken.
        guard complete, takenCount >= 5 else { return nil }
        scan.takenCount = takenCount
        scan.complete = takenCount == 5 * Int(place)
        scan.tagEnd = i
        return taken[takenCount - 2] + 1
    }

    /// The value that starts at `s`, after its opening `quote`: the offset of the closing quote
    /// and the ``ValueForm`` of the bytes before it, or nil when no quote closes it.
    @inline(__always)
    static func quotedValue(_ p: UnsafePointer<UInt8>, from s: Int, _ n: Int, quote: UInt8) -> (end: Int, form: ValueForm)? {
        // The common case, a plain value, in one pass: the first byte read that is not plain text
        // is the closing quote. (No sequence runs over the quote, an ASCII byte, so reading on past
        // it changes nothing before it.)
        // (One call per quote: the stop bytes are constants in each.)
        let stop = quote == 0x22
            ? UTF8Sequence.plainRun(p, from: s, n, stop: 0x22, 0x26, carriageReturn: false)
            : UTF8Sequence.plainRun(p, from: s, n, stop: 0x27, 0x26, carriageReturn: false)
        if let stop, stop < n, p[stop] == quote {
            return (stop, .plain)
        }
        guard let close = memchr(p + s, Int32(quote), n - s) else { return nil }
        let e = UnsafeRawPointer(close) - UnsafeRawPointer(p)
        return (e, valueForm(p + s, e - s))
    }

    /// True when the names at `a..<b` and `c..<d` are the same, ignoring ASCII case.
    @inline(__always)
    static func sameName(_ p: UnsafePointer<UInt8>, _ a: Int, _ b: Int, _ c: Int, _ d: Int) -> Bool {
        guard b - a == d - c else { return false }
        var k = 0
        while k < b - a {
            if p[a + k] | 0x20 != p[c + k] | 0x20 { return false }
            k += 1
        }
        return true
    }

    /// Gives the attributes noted in the builder's scan to the builder (see ``take(_:builder:)``),
    /// then writes the shortened tag (`p[0..<last]` with each of them a single space) over the
    /// original, right-aligned to end at `last`. Returns the offset where the shortened tag starts.
    static func rewrite(_ p: UnsafePointer<UInt8>, upTo last: Int, builder b: UnsafeMutablePointer<DocumentBuilder>) -> Int {
        take(p, builder: &b.pointee)
        let taken = UnsafeBufferPointer(start: b.pointee.shortcutScan.storage.taken, count: b.pointee.shortcutScan.takenCount)
        // Right to left: each attribute taken (name to closing quote) becomes one space; every
        // piece lands at or after where it was read from, so nothing not yet moved is overwritten.
        let q = UnsafeMutablePointer(mutating: p)
        var dest = last
        var j = taken.count - 5
        while j >= 0 {
            dest -= 1
            q[dest] = 0x20
            let from = j == 0 ? 0 : taken[j - 2] + 1
            let length = taken[j] - from
            dest -= length
            moveBytes(q + dest, p + from, length)
            j -= 5
        }
        return dest
    }

    /// Gives the attributes noted in the builder's scan of the tag at `p` to the builder (each
    /// name lower-cased, each value as libxml2 would report it, in
    /// ``DocumentBuilder/pendingAttributes``), and notes the tag's name as written.
    ///
    /// The builder is `inout` (not a pointer, as elsewhere): its scratch buffers are then read
    /// without retaining them.
    static func take(_ p: UnsafePointer<UInt8>, builder b: inout DocumentBuilder) {
        let records = b.pendingAttributes
        records.removeAll()
        let storage = b.shortcutScan.storage, takenCount = b.shortcutScan.takenCount
        // The tag's name, for matching the startElement: copied before the tag is overwritten.
        moveBytes(storage.name, p + 1, b.shortcutScan.nameEnd - 1)
        do {
            let taken = UnsafeBufferPointer(start: storage.taken, count: takenCount)
            // Room for all the names and values at once, then each copied into place.
            var total = 0
            var k = 0
            while k < taken.count {
                let vs = taken[k + 2], ve = taken[k + 3]
                total += taken[k + 1] - taken[k] + (taken[k + 4] == 0 ? ve - vs : decodedLength(p + vs, ve - vs))
                k += 5
            }
            let base = b.bytes.count
            var origin = base
            let out = b.bytes.grow(by: total) - base  // `out + origin`: where `origin` goes
            do {
                var k = 0
                while k < taken.count {
                    let ns = taken[k], ne = taken[k + 1], vs = taken[k + 2], ve = taken[k + 3]
                    let nameStart = origin
                    moveBytes(out + origin, p + ns, ne - ns)
                    if !isLowerCase(p + ns, ne - ns) {
                        for j in nameStart..<(nameStart + ne - ns) where out[j] >= 0x41 && out[j] <= 0x5A { out[j] |= 0x20 }
                    }
                    origin += ne - ns
                    let valueStart = origin
                    if taken[k + 4] == 0 {
                        moveBytes(out + origin, p + vs, ve - vs)
                        origin += ve - vs
                    } else {
                        origin += copyDecodingAmpersands(p + vs, ve - vs, to: out + origin)
                    }
                    records.append(.init(nameStart: Int32(nameStart), nameEnd: Int32(valueStart),
                                         valueStart: Int32(valueStart), valueEnd: Int32(origin)))
                    k += 5
                }
            }
        }
    }

    /// Copies `n` bytes from `source` to `destination` (the two may overlap): up to sixteen (most
    /// names, and the tag name and blanks between attributes) with at most two loads and two
    /// stores, all loads first; longer runs with `memmove` (a library call cost more than the copy
    /// for these few bytes).
    @inline(__always)
    static func moveBytes(_ destination: UnsafeMutablePointer<UInt8>, _ source: UnsafePointer<UInt8>, _ n: Int) {
        let d = UnsafeMutableRawPointer(destination), s = UnsafeRawPointer(source)
        if n > 16 {
            memmove(d, s, n)
        } else if n >= 8 {
            let a = s.loadUnaligned(as: UInt64.self), b = s.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
            d.storeBytes(of: a, as: UInt64.self)
            d.storeBytes(of: b, toByteOffset: n &- 8, as: UInt64.self)
        } else if n >= 4 {
            let a = s.loadUnaligned(as: UInt32.self), b = s.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)
            d.storeBytes(of: a, as: UInt32.self)
            d.storeBytes(of: b, toByteOffset: n &- 4, as: UInt32.self)
        } else if n > 0 {
            let a = source[0], b = source[n &>> 1], c = source[n &- 1]
            destination[0] = a
            destination[n &>> 1] = b
            destination[n &- 1] = c
        }
    }

    /// True when `p[0..<n]` (name bytes: ASCII) holds no ASCII capital. Four or more bytes are
    /// read a word at a time (overlapping words, all within `p[0..<n]`): in a lane below 0x80,
    /// adding 0x3F sets the high bit from `A` on, adding 0x25 from `[` on, and neither carries out.
    @inline(__always)
    static func isLowerCase(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let raw = UnsafeRawPointer(p)
        if n >= 8 {
            var k = 0
            while true {
                let w = raw.loadUnaligned(fromByteOffset: Swift.min(k, n &- 8), as: UInt64.self)
                if (w &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(w &+ 0x2525_2525_2525_2525) & 0x8080_8080_8080_8080 != 0 { return false }
                if k >= n &- 8 { return true }
                k &+= 8
            }
        }
        if n >= 4 {
            let a = raw.loadUnaligned(as: UInt32.self), b = raw.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)
            let upper = ((a &+ 0x3F3F_3F3F) & ~(a &+ 0x2525_2525)) | ((b &+ 0x3F3F_3F3F) & ~(b &+ 0x2525_2525))
            return upper & 0x8080_8080 == 0
        }
        for k in 0..<n where p[k] >= 0x41 && p[k] <= 0x5A { return false }
        return true
    }

    /// True when `p[i..<n]` starts with `&amp;`.
    @inline(__always)
    static func isAmpEntity(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Bool {
        p[i] == 0x26 && i + 4 < n && p[i + 1] == 0x61 && p[i + 2] == 0x6D && p[i + 3] == 0x70 && p[i + 4] == 0x3B
    }

    /// The length of `p[0..<n]` with each `&amp;` as `&` (a value of ``ValueForm/ampersands``).
    static func decodedLength(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        var length = n
        var i = 0
        while i < n {
            if isAmpEntity(p, i, n) { length -= 4; i += 5 } else { i += 1 }
        }
        return length
    }

    /// Copies `p[0..<n]` with each `&amp;` as `&` to `out`; returns the length written.
    static func copyDecodingAmpersands(_ p: UnsafePointer<UInt8>, _ n: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var from = 0
        var written = 0
        var i = 0
        while i < n {
            if isAmpEntity(p, i, n) {
                memcpy(out + written, p + from, i + 1 - from)
                written += i + 1 - from
                i += 5
                from = i
            } else {
                i += 1
            }
        }
        memcpy(out + written, p + from, n - from)
        return written + n - from
    }

    // MARK: Bytes

    /// How libxml2 would copy a quoted value.
    enum ValueForm {
        /// Unchanged.
        case plain
        /// Unchanged but for `&amp;`, which becomes `&` (an `&` that no name follows stays).
        case ampersands
        /// Anything else (other entities, character references, control characters, ill-formed
        /// UTF-8, U+FFFE/U+FFFF): left to libxml2.
        case other
    }

    /// The ``ValueForm`` of the value `p[0..<n]`. Plain means no `&`, no control character but tab
    /// and line feed, well-formed UTF-8 without U+FFFE and U+FFFF. libxml2 reads `&` and a name
    /// (`htmlParseEntityRef`); an `&` followed by a byte that cannot start a name stays as it is.
    static func valueForm(_ p: UnsafePointer<UInt8>, _ n: Int) -> ValueForm {
        var form = ValueForm.plain
        var i = 0
        while true {
            guard let amp = UTF8Sequence.plainRun(p, from: i, n, stop: 0x26, carriageReturn: false) else { return .other }
            if amp == n { return form }
            form = .ampersands
            if amp + 4 < n, p[amp + 1] == 0x61, p[amp + 2] == 0x6D, p[amp + 3] == 0x70, p[amp + 4] == 0x3B {
                i = amp + 5
                continue
            }
            // A name (or a character reference) may follow: libxml2's business.
            if amp + 1 < n {
                let d = p[amp + 1]
                if isLetter(d) || d == 0x5F || d == 0x3A || d == 0x23 || d >= 0x80 { return .other }
            }
            i = amp + 1
        }
    }

    @inline(__always)
    static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }

    /// libxml2's `IS_BLANK_CH`: space, tab, line feed, carriage return (not form feed).
    @inline(__always)
    static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }

    @inline(__always)
    static func skipBlanks(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int {
        var i = i
        while i < n, isBlank(p[i]) { i += 1 }
        return i
    }

    /// `html`, `head` and `body`, in any case. (`meta` is read like any tag: libxml2 2.9 looks at
    /// its `http-equiv` and `content` for a charset only without `HTML_PARSE_IGNORE_ENC` and
    /// while the input has no encoding, and the parser sets both.)
    static func isSkippedTag(_ name: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        func equals(_ word: StaticString) -> Bool {
            guard word.utf8CodeUnitCount == length else { return false }
            let w = word.utf8Start
            for k in 0..<length where name[k] | 0x20 != w[k] { return false }
            return true
        }
        return length == 4 && (equals("html") || equals("head") || equals("body"))
    }
}
