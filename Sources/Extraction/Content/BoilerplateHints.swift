/// Class/id hints, ARIA roles and phrases that mark boilerplate (or content), in many languages.
///
/// Modelled on Readability's "unlikely candidates" and trafilatura's discard lists, with the
/// patterns of South Asian news sites (Bengali, Hindi) added.
enum BoilerplateHints {
    // MARK: class / id

    /// Substrings of `class`/`id` that mark a boilerplate element.
    static let negativeSubstrings: [String] = [
        "sidebar", "related", "comment", "disqus", "share", "sharing", "social", "newsletter", "subscri",
        "breadcrumb", "cookie", "consent", "gdpr", "footer", "navbar", "navigation", "menu", "promo", "popular",
        "trending", "most-read", "mostread", "most_read", "recommend", "taboola", "outbrain", "sponsor", "advert",
        "banner", "popup", "modal", "paywall", "signup", "sign-up", "login", "masthead", "skip-link", "pagination",
        "pager", "widget", "tag-list", "taglist", "tags-", "post-tags", "article-tags", "news-tags", "topic-list",
        "author-bio", "authorbio", "author-box", "about-author", "bio-box", "more-news", "morenews", "more-stories",
        "read-more", "readmore", "also-read", "alsoread", "see-also", "next-article", "prev-next", "print-",
        "toolbar", "follow", "google-news", "latest-news", "latest-item", "jump-link", "tab-news", "ticker", "rating",
        "byline", "dateline", "publish-time", "post-meta", "entry-meta", "article-meta", "meta-info", "timestamp",
        "author-area", "reporter", "edition", "hidden", "visually-hidden", "sr-only", "screen-reader", "offscreen",
        "caption", "credit", "gallery-nav", "video-player", "player-wrap", "embed-", "inline-ad", "ad-slot", "ad-container",
        "adslot", "ads-", "-ads", "adunit", "dfp", "gpt-ad", "teaser-list", "card-list", "headlines", "newsticker",
    ]

    /// Whole `class`/`id` tokens that mark a boilerplate element (short words that would match
    /// inside other words as substrings).
    static let negativeTokens: Set<String> = [
        "ad", "ads", "adv", "nav", "tags", "tag", "meta", "share", "social", "author", "date", "time", "print",
        "hide", "hidden", "rss", "more", "extra", "aside", "complementary", "comments", "related", "header",
        "top-bar", "topbar", "copyright", "legal", "disclaimer", "noprint",
    ]

    /// Substrings that mark the article body; they protect an element from negative hints.
    static let positiveSubstrings: [String] = [
        "article-body", "articlebody", "article_body", "article-content", "articlecontent", "article__body",
        "article-text", "story-body", "storybody", "story-content", "entry-content", "post-content", "post-body",
        "postbody", "news-details", "news-content", "content-body", "main-content", "body-text", "bodytext",
        "article-details", "detail-body", "details-content", "rich-text", "richtext", "text-body", "itemfulltext",
    ]

    /// Whether `classAndID` (lower case) marks boilerplate.
    static func isNegative(_ classAndID: String) -> Bool {
        if classAndID.isEmpty { return false }
        for p in positiveSubstrings where classAndID.contains(p) { return false }
        for s in negativeSubstrings where classAndID.contains(s) { return true }
        var token = ""
        for ch in classAndID {
            if ch == " " || ch == "_" {
                if negativeTokens.contains(token) { return true }
                token = ""
            } else {
                token.append(ch)
            }
        }
        return negativeTokens.contains(token)
    }

    /// Whether `classAndID` marks the article body.
    static func isPositive(_ classAndID: String) -> Bool {
        if classAndID.isEmpty { return false }
        for p in positiveSubstrings where classAndID.contains(p) { return true }
        for s in ["article", "content", "story", "entry", "post", "body", "text", "main", "blog", "detail"] where classAndID.contains(s) {
            return true
        }
        return false
    }

    // MARK: ARIA roles

    static let negativeRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search", "dialog", "alertdialog",
        "alert", "tablist", "toolbar", "button", "form",
    ]

    // MARK: Phrases

    /// Lower-case phrases that, in a short block, mark boilerplate: "read more", follow/subscribe
    /// promos, comment prompts, copyright lines, ad labels.
    static let phrases: [String] = [
        // English
        "read more", "read also", "also read", "see also", "related:", "related articles", "related stories",
        "more from", "click here", "sign up", "subscribe", "newsletter", "follow us", "follow our", "share this",
        "share on", "all rights reserved", "advertisement", "sponsored", "leave a comment", "post a comment",
        "view comments", "show comments", "add comment", "join the conversation", "google news", "download the app", "download our app",
        "cookie", "whatsapp channel", "telegram channel", "recommended for you", "you may also like", "most popular",
        "most read", "trending now", "top stories", "next article", "previous article", "back to top",
        "listen to this article", "copyright ©", "© copyright",
        // Bengali
        "আরও পড়ুন", "আরো পড়ুন", "আরও পড়ুন", "আরো পড়ুন", "অনুসরণ করুন", "মন্তব্য করুন", "শেয়ার করুন", "শেয়ার করুন",
        "সর্বস্বত্ব সংরক্ষিত", "বিজ্ঞাপন", "সর্বশেষ খবর পেতে", "ফলো করুন", "সাবস্ক্রাইব", "ইউটিউব চ্যানেল",
        "সংশ্লিষ্ট খবর", "এ বিভাগের আরও", "এ বিভাগের আরো", "পাঠকের মন্তব্য", "লগইন করুন",
        // Hindi
        "ये भी पढ़ें", "यह भी पढ़ें", "ये भी पढ़ें", "यह भी पढ़ें", "और पढ़ें", "और पढ़ें", "इसे भी पढ़ें", "इसे भी पढ़ें",
        "फॉलो करें", "सब्सक्राइब", "विज्ञापन", "गूगल न्यूज़", "गूगल न्यूज",
        // German, French, Spanish, Italian, Portuguese, Dutch
        "lesen sie auch", "lesen sie mehr", "mehr zum thema", "weiterlesen", "anzeige", "werbung", "newsletter abonnieren",
        "folgen sie uns", "kommentare", "alle rechte vorbehalten", "zum thema", "das könnte sie auch interessieren",
        "lire aussi", "à lire aussi", "voir aussi", "abonnez-vous", "tous droits réservés", "publicité",
        "leer más", "lee también", "te puede interesar", "suscríbete", "todos los derechos reservados", "publicidad",
        "leggi anche", "iscriviti", "tutti i diritti riservati", "leia também", "leia mais", "assine",
        "lees ook", "lees meer",
    ]

    /// Whether a short block's text is boilerplate by phrase (only blocks under `maxChars` are judged).
    static func matchesPhrase(_ lowercased: String, chars: Int, maxChars: Int = 110) -> Bool {
        guard chars <= maxChars else { return false }
        for p in phrases where lowercased.contains(p) { return true }
        return false
    }
}
