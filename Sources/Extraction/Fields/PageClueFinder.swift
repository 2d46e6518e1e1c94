import Foundation

/// Finds what the page *shows* near its headline: headline elements, the printed byline and the
/// printed dates. One pass over the nodes of a window around the headline.
struct PageClueFinder {
    let doc: HTMLDocument

    /// Class/id fragments of byline elements.
    static let bylineHints = ["byline", "by-line", "author", "writer", "reporter", "contributor", "autor", "auteur",
                              "journalist", "posted-by", "postedby", "article-by", "creator", "lekhok", "reporter-name"]
    /// Class/id fragments of elements that print dates.
    static let dateHints = ["date", "time", "publish", "posted", "dateline", "updated", "timestamp", "meta", "byline",
                            "info", "datum", "fecha", "data", "tarikh", "modified", "story-details", "article-details"]
    /// Class/id fragments of regions that are not the article's own (comments, lists, related).
    static let skipHints = ["comment", "related", "recommend", "sidebar", "popular", "trending", "footer", "menu",
                            "newsletter", "share", "social", "breadcrumb", "nav", "latest", "more-news", "read-more", "tags"]

    static let bylineHintBytes = bylineHints.map { Array($0.utf8) }
    static let dateHintBytes = dateHints.map { Array($0.utf8) }
    static let skipHintBytes = skipHints.map { Array($0.utf8) }

    /// Lead phrases that open a printed byline ("By Jane Doe", "Written by Jane Doe", "by: Jane Doe").
    static let leadPhrases = ["written by", "words by", "story by", "posted by", "reported by", "article by", "by"]
    /// Path fragments of links to an author's page.
    static let authorPathBytes = ["/author/", "/authors/", "/autor/", "/autoren/", "/auteur/", "/writer/", "/writers/",
                                  "/journalist/", "/journalists/", "/reporter/", "/profile/author"].map { Array($0.utf8) }

    /// True when `t` is only a lead phrase ("By", "by:", "Written by"): the name follows in another element.
    static func isBareLead(_ t: String) -> Bool {
        let l = t.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " :"))
        return leadPhrases.contains(l)
    }

    /// A lead phrase followed by capitalised names, perhaps a date or place after a separator:
    /// "By Sofia Gonzalez", "Written by John Crenshaw", "by: Ziyi Xu, Dec 17, 2025".
    static func looksLikeLedByline(_ t: String) -> Bool {
        let lower = t.lowercased()
        guard let lead = leadPhrases.first(where: { lower.hasPrefix($0 + " ") || lower.hasPrefix($0 + ":") }) else { return false }
        var names = 0
        for w in t.dropFirst(lead.count).split(whereSeparator: { $0 == " " || $0 == ":" }) {
            // The names end at a separator, a date or a place after a comma.
            if w.first.map({ $0.isNumber || "|·•–—-".contains($0) }) == true { break }
            let word = w.trimmingCharacters(in: CharacterSet(charactersIn: ",;"))
            if ["and", "&", "und"].contains(word) { continue }
            guard let f = word.first, f.isUppercase || !f.isASCII && f.isLetter && !f.isLowercase else { return false }
            names += 1
            if names > 6 { return false }
            if w.hasSuffix(",") || w.hasSuffix(";") { if names >= 2 { break } }
        }
        return names >= 1
    }

    /// The text of byline element `n`; when it holds one element per author (two or more
    /// `<div class=byline>` of the same kind, perhaps inside single-child wrappers), their texts
    /// joined by "; " so the names do not run together.
    func bylineText(_ n: NodeID) -> String {
        var box = n
        var kids = doc.elementChildren(box)
        for _ in 0..<3 where kids.count == 1 {
            box = kids[0]
            kids = doc.elementChildren(box)
        }
        guard kids.count >= 2 else { return doc.textContent(of: n) }
        var kinds: [[UInt8]: Int] = [:]
        for k in kids {
            let cls = doc.loweredClassAndIDBytes(k)
            let marked = (!cls.isEmpty && UTF8Scan.containsAny(cls, Self.bylineHintBytes))
                || doc.attributeEqualsIgnoringCase("itemprop", Self.authorBytes, of: k)
            if marked { kinds[cls + [0, doc.tag(k).rawValue], default: 0] += 1 }
        }
        guard kinds.values.contains(where: { $0 >= 2 }) else { return doc.textContent(of: n) }
        return kids.map { doc.textContent(of: $0) }.filter { !$0.isEmpty }.joined(separator: "; ")
    }

    /// True when text node `n` is the label of a link in a list item ("Newsroom" in a menu).
    func inMenuLink(_ n: NodeID) -> Bool {
        var p = doc.parent(n)
        var link = false
        for _ in 0..<4 {
            guard let x = p else { return false }
            if doc.tag(x) == .a { link = true }
            if doc.tag(x) == .li { return link }
            p = doc.parent(x)
        }
        return false
    }

    /// True when `n` is a link to an author's page.
    func isAuthorLink(_ n: NodeID) -> Bool {
        guard doc.tag(n) == .a, let r = doc.attributeRange("href", of: n), r.count >= 8 else { return false }
        let href = UTF8Scan.asciiLowered(Array(doc.bytes[r]))
        return UTF8Scan.containsAny(href, Self.authorPathBytes)
    }

    /// A short text that reads as a credit: a desk/staff/correspondent credit ending in its role word
    /// ("কালবেলা ডেস্ক", "নিজস্ব প্রতিবেদক", "সিলেট প্রতিনিধি", "International Desk"), or "By Name".
    static func looksLikeUnmarkedByline(_ t: String) -> Bool {
        let words = t.split(separator: " ")
        guard words.count <= 6 else { return false }
        let lower = t.lowercased()
        if lower.hasPrefix("by: ") || lower.hasPrefix("written by ") || lower.hasPrefix("posted by ") {
            return looksLikeLedByline(t)
        }
        if lower.hasPrefix("by "), words.count <= 6 {
            let rest = words.dropFirst()
            return rest.allSatisfy { w in w.first.map { $0.isUppercase || !$0.isASCII } ?? false || ["and", "&", "und"].contains(String(w)) }
        }
        if t.hasPrefix("লেখক") { return true }
        guard words.count <= 4, let role = BylineParser.role(of: lower) else { return false }
        if role == .staff { return true }
        let trimmed = lower.trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))
        let ending = role == .desk ? BylineParser.deskWords : BylineParser.correspondentWords
        return ending.contains { trimmed.hasSuffix($0) } || trimmed.contains(",")
    }

    static let authorBytes = Array("author".utf8)

    struct Clues {
        var headlineCandidates: [NodeID] = []
        var bylines: [(node: NodeID, text: String)] = []
        var dates: [(node: NodeID, match: DateParser.Match)] = []
    }

    /// The headline elements of the page: `headlineNode` first, then `<h1>`s, `itemprop=headline`, `<h2>`s.
    func headlineCandidates(preferred: NodeID?) -> [NodeID] {
        var out: [NodeID] = []
        if let p = preferred { out.append(p) }
        for h in doc.elements(.h1).prefix(6) where !out.contains(h) && !inChrome(h) { out.append(h) }
        for h in doc.elements(.h2).prefix(12) where !out.contains(h) && !inChrome(h) { out.append(h) }
        for h in doc.elements(.h3).prefix(6) where !out.contains(h) && !inChrome(h) { out.append(h) }
        return out
    }

    func inChrome(_ n: NodeID) -> Bool {
        doc.hasAncestor(n, tag: .nav) || doc.hasAncestor(n, tag: .footer)
    }

    /// Bylines and dates printed within a window around `anchor` (the headline), nearest first.
    func clues(around anchor: NodeID?, parser: DateParser) -> Clues {
        var c = Clues()
        let a = anchor?.index ?? (doc.body?.index ?? 0)
        let lo = max(0, a - 400)
        let hi = min(doc.count, a + 3000)
        var skipUntil = -1
        var bylineUntil = -1
        var dateUntil = -1
        var i = lo
        while i < hi {
            let n = NodeID(i)
            if doc.isElement(n) {
                let tag = doc.tag(n)
                if tag.isNonContent || tag == .nav || tag == .footer || tag == .aside || tag == .form || tag == .select {
                    i = doc.subtreeEnd(n).index
                    continue
                }
                let cls = doc.loweredClassAndIDBytes(n)
                let bylineClass = !cls.isEmpty && UTF8Scan.containsAny(cls, Self.bylineHintBytes)
                if !cls.isEmpty, i > a, !bylineClass, UTF8Scan.containsAny(cls, Self.skipHintBytes) {
                    // A region after the headline that is not the article's: skip it.
                    let end = doc.subtreeEnd(n).index
                    if end - i < 3000 { skipUntil = max(skipUntil, end) }
                }
                if i >= skipUntil {
                    let isByline = bylineClass || doc.attributeEqualsIgnoringCase("rel", Self.authorBytes, of: n)
                        || doc.attributeEqualsIgnoringCase("itemprop", Self.authorBytes, of: n) || isAuthorLink(n)
                    if isByline, i >= bylineUntil, !doc.visibleTextSurelyExceeds(n, chars: 160) {
                        let t = bylineText(n)
                        if t.count >= 2, t.count <= 160, !BylineParser.isCreditLine(t) {
                            c.bylines.append((n, t))
                            bylineUntil = doc.subtreeEnd(n).index
                            // Bylines often carry the date ("Jane Doe · December 17, 2025").
                            if i >= dateUntil {
                                for m in parser.scan(t) where m.date.isValid { c.dates.append((n, m)) }
                            }
                        }
                    }
                    let isDate = tag == .time || (!cls.isEmpty && UTF8Scan.containsAny(cls, Self.dateHintBytes))
                    if isDate, i >= dateUntil, !doc.visibleTextSurelyExceeds(n, chars: 240) {
                        let t = doc.textContent(of: n)
                        if t.count >= 6, t.count <= 240 {
                            let matches = parser.scan(t).filter { $0.date.isValid }
                            if !matches.isEmpty {
                                for m in matches { c.dates.append((n, m)) }
                                dateUntil = doc.subtreeEnd(n).index
                            }
                        }
                    }
                }
            } else if doc.isText(n), i >= skipUntil, abs(i - a) <= 250 {
                // Unmarked text near the headline: a desk/staff/correspondent credit or a labelled date.
                let len = doc.textByteCount(n)
                if len >= 2, len <= 14, i >= bylineUntil, let p = doc.parent(n), Self.isBareLead(HTMLDocument.collapse(doc.text(n))),
                    !doc.visibleTextSurelyExceeds(p, chars: 120)
                {
                    // "By <a>Jane Doe</a>": the lead and the name in the parent element.
                    let t = doc.textContent(of: p)
                    if t.count <= 120, Self.looksLikeLedByline(t) {
                        c.bylines.append((p, t))
                        bylineUntil = doc.subtreeEnd(p).index
                    }
                }
                if len >= 4, len <= 400 {
                    let t = HTMLDocument.collapse(doc.text(n))
                    if t.count <= 80, i >= bylineUntil, !t.isEmpty {
                        if Self.looksLikeUnmarkedByline(t), !inMenuLink(n) { c.bylines.append((n, t)) }
                    }
                    if i >= dateUntil, t.count <= 160 {
                        // Labelled dates, or a short text that is little more than a date.
                        for m in parser.scan(t) where m.date.isValid && (m.label != .none || (t.count <= 40 && abs(i - a) <= 120)) {
                            c.dates.append((n, m))
                        }
                    }
                }
            }
            i += 1
        }
        // Nearest to the headline first; those after it win ties.
        func distance(_ n: NodeID) -> Int { n.index >= a ? n.index - a : (a - n.index) * 2 }
        c.bylines.sort { distance($0.node) < distance($1.node) }
        c.dates.sort { distance($0.node) < distance($1.node) }
        return c
    }
}
