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

    static let bylineHintBytes = UTF8Scan.Needles(bylineHints)
    static let dateHintBytes = UTF8Scan.Needles(dateHints)
    static let skipHintBytes = UTF8Scan.Needles(skipHints)

    /// Lead phrases that open a printed byline ("By Jane Doe", "Written by Jane Doe", "by: Jane Doe").
    static let leadPhrases = ["written by", "words by", "story by", "posted by", "reported by", "article by", "by"]
    /// Labels printed alone before a date ("Datum", "Published:", "Updated"). "Date" says nothing
    /// of what the date is (an event's, in a listing): it gives an unlabelled date.
    static let standaloneDateLabels: [String: DateParser.Match.Label] = [
        "datum": .none, "date": .none, "fecha": .none, "published": .published, "published on": .published,
        "posted": .published, "posted on": .published, "veröffentlicht": .published, "veröffentlicht am": .published,
        "publié le": .published, "publicado": .published, "updated": .modified, "last updated": .modified,
        "updated on": .modified, "aktualisiert": .modified, "aktualisiert am": .modified, "stand": .modified,
        "erschienen am": .published, "publicado el": .published, "publicado em": .published, "pubblicato il": .published,
        "gepubliceerd op": .published, "date published": .published, "first published": .published,
        "zuletzt aktualisiert": .modified, "mis à jour le": .modified, "actualizado el": .modified,
        "atualizado em": .modified, "aggiornato il": .modified, "bijgewerkt op": .modified, "last modified": .modified,
    ]
    static let explicitLeadBytes: [[UInt8]] = explicitLeads.map { Array($0.utf8) }

    /// The text of a short text node as a label key: white space and colons trimmed, white space
    /// collapsed, ASCII letters lowered; `nil` unless it starts with a letter.
    func labelKey(_ n: NodeID) -> [UInt8]? {
        doc.withTextBytes(n) { b -> [UInt8]? in
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            var space = false
            for c in b {
                if c <= 0x20 || c == 0x3A { space = !out.isEmpty; continue }
                if space { out.append(0x20); space = false }
                out.append(c &- 0x41 < 26 ? c | 0x20 : c)
            }
            guard let f = out.first, f &- 0x61 < 26 || f >= 0xC0 else { return nil }
            return out
        }
    }

    /// What a standalone label says: a date's label, or that an author's name follows.
    enum LabelKind: Equatable {
        case date(DateParser.Match.Label)
        case author
    }

    /// ``labelKey(_:)`` packed into a ``LanguageDetector/WordKey`` (no array made), for keys of at
    /// most 24 bytes (every label's); `nil` when `labelKey` is `nil` or longer.
    func packedLabelKey(_ n: NodeID) -> LanguageDetector.WordKey? {
        doc.withTextBytes(n) { b -> LanguageDetector.WordKey? in
            var key = LanguageDetector.WordKey()
            var first: UInt8?
            var space = false
            for c in b {
                if c <= 0x20 || c == 0x3A { space = first != nil; continue }
                if space { guard key.append(0x20) else { return nil }; space = false }
                let l = c &- 0x41 < 26 ? c | 0x20 : c
                if first == nil { first = l }
                guard key.append(l) else { return nil }
            }
            guard let f = first, f &- 0x61 < 26 || f >= 0xC0 else { return nil }
            return key
        }
    }

    /// The kind of label text node `n` prints alone (``standaloneDateLabels`` first, then
    /// ``authorLabels``, keyed as ``labelKey(_:)``), else `nil`.
    func labelKind(_ n: NodeID) -> LabelKind? {
        guard let key = packedLabelKey(n) else { return nil }
        return Self.labelKindTable[key]
    }

    static let labelKinds: [LanguageDetector.WordKey: LabelKind] = {
        var out: [LanguageDetector.WordKey: LabelKind] = [:]
        for l in authorLabels { out[LanguageDetector.WordKey(l)] = .author }
        for (l, kind) in standaloneDateLabels { out[LanguageDetector.WordKey(l)] = .date(kind) }
        return out
    }()
    /// The byte count of the shortest key of ``labelKinds`` (at least 2).
    static let shortestLabelKey = max(2, labelKinds.keys.map(\.count).min() ?? 2)

    /// ``labelKinds`` in a ``WordKeyTable`` (a `Dictionary`'s seeded hash cost most of a look-up).
    /// (The filler only fills empty slots, which the table never returns.)
    static let labelKindTable = WordKeyTable<LabelKind>(labelKinds, filler: .author)

    /// True when text node `n` starts (after white space) with "written by " or another explicit lead.
    func startsWithExplicitLead(_ n: NodeID) -> Bool {
        doc.withTextBytes(n) { b in
            var i = 0
            while i < b.count, b[i] <= 0x20 { i += 1 }
            guard i < b.count, (b[i] | 0x20) == 0x77 || (b[i] | 0x20) == 0x61 || (b[i] | 0x20) == 0x70 || (b[i] | 0x20) == 0x73 else { return false }
            return Self.explicitLeadBytes.contains { lead in
                guard i + lead.count <= b.count else { return false }
                for k in 0..<lead.count {
                    let c = b[i + k]
                    if (c &- 0x41 < 26 ? c | 0x20 : c) != lead[k] { return false }
                }
                return true
            }
        }
    }

    /// Labels printed alone before the author's name.
    static let authorLabels: Set<String> = ["autor", "autorin", "autorin/autor", "autor/autorin", "autoren", "author", "authors",
                                            "auteur", "auteurs", "written by", "article by", "posted by", "story by", "words by",
                                            "reporter", "text", "texte"]
    /// Lead phrases explicit enough to trust anywhere after the headline.
    static let explicitLeads = ["written by ", "written by: ", "article by ", "posted by ", "words by ", "story by "]
    /// Path fragments of links to an author's page.
    static let authorPathBytes = UTF8Scan.Needles(["/author/", "/authors/", "/autor/", "/autoren/", "/auteur/", "/writer/", "/writers/",
                                                   "/journalist/", "/journalists/", "/reporter/", "/profile/author"])

    /// True when `t` is only a lead phrase ("By", "by:", "Written by"): the name follows in another element.
    static func isBareLead(_ t: String) -> Bool {
        // Every lead phrase starts with one of a, b, p, r, s, w (after spaces and colons); lower-casing
        // maps no other character to those ASCII letters, so anything else is not one.
        guard let f = t.utf8.first(where: { $0 != 0x20 && $0 != 0x3A }), leadInitials.contains(f | 0x20) else { return false }
        // An ASCII text: lower-cased, trimmed and compared as bytes (ASCII strings are equal only
        // when their bytes are).
        if let ascii = isBareLeadASCII(t) { return ascii }
        // Lower-casing maps each scalar to one or more and makes no space or colon: a text that
        // lowers to a lead phrase has at most as many scalars between its spaces and colons, of at
        // most four bytes each.
        var core = t.utf8.count
        for c in t.utf8 { if c == 0x20 || c == 0x3A { core -= 1 } else { break } }
        for c in t.utf8.reversed() { if c == 0x20 || c == 0x3A { core -= 1 } else { break } }
        if core > 4 * longestLeadPhrase { return false }
        let l = UTF8Scan.trimming(t.lowercased(), spaceAndColon)
        return leadPhrases.contains(l)
    }

    /// ``isBareLead(_:)`` of an all-ASCII text from its bytes; `nil` for other texts.
    static func isBareLeadASCII(_ t: String) -> Bool? {
        var t = t
        return t.withUTF8 { b -> Bool? in
            var lo = 0, hi = b.count
            for c in b where c >= 0x80 { return nil }
            while lo < hi, b[lo] == 0x20 || b[lo] == 0x3A { lo += 1 }
            while hi > lo, b[hi - 1] == 0x20 || b[hi - 1] == 0x3A { hi -= 1 }
            return leadPhraseBytes.contains { p in
                p.count == hi - lo && p.indices.allSatisfy { k in (b[lo + k] &- 0x41 < 26 ? b[lo + k] | 0x20 : b[lo + k]) == p[k] }
            }
        }
    }
    static let leadPhraseBytes = leadPhrases.map { Array($0.utf8) }
    static let longestLeadPhrase = leadPhrases.map { $0.unicodeScalars.count }.max() ?? 0
    /// Characters that end the names of a led byline (a separator before a date).
    static let ledBylineStops = UTF8Scan.CharacterList("|·•–—-")
    /// Separators of "Name | Title | Date" lines.
    static let nameAndDateSeparators = UTF8Scan.CharacterList("|·•⋅")
    static let leadInitials: Set<UInt8> = Set(leadPhrases.compactMap { $0.utf8.first })

    /// False when ``isBareLead(_:)`` of the collapsed text of text node `n` is surely false, read on
    /// its bytes: the first byte that is not white space (ASCII space or control, as collapsing
    /// drops them at the start) or a colon is ASCII and none of a lead's first letters, in either case.
    func mayBeBareLead(_ n: NodeID) -> Bool {
        doc.withTextBytes(n) { b in
            for c in b where !(c <= 0x20 || c == 0x3A || c == 0x7F) {
                return c >= 0x80 || Self.leadInitials.contains(c | 0x20)
            }
            return false
        }
    }
    static let spaceAndColon = CharacterSet(charactersIn: " :")

    /// A lead phrase followed by capitalised names, perhaps a date or place after a separator:
    /// "By Sofia Gonzalez", "Written by John Crenshaw", "by: Ziyi Xu, Dec 17, 2025".
    static func looksLikeLedByline(_ t: String) -> Bool {
        let lower = t.lowercased()
        guard let lead = leadPhrases.first(where: { UTF8Scan.hasPrefix(lower, $0 + " ") || UTF8Scan.hasPrefix(lower, $0 + ":") }) else { return false }
        var names = 0
        for w in t.dropFirst(lead.count).split(whereSeparator: { $0 == " " || $0 == ":" }) {
            // The names end at a separator, a date or a place after a comma.
            if w.first.map({ $0.isNumber || Self.ledBylineStops.contains($0) }) == true { break }
            let word = UTF8Scan.hasAlphanumericEdges(String(w)) ? String(w) : UTF8Scan.trimming(w, Self.commaSemicolon)
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
        for _ in 0..<3 {
            // Into a single child, or the only child with text (beside an avatar picture).
            if kids.count == 1 {
                box = kids[0]
            } else if kids.count >= 2, kids.count <= 4, !hasOwnText(box) {
                let withText = kids.filter { !doc.textContent(of: $0).isEmpty }
                guard withText.count == 1 else { break }
                box = withText[0]
            } else {
                break
            }
            kids = doc.elementChildren(box)
        }
        guard kids.count >= 2 else { return doc.textContent(of: n) }
        var kinds: [[UInt8]: Int] = [:]
        var texts: [String] = []
        var allMarked = true
        for k in kids {
            let cls = doc.loweredClassAndIDBytes(k)
            let marked = (!cls.isEmpty && UTF8Scan.containsAny(cls, Self.bylineHintBytes))
                || doc.attributeEqualsIgnoringCase("itemprop", Self.authorBytes, of: k)
            if marked { kinds[cls + [0, doc.tag(k).rawValue], default: 0] += 1 }
            let t = doc.textContent(of: k)
            if !t.isEmpty {
                texts.append(t)
                allMarked = allMarked && marked
            }
        }
        // One element per author, or each part of the credit marked in its own way
        // (`<div class=author-name>By Jane Doe</div><div class=author-title>EdTech Content writer</div>`):
        // the parts apart, so a job title does not run into the name.
        guard kinds.values.contains(where: { $0 >= 2 }) || (allMarked && texts.count >= 2 && !texts.contains(where: Self.isBareLead))
        else { return doc.textContent(of: n) }
        return texts.joined(separator: "; ")
    }

    /// `doc.text(x).contains(where: { !$0.isWhitespace })` for text node `x`, from its bytes when
    /// they settle it: an ASCII byte that is no white space starts a Character that is none (or
    /// follows a prepended mark in one, whose first scalar is none either); a text of ASCII white
    /// space only has none. Other texts ask their Characters.
    func hasNonWhitespace(_ x: NodeID) -> Bool {
        let settled: Bool? = doc.withTextBytes(x) { b in
            var ascii = true
            for c in b {
                if c >= 0x80 { ascii = false } else if !(c == 0x20 || c &- 0x09 < 5) { return true }
            }
            return ascii ? false : nil
        }
        return settled ?? doc.text(x).contains(where: { !$0.isWhitespace })
    }

    /// True when element `n` has a text child that is not only white space.
    func hasOwnText(_ n: NodeID) -> Bool {
        var c = doc.firstChild(n)
        while let x = c {
            if doc.isText(x), hasNonWhitespace(x) { return true }
            c = doc.nextSibling(x)
        }
        return false
    }

    /// The name at the top of an author box (`<div class=author-box><h4>Bence Kovács</h4><p>Bence is
    /// a software developer …</p>`): the first text, two to four capitalised words, when the next
    /// text starts with its first word.
    func authorBoxName(_ box: NodeID) -> (NodeID, String)? {
        var texts: [(NodeID, String)] = []
        var i = box.index + 1
        let end = min(doc.subtreeEnd(box).index, box.index + 60)
        while i < end, texts.count < 2 {
            let x = NodeID(i)
            if doc.isElement(x), doc.tag(x).isNonContent { i = doc.subtreeEnd(x).index; continue }
            if doc.isText(x), doc.textByteCount(x) <= 2000 {
                let t = doc.collapsedText(x)
                if t.contains(where: { $0.isLetter }) { texts.append((x, t)) }
            }
            i += 1
        }
        guard texts.count == 2 else { return nil }
        let name = texts[0].1
        let words = name.split(separator: " ")
        guard name.count <= 40, words.count >= 2, words.count <= 4,
            words.allSatisfy({ w in w.first.map { $0.isUppercase } ?? false }),
            !name.contains(where: { $0.isNumber }), let first = words.first,
            texts[1].1.hasPrefix(first + " "), texts[1].1.count > name.count
        else { return nil }
        return (texts[0].0, name)
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

    /// True when text node `n` is inside a link that does not lead to an author's page.
    func inPlainLink(_ n: NodeID) -> Bool {
        var p = doc.parent(n)
        for _ in 0..<3 {
            guard let x = p else { return false }
            if doc.tag(x) == .a { return !isAuthorLink(x) }
            p = doc.parent(x)
        }
        return false
    }

    /// True when date element `n` lies in a link that holds more than the date (a title, an
    /// excerpt): a teaser card of another article. A permalink around the date alone
    /// (`<a rel=bookmark><time>…</time></a>`) is not one.
    func inTeaserLink(_ n: NodeID) -> Bool {
        var p = doc.parent(n)
        for _ in 0..<6 {
            guard let x = p else { return false }
            if doc.tag(x) == .a {
                if doc.visibleTextSurelyExceeds(x, chars: 400) { return true }
                let own = UTF8Scan.scalarCount(doc.textContent(of: n))
                return UTF8Scan.scalarCount(doc.textContent(of: x)) > own + 40
            }
            p = doc.parent(x)
        }
        return false
    }

    /// The element that prints `headline` as its own text (a styled `<p>` or `<div>` on pages
    /// without a heading element), the first in the body; `nil` when none does.
    func printedHeadline(_ headline: String) -> NodeID? {
        let target = HTMLDocument.collapse(headline)
        let size = target.utf8.count
        guard size >= 10 else { return nil }
        var i = doc.body?.index ?? 0
        while i < doc.count {
            let n = NodeID(i)
            if doc.isElement(n), doc.tag(n).isNonContent {
                i = doc.subtreeEnd(n).index
                continue
            }
            if doc.isText(n), doc.textByteCount(n) >= size, doc.textByteCount(n) <= size * 2 + 16,
                HTMLDocument.collapse(doc.text(n)) == target
            {
                return doc.parent(n)
            }
            i += 1
        }
        return nil
    }

    /// True when `n` is a link to an author's page.
    func isAuthorLink(_ n: NodeID) -> Bool {
        guard doc.tag(n) == .a else { return false }
        return isAuthorLink(href: doc.attributeRange("href", of: n))
    }

    /// ``isAuthorLink(_:)`` of a link whose `href` value is `href` (from ``HTMLDocument/clueAttributes(_:)``).
    func isAuthorLink(href: Range<Int>?) -> Bool {
        guard let r = href, r.count >= 8 else { return false }
        // (Every author path opens with a slash and one of a few letter pairs, "/au", "/wr" …:
        // most links are ruled out by those alone.)
        return doc.containsLeadAndPairIgnoringCase(0x2F, Self.authorPathHeads, in: r) && doc.containsAnyIgnoringCase(Self.authorPathBytes, in: r)
    }

    /// The two bytes after the opening slash of each author path.
    static let authorPathHeads: BytePairSet = {
        precondition(authorPathBytes.bytes.allSatisfy { $0.count >= 3 && $0[0] == 0x2F })
        return BytePairSet(authorPathBytes.bytes.map { UInt16($0[1]) << 8 | UInt16($0[2]) })
    }()

    /// A short text that reads as a credit: a desk/staff/correspondent credit ending in its role word
    /// ("কালবেলা ডেস্ক", "নিজস্ব প্রতিবেদক", "সিলেট প্রতিনিধি", "International Desk"), or "By Name".
    static func looksLikeUnmarkedByline(_ t: String) -> Bool {
        mayBeUnmarkedByline(t) && readsAsUnmarkedByline(t)
    }

    /// ``looksLikeUnmarkedByline(_:)`` without the ``mayBeUnmarkedByline(_:)-(String)`` shortcut.
    static func readsAsUnmarkedByline(_ t: String) -> Bool {
        let words = UTF8Scan.spaceSplit(t)
        guard words.count <= 6 else { return false }
        let lower = String(decoding: CaseMapping.lowercasedBytes(t), as: UTF8.self)
        if UTF8Scan.hasPrefix(lower, "by: ") || UTF8Scan.hasPrefix(lower, "written by ") || UTF8Scan.hasPrefix(lower, "posted by ") {
            return looksLikeLedByline(t)
        }
        if UTF8Scan.hasPrefix(lower, "by "), words.count <= 6 {
            let rest = words.dropFirst()
            return rest.allSatisfy { w in w.first.map { $0.isUppercase || !$0.isASCII } ?? false || ["and", "&", "und"].contains(String(w)) }
        }
        if UTF8Scan.hasPrefix(t, "লেখক") { return true }
        if isTeamCredit(words) { return true }
        guard words.count <= 4, let role = BylineParser.role(of: lower) else { return false }
        if role == .staff { return true }
        let trimmed = UTF8Scan.trimming(lower, punctuationAndSpaces)
        let ending = role == .desk ? BylineParser.deskWords : BylineParser.correspondentWords
        return ending.contains { trimmed.hasSuffix($0) } || trimmed.contains(",")
    }

    /// False when ``looksLikeUnmarkedByline(_:)`` is surely false, from the bytes: every credit it
    /// takes opens with "by", "written by" or "posted by" (first letter b, w or p in either case),
    /// opens with "লেখক", ends in "Team", or holds a staff, desk or correspondent word of
    /// ``BylineParser/role(of:)`` in its lower case. Lower-casing turns no scalar but U+0130 (İ)
    /// and U+212A (Kelvin sign) into ASCII and leaves Indic letters as they are, so the ASCII-lowered
    /// bytes hold those words whenever the lower-cased text does; a text with either scalar is
    /// passed on.
    static func mayBeUnmarkedByline(_ t: String) -> Bool {
        var t = t
        return t.withUTF8(mayBeUnmarkedByline)
    }

    /// ``mayBeUnmarkedByline(_:)-(String)`` of the text whose UTF-8 is `b`.
    static func mayBeUnmarkedByline(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let f = b.first else { return false }
        let l = f | 0x20
        if l == 0x62 || l == 0x77 || l == 0x70 { return true }
        if b.starts(with: lekhokBytes) { return true }
        // İ is C4 B0 (found with `memchr`); the Kelvin sign E2 84 AA is one of the scanner's needles.
        if holdsDottedCapitalI(b) { return true }
        return unmarkedBylineScanner.containsAny(b)
    }

    /// True when `b` holds the UTF-8 of U+0130 (C4 B0).
    static func holdsDottedCapitalI(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return false }
        var k = 0
        let n = b.count
        while k + 1 < n {
            guard let p = memchr(base + k, 0xC4, n - 1 - k) else { return false }
            let at = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
            if b[at + 1] == 0xB0 { return true }
            k = at + 1
        }
        return false
    }

    /// ``unmarkedBylineWordBytes`` and the Kelvin sign (E2 84 AA), searched in one pass.
    static let unmarkedBylineScanner = NeedleScanner(unmarkedBylineWordBytes.bytes + [[0xE2, 0x84, 0xAA]])

    static let lekhokBytes = Array("লেখক".utf8)
    /// The words one of which an unmarked credit that does not open with a lead holds (lower case).
    static let unmarkedBylineWordBytes = UTF8Scan.Needles(["team"] + BylineParser.staffPhrases + BylineParser.deskWords + BylineParser.correspondentWords)

    /// False when ``looksLikeNameAndDate(_:parser:)`` is surely false: it needs a separator (`|`,
    /// `·`, `•`, `⋅`) and a digit.
    static func mayBeNameAndDate(_ t: String) -> Bool {
        var t = t
        return t.withUTF8(mayBeNameAndDate)
    }

    /// ``mayBeNameAndDate(_:)-(String)`` of the text whose UTF-8 is `b`.
    static func mayBeNameAndDate(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        // Most texts have no digit: found out eight bytes at a time.
        guard UTF8Scan.holdsASCIIDigit(b) else { return false }
        var separator = false, digit = false
        var prev: UInt8 = 0, prev2: UInt8 = 0
        for c in b {
            if c == 0x7C || (prev == 0xC2 && c == 0xB7) || (prev2 == 0xE2 && prev == 0x80 && c == 0xA2) || (prev2 == 0xE2 && prev == 0x8B && c == 0x85) {
                separator = true
            } else if c &- 0x30 < 10 {
                digit = true
            }
            prev2 = prev
            prev = c
        }
        return separator && digit
    }

    static let authorBytes = Array("author".utf8)
    static let avatarBytes = Array("avatar".utf8)
    static let commaSemicolon = CharacterSet(charactersIn: ",;")
    static let punctuationAndSpaces = CharacterSet.punctuationCharacters.union(.whitespaces)

    /// Words before "Team" that make a call to action or a department, not a credit.
    static let teamNonCredits: Set<String> = ["meet", "join", "contact", "about", "our", "your", "my", "the", "support",
                                              "sales", "help", "customer", "service", "email", "ask", "call", "a"]

    /// "DianaHR Team", "The Meetingnotes Team": a team credited as author, every word capitalised.
    static func isTeamCredit(_ words: [Substring]) -> Bool {
        guard words.count >= 2, words.count <= 4, words.last == "Team" else { return false }
        let first = words[0].lowercased()
        if teamNonCredits.contains(first), !(first == "the" && words.count >= 3 && !teamNonCredits.contains(words[1].lowercased())) { return false }
        return words.allSatisfy { w in w.first.map { $0.isUppercase } ?? false }
    }

    /// "Aaron Ricadela | Senior Writer | July 2, 2025": a name, perhaps a job title, and a date,
    /// separated by `|`, `·`, `•` or `⋅`. True when the text has a date part and its first part is
    /// two to four capitalised words.
    static func looksLikeNameAndDate(_ t: String, parser: DateParser) -> Bool {
        // A separator and a digit, or nothing to look at.
        guard mayBeNameAndDate(t) else { return false }
        let parts = t.split(whereSeparator: { Self.nameAndDateSeparators.contains($0) }).map { UTF8Scan.trimming($0, .whitespaces) }.filter { !$0.isEmpty }
        guard parts.count >= 2, parts.count <= 4 else { return false }
        let words = parts[0].split(separator: " ")
        guard words.count >= 2, words.count <= 4,
            words.allSatisfy({ w in w.first.map { $0.isUppercase || BylineParser.particles.contains(String(w)) } ?? false }),
            !parts[0].contains(where: { $0.isNumber })
        else { return false }
        return parts.dropFirst().contains { p in parser.scan(p).contains { $0.date.isValid } }
    }

    struct Clues {
        var headlineCandidates: [NodeID] = []
        var bylines: [(node: NodeID, text: String)] = []
        var dates: [(node: NodeID, match: DateParser.Match)] = []
    }

    /// The headline elements of the page: `headlineNode` first, then `<h1>`s, `itemprop=headline`, `<h2>`s.
    func headlineCandidates(preferred: NodeID?) -> [NodeID] {
        var out: [NodeID] = []
        if let p = preferred, !inChrome(p) { out.append(p) }
        for h in doc.elements(.h1).prefix(6) where !out.contains(h) && !inChrome(h) { out.append(h) }
        for h in doc.elements(.h2).prefix(12) where !out.contains(h) && !inChrome(h) { out.append(h) }
        for h in doc.elements(.h3).prefix(6) where !out.contains(h) && !inChrome(h) { out.append(h) }
        return out
    }

    /// True inside `<nav>`, `<footer>` or a breadcrumb trail (an SEO `<h1>` as the trail's last item).
    func inChrome(_ n: NodeID) -> Bool {
        if doc.hasAncestor(n, tag: .nav) || doc.hasAncestor(n, tag: .footer) { return true }
        var p: NodeID? = n
        for _ in 0..<5 {
            guard let x = p else { break }
            let cls = doc.loweredClassAndIDBytes(x)
            if !cls.isEmpty, UTF8Scan.contains(cls, Self.breadcrumbBytes) { return true }
            p = doc.parent(x)
        }
        return false
    }

    static let breadcrumbBytes = Array("breadcrumb".utf8)

    /// Class/id fragments of a kicker (the line above a headline: "Dachzeile", overline, eyebrow).
    static let kickerHintBytes = ["kicker", "overline", "catchline", "catch-title", "dachzeile", "roofline", "topline", "eyebrow",
                                  "supertitle", "pretitle", "spitzmarke", "titleheader", "title-header", "flag"].map { Array($0.utf8) }
    /// Class/id fragments of the headline part of a heading.
    static let headlinePartHintBytes = ["headline", "title"].map { Array($0.utf8) }
    static let subtitleHintBytes = ["subtitle", "sub-title", "subline", "subheadline", "sub-headline"].map { Array($0.utf8) }

    /// A heading printed as a kicker and a headline in two marked parts
    /// (`<h2><span class=kicker>Neue Leipziger Schule</span> <span class=headline>Judy Lybke, …</span></h2>`):
    /// the two texts, else `nil`. Parts that hold no letter or digit (a hidden dash or colon) are
    /// ignored; either the first part is marked as a kicker or the second as the headline.
    func kickerSplit(_ n: NodeID) -> (kicker: String, headline: String)? {
        var parts: [NodeID] = []
        var c = doc.firstChild(n)
        while let x = c {
            if doc.isText(x) {
                if UTF8Scan.containsLetterOrNumber(doc.text(x)) { return nil }
            } else if doc.isElement(x), !doc.tag(x).isNonContent {
                let t = doc.textContent(of: x)
                if UTF8Scan.containsLetterOrNumber(t) { parts.append(x) }
                if parts.count > 2 { return nil }
            }
            c = doc.nextSibling(x)
        }
        guard parts.count == 2 else { return nil }
        let kicker = doc.textContent(of: parts[0]), headline = doc.textContent(of: parts[1])
        guard UTF8Scan.characterCount(of: kicker, isAtMost: 80), UTF8Scan.characterCount(of: headline, isAtLeast: 10),
            UTF8Scan.characterCount(of: headline, isAtMost: 300)
        else { return nil }
        let kc = doc.loweredClassAndIDBytes(parts[0]), hc = doc.loweredClassAndIDBytes(parts[1])
        let kickerMarked = !kc.isEmpty && UTF8Scan.containsAny(kc, Self.kickerHintBytes)
        let headlineMarked = (!hc.isEmpty && UTF8Scan.containsAny(hc, Self.headlinePartHintBytes) && !UTF8Scan.containsAny(hc, Self.subtitleHintBytes))
            || doc.attributeEqualsIgnoringCase("itemprop", Self.headlineBytes, of: parts[1])
        guard kickerMarked || headlineMarked else { return nil }
        // A marked headline part that comes first is a title over a subtitle, not a kicker.
        if !kickerMarked, !kc.isEmpty, UTF8Scan.containsAny(kc, Self.headlinePartHintBytes) { return nil }
        return (UTF8Scan.trimming(kicker, .whitespaces), headline)
    }

    static let headlineBytes = Array("headline".utf8)

    /// The short text printed just before element `n` in its parent, without digits: a label such as
    /// "Updated" or "Last updated:" in a text or element of its own (`<span>Last updated:</span><time>…`).
    func labelBefore(_ n: NodeID) -> String? {
        guard let p = doc.parent(n) else { return nil }
        var prev: NodeID?
        var c = doc.firstChild(p)
        while let x = c, x != n {
            if !doc.isText(x) || hasNonWhitespace(x) { prev = x }
            c = doc.nextSibling(x)
        }
        guard let b = prev, doc.isText(b) || (doc.isElement(b) && doc.subtreeEnd(b).index - b.index <= 3) else { return nil }
        let t = doc.isText(b) ? doc.collapsedText(b) : doc.textContent(of: b)
        guard UTF8Scan.characterCount(of: t, isAtLeast: 3), UTF8Scan.characterCount(of: t, isAtMost: 30),
            !t.contains(where: { $0.isNumber })
        else { return nil }
        return t
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
        // Where the last byline found ends: a short date printed right after it is the article's.
        var lastBylineEnd = -1
        var pendingDateLabel: (label: DateParser.Match.Label, at: Int)?
        // The collapsed text of the text node at hand; the Character count capped above every limit asked.
        var text = CollapsedTextBuffer(cap: 161)
        var i = lo
        while i < hi {
            let n = NodeID(i)
            if doc.isElement(n) {
                let tag = doc.tag(n)
                // (Not a region that holds the headline: a page-wide `<form>`, or an `<aside>` left open.)
                if tag.isNonContent || (tag == .nav || tag == .footer || tag == .aside || tag == .form || tag == .select)
                    && !(i < a && a < doc.subtreeEnd(n).index)
                {
                    i = doc.subtreeEnd(n).index
                    continue
                }
                // Inside a region already skipped, nothing of an element is read: its attributes
                // could only skip its own subtree, which ends within the region.
                if i < skipUntil {
                    i += 1
                    continue
                }
                // Class and id as `loweredClassAndIDBytes` gives them, searched in place for every
                // hint at once (``ClueHints``).
                let attrs = doc.clueAttributes(n)
                let bylineClass = attrs.hints & ClueHints.byline != 0
                // (Not a block that starts right under the headline: a "by-share" bar holds the byline too.)
                if i > a + 30, !bylineClass, attrs.hints & ClueHints.skip != 0 {
                    // A region after the headline that is not the article's: skip it.
                    let end = doc.subtreeEnd(n).index
                    if end - i < 3000 { skipUntil = max(skipUntil, end) }
                }
                if i >= skipUntil {
                    let isByline = bylineClass || attrs.relAuthor || attrs.itempropAuthor || (tag == .a && isAuthorLink(href: attrs.href))
                    if isByline, i >= bylineUntil, let (node, name) = authorBoxName(n) {
                        // An author box: the name, then a biography that starts with it.
                        c.bylines.append((node, name))
                        bylineUntil = doc.subtreeEnd(n).index
                        lastBylineEnd = node.index + 1
                    } else if isByline, i >= bylineUntil, !doc.visibleTextSurelyExceeds(n, chars: 160) {
                        let t = bylineText(n)
                        if UTF8Scan.characterCount(of: t, isAtLeast: 2), UTF8Scan.characterCount(of: t, isAtMost: 160), !BylineParser.isCreditLine(t) {
                            c.bylines.append((n, t))
                            bylineUntil = doc.subtreeEnd(n).index
                            lastBylineEnd = bylineUntil
                            // Bylines often carry the date ("Jane Doe · December 17, 2025").
                            if i >= dateUntil {
                                for m in parser.scan(t) where m.date.isValid { c.dates.append((n, m)) }
                            }
                        }
                    }
                    if !isByline, tag == .img, i >= bylineUntil, abs(i - a) <= 250, attrs.hints & ClueHints.avatar != 0,
                        let p = doc.parent(n), !doc.visibleTextSurelyExceeds(p, chars: 120)
                    {
                        // An avatar picture by the headline: the name printed beside it
                        // ("Dec 26, 2025 • <img class=avatar> Mahua Das in Project Management").
                        let t = doc.textContent(of: p)
                        if UTF8Scan.characterCount(of: t, isAtLeast: 2), UTF8Scan.characterCount(of: t, isAtMost: 120), !BylineParser.isCreditLine(t),
                            !BylineParser().parse(t).isEmpty
                        {
                            c.bylines.append((p, t))
                            bylineUntil = max(bylineUntil, doc.subtreeEnd(p).index)
                            lastBylineEnd = bylineUntil
                        }
                    }
                    let isDate = tag == .time || attrs.hints & ClueHints.date != 0
                    if isDate, i >= dateUntil, !doc.visibleTextSurelyExceeds(n, chars: 240), !inTeaserLink(n) {
                        let t = doc.textContent(of: n)
                        if UTF8Scan.characterCount(of: t, isAtLeast: 6), UTF8Scan.characterCount(of: t, isAtMost: 240) {
                            var matches = parser.scan(t).filter { $0.date.isValid }
                            if !matches.isEmpty, matches.allSatisfy({ $0.label == .none }), let before = labelBefore(n) {
                                // "Updated <time>October 8, 2025</time>": an Updated label printed just before.
                                // (Not a "Publish date" label: cards of other articles print those.)
                                let labelled = parser.scan(before + " " + t).filter { $0.date.isValid }
                                if labelled.count == matches.count, labelled.allSatisfy({ $0.label == .modified }) { matches = labelled }
                            }
                            if !matches.isEmpty {
                                for m in matches { c.dates.append((n, m)) }
                                dateUntil = doc.subtreeEnd(n).index
                            }
                        }
                    }
                }
            } else if doc.isText(n), i >= skipUntil, i > a || abs(i - a) <= 250 {
                // A label in an element of its own, its value next ("<strong>Datum</strong> 28.04.2023",
                // "<strong>Autorin/Autor</strong> Roman Goncharenko").
                let len = doc.textByteCount(n)
                // (A label's key has at least ``shortestLabelKey`` bytes, and a text's key no more than the text.)
                if len >= Self.shortestLabelKey, len <= 24, let kind = labelKind(n) {
                    if case .date(let dl) = kind {
                        pendingDateLabel = (dl, i)
                    } else if i >= bylineUntil, let key = labelKey(n), var p = doc.parent(n) {
                        let label = String(decoding: key, as: UTF8.self)
                        // The label's own element (`<strong>Autor</strong>`): the name is beside it.
                        var heading: NodeID?
                        if doc.subtreeEnd(p).index - p.index <= 3, let pp = doc.parent(p),
                            doc.textContent(of: p).count <= label.count + 1
                        {
                            if doc.tag(p).isHeading { heading = p }
                            p = pp
                        }
                        var t = doc.visibleTextSurelyExceeds(p, chars: 120) ? "" : doc.textContent(of: p)
                        // A heading over an author box (`<h2>Article by</h2><div>Jane Doe</div><button>…`):
                        // the label and the element right after it.
                        if let h = heading, var next = doc.nextSibling(h) {
                            while doc.isText(next), !hasNonWhitespace(next), let x = doc.nextSibling(next) { next = x }
                            if doc.isElement(next), !doc.visibleTextSurelyExceeds(next, chars: 60) {
                                t = HTMLDocument.collapse(doc.text(n)) + " " + doc.textContent(of: next)
                                p = next
                            }
                        }
                        if UTF8Scan.characterCount(of: t, isAtMost: 120), !BylineParser().parse(t).isEmpty {
                            c.bylines.append((p, t))
                            bylineUntil = doc.subtreeEnd(p).index
                            lastBylineEnd = bylineUntil
                        }
                    }
                }
                if abs(i - a) > 250, lastBylineEnd >= 0, i >= lastBylineEnd, i - lastBylineEnd <= 40, i >= dateUntil, len >= 6, len <= 120 {
                    // Far from the headline, a short date right after a byline found there.
                    let t = doc.collapsedText(n)
                    if UTF8Scan.characterCount(of: t, isAtMost: 40) {
                        for m in parser.scan(t) where m.date.isValid { c.dates.append((n, m)) }
                    }
                }
                if let pl = pendingDateLabel, i > pl.at, len >= 4, len <= 80 {
                    if i - pl.at <= 4 {
                        // Far from the headline the label may belong to a list of other articles.
                        let label = abs(i - a) <= 250 ? pl.label : .none
                        let found = parser.scan(doc.collapsedText(n)).filter { $0.date.isValid }
                        for m in found { c.dates.append((n, .init(date: m.date, label: label))) }
                        if !found.isEmpty { pendingDateLabel = nil }
                    } else {
                        pendingDateLabel = nil
                    }
                }
            }
            if doc.isText(n), i >= skipUntil, abs(i - a) <= 250 {
                // Unmarked text near the headline: a desk/staff/correspondent credit or a labelled date.
                let len = doc.textByteCount(n)
                if len >= 2, len <= 14, i >= bylineUntil, mayBeBareLead(n), let p = doc.parent(n), Self.isBareLead(doc.collapsedText(n)),
                    !doc.visibleTextSurelyExceeds(p, chars: 120)
                {
                    // "By <a>Jane Doe</a>": the lead and the name in the parent element.
                    let t = doc.textContent(of: p)
                    if UTF8Scan.characterCount(of: t, isAtMost: 120), Self.looksLikeLedByline(t) {
                        c.bylines.append((p, t))
                        bylineUntil = doc.subtreeEnd(p).index
                        lastBylineEnd = bylineUntil
                    }
                }
                if len >= 4, len <= 400 {
                    // The collapsed text as bytes: the byte checks turn most texts away before a
                    // String or a Character count is made.
                    text.load(doc, n)
                    // (The byte checks first: they turn away more texts than the Character count, for less.)
                    if i >= bylineUntil, !text.isEmpty,
                        text.withBytes(Self.mayBeUnmarkedByline) || (i > a && text.withBytes(Self.mayBeNameAndDate)), text.atMost(80)
                    {
                        let t = text.text
                        if Self.looksLikeUnmarkedByline(t), !inMenuLink(n),
                            !Self.isTeamCredit(t.split(separator: " ")) || (abs(i - a) <= 100 && !inPlainLink(n))
                        {
                            c.bylines.append((n, t))
                            lastBylineEnd = i + 1
                        } else if text.atMost(100), i > a, Self.looksLikeNameAndDate(t, parser: parser), !inMenuLink(n) {
                            c.bylines.append((n, t))
                            lastBylineEnd = i + 1
                            if i >= dateUntil { for m in parser.scan(t) where m.date.isValid { c.dates.append((n, m)) } }
                            dateUntil = max(dateUntil, i + 1)
                        }
                    }
                    if i >= dateUntil, text.withBytes(DateParser.mayHaveDate), text.atMost(160) {
                        // Labelled dates, or a short text that is little more than a date (by the
                        // headline, or right after the byline).
                        let afterByline = lastBylineEnd >= 0 && i >= lastBylineEnd && i - lastBylineEnd <= 40
                        for m in parser.scanTokens(text.text) where m.date.isValid && (m.label != .none || (text.atMost(40) && (abs(i - a) <= 120 || afterByline))) {
                            c.dates.append((n, m))
                        }
                    }
                }
            } else if doc.isText(n), i >= skipUntil, i > a, i >= bylineUntil {
                // Farther down (an author box after the article): an explicit "Written by Jane Doe".
                let len = doc.textByteCount(n)
                if len >= 12, len <= 120, startsWithExplicitLead(n) {
                    let t = doc.collapsedText(n)
                    let lower = t.lowercased()
                    if Self.explicitLeads.contains(where: { UTF8Scan.hasPrefix(lower, $0) }), t.split(separator: " ").count <= 7,
                        Self.looksLikeLedByline(t), !inMenuLink(n)
                    {
                        c.bylines.append((n, t))
                        lastBylineEnd = i + 1
                    }
                }
            }
            i += 1
        }
        // A date read from a byline's whole text and again, labelled, from its own date element
        // ("Sean Peek, Senior Analyst<span>Updated Sep 17, 2025</span>", the label run into a name):
        // the element's reading.
        let all = c.dates
        c.dates.removeAll { d in
            d.match.label == .none && all.contains { e in
                e.match.label != .none && e.node != d.node && doc.contains(d.node, e.node)
                    && e.match.date.year == d.match.date.year && e.match.date.month == d.match.date.month && e.match.date.day == d.match.date.day
            }
        }
        // Nearest to the headline first; those after it win ties.
        func distance(_ n: NodeID) -> Int { n.index >= a ? n.index - a : (a - n.index) * 2 }
        c.bylines.sort { distance($0.node) < distance($1.node) }
        c.dates.sort { distance($0.node) < distance($1.node) }
        return c
    }
}
