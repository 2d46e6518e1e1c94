import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Hands the text that opens an element, or follows an end tag, to the ``DocumentBuilder`` in one
/// piece instead of letting libxml2 copy it character by character (`htmlParseCharData`: about
/// 100 instructions a byte, the largest cost of parsing left after ``RawTextShortcut`` and
/// ``AttributeShortcut``).
///
/// Called from the `startElement` event, while libxml2's input is still on the `>` of the start
/// tag. When the text after it is plain up to the next `<` or `&` (no control character but tab,
/// line feed and carriage return, well-formed UTF-8 without U+FFFE/U+FFFF), libxml2 would report
/// exactly those bytes as character data of this element (white space included: blanks are kept)
/// and stop there: the shortcut reports them, writes a `>` over the last of them (already copied)
/// and moves libxml2's input there, so libxml2 finishes the start tag and goes on at the `<` or
/// `&`, as ``RawTextShortcut`` does for scripts. More text after that (an entity, a `<` that starts
/// no tag, text after an end tag libxml2 ignores) joins the same text node, as it would have.
///
/// After an end tag (see ``takeAfterEndTag(_:builder:)``) the text is taken the same way, into
/// the closed element's parent, unless that is `html` or `head`. In both places ``TagChain`` then
/// reads on: the plain tags and text that follow.
///
/// After a start tag, only for the element whose start tag ends there (libxml2 also reports
/// elements it implies, `html`, `head`, `body` and `p`, while reading other tags or text; those
/// have no attributes and their name does not end at the input position), when that element takes
/// content (not `br`, `img`, … which libxml2 closes at once), and not in `html`, `head` or `body`,
/// where libxml2 treats text specially (implied paragraphs, ignorable blanks).
/// ``ParseEquivalenceTests`` and ``ParseShortcutTests`` check the result against libxml2's own tree.
enum TextShortcut {
    /// Reports the text after the start tag of `name` that was just reported, if it is plain.
    /// `hasAttributes`: the tag had attributes (libxml2 reported some, or ``AttributeShortcut``
    /// took them), so it was written in the page. False when the builder asks to stop.
    static func take(_ ctxt: UnsafeMutablePointer<xmlParserCtxt>, name: UnsafePointer<xmlChar>,
                     hasAttributes: Bool, builder b: UnsafeMutablePointer<DocumentBuilder>) -> Bool {
        guard b.pointee.shortcuts, let input = ctxt.pointee.input, let base = input.pointee.base,
              let cur = input.pointee.cur, let end = input.pointee.end, cur < end, cur[0] == 0x3E
        else { return true }
        let start = cur + 1
        let n = end - start
        // Text, a tag or a comment (``TagChain``); not an entity.
        guard n > 1, start[0] != 0x26,
              start[0] != 0x3C || start[1] == 0x2F || start[1] == 0x21 || AttributeShortcut.isLetter(start[1])
        else { return true }
        // The element's own start tag ends here: it has attributes (implied elements have none),
        // or its name is written just before the `>`.
        if !hasAttributes {
            let length = strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))
            guard cur - base > length else { return true }
            let lt = cur - (length + 1)
            guard lt[0] == 0x3C else { return true }
            for k in 0..<length where lt[1 + k] | 0x20 != name[k] | 0x20 { return true }
        }
        guard !isExcluded(name) else { return true }
        // An empty element (libxml2 closes it at once): the table knows the common names.
        let table = StartTagTable.shared
        if let index = table.index(cString: name) {
            if table.empty[index] { return true }
        } else if let info = htmlTagLookup(name), info.pointee.empty != 0 {
            return true
        }
        guard let chain = TagChain.run(ctxt, .afterStartTag, next: start, end: end, textFirst: true, builder: b) else { return false }
        // libxml2 steps over the start tag's `>` next: leave its input on the last byte taken,
        // made a `>` (the text's last byte is copied already).
        if let taken = chain.last {
            let gt = UnsafeMutablePointer(mutating: taken)
            gt.pointee = 0x3E
            input.pointee.cur = taken
        }
        return true
    }

    /// Reports the text after an end tag, if it is plain, when called from the `endElement` event
    /// of the element that end tag closes (libxml2 reports that event last, after the elements the
    /// end tag closes on the way, and just before it pops the element: its parent, where the text
    /// goes, is the one below it). False when the builder asks to stop.
    static func takeAfterEndTag(_ ctxt: UnsafeMutablePointer<xmlParserCtxt>,
                                builder b: UnsafeMutablePointer<DocumentBuilder>) -> Bool {
        guard b.pointee.shortcuts, ctxt.pointee.nameNr >= 2, ctxt.pointee.nameTab != nil,
              let closing = ctxt.pointee.name, let input = ctxt.pointee.input,
              let base = input.pointee.base, let cur = input.pointee.cur, let end = input.pointee.end,
              cur < end, cur - base > 3, cur[-1] == 0x3E, cur[0] != 0x26
        else { return true }
        // `</name>` (blanks allowed before the `>`) just before, naming the element being closed.
        var k = cur - 2
        while k > base, AttributeShortcut.isBlank(k[0]) { k -= 1 }
        let nameEnd = k + 1
        while k > base, AttributeNameRepair.isNameByte(k[0]) { k -= 1 }
        guard k - base >= 1, k[0] == 0x2F, k[-1] == 0x3C else { return true }
        let length = nameEnd - (k + 1)
        guard length > 0, strlen(UnsafeRawPointer(closing).assumingMemoryBound(to: CChar.self)) == length else { return true }
        for j in 0..<length where k[1 + j] | 0x20 != closing[j] | 0x20 { return true }
        guard let chain = TagChain.run(ctxt, .belowTop, next: cur, end: end, textFirst: true, builder: b) else { return false }
        input.pointee.cur = chain.next
        return true
    }

    /// `html` and `head`, where libxml2 implies a paragraph for text.
    static func isHTMLOrHead(_ name: UnsafePointer<xmlChar>) -> Bool {
        name[0] == 0x68 && ((name[1] == 0x74 && name[2] == 0x6D && name[3] == 0x6C && name[4] == 0)
            || (name[1] == 0x65 && name[2] == 0x61 && name[3] == 0x64 && name[4] == 0))
    }

    /// `head`.
    static func isHead(_ name: UnsafePointer<xmlChar>) -> Bool {
        name[0] == 0x68 && name[1] == 0x65 && name[2] == 0x61 && name[3] == 0x64 && name[4] == 0
    }

    /// `html`, `head` and `body`.
    static func isExcluded(_ name: UnsafePointer<xmlChar>) -> Bool {
        switch name[0] {
        case 0x68:  // h
            return (name[1] == 0x74 && name[2] == 0x6D && name[3] == 0x6C && name[4] == 0)
                || (name[1] == 0x65 && name[2] == 0x61 && name[3] == 0x64 && name[4] == 0)
        case 0x62:  // b
            return name[1] == 0x6F && name[2] == 0x64 && name[3] == 0x79 && name[4] == 0
        default:
            return false
        }
    }

    /// The length of the plain text at `p` up to the next `<` or `&` (where libxml2's own text
    /// loop stops too: what it reads after that, a tag or more text, it reads as before), or nil
    /// when the text is not plain or runs to the end of the input.
    static func plainLength(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        guard let end = UTF8Sequence.plainRun(p, from: 0, n, stop: 0x3C, 0x26), end < n else { return nil }
        return end
    }
}
