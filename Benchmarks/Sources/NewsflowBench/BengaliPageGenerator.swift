/// Generates Bengali news article pages modelled on a Kalbela article (see
/// `/work/shared/seed/kalbela-article-rendered.txt`): desk byline, Bengali-digit publish time, edition
/// label, headline, photo with caption and credit, body paragraphs (the first ending with an agency
/// credit), Google News promo, comment box, numbered "latest"/"popular" lists; wrapped in the markup
/// of a Bangladeshi news site (mega menu, inline CSS and ad/analytics scripts, JSON-LD, ad slots,
/// related-news cards, footer). Deterministic: the same seed gives the same pages.
struct BengaliPageGenerator {
    /// One generated page.
    struct Page {
        var url: String
        var html: String
    }

    // MARK: Configuration

    /// Each page's size is drawn uniformly from this range (bytes of UTF-8); the template is padded
    /// with related-news cards until it reaches the drawn size.
    var sizeRange: ClosedRange<Int> = 50_000...150_000
    var seed: UInt64 = 0x6E65_7773_666C_6F77

    // MARK: Generation

    func pages(count: Int) -> [Page] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { page(index: $0, rng: &rng) }
    }

    func page(index: Int, rng: inout SplitMix64) -> Page {
        let target = Int.random(in: sizeRange, using: &rng)
        let id = 152_201 + index
        let section = Self.sections.randomElement(using: &rng)!
        let url = "https://www.kalbela.test/\(section.slug)/\(id)"
        let headline = Self.headlines.randomElement(using: &rng)!
        let day = Int.random(in: 1...28, using: &rng)
        let hour = Int.random(in: 1...12, using: &rng)
        let minute = Int.random(in: 0...59, using: &rng)
        let month = Self.months.randomElement(using: &rng)!
        let printedDate = "\(Self.bengaliDigits(day)) \(month.bn) ২০২৪, \(Self.bengaliDigits(hour, width: 2)):\(Self.bengaliDigits(minute, width: 2)) \(Bool.random(using: &rng) ? "পিএম" : "এএম")"
        let isoDate = "2024-\(Self.pad(month.number))-\(Self.pad(day))T\(Self.pad(hour + 6)):\(Self.pad(minute)):00+06:00"
        let desk = Self.desks.randomElement(using: &rng)!
        let caption = Self.captions.randomElement(using: &rng)!

        var h = ""
        h.reserveCapacity(target + 16_384)
        h += """
        <!DOCTYPE html>
        <html lang="bn">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(headline) | কালবেলা</title>
        <meta name="description" content="\(Self.sentences[0])">
        <meta property="og:type" content="article">
        <meta property="og:title" content="\(headline)">
        <meta property="og:site_name" content="কালবেলা">
        <meta property="og:url" content="\(url)">
        <meta property="og:image" content="https://www.kalbela.test/uploads/news/2024/\(id).jpg">
        <meta property="article:published_time" content="\(isoDate)">
        <meta property="article:section" content="\(section.name)">
        <meta name="twitter:card" content="summary_large_image">
        <link rel="canonical" href="\(url)">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"\(headline)","datePublished":"\(isoDate)","dateModified":"\(isoDate)","author":{"@type":"Organization","name":"\(desk)"},"publisher":{"@type":"Organization","name":"কালবেলা","logo":{"@type":"ImageObject","url":"https://www.kalbela.test/logo.png"}},"image":["https://www.kalbela.test/uploads/news/2024/\(id).jpg"],"mainEntityOfPage":"\(url)"}</script>
        <style>
        """
        for i in 0..<Int.random(in: 120...260, using: &rng) {
            h += ".k-\(i){margin:\(i % 17)px \(i % 11)px;padding:\(i % 7)px;font:\(12 + i % 9)px/1.5 'SolaimanLipi',sans-serif;color:#\(String(i * 2_654_435 % 0xFFFFFF, radix: 16))}\n"
        }
        h += "</style>\n"
        for s in 0..<Int.random(in: 3...8, using: &rng) {
            h += "<script>window.dataLayer=window.dataLayer||[];(function(w,d,s,l,i){w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;j.src='https://www.googletagmanager.test/gtm.js?id='+i;f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','GTM-\(s)\(id)');"
            for a in 0..<Int.random(in: 10...40, using: &rng) {
                h += "googletag.cmd.push(function(){googletag.defineSlot('/2154/kalbela_\(section.slug)_\(a)',[[300,250],[336,280]],'div-gpt-ad-\(s)-\(a)').addService(googletag.pubads());});"
            }
            h += "</script>\n"
        }
        h += "</head>\n<body class=\"news-details-page\">\n<header class=\"site-header\"><div class=\"top-bar\"><span class=\"date\">\(printedDate)</span></div><nav class=\"mega-menu\"><ul>\n"
        for sec in Self.sections {
            h += "<li class=\"menu-item\"><a href=\"/\(sec.slug)\">\(sec.name)</a><ul class=\"sub-menu\">"
            for (j, sub) in Self.sections.shuffled(using: &rng).prefix(8).enumerated() {
                h += "<li><a href=\"/\(sec.slug)/\(sub.slug)-\(j)\">\(sub.name)</a></li>"
            }
            h += "</ul></li>\n"
        }
        h += "</ul></nav></header>\n<main class=\"container\">\n<div class=\"ad-slot leaderboard\" id=\"div-gpt-ad-top\"></div>\n"
        h += """
        <article class="news-details">
          <ul class="breadcrumb"><li><a href="/">প্রচ্ছদ</a></li><li><a href="/\(section.slug)">\(section.name)</a></li></ul>
          <div class="author-info"><img class="author-img" src="/img/desk.png" alt=""><span class="author-name">\(desk)</span></div>
          <div class="time-info">প্রকাশ : \(printedDate)</div>
          <div class="edition">অনলাইন সংস্করণ</div>
          <h1 class="headline">\(headline)</h1>
          <div class="share-top"><a href="https://facebook.test/share?u=\(url)">শেয়ার</a> <a href="https://x.test/intent?u=\(url)">X</a></div>
          <figure class="lead-image">
            <img src="/uploads/news/2024/\(id).jpg" alt="\(caption)">
            <figcaption>\(caption)</figcaption>
          </figure>
          <div class="news-content">

        """
        let paragraphs = Int.random(in: 4...18, using: &rng)
        for p in 0..<paragraphs {
            var text = ""
            for _ in 0..<Int.random(in: 2...5, using: &rng) {
                text += Self.sentences.randomElement(using: &rng)! + " "
            }
            if p == 0 { text += "খবর \(Self.agencies.randomElement(using: &rng)!)।" }
            h += "    <p>\(text)</p>\n"
            if p == 1 {
                h += "    <div class=\"read-more\"><strong>আরও পড়ুন :</strong> <a href=\"/\(section.slug)/\(id - 7)\">\(Self.headlines.randomElement(using: &rng)!)</a></div>\n"
            }
            if p % 3 == 2 { h += "    <div class=\"ad-slot in-article\" id=\"div-gpt-ad-in-\(p)\"></div>\n" }
        }
        h += """
          </div>
          <div class="tags"><span>ট্যাগ :</span> <a href="/tags/\(section.slug)">\(section.name)</a> <a href="/tags/world">বিশ্ব</a></div>
          <div class="google-news-promo"><a href="https://news.google.com/publications/kalbela">কালবেলা অনলাইন এর সর্বশেষ খবর পেতে Google News ফিডটি অনুসরণ করুন</a></div>
          <div class="comment-box"><h3>মন্তব্য করুন</h3><form><textarea name="comment"></textarea><button>পাঠান</button></form></div>
        </article>
        <aside class="sidebar">
          <ul class="tabs"><li class="active">সর্বশেষ</li><li>জনপ্রিয়</li></ul>

        """
        for list in ["latest-news", "popular-news"] {
            h += "  <ol class=\"\(list)\">\n"
            for n in 1...20 {
                h += "    <li><a href=\"/\(Self.sections.randomElement(using: &rng)!.slug)/\(id + n * 3)\"><span class=\"num\">\(Self.bengaliDigits(n))</span> \(Self.headlines.randomElement(using: &rng)!)</a></li>\n"
            }
            h += "  </ol>\n"
        }
        h += "</aside>\n<section class=\"more-news\"><h2>আরও খবর</h2><div class=\"cards\">\n"
        let footer = "</div></section>\n</main>\n<footer class=\"site-footer\"><ul class=\"footer-links\"><li><a href=\"/about\">আমাদের সম্পর্কে</a></li><li><a href=\"/contact\">যোগাযোগ</a></li><li><a href=\"/privacy\">গোপনীয়তা নীতি</a></li></ul><p>© ২০২৪ কালবেলা। সর্বস্বত্ব সংরক্ষিত।</p></footer>\n<script src=\"/js/app.min.js\" defer></script>\n</body>\n</html>\n"
        var card = 0
        while h.utf8.count + footer.utf8.count < target {
            let sec = Self.sections.randomElement(using: &rng)!
            h += "<div class=\"card k-\(card % 200)\"><a href=\"/\(sec.slug)/\(id - 100 - card)\"><img src=\"/uploads/thumb/\(id - 100 - card).jpg\" alt=\"\(Self.headlines.randomElement(using: &rng)!)\" loading=\"lazy\"><h3>\(Self.headlines.randomElement(using: &rng)!)</h3></a><p class=\"summary\">\(Self.sentences.randomElement(using: &rng)!)</p><span class=\"time\">\(Self.bengaliDigits(Int.random(in: 1...59, using: &rng))) মিনিট আগে</span></div>\n"
            card += 1
        }
        h += footer
        return Page(url: url, html: h)
    }

    // MARK: Vocabulary (from the seed page)

    static let sections: [(slug: String, name: String)] = [
        ("national", "জাতীয়"), ("politics", "রাজনীতি"), ("world", "আন্তর্জাতিক"), ("sports", "খেলা"),
        ("economy", "অর্থনীতি"), ("entertainment", "বিনোদন"), ("country", "সারা দেশ"), ("jobs", "চাকরি"),
        ("opinion", "মতামত"), ("technology", "প্রযুক্তি"), ("health", "স্বাস্থ্য"), ("education", "শিক্ষা"),
        ("lifestyle", "জীবনযাপন"), ("religion", "ধর্ম"), ("capital", "রাজধানী"), ("crime", "অপরাধ"),
    ]
    static let desks = ["কালবেলা ডেস্ক", "কালবেলা প্রতিবেদক", "নিজস্ব প্রতিবেদক", "কূটনৈতিক প্রতিবেদক", "ঢাকা প্রতিনিধি"]
    static let agencies = ["রয়টার্সের", "এএফপির", "আল জাজিরার", "বিবিসির", "এপির"]
    static let months: [(number: Int, bn: String)] = [
        (1, "জানুয়ারি"), (2, "ফেব্রুয়ারি"), (3, "মার্চ"), (4, "এপ্রিল"), (5, "মে"), (6, "জুন"),
        (7, "জুলাই"), (8, "আগস্ট"), (9, "সেপ্টেম্বর"), (10, "অক্টোবর"), (11, "নভেম্বর"), (12, "ডিসেম্বর"),
    ]
    static let captions = [
        "ইরানের প্রেসিডেন্ট মাসুদ পেজেশকিয়ান ও রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিন। ছবি : সংগৃহীত",
        "রাজধানীর একটি সড়কে যানজট। ছবি : কালবেলা",
        "টাঙ্গাইলে নির্বাচনী সমাবেশ। ছবি : সংগৃহীত",
    ]
    static let headlines = [
        "রাশিয়া সফরে যাবেন ইরানের প্রেসিডেন্ট", "দুই নেতার ব্যক্তিগত মেসেজ ফাঁস করে দিলেন ট্রাম্প",
        "মালদ্বীপে প্রবাসী বাংলাদেশিদের সঙ্গে পোস্টাল ভোটবিষয়ক মতবিনিময়", "পার্টটাইম চাকরি দেবে এসএমসি",
        "মানবতাবিরোধী অপরাধ / জয়-পলকের বিরুদ্ধে অভিযোগ গঠনের আদেশ আজ", "সাভারে শীতার্ত মানুষের পাশে বিএনপি",
        "দৌলতদিয়া-পাটুরিয়া নৌরুট ফেরি চলাচল স্বাভাবিক", "যুদ্ধবিরতির মধ্যেও সিরিয়ায় ড্রোন হামলা",
        "টাঙ্গাইলে নির্বাচন থেকে সরে দাঁড়ালেন ৯ প্রার্থী", "বিএনপিতে যোগ দিলেন আ.লীগের ১৫ নেতাকর্মী",
        "গাজা ইস্যুতে ফ্রান্সকে ২০০ শতাংশ শুল্ক আরোপের হুমকি ট্রাম্পের", "ঢাকায় শীত নিয়ে আবহাওয়া অফিসের বার্তা",
        "বিএসআরএম কারখানায় বিস্ফোরণ", "রাজধানীতে আজ কোথায় কী", "বুধবার রাজধানীর যেসব এলাকার মার্কেট বন্ধ",
        "২১ জানুয়ারি : আজকের নামাজের সময়সূচি", "নিহত র্যাব সদস্য মোতালেবের দাফন সম্পন্ন, গার্ড অব অনার প্রদান",
        "জিয়াউর রহমানের জন্মবার্ষিকীতে মাদ্রাসা ও এতিমখানায় জেডআরএফের শীতবস্ত্র বিতরণ",
        "ভোট দেওয়ার জন্য মানুষ মুখিয়ে রয়েছে : শেখ বাবলু", "রক্তস্পন্দন প্ল্যাটফর্মে অ্যাম্বুলেন্স সার্ভিসের উদ্বোধন",
    ]
    static let sentences = [
        "ইরানের প্রেসিডেন্ট মাসুদ পেজেশকিয়ান রাশিয়া সফরে যাবেন।",
        "সব কিছু ঠিক থাকলে আগামী বছরের জানুয়ারিতে তার মস্কো ভ্রমণের কথা রয়েছে।",
        "সফরে মাসুদ রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিনের সঙ্গে দ্বিপাক্ষিক বৈঠক করবেন।",
        "এতে দুই দেশের মধ্যে সহযোগিতামূলক চুক্তি সই হতে পারে।",
        "এ জন্য দুই দেশ এখন থেকে প্রস্তুতি নিচ্ছে।",
        "সফরের আনুষ্ঠানিকতা হিসেবে রাশিয়ান প্রতিনিধি দল পেজেশকিয়ানকে ২০২৫ সালের প্রথম দিকে মস্কো সফরের আমন্ত্রণ জানিয়েছেন।",
        "ইরানের পররাষ্ট্র মন্ত্রণালয়ের মুখপাত্র ইসমায়েল বাঘাই এর সত্যতা নিশ্চিত করেছেন।",
        "তিনি বলেছেন, জানুয়ারিতে দ্বিপাক্ষিক সফর হবে।",
        "ওই সময় চুক্তিটি স্বাক্ষরিত হবে।",
        "ইউক্রেন যুদ্ধ শুরু হওয়ার পর থেকে রাশিয়া ইরান এবং উত্তর কোরিয়ার মতো মার্কিন যুক্তরাষ্ট্রের প্রতি শত্রুভাবাপন্ন অন্যান্য দেশের সাথে ঘনিষ্ঠ সম্পর্ক গড়ে তুলে।",
        "দেশটির পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভ অক্টোবরে বলেছিলেন, মস্কো ও তেহরান একটি চুক্তি স্বাক্ষর করতে চায়।",
        "যার মধ্যে ঘনিষ্ঠ প্রতিরক্ষা সহযোগিতার বিষয়টি অন্তর্ভুক্ত থাকবে।",
    ]

    // MARK: Helpers

    static func bengaliDigits(_ n: Int, width: Int = 1) -> String {
        let digits = Array("০১২৩৪৫৬৭৮৯")
        var s = String(n)
        while s.count < width { s = "0" + s }
        return String(s.map { digits[Int(String($0))!] })
    }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

/// A small, fast, seedable generator (Steele, Lea, Flood 2014), so generated pages are repeatable.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
