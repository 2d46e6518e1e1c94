#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes framework shorthand attributes (`@click="…"`, `@focusout.window='…'`, as Alpine.js and
/// Vue write them) readable by libxml2 2.9's HTML parser before it sees the page.
///
/// Browsers accept `@` at the start of an attribute name; libxml2 2.9 does not: it reports a bogus
/// attribute, skips to the next blank, and carries on parsing attribute-looking pieces of the value,
/// so an arrow function's `>` in a later value ends the tag and the rest of the tag (often tens of
/// kilobytes of JSON in an `x-init`) becomes body text. Measured on a real navigation menu: 44 KB
/// of JSON in the article body.
///
/// The repair replaces that `@` with `x` when it clearly starts an attribute: preceded by ASCII white
/// space, followed by a name (`[A-Za-z0-9_:.-]+`) and `=` and a quote. Nothing else is touched, and
/// a page without such an attribute is not copied.
enum AttributeNameRepair {
    /// The repaired bytes, or nil when nothing needed repair.
    static func repaired(_ bytes: [UInt8]) -> [UInt8]? {
        bytes.withUnsafeBufferPointer { buf -> [UInt8]? in
            guard let base = buf.baseAddress else { return nil }
            var copy: [UInt8]?
            var from = 0
            let n = buf.count
            while from < n, let hit = memchrOffset(base, from: from, count: n, byte: 0x40) {
                if startsAttribute(base, at: hit, count: n) {
                    if copy == nil { copy = bytes }
                    copy![hit] = 0x78  // "x"
                }
                from = hit + 1
            }
            return copy
        }
    }

    /// True when the `@` at `i` starts an attribute name: white space before, `name=` and a quote after.
    static func startsAttribute(_ p: UnsafePointer<UInt8>, at i: Int, count n: Int) -> Bool {
        guard i > 0 else { return false }
        let before = p[i - 1]
        guard before == 0x20 || before == 0x0A || before == 0x09 || before == 0x0D else { return false }
        var k = i + 1
        while k < n, isNameByte(p[k]) { k += 1 }
        guard k > i + 1, k + 1 < n, p[k] == 0x3D else { return false }
        let quote = p[k + 1]
        return quote == 0x22 || quote == 0x27
    }

    /// An ASCII byte libxml2 2.9 accepts inside a tag or attribute name (letters, digits, `_ : . -`);
    /// also used by ``RawTextShortcut`` to tell `</script>` from `</scripts>`.
    @inline(__always)
    static func isNameByte(_ c: UInt8) -> Bool {
        // One bit per byte: `- .` `0`–`9` `:` below 0x40, `A`–`Z` `_` `a`–`z` from 0x40 to 0x7F.
        c < 0x40 ? (0x07FF_6000_0000_0000 as UInt64) &>> c & 1 != 0
            : c < 0x80 && (0x07FF_FFFE_87FF_FFFE as UInt64) &>> (c & 63) & 1 != 0
    }

    /// The offset of the first byte at or after `from` that is not a name byte (``isNameByte(_:)``),
    /// or `n`. Eight bytes at a time while eight are left (names of tags and attributes are mostly
    /// shorter: one word), then byte by byte.
    @inline(__always)
    static func nameEnd(_ p: UnsafePointer<UInt8>, from: Int, _ n: Int) -> Int {
        var i = from
        let raw = UnsafeRawPointer(p)
        while i &+ 8 <= n {
            let stop = ~nameBytes(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) & 0x8080_8080_8080_8080
            if stop != 0 { return i &+ (stop.trailingZeroBitCount &>> 3) }
            i &+= 8
        }
        while i < n, isNameByte(p[i]) { i &+= 1 }
        return i
    }

    /// Bit 7 set in exactly the bytes of `w` (read from memory: its first byte in the low lane)
    /// that are name bytes: the ranges of ``isNameByte(_:)`` tested on all lanes at once (a byte
    /// below 0x80 plus `0x80 - lo` reaches bit 7 from `lo` on, plus `0x7F - hi` past `hi`, with no
    /// carry into the next lane), letters folded to lower case first.
    @inline(__always)
    static func nameBytes(_ w: UInt64) -> UInt64 {
        let x = UInt64(littleEndian: w) & 0x7F7F_7F7F_7F7F_7F7F
        @inline(__always) func inRange(_ x: UInt64, _ lo: UInt64, _ hi: UInt64) -> UInt64 {
            (x &+ (0x80 &- lo) &* 0x0101_0101_0101_0101) & ~(x &+ (0x7F &- hi) &* 0x0101_0101_0101_0101)
        }
        let letters = inRange(x | 0x2020_2020_2020_2020, 0x61, 0x7A)
        let digitsAndColon = inRange(x, 0x30, 0x3A)
        let dashAndDot = inRange(x, 0x2D, 0x2E)
        let underscore = inRange(x, 0x5F, 0x5F)
        return (letters | digitsAndColon | dashAndDot | underscore) & ~UInt64(littleEndian: w) & 0x8080_8080_8080_8080
    }

    /// The offset of the next `byte` at or after `from`, or nil.
    @inline(__always)
    static func memchrOffset(_ base: UnsafePointer<UInt8>, from: Int, count: Int, byte: UInt8) -> Int? {
        guard let raw = memchr(base + from, Int32(byte), count - from) else { return nil }
        return UnsafeRawPointer(raw) - UnsafeRawPointer(base)
    }
}
