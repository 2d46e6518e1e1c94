/// One pass over a page's bytes that gives both what the decode stage needs to know of them:
/// the UTF-8 counts of ``Charset/utf8Stats(_:limit:)`` and, for bytes that are valid UTF-8 without
/// NUL, the first scalar that NFC may change (``UnicodeNormalization/firstCandidate(in:from:)``
/// from the start). The two used to be separate passes over every page; the bulk of a page is
/// printable ASCII, which both skip, and the multi-byte sequences they both read are decoded once.
struct PageScan {
    /// The counts of ``Charset/utf8Stats(_:limit:)`` over the whole of the bytes.
    var stats = Charset.UTF8Stats()
    /// When `stats.invalid == 0 && stats.nul == 0` (the bytes are the decoded page as they stand):
    /// the offset ``UnicodeNormalization/firstCandidate(in:from:)`` gives from 0. Otherwise
    /// meaningless (the page is repaired first, and its candidates are looked for afresh).
    var nfcCandidate: Int?

    init(_ b: [UInt8]) {
        var valid = 0, invalid = 0, nul = 0, control = 0
        var candidate: Int? = nil
        // False once the candidate is found, or once it cannot matter (an ill-formed sequence).
        var checking = true
        let flags = UnicodeNormalization.candidates
        b.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            let n = p.count
            var i = 0
            while i < n {
                // Straight to the next byte that counts (printable ASCII, tabs, line breaks, form
                // feeds and escapes count for nothing), sixteen or sixty-four bytes at a time; the
                // last few bytes one at a time.
                if i &+ 16 <= n {
                    let (at, found) = UTF8Sequence.firstCounted(raw, i, n)
                    i = at
                    if !found { continue }
                }
                var c = p[i]
                if c < 0x80 {
                    if c < 0x20 {
                        if c == 0 { nul &+= 1; checking = false }
                        else if c != 0x09, c != 0x0A, c != 0x0C, c != 0x0D, c != 0x1B { control &+= 1 }
                    }
                    i &+= 1
                    continue
                }
                // Multi-byte sequences (and ill-formed bytes) up to the next ASCII byte, and on over
                // single printable ASCII bytes between them (the spaces of text in other scripts).
                // The scalar before the first is the ASCII byte before it (valid text).
                var previous: UInt32 = i > 0 ? UInt32(p[i &- 1]) : 0
                while true {
                    // Decoded and checked at once: well-formed means the continuation bytes are
                    // 10xxxxxx and the scalar is neither overlong, a surrogate nor above U+10FFFF
                    // (the conditions of ``UTF8Sequence/length(_:_:_:)``).
                    var v: UInt32 = 0
                    var len = 0
                    if c == 0xE0 {
                        // U+0800–U+0FFF (the Indic scripts), the most common lead in pages in those
                        // scripts: a second byte A0–BF (not overlong) and a continuation byte.
                        if i &+ 3 <= n {
                            let b1 = p[i &+ 1], b2 = p[i &+ 2]
                            v = UInt32(b1 & 0x3F) &<< 6 | UInt32(b2 & 0x3F)
                            if b1 &- 0xA0 < 0x20, (b2 & 0xC0) == 0x80 { len = 3 }
                        }
                    } else if c >= 0xE0 {
                        if c < 0xF0 {
                            if i &+ 3 <= n {
                                let b1 = p[i &+ 1], b2 = p[i &+ 2]
                                v = UInt32(c & 0x0F) &<< 12 | UInt32(b1 & 0x3F) &<< 6 | UInt32(b2 & 0x3F)
                                if (b1 & 0xC0) == 0x80, (b2 & 0xC0) == 0x80, v >= 0x800, v & 0xF800 != 0xD800 { len = 3 }
                            }
                        } else if c <= 0xF4, i &+ 4 <= n {
                            let b1 = p[i &+ 1], b2 = p[i &+ 2], b3 = p[i &+ 3]
                            v = UInt32(c & 0x07) &<< 18 | UInt32(b1 & 0x3F) &<< 12 | UInt32(b2 & 0x3F) &<< 6 | UInt32(b3 & 0x3F)
                            if (b1 & 0xC0) == 0x80, (b2 & 0xC0) == 0x80, (b3 & 0xC0) == 0x80, v >= 0x10000, v <= 0x10FFFF { len = 4 }
                        }
                    } else if c >= 0xC2, i &+ 2 <= n {
                        let b1 = p[i &+ 1]
                        v = UInt32(c & 0x1F) &<< 6 | UInt32(b1 & 0x3F)
                        if (b1 & 0xC0) == 0x80 { len = 2 }
                    }
                    if len > 0 {
                        valid &+= 1
                        if checking {
                            // As ``UnicodeNormalization/firstCandidate(in:from:)`` decides.
                            if v >= 0x300, UnicodeNormalization.mayBeFlagged(v, flags),
                               v == 0x09BE ? previous == 0x09C7 : UnicodeNormalization.needs(v, after: previous) {
                                candidate = i
                                checking = false
                            }
                            previous = v
                        }
                        i &+= len
                    } else {
                        invalid &+= 1
                        checking = false
                        i &+= 1
                    }
                    guard i < n else { break }
                    c = p[i]
                    if c < 0x80 {
                        guard c >= 0x20, i &+ 1 < n, p[i &+ 1] >= 0x80 else { break }
                        previous = UInt32(c)
                        i &+= 1
                        c = p[i]
                    }
                }
            }
        }
        stats.valid = valid
        stats.invalid = invalid
        stats.nul = nul
        stats.control = control
        nfcCandidate = candidate
    }
}
