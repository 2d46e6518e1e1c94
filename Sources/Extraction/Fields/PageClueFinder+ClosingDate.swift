import Foundation

extension PageClueFinder {
    // MARK: A publication date under the article

    /// Leads that open a short text printing a publication date besides the publication labels of
    /// ``DateVocabulary`` ("Post time: 01-04-2024", "Post date: March 3, 2024"), lower case.
    static let closingDateLeads = ["post time", "post date"]

    /// How far after the headline (in nodes) a closing date is looked for: the window
    /// ``clues(around:parser:)`` reads.
    static let closingDateWindow = 3000

    /// A publication date printed with its label in a short text of its own after the headline,
    /// farther down than ``clues(around:parser:)`` reads labelled dates: a "Posted on March 3, 2024"
    /// or "Post time: 01-04-2024" line under the article's text. The text (6 to 80 bytes) must open
    /// with the label; regions that are not the article's are not read (navigation, asides, footers,
    /// forms, and elements whose class or id has a ``skipHints`` fragment: comments, related or
    /// popular lists, share bars), nor links that hold more than the date (teaser cards).
    /// The first such date, or `nil`.
    func closingPublicationDate(after anchor: NodeID, parser: DateParser) -> ParsedDate? {
        let hi = min(doc.count, anchor.index + Self.closingDateWindow)
        var i = anchor.index + 1
        while i < hi {
            let n = NodeID(i)
            if doc.isElement(n) {
                let tag = doc.tag(n)
                if tag.isNonContent || tag == .nav || tag == .footer || tag == .aside || tag == .form || tag == .select
                    || doc.clueAttributes(n).hints & ClueHints.skip != 0
                {
                    i = doc.subtreeEnd(n).index
                    continue
                }
            } else if doc.isText(n), (6...80).contains(doc.textByteCount(n)), doc.withTextBytes(n, DateParser.mayHaveDate) {
                let t = doc.collapsedText(n)
                if let d = Self.closingDate(t, parser: parser), !inTeaserLink(n) { return d }
            }
            i += 1
        }
        return nil
    }

    /// The date of a text that opens with a publication label or a ``closingDateLeads`` lead
    /// ("Posted on March 3, 2024", "Post time: 01-04-2024"); `nil` for any other text.
    static func closingDate(_ text: String, parser: DateParser) -> ParsedDate? {
        let lower = text.lowercased()
        let led = closingDateLeads.contains { lower.hasPrefix($0) }
        if !led {
            guard let w = DateParser.tokenize(String(text.prefix(40))).first?.word, DateVocabulary.label(w) == .published else { return nil }
        }
        guard let m = parser.scan(text).first(where: { $0.date.isValid }), led || m.label == .published else { return nil }
        return m.date
    }
}
