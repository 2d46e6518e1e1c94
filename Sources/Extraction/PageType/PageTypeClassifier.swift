import Schemas

/// The page-type stage: is this page an article, or a listing, forum, product, documentation or
/// service page? Judged from structure and markup, never from the site:
/// - markup: JSON-LD `@type` (NewsArticle, Product, DiscussionForumPosting, CollectionPage …) and `og:type`;
/// - structure: how much running text the content stage found, link density, repeated teasers
///   (many `<article>` cards, many linked headings), forms to buy, threads of posts;
/// - URL path words (`/tag/`, `/category/`, `/products/`, `/docs/`, `/forum/`, `/t/`).
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
    }

    public func classify(_ doc: HTMLDocument, content: ContentResult, signals: Signals) -> ArticleRecord.PageType {
        let types = Set(signals.jsonLDTypes.map { $0.lowercased() })
        let articleTypes: Set<String> = ["newsarticle", "article", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                                         "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "liveblogposting",
                                         "scholarlyarticle", "socialmediaposting", "report", "posting"]
        let hasArticleType = !types.isDisjoint(with: articleTypes)
        let path = Self.path(signals.url)

        // Body statistics.
        let paragraphs = content.blocks.filter { $0.type == .paragraph }
        let longParagraphs = paragraphs.filter { $0.text.count >= 100 }.count
        let bodyChars = content.blocks.reduce(0) { $0 + $1.text.count }

        // Teasers: many <article> cards, or many headings that are links.
        let articleCards = doc.elementCount(.article)
        var linkedHeadings = 0
        for t in [HTMLTag.h2, .h3, .h4] {
            for h in doc.elements(t) where !doc.elements(.a, in: h).isEmpty || doc.hasAncestor(h, tag: .a) { linkedHeadings += 1 }
        }

        // Landing/service pages: many headings over short blurbs, short lines as "paragraphs".
        let paragraphLengths = paragraphs.map { $0.text.unicodeScalars.count }.sorted()
        let medianParagraph = paragraphLengths.isEmpty ? 0 : paragraphLengths[paragraphLengths.count / 2]
        let headings = content.blocks.filter { $0.type == .heading }.count
        let charsPerHeading = content.blocks.reduce(0) { $0 + $1.text.unicodeScalars.count } / (headings + 1)
        let timestampsInContent = content.root.map { doc.elements(.time, in: $0).count } ?? 0

        // Strong markup first.
        if !hasArticleType {
            if types.contains("product") || signals.ogType == "product" || signals.ogType == "og:product" { return .product }
            // An app or a service described by its own markup is a service page.
            if !types.isDisjoint(with: ["softwareapplication", "webapplication", "mobileapplication", "service"]) { return .service }
            // An Offer sells a product unless it belongs to a course or an event (a guide's page may list one).
            if types.contains("offer") && types.isDisjoint(with: ["course", "courseinstance", "event"]) { return .product }
            // A Question/Answer pair alone is usually an FAQ block on an article or a service page
            // (FAQPage markup); only QAPage and forum postings mark a thread.
            if types.contains("discussionforumposting") || types.contains("qapage") { return .forum }
            if types.contains("collectionpage") || types.contains("itemlist") || types.contains("searchresultspage") {
                if longParagraphs < 6 { return .listing }
            }
            if types.contains("techarticle") || types.contains("apireference") { return .documentation }
        }

        var score = 0.0  // > 0: article
        if hasArticleType { score += 3 }
        if signals.ogType == "article" { score += 1 }
        if signals.hasPublishedDate { score += 2 }
        if signals.hasAuthor { score += 1 }
        if !signals.hasPublishedDate && !hasArticleType { score -= 1.5 }
        if content.headlineNode != nil { score += 0.5 }
        if longParagraphs >= 5 { score += 2 } else if longParagraphs >= 3 { score += 1 } else if longParagraphs == 0 { score -= 2 }
        if bodyChars < 400 { score -= 2 } else if bodyChars > 2000 { score += 1 }
        if articleCards >= 6 { score -= 2 }
        if linkedHeadings >= 8 { score -= 2 } else if linkedHeadings >= 4 { score -= 1 }
        for w in ["/tag/", "/tags/", "/category/", "/categories/", "/topic/", "/topics/", "/search", "/section/", "/archive"] where path.contains(w) {
            score -= 2
        }
        for w in ["/product/", "/products/", "/shop/", "/p/", "/dp/", "/item/", "/collections/"] where path.contains(w) { score -= 2 }
        for w in ["/docs/", "/doc/", "/documentation/", "/reference/", "/api/", "/manual/", "/guide/", "/guides/"] where path.contains(w) { score -= 1.5 }
        for w in ["/forum/", "/forums/", "/t/", "/thread/", "/threads/", "/questions/", "/community/", "/discussion/"] where path.contains(w) { score -= 2 }
        // Article URLs carry a slug of several words or a numeric id; landing, shop and docs
        // pages rarely do. A site calling itself a "website" and code listings lean the same way.
        score += Self.hasArticleURL(path) ? 1 : -1.5
        if !signals.hasPublishedDate && !hasArticleType && (medianParagraph < 40 || charsPerHeading < 250) { score -= 3 }
        if !hasArticleType {
            // A thread: each post in the main region carries its own timestamp.
            if timestampsInContent >= 3, signals.ogType != "article" { score -= 3 }
            if signals.ogType == "website" { score -= 1.5 }
            if doc.elementCount(.pre) >= 3 { score -= 2 }
        }
        if score > -1 { return .article }

        // Which kind of non-article.
        if path.contains("/product") || path.contains("/shop") || path.contains("/dp/") || path.contains("/p/") || Self.hasBuyButton(doc) {
            return path.contains("/collections/") || articleCards >= 6 ? .listing : .product
        }
        if path.contains("/forum") || path.contains("/t/") || path.contains("/thread") || path.contains("/questions/") || path.contains("/community")
            || (timestampsInContent >= 3 && !hasArticleType && signals.ogType != "article") {
            return .forum
        }
        if path.contains("/docs") || path.contains("/doc/") || path.contains("/documentation") || path.contains("/reference") || path.contains("/manual") || path.contains("/api/") {
            return .documentation
        }
        if articleCards >= 6 || linkedHeadings >= 8 || path.contains("/tag") || path.contains("/categor") || path.contains("/topic") || path.contains("/search") {
            return .listing
        }
        return .service
    }

    static func path(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url.lowercased() }
        let rest = url[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...]).lowercased()
    }

    /// Whether a URL path looks like an article's: a last segment of four or more words
    /// ("/2024/05/city-council-approves-budget") or a number of four or more digits anywhere.
    static func hasArticleURL(_ path: String) -> Bool {
        var bytes = Array(path.utf8)
        if let q = bytes.firstIndex(where: { $0 == 0x3F || $0 == 0x23 }) { bytes.removeSubrange(q...) }
        var digits = 0
        for b in bytes {
            if b >= 0x30 && b <= 0x39 { digits += 1; if digits >= 4 { return true } } else { digits = 0 }
        }
        while bytes.last == 0x2F { bytes.removeLast() }
        var segment = Array(bytes[(bytes.lastIndex(of: 0x2F).map { $0 + 1 } ?? 0)...])
        if let dot = segment.lastIndex(of: 0x2E) { segment.removeSubrange(dot...) }
        var words = 0, inWord = false
        for b in segment {
            let separator = b == 0x2D || b == 0x5F || b == 0x2B
            if !separator && !inWord { words += 1 }
            inWord = !separator
        }
        return words >= 4
    }

    /// A shop page has an add-to-cart / buy button.
    static func hasBuyButton(_ doc: HTMLDocument) -> Bool {
        for b in doc.elements(.button) + doc.elements(.input) {
            let t = (doc.textContent(of: b) + " " + (doc.attribute("value", of: b) ?? "") + " " + doc.classAndID(b)).lowercased()
            if t.contains("add to cart") || t.contains("add to bag") || t.contains("add-to-cart") || t.contains("buy now") || t.contains("in den warenkorb") {
                return true
            }
        }
        return false
    }
}
