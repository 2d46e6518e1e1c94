/// Chooses the on-page headline: the `<h1>` (or headline element) whose text matches what the
/// metadata calls the title (JSON-LD `headline`, `og:title`, `twitter:title`, or `<title>` without
/// its ` | Site` / ` - Site` part), as the page shows it.
///
/// A heading printed as a kicker and a headline in two marked parts gives its headline part, or
/// both as the `og:title` joins them when the `og:title` includes the kicker. White space or
/// punctuation lost between the heading's elements is taken back from a metadata title that is the
/// same text ("Die Eisheiligen 2024 Wann …" → "Die Eisheiligen 2024: Wann …"); quotes stay as printed.
/// `<h1>`s inside `<nav>`, `<footer>` or a breadcrumb trail are not candidates (``PageClueFinder``).
///
/// The matched heading gives way to the `og:title` when that is the heading shortened (its words in
/// order with some left out, at most one word of its own) while the `<title>` carries the heading's
/// long form; its curly quotes are written straight when the `<title>` writes them straight.
///
/// Without such a match: the metadata headline with a site-name part removed, else the only `<h1>`,
/// else a metadata title (a shorter one that the first extends with a short suffix, such as a
/// `<meta name=headline>` beside an `og:title` with a section and site name), else the `<title>`
/// without its site-name part.
public struct HeadlineSelector: Sendable {
    public init() {}

    static let separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » ", " › ", " ‹ ", " / ", " ｜ ", " I "]

    /// An on-page headline element: its text, and when it prints a kicker and a headline in two
    /// marked parts (see ``PageClueFinder/kickerSplit(_:)``), the two.
    public struct Heading: Sendable, Equatable {
        public var text: String
        public var kicker: String?
        public var headline: String?
        public init(text: String, kicker: String? = nil, headline: String? = nil) {
            self.text = text
            self.kicker = kicker
            self.headline = headline
        }
    }

    public func select(candidates: [String], metadataTitles: [String], htmlTitle: String?, siteNames: [String],
                       jsonLDHeadline: String? = nil, firstH1: String? = nil) -> String? {
        select(headings: candidates.map { Heading(text: $0) }, metadataTitles: metadataTitles, htmlTitle: htmlTitle,
               siteNames: siteNames, jsonLDHeadline: jsonLDHeadline, firstH1: firstH1)
    }

    /// The text a heading stands for: a kicker-and-headline heading is its headline part, or the
    /// kicker and headline as the `og:title` joins them when the `og:title` is both ("Rückbau von
    /// Atomkraftwerk: Kühltürme … gesprengt"); otherwise the heading's text.
    static func text(of h: Heading, ogTitle: String?) -> String {
        guard let k = h.kicker, let head = h.headline else { return h.text }
        if let og = ogTitle, normalize(og) == normalize(k + " " + head) { return og }
        return head
    }

    /// Curly quotes as straight ones.
    static func straightQuotes(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { sc -> Unicode.Scalar in
            switch sc {
            case "\u{2018}", "\u{2019}": return "'"
            case "\u{201C}", "\u{201D}": return "\""
            default: return sc
            }
        }))
    }

    /// `chosen` with straight quotes when the `<title>` writes it so ("a young lawyer's journey"
    /// printed as "lawyer’s"): the `<title>` keeps the text as it was typed; curly quotes in the
    /// heading come from a typographic filter of the page template.
    static func quotedAsTitle(_ chosen: String, htmlTitle: String?) -> String {
        guard let t = htmlTitle, chosen.unicodeScalars.contains(where: { (0x2018...0x201D).contains($0.value) }) else { return chosen }
        let straight = straightQuotes(chosen)
        guard straight != chosen, !t.unicodeScalars.contains(where: { (0x2018...0x201D).contains($0.value) }) else { return chosen }
        let collapsed = HTMLDocument.collapse(t)
        return variants(of: collapsed).contains(straight) ? straight : chosen
    }

    /// The `og:title` when it is the chosen heading shortened: the heading's words with some left
    /// out, in order ("… how to check" for "… how to check if you have the rare buck"), while the
    /// `<title>` carries the heading's long form. The publisher wrote the shorter one as the
    /// headline; the long form is the search-engine title printed in the `<h1>`.
    static func shortenedByOG(_ chosen: String, ogTitle: String?, htmlTitle: String?) -> String? {
        guard let og = ogTitle.map({ HTMLDocument.collapse($0) }), let title = htmlTitle else { return nil }
        let no = normalize(og), nc = normalize(chosen)
        // (The word counts first: most og:titles have the heading's words, and end here.)
        let owCount = UTF8Scan.spaceSplitCount(no), cwCount = UTF8Scan.spaceSplitCount(nc)
        guard owCount >= 3, owCount < cwCount, cwCount <= 80 else { return nil }
        let ow = UTF8Scan.spaceSplit(no), cw = UTF8Scan.spaceSplit(nc)
        // The heading's words in order, but for at most one word the heading does not have
        // ("compromise in Ukraine" for "compromise to end the Ukraine war") in a longer title.
        let common = longestCommonSubsequence(ow, cw)
        let foreign = ow.filter { !cw.contains($0) }.count
        guard foreign == ow.count - common, foreign == 0 || (foreign == 1 && ow.count >= 5) else { return nil }
        // The <title> is the heading's long form, not the short one.
        guard variants(of: HTMLDocument.collapse(title)).contains(where: { normalize($0) == nc }) else { return nil }
        return og
    }

    /// The length of the longest common subsequence of two word lists.
    static func longestCommonSubsequence(_ a: [Substring], _ b: [Substring]) -> Int {
        var prev = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var row = [Int](repeating: 0, count: b.count + 1)
            for (j, y) in b.enumerated() { row[j + 1] = x == y ? prev[j] + 1 : max(prev[j + 1], row[j]) }
            prev = row
        }
        return prev[b.count]
    }

    /// The fallback metadata title: the first one, or a shorter one that it extends with a suffix
    /// (`<meta name=headline>` "Budget passes" beside og:title "Budget passes-Politics | Daily").
    static func shortestPrefix(of titles: [String]) -> String? {
        guard let first = titles.first(where: { !$0.isEmpty }) else { return nil }
        let nf = normalize(first)
        // A short suffix (a section and site name), not the rest of a title cut short ("…For The...").
        let shorter = titles.filter { t in
            let n = normalize(t)
            guard UTF8Scan.characterCount(of: n, isAtLeast: 8), n.count < nf.count, nf.hasPrefix(n + " "),
                !t.hasSuffix("..."), !t.hasSuffix("…")
            else { return false }
            return nf.dropFirst(n.count).split(separator: " ").count <= 4
        }
        return shorter.min { $0.count < $1.count } ?? first
    }

    /// `chosen` written as a metadata title writes it when the on-page text is that title with white
    /// space or punctuation lost between its elements ("Stuttgart hat's drauf : Stadt …" and "Die
    /// Eisheiligen 2024 Wann sie sind" printed from two elements; "…drauf: Stadt …", "…2024: Wann …" in
    /// the markup). Letters, and quotes that differ (’ for '), stay as printed.
    static func punctuatedAsMetadata(_ chosen: String, titles: [String]) -> String {
        // (Gathered in an array: filtering the scalar view built a String scalar by scalar.)
        var key: [Unicode.Scalar] = []
        key.reserveCapacity(chosen.utf8.count)
        for sc in chosen.unicodeScalars where !isWhitespace(sc) { key.append(sc) }
        for t in titles where t != chosen {
            var j = 0
            var ok = true
            for sc in t.unicodeScalars where !isWhitespace(sc) {
                if j < key.count, key[j] == sc { j += 1; continue }
                // Punctuation, but not quotes around the whole text.
                let cat = sc.properties.generalCategory
                let quote = sc == "\"" || sc == "'"
                if (cat == .otherPunctuation || cat == .dashPunctuation) && (!quote || j > 0 && j < key.count) { continue }
                ok = false
                if !ok { break }
            }
            if ok, j == key.count { return t }
        }
        return chosen
    }

    /// `s.properties.isWhitespace`, answered without a property look-up for ASCII (tab to carriage
    /// return, and space).
    @inline(__always)
    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || v &- 0x09 < 5 }
        return s.properties.isWhitespace
    }

    /// - Parameters:
    ///   - headings: on-page headline elements, best first (A's headline node, `<h1>`s, `itemprop=headline`, `<h2>`s).
    ///   - metadataTitles: JSON-LD/OpenGraph/Twitter/meta titles, best first.
    ///   - htmlTitle: the `<title>` text.
    ///   - siteNames: the site's names (`og:site_name`, publisher) and its domain, to strip from titles.
    ///   - ogTitle: the `og:title`, which tells whether a kicker belongs to the headline.
    public func select(headings: [Heading], metadataTitles: [String], htmlTitle: String?, siteNames: [String],
                       jsonLDHeadline: String? = nil, firstH1: String? = nil, ogTitle: String? = nil) -> String? {
        let candidates = headings.map { Self.text(of: $0, ogTitle: ogTitle.map(Self.decodeEntities)) }
        let sites = siteNames.map(Self.normalize).filter { !$0.isEmpty }.map(SitePart.init)
        func isSiteName(_ t: String) -> Bool {
            let n = SitePart(Self.normalize(t))
            return sites.contains { Self.siteMatches(n, $0) } || n.text.isEmpty
        }
        let titles = metadataTitles.map(Self.decodeEntities).filter { !isSiteName($0) }
        let title = htmlTitle.map(Self.decodeEntities)
        // References: the best metadata title and <title> count fully, lesser sources a little less.
        var refs: [(Compared, Double)] = []
        for (k, t) in (titles + [title].compactMap { $0 }).enumerated() {
            let weight = k == 0 || t == title ? 1.0 : 0.95
            for v in Self.variants(of: t) {
                let n = Self.normalize(v)
                if !n.isEmpty, !refs.contains(where: { $0.0.text == n && $0.1 >= weight }) { refs.append((Compared(n), weight)) }
            }
        }
        // 1. An on-page headline that matches the metadata.
        var best: (String, Double)?
        for c in candidates {
            guard UTF8Scan.characterCount(of: c, isAtMost: 400) else { continue }
            let n = Self.normalize(c)
            guard UTF8Scan.characterCount(of: n, isAtLeast: 2) else { continue }
            let cn = Compared(n)
            let score = Self.bestScore(cn, refs)
            if score >= 0.8, score > (best?.1 ?? 0) + 0.01 { best = (c, score) }
        }
        if let b = best {
            // A heading whose kicker the og:title leaves out is decided by the kicker rule above.
            let kickerHeading = zip(headings, candidates).contains { $0.0.kicker != nil && $0.1 == b.0 }
            if !kickerHeading, let og = Self.shortenedByOG(b.0, ogTitle: ogTitle.map(Self.decodeEntities), htmlTitle: title) { return og }
            return Self.quotedAsTitle(Self.punctuatedAsMetadata(b.0, titles: titles), htmlTitle: title)
        }
        // 2. JSON-LD's headline; the first on-page headline; another metadata title; the <title>;
        //    each without a site-name part.
        if let j = jsonLDHeadline.map(Self.decodeEntities), !j.isEmpty, !isSiteName(j) {
            return Self.stripSite(j, siteNames: siteNames)
        }
        if let c = firstH1, c.count >= 8, c.count <= 300, !isSiteName(c) { return c }
        if let m = Self.shortestPrefix(of: titles) { return Self.stripSite(m, siteNames: siteNames) }
        if let t = title, !t.isEmpty { return Self.stripSite(t, siteNames: siteNames) }
        return candidates.first { !$0.isEmpty && $0.count <= 300 }
    }

    /// Decodes entities left in metadata by double escaping (`&amp;`, `&#x26;`, `&uuml;`).
    static func decodeEntities(_ s: String) -> String {
        // Byte checks first (Foundation's `contains` was a hot spot); the loop below finds the same
        // `&` and `;` characters or returns `s` unchanged.
        guard UTF8Scan.containsByte(s, 0x26), UTF8Scan.containsByte(s, 0x3B) else { return s }
        var out = ""
        var rest = Substring(s)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.firstIndex(of: ";"), after.distance(from: after.startIndex, to: semi) <= 10 {
                let name = String(after[..<semi])
                var scalar: Unicode.Scalar?
                if name.hasPrefix("#x") || name.hasPrefix("#X") { scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
                else if name.hasPrefix("#") { scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init) }
                else { scalar = Self.namedEntities[name] }
                if let sc = scalar {
                    out.unicodeScalars.append(sc)
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        out += rest
        return out
    }

    static let namedEntities: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "hellip": "…", "laquo": "«", "raquo": "»",
        "auml": "ä", "ouml": "ö", "uuml": "ü", "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "szlig": "ß",
        "eacute": "é", "egrave": "è", "ecirc": "ê", "aacute": "á", "agrave": "à", "acirc": "â", "iacute": "í",
        "oacute": "ó", "uacute": "ú", "ntilde": "ñ", "ccedil": "ç", "Eacute": "É", "oslash": "ø", "aring": "å",
    ]

    static let separatorBytes = separators.map { Array($0.utf8) }

    /// The title and the title without its first or last separator-delimited part (twice).
    static func variants(of title: String) -> [String] {
        var out = [title]
        var queue = [title]
        for _ in 0..<2 {
            var next: [String] = []
            for t in queue {
                let b = Array(t.utf8)
                let hits = separatorHits(b)
                for (k, sep) in separatorBytes.enumerated() {
                    // (The first and last places of each separator, as `find` and `findLast` give them.)
                    guard let first = hits.first(where: { $0.separator == k })?.at else { continue }
                    let last = hits.last(where: { $0.separator == k })?.at ?? first
                    let head = String(decoding: b[..<last], as: UTF8.self)
                    if UTF8Scan.characterCount(of: head, isAtLeast: 8) { next.append(head) }
                    let tail = String(decoding: b[(first + sep.count)...], as: UTF8.self)
                    if UTF8Scan.characterCount(of: tail, isAtLeast: 8) { next.append(tail) }
                }
            }
            for n in next where !out.contains(n) { out.append(n) }
            queue = next
        }
        return out
    }

    /// Every place in `b` where a separator starts, in order, with its index in ``separatorBytes``.
    ///
    /// Every separator starts with a space and goes on with a byte of ``separatorSecondBytes``:
    /// only spaces followed by such a byte are compared (searching each separator with `memchr`
    /// stopped at every space of the title).
    static func separatorHits(_ b: [UInt8]) -> [(at: Int, separator: Int)] {
        var hits: [(at: Int, separator: Int)] = []
        let n = b.count
        guard n >= 3 else { return hits }
        for i in 0..<(n - 2) where b[i] == 0x20 && separatorSecondBytes[Int(b[i + 1])] {
            for (k, sep) in separatorBytes.enumerated() where UTF8Scan.matches(sep, in: b, at: i) { hits.append((i, k)) }
        }
        return hits
    }

    /// The second bytes of the separators (each starts with a space, and has at least three bytes).
    static let separatorSecondBytes: [Bool] = {
        precondition(separatorBytes.allSatisfy { $0.count >= 3 && $0[0] == 0x20 })
        var out = [Bool](repeating: false, count: 256)
        for sep in separatorBytes { out[Int(sep[1])] = true }
        return out
    }()

    /// Removes a leading or trailing part that is the site's name or domain.
    public static func stripSite(_ title: String, siteNames: [String]) -> String {
        let sites = siteNames.map(normalize).filter { !$0.isEmpty }.map(SitePart.init)
        var t = title
        for _ in 0..<2 {
            var changed = false
            for sep in separators {
                if let r = t.range(of: sep, options: .backwards) {
                    let tail = SitePart(normalize(String(t[r.upperBound...])))
                    if sites.contains(where: { siteMatches(tail, $0) }) { t = String(t[..<r.lowerBound]); changed = true; break }
                }
                if let r = t.range(of: sep) {
                    let head = SitePart(normalize(String(t[..<r.lowerBound])))
                    if sites.contains(where: { siteMatches(head, $0) }) { t = String(t[r.upperBound...]); changed = true; break }
                }
            }
            if !changed { break }
        }
        // A short last part after " | " is a site or section name ("… | Blog", "… | Vanguard").
        if let r = t.range(of: " | ", options: .backwards), t[r.upperBound...].split(separator: " ").count <= 3,
            t.distance(from: t.startIndex, to: r.lowerBound) >= 15
        {
            t = String(t[..<r.lowerBound])
        }
        return UTF8Scan.trimming(t, .whitespaces)
    }

    /// `s.contains(" ")` (Foundation's search): answered from the bytes when `s` is all ASCII, where
    /// no combining mark can join the space to another character.
    static func containsSpace(_ s: String) -> Bool {
        var space = false, ascii = true
        for b in s.utf8 {
            if b >= 0x80 { ascii = false }
            if b == 0x20 { space = true }
        }
        if ascii || !space { return space }
        // A space that is surely a Character of its own answers it; else Foundation's search.
        let u = Array(s.utf8)
        for i in u.indices where u[i] == 0x20 && UTF8Scan.spaceIsSurelyCharacter(at: i, in: u) { return true }
        return s.contains(" ")
    }

    static func siteMatches(_ part: String, _ site: String) -> Bool {
        guard !part.isEmpty else { return false }
        if part == site { return true }
        let p = Self.containsSpace(part) ? Self.withoutSpaces(part) : part
        let s = Self.containsSpace(site) ? Self.withoutSpaces(site) : site
        return p == s || (UTF8Scan.characterCount(of: p, isAtLeast: 3) && s.hasPrefix(p))
            || (UTF8Scan.characterCount(of: s, isAtLeast: 3) && p.hasPrefix(s) && p.count - s.count <= 12)
    }

    /// A normalised text prepared for ``siteMatches(_:_:)-(SitePart,SitePart)``: its form without
    /// spaces and the facts about it that a comparison asks, each made once (a title is compared
    /// with every site name, a site name with every title).
    final class SitePart {
        let text: String
        /// `text` without spaces, as ``siteMatches(_:_:)-(String,String)`` compares it.
        let spaceless: String
        /// `spaceless` is ASCII without a carriage return: its Characters are its bytes.
        let plainASCII: Bool
        lazy var atLeastThree: Bool = UTF8Scan.characterCount(of: spaceless, isAtLeast: 3)
        lazy var count: Int = plainASCII ? spaceless.utf8.count : spaceless.count

        init(_ normalized: String) {
            text = normalized
            spaceless = HeadlineSelector.containsSpace(normalized) ? HeadlineSelector.withoutSpaces(normalized) : normalized
            plainASCII = spaceless.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }
        }

        /// `spaceless.hasPrefix(other.spaceless)`, from the bytes when both are plain ASCII (then
        /// Characters are bytes and equal only when their bytes are).
        func hasPrefix(_ other: SitePart) -> Bool {
            guard plainASCII, other.plainASCII else { return spaceless.hasPrefix(other.spaceless) }
            let a = spaceless.utf8, b = other.spaceless.utf8
            return a.count >= b.count && a.starts(with: b)
        }
    }

    /// ``siteMatches(_:_:)-(String,String)`` of prepared texts.
    static func siteMatches(_ part: SitePart, _ site: SitePart) -> Bool {
        guard !part.text.isEmpty else { return false }
        if part.text == site.text { return true }
        return part.spaceless == site.spaceless || (part.atLeastThree && site.hasPrefix(part))
            || (site.atLeastThree && part.hasPrefix(site) && part.count - site.count <= 12)
    }

    /// `s` without its U+0020 scalars, made from the bytes (a space is one byte in UTF-8 and never
    /// part of another scalar's bytes).
    static func withoutSpaces(_ s: String) -> String {
        var s = s
        return s.withUTF8 { b in
            String(unsafeUninitializedCapacity: b.count, initializingUTF8With: { out in
                var n = 0
                for c in b where c != 0x20 {
                    out[n] = c
                    n += 1
                }
                return n
            })
        }
    }

    /// Lower case, letters and digits only, single spaces.
    static func normalize(_ s: String) -> String {
        var s = s
        if let ascii = s.withUTF8(normalizeASCII) { return ascii }
        if let bytes = s.withUTF8(normalizeBytes) { return bytes }
        // Built as UTF-8 bytes: appending scalar by scalar to a String was most of the cost. (The
        // state is passed to ``put(_:_:_:)`` as `inout` arguments: a nested function capturing it
        // paid a dynamic exclusivity check per byte.)
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var space = false
        let indic = indicKinds
        for sc in s.unicodeScalars {
            let v = sc.value
            if v < 0x80 {
                if (v &- 0x41) < 26 { put(v | 0x20, &out, &space) } else if (v &- 0x61) < 26 || (v &- 0x30) < 10 { put(v, &out, &space) } else { space = true }
                continue
            }
            if v == 0x200C || v == 0x200D { put(v, &out, &space); continue }
            if v &- indicKindsStart < UInt32(indic.count) {
                switch indic[Int(v &- indicKindsStart)] {
                case 1: put(v, &out, &space); continue
                case 0: space = true; continue
                default: break
                }
            }
            let p = sc.properties
            switch p.generalCategory {
            case .uppercaseLetter, .titlecaseLetter:
                for l in p.lowercaseMapping.unicodeScalars { put(l.value, &out, &space) }
            case .lowercaseLetter, .modifierLetter, .otherLetter, .decimalNumber, .letterNumber, .otherNumber,
                .nonspacingMark, .spacingMark:
                put(v, &out, &space)
            default:
                space = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// ``normalize(_:)`` of an all-ASCII text, byte by byte into the String's own storage (each
    /// scalar is a byte; a space is written only for at least one byte dropped before it, so the
    /// result is never longer than the text); `nil` when a byte is not ASCII.
    static func normalizeASCII(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        guard let base = b.baseAddress else { return "" }
        let n = b.count
        var i = 0, high: UInt64 = 0
        while i &+ 8 <= n {
            high |= UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            i &+= 8
        }
        while i < n { high |= UInt64(b[i]); i &+= 1 }
        guard high & 0x8080_8080_8080_8080 == 0 else { return nil }
        return String(unsafeUninitializedCapacity: n) { out in
            var count = 0, space = false
            for c in b { putASCII(c, into: out, &count, &space) }
            return count
        }
    }

    /// The ASCII byte `c` written at `count` as ``normalize(_:)`` takes it: a letter (lowered) or a
    /// digit, after one space when a dropped byte came before it; any other byte only notes a space.
    @inline(__always)
    private static func putASCII(_ c: UInt8, into out: UnsafeMutableBufferPointer<UInt8>, _ count: inout Int, _ space: inout Bool) {
        let l = c &- 0x41 < 26 ? c | 0x20 : c
        if l &- 0x61 < 26 || c &- 0x30 < 10 {
            if space, count > 0 { out[count] = 0x20; count &+= 1 }
            space = false
            out[count] = l
            count &+= 1
        } else {
            space = true
        }
    }

    /// ``normalize(_:)`` of any text, its scalars decoded in place and the result written into the
    /// String's own storage (twice the text's bytes and some: a lower-case mapping is at most one and
    /// a half times as long as its letter in UTF-8, a space stands for a dropped byte); `nil` should
    /// a result not fit, which the code after it in ``normalize(_:)`` then makes.
    static func normalizeBytes(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        guard b.baseAddress != nil else { return "" }
        let n = b.count
        let capacity = n &* 2 &+ 16
        var overflow = false
        let indic = indicKinds
        let result = String(unsafeUninitializedCapacity: capacity) { out -> Int in
            var count = 0, space = false, i = 0
            while i < n {
                let c = b[i]
                if c < 0x80 {
                    i &+= 1
                    guard count &+ 2 <= capacity else { overflow = true; return 0 }
                    putASCII(c, into: out, &count, &space)
                    continue
                }
                let (sc, next) = UTF8Scan.decode(at: i, in: b)
                i = next
                let v = sc.value
                var keep = false
                if v == 0x200C || v == 0x200D {
                    keep = true
                } else if v &- indicKindsStart < UInt32(indic.count), indic[Int(v &- indicKindsStart)] != 2 {
                    if indic[Int(v &- indicKindsStart)] == 1 { keep = true } else { space = true; continue }
                } else {
                    let p = sc.properties
                    switch p.generalCategory {
                    case .uppercaseLetter, .titlecaseLetter:
                        for l in p.lowercaseMapping.unicodeScalars {
                            guard count &+ 5 <= capacity else { overflow = true; return 0 }
                            if space, count > 0 { out[count] = 0x20; count &+= 1 }
                            space = false
                            count = encode(l.value, into: out, at: count)
                        }
                        continue
                    case .lowercaseLetter, .modifierLetter, .otherLetter, .decimalNumber, .letterNumber, .otherNumber,
                        .nonspacingMark, .spacingMark:
                        keep = true
                    default:
                        space = true
                        continue
                    }
                }
                if keep {
                    guard count &+ 5 <= capacity else { overflow = true; return 0 }
                    if space, count > 0 { out[count] = 0x20; count &+= 1 }
                    space = false
                    count = encode(v, into: out, at: count)
                }
            }
            return count
        }
        return overflow ? nil : result
    }

    /// Writes scalar `v` as UTF-8 into `out` at `at` (room checked by the caller); the index after it.
    @inline(__always)
    private static func encode(_ v: UInt32, into out: UnsafeMutableBufferPointer<UInt8>, at: Int) -> Int {
        if v < 0x80 {
            out[at] = UInt8(v)
            return at &+ 1
        } else if v < 0x800 {
            out[at] = UInt8(0xC0 | v >> 6); out[at &+ 1] = UInt8(0x80 | v & 0x3F)
            return at &+ 2
        } else if v < 0x10000 {
            out[at] = UInt8(0xE0 | v >> 12); out[at &+ 1] = UInt8(0x80 | v >> 6 & 0x3F); out[at &+ 2] = UInt8(0x80 | v & 0x3F)
            return at &+ 3
        } else {
            out[at] = UInt8(0xF0 | v >> 18); out[at &+ 1] = UInt8(0x80 | v >> 12 & 0x3F)
            out[at &+ 2] = UInt8(0x80 | v >> 6 & 0x3F); out[at &+ 3] = UInt8(0x80 | v & 0x3F)
            return at &+ 4
        }
    }

    /// What ``normalize(_:)`` does with each scalar of U+0900 ..< U+0E00 (the Indic scripts), read
    /// once from Unicode's general categories: 1 keeps it, 0 makes a space, 2 asks the properties
    /// (an upper-case or title-case letter, which is lowered). A property look-up per scalar was most
    /// of the cost of normalising a Bengali title.
    static let indicKindsStart: UInt32 = 0x900
    static let indicKinds: [UInt8] = (UInt32(0x900)..<0xE00).map { v in
        guard let s = Unicode.Scalar(v) else { return 2 }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .titlecaseLetter: return 2
        case .lowercaseLetter, .modifierLetter, .otherLetter, .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark:
            return 1
        default: return 0
        }
    }

    /// Appends scalar `v` as UTF-8 to `out`, after a space when one is pending and `out` is not empty.
    @inline(__always)
    private static func put(_ v: UInt32, _ out: inout [UInt8], _ space: inout Bool) {
        if space, !out.isEmpty { out.append(0x20) }
        space = false
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | v >> 6)); out.append(UInt8(0x80 | v & 0x3F))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | v >> 12)); out.append(UInt8(0x80 | v >> 6 & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
        } else {
            out.append(UInt8(0xF0 | v >> 18)); out.append(UInt8(0x80 | v >> 12 & 0x3F))
            out.append(UInt8(0x80 | v >> 6 & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
        }
    }

    /// A normalised text prepared for comparison: its bytes, length and words.
    ///
    /// The Character count and the word set are made only when a comparison needs them (most
    /// comparisons end at the byte checks); hashing non-ASCII words normalises them, which was a
    /// hot spot on Bengali pages.
    final class Compared {
        let text: String
        let bytes: [UInt8]
        lazy var words: [Substring] = UTF8Scan.spaceSplit(text)
        lazy var count: Int = text.count
        lazy var wordSet: Set<Substring> = Set(words)
        /// The byte ranges of ``words`` when every word is plain (see ``plainWordRanges(_:)``): there
        /// a word equals another exactly when their bytes do; `nil` otherwise.
        lazy var plainWords: [Range<Int>]? = Self.plainWordRanges(bytes)
        /// `words.count`, from the byte ranges when the words are plain.
        lazy var wordCount: Int = plainWords?.count ?? words.count

        init(_ normalized: String) {
            text = normalized
            bytes = Array(normalized.utf8)
        }

        /// The byte ranges of the words of `b` (split at spaces) when the text is plain: ASCII, Latin
        /// letters of U+0080–U+024F, Cyrillic letters, CJK ideographs, Hangul syllables, Bengali
        /// letters, signs and digits, ZWNJ and ZWJ, each in its
        /// normal form (no letter with a nukta in one scalar, no combining class but the nukta's
        /// and the virama's, the nukta not after the virama), with no pair that composes (U+09BE or
        /// U+09D7 after U+09C7) and every space followed by a scalar that
        /// starts a Character (no mark or joiner). Such a text is in NFC, so its words are equal as
        /// Strings exactly when their bytes are, and the spaces split its bytes as they split its
        /// Characters. `nil` otherwise.
        static func plainWordRanges(_ b: [UInt8]) -> [Range<Int>]? {
            var out: [Range<Int>] = []
            var start = 0
            var i = 0
            let n = b.count
            var prev: UInt32 = 0
            while i < n {
                let c = b[i]
                var v: UInt32
                if c < 0x80 {
                    v = UInt32(c)
                    i += 1
                } else if c >= 0xC2, c <= 0xD3, i + 1 < n {
                    v = UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
                    // Latin, or Cyrillic but its combining marks (U+0483–U+0489).
                    guard v < 0x250 || (v >= 0x400 && v < 0x500 && !(v >= 0x483 && v <= 0x489)) else { return nil }
                    i += 2
                } else if (c == 0xE0 || c == 0xE2 || (c >= 0xE4 && c <= 0xED)), i + 2 < n {
                    v = UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                    // Bengali, the joiners, CJK ideographs (U+4E00–U+9FFF) or Hangul syllables.
                    guard v &- 0x980 < 0x80 || v == 0x200C || v == 0x200D || (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0xAC00 && v <= 0xD7A3)
                    else { return nil }
                    switch v {
                    // (Letters with a nukta written as one scalar decompose in NFC; the sandhi mark has class 230.)
                    case 0x9DC, 0x9DD, 0x9DF, 0x9FE: return nil
                    // The nukta (class 7) after the virama (class 9) is out of canonical order; elsewhere
                    // it stays as it is (NFC never composes it: those compositions are excluded).
                    case 0x9BC: if prev == 0x9CD { return nil }
                    // Ō and au vowel signs written in two parts compose in NFC (in one part they are NFC).
                    case 0x9BE, 0x9D7: if prev == 0x9C7 { return nil }
                    default: break
                    }
                    i += 3
                } else {
                    return nil
                }
                if prev == 0x20 {
                    // The scalar after a space starts a Character (none of these joins the space):
                    // ASCII, Latin (U+0080–U+024F: controls and letters), Cyrillic letters, CJK
                    // ideographs, Hangul syllables, or a Bengali letter or digit.
                    guard v < 0x250 || v >= 0x400 && v < 0x500 || v >= 0x4E00 || UTF8Scan.bengaliKind(v) == 1 || UTF8Scan.bengaliKind(v) == 2
                    else { return nil }
                }
                if v == 0x20 {
                    if i - 1 > start { out.append(start..<(i - 1)) }
                    start = i
                }
                prev = v
            }
            if n > start { out.append(start..<n) }
            return out
        }
    }

    /// `refs.map { similarity(a, $0.0) * $0.1 }.max() ?? 0` when that is at least 0.8, else a value
    /// below 0.8 (all a caller compares it with): a reference whose word counts alone keep the
    /// score below 0.8 is not compared word by word. Unless the texts are equal, empty or one
    /// contains the other, ``similarity(_:_:)-(Compared,Compared)`` is
    /// `2 * common / (na + nb) * 0.95` with `common <= na` (the words of `a` found in `b`), and
    /// each operation is monotonic in `common`, so that expression with `na` bounds it.
    static func bestScore(_ a: Compared, _ refs: [(Compared, Double)]) -> Double {
        var best: Double?
        for (b, weight) in refs {
            let score: Double
            if a.bytes == b.bytes || a.bytes.isEmpty || b.bytes.isEmpty || UTF8Scan.contains(a.bytes, b.bytes) || UTF8Scan.contains(b.bytes, a.bytes) {
                score = similarity(a, b) * weight
            } else if 2 * Double(a.wordCount) / Double(a.wordCount + b.wordCount) * 0.95 * weight < 0.8 {
                score = 0
            } else {
                score = wordSimilarity(a, b) * weight
            }
            best = max(best ?? score, score)
        }
        return best ?? 0
    }

    /// 1 for equal texts; the length ratio when one contains the other; else the Dice overlap of words.
    static func similarity(_ a: String, _ b: String) -> Double {
        similarity(Compared(a), Compared(b))
    }

    static func similarity(_ a: Compared, _ b: Compared) -> Double {
        if a.bytes == b.bytes { return 1 }
        if a.bytes.isEmpty || b.bytes.isEmpty { return 0 }
        if UTF8Scan.contains(a.bytes, b.bytes) || UTF8Scan.contains(b.bytes, a.bytes) {
            let la = Double(a.count), lb = Double(b.count)
            return min(la, lb) / max(la, lb)
        }
        return wordSimilarity(a, b)
    }

    /// The share of words in common, the last measure of ``similarity(_:_:)-(Compared,Compared)``.
    static func wordSimilarity(_ a: Compared, _ b: Compared) -> Double {
        let common: Int
        if let wa = a.plainWords, let wb = b.plainWords {
            // Plain words: compared by their bytes, without hashing Substrings.
            common = a.bytes.withUnsafeBufferPointer { ab in
                b.bytes.withUnsafeBufferPointer { bb in
                    wa.reduce(0) { n, ra in
                        wb.contains { rb in
                            rb.count == ra.count && ab[ra.lowerBound] == bb[rb.lowerBound]
                                && memcmp(ab.baseAddress! + ra.lowerBound, bb.baseAddress! + rb.lowerBound, ra.count) == 0
                        } ? n + 1 : n
                    }
                }
            }
        } else {
            common = a.words.filter { b.wordSet.contains($0) }.count
        }
        return 2 * Double(common) / Double(a.wordCount + b.wordCount) * 0.95
    }
}

import Foundation
