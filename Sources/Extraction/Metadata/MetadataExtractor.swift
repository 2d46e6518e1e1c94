/// Reads a page's self-description (DOM → ``PageMetadata``) in one pass over `<meta>`, `<link>`,
/// JSON-LD scripts, microdata (`itemprop`) and `<time>` elements.
///
/// ## Precedence (best first, within each field of ``PageMetadata``)
/// 1. **JSON-LD** of the page's article object: the first object whose `@type` is an article type
///    (`NewsArticle`, `Article`, `ReportageNewsArticle`, `BlogPosting`, `LiveBlogPosting`, …; found in
///    arrays, `@graph` and nested values), else the first object with `headline` or `datePublished`
///    (e.g. a `WebPage`). Authors referenced by `@id` are looked up in the block.
/// 2. **OpenGraph / `article:*`** (`og:title`, `article:published_time`, `article:modified_time`,
///    `article:author`, `article:section`, `article:tag`, `og:site_name`, `og:locale`, `og:url`).
/// 3. **Microdata** (`itemprop=headline|author|datePublished|dateModified|articleSection`); dates
///    inside `<aside>`, `<nav>` or `<footer>` (related-content cards) are not read.
/// 4. **Twitter cards** (`twitter:title`, `twitter:description`, the author in a `twitter:dataN`
///    field whose `twitter:labelN` is "Written by").
/// 5. **Other `<meta>` names** (`author`, `date`, `pubdate`, `publishdate`, `dc.date`, `dcterms.*`,
///    `sailthru.*`, `parsely-*`, `keywords`, `news_keywords`, `description`, …).
/// 6. **`<time datetime>`** elements (those marked `pubdate` first) and `<a rel=author>` links.
/// `<html lang>` comes first among declared languages, then `content-language`, `og:locale` and
/// JSON-LD `inLanguage`. The `<link rel=canonical>` comes before `og:url` and JSON-LD `url`.
///
/// ``FieldResolver`` then checks these against what the page shows (headline, byline, printed date).
public struct MetadataExtractor: Sendable {
    public init() {}

    static let articleTypes: Set<String> = [
        "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "backgroundnewsarticle", "reviewnewsarticle", "asknewsarticle", "blogposting", "liveblogposting",
        "report", "scholarlyarticle", "techarticle", "socialmediaposting", "satiricalarticle", "medicalscholarlyarticle",
        "advertisercontentarticle", "discussionforumposting", "review", "recipe", "howto",
    ]
    static let organizationTypes: Set<String> = [
        "organization", "newsmediaorganization", "corporation", "organisation", "localbusiness", "governmentorganization",
        "educationalorganization", "ngo", "website", "brand",
    ]

    // MARK: Extract

    public func extract(_ doc: HTMLDocument) -> PageMetadata {
        var md = PageMetadata()
        var og = Buckets(), micro = Buckets(), twitter = Buckets(), meta = Buckets(), late = Buckets()
        var twitterPairs: [(key: String, value: String)] = []

        if let html = doc.html, let lang = doc.attribute("lang", of: html) ?? doc.attribute("xml:lang", of: html), !lang.isEmpty {
            md.languages.append(.init(lang, .html))
        }
        md.htmlTitle = doc.title

        // <meta>
        for m in doc.elements(.meta) {
            // The key first: a <meta> whose key nothing reads (`viewport`, `robots` …) is passed over
            // before its content is made. (Both attributes found in one pass over the element's.)
            let (keyRange, contentRange) = Self.metaAttributes(doc, m)
            // The `property`, else `name`, `itemprop` or `http-equiv` attribute, lower-cased.
            guard let keyRange, !keyRange.isEmpty else { continue }
            let key = Self.lowercasedString(doc, keyRange)
            // (Both prefixes start with "t": any other first byte answers no without either test.)
            let twitterField = key.utf8.first == 0x74 && (UTF8Scan.hasPrefix(key, "twitter:label") || UTF8Scan.hasPrefix(key, "twitter:data"))
            let kind = twitterField ? nil : Self.metaKeys[key]
            guard twitterField || kind != nil || Self.dateKind(of: key) != nil else { continue }
            // A few CMSs write `value=` where the standard says `content=` (`<meta name="publish-date" value=…>`).
            // (Collapsed from the document's bytes in place, as ``HTMLDocument/collapsedText(_:)`` does.)
            guard let contentRange else { continue }
            let content = doc.bytes.withUnsafeBufferPointer { HTMLDocument.collapseBytes(UnsafeBufferPointer(rebasing: $0[contentRange])) }
            guard !content.isEmpty else { continue }
            if twitterField {
                twitterPairs.append((key, content))
                continue
            }
            Self.readMeta(kind: kind, key: key, content: content, og: &og, micro: &micro, twitter: &twitter, meta: &meta, md: &md)
        }
        for name in Self.labelledAuthors(twitterPairs) where !name.hasPrefix("http") {
            twitter.authors.append(.init(name: name, source: .twitter))
        }

        // <link>
        for l in doc.elements(.link) {
            // (The byte check rules out most links without making Strings; see ``mayHoldRelWord(_:_:of:)``.)
            guard Self.mayHoldRelWord(doc, Self.canonicalBytes, of: l), let rel = doc.attribute("rel", of: l)?.lowercased(), let href = doc.attribute("href", of: l), !href.isEmpty else { continue }
            if rel.split(separator: " ").contains("canonical") { md.canonicalURLs.append(.init(href, .link)) }
        }

        // JSON-LD
        var ld = Buckets()
        for s in doc.elements(.script) {
            // The byte search rules out most scripts without Foundation's `contains`.
            // (`type.contains("ld+json")` as Foundation answers it: a byte search on an ASCII type.)
            // First in the attribute's own bytes, ASCII letters lowered, before any String is made:
            // lower-casing turns no other scalar into one of the needle's bytes, so a type whose
            // lower-cased bytes hold "ld+json" holds it there too.
            guard let typeRange = doc.attributeRange("type", of: s), doc.containsIgnoringCase(Self.ldJSONBytes, in: typeRange),
                let type = doc.attribute("type", of: s)?.lowercased(), UTF8Scan.contains(Array(type.utf8), Self.ldJSONBytes),
                ByteSearch.contains(type, ascii: "ld+json")
            else { continue }
            let raw = doc.rawText(of: s)
            guard let value = LenientJSON(keys: Self.jsonLDKeys).parse(raw) else { continue }
            readJSONLD(value, into: &ld, md: &md)
        }

        // Microdata and <time>, <a rel=author>
        readMicrodata(doc, into: &micro)
        var times: [PageMetadata.Value] = []
        for t in doc.elements(.time) {
            guard let dt = doc.attribute("datetime", of: t), !dt.isEmpty else { continue }
            if doc.hasAttribute("pubdate", of: t) { times.insert(.init(dt, .timeElement), at: 0) } else { times.append(.init(dt, .timeElement)) }
        }
        late.published = times
        for a in doc.elements(.a) {
            guard Self.mayHoldRelWord(doc, Self.authorBytes, of: a), let rel = doc.attribute("rel", of: a)?.lowercased(), rel.split(separator: " ").contains("author") else { continue }
            let name = doc.textContent(of: a)
            if !name.isEmpty, name.count < 80 { late.authors.append(.init(name: name, source: .link)) }
        }

        // Merge in precedence order (each bucket read where it is: no array of copies).
        func merge(_ b: Buckets) {
            md.titles += b.titles
            md.descriptions += b.descriptions
            md.authors += b.authors
            md.published += b.published
            md.modified += b.modified
            md.sections += b.sections
            md.siteNames += b.siteNames
            for t in b.tags where !md.tags.contains(t) { md.tags.append(t) }
        }
        merge(ld)
        merge(og)
        merge(micro)
        merge(twitter)
        merge(meta)
        merge(late)
        md.canonicalURLs += og.canonicalURLs + ld.canonicalURLs
        md.languages += meta.languages + og.languages + ld.languages
        md.images += og.images + ld.images + twitter.images
        return md
    }

    /// The attributes of a `<meta>` read by ``extract(_:)``, in order of precedence: the key
    /// (`property`, `name`, `itemprop`, `http-equiv`) and the content (`content`, `value`).
    static let metaAttributeNames: [[UInt8]] = ["property", "name", "itemprop", "http-equiv", "content", "value"].map { Array($0.utf8) }

    /// The value ranges of the key and the content of `<meta>` `m`: those of the first attribute of
    /// the first name of each group of ``metaAttributeNames`` that `m` has (what
    /// `doc.attribute("property", of: m) ?? doc.attribute("name", of: m) ?? …` reads), found in one
    /// pass over its attributes.
    static func metaAttributes(_ doc: HTMLDocument, _ m: NodeID) -> (key: Range<Int>?, content: Range<Int>?) {
        guard doc.kinds[m.index] == .element else { return (nil, nil) }
        let lo = Int(doc.dataStart[m.index]), hi = Int(doc.dataEnd[m.index])
        guard lo < hi else { return (nil, nil) }
        var found: (Range<Int>?, Range<Int>?, Range<Int>?, Range<Int>?, Range<Int>?, Range<Int>?) = (nil, nil, nil, nil, nil, nil)
        doc.bytes.withUnsafeBufferPointer { buf in
            doc.attributeRecords.withUnsafeBufferPointer { records in
                for k in lo..<hi {
                    let a = records[k]
                    let start = Int(a.nameStart), len = Int(a.nameEnd - a.nameStart)
                    let value = Int(a.valueStart)..<Int(a.valueEnd)
                    @inline(__always) func named(_ j: Int) -> Bool {
                        metaAttributeNames[j].withUnsafeBufferPointer { n in
                            n.count == len && (0..<len).allSatisfy { buf[start + $0] == n[$0] }
                        }
                    }
                    switch len {
                    case 8 where found.0 == nil && named(0): found.0 = value
                    case 4 where found.1 == nil && named(1): found.1 = value
                    case 8 where found.2 == nil && named(2): found.2 = value
                    case 10 where found.3 == nil && named(3): found.3 = value
                    case 7 where found.4 == nil && named(4): found.4 = value
                    case 5 where found.5 == nil && named(5): found.5 = value
                    default: break
                    }
                }
            }
        }
        return (found.0 ?? found.1 ?? found.2 ?? found.3, found.4 ?? found.5)
    }

    /// `doc.string(r).lowercased()`: an ASCII value lowered as bytes, any other through the String.
    static func lowercasedString(_ doc: HTMLDocument, _ r: Range<Int>) -> String {
        let ascii = doc.bytes.withUnsafeBufferPointer { buf -> String? in
            var high: UInt8 = 0
            for k in r { high |= buf[k] }
            guard high < 0x80 else { return nil }
            return String(unsafeUninitializedCapacity: r.count) { o in
                var n = 0
                for k in r {
                    let c = buf[k]
                    o[n] = c &- 0x41 < 26 ? c | 0x20 : c
                    n += 1
                }
                return n
            }
        }
        return ascii ?? doc.string(r).lowercased()
    }

    /// Per-source collections, merged in precedence order at the end.
    struct Buckets: Equatable {
        var titles: [PageMetadata.Value] = []
        var descriptions: [PageMetadata.Value] = []
        var authors: [PageMetadata.Author] = []
        var published: [PageMetadata.Value] = []
        var modified: [PageMetadata.Value] = []
        var sections: [PageMetadata.Value] = []
        var tags: [String] = []
        var siteNames: [PageMetadata.Value] = []
        var canonicalURLs: [PageMetadata.Value] = []
        var languages: [PageMetadata.Value] = []
        var images: [PageMetadata.Value] = []
    }

    // MARK: <meta>

    static let publishedKeys: Set<String> = [
        "pubdate", "publishdate", "publish-date", "publish_date", "published_time", "published-date", "date",
        "dc.date", "dc.date.issued", "dc.date.created", "dcterms.date", "dcterms.issued", "dcterms.created",
        "sailthru.date", "parsely-pub-date", "article.published", "article:published", "original-publish-date",
        "cxenseparse:recs:publishtime", "release_date", "date.release", "datecreated", "created", "publication_date",
        "pub_date", "article_date_original", "og:published_time", "displaydate", "dateposted", "article.created",
        "ga-publishdate", "content_date", "publishtime", "eomportal-lastupdate-disabled",
        "published_at", "og:pubdate", "prism.publicationdate", "article:first_published_time",
    ]
    static let modifiedKeys: Set<String> = [
        "og:updated_time", "last-modified", "lastmod", "dcterms.modified", "dc.date.modified", "article.updated",
        "article:modified", "updated_at",
        "updated_time", "modified", "revised", "date.modified", "sailthru.lastmodified", "parsely-updated-date",
    ]
    static let authorKeys: Set<String> = [
        "author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "cxenseparse:author",
        "article.author", "byl", "authors", "dc.contributor", "citation_author",
    ]

    /// What a `<meta>` key stands for: one case per key list read below.
    enum MetaKey {
        case ogTitle, twitterTitle, metaTitle, ogDescription, twitterDescription, metaDescription, ogPublished, ogModified
        case microPublished, microModified, ogAuthor, ogSection, metaSection, microSection, ogTag, metaTags, ogSiteName
        case metaSiteName, ogURL, ogLocale, metaLanguage, ogImage, twitterImage, ogType
        /// In ``publishedKeys``, ``modifiedKeys`` or ``authorKeys`` (and none of the names above).
        case metaPublished, metaModified, metaAuthor
    }

    /// The keys ``readMeta(key:content:og:micro:twitter:meta:md:)`` reads by name, looked up once
    /// (a `switch` over the literals compared the key with each in turn).
    static let metaKeys: [String: MetaKey] = {
        var out: [String: MetaKey] = [:]
        func add(_ keys: [String], _ k: MetaKey) { for key in keys where out[key] == nil { out[key] = k } }
        add(["og:title"], .ogTitle)
        add(["twitter:title"], .twitterTitle)
        add(["title", "dc.title", "sailthru.title", "parsely-title", "headline"], .metaTitle)
        add(["og:description"], .ogDescription)
        add(["twitter:description"], .twitterDescription)
        add(["description", "dc.description"], .metaDescription)
        add(["article:published_time", "og:article:published_time"], .ogPublished)
        add(["article:modified_time", "og:article:modified_time"], .ogModified)
        add(["datepublished"], .microPublished)
        add(["datemodified"], .microModified)
        add(["article:author"], .ogAuthor)
        add(["article:section"], .ogSection)
        add(["section", "parsely-section", "sailthru.section", "article.section", "category"], .metaSection)
        add(["articlesection"], .microSection)
        add(["article:tag"], .ogTag)
        add(["keywords", "news_keywords", "parsely-tags", "sailthru.tags"], .metaTags)
        add(["og:site_name"], .ogSiteName)
        add(["application-name", "apple-mobile-web-app-title"], .metaSiteName)
        add(["og:url"], .ogURL)
        add(["og:locale"], .ogLocale)
        add(["content-language", "language", "dc.language", "inlanguage"], .metaLanguage)
        add(["og:image", "og:image:url", "og:image:secure_url"], .ogImage)
        add(["twitter:image", "twitter:image:src"], .twitterImage)
        add(["og:type"], .ogType)
        // After those, in the order they were tried: a published key, a modified key, then (after
        // ``dateKind(of:)``, which no author key has an answer for) an author key.
        add(Array(publishedKeys), .metaPublished)
        add(Array(modifiedKeys), .metaModified)
        precondition(authorKeys.allSatisfy { dateKind(of: $0) == nil })
        add(Array(authorKeys), .metaAuthor)
        return out
    }()

    static func readMeta(
        key: String, content: String, og: inout Buckets, micro: inout Buckets, twitter: inout Buckets,
        meta: inout Buckets, md: inout PageMetadata
    ) {
        readMeta(kind: metaKeys[key], key: key, content: content, og: &og, micro: &micro, twitter: &twitter, meta: &meta, md: &md)
    }

    /// ``readMeta(key:content:og:micro:twitter:meta:md:)`` with `metaKeys[key]` already looked up.
    /// A key that is not in ``metaKeys`` and has no ``dateKind(of:)`` files nothing.
    static func readMeta(
        kind: MetaKey?, key: String, content: String, og: inout Buckets, micro: inout Buckets, twitter: inout Buckets,
        meta: inout Buckets, md: inout PageMetadata
    ) {
        switch kind {
        case .ogTitle: og.titles.append(.init(content, .openGraph))
        case .twitterTitle: twitter.titles.append(.init(content, .twitter))
        case .metaTitle: meta.titles.append(.init(content, .meta))
        case .ogDescription: og.descriptions.append(.init(content, .openGraph))
        case .twitterDescription: twitter.descriptions.append(.init(content, .twitter))
        case .metaDescription: meta.descriptions.append(.init(content, .meta))
        case .ogPublished: og.published.append(.init(content, .openGraph))
        case .ogModified: og.modified.append(.init(content, .openGraph))
        case .microPublished: micro.published.append(.init(content, .microdata))
        case .microModified: micro.modified.append(.init(content, .microdata))
        case .ogAuthor:
            if !content.hasPrefix("http") { og.authors.append(.init(name: content, source: .openGraph)) }
        case .ogSection: og.sections.append(.init(content, .openGraph))
        case .metaSection: meta.sections.append(.init(content, .meta))
        case .microSection: micro.sections.append(.init(content, .microdata))
        case .ogTag: og.tags += splitTags(content, comma: false)
        case .metaTags: meta.tags += splitTags(content, comma: true)
        case .ogSiteName: og.siteNames.append(.init(content, .openGraph))
        case .metaSiteName: meta.siteNames.append(.init(content, .meta))
        case .ogURL: og.canonicalURLs.append(.init(content, .openGraph))
        case .ogLocale: og.languages.append(.init(content, .openGraph))
        case .metaLanguage: meta.languages.append(.init(content, .meta))
        case .ogImage: og.images.append(.init(content, .openGraph))
        case .twitterImage: twitter.images.append(.init(content, .twitter))
        case .ogType: md.ogType = content.lowercased()
        case .metaPublished: meta.published.append(.init(content, .meta))
        case .metaModified: meta.modified.append(.init(content, .meta))
        case .metaAuthor:
            if !content.hasPrefix("http") { meta.authors.append(.init(name: content, source: .meta)) }
        case nil:
            if let kind = dateKind(of: key) {
                if kind { meta.published.append(.init(content, .meta)) } else { meta.modified.append(.init(content, .meta)) }
            }
        }
    }

    /// Other names of date `<meta>`s (`w-published-date`, `published`, `updated date`): true for a
    /// publication date (the name says "publish" and "date", or is `published`), false for a
    /// modification date ("modif"/"updat"/"revis" and "date"), `nil` otherwise.
    static func dateKind(of key: String) -> Bool? {
        if key == "published" || key == "publication-date" { return true }
        if key == "updated" { return false }
        // "…date" only: a "published-time" beside a "published-date" is often when the page was built.
        guard key.utf8.count <= 40, holdsDate(key) else { return nil }
        // (Foundation's `contains`, asked through ``ByteSearch/contains(_:ascii:)``: a byte search on an ASCII key.)
        if ByteSearch.contains(key, ascii: "modif") || ByteSearch.contains(key, ascii: "updat") || ByteSearch.contains(key, ascii: "revis") { return false }
        if ByteSearch.contains(key, ascii: "publish"), !ByteSearch.contains(key, ascii: "publisher") { return true }
        return nil
    }

    static let dateBytes = Array("date".utf8)

    /// Whether the UTF-8 of `key` holds "date" (searched in place, no array made per key).
    static func holdsDate(_ key: String) -> Bool {
        var key = key
        return key.withUTF8 { k in dateBytes.withUnsafeBufferPointer { ByteSearch.contains(k, $0) } }
    }
    static let canonicalBytes = Array("canonical".utf8)
    static let authorBytes = Array("author".utf8)

    /// False when `rel` of element `n`, lower-cased and split at spaces, surely has no piece equal
    /// to `word` (lower-case ASCII letters without a "k"): its bytes, ASCII letters lowered, do not
    /// contain the word. Lower-casing maps no scalar to ASCII but U+212A (Kelvin sign, to "k") and
    /// U+0130 (İ, to "i" followed by a combining dot, which a piece equal to the word cannot hold),
    /// and only ASCII letters are canonically equivalent to ASCII letters, so such a piece is made
    /// of the word's letters in the attribute, in either case.
    static func mayHoldRelWord(_ doc: HTMLDocument, _ word: [UInt8], of n: NodeID) -> Bool {
        guard let r = relRange(doc, n) else { return false }
        return doc.containsIgnoringCase(word, in: r)
    }

    /// `doc.attributeRange("rel", of: n)`, the name compared as three bytes in place (every link
    /// and anchor of the page is asked).
    static func relRange(_ doc: HTMLDocument, _ n: NodeID) -> Range<Int>? {
        guard doc.kinds[n.index] == .element else { return nil }
        let lo = Int(doc.dataStart[n.index]), hi = Int(doc.dataEnd[n.index])
        guard lo < hi else { return nil }
        return doc.bytes.withUnsafeBufferPointer { buf -> Range<Int>? in
            doc.attributeRecords.withUnsafeBufferPointer { records -> Range<Int>? in
                for k in lo..<hi {
                    let a = records[k]
                    let s = Int(a.nameStart)
                    if a.nameEnd - a.nameStart == 3, buf[s] == 0x72, buf[s + 1] == 0x65, buf[s + 2] == 0x6C {
                        return Int(a.valueStart)..<Int(a.valueEnd)
                    }
                }
                return nil
            }
        }
    }
    static let ldJSONBytes = Array("ld+json".utf8)

    /// Labels of a Twitter card's extra fields that name the author (`twitter:label1` "Written by").
    static let authorCardLabels: Set<String> = ["written by", "author", "by", "geschrieben von", "écrit par", "escrito por", "autor"]

    /// The authors a Twitter card names in its extra fields: `twitter:dataN` where `twitter:labelN`
    /// is "Written by" (as SEO plugins write them).
    static func labelledAuthors(_ pairs: [(key: String, value: String)]) -> [String] {
        var out: [String] = []
        for (key, label) in pairs where UTF8Scan.hasPrefix(key, "twitter:label") {
            var l = Substring(label.lowercased())
            while l.last == ":" || l.last == " " { l = l.dropLast() }
            guard authorCardLabels.contains(String(l)) else { continue }
            let n = key.dropFirst("twitter:label".count)
            if let v = pairs.first(where: { $0.key == "twitter:data" + n })?.value, !v.isEmpty, v.count <= 80, !out.contains(v) { out.append(v) }
        }
        return out
    }

    static func splitTags(_ s: String, comma: Bool) -> [String] {
        let parts = comma ? splitAtCommas(s) : [s]
        return parts.map { HTMLDocument.collapse($0) }.filter { !$0.isEmpty && UTF8Scan.characterCount(of: $0, isAtMost: 80) }
    }

    /// `s` split at `,`, `;` and `،` Characters, empty parts left out. An ASCII text (no CR, which
    /// would join a following LF) is split at its bytes: there every byte is a Character.
    static func splitAtCommas(_ s: String) -> [String] {
        var ascii = true
        for b in s.utf8 where b >= 0x80 || b == 0x0D { ascii = false; break }
        guard ascii else {
            var s = s
            return s.withUTF8 { separatedBytes($0) } ?? plainSplitAtCommas(s)
        }
        var out: [String] = []
        var start = 0
        let u = Array(s.utf8)
        for (k, b) in u.enumerated() where b == 0x2C || b == 0x3B {
            if k > start { out.append(String(decoding: u[start..<k], as: UTF8.self)) }
            start = k + 1
        }
        if start < u.count { out.append(String(decoding: u[start...], as: UTF8.self)) }
        return out
    }

    /// ``splitAtCommas(_:)`` by Characters (the general path and the tests' reference).
    static func plainSplitAtCommas(_ s: String) -> [String] {
        s.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "،" }).map(String.init)
    }

    /// ``plainSplitAtCommas(_:)`` from the bytes, when each `,`, `;` and `،` is surely a Character of
    /// its own: followed by an ASCII scalar or the end (no mark or joiner extends it) and preceded by
    /// the start or a scalar below U+0600 or in U+0900–U+0DFF (where no scalar is a grapheme
    /// `Prepend`, which alone would draw it into the cluster before). `nil` otherwise. No other
    /// Character equals these single scalars, which nothing decomposes to.
    static func separatedBytes(_ u: UnsafeBufferPointer<UInt8>) -> [String]? {
        var out: [String] = []
        let n = u.count
        var start = 0, k = 0
        while k < n {
            let b = u[k]
            let len: Int
            if b == 0x2C || b == 0x3B {
                len = 1
            } else if b == 0xD8, k + 1 < n, u[k + 1] == 0x8C {  // U+060C ARABIC COMMA
                len = 2
            } else {
                k += 1
                continue
            }
            let after = k + len
            if after < n, u[after] >= 0x80 { return nil }
            if k > 0 {
                var j = k - 1
                while j > 0, u[j] & 0xC0 == 0x80 { j -= 1 }
                let c = u[j]
                let v: UInt32
                if c < 0x80 { v = UInt32(c) }
                else if c < 0xE0 { v = UInt32(c & 0x1F) << 6 | UInt32(u[j + 1] & 0x3F) }
                else if c < 0xF0 { v = UInt32(c & 0x0F) << 12 | UInt32(u[j + 1] & 0x3F) << 6 | UInt32(u[j + 2] & 0x3F) }
                else { return nil }
                guard v < 0x600 || (v >= 0x900 && v < 0xE00 && v != 0xD4E) else { return nil }
            }
            if k > start { out.append(String(decoding: UnsafeBufferPointer(rebasing: u[start..<k]), as: UTF8.self)) }
            start = after
            k = after
        }
        if start < n { out.append(String(decoding: UnsafeBufferPointer(rebasing: u[start..<n]), as: UTF8.self)) }
        return out
    }

    // MARK: JSON-LD

    /// The keys ``readJSONLD(_:into:md:)`` (with ``types(of:)``, ``authors(from:byID:)`` and
    /// ``collectObjects(_:into:depth:)``) reads: the JSON-LD blocks are read with these only
    /// (``LenientJSON/keys``), the other keys' texts (`articleBody`, `sameAs` …) skipped unmade.
    static let jsonLDKeys = LenientJSON.Keys([
        "@id", "@type", "name", "headline", "description", "datePublished", "dateCreated", "uploadDate", "dateModified",
        "author", "creator", "articleSection", "keywords", "publisher", "inLanguage", "alternateName", "url",
        "mainEntityOfPage", "image", "contentUrl", "givenName", "familyName",
    ])

    func readJSONLD(_ root: JSONValue, into b: inout Buckets, md: inout PageMetadata) {
        var objects: [JSONValue] = []
        Self.collectObjects(root, into: &objects, depth: 0)
        var byID: [String: JSONValue] = [:]
        for o in objects { if let id = o["@id"]?.string, byID[id] == nil || (o["name"] != nil) { byID[id] = o } }
        var primary: JSONValue?
        // The types of each object, read once.
        var typesOf: [[String]] = []
        typesOf.reserveCapacity(objects.count)
        for o in objects {
            let types = Self.types(of: o)
            typesOf.append(types)
            md.jsonLDTypes += types
            // A Review is the page's article only when it reads as one (a product widget's reviews have
            // an author and a body, no headline or date).
            if primary == nil, types.contains(where: { $0.lowercased() != "review" && Self.articleTypes.contains($0.lowercased()) })
                || (types.contains { $0.lowercased() == "review" } && (o["headline"] != nil || o["datePublished"] != nil))
            {
                primary = o
            }
        }
        if primary == nil {
            primary = objects.first { $0["headline"] != nil || $0["datePublished"] != nil }
        }
        // Site name from a WebSite or the publisher, wherever it is.
        for (k, o) in objects.enumerated() where typesOf[k].contains("WebSite") {
            if let n = o["name"]?.string { b.siteNames.append(.init(HTMLDocument.collapse(n), .jsonLD)) }
        }
        guard let a = primary else { return }
        if let h = (a["headline"] ?? a["name"])?.list.first?.string, !h.isEmpty { b.titles.append(.init(HTMLDocument.collapse(h), .jsonLD)) }
        if let d = a["description"]?.list.first?.string, !d.isEmpty { b.descriptions.append(.init(HTMLDocument.collapse(d), .jsonLD)) }
        for key in ["datePublished", "dateCreated", "uploadDate"] {
            if let d = a[key]?.list.first?.string, !d.isEmpty { b.published.append(.init(d, .jsonLD)); break }
        }
        if let d = a["dateModified"]?.list.first?.string, !d.isEmpty { b.modified.append(.init(d, .jsonLD)) }
        for v in (a["author"]?.list ?? []) + (a["creator"]?.list ?? []) {
            for author in Self.authors(from: v, byID: byID) where !b.authors.contains(author) { b.authors.append(author) }
        }
        for s in a["articleSection"]?.list ?? [] {
            if let s = s.string.map(HTMLDocument.collapse), !s.isEmpty { b.sections.append(.init(s, .jsonLD)) }
        }
        for k in a["keywords"]?.list ?? [] {
            if let k = k.string { b.tags += Self.splitTags(k, comma: true) }
        }
        if let p = a["publisher"]?.list.first {
            let pub = p["name"] == nil ? (p["@id"]?.string).flatMap { byID[$0] } ?? p : p
            if let n = pub["name"]?.string.map(HTMLDocument.collapse), !n.isEmpty { b.siteNames.insert(.init(n, .jsonLD), at: 0) }
        }
        if let l = a["inLanguage"]?.list.first {
            if let s = l.string { b.languages.append(.init(s, .jsonLD)) }
            else if let s = l["alternateName"]?.string ?? l["name"]?.string { b.languages.append(.init(s, .jsonLD)) }
        }
        if let u = a["url"]?.string, u.hasPrefix("http") { b.canonicalURLs.append(.init(u, .jsonLD)) }
        else if let m = a["mainEntityOfPage"], let u = m.string ?? m["@id"]?.string, u.hasPrefix("http") {
            b.canonicalURLs.append(.init(u, .jsonLD))
        }
        if let img = a["image"]?.list.first, let u = img.string ?? img["url"]?.string ?? img["contentUrl"]?.string {
            b.images.append(.init(u, .jsonLD))
        }
    }

    static func collectObjects(_ v: JSONValue, into out: inout [JSONValue], depth: Int) {
        guard depth < 12 else { return }
        switch v {
        case .array(let items):
            for x in items { collectObjects(x, into: &out, depth: depth + 1) }
        case .object(let pairs):
            out.append(v)
            for (k, x) in pairs where k != "author" && k != "creator" && k != "publisher" {
                switch x {
                case .object, .array: collectObjects(x, into: &out, depth: depth + 1)
                default: break
                }
            }
        default: break
        }
    }

    static func types(of o: JSONValue) -> [String] {
        (o["@type"]?.list ?? []).compactMap { $0.string }.map { t in
            // "http://schema.org/NewsArticle" → "NewsArticle". (A type without a "/" byte has no
            // "/" Character: it is its own last part.)
            guard t.utf8.contains(0x2F) else { return t }
            return t.split(separator: "/").last.map(String.init) ?? t
        }
    }

    static func authors(from v: JSONValue, byID: [String: JSONValue]) -> [PageMetadata.Author] {
        switch v {
        case .string(let s):
            let name = HTMLDocument.collapse(s)
            return name.isEmpty || name.hasPrefix("http") ? [] : [.init(name: name, source: .jsonLD)]
        case .object:
            var o = v
            if o["name"] == nil, let id = o["@id"]?.string, let ref = byID[id] { o = ref }
            let isOrg = types(of: o).contains { organizationTypes.contains($0.lowercased()) }
            var names: [String] = []
            for n in o["name"]?.list ?? [] { if let s = n.string { names.append(s) } }
            if names.isEmpty, let g = o["givenName"]?.string {
                names.append([g, o["familyName"]?.string ?? ""].joined(separator: " "))
            }
            return names.map { HTMLDocument.collapse($0) }.filter { !$0.isEmpty && !$0.hasPrefix("http") }
                .map { .init(name: $0, isOrganization: isOrg, source: .jsonLD) }
        case .array(let items):
            return items.flatMap { authors(from: $0, byID: byID) }
        default:
            return []
        }
    }

    // MARK: Microdata

    /// True when `n` lies in an `<aside>`, `<nav>` or `<footer>`: the dates of the teaser cards of
    /// other articles ("Related content"), not the page's own.
    func inAside(_ doc: HTMLDocument, _ n: NodeID) -> Bool {
        var p = doc.parent(n)
        while let x = p {
            let t = doc.tag(x)
            if t == .aside || t == .nav || t == .footer { return true }
            p = doc.parent(x)
        }
        return false
    }

    func readMicrodata(_ doc: HTMLDocument, into b: inout Buckets) {
        // (The elements with an `itemprop` found in one pass over the attribute records.)
        for (n, r) in doc.elements(havingAttribute: "itemprop") {
            let tag = doc.tag(n)
            if tag == .meta || tag == .link { continue }  // <meta itemprop> is read with the <meta>s
            for p in Self.microdataProperties(doc, r) {
                switch p {
                case .headline:
                    let t = doc.textContent(of: n)
                    if !t.isEmpty, t.count < 400 { b.titles.append(.init(t, .microdata)) }
                case .author:
                    // The name inside (itemprop=name) or the element's text.
                    let inner = doc.descendants(n).first { doc.isElement($0) && doc.attribute("itemprop", of: $0) == "name" }
                    let name = inner.map { doc.attribute("content", of: $0) ?? doc.textContent(of: $0) } ?? doc.textContent(of: n)
                    if !name.isEmpty, name.count < 120 { b.authors.append(.init(name: name, source: .microdata)) }
                case .datePublished:
                    if inAside(doc, n) { continue }
                    if let d = doc.attribute("datetime", of: n) ?? doc.attribute("content", of: n) ?? Optional(doc.textContent(of: n)), !d.isEmpty {
                        b.published.append(.init(d, .microdata))
                    }
                case .dateModified:
                    if inAside(doc, n) { continue }
                    if let d = doc.attribute("datetime", of: n) ?? doc.attribute("content", of: n) ?? Optional(doc.textContent(of: n)), !d.isEmpty {
                        b.modified.append(.init(d, .microdata))
                    }
                case .articleSection:
                    let t = doc.textContent(of: n)
                    if !t.isEmpty, t.count < 80 { b.sections.append(.init(t, .microdata)) }
                }
            }
        }
    }

    /// The `itemprop` names ``readMicrodata(_:into:)`` reads.
    enum MicrodataProperty: Equatable { case headline, author, datePublished, dateModified, articleSection }

    /// The names ``readMicrodata(_:into:)`` reads, lower-cased, as ``MicrodataProperty``.
    static let microdataNames: [String: MicrodataProperty] = [
        "headline": .headline, "author": .author, "creator": .author, "datepublished": .datePublished,
        "datemodified": .dateModified, "articlesection": .articleSection,
    ]

    /// The properties read of the `itemprop` value at `r`, in order: `value.split(separator: " ")`,
    /// each piece lower-cased and looked up in ``microdataNames``. An ASCII value (where every byte
    /// but a CR before a LF is a Character, and a space always one of its own) is split and
    /// lowered as bytes; any other as Strings (``plainMicrodataProperties(_:)``).
    static func microdataProperties(_ doc: HTMLDocument, _ r: Range<Int>) -> [MicrodataProperty] {
        let ascii = doc.bytes.withUnsafeBufferPointer { buf -> [MicrodataProperty]? in
            var high: UInt8 = 0
            for k in r { high |= buf[k] }
            guard high < 0x80 else { return nil }
            var out: [MicrodataProperty] = []
            var k = r.lowerBound
            while k < r.upperBound {
                while k < r.upperBound, buf[k] == 0x20 { k += 1 }
                let start = k
                while k < r.upperBound, buf[k] != 0x20 { k += 1 }
                // The longest name is "articlesection" (14 bytes).
                guard k > start, k - start <= 14 else { continue }
                let lowered = String(unsafeUninitializedCapacity: k - start) { o in
                    for j in start..<k { let c = buf[j]; o[j - start] = c &- 0x41 < 26 ? c | 0x20 : c }
                    return k - start
                }
                if let p = microdataNames[lowered] { out.append(p) }
            }
            return out
        }
        return ascii ?? plainMicrodataProperties(doc.string(r))
    }

    /// ``microdataProperties(_:_:)`` on the String (the general path and the tests' reference).
    static func plainMicrodataProperties(_ value: String) -> [MicrodataProperty] {
        value.split(separator: " ").compactMap { microdataNames[$0.lowercased()] }
    }
}
