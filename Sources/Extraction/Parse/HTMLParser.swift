import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The parse stage: decoded UTF-8 → ``HTMLDocument``, with libxml2's HTML parser (error-tolerant,
/// like a browser's for practical purposes) reporting SAX events to a ``DocumentBuilder``, which
/// fills the document's arrays directly (libxml2 builds no tree of its own). Shortcuts keep the
/// bulk of a page out of libxml2's character-by-character loops, with the same result:
/// ``RawTextShortcut`` (scripts, styles), ``AttributeShortcut`` (long attribute values),
/// ``TextShortcut`` (the text that opens an element or follows an end tag) and ``TagChain`` (the
/// plain start tags, end tags and text after those, where libxml2's outcome is certain).
///
/// Limits (from ``ExtractorConfiguration``): more than `maxNodes` nodes fails with
/// ``ExtractionError/Code/treeTooLarge``; elements deeper than `maxDepth` are flattened (their text
/// is kept under the ancestor at that depth); the time budget is checked during the parse. A limit
/// stops libxml2 at once (`xmlStopParser`).
public struct HTMLParser: Sendable {
    public var configuration: ExtractorConfiguration

    public init(configuration: ExtractorConfiguration = .init()) {
        self.configuration = configuration
    }

    private static let initialised: Bool = {
        xmlInitParser()
        // Built before any parse (it asks libxml2 to parse a few fragments), not inside a callback.
        _ = StartTagTable.shared
        return true
    }()

    /// Parses `page` into a DOM. `deadline` bounds the parse (defaults to none).
    public func parse(_ page: DecodedPage, deadline: ContinuousClock.Instant? = nil) throws(ExtractionError) -> HTMLDocument {
        try parse(utf8: page.utf8, wellFormed: true, deadline: deadline)
    }

    /// Parses UTF-8 HTML bytes into a DOM.
    public func parse(utf8 page: [UInt8], deadline: ContinuousClock.Instant? = nil) throws(ExtractionError) -> HTMLDocument {
        try parse(utf8: page, wellFormed: false, deadline: deadline)
    }

    /// Parses `page`; `wellFormed` says it is known to be valid UTF-8 without NUL bytes (the
    /// decode stage's output), which ``AttributeShortcut`` and ``TextShortcut`` need (libxml2
    /// reads anything else differently); other input is checked first.
    func parse(utf8 page: [UInt8], wellFormed: Bool, deadline: ContinuousClock.Instant?) throws(ExtractionError) -> HTMLDocument {
        try parseReporting(utf8: page, wellFormed: wellFormed, deadline: deadline).document
    }

    /// What a parse did besides building the document (for tests).
    struct ShortcutReport {
        /// Start tags whose long values ``AttributeShortcut`` replaced.
        var rewrittenTags = 0
        /// Runs of text ``TextShortcut`` reported.
        var textRuns = 0
        /// Start and end tags ``TagChain`` read.
        var startTags = 0
        var endTags = 0
        /// Comments ``TagChain`` stepped over.
        var comments = 0
        /// Whether the attribute value shortcut diverged and the page was parsed again without the
        /// shortcuts.
        var reparsed = false
    }

    /// ``parse(utf8:wellFormed:deadline:)`` with a report of the shortcuts taken.
    func parseReporting(utf8 page: [UInt8], wellFormed: Bool, deadline: ContinuousClock.Instant? = nil)
        throws(ExtractionError) -> (document: HTMLDocument, report: ShortcutReport)
    {
        var report = ShortcutReport()
        let shortcuts = RawTextShortcut.isSupported && (wellFormed || Self.isWellFormed(page))
        if let document = try parse(utf8: page, shortcuts: shortcuts, deadline: deadline, report: &report) {
            return (document, report)
        }
        // The attribute value shortcut diverged: parse again without the shortcuts.
        report = ShortcutReport(reparsed: true)
        return (try parse(utf8: page, shortcuts: false, deadline: deadline, report: &report)!, report)
    }

    /// True for valid UTF-8 without NUL bytes.
    static func isWellFormed(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            guard let p = b.baseAddress else { return true }
            return memchr(p, 0, b.count) == nil && String(validating: b, as: UTF8.self) != nil
        }
    }

    /// One parse; nil when the attribute value shortcut was on and diverged.
    private func parse(utf8 page: [UInt8], shortcuts: Bool, deadline: ContinuousClock.Instant?,
                       report: inout ShortcutReport) throws(ExtractionError) -> HTMLDocument? {
        _ = Self.initialised
        let utf8 = AttributeNameRepair.repaired(page) ?? page
        newsflow_xml_silence_errors()
        guard utf8.count <= Int(Int32.max) / 2 else { throw ExtractionError(.tooLarge, "document too large to parse") }
        // The document's text and attribute bytes are written straight into the array it will hold
        // (room for about the page's size; a document with more moves them out, see ByteStore).
        var parsed = false
        var result: DocumentBuilder?
        let storage = [UInt8](unsafeUninitializedCapacity: utf8.count + utf8.count / 8 + 256) { buffer, initialized in
            var builder = DocumentBuilder(maxNodes: configuration.maxNodes, maxDepth: configuration.maxDepth,
                                          deadline: deadline, capacity: utf8.count / 40, bytes: ByteStore(borrowing: buffer))
            builder.shortcuts = shortcuts
            var handler = SAXHandler.make()
            parsed = utf8.withUnsafeBufferPointer { buf in
                buf.withMemoryRebound(to: CChar.self) { c in
                    withUnsafeMutablePointer(to: &builder) { b in
                        withUnsafePointer(to: &handler) { h -> Bool in
                            guard let ctxt = newsflow_html_sax_context(c.baseAddress, Int32(c.count), h, b, Self.options,
                                                                          shortcuts ? 1 : 0)
                            else { return false }
                            _ = htmlParseDocument(ctxt)
                            xmlFreeParserCtxt(ctxt)
                            return true
                        }
                    }
                }
            }
            initialized = builder.bytes.isBorrowing ? builder.bytes.count : 0
            result = builder
        }
        guard parsed, var builder = result else { throw ExtractionError(.unparseable, "libxml2 could not parse the document") }
        if builder.failure == nil, builder.shortcutDiverged || builder.pendingTag { return nil }
        report.rewrittenTags = builder.rewrittenTags
        report.textRuns = builder.textRuns
        report.startTags = builder.startTags
        report.endTags = builder.endTags
        report.comments = builder.comments
        return try builder.finish(borrowed: storage)
    }

    /// `RECOVER NOERROR NOWARNING NONET COMPACT IGNORE_ENC` and `XML_PARSE_HUGE`, which lifts
    /// libxml2's nesting limit of 256 levels (deeper elements were dropped with their text). The
    /// tree stays bounded by the input size (`maxInputBytes`); deeper than `maxDepth` the builder
    /// flattens. Measured: 100,000 nested `<div>`s parse in 0.06 s, 25 MB.
    static let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        | Int32(XML_PARSE_HUGE.rawValue)
}
