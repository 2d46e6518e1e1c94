/// What a page says about itself in its markup: JSON-LD, OpenGraph and `article:*`, Twitter cards,
/// `<meta>` names, microdata, `<time datetime>`, `<link rel=canonical>` and `<html lang>`.
///
/// Values are raw (trimmed, entity-decoded), one list per field in order of precedence (best first,
/// see ``MetadataExtractor``); ``FieldResolver`` decides what goes into the record.
public struct PageMetadata: Sendable, Equatable {
    /// Where a value came from.
    public enum Source: String, Sendable, Equatable {
        case jsonLD, openGraph, twitter, meta, microdata, timeElement, link, html
    }

    /// A value with its source.
    public struct Value: Sendable, Equatable {
        public var value: String
        public var source: Source
        public init(_ value: String, _ source: Source) {
            self.value = value
            self.source = source
        }
    }

    /// A credited author as the markup gives it.
    public struct Author: Sendable, Equatable {
        public var name: String
        /// True for `@type: Organization` (or NewsMediaOrganization …) in JSON-LD.
        public var isOrganization: Bool
        public var source: Source
        public init(name: String, isOrganization: Bool = false, source: Source) {
            self.name = name
            self.isOrganization = isOrganization
            self.source = source
        }
    }

    /// Headline candidates: JSON-LD `headline`/`name`, `og:title`, `twitter:title`, microdata
    /// `headline`, `<meta name=title>`.
    public var titles: [Value] = []
    /// The `<title>` element's text.
    public var htmlTitle: String?
    public var descriptions: [Value] = []
    public var authors: [Author] = []
    /// Publication date candidates, best first.
    public var published: [Value] = []
    /// Modification date candidates, best first.
    public var modified: [Value] = []
    public var sections: [Value] = []
    public var tags: [String] = []
    public var siteNames: [Value] = []
    public var canonicalURLs: [Value] = []
    /// Declared languages: `<html lang>`, `og:locale`, JSON-LD `inLanguage`, `content-language`.
    public var languages: [Value] = []
    public var images: [Value] = []
    /// `@type`s of the JSON-LD objects (e.g. `NewsArticle`, `WebPage`, `Product`), in order.
    public var jsonLDTypes: [String] = []
    /// `og:type` (`article`, `website` …).
    public var ogType: String?

    public init() {}
}
