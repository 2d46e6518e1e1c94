import Foundation
import Schemas

/// Decides the record's fields from the page's metadata and what the page shows.
///
/// ## Rules
/// - **Headline**: ``HeadlineSelector``: the on-page `<h1>`/headline element that matches the
///   metadata title (JSON-LD `headline`, `og:title`, `<title>` minus ` | Site`), as printed; not a
///   breadcrumb's `<h1>`; a kicker kept only when the `og:title` keeps it; the `og:title` when it is
///   that heading shortened and the `<title>` is the long form.
/// - **Authors**: the visible byline nearest the headline (byline/author elements, `rel=author`,
///   `itemprop=author`, or an unmarked desk/staff/correspondent credit next to the headline) parsed by
///   ``BylineParser``, and the metadata authors (JSON-LD, `article:author`, `<meta name=author>` …).
///   Printed credits: byline elements, `rel`/`itemprop=author`, author links, an author box's name
///   over a biography that starts with it, "By …"/desk credits by the headline, "Name | Title |
///   Date" lines, "DianaHR Team" credits, a label in its own element before the name ("Autor"; a
///   heading label such as "Article by" takes the element after it), the name beside an avatar
///   picture by the headline, and an explicit "Written by …" anywhere after the headline. A region
///   that holds the headline (a page-wide `<form>`, an `<aside>` left open) is searched too.
///   A printed one-word handle that holds a word of a person's full name in the markup
///   ("TurboTaxLisa", "Lisa Greene-Lewis") counts as that person: the markup's name is used.
///   The byline's names win when they are among the metadata's people (pages often credit fewer
///   people than their markup), and a single name printed as "By Jane Doe" by the headline wins over
///   other names in the markup (a template's default author, the uploader), and so does the site's
///   own team printed by the headline ("Everfit Team" on blog.everfit.io); otherwise metadata
///   person names win (taking roles from the byline
///   where names agree); the visible byline is used when the metadata names no person (only the
///   publisher or another organisation). An organisation is kept as author only when nothing else is
///   credited.
/// - **Dates**: the first metadata date (precedence in ``MetadataExtractor``) is checked against the
///   date printed near the headline. (When two kinds of markup, JSON-LD and `article:published_time`,
///   give publication days two or more days apart, the one the page prints by its headline is that
///   first date.) When they fall on the same day the more precise one is used
///   (the metadata's when it has a time); when they disagree by more than a day, a printed date with a
///   label (`প্রকাশ :`, `Published`) wins, an unlabelled one does not. Without metadata the printed
///   date is used (labelled first, else the nearest to the headline). An unlabelled date printed
///   right under the headline (within 60 nodes), its text opening with the date, two or more days
///   *before* the markup's publication date wins: the page was moved or republished and prints its
///   original date (a later unlabelled date is usually an unmarked update and does not, unless it is
///   the only date printed there, falls on the markup's modification day, and nothing marks it as an
///   update: `itemprop=dateModified`, an "updated"/"modified" class, an Updated label). Dates in
///   teaser cards (a link that holds a title or excerpt besides the date) are not read; on a page
///   without a heading element the dates are looked for by the element that prints the headline.
///   A metadata time that equals the printed local time but carries a different offset (a common
///   mistake: local time labelled `+00:00`) is read as local time. A time without an offset gets
///   the site's offset from ``TimeZoneInference`` (then `timezoneInferred` is true), or is dropped
///   to a date-only value when no zone can be inferred. A page with no date in its markup or print
///   is dated by a full date in its address's path (`/2024/05/17/`), unless its markup says it was
///   modified before that day. Failing that, a short text after the headline that opens with a
///   publication label ("Posted on …", "Post time: …", outside comments, related lists and other
///   regions that are not the article's) gives the date (``PageClueFinder/closingPublicationDate(after:parser:)``).
///   A page that prints only an "Updated X" date (an "Updated" label just before a `<time>`
///   counts) is dated X when it declares no OpenGraph `article:published_time` and its markup's
///   modification date, if any, falls on X's day or later (edits the page does not print): a JSON-LD
///   `datePublished` alone is often when an evergreen guide's address was first used. Otherwise an
///   "Updated" date is not taken for the publication date: such a page without a publication date
///   in its markup gets no `published_at` (its `modified_at` is set).
/// - **Language**: ``LanguageDetector`` on headline and body, reconciled with the declared languages.
/// - **Section, tags, description, site name**: metadata, first value in precedence order.
/// - **Attributions**: ``AttributionFinder`` over the body blocks.
public struct FieldResolver: Sendable {
    public init() {}

    /// What the resolver needs besides the DOM and metadata: the body and the headline element found
    /// by the content stage.
    public struct ContentInput: Sendable {
        public var headlineNode: NodeID?
        public var paragraphs: [String]
        public init(headlineNode: NodeID? = nil, paragraphs: [String] = []) {
            self.headlineNode = headlineNode
            self.paragraphs = paragraphs
        }
    }

    public func resolve(document doc: HTMLDocument, metadata md: PageMetadata, content: ContentInput, pageURL: String) -> ResolvedFields {
        var f = ResolvedFields()
        let host = URL(string: pageURL)?.host?.lowercased()
        let domain = host.map { $0.hasPrefix("www.") ? String($0.dropFirst(4)) : $0 }

        // Site name, description, section, tags.
        f.siteName = md.siteNames.first { !$0.value.isEmpty && $0.value.count <= 80 }?.value
        f.description = md.descriptions.first { !$0.value.isEmpty }?.value
        f.section = md.sections.first { !$0.value.isEmpty && $0.value.count <= 60 && !$0.value.hasPrefix("http") }?.value
        f.tags = Array(Self.unique(md.tags).prefix(40))

        // Headline.
        let finder = PageClueFinder(doc: doc)
        let headNodes = finder.headlineCandidates(preferred: content.headlineNode)
        var siteNames = md.siteNames.map(\.value)
        if let d = domain {
            siteNames.append(d)
            if let first = d.split(separator: ".").first { siteNames.append(String(first)) }
        }
        let headings = headNodes.map { n in
            let split = finder.kickerSplit(n)
            return HeadlineSelector.Heading(text: doc.textContent(of: n), kicker: split?.kicker, headline: split?.headline)
        }
        let ogTitle = md.titles.first { $0.source == .openGraph }?.value
        f.headline = HeadlineSelector().select(
            headings: headings, metadataTitles: md.titles.map(\.value), htmlTitle: md.htmlTitle, siteNames: siteNames,
            jsonLDHeadline: md.titles.first { $0.source == .jsonLD }?.value,
            firstH1: doc.elements(.h1).first { !finder.inChrome($0) }.map { doc.textContent(of: $0) }, ogTitle: ogTitle)
        let anchor: NodeID? = f.headline.flatMap { h in
            zip(headNodes, headings).first { $0.1.text == h || $0.1.headline == h }?.0
                ?? zip(headNodes, headings).first { p in
                    let n = HeadlineSelector.normalize(h)
                    return HeadlineSelector.normalize(p.1.text) == n || p.1.headline.map(HeadlineSelector.normalize) == n
                }?.0
        } ?? content.headlineNode ?? doc.elements(.h1).first

        // Language (needed for the time zone).
        // A bounded sample: the headline and the first paragraphs, up to about 10 KB.
        var sampleParts = [f.headline ?? ""]
        var sampleBytes = 0
        for p in content.paragraphs.prefix(30) where sampleBytes < 10_000 {
            sampleParts.append(p)
            sampleBytes += p.utf8.count
        }
        let sample = sampleParts.joined(separator: "\n")
        f.language = LanguageDetector().resolve(text: sample, declared: md.languages.map(\.value))

        // Clues printed near the headline.
        let zone = TimeZoneInference(host: host, language: f.language)
        var overrides: [String: Int] = [:]
        if zone.zoneIdentifier == "Asia/Dhaka" { overrides["bst"] = 360 }
        // US order (03/04 = March 4) for US English, and for English on a generic domain without a
        // region saying otherwise.
        let lang = f.language ?? ""
        let genericTLD = ["com", "org", "net", "us", "gov", "edu", "io", "co"].contains(String((domain ?? "").split(separator: ".").last ?? ""))
        let monthFirst = lang == "en-US" || (lang == "en" && genericTLD)
        let parser = DateParser(monthFirst: monthFirst, zoneOverrides: overrides)
        var clues = finder.clues(around: anchor, parser: parser)
        // No heading element on the page (one built of styled <p>s): the dates printed by the
        // headline's text. (Bylines keep their search; only the dates are taken from there.)
        let dateAnchor = anchor ?? f.headline.flatMap { finder.printedHeadline($0) }
        if anchor == nil, let printed = dateAnchor {
            clues.dates = finder.clues(around: printed, parser: parser).dates
        }

        // Authors.
        resolveAuthors(&f, document: doc, metadata: md, clues: clues, siteNames: siteNames, anchor: anchor)

        // Dates.
        // (The markup repeats a value in several kinds and as both dates: each text is parsed once.)
        var dateMemo = DateMemo(parser: parser)
        var metaPublished = Self.firstDate(md.published, memo: &dateMemo)
        if let m = metaPublished,
            let printed = Self.printedPublicationDate(md.published, unlike: m, printed: clues.dates.map(\.match.date), memo: &dateMemo)
        {
            // The markup's kinds disagree on the publication day: the one the page prints wins.
            metaPublished = printed
        }
        let metaModified = Self.firstDate(md.modified, memo: &dateMemo)
        let labelledPublished = clues.dates.first { $0.match.label == .published }?.match.date
        let unlabelled = clues.dates.first { $0.match.label == .none }
        let shownPublished = labelledPublished ?? unlabelled?.match.date
        let shownModified = clues.dates.first { $0.match.label == .modified }?.match.date
        var inferred = false
        var published = Self.reconcile(meta: metaPublished, shown: shownPublished, shownIsLabelled: labelledPublished != nil, zone: zone)
        if labelledPublished == nil, let u = unlabelled, let a = dateAnchor, u.node.index > a.index, u.node.index - a.index <= 60,
            let m = metaPublished, md.published.first?.source != .timeElement, Self.printsEarlierDate(u.match.date, than: m),
            Self.opensWithDate(doc.textContent(of: u.node))
        {
            // A date printed right under the headline, days before the markup's publication date:
            // the page was moved or republished (an import, a digest of an older paper, a newsletter
            // archive) and prints its original date.
            published = u.match.date
        }
        if labelledPublished == nil, let u = unlabelled, let a = dateAnchor, u.node.index > a.index, u.node.index - a.index <= 60,
            let m = metaPublished, let mod = metaModified, md.published.first?.source != .timeElement,
            Self.printsEarlierDate(m, than: u.match.date), Self.sameDay(u.match.date, mod), Self.opensWithDate(doc.textContent(of: u.node)),
            !clues.dates.contains(where: { Self.sameDay($0.match.date, m) }), !Self.printedAsUpdate(u.node, in: doc, parser: parser)
        {
            // The only date printed right under the headline is the markup's modification day, days
            // after its publication date, and nothing marks it as an update: the page was rewritten
            // and presents itself as of that day.
            published = Self.reconcile(meta: metaModified, shown: u.match.date, shownIsLabelled: true, zone: zone)
        }
        if shownPublished == nil, let updated = shownModified, Self.updatedStandsForPublication(updated: updated, metadata: md),
            metaPublished.map({ !Self.sameDay($0, updated) }) ?? true,
            metaModified.map({ Self.sameDay($0, updated) || Self.dayNumber($0) > Self.dayNumber(updated) }) ?? true
        {
            // The page shows only "Updated X", declares no article:published_time, and its markup's
            // modification date (if any) is X or later (edits the page does not print): X is its date.
            published = Self.reconcile(meta: metaModified, shown: updated, shownIsLabelled: true, zone: zone)
        }
        if published == nil, let u = Self.urlDate(pageURL), metaModified.map({ Self.dayNumber($0) >= Self.dayNumber(u) }) ?? true {
            // Nothing in the markup or the print: a full date in the address's path (/2024/05/17/),
            // unless the page says it was modified before that day.
            published = u
        }
        if published == nil, let a = dateAnchor, let d = finder.closingPublicationDate(after: a, parser: parser),
            metaModified.map({ Self.dayNumber($0) >= Self.dayNumber(d) }) ?? true,
            shownModified.map({ Self.dayNumber($0) >= Self.dayNumber(d) }) ?? true
        {
            // Nothing by the headline, in the markup or the address: a publication date printed with
            // its label under the article ("Post time: 01-04-2024"), unless an update is dated before it.
            published = d
        }
        if let p = published {
            let r = p.recordValue(fallbackOffset: p.hasTime && p.offsetMinutes == nil ? zone.offsetMinutes(for: p) : nil)
            f.publishedAt = r.value
            inferred = inferred || r.inferred
        }
        if let m = Self.reconcile(meta: metaModified, shown: shownModified, shownIsLabelled: true, zone: zone) {
            let r = m.recordValue(fallbackOffset: m.hasTime && m.offsetMinutes == nil ? zone.offsetMinutes(for: m) : nil)
            f.modifiedAt = r.value
            inferred = inferred || r.inferred
        }
        f.timezoneInferred = inferred

        // Attributions.
        f.attributions = AttributionFinder().attributions(in: content.paragraphs)
        return f
    }

    // MARK: Authors

    func resolveAuthors(_ f: inout ResolvedFields, document doc: HTMLDocument, metadata md: PageMetadata, clues: PageClueFinder.Clues,
                        siteNames: [String], anchor: NodeID? = nil) {
        let parser = BylineParser()
        var shown: [ArticleRecord.Author] = []
        var shownNear = false
        for b in clues.bylines.prefix(3) {
            let parsed = parser.parse(b.text)
            if !parsed.isEmpty {
                shown = parsed
                f.byline = b.text
                shownNear = anchor.map { abs(b.node.index - $0.index) <= 150 } ?? false
                // Pages that print each author in an element of its own: the same kind of element nearby.
                let kind = doc.classAndID(b.node)
                for other in clues.bylines where other.node != b.node && abs(other.node.index - b.node.index) <= 300
                    && !kind.isEmpty && doc.classAndID(other.node) == kind && doc.tag(other.node) == doc.tag(b.node)
                {
                    for a in parser.parse(other.text) where !shown.contains(where: { $0.name.lowercased() == a.name.lowercased() }) {
                        shown.append(a)
                    }
                }
                break
            }
        }
        let normSites = siteNames.map { HeadlineSelector.SitePart(HeadlineSelector.normalize($0)) }
        // The site's domain written inside a name ("Deutsche Welle (www.dw.com)").
        let normDomains = siteNames.filter { $0.contains(".") }.map(HeadlineSelector.normalize).filter { $0.count >= 5 }
        func isSite(_ name: String) -> Bool {
            let n = HeadlineSelector.SitePart(HeadlineSelector.normalize(name))
            return normSites.contains { HeadlineSelector.siteMatches(n, $0) }
                || normDomains.contains { d in UTF8Scan.containsWord(Array(d.utf8), in: Array(n.text.utf8)) }
        }
        // Metadata authors from the best source that has any.
        var meta: [ArticleRecord.Author] = []
        var metaOrgs: [ArticleRecord.Author] = []
        let bestSource = md.authors.first?.source
        for a in md.authors where a.source == bestSource {
            if a.isOrganization || isSite(a.name) {
                metaOrgs.append(.init(name: a.name, role: AgencyCatalog.agency(named: a.name) != nil ? .agency : nil))
                continue
            }
            for p in parser.parse(a.name) where !meta.contains(where: { $0.name.lowercased() == p.name.lowercased() }) {
                meta.append(p)
            }
        }
        // The names normalised once (the comparisons below pair every name with every other).
        let metaKeys = meta.map { HeadlineSelector.normalize($0.name) }
        let shownKeys = shown.map { HeadlineSelector.normalize($0.name) }
        let agree = !shown.isEmpty && meta.indices.contains { i in
            shown.indices.contains { j in
                let a = metaKeys[i], b = shownKeys[j]
                return a == b || a.contains(b) || b.contains(a) || Self.isHandle(shown[j].name, of: meta[i].name)
            }
        }
        // The byline names a subset of the metadata's people (the page credits fewer than the markup): the byline.
        let shownSubset = agree && shownKeys.allSatisfy { s in metaKeys.contains { $0 == s } }
        // A byline printed as "By Jane Doe" that names other people than the markup: what the reader
        // is told wins (the markup often names the uploader or a template's default author).
        let shownLed = shown.count == 1 && shown[0].role == .reporter && !agree && f.byline.map(Self.opensWithByLead) == true
            && shownNear
        // The site's own team credited by the headline ("Everfit Team" on blog.everfit.io): what the
        // reader is told wins over a person in the markup.
        let shownTeam = shown.count == 1 && !agree && shownNear && Self.isSiteTeam(shown[0].name, siteNames: siteNames)
        if shownSubset || shownLed || shownTeam {
            // The page's people with the metadata's spelling ("TOM KRISHER" printed, "Tom Krisher" in the markup).
            f.authors = shown.indices.map { j in
                let m = metaKeys.firstIndex { $0 == shownKeys[j] }.map { meta[$0] }
                return .init(name: m?.name ?? shown[j].name, role: shown[j].role)
            }
        } else if !meta.isEmpty {
            // Roles from the byline where the names agree.
            f.authors = meta.indices.map { i in
                let m = meta[i]
                if let j = shownKeys.firstIndex(where: { $0 == metaKeys[i] }) {
                    return .init(name: m.name, role: shown[j].role)
                }
                return m
            }
        } else if !shown.isEmpty {
            f.authors = shown
        } else {
            f.authors = metaOrgs
        }
    }

    /// True when `printed` is one word that holds a word of `name`: the user name of the person the
    /// markup names in full ("TurboTaxLisa" for "Lisa Greene-Lewis").
    static func isHandle(_ printed: String, of name: String) -> Bool {
        guard !printed.contains(" "), name.contains(" ") else { return false }
        let handle = printed.lowercased()
        return name.lowercased().split(whereSeparator: { !$0.isLetter }).contains { $0.count >= 3 && handle.contains($0) }
    }

    /// True for "<Site> Team" where the site's name or address holds the first words ("Everfit Team"
    /// on blog.everfit.io).
    static func isSiteTeam(_ name: String, siteNames: [String]) -> Bool {
        let words = name.split(separator: " ")
        guard PageClueFinder.isTeamCredit(words) else { return false }
        let team = words.dropLast().joined().lowercased()
        guard team.count >= 3 else { return false }
        return siteNames.contains { $0.lowercased().replacingOccurrences(of: " ", with: "").contains(team) }
    }

    static let byLeads = ["by ", "by: ", "written by ", "von ", "par ", "por ", "door ", "av ", "af "]

    /// True when a printed byline opens with "By" or its equivalent.
    static func opensWithByLead(_ byline: String) -> Bool {
        let lower = byline.lowercased()
        return byLeads.contains { UTF8Scan.hasPrefix(lower, $0) }
    }

    // MARK: Dates

    /// The first date of `values` that parses; a numeric date that reads both ways ("02-12-2025")
    /// is read the way a later value gives it unambiguously ("2025-12-02").
    static func firstDate(_ values: [PageMetadata.Value], parser: DateParser) -> ParsedDate? {
        var memo = DateMemo(parser: parser)
        return firstDate(values, memo: &memo)
    }

    /// ``firstDate(_:parser:)`` reading each text through `memo`.
    static func firstDate(_ values: [PageMetadata.Value], memo: inout DateMemo) -> ParsedDate? {
        var parsed: [(raw: String, date: ParsedDate)] = []
        for v in values.prefix(8) {
            if let d = memo.parse(v.value) { parsed.append((v.value, d)) }
        }
        guard var first = parsed.first?.date else {
            for v in values.dropFirst(8) { if let d = memo.parse(v.value) { return d } }
            return nil
        }
        // "02-12-2025": two numbers up to 12 before the year.
        let raw = parsed[0].raw
        let ambiguous = first.day <= 12 && first.month <= 12 && first.day != first.month
            && raw.first?.isNumber == true && !raw.prefix(4).allSatisfy(\.isNumber)
        if ambiguous, let other = parsed.dropFirst().first(where: { $0.date.year == first.year && $0.date.month == first.day && $0.date.day == first.month }) {
            first.month = other.date.month
            first.day = other.date.day
        }
        return first
    }

    /// The publication date of another kind of markup than the first (`article:published_time`
    /// after a JSON-LD `datePublished`, …) when the kinds disagree by two calendar days or more
    /// (one day apart may be the same instant in two zones) and the page prints that other day by
    /// its headline and not the first's (under any label: a page that prints "Updated X" and
    /// declares X as published in one kind of markup was republished on X). Only the explicit
    /// publication properties count (JSON-LD, `article:published_time`, microdata), not loose
    /// `<meta>` names such as `sailthru.date` (often the last edit). `nil` when the first value's day
    /// is printed, or no other kind's day is.
    static func printedPublicationDate(_ values: [PageMetadata.Value], unlike first: ParsedDate, printed: [ParsedDate],
                                       parser: DateParser) -> ParsedDate? {
        var memo = DateMemo(parser: parser)
        return printedPublicationDate(values, unlike: first, printed: printed, memo: &memo)
    }

    /// ``printedPublicationDate(_:unlike:printed:parser:)`` reading each text through `memo`.
    static func printedPublicationDate(_ values: [PageMetadata.Value], unlike first: ParsedDate, printed: [ParsedDate],
                                       memo: inout DateMemo) -> ParsedDate? {
        guard !printed.isEmpty, let firstSource = values.first?.source, !printed.contains(where: { sameDay($0, first) }) else { return nil }
        let kinds: [PageMetadata.Source] = [.jsonLD, .openGraph, .microdata]
        for v in values.dropFirst().prefix(8) where v.source != firstSource && kinds.contains(v.source) {
            guard let d = memo.parse(v.value), abs(dayNumber(d) - dayNumber(first)) >= 2 else { continue }
            if printed.contains(where: { sameDay($0, d) }) { return d }
        }
        return nil
    }

    /// True when a page whose only printed date is "Updated X" is dated X: it declares no OpenGraph
    /// `article:published_time` (pages that do mean it as the publication date; a JSON-LD
    /// `datePublished` alone is often when an evergreen guide's address was first used).
    static func updatedStandsForPublication(updated: ParsedDate, metadata md: PageMetadata) -> Bool {
        updated.isValid && !md.published.contains { $0.source == .openGraph }
    }

    /// True when the element that prints `node` marks it as a modification date: `itemprop=dateModified`,
    /// a class or id that says "updated" or "modified", or an Updated label in the element's own text
    /// set apart from the date by markup (`Updated<!-- -->: <!-- -->December 04, 2025`).
    static func printedAsUpdate(_ node: NodeID, in doc: HTMLDocument, parser: DateParser) -> Bool {
        guard let e = doc.isElement(node) ? node : doc.parent(node) else { return false }
        if doc.attribute("itemprop", of: e)?.lowercased() == "datemodified" { return true }
        let names = doc.classAndID(e).lowercased()
        if names.contains("updated") || names.contains("modified") { return true }
        guard !doc.visibleTextSurelyExceeds(e, chars: 240) else { return false }
        return parser.scan(doc.textContent(of: e)).contains { $0.label == .modified }
    }

    static func sameDay(_ a: ParsedDate, _ b: ParsedDate) -> Bool { a.year == b.year && a.month == b.month && a.day == b.day }

    /// A full date written in the path of `url` as three segments (`/2024/05/17/`) or one
    /// (`/2024-05-17/`), year 1990–2199; `nil` otherwise (a year and month alone, or digits run
    /// together as in an article number, are not read).
    static func urlDate(_ url: String) -> ParsedDate? {
        guard let path = URL(string: url)?.path, path.utf8.count >= 11 else { return nil }
        let parts = path.split(separator: "/").map(String.init)
        func number(_ s: String, digits: ClosedRange<Int>) -> Int? {
            guard digits.contains(s.utf8.count), s.utf8.allSatisfy({ $0 &- 0x30 < 10 }) else { return nil }
            return Int(s)
        }
        func valid(_ y: Int, _ m: Int, _ d: Int) -> ParsedDate? {
            let date = ParsedDate(year: y, month: m, day: d)
            return (1990...2199).contains(y) && date.isValid ? date : nil
        }
        for (k, part) in parts.enumerated() {
            if let y = number(part, digits: 4...4), k + 2 < parts.count,
                let m = number(parts[k + 1], digits: 1...2), let d = number(parts[k + 2], digits: 1...2), let date = valid(y, m, d)
            {
                return date
            }
            let pieces = part.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            if pieces.count == 3, let y = number(pieces[0], digits: 4...4), let m = number(pieces[1], digits: 2...2),
                let d = number(pieces[2], digits: 2...2), let date = valid(y, m, d)
            {
                return date
            }
        }
        return nil
    }

    /// Days since 1970 of the calendar day of `d` (as written, whatever its offset).
    static func dayNumber(_ d: ParsedDate) -> Int { ParsedDate.daysFromCivil(year: d.year, month: d.month, day: d.day) }

    /// True when `text` opens with its date (a number, a month or weekday name): not with a word
    /// we do not know as a label ("Released: June 5, 2020", "Deadline 3 May 2024").
    static func opensWithDate(_ text: String) -> Bool {
        guard let first = DateParser.tokenize(String(text.prefix(80))).first(where: { !$0.isPunct("•·|-–—,.:()[]") }) else { return false }
        if first.number != nil { return true }
        guard let w = first.word else { return false }
        return DateVocabulary.months[w] != nil || DateVocabulary.fillers.contains(w)
    }

    /// True when printed date `shown` is at least two calendar days before the markup's `meta`
    /// (one day apart may be the same instant in two zones). A numeric date that reads as `meta`
    /// with day and month swapped ("11/03/2017" for 3 November) is not earlier: it was read in the
    /// wrong order.
    static func printsEarlierDate(_ shown: ParsedDate, than meta: ParsedDate) -> Bool {
        let swapped = shown.year == meta.year && shown.month == meta.day && shown.day == meta.month
        return shown.isValid && !swapped && dayNumber(meta) - dayNumber(shown) >= 2
    }

    /// The metadata date checked against the printed one.
    static func reconcile(meta: ParsedDate?, shown: ParsedDate?, shownIsLabelled: Bool, zone: TimeZoneInference) -> ParsedDate? {
        guard let m = meta else { return shown }
        guard let s = shown else { return m }
        let sameDay = m.year == s.year && m.month == s.month && m.day == s.day
        // "06/01/2026" read in the wrong order: the metadata tells which.
        if !sameDay, s.day <= 12, s.month <= 12, s.year == m.year, s.month == m.day, s.day == m.month { return m }
        if sameDay {
            if m.hasTime, s.hasTime, s.offsetMinutes == nil, let mo = m.offsetMinutes,
                m.hour == s.hour, m.minute == s.minute, let local = zone.offsetMinutes(for: s), local != mo
            {
                // The metadata wrote local time with a wrong offset.
                return s
            }
            return m.hasTime ? m : (s.hasTime ? s : m)
        }
        // Different calendar days: within a day they may be the same instant in two zones.
        let diff = abs(m.epochSeconds(assumingOffset: zone.offsetMinutes(for: m) ?? 0) - s.epochSeconds(assumingOffset: s.offsetMinutes ?? zone.offsetMinutes(for: s) ?? 0))
        if diff <= 86_400 { return m }
        // An unlabelled printed date may belong to something else on the page; a labelled one
        // ("প্রকাশ :", "Published") is what the page says.
        return shownIsLabelled ? s : m
    }

    static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0.lowercased()).inserted }
    }
}
