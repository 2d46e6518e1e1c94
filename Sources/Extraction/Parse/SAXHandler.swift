import CLibXML2

/// The libxml2 SAX callbacks of the parse stage: each forwards to the ``DocumentBuilder`` stored in
/// the parser context's `_private` and stops the parser (`xmlStopParser`) when the builder reports
/// a limit. The content of `<script>` and `<style>` goes through ``RawTextShortcut``; the text that
/// opens other elements or follows an end tag through ``TextShortcut``; the plain tags and text
/// after text, a start tag or an end tag through ``TagChain``; the start tag libxml2 will read next
/// through ``AttributeShortcut``. The callbacks are plain C function pointers (no captures).
enum SAXHandler {
    /// A handler with the events ``DocumentBuilder`` needs; everything else (entities, DTD
    /// declarations, ignorable white space, which the HTML parser does not report while blanks are
    /// kept) is left out, as in libxml2's own HTML tree builder.
    static func make() -> htmlSAXHandler {
        var h = htmlSAXHandler()
        h.startElement = { ctx, name, atts in
            guard let ctx, let name else { return }
            let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
            let b = SAXHandler.builder(ctxt)
            let wasPending = b.pointee.pendingTag
            guard b.pointee.startElement(name, UnsafePointer(atts)) else { xmlStopParser(ctxt); return }
            if RawTextShortcut.applies(to: name) {
                var tookEndTag = false
                if !RawTextShortcut.take(ctxt, name: name, builder: b, tookEndTag: &tookEndTag) { xmlStopParser(ctxt); return }
                // Past the end tag (not in the content, whose tags libxml2 reads as text).
                if tookEndTag { AttributeShortcut.prepare(ctxt, .afterStartTag, builder: b) }
            } else {
                // A tag written in the page: one with attributes, or the rewritten one.
                let written = atts?[0] != nil || (wasPending && !b.pointee.pendingTag)
                if !TextShortcut.take(ctxt, name: name, hasAttributes: written, builder: b) {
                    xmlStopParser(ctxt)
                    return
                }
                // Not after html/head/body: libxml2 also reports those when it implies them while
                // reading another tag, whose content (a script's) may follow.
                if !TextShortcut.isExcluded(name) { AttributeShortcut.prepare(ctxt, .afterStartTag, builder: b) }
            }
        }
        h.endElement = { ctx, _ in
            guard let ctx else { return }
            let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
            let b = SAXHandler.builder(ctxt)
            b.pointee.endElement()
            let before = ctxt.pointee.input?.pointee.cur
            if !TextShortcut.takeAfterEndTag(ctxt, builder: b) { xmlStopParser(ctxt); return }
            // On the `<` after the text taken, or still right after the end tag.
            AttributeShortcut.prepare(ctxt, ctxt.pointee.input?.pointee.cur == before ? .afterEndTag : .afterText, builder: b)
        }
        h.characters = { ctx, ch, len in
            guard let ctx, let ch, len >= 0 else { return }
            let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
            let b = SAXHandler.builder(ctxt)
            if !b.pointee.characters(ch, Int(len), cdata: false) { xmlStopParser(ctxt); return }
            if len > 0, !TagChain.runAfterText(ctxt, lastByte: ch[Int(len) - 1], builder: b) { xmlStopParser(ctxt); return }
            AttributeShortcut.prepare(ctxt, .afterText, builder: b)
        }
        h.cdataBlock = { ctx, ch, len in
            guard let ctx, let ch, len >= 0 else { return }
            let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
            if !SAXHandler.builder(ctxt).pointee.characters(ch, Int(len), cdata: true) { xmlStopParser(ctxt) }
        }
        h.comment = { ctx, _ in
            guard let ctx else { return }
            let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
            let b = SAXHandler.builder(ctxt)
            b.pointee.otherNode()
            AttributeShortcut.prepare(ctxt, .afterEndTag, builder: b)
        }
        h.processingInstruction = { ctx, _, _ in
            guard let ctx else { return }
            let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
            let b = SAXHandler.builder(ctxt)
            b.pointee.otherNode()
            AttributeShortcut.prepare(ctxt, .afterEndTag, builder: b)
        }
        h.internalSubset = { ctx, _, _, _ in
            guard let ctx else { return }
            SAXHandler.builder(ctx.assumingMemoryBound(to: xmlParserCtxt.self)).pointee.doctype()
        }
        return h
    }

    @inline(__always)
    static func builder(_ ctxt: UnsafeMutablePointer<xmlParserCtxt>) -> UnsafeMutablePointer<DocumentBuilder> {
        ctxt.pointee._private.assumingMemoryBound(to: DocumentBuilder.self)
    }
}
