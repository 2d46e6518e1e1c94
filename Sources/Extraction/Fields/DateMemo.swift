/// ``DateParser/parse(_:)`` of the metadata's date texts, each distinct text parsed once: the markup
/// often gives the same value in several kinds (JSON-LD, OpenGraph, `<meta>`) and as both the
/// publication and the modification date.
///
/// Texts are matched by their UTF-8 bytes (not by `==`, which equates canonically equivalent texts
/// the parser may read differently), so a remembered answer is the parser's answer for that text.
struct DateMemo {
    let parser: DateParser
    private var texts: [String] = []
    private var dates: [ParsedDate?] = []

    init(parser: DateParser) {
        self.parser = parser
    }

    /// `parser.parse(text)`, remembered.
    mutating func parse(_ text: String) -> ParsedDate? {
        for k in texts.indices where texts[k].utf8.count == text.utf8.count && texts[k].utf8.elementsEqual(text.utf8) {
            return dates[k]
        }
        let d = parser.parse(text)
        texts.append(text)
        dates.append(d)
        return d
    }
}
