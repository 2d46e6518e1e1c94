import Schemas

/// The record stage: puts the outputs of the other stages together into an ``Schemas/ArticleRecord``.
public struct RecordAssembler: Sendable {
    public init() {}

    /// The record of `page`; `canonicalURL` (from the metadata stage) wins over `<link rel=canonical>`.
    public func assemble(page: RawPage, document: HTMLDocument, content: ContentResult, canonicalURL: String? = nil) -> ArticleRecord {
        let canonical = canonicalURL ?? Self.canonicalURL(document, pageURL: page.url)
        var record = ArticleRecord(
            id: CanonicalURL.recordID(for: canonical),
            url: page.url,
            canonicalURL: canonical,
            site: .init(name: nil, domain: CanonicalURL.domain(of: canonical)),
            headline: Self.headline(document),
            leadImage: content.leadImage,
            images: content.images,
            extractorVersion: ExtractorVersion.current)
        record.setBody(content.recordBlocks)
        return record
    }

    /// `<link rel=canonical>` resolved against the page URL, when it is an http(s) URL; else the page URL.
    static func canonicalURL(_ doc: HTMLDocument, pageURL: String) -> String {
        for l in doc.elements(.link) {
            guard let rel = doc.attribute("rel", of: l)?.lowercased(), rel.split(separator: " ").contains("canonical"),
                  let href = doc.attribute("href", of: l),
                  let abs = CanonicalURL.resolve(href, against: pageURL),
                  abs.hasPrefix("http") else { continue }
            return abs
        }
        return pageURL
    }

    /// A first headline: `og:title`, else the first `<h1>`, else `<title>`.
    static func headline(_ doc: HTMLDocument) -> String? {
        for m in doc.elements(.meta) where doc.attribute("property", of: m) == "og:title" {
            if let c = doc.attribute("content", of: m).map(HTMLDocument.collapse), !c.isEmpty { return c }
        }
        if let h = doc.elements(.h1).first {
            let t = doc.textContent(of: h)
            if !t.isEmpty { return t }
        }
        return doc.title
    }
}
