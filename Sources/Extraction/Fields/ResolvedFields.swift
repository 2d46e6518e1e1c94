import Schemas

/// The record fields decided by ``FieldResolver``: everything except the body, images, ids and page type.
public struct ResolvedFields: Sendable, Equatable {
    /// The on-page headline.
    public var headline: String?
    public var description: String?
    public var authors: [ArticleRecord.Author] = []
    /// The byline as printed on the page, when one was found.
    public var byline: String?
    /// RFC 3339 with offset, or `YYYY-MM-DD` when only the day is known (see ``ParsedDate/recordValue(fallbackOffset:)``).
    public var publishedAt: String?
    public var modifiedAt: String?
    /// True when an offset in `publishedAt`/`modifiedAt` was inferred from the site's country or language.
    public var timezoneInferred: Bool = false
    public var section: String?
    public var tags: [String] = []
    /// The site's name (`og:site_name`, JSON-LD publisher).
    public var siteName: String?
    /// Canonical names of the wire agencies credited in the body.
    public var attributions: [String] = []
    /// BCP 47 tag of the article's language.
    public var language: String?

    public init() {}
}
