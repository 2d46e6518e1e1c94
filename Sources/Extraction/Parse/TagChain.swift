import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the plain markup that follows an element's text, its start tag or an end tag — end tags,
/// simple start tags, comments and plain text — without handing it to libxml2, where libxml2 would only
/// open, close and fill elements on top of its stack.
///
/// libxml2 2.9 spends about 1,000 instructions on an end tag (`htmlParseEndTag`: the name read one
/// character at a time and through its dictionary, a scan of its end-tag priorities, name
/// comparisons, then a copy of the new current element's name in its content loop) and about
/// 1,600 on a start tag without attributes left (the name read twice, two binary searches with
/// `strcmp` through its table of elements a start tag closes, another through its element table,
/// the checks for implied and misplaced elements, the name copies). A news page has thousands of
/// each. This type takes them where libxml2's outcome is certain:
/// - **An end tag** `</name>` (any case, blanks allowed before the `>`) naming the element libxml2
///   has open on top of its stack, other than `html`, `head` and `body` (which libxml2 may have
///   discarded or kept open): libxml2 finds it at once, closes nothing else, reports `endElement`
///   and pops its stack. The chain tells the ``DocumentBuilder`` and pops the stack as
///   `htmlnamePop` does. A chain never takes the input's last end tag (libxml2 closes everything at
///   the end of the input).
/// - **A start tag** of a name in ``StartTagTable`` after libxml2 has seen the page's body
///   (`ctxt->html` ≥ 10: no element is implied any more) or in `head` (where libxml2 implies none
///   either, finding `head` open: `meta` and `link`), when the tag closes nothing first (the
///   table says so for the pair of names) and has no attributes, or only attributes
///   ``AttributeShortcut`` reads as libxml2 would (plain quoted values, no repeated name), ending in
///   `>` or `/>`: libxml2 pushes the name and reports `startElement`, then at once `endElement` and
///   a pop for an empty element (`br`, `img`, …) or a tag ending in `/>`. The chain does the same,
///   with the table's copy of the name.
/// - **A comment** `<!-- … -->` of plain characters (see ``commentLength(_:_:)``): libxml2
///   (`htmlParseComment`, about 30 instructions a character) reports it and reads on in the same
///   element; the builder notes it (it keeps no comments, but one ends a text node).
/// - **Plain text** (see ``TextShortcut``) after any of them, into the element then open; in `html`
///   and `head` only white space before a tag (see ``blankLength(_:_:)``).
///
/// Three callbacks run the chain, at the places after which libxml2's parse loop reads the
/// element on top of its stack again:
/// - the `startElement` of an element whose start tag ends at libxml2's input (``TextShortcut``
///   checks that), before libxml2 steps over the tag's `>`: the chain works on top of the stack,
///   and leaves libxml2's input on a `>` (the last tag's, or one written over the last byte of the
///   text taken, already copied), which libxml2 then steps over; it never leaves an empty element
///   open, which libxml2 would close;
/// - the `endElement` that libxml2 reports for an end tag it read itself, before it pops that
///   element: the chain works under it (closes the elements below it, opens new ones under it), so
///   that libxml2 pops it as it meant to;
/// - the last `characters` event before libxml2's input stands on a `<` (see
///   ``runAfterText(_:lastByte:builder:)``).
///
/// ``ParseEquivalenceTests`` and ``ParseShortcutTests`` check the result against libxml2's own tree.
enum TagChain {
    /// libxml2's limit on a name (`HTML_PARSER_BUFFER_SIZE`): longer names are left to it.
    static let maximumNameLength = 99

    /// Where the chain starts.
    enum Start {
        /// In the `startElement` of the element on top of libxml2's stack.
        case afterStartTag
        /// In the `endElement` of the element on top of libxml2's stack, whose end tag libxml2 has
        /// read; the chain works under it.
        case belowTop
        /// In a `characters` event after which libxml2's input stands on a `<`: text libxml2 read
        /// itself (with entities, say), or a reference; the chain works on top of the stack and its
        /// text must end on a `<` or `&` (see ``runAfterText(_:lastByte:builder:)``).
        case afterText
    }

    /// Runs the chain from a `characters` event that is the last thing libxml2 does before it goes
    /// back to its content loop (which reads on from its input), with its input on a `<`, not in
    /// `script` or `style` (whose text libxml2 reads in its own loop). The event is the last when
    /// the text it reports ends with the byte just before the input (text read from the page), or
    /// the input follows a `;` (a character or entity reference, reported in one event); an
    /// unknown entity `&name` is reported in two events, `&` then `name`, and only the second ends
    /// with the byte before the input. `lastByte` is the reported text's last byte.
    ///
    /// libxml2's loop keeps a copy of the name of the element that was open when it read the text;
    /// when the chain changed its stack, the loop notices the difference (an element popped, a name
    /// that differs) and takes the new state as it does after elements it closes itself, which
    /// needs its input on a character (`IS_CHAR`): hence text taken here ends on a `<` or `&`, and
    /// the chain stops before a tag followed by a byte that is not a character or is a `>` (which
    /// libxml2 steps over after a `<` it read as text). False when the builder asks to stop.
    static func runAfterText(_ ctxt: UnsafeMutablePointer<xmlParserCtxt>, lastByte: UInt8,
                             builder b: UnsafeMutablePointer<DocumentBuilder>) -> Bool {
        guard b.pointee.shortcuts, ctxt.pointee.instate != XML_PARSER_EOF, let input = ctxt.pointee.input,
              let base = input.pointee.base, let cur = input.pointee.cur, let end = input.pointee.end,
              cur > base, end - cur > 3, cur[0] == 0x3C, cur[-1] == lastByte || cur[-1] == 0x3B,
              let name = ctxt.pointee.name, !RawTextShortcut.applies(to: name)
        else { return true }
        guard let chain = run(ctxt, .afterText, next: cur, end: end, builder: b) else { return false }
        input.pointee.cur = chain.next
        return true
    }

    /// Reads the markup at `next` (the first byte not read yet) as long as libxml2's outcome is
    /// certain; returns the first byte not read after it, or nil when the builder asks to stop.
    /// `last`, when the chain took something, is the last byte taken. With `textFirst`, plain text
    /// at `next` goes first into the element the chain works on (not `html` or `head`).
    static func run(_ ctxt: UnsafeMutablePointer<xmlParserCtxt>, _ start: Start, next: UnsafePointer<UInt8>,
                    end: UnsafePointer<UInt8>, textFirst: Bool = false, builder b: UnsafeMutablePointer<DocumentBuilder>)
        -> (next: UnsafePointer<UInt8>, last: UnsafePointer<UInt8>?)?
    {
        var p = next
        var last: UnsafePointer<UInt8>?
        guard !b.pointee.pendingTag, let names = ctxt.pointee.nameTab else { return (p, last) }
        // The open element the chain works on is at `nameNr - 1 - above`.
        let above = start == .belowTop ? 1 : 0
        let table = StartTagTable.shared
        let bodySeen = ctxt.pointee.html >= 10
        // The element the text at `p` goes to, and whether it is `html` or `head`, which take only
        // white space (see ``blankLength(_:_:)``).
        var container: UnsafePointer<xmlChar>?
        var blanksOnly = false
        if textFirst, Int(ctxt.pointee.nameNr) >= 1 + above, let c = names[Int(ctxt.pointee.nameNr) - 1 - above] {
            container = c
            blanksOnly = TextShortcut.isHTMLOrHead(c)
        }
        // The table index of the last element the chain opened (libxml2's names are looked up).
        var knownTop: UnsafePointer<xmlChar>?
        var knownIndex = 0
        while true {
            if container != nil, p < end, p[0] != 0x3C, p[0] != 0x26,
               let run = blanksOnly ? blankLength(p, end - p) : TextShortcut.plainLength(p, end - p), run > 0,
               start != .afterText || p[run] == 0x3C || p[run] == 0x26
            {
                guard b.pointee.characters(p, run, cdata: false) else { return nil }
                b.pointee.textRuns += 1
                p += run
                last = p - 1
            }
            container = nil
            guard end - p > 3, p[0] == 0x3C else { break }
            let count = Int(ctxt.pointee.nameNr)
            if p[1] == 0x21 {
                // A comment: libxml2 reports it (the builder keeps none, but it ends a text node)
                // and reads on after it, in the same element.
                guard p[2] == 0x2D, p[3] == 0x2D, let length = commentLength(p, end - p), length < end - p,
                      start != .afterText || isChar(p[length]) && p[length] != 0x3E
                else { break }
                b.pointee.otherNode()
                b.pointee.comments += 1
                p += length
                last = p - 1
                if count >= 1 + above, let c = names[count - 1 - above] {
                    container = c
                    blanksOnly = TextShortcut.isHTMLOrHead(c)
                }
                continue
            }
            guard count >= 2 + above, let top = names[count - 1 - above] else { break }
            if p[1] == 0x2F {
                guard !TextShortcut.isExcluded(top), let length = endTagLength(p, end - p, naming: top), length < end - p,
                      start != .afterText || isChar(p[length]) && p[length] != 0x3E
                else { break }
                b.pointee.endElement()
                pop(ctxt, names, count, above)
                b.pointee.endTags += 1
                p += length
                container = names[count - 2 - above]
                blanksOnly = container.map(TextShortcut.isHTMLOrHead) ?? false
            } else {
                // After the body's start tag libxml2 implies no element; in `head` neither (it
                // finds `head` open), and a start tag that closes `head` is left to it below.
                guard bodySeen || TextShortcut.isHead(top), AttributeShortcut.isLetter(p[1]) else { break }
                var i = AttributeNameRepair.nameEnd(p, from: 2, end - p)
                guard let new = table.index(p + 1, i - 1), !table.isOpenOnly[new] else { break }
                let open: Int
                if top == knownTop {
                    open = knownIndex
                } else {
                    guard let index = table.index(cString: top) else { break }
                    open = index
                }
                guard !table.closes[new * table.count + open] else { break }
                i = AttributeShortcut.skipBlanks(p, i, end - p)
                guard i + 1 < end - p else { break }
                var hasAttributes = false
                if p[i] != 0x3E && !(p[i] == 0x2F && p[i + 1] == 0x3E) {
                    // Attributes: all of them read as libxml2 reads them, or the tag is left to it.
                    guard AttributeShortcut.scan(p, end - p, into: &b.pointee.shortcutScan) != nil,
                          b.pointee.shortcutScan.complete
                    else { break }
                    i = b.pointee.shortcutScan.tagEnd
                    hasAttributes = true
                }
                let closed = p[i] == 0x2F || table.empty[new]
                let length = p[i] == 0x2F ? i + 2 : i + 1
                guard length < end - p, closed || count < Int(ctxt.pointee.nameMax),
                      start != .afterText || isChar(p[length]) && p[length] != 0x3E
                else { break }
                let name = table.cNames[new]
                if hasAttributes { AttributeShortcut.take(p, builder: &b.pointee) }
                let tag = table.tags[new]
                guard b.pointee.startElement(known: tag, otherName: tag == .other ? table.otherNames[new] : nil,
                                             takenAttributes: hasAttributes)
                else { return nil }
                b.pointee.startTags += 1
                if closed {
                    b.pointee.endElement()
                    container = top
                    blanksOnly = TextShortcut.isHTMLOrHead(top)
                } else {
                    push(ctxt, names, count, above, name)
                    container = name
                    blanksOnly = false
                    knownTop = name
                    knownIndex = new
                }
                p += length
            }
            last = p - 1
        }
        return (p, last)
    }

    // MARK: libxml2's stack of open elements

    /// `htmlnamePop`, of the element the chain works on (`count` entries, `above` over it).
    @inline(__always)
    static func pop(_ ctxt: UnsafeMutablePointer<xmlParserCtxt>, _ names: UnsafeMutablePointer<UnsafePointer<xmlChar>?>,
                    _ count: Int, _ above: Int) {
        if above == 1 { names[count - 2] = names[count - 1] }
        names[count - 1] = nil
        ctxt.pointee.nameNr = Int32(count - 1)
        ctxt.pointee.name = names[count - 2]
    }

    /// `htmlnamePush` (for names other than `head` and `body`), under the `above` entries on top.
    @inline(__always)
    static func push(_ ctxt: UnsafeMutablePointer<xmlParserCtxt>, _ names: UnsafeMutablePointer<UnsafePointer<xmlChar>?>,
                     _ count: Int, _ above: Int, _ name: UnsafePointer<xmlChar>) {
        if above == 1 {
            names[count] = names[count - 1]
            names[count - 1] = name
        } else {
            names[count] = name
            ctxt.pointee.name = name
        }
        ctxt.pointee.nameNr = Int32(count + 1)
    }

    // MARK: Reading

    /// libxml2's `IS_CHAR_CH`: tab, line feed, carriage return, or a byte from 0x20.
    @inline(__always)
    static func isChar(_ c: UInt8) -> Bool { c >= 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }

    /// The length of the comment at `p` (`<!--` read already), up to the `>` of the first `-->`
    /// whose dashes follow the opening `<!--`, when libxml2 2.9 reads it so (`htmlParseComment`)
    /// in every version that the parser may meet; nil for anything else, left to libxml2: a
    /// comment closed abruptly (`<!-->`, `<!--->`) or by `--!>` (2.9.11 and later end it there,
    /// earlier versions read on), one that runs to the end of the input, or one with characters
    /// that are not plain (controls, U+FFFE, U+FFFF: earlier versions end the comment at one,
    /// later ones drop it).
    static func commentLength(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        guard n > 6, p[4] != 0x3E, p[4] != 0x2D || p[5] != 0x3E else { return nil }
        var i = 4
        while let gt = UTF8Sequence.plainRun(p, from: i, n, stop: 0x3E), gt < n {
            if gt >= 6, p[gt - 1] == 0x2D, p[gt - 2] == 0x2D { return gt + 1 }
            if gt >= 7, p[gt - 1] == 0x21, p[gt - 2] == 0x2D, p[gt - 3] == 0x2D { return nil }
            i = gt + 1
        }
        return nil
    }

    /// The length of the white space (`IS_BLANK_CH`) at `p` when a `<` follows it, fewer than
    /// libxml2's text buffer of 1,000 bytes; nil otherwise. In `html` and `head` libxml2 reports
    /// such a run as it is (`areBlanks`); other text there implies a paragraph.
    static func blankLength(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        var i = 0
        while i < n, AttributeShortcut.isBlank(p[i]) { i += 1 }
        guard i < n, i < 1000, p[i] == 0x3C else { return nil }
        return i
    }

    /// The length of the end tag `</name>` at `p` (blanks allowed before the `>`, the name in any
    /// case), or nil when `p` holds anything else.
    static func endTagLength(_ p: UnsafePointer<UInt8>, _ n: Int, naming name: UnsafePointer<xmlChar>) -> Int? {
        var i = 2
        var k = 0
        // `name` is lower case (libxml2 lowers ASCII letters); name bytes compared with bit 5 set
        // on both sides are equal only when equal up to ASCII case.
        while i < n, AttributeNameRepair.isNameByte(p[i]) {
            guard k < maximumNameLength, name[k] != 0, p[i] | 0x20 == name[k] | 0x20 else { return nil }
            i += 1
            k += 1
        }
        guard k > 0, name[k] == 0 else { return nil }
        while i < n, AttributeShortcut.isBlank(p[i]) { i += 1 }
        guard i < n, p[i] == 0x3E else { return nil }
        return i + 1
    }
}
