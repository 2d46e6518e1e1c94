import CLibXML2

/// Hands the content of a `<script>` or `<style>` element to the ``DocumentBuilder`` in one piece
/// instead of letting libxml2 copy it character by character (about half the bytes of a news
/// page are scripts and styles, and libxml2's per-character loop was the largest part of parsing).
///
/// Called from the `startElement` event of such an element, while libxml2's input is still on the
/// `>` of the start tag. In recovery mode libxml2 (2.9) ends the content at the first `</script`
/// (`</style`), compared case-insensitively, and copies every character but those outside XML's
/// `Char` production. When the content is plain (it does not start with `<` unless with `<!`, is
/// valid UTF-8 with only tab, line feed and carriage return below U+0020, holds no U+FFFE/U+FFFF,
/// and the end tag's name is not followed by another name character), the shortcut gives the
/// builder the very text libxml2 would have reported, then moves libxml2's input to the `>` just
/// before the end tag (it writes that `>` into libxml2's own copy of the input, over the last
/// content byte, already copied): libxml2 then finishes the start tag and finds the end tag at once. Anything else is
/// left to libxml2. ``ParseEquivalenceTests`` check the result against libxml2's own tree.
enum RawTextShortcut {
    /// The shortcut relies on libxml2 2.9's input handling (the whole converted document in one
    /// buffer, the raw-text loop of `htmlParseScript`): with any other runtime version libxml2 does
    /// the work itself.
    static let isSupported: Bool = String(cString: newsflow_xml_parser_version()).hasPrefix("209")

    /// True for `script` and `style` (names as libxml2 reports them: lower case).
    static func applies(to name: UnsafePointer<xmlChar>) -> Bool {
        guard isSupported else { return false }
        if name[0] == 0x73, name[1] == 0x63, name[2] == 0x72, name[3] == 0x69, name[4] == 0x70, name[5] == 0x74,
           name[6] == 0 { return true }   // script
        if name[0] == 0x73, name[1] == 0x74, name[2] == 0x79, name[3] == 0x6C, name[4] == 0x65, name[5] == 0 {
            return true                    // style
        }
        return false
    }

    /// Takes the content of the element `name` that just started, if it is plain, and lets
    /// ``TagChain`` read the end tag after it and on; false when the builder asks to stop.
    /// `tookEndTag`: the end tag was taken too (libxml2's input is past it).
    static func take(_ ctxt: UnsafeMutablePointer<xmlParserCtxt>, name: UnsafePointer<xmlChar>,
                     builder: UnsafeMutablePointer<DocumentBuilder>, tookEndTag: inout Bool) -> Bool {
        guard let input = ctxt.pointee.input, let cur = input.pointee.cur, let end = input.pointee.end,
              cur < end, cur[0] == 0x3E else { return true }
        let start = cur + 1
        let n = end - start
        // Not content that starts with a tag (libxml2's content loop reads `</…` and `<name` before
        // it looks at the open element); `<!--` is read as raw text like any other.
        guard n > 0, start[0] != 0x3C || n > 1 && start[1] == 0x21, let length = plainLength(start, n, name: name)
        else { return true }
        if length > 0 {
            guard builder.pointee.characters(start, length, cdata: true) else { return false }
            let gt = UnsafeMutablePointer(mutating: start + (length - 1))
            gt.pointee = 0x3E
            input.pointee.cur = UnsafePointer(gt)
        }
        // The end tag follows: ``TagChain`` reads it (and on), on top of libxml2's stack, as after
        // any start tag (on well-formed input); libxml2 then steps over the `>` of the last thing
        // it took.
        guard builder.pointee.shortcuts else { return true }
        guard let chain = TagChain.run(ctxt, .afterStartTag, next: start + length, end: end, builder: builder)
        else { return false }
        if let taken = chain.last {
            UnsafeMutablePointer(mutating: taken).pointee = 0x3E
            input.pointee.cur = taken
            tookEndTag = true
        }
        return true
    }

    /// The length of the plain content at `p` (up to the end tag or the end of the input), or nil.
    static func plainLength(_ p: UnsafePointer<UInt8>, _ n: Int, name: UnsafePointer<xmlChar>) -> Int? {
        var i = 0
        while let lt = UTF8Sequence.plainRun(p, from: i, n, stop: 0x3C) {
            if lt == n { return n }
            if lt + 1 < n, p[lt + 1] == 0x2F, let after = endTag(p + lt + 2, n - lt - 2, name: name) {
                return after ? lt : nil
            }
            i = lt + 1
        }
        return nil
    }

    /// At `p` (after `</`): nil when `name` does not follow (case-insensitively); true when it
    /// does and ends there, false when another name character follows (libxml2 would then treat
    /// the tag as an unknown end tag and carry on).
    static func endTag(_ p: UnsafePointer<UInt8>, _ n: Int, name: UnsafePointer<xmlChar>) -> Bool? {
        var k = 0
        while name[k] != 0 {
            guard k < n, p[k] | 0x20 == name[k] else { return nil }
            k += 1
        }
        guard k < n else { return true }
        return !AttributeNameRepair.isNameByte(p[k])
    }
}
