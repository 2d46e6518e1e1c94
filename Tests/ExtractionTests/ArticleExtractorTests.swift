import Foundation
import Schemas
import Testing
@testable import Extraction

/// Loads a fixture page next to this file.
func fixture(_ name: String) throws -> [UInt8] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
    return Array(try Data(contentsOf: url))
}

@Suite("ArticleExtractor end to end on our own fixture pages")
struct ArticleExtractorTests {
    let extractor = ArticleExtractor()

    @Test("Kalbela-style Bengali page: headline, exactly the five body paragraphs, lead image with credit, no boilerplate")
    func kalbela() throws {
        let page = RawPage(url: "https://www.kalbela.example.bd/international/asia/145678", body: try fixture("kalbela-style-article.html"))
        let r = try extractor.extract(page)
        #expect(r.headline == "রাশিয়া সফরে যাবেন ইরানের প্রেসিডেন্ট")
        #expect(r.body.count == 5)
        #expect(r.body.allSatisfy { $0.type == .paragraph })
        #expect(r.body.first?.text.hasPrefix("ইরানের প্রেসিডেন্ট মাসুদ পেজেশকিয়ান রাশিয়া সফরে যাবেন।") == true)
        #expect(r.body.first?.text.hasSuffix("খবর রয়টার্সের।") == true)
        #expect(r.body.last?.text.hasSuffix("অন্তর্ভুক্ত থাকবে।") == true)
        for leak in ["Google News", "মন্তব্য করুন", "সর্বশেষ", "জনপ্রিয়", "অনলাইন সংস্করণ", "শেয়ার করুন", "ছবি :", "ট্রাম্প", "প্রকাশ :"] {
            #expect(!r.text.contains(leak), "body leaks \(leak)")
        }
        let lead = try #require(r.leadImage)
        #expect(lead.url == "https://img.kalbela.example.bd/uploads/2024/12/27/iran-russia-presidents.jpg")
        #expect(lead.caption == "ইরানের প্রেসিডেন্ট মাসুদ পেজেশকিয়ান ও রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিন।")
        #expect(lead.credit == "সংগৃহীত")
        #expect(r.pageType == .article)
        #expect(r.canonicalURL.hasPrefix("https://www.kalbela.example.bd/international/asia/145678"))
        #expect(r.id == String(SHA256.hex(CanonicalURL.normalize(r.canonicalURL)).prefix(32)))
        #expect(r.extractorVersion == ExtractorVersion.current)
    }

    @Test("English page: heading, quote and paragraphs kept; share bar, read-more, newsletter, related, comments, cookie banner dropped")
    func english() throws {
        let r = try extractor.extract(RawPage(url: "https://ledger.example.com/news/flood-barriers", body: try fixture("english-boilerplate-article.html")))
        #expect(r.headline == "City council approves new flood barriers")
        #expect(r.body.map(\.type) == [.paragraph, .paragraph, .heading, .paragraph, .quote, .paragraph])
        #expect(r.body[2].text == "Cost and timeline")
        for leak in ["Read more", "newsletter", "Share on", "River levels", "Great news", "cookies", "Most read", "All rights reserved", "By Jane Porter"] {
            #expect(!r.text.contains(leak), "body leaks \(leak)")
        }
        let lead = try #require(r.leadImage)
        #expect(lead.url == "https://ledger.example.com/images/barrier.jpg")
        #expect(lead.caption == "Workers install a temporary barrier on the east bank.")
        #expect(lead.credit == "AP Photo/Sam Lee")
    }

    @Test("German page with Hindi promo: 'Lesen Sie auch', 'Anzeige', 'ये भी पढ़ें' and the consent layer stay out of the body")
    func german() throws {
        let r = try extractor.extract(RawPage(url: "https://zeitung.example.de/lokal/radwege", body: try fixture("german-hindi-boilerplate.html")))
        #expect(r.body.count == 3)
        #expect(r.text.contains("zwölf Kilometer"))
        for leak in ["Lesen Sie auch", "Anzeige", "ये भी पढ़ें", "Cookies"] {
            #expect(!r.text.contains(leak), "body leaks \(leak)")
        }
    }

    @Test("The same page reached through a tracking URL gets the same record id")
    func stableID() throws {
        let a = try extractor.extract(RawPage(url: "https://ledger.example.com/news/flood-barriers?utm_source=x#top", body: try fixture("english-boilerplate-article.html")))
        let b = try extractor.extract(RawPage(url: "https://LEDGER.example.com/news/flood-barriers", body: try fixture("english-boilerplate-article.html")))
        #expect(a.id == b.id)
        #expect(a.id.count == 32)
    }
}

@Suite("Caption and credit split")
struct CaptionCreditTests {
    @Test("Credits in several languages and forms are split from the caption", arguments: [
        ("ইরানের প্রেসিডেন্ট মাসুদ পেজেশকিয়ান। ছবি : সংগৃহীত", "ইরানের প্রেসিডেন্ট মাসুদ পেজেশকিয়ান।", "সংগৃহীত"),
        ("Protesters gather outside parliament. Photo: Reuters", "Protesters gather outside parliament.", "Reuters"),
        ("Firefighters at the scene (AP Photo/John Smith)", "Firefighters at the scene", "AP Photo/John Smith"),
        ("Der Bürgermeister bei der Eröffnung. Foto: dpa", "Der Bürgermeister bei der Eröffnung.", "dpa"),
        ("A quiet street in the old town", "A quiet street in the old town", nil),
    ])
    func split(raw: String, caption: String, credit: String?) {
        let (c, cr) = CaptionCredit.split(raw)
        #expect(c == caption)
        #expect(cr == credit)
    }

    @Test("Removing a credit from its caption gives the bytes of Foundation's replacingCharacters", arguments: [
        ("Flood barriers on the Thames. Photo: Reuters", "Photo: Reuters"),
        ("ইরানের প্রেসিডেন্ট। ছবি : সংগৃহীত", "সংগৃহীত"),
        ("Cafe\u{301} terrace © Jane Doe", "© Jane Doe"),
        ("Café terrace Cafe\u{301}", "Café"),          // canonically equivalent match, other bytes
        ("e\u{301}e\u{301}e", "e"),                    // "e" only as a whole Character
        ("x\r\ny credit", "\ny"),
        ("no match here", "absent"),
        ("credit credit", "credit"),
    ])
    func replacingFirst(full: String, credit: String) {
        let ours = full.replacingFirst(credit, with: "")
        let foundation = full.range(of: credit).map { full.replacingCharacters(in: $0, with: "") } ?? full
        #expect(Array(ours.utf8) == Array(foundation.utf8))
        let replaced = full.replacingFirst(credit, with: "[x]")
        let foundationReplaced = full.range(of: credit).map { full.replacingCharacters(in: $0, with: "[x]") } ?? full
        #expect(Array(replaced.utf8) == Array(foundationReplaced.utf8))
    }

    @Test("Mapping a match in the lower-cased caption back to the caption agrees with counting Characters", arguments: [
        "ইরানের প্রেসিডেন্ট। ছবি : সংগৃহীত",
        "Protesters gather. PHOTO: Reuters",
        "e\u{301}e\u{301} Photo: x\u{301}",   // combining marks next to the label
        "İstanbul'da miting. Foto: AA",        // lower-casing lengthens İ: the plain path
        "ẞtraße Bild: Keystone",
        "\r\nFoto:\r\ndpa",
        "फ़ोटो: PTI",
        "🇩🇪🇩🇪 © dpa",
    ])
    func textBounds(raw: String) {
        let lowerBytes = CaseMapping.lowercasedBytes(raw)
        let lower = String(decoding: lowerBytes, as: UTF8.self)
        // Every pair of Character boundaries of the lower-cased text, and a few that are not.
        var bounds = Array(lower.indices) + [lower.endIndex]
        bounds += lower.unicodeScalars.indices.filter { !bounds.contains($0) }
        var compared = 0
        for a in bounds {
            for b in bounds where a <= b {
                let fast = CaptionCredit.textBounds(of: a..<b, in: lower, lowerBytes: lowerBytes, text: raw)
                let plain = CaptionCredit.plainTextBounds(of: a..<b, in: lower, text: raw)
                #expect(Array(String(raw[fast.0...]).utf8) == Array(String(raw[plain.0...]).utf8))
                #expect(Array(String(raw[fast.1...]).utf8) == Array(String(raw[plain.1...]).utf8))
                #expect(Array(String(raw[..<fast.0]).utf8) == Array(String(raw[..<plain.0]).utf8))
                compared += 1
            }
        }
        #expect(compared > 1)
    }
}
