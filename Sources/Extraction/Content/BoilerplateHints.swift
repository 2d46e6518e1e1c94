/// Class/id hints, ARIA roles and phrases that mark boilerplate (or content), in many languages.
///
/// Modelled on Readability's "unlikely candidates" and trafilatura's discard lists, with the
/// patterns of South Asian news sites (Bengali, Hindi) added.
enum BoilerplateHints {
    // MARK: class / id

    /// Substrings of `class`/`id` that mark a boilerplate element whatever it holds.
    static let strongSubstrings: [String] = [
        "related", "sharing", "share-", "-share", "social", "newsletter", "subscri",
        "breadcrumb", "cookie", "consent", "gdpr", "promo", "popular", "trending", "most-read", "mostread", "most_read",
        "recommend", "taboola", "outbrain", "sponsor", "advert", "signup", "sign-up", "skip-link",
        "pagination", "author-bio", "authorbio", "author-box", "about-author", "bio-box", "more-news", "morenews",
        "more-stories", "also-read", "alsoread", "see-also", "next-article", "prev-next",
        "google-news", "latest-news", "latest-item", "tab-news", "newsticker", "byline", "dateline", "publish-time",
        "post-meta", "entry-meta", "article-meta", "timestamp", "author-area", "visually-hidden", "sr-only",
        "screen-reader", "figcaption", "caption", "inline-ad", "ad-slot", "ad-container", "adslot", "adunit", "gpt-ad",
        "dfp-", "teaser-list", "tag-list", "taglist", "post-tags", "article-tags", "news-tags", "topic-list", "popup",
        "modal", "print-only",
    ]

    /// Substrings of `class`/`id` that mark boilerplate only when the element holds no long
    /// paragraph (they also occur on wrappers of the article: "has-sidebar", "field-label-hidden").
    static let weakSubstrings: [String] = [
        "sidebar", "footer", "navbar", "navigation", "menu", "banner", "masthead", "widget", "login", "toolbar",
        "follow", "ticker", "rating", "reporter", "edition", "credit", "gallery-nav", "video-player", "player-wrap",
        "embed-", "ads-", "-ads", "card-list", "headlines", "offscreen", "share", "meta-info", "read-more", "readmore", "paywall",
    ]

    /// Whole `class`/`id` tokens that mark boilerplate only when the element holds no long paragraph.
    static let weakTokens: Set<String> = [
        "ad", "ads", "adv", "nav", "tags", "tag", "meta", "author", "date", "time", "print", "hide", "hidden", "d-none",
        "rss", "more", "extra", "aside", "complementary", "comments", "header", "top-bar", "topbar", "copyright",
        "legal", "disclaimer", "noprint", "social", "share",
    ]

    /// Substrings that mark the article body; they protect an element from negative hints.
    static let positiveSubstrings: [String] = [
        "article-body", "articlebody", "article_body", "article-content", "articlecontent", "article__body",
        "article-text", "story-body", "storybody", "story-content", "entry-content", "post-content", "post-body",
        "postbody", "news-details", "news-content", "content-body", "main-content", "body-text", "bodytext",
        "article-details", "detail-body", "details-content", "rich-text", "richtext", "text-body", "itemfulltext",
        // A rendered formula ("MathJax CtxtMenu_Attached_0": its context menu's name is no menu of the page).
        "mathjax",
    ]

    /// How strongly `classAndID` (lower case) marks boilerplate.
    enum Verdict { case none, weak, strong, comments }

    static let positiveBytes = positiveSubstrings.map { Array($0.utf8) }
    /// Reader comments: long paragraphs inside do not make them article text.
    static let commentBytes = ["comment", "disqus"].map { Array($0.utf8) }
    static let strongBytes = strongSubstrings.map { Array($0.utf8) }
    static let weakBytes = weakSubstrings.map { Array($0.utf8) }
    static let phraseBytes = phrases.map { Array($0.utf8) }

    /// Every class/id needle with its kind (0 positive, 1 comments, 2 strong, 3 weak), bucketed by
    /// first byte, so one scan of the name checks them all.
    static let needleBuckets: [[(needle: [UInt8], kind: UInt8)]] = {
        var buckets = [[(needle: [UInt8], kind: UInt8)]](repeating: [], count: 256)
        for (kind, list) in [(UInt8(0), positiveBytes), (1, commentBytes), (2, strongBytes), (3, weakBytes)] {
            for n in list where !n.isEmpty { buckets[Int(n[0])].append((n, kind)) }
        }
        return buckets
    }()

    /// The class/id needles of ``needleBuckets`` in one flat table (no array per needle to retain
    /// while scanning, few needles looked at per position).
    static let needleTable = NeedleTable(needleBuckets.flatMap { $0.map { ($0.needle, $0.kind) } })

    /// ``weakTokens`` as a table: a token matches an entry of its first bytes with its length.
    static let weakTokenTable = NeedleTable(weakTokens.sorted().map { (Array($0.utf8), 0) })

    static func verdict(_ classAndID: String) -> Verdict {
        if classAndID.isEmpty { return .none }
        var s = classAndID
        return s.withUTF8 { verdict($0) }
    }

    /// ``verdict(_:)-(String)`` of the UTF-8 bytes of a lower-case class and id list.
    static func verdict(_ h: UnsafeBufferPointer<UInt8>) -> Verdict {
        let count = h.count
        if count == 0 { return .none }
        // The strongest kind of any needle found; a positive name wins over everything.
        let best = count < 2 ? 4 : needleTable.withBuffers { store, first, entries -> UInt8 in
            var best: UInt8 = 4
            outer: for i in 0..<(count - 1) {
                let b = NeedleTable.hash(h[i], h[i + 1])
                var e = Int(first[b])
                let end = Int(first[b + 1])
                while e < end {
                    let entry = entries[e]
                    e += 1
                    let len = Int(entry.length)
                    guard entry.kind < best, len <= count - i else { continue }
                    let o = Int(entry.offset)
                    var k = 0
                    while k < len && h[i + k] == store[o + k] { k += 1 }
                    if k == len {
                        if entry.kind == 2, isNegatedCaption(h, at: i, UnsafeBufferPointer(rebasing: store[o..<(o + len)])) { continue }
                        best = entry.kind
                        if best == 0 { break outer }
                    }
                }
            }
            return best
        }
        switch best {
        case 0: return .none
        case 1: return .comments
        case 2: return .strong
        case 3: return .weak
        default: break
        }
        // Whole tokens, split at spaces and underscores.
        var start = 0
        for k in 0..<count where h[k] == 0x20 || h[k] == 0x5F {
            if k > start, weakTokenTable.containsToken(h, start..<k) { return .weak }
            start = k + 1
        }
        return start < count && weakTokenTable.containsToken(h, start..<count) ? .weak : .none
    }

    /// "caption" preceded by "no-" or "no_" starting a token ("no_caption", "buzz_attr_no_caption"
    /// aside, "media-landscape no-caption"): the element has no caption, it is not one.
    static func isNegatedCaption(_ h: UnsafeBufferPointer<UInt8>, at i: Int, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard needle.elementsEqual(captionBytes), i >= 3, h[i - 1] == 0x2D || h[i - 1] == 0x5F, h[i - 2] == 0x6F, h[i - 3] == 0x6E else { return false }
        if i == 3 { return true }
        let before = h[i - 4]
        return before == 0x20 || before == 0x2D || before == 0x5F
    }
    static let captionBytes = Array("caption".utf8)

    /// Whole `class`/`id` tokens by which a page hides an element until a script shows it.
    static let hiddenTokens = ["hidden", "hide", "d-none", "is-hidden", "invisible"]
    static let hiddenTokenTable = NeedleTable(hiddenTokens.map { (Array($0.utf8), 0) })

    /// Whether `classAndID` (lower case) holds a token that hides the element ("… hidden", "d-none").
    static func hasHiddenToken(_ classAndID: String) -> Bool {
        var s = classAndID
        return s.withUTF8 { hasHiddenToken($0) }
    }

    /// ``hasHiddenToken(_:)-(String)`` of the UTF-8 bytes of a lower-case class and id list.
    static func hasHiddenToken(_ h: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = h.count
        if count == 0 { return false }
        var start = 0
        for k in 0..<count where h[k] == 0x20 {
            if k > start, hiddenTokenTable.containsToken(h, start..<k) { return true }
            start = k + 1
        }
        return start < count && hiddenTokenTable.containsToken(h, start..<count)
    }

    /// Whether `classAndID` (lower case) marks boilerplate at all.
    static func isNegative(_ classAndID: String) -> Bool { verdict(classAndID) != .none }

    static let generalPositiveBytes = ["article", "content", "story", "entry", "post", "body", "text", "main", "blog", "detail"].map { Array($0.utf8) }

    /// Whether `classAndID` marks the article body.
    static func isPositive(_ classAndID: String) -> Bool {
        var s = classAndID
        return s.withUTF8 { isPositive($0) }
    }

    /// ``isPositive(_:)-(String)`` of the UTF-8 bytes of a class and id list.
    static func isPositive(_ h: UnsafeBufferPointer<UInt8>) -> Bool {
        if h.isEmpty { return false }
        return positiveTable.containsAny(h)
    }
    /// ``positiveSubstrings`` and ``generalPositiveBytes`` as one table.
    static let positiveTable = NeedleTable((positiveBytes + generalPositiveBytes).map { ($0, 0) })

    /// Substrings of `class`/`id` that name legal small print: investment disclosures, a site's
    /// disclaimer. Such text is long and full of commas, so it would outscore a short article;
    /// it does not score, and goes from an article's region, but is not dropped outright by
    /// ``ContentAnalysis/markBoilerplate(conditional:)`` (a page that is all disclaimer still has a body).
    static let smallPrintBytes = ["disclaimer", "disclosure"].map { Array($0.utf8) }
    static let smallPrintTable = NeedleTable(smallPrintBytes.map { ($0, 0) })

    /// Whether `classAndID` (lower case) names legal small print, whatever else it names.
    static func isSmallPrint(_ classAndID: String) -> Bool {
        var s = classAndID
        return s.withUTF8 { isSmallPrint($0) }
    }

    /// ``isSmallPrint(_:)-(String)`` of the UTF-8 bytes of a lower-case class and id list.
    static func isSmallPrint(_ h: UnsafeBufferPointer<UInt8>) -> Bool {
        if h.isEmpty { return false }
        return smallPrintTable.containsAny(h)
    }

    // MARK: ARIA roles

    static let negativeRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search", "dialog", "alertdialog",
        "alert", "tablist", "toolbar", "button", "form",
    ]
    /// ``negativeRoles`` as a table (roles are matched whole).
    static let negativeRoleTable = NeedleTable(negativeRoles.sorted().map { (Array($0.utf8), 0) })

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

    /// Whether a short block's text is boilerplate by phrase (only blocks under `maxChars` are
    /// judged): one of ``phrases`` in `text.lowercased()`, lower-cased as bytes
    /// (``CaseMapping/lowercasedBytes(_:)``) without building the lower-case `String`.
    static func matchesPhrase(lowercasing text: String, chars: Int, maxChars: Int = 110) -> Bool {
        matchesPhrase(lowercasing: text, chars: chars, maxChars: maxChars, in: phraseSet)
    }

    /// ``matchesPhrase(lowercasing:chars:maxChars:)`` with ``phraseSet`` read once by the caller
    /// (a loop over a page's blocks need not ask for the global each time).
    static func matchesPhrase(lowercasing text: String, chars: Int, maxChars: Int = 110, in phrases: ByteNeedleSet) -> Bool {
        guard chars <= maxChars else { return false }
        return phrases.containsAny(in: CaseMapping.lowercasedBytes(text))
    }

    /// ``phrases`` as one needle set: a single pass over the text checks them all.
    static let phraseSet = ByteNeedleSet(phraseBytes)
}

/// Substring search on UTF-8 bytes (Foundation's `String.contains` is far slower on Linux).
enum ByteSearch {
    /// The first index at or after `from` where `needle` starts in `hay`.
    static func firstIndex(_ hay: [UInt8], _ needle: [UInt8], from: Int = 0) -> Int? {
        hay.withUnsafeBufferPointer { hp in needle.withUnsafeBufferPointer { np in firstIndex(hp, np, from: from) } }
    }

    /// ``firstIndex(_:_:from:)-([UInt8],[UInt8],Int)`` over bytes in place.
    static func firstIndex(_ hp: UnsafeBufferPointer<UInt8>, _ np: UnsafeBufferPointer<UInt8>, from: Int = 0) -> Int? {
        let n = np.count, h = hp.count
        guard n > 0, n <= h - from else { return nil }
        let first = np[0]
        var i = from
        let last = h - n
        while i <= last {
            if hp[i] == first {
                var k = 1
                while k < n && hp[i + k] == np[k] { k += 1 }
                if k == n { return i }
            }
            i += 1
        }
        return nil
    }

    @inline(__always)
    static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        hay.withUnsafeBufferPointer { hp in needle.withUnsafeBufferPointer { np in contains(hp, np) } }
    }

    /// ``contains(_:_:)-([UInt8],[UInt8])`` over bytes in place (an empty needle is contained).
    @inline(__always)
    static func contains(_ hp: UnsafeBufferPointer<UInt8>, _ np: UnsafeBufferPointer<UInt8>) -> Bool {
        np.isEmpty || firstIndex(hp, np) != nil
    }
}
