import Schemas
import Testing
@testable import Extraction

@Suite("Cleanup stage: boilerplate at the edges of the body")
struct CleanupTests {
    let cleaner = BodyCleaner()

    @Test("A leading line with a long run of digits is no date line and does not overflow (found by the fuzzer)")
    func longDigitRunIsNoYear() {
        let digits = String(repeating: "7", count: 40)
        #expect(!BodyCleaner.isPostedLine(digits, count: 40))
        #expect(BodyCleaner.isPostedLine(digits + " 2024", count: 45))
        #expect(!BodyCleaner.isPostedLine("20245 copies", count: 12))
    }
    static let prose = "The council approved the budget on Tuesday after a long debate, and the mayor said the new bridge would open next spring."

    func blocks(_ texts: [String]) -> [ContentBlock] {
        texts.enumerated().map { ContentBlock(type: .paragraph, text: $1, node: NodeID($0 + 1)) }
    }

    @Test("Datelines, reading times, ad labels, image counters and copyright lines are trimmed from both ends")
    func edges() {
        let input = blocks([
            "Freitag, 28.04.2023, 19:25", "3 Min Lesezeit", "Advertisement", "Image 1 of 23",
            Self.prose, Self.prose + " Second.",
            "Foto: PAP", "© dpa-infocom, dpa:230428-99-483045/5", "All rights reserved. Acme News 2024.", "Comments",
        ])
        let out = cleaner.clean(input, headline: nil, caption: nil)
        #expect(out.map(\.text) == [Self.prose, Self.prose + " Second."])
    }

    @Test("Blocks repeating the headline or the lead image caption are dropped at the edges")
    func repeats() {
        let input = blocks(["City approves budget", Self.prose, "The mayor at the council meeting."])
        let out = cleaner.clean(input, headline: "City approves budget.", caption: "The mayor at the council meeting")
        #expect(out.map(\.text) == [Self.prose])
    }

    @Test("Bengali and Hindi labels are boilerplate too")
    func southAsian() {
        let input = blocks(["বিজ্ঞাপন", Self.prose, "আরও পড়ুন", "ये भी पढ़ें:"])
        #expect(cleaner.clean(input, headline: nil, caption: nil).map(\.text) == [Self.prose])
    }

    @Test("Running text, a phone number line and blocks in the middle are kept")
    func keeps() {
        let middle = "Advertisement"
        let input = blocks([Self.prose, middle, Self.prose + " Again.", "Inquiry 02-751-1500"])
        let out = cleaner.clean(input, headline: nil, caption: nil)
        #expect(out.map(\.text) == [Self.prose, middle, Self.prose + " Again.", "Inquiry 02-751-1500"])
    }

    @Test("A single block is never trimmed away")
    func single() {
        let input = blocks(["Advertisement"])
        #expect(cleaner.clean(input, headline: nil, caption: nil).count == 1)
    }

    @Test("A leading subheading is kept unless it repeats the headline")
    func leadingHeading() {
        var input = blocks(["Highlights of the budget", Self.prose])
        input[0].type = .heading
        #expect(cleaner.clean(input, headline: "City approves budget", caption: nil).count == 2)
        #expect(cleaner.clean(input, headline: "Highlights of the budget", caption: nil).count == 1)
    }

    @Test("The whole extractor drops a trailing copyright line and a leading dateline")
    func endToEnd() throws {
        var html = "<html><head><title>Bridge to open in spring</title></head><body><article><h1>Bridge to open in spring</h1><p>12.12.2025, 05:07 Uhr</p>"
        for i in 0..<4 { html += "<p>\(Self.prose) Part \(i).</p>" }
        html += "<p>© 2025 Example News. All rights reserved.</p></article></body></html>"
        let r = try ArticleExtractor().extract(RawPage(url: "https://news.example.com/2025/12/12/bridge-to-open-in-spring", body: Array(html.utf8)))
        #expect(r.text.hasPrefix(Self.prose))
        #expect(r.text.hasSuffix("Part 3."))
    }

    @Test("A leading \"Highlights\" box and a place dateline written as its own block are trimmed")
    func highlightsAndDateline() {
        var input = blocks(["Highlights", "Point one\nPoint two", "Washington/ New Delhi:", Self.prose, Self.prose + " Two."])
        input[0].type = .heading
        input[1].type = .list
        #expect(cleaner.clean(input, headline: nil, caption: nil).map(\.text) == [Self.prose, Self.prose + " Two."])
        let bengali = blocks(["ঢাকা:", Self.prose])
        #expect(cleaner.clean(bengali, headline: nil, caption: nil).map(\.text) == [Self.prose])
    }

    @Test("A lead-in sentence ending in a colon is not a dateline")
    func leadInKept() {
        let input = blocks(["Here is what we know so far about the plan:", Self.prose, "The mayor said:", Self.prose])
        #expect(cleaner.clean(input, headline: nil, caption: nil).count == 4)
        let short = blocks(["He said: yes.", Self.prose])
        #expect(cleaner.clean(short, headline: nil, caption: nil).count == 2)
        let leadIn = blocks(["The mayor said:", Self.prose])
        #expect(cleaner.clean(leadIn, headline: nil, caption: nil).count == 2)
    }

    @Test("A closing paragraph promoting the site's newsletter, app or channel is trimmed; one mention in long prose is not")
    func closingPromo() {
        let promo = "Our website is the place for the latest breaking news, exclusive scoops and longreads. Please bookmark our homepage and sign up for our newsletters so we can keep you informed."
        let bengali = "সর্বশেষ খবর পেতে আমাদের ইউটিউব চ্যানেল সাবস্ক্রাইব করুন"
        let input = blocks([Self.prose, Self.prose + " Two.", promo, bengali])
        #expect(cleaner.clean(input, headline: nil, caption: nil).map(\.text) == [Self.prose, Self.prose + " Two."])
        let mention = Self.prose + " The council also said residents who subscribe to its newsletter would hear about the works first, before the roads close."
        let kept = blocks([Self.prose, mention])
        #expect(cleaner.clean(kept, headline: nil, caption: nil).count == 2)
    }

    @Test("A leading line dating the post or naming the author is trimmed, in several languages")
    func leadingPostedAndBylineLines() {
        for line in ["November 15, 2019", "Published on: February 14, 2025", "Posted on Maret 30, 2015 by Admin",
                     "October 11, 2023 by Autumn Huerter", "von Oliver Kring", "di Viviana Mazza", "By Md Aynal Haque",
                     "Reading Time: 11 minutes", "Table of contents"] {
            let out = cleaner.clean(blocks([line, Self.prose, Self.prose + " Two."]), headline: nil, caption: nil)
            #expect(out.map(\.text) == [Self.prose, Self.prose + " Two."], "\(line)")
        }
    }

    @Test("A leading sentence with a year, a name after a preposition, or a dated line at the end are kept")
    func leadingSentencesKept() {
        for line in ["In 2019, the company grew. It hired staff.", "By the river, the town grew.", "By Tuesday the council had agreed on the plan."] {
            let out = cleaner.clean(blocks([line, Self.prose]), headline: nil, caption: nil)
            #expect(out.count == 2, "\(line)")
        }
    }

    @Test("An affiliate disclosure at either edge is trimmed")
    func affiliateDisclosure() {
        let lead = "Purchases made through links earn us a small commission, at no extra cost to you."
        let tail = "We independently test everything we recommend. Buying through links on our site supports our work."
        let out = cleaner.clean(blocks([lead, Self.prose, Self.prose + " Two.", tail]), headline: nil, caption: nil)
        #expect(out.map(\.text) == [Self.prose, Self.prose + " Two."])
    }
}
