import Schemas

/// The page-type stage: is this page an article, or a listing, forum, product, documentation or
/// service page? Judged from structure and markup, never from the site.
///
/// 1. Markup that is certain decides alone: `og:type=product` or Product JSON-LD without article
///    markup is a product page; `DiscussionForumPosting`/`QAPage` without article markup a forum.
/// 2. Otherwise a logistic model (``PageTypeModel``, learned by `scripts/train-page-type`) weighs
///    the ``PageTypeFeatures``: markup types, a dated byline, how much running text the content
///    stage found and how it is shaped, link and list density, teaser cards, forms, URL shape.
/// 3. A page the model rejects is given the kind its markup, URL words and structure point to.
public struct PageTypeClassifier: Sendable {
    public init() {}

    /// Signals the classifier reads, gathered by the caller from the other stages.
    public struct Signals: Sendable {
        /// JSON-LD `@type` values of the page.
        public var jsonLDTypes: [String] = []
        /// `og:type`, lower case.
        public var ogType: String?
        /// True when the page carries a publication date.
        public var hasPublishedDate = false
        /// True when the page credits an author.
        public var hasAuthor = false
        /// The page URL.
        public var url: String = ""
        public init() {}

        /// The signals of a page from the metadata and field stages.
        public init(metadata: PageMetadata, fields: ResolvedFields, url: String) {
            jsonLDTypes = metadata.jsonLDTypes
            ogType = metadata.ogType?.lowercased()
            hasPublishedDate = fields.publishedAt != nil
            hasAuthor = !fields.authors.isEmpty
            self.url = url
        }
    }

    // MARK: Classifying

    public func classify(_ doc: HTMLDocument, content: ContentResult, signals: Signals) -> ArticleRecord.PageType {
        let features = PageTypeFeatures(doc, content: content, signals: signals)
        return classify(features, signals: signals)
    }

    /// The page type from computed features (and the markup types for the certain rules).
    public func classify(_ f: PageTypeFeatures, signals: Signals) -> ArticleRecord.PageType {
        if let certain = Self.certainType(f, signals: signals) { return certain }
        if PageTypeModel.articleLogit(f) > 0 { return .article }
        return Self.nonArticleKind(f, signals: signals)
    }

    /// Markup that decides alone.
    static func certainType(_ f: PageTypeFeatures, signals: Signals) -> ArticleRecord.PageType? {
        guard f[.ldArticle] == 0 else { return nil }
        if signals.ogType == "product" || signals.ogType == "og:product" || signals.jsonLDTypes.contains(where: { $0.lowercased() == "product" }) {
            return .product
        }
        if f[.ldForum] == 1 { return .forum }
        return nil
    }

    /// Which kind of non-article: markup first, then URL words, then structure.
    static func nonArticleKind(_ f: PageTypeFeatures, signals: Signals) -> ArticleRecord.PageType {
        // An app or a service described by its own markup (its Offer is the service's price).
        if f[.ldAppOrService] == 1 { return .service }
        if f[.ldProduct] == 1 || f[.urlProductWord] == 1 || f[.buyButton] == 1 {
            return f[.urlListingWord] == 1 || f[.logLinkedHeadings] >= PageTypeFeatures.log(8) || f[.logImageLinks] >= PageTypeFeatures.log(12)
                ? .listing : .product
        }
        if f[.urlForumWord] == 1 || f[.logRootTimes] >= PageTypeFeatures.log(3) { return .forum }
        if f[.ldTechDoc] == 1 || f[.urlDocWord] == 1 || f[.logPre] >= PageTypeFeatures.log(3) { return .documentation }
        if f[.ldListing] == 1 || f[.urlListingWord] == 1 || f[.logArticleElements] >= PageTypeFeatures.log(6)
            || f[.logLinkedHeadings] >= PageTypeFeatures.log(8)
        {
            return .listing
        }
        return .service
    }

    // MARK: Helpers

    /// A shop page has an add-to-cart / buy button.
    static let buyPhrases: [(text: String, bytes: [UInt8])] = ["add to cart", "add to bag", "add-to-cart", "buy now", "in den warenkorb"]
        .map { ($0, Array($0.utf8)) }

    static func hasBuyButton(_ doc: HTMLDocument) -> Bool {
        let submits = doc.elements(.input).filter { i in
            let t = doc.attribute("type", of: i)?.lowercased()
            return t == "submit" || t == "button" || t == "image"
        }
        for b in doc.elements(.button) + submits {
            let joined = doc.textContent(of: b) + " " + (doc.attribute("value", of: b) ?? "") + " " + doc.classAndID(b)
            // A byte search first, on the bytes of `joined.lowercased()` (made without the String):
            // Foundation's `contains` (kept for the verdict) was a hot spot, and none of these ASCII
            // phrases can match where its bytes are absent.
            let bytes = CaseMapping.lowercasedBytes(joined)
            for phrase in Self.buyPhrases where UTF8Scan.contains(bytes, phrase.bytes) && joined.lowercased().contains(phrase.text) {
                return true
            }
        }
        return false
    }
}
