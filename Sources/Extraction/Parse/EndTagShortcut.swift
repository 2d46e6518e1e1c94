import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Closes the end tags that follow an element's text, or another end tag, without handing them to
/// libxml2, when libxml2 would do nothing but close the element they name.
///
/// libxml2 2.9 reads an end tag in `htmlParseEndTag`: the name one character at a time and through
/// its dictionary, a scan of its table of end-tag priorities (`htmlAutoCloseOnClose`), several
/// name comparisons, then in its content loop a copy of the new current element's name
/// (`xmlStrdup`) and the copy before freed: about 1,000 instructions an end tag, and a news page
/// has thousands. When the end tag `</name>` (any case, blanks allowed before the `>`) names the
/// element libxml2 has open on top of its stack, other than `html`, `head` and `body` (which
/// libxml2 may have discarded or kept open), libxml2 finds it at once, closes nothing else, reports
/// `endElement` and pops its stack. This type does the same: it tells the ``DocumentBuilder``,
/// pops libxml2's name stack as `htmlnamePop` does, and moves libxml2's input past the tag. The
/// plain text after it goes to the builder as ``TextShortcut`` takes it after an end tag (not in
/// `html` or `head`), and the next end tag is looked at in turn.
///
/// Two callbacks run the chain, at the two places after which libxml2's parse loop only reads the
/// element on top of its stack again:
/// - the `startElement` of an element whose start tag ends at libxml2's input (``TextShortcut``
///   checks that), before libxml2 steps over the tag's `>`: the chain starts with that element,
///   and leaves libxml2's input on a `>` (the last end tag's, or one written over the last byte of
///   the text taken, already copied), which libxml2 then steps over;
/// - the `endElement` that libxml2 reports for an end tag it read itself, before it pops that
///   element: the chain starts with the element below it, which is taken out of the stack from
///   under it.
///
/// A chain never takes the input's last end tag (libxml2 closes everything at the end of the
/// input). ``ParseEquivalenceTests`` and ``ParseShortcutTests`` check the result against libxml2's
/// own tree.
enum EndTagShortcut {
    /// libxml2's limit on a name (`HTML_PARSER_BUFFER_SIZE`): longer names are left to it.
    static let maximumNameLength = 99

    /// Where the chain starts.
    enum Start {
        /// In the `startElement` of the element on top of libxml2's stack; `at` is the last byte
        /// read (the start tag's `>` or the last byte of text taken after it).
        case afterStartTag
        /// In the `endElement` of the element on top of libxml2's stack, whose end tag libxml2 has
        /// read; the chain closes the elements below it.
        case belowTop
    }

    /// Closes the end tags at `next` (the first byte not read yet) while they name the element
    /// libxml2 would close; returns the first byte not read after them, or nil when the builder
    /// asks to stop. `last`, when the chain took something, is the last byte taken.
    static func close(_ ctxt: UnsafeMutablePointer<xmlParserCtxt>, _ start: Start, next: UnsafePointer<UInt8>,
                      end: UnsafePointer<UInt8>, builder b: UnsafeMutablePointer<DocumentBuilder>)
        -> (next: UnsafePointer<UInt8>, last: UnsafePointer<UInt8>?)?
    {
        var p = next
        var last: UnsafePointer<UInt8>?
        // The element an end tag must name is at `nameNr - 1 - offset`.
        let offset = start == .belowTop ? 1 : 0
        while end - p > 3, p[0] == 0x3C, p[1] == 0x2F {
            let count = Int(ctxt.pointee.nameNr)
            guard count >= 2 + offset, let names = ctxt.pointee.nameTab, let name = names[count - 1 - offset],
                  !TextShortcut.isExcluded(name),
                  let length = endTagLength(p, end - p, naming: name), length < end - p
            else { break }
            b.pointee.endElement()
            // `htmlnamePop`, of the top or of the element under it.
            if offset == 1 { names[count - 2] = names[count - 1] }
            names[count - 1] = nil
            ctxt.pointee.nameNr = Int32(count - 1)
            ctxt.pointee.name = names[count - 2]
            b.pointee.endTags += 1
            p += length
            last = p - 1
            // The text after the end tag, in the element now open (under the top for `belowTop`).
            guard p[0] != 0x3C, p[0] != 0x26, let parent = names[count - 2 - offset], !TextShortcut.isHTMLOrHead(parent),
                  let run = TextShortcut.plainLength(p, end - p), run > 0
            else { continue }
            guard b.pointee.characters(p, run, cdata: false) else { return nil }
            b.pointee.textRuns += 1
            p += run
            last = p - 1
        }
        return (p, last)
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
