import Foundation

/// The output of the pipeline: one structured article record (schema `article/v1`).
///
/// Every key is always present in the JSON (absent values are `null` or empty), keys are sorted,
/// and the encoding is byte-for-byte deterministic for the same page and extractor version: the
/// record holds no wall-clock field. See `Resources/article.v1.schema.json`.
public struct ArticleRecord: Codable, Sendable, Equatable {
    /// The schema identifier of this record, always ``ArticleRecord/schemaID``.
    public var schema: String
    /// Stable id: hex SHA-256 (first 32 hex digits) of the normalised canonical URL.
    public var id: String
    /// The URL the page was fetched from.
    public var url: String
    /// The page's canonical URL (`<link rel=canonical>`, `og:url`, JSON-LD), else `url`.
    public var canonicalURL: String
    /// The publishing site.
    public var site: Site
    /// BCP 47 language tag of the article text (e.g. `bn`, `en`, `de`).
    public var language: String?
    /// The on-page headline.
    public var headline: String?
    /// The standfirst / description (meta or JSON-LD description).
    public var description: String?
    /// The people and organisations credited, one entry each.
    public var authors: [Author]
    /// The byline as printed on the page.
    public var byline: String?
    /// First publication time, RFC 3339 with offset.
    public var publishedAt: String?
    /// Last modification time, RFC 3339 with offset.
    public var modifiedAt: String?
    /// True when the offset of `published_at`/`modified_at` was not on the page but inferred
    /// (from the site's country, e.g. +06:00 for Bangladesh).
    public var timezoneInferred: Bool
    /// Section or category (e.g. "World", "আন্তর্জাতিক").
    public var section: String?
    /// Keywords / tags.
    public var tags: [String]
    /// The lead image with caption and credit.
    public var leadImage: Image?
    /// Further images of the article body, in page order.
    public var images: [Image]
    /// The article body as blocks, in reading order.
    public var body: [Block]
    /// The body's text: blocks joined by blank lines.
    public var text: String
    /// Words in `text`.
    public var wordCount: Int
    /// Wire agencies credited in the text (e.g. "Reuters", "AFP", "BSS").
    public var attributions: [String]
    /// What the page is: ``PageType/article`` or another kind.
    public var pageType: PageType
    /// The extractor version that made this record.
    public var extractorVersion: String
    /// Where the page came from in the stream; `nil` when extracted offline.
    public var source: Source?

    /// The value of ``schema``.
    public static let schemaID = "article/v1"

    public init(
        id: String,
        url: String,
        canonicalURL: String,
        site: Site,
        language: String? = nil,
        headline: String? = nil,
        description: String? = nil,
        authors: [Author] = [],
        byline: String? = nil,
        publishedAt: String? = nil,
        modifiedAt: String? = nil,
        timezoneInferred: Bool = false,
        section: String? = nil,
        tags: [String] = [],
        leadImage: Image? = nil,
        images: [Image] = [],
        body: [Block] = [],
        attributions: [String] = [],
        pageType: PageType = .article,
        extractorVersion: String,
        source: Source? = nil
    ) {
        self.schema = Self.schemaID
        self.id = id
        self.url = url
        self.canonicalURL = canonicalURL
        self.site = site
        self.language = language
        self.headline = headline
        self.description = description
        self.authors = authors
        self.byline = byline
        self.publishedAt = publishedAt
        self.modifiedAt = modifiedAt
        self.timezoneInferred = timezoneInferred
        self.section = section
        self.tags = tags
        self.leadImage = leadImage
        self.images = images
        self.body = body
        self.text = Self.joinedText(body)
        self.wordCount = Self.countWords(self.text)
        self.attributions = attributions
        self.pageType = pageType
        self.extractorVersion = extractorVersion
        self.source = source
    }

    /// Replaces the body and recomputes `text` and `word_count` from it.
    public mutating func setBody(_ blocks: [Block]) {
        body = blocks
        text = Self.joinedText(blocks)
        wordCount = Self.countWords(text)
    }

    /// Blocks joined by blank lines.
    public static func joinedText(_ blocks: [Block]) -> String {
        // (Appended into one exact allocation: `map` + `joined(separator:)` made an array and grew
        // the text from an underestimate.)
        guard blocks.count > 1 else { return blocks.first?.text ?? "" }
        var bytes = 2 * (blocks.count - 1)
        for b in blocks { bytes += b.text.utf8.count }
        var out = ""
        out.reserveCapacity(bytes)
        out.append(blocks[0].text)
        for b in blocks.dropFirst() {
            out.append("\n\n")
            out.append(b.text)
        }
        return out
    }

    /// Counts runs of letters, digits and combining marks (so Bengali words are not split at vowel signs).
    public static func countWords(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { u in
            // Decodes the (always valid) UTF-8 directly: iterating `unicodeScalars` cost twice as much.
            var count = 0
            var inWord = false
            let table = wordCharTable
            var i = 0
            let n = u.count
            while i < n {
                let b = u[i]
                let v: Int
                if b < 0x80 {
                    // Eight ASCII bytes at a time: word characters there are exactly [0-9A-Za-z].
                    // (Tried only from an ASCII byte: in Bengali text most scalars start a word
                    // that cannot pass, and the load and test were a quarter of the work.)
                    if i &+ 8 <= n {
                        let word = UnsafeRawPointer(u.baseAddress! + i).loadUnaligned(as: UInt64.self)
                        if word & 0x8080_8080_8080_8080 == 0 {
                            let chars = Self.asciiWordCharacters(word)
                            count &+= (chars & ~(chars << 8 | (inWord ? 1 : 0))).nonzeroBitCount
                            inWord = chars >> 56 != 0
                            i &+= 8
                            continue
                        }
                    }
                    v = Int(b); i &+= 1
                } else if b < 0xE0 {
                    v = Int(b & 0x1F) << 6 | Int(u[i + 1] & 0x3F); i &+= 2
                } else if b < 0xF0 {
                    v = Int(b & 0x0F) << 12 | Int(u[i + 1] & 0x3F) << 6 | Int(u[i + 2] & 0x3F); i &+= 3
                } else {
                    v = Int(b & 0x07) << 18 | Int(u[i + 1] & 0x3F) << 12 | Int(u[i + 2] & 0x3F) << 6 | Int(u[i + 3] & 0x3F)
                    i &+= 4
                }
                let wordChar = v < table.count ? table[v] : isWordCharacter(Unicode.Scalar(UInt32(v))!)
                if wordChar {
                    if !inWord { count += 1; inWord = true }
                } else {
                    inWord = false
                }
            }
            return count
        }
    }

    /// For eight ASCII bytes (no high bit set): 1 in the lowest bit of each byte that is a letter or a
    /// digit, 0 elsewhere. Each byte is compared with its ranges by adding an offset that carries into
    /// its high bit exactly when it is at or above a bound; bytes below 0x80 never carry further.
    @inline(__always)
    static func asciiWordCharacters(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let lower = word | (ones &* 0x20)  // A-Z to a-z; digits keep their value
        let letter = (lower &+ ones &* (0x80 - 0x61)) & ~(lower &+ ones &* (0x80 - 0x7B))
        let digit = (word &+ ones &* (0x80 - 0x30)) & ~(word &+ ones &* (0x80 - 0x3A))
        return ((letter | digit) & high) >> 7
    }

    /// Letters, digits and combining marks: what ``countWords(_:)`` counts as part of a word.
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        // The same disjunction as the plain reading (``plainIsWordCharacter(_:)``), its parts ordered
        // by cost: the general category read once (letters are all alphabetic, decimal digits all
        // numeric), the other two lookups only for the categories that may hold either.
        let p = scalar.properties
        switch p.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber:
            return true
        case .unassigned, .control, .spaceSeparator, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol:
            // (No scalar of these is alphabetic or numeric: the test over every scalar checks it.)
            return false
        default:
            return p.isAlphabetic || p.numericType != nil
        }
    }

    /// ``isWordCharacter(_:)`` as first written (the tests' reference).
    static func plainIsWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let p = scalar.properties
        return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
            || p.generalCategory == .spacingMark || p.generalCategory == .enclosingMark
    }

    /// ``isWordCharacter(_:)`` precomputed for U+0000–U+2FFF (Latin, Cyrillic, Greek, Arabic, the
    /// Indic scripts incl. Bengali and Devanagari, …): Unicode property lookups per scalar were about
    /// 6 % of extraction time.
    private static let wordCharTable: [Bool] = (0..<0x3000).map { v in
        Unicode.Scalar(UInt32(v)).map(isWordCharacter) ?? false
    }

    // MARK: Nested types

    /// The publishing site.
    public struct Site: Codable, Sendable, Equatable {
        /// The site's name (`og:site_name`, JSON-LD publisher), if known.
        public var name: String?
        /// The host of the canonical URL, without a leading `www.`.
        public var domain: String
        public init(name: String? = nil, domain: String) {
            self.name = name
            self.domain = domain
        }
    }

    /// A person or organisation credited for the article.
    public struct Author: Codable, Sendable, Equatable {
        /// The name as printed (e.g. "কালবেলা ডেস্ক", "Jane Doe").
        public var name: String
        /// The role, when known: see ``AuthorRole``.
        public var role: AuthorRole?
        public init(name: String, role: AuthorRole? = nil) {
            self.name = name
            self.role = role
        }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(role, forKey: .role)
        }
    }

    /// The role an author plays.
    public enum AuthorRole: String, Codable, Sendable, Equatable, CaseIterable {
        /// A named reporter or writer.
        case reporter
        /// A desk (e.g. "কালবেলা ডেস্ক", "International Desk").
        case desk
        /// A staff reporter credited without a name (e.g. "নিজস্ব প্রতিবেদক", "Staff Reporter").
        case staff
        /// A correspondent, usually with a place (the place is not part of the name).
        case correspondent
        /// A wire agency credited as author (e.g. "বাসস", "AFP").
        case agency
        /// An editor, photographer or other contributor.
        case contributor
    }

    /// An image with its caption and credit.
    public struct Image: Codable, Sendable, Equatable {
        /// Absolute image URL.
        public var url: String
        /// The caption, without the credit.
        public var caption: String?
        /// The credit (e.g. "সংগৃহীত", "Reuters").
        public var credit: String?
        public init(url: String, caption: String? = nil, credit: String? = nil) {
            self.url = url
            self.caption = caption
            self.credit = credit
        }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(url, forKey: .url)
            try c.encode(caption, forKey: .caption)
            try c.encode(credit, forKey: .credit)
        }
    }

    /// One block of the body.
    public struct Block: Codable, Sendable, Equatable {
        /// The kind of block.
        public var type: BlockType
        /// The block's text; list items are joined by newlines.
        public var text: String
        public init(type: BlockType, text: String) {
            self.type = type
            self.text = text
        }
    }

    /// The kinds of body block.
    public enum BlockType: String, Codable, Sendable, Equatable, CaseIterable {
        case paragraph, heading, quote, list
    }

    /// What kind of page this is.
    public enum PageType: String, Codable, Sendable, Equatable, CaseIterable {
        /// A single article (news, feature, opinion, blog post).
        case article
        /// A section front, tag page, search result or other list of links to articles.
        case listing
        /// A forum or discussion thread.
        case forum
        /// A product or shop page.
        case product
        /// Documentation, reference or help pages.
        case documentation
        /// A service, company or landing page.
        case service
        /// Anything else that is not an article.
        case other
    }

    /// Where the page came from in the stream.
    public struct Source: Codable, Sendable, Equatable {
        public var topic: String
        public var partition: Int32
        public var offset: Int64
        /// Hex SHA-256 of the page bytes as received.
        public var contentSHA256: String
        public init(topic: String, partition: Int32, offset: Int64, contentSHA256: String) {
            self.topic = topic
            self.partition = partition
            self.offset = offset
            self.contentSHA256 = contentSHA256
        }
        enum CodingKeys: String, CodingKey {
            case topic, partition, offset
            case contentSHA256 = "content_sha256"
        }
    }

    // MARK: Codable

    enum CodingKeys: String, CodingKey {
        case schema, id, url
        case canonicalURL = "canonical_url"
        case site, language, headline, description, authors, byline
        case publishedAt = "published_at"
        case modifiedAt = "modified_at"
        case timezoneInferred = "timezone_inferred"
        case section, tags
        case leadImage = "lead_image"
        case images, body, text
        case wordCount = "word_count"
        case attributions
        case pageType = "page_type"
        case extractorVersion = "extractor_version"
        case source
    }

    /// Encodes every key, `null` for absent values.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schema, forKey: .schema)
        try c.encode(id, forKey: .id)
        try c.encode(url, forKey: .url)
        try c.encode(canonicalURL, forKey: .canonicalURL)
        try c.encode(site, forKey: .site)
        try c.encode(language, forKey: .language)
        try c.encode(headline, forKey: .headline)
        try c.encode(description, forKey: .description)
        try c.encode(authors, forKey: .authors)
        try c.encode(byline, forKey: .byline)
        try c.encode(publishedAt, forKey: .publishedAt)
        try c.encode(modifiedAt, forKey: .modifiedAt)
        try c.encode(timezoneInferred, forKey: .timezoneInferred)
        try c.encode(section, forKey: .section)
        try c.encode(tags, forKey: .tags)
        try c.encode(leadImage, forKey: .leadImage)
        try c.encode(images, forKey: .images)
        try c.encode(body, forKey: .body)
        try c.encode(text, forKey: .text)
        try c.encode(wordCount, forKey: .wordCount)
        try c.encode(attributions, forKey: .attributions)
        try c.encode(pageType, forKey: .pageType)
        try c.encode(extractorVersion, forKey: .extractorVersion)
        try c.encode(source, forKey: .source)
    }
}

extension ArticleRecord.Site {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(domain, forKey: .domain)
    }
}
