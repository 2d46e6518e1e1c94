import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps long attribute values out of libxml2's per-character loop: just before libxml2 parses a
/// start tag, the tag's long plain values are swapped for four-byte placeholders in libxml2's copy
/// of the input, and the ``DocumentBuilder`` puts the original bytes back when the tag is reported.
///
/// libxml2 2.9 copies an attribute value one character at a time, decoding and re-encoding each
/// (`htmlParseHTMLAttribute`: about 120 instructions a byte). Class names, links, `data-*` JSON and
/// SVG paths made that the largest single cost of parsing a news page: 20 % of extraction on
/// scrapinghub_aeb, twice the cost of all the page's text.
///
/// How: a SAX callback after which libxml2's input stands on a start tag (the `characters` event
/// that ends at a `<`, the `startElement` of an element whose content starts
/// with a tag, the `endElement` of an end tag, a comment or a processing instruction followed by
/// one) reads that tag the way libxml2 2.9 will (name, blanks, `name=value` pairs, quotes). Each
/// double- or single-quoted value of at least ``minimumLength`` bytes that libxml2 would copy
/// unchanged or with `&amp;` as `&` (see ``ValueForm``) goes to the builder's bytes as libxml2
/// would report it and becomes `U+FDD0` and one index byte in the tag; the shortened tag is written
/// to end where the last such value ended and libxml2's input pointer moves to its start. The tag's name, its other attributes and everything after the last
/// placeholder are untouched, so libxml2 parses the same tag, auto-closes and implies the same
/// elements, and reports the same attributes, placeholders aside.
///
/// The tags `html`, `head`, `body` (which libxml2 may discard or merge) and `meta` (whose values
/// libxml2 reads for a charset) are left alone, as are the contents of `<script>` and `<style>`
/// (raw text, see ``RawTextShortcut``). When anything but the expected tag follows a rewrite
/// (text, or a tag with attributes but no placeholder), the builder says the shortcut diverged and
/// ``HTMLParser`` parses the page again without it. ``ParseEquivalenceTests`` check the result
/// against libxml2's own tree.
enum AttributeValueShortcut {
    /// Values shorter than this are left to libxml2 (a placeholder is four bytes).
    static let minimumLength = 6
    /// At most this many values are replaced in one tag (the index byte is `0x30 + k`).
    static let maximumValues = 64
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

    /// Rewrites the start tag at libxml2's input position, if there is one with long plain values.
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
        guard n > minimumLength + 4, lt[0] == 0x3C, isLetter(lt[1]) else { return }
        guard let last = scan(lt, n, into: &b.pointee.shortcutSpans) else { return }
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
    /// puts the start and end offsets of each value to replace into `spans`, with 1 when its
    /// `&amp;`s must be decoded, else 0. Returns the offset where the last of them ends (its
    /// closing quote), or nil when there is none or the tag must be left alone.
    static func scan(_ p: UnsafePointer<UInt8>, _ n: Int, into spans: inout [Int]) -> Int? {
        spans.removeAll(keepingCapacity: true)
        var i = 1
        while i < n, AttributeNameRepair.isNameByte(p[i]) { i += 1 }
        guard i - 1 <= maximumNameLength, i < n, !isSkippedTag(p + 1, i - 1) else { return nil }
        scanning: while true {
            i = skipBlanks(p, i, n)
            guard i < n else { break }
            let c = p[i]
            if c == 0x3E || c == 0 || (c == 0x2F && i + 1 < n && p[i + 1] == 0x3E) { break }  // end of tag
            // An attribute name as htmlParseHTMLName reads it; anything else is a bogus attribute.
            guard isLetter(c) || c == 0x5F || c == 0x3A || c == 0x2E else { break }
            let nameStart = i
            while i < n, AttributeNameRepair.isNameByte(p[i]) { i += 1 }
            guard i - nameStart <= maximumNameLength else { break }
            i = skipBlanks(p, i, n)
            guard i < n, p[i] == 0x3D else { continue }  // no value
            i = skipBlanks(p, i + 1, n)
            guard i < n else { break }
            let q = p[i]
            if q == 0x22 || q == 0x27 {
                let s = i + 1
                guard let close = memchr(p + s, Int32(q), n - s) else { break }
                let e = UnsafeRawPointer(close) - UnsafeRawPointer(p)
                let marked = startsWithMarker(p + s, e - s)
                // A value that is the marker alone would grow by its placeholder: leave the tag alone
                // (the shortened tag must never be longer than the original).
                if marked && e - s < 4 { return nil }
                if e - s >= minimumLength || marked {
                    let form = valueForm(p + s, e - s)
                    if form != .other {
                        guard spans.count < 3 * maximumValues else { break scanning }
                        spans.append(s); spans.append(e); spans.append(form == .ampersands ? 1 : 0)
                    } else if marked {
                        return nil  // a real value that would read as a placeholder
                    } else if memchr(p + s, 0, e - s) != nil {
                        break scanning  // libxml2 ends the value (and the tag) at a NUL byte
                    }
                } else if memchr(p + s, 0, e - s) != nil {
                    break scanning
                }
                i = e + 1
            } else {
                // Unquoted: up to a blank or `>`. One that starts like a placeholder stops everything.
                if startsWithMarker(p + i, n - i) { return nil }
                while i < n, !isBlank(p[i]), p[i] != 0x3E, p[i] != 0 { i += 1 }
            }
        }
        return spans.isEmpty ? nil : spans[spans.count - 2]
    }

    /// Appends the values at `spans` (as libxml2 would report them) to the builder's document
    /// bytes and notes where each one is; then writes the shortened tag (`p[0..<last]` with each
    /// value a placeholder) over the original, right-aligned to end at `last`. Returns the offset
    /// where the shortened tag starts.
    static func rewrite(_ p: UnsafePointer<UInt8>, upTo last: Int, builder b: UnsafeMutablePointer<DocumentBuilder>) -> Int {
        b.pointee.pendingValueRanges.removeAll(keepingCapacity: true)
        let spans = b.pointee.shortcutSpans
        var k = 0
        while k < spans.count {
            let s = spans[k], e = spans[k + 1]
            let start = Int32(b.pointee.bytes.count)
            if spans[k + 2] == 0 {
                b.pointee.bytes.append(contentsOf: UnsafeBufferPointer(start: p + s, count: e - s))
            } else {
                appendDecodingAmpersands(p + s, e - s, to: &b.pointee.bytes)
            }
            b.pointee.pendingValueRanges.append(start)
            b.pointee.pendingValueRanges.append(Int32(b.pointee.bytes.count))
            k += 3
        }
        // Right to left: every value is at least as long as its placeholder, so each piece lands at
        // or after where it was read from, and nothing not yet moved is overwritten.
        let q = UnsafeMutablePointer(mutating: p)
        var dest = last
        var j = spans.count / 3 - 1
        while j >= 0 {
            dest -= 4
            q[dest] = 0xEF; q[dest + 1] = 0xB7; q[dest + 2] = 0x90; q[dest + 3] = UInt8(0x30 + j)
            let from = j == 0 ? 0 : spans[3 * j - 2]
            let length = spans[3 * j] - from
            dest -= length
            memmove(q + dest, p + from, length)
            j -= 1
        }
        return dest
    }

    /// Appends `p[0..<n]` with each `&amp;` as `&` (a value of ``ValueForm/ampersands``).
    static func appendDecodingAmpersands(_ p: UnsafePointer<UInt8>, _ n: Int, to bytes: inout [UInt8]) {
        var from = 0
        var i = 0
        while i < n {
            if p[i] == 0x26, i + 4 < n, p[i + 1] == 0x61, p[i + 2] == 0x6D, p[i + 3] == 0x70, p[i + 4] == 0x3B {
                bytes.append(contentsOf: UnsafeBufferPointer(start: p + from, count: i + 1 - from))
                i += 5
                from = i
            } else {
                i += 1
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(start: p + from, count: n - from))
    }

    // MARK: Placeholders

    /// True when `p` (at least `n` bytes) starts with a placeholder's three marker bytes (U+FDD0).
    @inline(__always)
    static func startsWithMarker(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        n >= 3 && p[0] == 0xEF && p[1] == 0xB7 && p[2] == 0x90
    }

    /// The index of the placeholder that makes up the whole value `v` (NUL-terminated), or nil
    /// when `v` is not one.
    @inline(__always)
    static func placeholderIndex(_ v: UnsafePointer<UInt8>) -> Int? {
        guard v[0] == 0xEF, v[1] == 0xB7, v[2] == 0x90, v[3] >= 0x30, v[4] == 0 else { return nil }
        return Int(v[3]) - 0x30
    }

    /// True when the NUL-terminated value `v` holds a placeholder's marker bytes anywhere.
    static func containsMarker(_ v: UnsafePointer<UInt8>) -> Bool {
        var p = v
        while let hit = strchr(UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self), 0xEF) {
            let q = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self)
            if q[1] == 0xB7, q[2] == 0x90 { return true }
            p = q + 1
        }
        return false
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
        let raw = UnsafeRawPointer(p)
        var form = ValueForm.plain
        var i = 0
        while i < n {
            if i + 8 <= n {
                // Eight bytes of printable ASCII without '&'.
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let x = w ^ 0x2626_2626_2626_2626
                let amp = (x &- 0x0101_0101_0101_0101) & ~x
                if (w | (w &- 0x2020_2020_2020_2020) | amp) & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            }
            let c = p[i]
            if c < 0x80 {
                if c == 0x26 {
                    form = .ampersands
                    if i + 4 < n, p[i + 1] == 0x61, p[i + 2] == 0x6D, p[i + 3] == 0x70, p[i + 4] == 0x3B {
                        i += 5
                        continue
                    }
                    // A name (or a character reference) may follow: libxml2's business.
                    if i + 1 < n {
                        let d = p[i + 1]
                        if isLetter(d) || d == 0x5F || d == 0x3A || d == 0x23 || d >= 0x80 { return .other }
                    }
                } else if c < 0x20 && c != 0x09 && c != 0x0A {
                    return .other
                }
                i += 1
                continue
            }
            let len = UTF8Sequence.length(p, i, n)
            guard len > 0 else { return .other }
            if c == 0xEF, p[i + 1] == 0xBF, p[i + 2] >= 0xBE { return .other }
            i += len
        }
        return form
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

    /// `html`, `head`, `body` and `meta`, in any case.
    static func isSkippedTag(_ name: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        func equals(_ word: StaticString) -> Bool {
            guard word.utf8CodeUnitCount == length else { return false }
            let w = word.utf8Start
            for k in 0..<length where name[k] | 0x20 != w[k] { return false }
            return true
        }
        return length == 4 && (equals("html") || equals("head") || equals("body") || equals("meta"))
    }
}
