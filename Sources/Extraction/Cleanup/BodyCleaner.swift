/// The cleanup stage: trims boilerplate blocks left at the start and end of the body after
/// content detection — a dateline or reading-time line, an "Advertisement" or "Comments" label,
/// a copyright notice, an image counter or credit, and a block repeating the headline or the lead
/// image's caption. Only the edges are trimmed (at most `maxTrimmedPerEdge` blocks each), so
/// running text in the middle of an article is never touched.
public struct BodyCleaner: Sendable {
    /// How many blocks at most are dropped from each end. Default 4.
    public var maxTrimmedPerEdge = 4

    public init() {}

    // MARK: Cleaning

    /// The blocks without leading/trailing boilerplate. `headline` and `caption` are the page's
    /// headline and lead-image caption; a block equal to either is dropped at the edges.
    public func clean(_ blocks: [ContentBlock], headline: String?, caption: String?) -> [ContentBlock] {
        guard blocks.count > 1 else { return blocks }
        let repeats = [headline, caption].compactMap { $0.map(Self.normalized) }.filter { !$0.isEmpty }
        var start = 0, end = blocks.count
        // A summary box before the story ("Highlights" and its bullet list) and a place dateline
        // written as its own block ("Washington/ New Delhi:") open the page, not the article.
        if blocks.count > 2, blocks[0].type == .heading, Self.summaryLabels.contains(Self.normalized(blocks[0].text)),
           blocks[1].type == .list, Self.isSummaryList(blocks[1].text) {
            start = 2
        }
        if start < end - 1, blocks[start + 1].type == .paragraph, Self.isPlaceDateline(blocks[start]) { start += 1 }
        while start < end - 1, start < maxTrimmedPerEdge, isBoilerplate(blocks[start], repeats: repeats, leading: true) { start += 1 }
        var trimmed = 0
        while end - 1 > start, trimmed < maxTrimmedPerEdge {
            if isBoilerplate(blocks[end - 1], repeats: repeats, leading: false) {
                end -= 1; trimmed += 1
            } else if end - 2 > start, blocks[end - 1].type == .list, Self.isMoreLabel(Self.normalized(blocks[end - 2].text)) {
                // "More Great Stories" and its list of links closing the page.
                end -= 2; trimmed += 2
            } else if trimmed > 0, blocks[end - 1].type == .heading {
                // A heading left with nothing after it labelled what was trimmed ("Something to Consider").
                end -= 1; trimmed += 1
            } else {
                break
            }
        }
        return start == 0 && end == blocks.count ? blocks : Array(blocks[start..<end])
    }

    /// Whether one edge block is boilerplate.
    func isBoilerplate(_ block: ContentBlock, repeats: [String], leading: Bool) -> Bool {
        let text = block.text
        // The scalar count matters only up to ``maxPromoChars``: counted from the UTF-8 bytes and
        // capped just above it (long paragraphs are not walked whole).
        let count = Self.scalarCount(text, cappedAt: Self.maxPromoChars + 1)
        if count > 240 { return !leading && count <= Self.maxPromoChars && Self.isPromo(Self.normalized(text), count: count) }
        let norm = Self.normalized(text)
        if norm.isEmpty { return true }
        if leading && block.type == .heading { return repeats.contains(norm) }
        if repeats.contains(norm) { return true }
        if Self.isLabel(norm) { return true }
        if Self.isCopyright(norm) { return true }
        if count <= 60 && (Self.isDateLine(text) || Self.isReadingTime(norm) || Self.isImageLabel(norm)) { return true }
        if leading, block.type == .paragraph, Self.isPostedLine(norm, count: count) || Self.isBylineLine(norm, count: count) { return true }
        if count <= Self.maxDisclosureChars, Self.isAffiliateDisclosure(norm) { return true }
        if !leading, Self.isPromo(norm, count: count) { return true }
        return false
    }

    /// `min(s.unicodeScalars.count, cap)`: the UTF-8 bytes that start a scalar (all but the
    /// continuation bytes), counted until there are more than `cap`.
    static func scalarCount(_ s: String, cappedAt cap: Int) -> Int {
        var s = s
        return s.withUTF8 { b in
            var n = 0
            for c in b where c & 0xC0 != 0x80 {
                n += 1
                if n >= cap { return cap }
            }
            return n
        }
    }

    // MARK: Rules

    /// Whole-block labels (normalised: lower case, edge punctuation removed).
    static let labels: Set<String> = [
        "advertisement", "advert", "ad", "sponsored", "anzeige", "werbung", "publicidad", "publicité", "pubblicità",
        "iklan", "reklame", "reklam", "реклама", "広告", "বিজ্ঞাপন", "विज्ञापन", "اشتهار", "إعلان",
        "comments", "comment", "kommentare", "commentaires", "comentarios", "comentários", "মন্তব্য", "मंतव्य", "टिप्पणियां",
        "share", "share this", "share this article", "share on facebook", "teilen", "partager", "compartir", "শেয়ার করুন",
        "video loading", "topics", "related", "related articles", "related stories", "read more", "more", "see also",
        "also read", "read also", "আরও পড়ুন", "আরো পড়ুন", "আরও পড়ুন", "ये भी पढ़ें", "यह भी पढ़ें", "इसे भी पढ़ें",
        "lesen sie auch", "mehr zum thema", "lire aussi", "lee también", "leia também", "leggi anche",
        "follow us", "subscribe", "sign up", "newsletter", "getty images", "photo", "foto", "image", "ছবি",
        "table of contents", "contents", "in this article", "text size", "written by",
    ]

    /// `labels.contains(norm)`, looked up by NFC bytes (``TextKey``, the equality of `String`):
    /// `String`'s own hashing normalises every non-ASCII scalar of the text.
    static func isLabel(_ norm: String) -> Bool { labelKeys.contains(TextKey(norm)) }
    static let labelKeys = Set(labels.map(TextKey.init))

    /// A label of further reading: "More Great WIRED Stories", "More from Science", "Related
    /// coverage", "You might also like", "Read next" (normalised, at most ``moreLabelMaxChars``).
    static func isMoreLabel(_ norm: String) -> Bool {
        guard !norm.isEmpty, norm.unicodeScalars.count <= moreLabelMaxChars else { return false }
        if isLabel(norm) { return true }
        for p in ["more ", "related ", "recommended", "read next", "you might also", "you may also", "further reading", "also on ",
                  "latest ", "popular ", "top stories", "mehr ", "weitere ", "plus de ", "más ", "leia mais", "আরও ", "আরো ", "और "]
        where norm.hasPrefix(p) {
            return true
        }
        return false
    }
    static let moreLabelMaxChars = 50

    /// The longest block judged at all (a promo paragraph at the end can be this long).
    static let maxPromoChars = 400

    /// Cues of the site's own promotion: subscribing, following, bookmarking, its apps and channels.
    static let promoCues: [[UInt8]] = [
        "subscribe", "subscription", "newsletter", "sign up", "bookmark", "follow us", "download the app", "join our",
        "follow him on", "follow her on", "follow them on", "follow me on",
        "download our app", "whatsapp", "telegram", "google news", "our website is", "stay informed", "support our journalism",
        "abonnier", "newsletter", "folgen sie", "abonnez", "suivez-nous", "suscríbete", "síguenos", "assine", "iscriviti",
        "অনুসরণ করুন", "ফলো করুন", "সাবস্ক্রাইব", "ইউটিউব চ্যানেল", "फॉलो करें", "सब्सक्राइब", "डाउनलोड करें",
    ].map { Array($0.utf8) }

    /// ``promoCues`` as one needle set (whether any occurs, in one pass).
    static let promoCueSet = ByteNeedleSet(promoCues)

    static let followBytes = Array("follow".utf8)
    static let socialNetworkCues: [[UInt8]] = ["on twitter", "on facebook", "on instagram"].map { Array($0.utf8) }

    /// Words by which the site speaks to the reader about itself ("our", "you", "আমাদের", "हमारे").
    static let selfReferences: [[UInt8]] = [
        "our ", "us ", "you", "we ", "unser", "sie ", "du ", "notre", "nos ", "vous", "nuestr", "nosotros", "nosso", "nostr",
        "আমাদের", "আপনি", "आप", "हमारे", "हमें",
    ].map { Array($0.utf8) }

    /// A closing paragraph promoting the site: one cue in a short block ("Abonniere den
    /// Whatsapp-Kanal …"), or two different cues and the site speaking of itself in a longer one
    /// ("Stay informed with The Namibian … subscribe …", "Please bookmark our homepage and sign up …").
    static func isPromo(_ norm: String, count: Int) -> Bool {
        let hay = Array(norm.utf8)
        // Most blocks hold no cue: one pass over the text (``promoCueSet``) tells so; then only an
        // invitation to follow on a network can make one.
        if !promoCueSet.containsAny(in: hay) {
            guard ByteSearch.contains(hay, followBytes), socialNetworkCues.contains(where: { ByteSearch.contains(hay, $0) }) else { return false }
        }
        var hits = 0
        for cue in promoCues where ByteSearch.contains(hay, cue) { hits += 1 }
        // "Follow Jane Doe on Twitter": an invitation to follow, naming a network. The network alone
        // is no cue ("the minister said on Twitter" closes many news stories).
        if ByteSearch.contains(hay, followBytes), socialNetworkCues.contains(where: { ByteSearch.contains(hay, $0) }) { hits += 1 }
        if hits == 0 { return false }
        if count <= 160 { return true }
        return hits >= 2 && selfReferences.contains { ByteSearch.contains(hay, $0) }
    }

    // MARK: Leading meta lines

    /// A short line opening the body that dates the post ("November 15, 2019", "Published on:
    /// February 14, 2025", "Posted on Maret 30, 2015 by Admin", "05/10/2018 - Publicado por: …"):
    /// at most ``postedMaxChars`` characters and ``postedMaxWords`` words, a year (1900–2099) as a
    /// whole number, and no sentence end.
    static func isPostedLine(_ norm: String, count: Int) -> Bool {
        guard count <= postedMaxChars else { return false }
        var words = 1
        var run = 0, runValue = 0, hasYear = false
        for b in norm.utf8 {
            if b == 0x20 { words += 1 }
            if b >= 0x30 && b <= 0x39 {
                // Only the first five digits count (a longer run is no year), so the value cannot overflow.
                run += 1
                if run <= 5 { runValue = runValue * 10 + Int(b - 0x30) }
            } else {
                if run == 4, (1900...2099).contains(runValue) { hasYear = true }
                run = 0; runValue = 0
            }
        }
        if run == 4, (1900...2099).contains(runValue) { hasYear = true }
        if !hasYear || words > postedMaxWords { return false }
        // `norm` has its edge punctuation removed: a sentence shows by a period inside followed by a space.
        return !norm.contains(". ") || norm.hasPrefix("posted") || norm.hasPrefix("published")
    }
    static let postedMaxChars = 100
    static let postedMaxWords = 9

    /// Words that introduce the author's name ("By", "von", "di", "par", "por", "door", "av").
    static let bylineWords: Set<Substring> = ["by", "von", "di", "da", "par", "por", "door", "av", "af", "przez", "od", "av:", "by:"]

    /// A short line opening the body that names the author: "von Oliver Kring", "By Md Aynal Haque".
    static func isBylineLine(_ norm: String, count: Int) -> Bool {
        guard count <= 50 else { return false }
        let words = norm.split(separator: " ")
        guard words.count >= 2, words.count <= 5, let first = words.first, bylineWords.contains(first) else { return false }
        return !norm.contains(".") || norm.hasSuffix(" jr") || norm.hasSuffix(" sr")
    }

    // MARK: Affiliate disclosures

    /// The longest affiliate disclosure judged.
    static let maxDisclosureChars = 300

    /// A notice that the site earns from the links of the page: "Purchases made through links earn
    /// us a small commission", "We independently test everything we recommend. Buying through links
    /// on our site supports our work."
    static func isAffiliateDisclosure(_ norm: String) -> Bool {
        let hay = Array(norm.utf8)
        if ByteSearch.contains(hay, affiliateBytes) { return true }
        guard ByteSearch.contains(hay, linkBytes) else { return false }
        return ByteSearch.contains(hay, commissionBytes) || ByteSearch.contains(hay, supportsBytes)
    }
    static let affiliateBytes = Array("affiliate link".utf8)
    static let linkBytes = Array("link".utf8)
    static let commissionBytes = Array("commission".utf8)
    static let supportsBytes = Array("supports our work".utf8)

    /// Headings of a summary box that precedes the story (normalised).
    static let summaryLabels: Set<String> = [
        "highlights", "story highlights", "key highlights", "in short", "हाइलाइट्स", "खास बातें", "मुख्य बातें", "হাইলাইটস",
    ]

    /// A summary box's bullet list: at most ``summaryMaxItems`` items and ``summaryMaxChars``
    /// characters. A longer list under "Highlights" opens the post itself (a weekly report whose
    /// first section is its highlights).
    static func isSummaryList(_ text: String) -> Bool {
        var items = 1
        for b in text.utf8 where b == 0x0A { items += 1 }
        return items <= summaryMaxItems && text.unicodeScalars.count <= summaryMaxChars
    }
    static let summaryMaxItems = 5
    static let summaryMaxChars = 600

    /// A short paragraph naming the place (and maybe the agency) of the story, ending in a colon or
    /// dash: "Washington/ New Delhi:", "DHAKA —", "ঢাকা:". At most five words, each capitalised in
    /// cased scripts, and no sentence inside.
    static func isPlaceDateline(_ block: ContentBlock) -> Bool {
        guard block.type == .paragraph else { return false }
        let text = block.text.trimmingCharacters(in: " ")
        guard let last = text.unicodeScalars.last, last == ":" || last == "—" || last == "–" || last == "-" else { return false }
        let count = text.unicodeScalars.count
        guard count >= 3, count <= 40 else { return false }
        let words = text.split(separator: " ").count
        if words > 5 { return false }
        for u in text.unicodeScalars.dropLast() where u == "." || u == "!" || u == "?" || u == "।" || u == ":" {
            return false
        }
        // Place names are capitalised: every word of a cased script starts with a capital
        // ("The mayor said:" is a lead-in, not a dateline).
        for word in text.split(separator: " ") {
            if let f = word.unicodeScalars.first(where: { $0.properties.isAlphabetic }), f.properties.isLowercase { return false }
        }
        return true
    }

    /// "© 2024 …", "Copyright …", "All rights reserved" and their translations.
    static func isCopyright(_ norm: String) -> Bool {
        if norm.hasPrefix("©") || norm.hasPrefix("copyright") { return true }
        // `ByteSearch.mayContain(norm, p)` for each phrase, with the text's bytes made and checked once.
        let hay = Array(norm.utf8)
        let hayMayNeedNFC = UnicodeNormalization.mayNeedNFC(hay)
        for (p, bytes, mayNeedNFC) in copyrightPhrases
        where (hayMayNeedNFC || mayNeedNFC || ByteSearch.contains(hay, bytes)) && norm.contains(p) {
            return true
        }
        return false
    }

    /// Rights-reserved phrases, with their UTF-8 and whether NFC could change them.
    static let copyrightPhrases: [(String, [UInt8], Bool)] = [
        "all rights reserved", "riproduzione riservata", "alle rechte vorbehalten", "tous droits réservés",
        "todos los derechos reservados", "todos os direitos reservados", "সর্বস্বত্ব সংরক্ষিত", "सर्वाधिकार सुरक्षित",
    ].map { ($0, Array($0.utf8), UnicodeNormalization.mayNeedNFC(Array($0.utf8))) }

    /// A short line that is mostly a date or a time ("12.12.2025, 05:07 Uhr", "Freitag, 28.04.2023",
    /// "Published November 20th, 2019 - 07:29 GMT"): at least four digits, a time (h:mm) or a
    /// numeric date (d.m.y, d/m/y), and few letters besides.
    static func isDateLine(_ text: String) -> Bool {
        var t = text
        if let ascii = t.withUTF8(asciiDateLine) { return ascii }
        return plainIsDateLine(text)
    }

    /// ``isDateLine(_:)`` of ASCII text (where each byte is a scalar, the digits are the only
    /// numeric scalars and the letters the only alphabetic ones); `nil` for any other text.
    static func asciiDateLine(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        var high: UInt8 = 0
        for c in b { high |= c }
        guard high < 0x80 else { return nil }
        @inline(__always) func digit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }
        var digits = 0, letters = 0
        var hasTime = false, hasNumericDate = false
        for i in 0..<b.count {
            let c = b[i]
            if digit(c) { digits += 1 } else if (c | 0x20) &- 0x61 < 26 { letters += 1 }
            if c == 0x3A || c == 0x2E || c == 0x2F, i > 0, i + 1 < b.count, digit(b[i - 1]), digit(b[i + 1]) {
                if c == 0x3A { hasTime = true } else { hasNumericDate = true }
            }
        }
        return digits >= 4 && (hasTime || hasNumericDate) && letters <= 30
    }

    /// ``isDateLine(_:)`` over the String's scalars (the general path and the tests' reference).
    static func plainIsDateLine(_ text: String) -> Bool {
        var digits = 0, letters = 0
        var hasTime = false, hasNumericDate = false
        let scalars = Array(text.unicodeScalars)
        for (i, s) in scalars.enumerated() {
            if s.properties.numericType != nil { digits += 1 } else if s.properties.isAlphabetic { letters += 1 }
            // "-" is left out: phone numbers ("02-751-1500") look like dates with it.
            if (s == ":" || s == "." || s == "/"), i > 0, i + 1 < scalars.count,
               scalars[i - 1].properties.numericType != nil, scalars[i + 1].properties.numericType != nil {
                if s == ":" { hasTime = true } else { hasNumericDate = true }
            }
        }
        return digits >= 4 && (hasTime || hasNumericDate) && letters <= 30
    }

    /// "3 Min Lesezeit", "5 min read", "Tempo de leitura: 1 minuto", "Lesedauer: 4 Min.".
    static func isReadingTime(_ norm: String) -> Bool {
        guard norm.unicodeScalars.contains(where: { $0.properties.numericType != nil }) else { return false }
        for w in ["min read", "minute read", "minutes read", "reading time", "lesezeit", "lesedauer", "leitura", "lectura", "temps de lecture",
                  "lettura", "মিনিটে পড়ুন", "मिनट में पढ़ें"] where ByteSearch.mayContain(norm, w) && norm.contains(w) {
            return true
        }
        // "3 Min." alone.
        return norm.unicodeScalars.count <= 8 && norm.hasSuffix("min")
    }

    /// "Image 1 of 23", "Image 1of/9", "Foto: PAP", "Photo: Reuters", "ছবি: সংগৃহীত".
    static func isImageLabel(_ norm: String) -> Bool {
        for p in ["image ", "photo:", "foto:", "photo credit", "bild:", "ছবি:", "फोटो:", "תמונה:"] where norm.hasPrefix(p) {
            if p == "image " { return norm.contains("of") && norm.unicodeScalars.contains { $0.properties.numericType != nil } }
            return norm.unicodeScalars.count <= 40
        }
        return false
    }

    /// Lower case, whitespace collapsed, edge punctuation and spaces removed. White space is
    /// collapsed on the UTF-8 bytes (appending scalars to a String one by one is slow).
    static func normalized(_ s: String) -> String {
        // Collapsed into an array and trimmed there, scalar by scalar from either end (the
        // collapsed bytes are a String's, valid UTF-8): one String made, of what is kept.
        var collapsed: [UInt8] = []
        CaseMapping.lowercasedBytes(s).withUnsafeBufferPointer { HTMLDocument.collapseBytes($0, into: &collapsed) }
        return collapsed.withUnsafeBufferPointer { b in
            var lo = 0, hi = b.count
            while lo < hi {
                let (u, next) = UTF8Scan.decode(at: lo, in: b)
                guard isEdge(u) else { break }
                lo = next
            }
            while hi > lo {
                var start = hi - 1
                while start > lo, b[start] & 0xC0 == 0x80 { start -= 1 }
                guard isEdge(UTF8Scan.decode(at: start, in: b).0) else { break }
                hi = start
            }
            return String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self)
        }
    }

    /// ``normalized(_:)`` through the String's scalars (the tests' reference).
    static func plainNormalized(_ s: String) -> String {
        let collapsed = HTMLDocument.collapseBytes(CaseMapping.lowercasedBytes(s))
        var scalars = Substring(collapsed).unicodeScalars
        while let f = scalars.first, isEdge(f) { scalars.removeFirst() }
        while let l = scalars.last, isEdge(l) { scalars.removeLast() }
        return String(scalars)
    }

    static let edgeScalars = Set(".,:;!?|–—-·•»«\"'“”‘’()[]…".unicodeScalars)
    static func isEdge(_ u: Unicode.Scalar) -> Bool { u == " " || edgeScalars.contains(u) || u.properties.isWhitespace }
}
