import Foundation
import Schemas
import Testing
@testable import Extraction

/// The product brief's reference page: a Kalbela article (our own markup, modelled on the page whose
/// visible text is in `../shared/seed/`) must come out as one complete, clean record.
@Suite("The seed page's record, field by field")
struct SeedPageRecordTests {
    static let seedText = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/seed/kalbela-article-rendered.txt")

    func record() throws -> ArticleRecord {
        try ArticleExtractor().extract(RawPage(
            url: "https://www.kalbela.com/international/asia/145678",
            body: try fixture("kalbela-style-article.html"),
            headers: ["content-type": "text/html; charset=utf-8"]))
    }

    @Test("headline, desk byline, Bangladesh time, caption and credit, Reuters, Bengali")
    func fields() throws {
        let r = try record()
        #expect(r.headline == "রাশিয়া সফরে যাবেন ইরানের প্রেসিডেন্ট")
        #expect(r.authors == [ArticleRecord.Author(name: "কালবেলা ডেস্ক", role: .desk)])
        #expect(r.publishedAt == "2024-12-27T20:53:00+06:00")
        #expect(r.timezoneInferred)
        #expect(r.leadImage?.caption == "ইরানের প্রেসিডেন্ট মাসুদ পেজেশকিয়ান ও রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিন।")
        #expect(r.leadImage?.credit == "সংগৃহীত")
        #expect(r.attributions == ["Reuters"])
        #expect(r.language == "bn")
        #expect(r.pageType == .article)
        #expect(r.schema == "article/v1")
    }

    @Test("the body is exactly the seed's five paragraphs and nothing of its boilerplate", .enabled(if: FileManager.default.fileExists(atPath: seedText.path), "needs ../shared/seed/kalbela-article-rendered.txt beside the project"))
    func bodyMatchesSeed() throws {
        let seed = try String(contentsOf: Self.seedText, encoding: .utf8)
        let lines = seed.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        // In the seed, the five body paragraphs stand between the second caption line and the promo.
        let start = try #require(lines.lastIndex { $0.hasSuffix("ছবি : সংগৃহীত") }) + 1
        let end = try #require(lines.firstIndex { $0.contains("Google News") })
        let paragraphs = lines[start..<end].filter { !$0.isEmpty }
        #expect(paragraphs.count == 5)
        let r = try record()
        #expect(r.body.map(\.text) == paragraphs.map { $0.precomposedStringWithCanonicalMapping })
        // Nothing after the body in the seed (promo, comment prompt, latest/popular lists) is in the record's text.
        for line in lines[end...] where line.count > 3 {
            #expect(!r.text.contains(line), "body leaks \(line)")
        }
    }

    @Test("extracting the same page twice gives byte-identical JSON")
    func deterministic() throws {
        #expect(try RecordCoding.encode(record()) == RecordCoding.encode(record()))
    }
}
