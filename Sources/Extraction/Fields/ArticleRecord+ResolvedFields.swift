import Schemas

extension ArticleRecord {
    /// Copies the fields decided by ``FieldResolver`` into the record. A field the resolver left
    /// empty keeps the record's value (the site name, headline); the canonical URL is not touched.
    public mutating func apply(_ f: ResolvedFields) {
        if let h = f.headline, !h.isEmpty { headline = h }
        description = f.description
        authors = f.authors
        byline = f.byline
        publishedAt = f.publishedAt
        modifiedAt = f.modifiedAt
        timezoneInferred = f.timezoneInferred
        section = f.section
        tags = f.tags
        if let s = f.siteName { site.name = s }
        attributions = f.attributions
        language = f.language
    }
}
