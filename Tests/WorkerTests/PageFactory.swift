import Foundation
import Schemas

/// Generates the test stream: news pages of several sites and languages, written here (no fetched
/// pages), plus pages broken on purpose.
enum PageFactory {
    enum Kind: Equatable { case good, missingURL, brokenEnvelope, tooLarge }

    struct Page {
        var kind: Kind
        var url: String?
        var value: [UInt8]
        var headers: [(String, [UInt8])]
    }

    static let sites: [(domain: String, lang: String, words: [String], desk: String)] = [
        ("dhaka-dainik.test", "bn", ["সরকার", "নির্বাচন", "ঢাকা", "মানুষ", "বাজার", "দাম", "বৃষ্টি", "নদী", "শিক্ষা", "হাসপাতাল", "কৃষক", "ধান"], "নিজস্ব প্রতিবেদক"),
        ("daily-courier.test", "en", ["council", "budget", "river", "school", "market", "prices", "weather", "hospital", "farmers", "harbour", "library", "station"], "Staff Reporter"),
        ("tageblatt.test", "de", ["Stadt", "Haushalt", "Fluss", "Schule", "Markt", "Preise", "Wetter", "Klinik", "Bauern", "Hafen", "Bibliothek", "Bahnhof"], "Redaktion"),
        ("diario-sur.test", "es", ["ciudad", "presupuesto", "río", "escuela", "mercado", "precios", "lluvia", "hospital", "agricultores", "puerto", "biblioteca", "estación"], "Redacción"),
        ("samachar.test", "hi", ["सरकार", "चुनाव", "दिल्ली", "लोग", "बाजार", "कीमत", "बारिश", "नदी", "शिक्षा", "अस्पताल", "किसान", "फसल"], "संवाददाता"),
    ]

    /// Page `i` of the stream; every 20th page is broken, cycling through the broken kinds.
    static func page(_ i: Int, maxPageBytes: Int) -> Page {
        if i % 20 == 7 {
            switch (i / 20) % 3 {
            case 0:
                return Page(kind: .missingURL, url: nil, value: Array("<html><body><p>orphan \(i)</p></body></html>".utf8), headers: [])
            case 1:
                return Page(kind: .brokenEnvelope, url: nil, value: Array(#"{"url": "https://broken.test/\#(i)", "html": "<p>unterminated"#.utf8), headers: [])
            default:
                let url = "https://huge.test/\(i)"
                let filler = String(repeating: "<p>filler text filler text filler text.</p>\n", count: maxPageBytes / 40 + 10)
                return Page(kind: .tooLarge, url: url, value: Array("<html><body>\(filler)</body></html>".utf8), headers: [("url", Array(url.utf8))])
            }
        }
        let site = sites[i % sites.count]
        var rng = SplitMix(seed: UInt64(i))
        func sentence() -> String {
            (0..<(8 + Int(rng.next() % 8))).map { _ in site.words[Int(rng.next() % UInt64(site.words.count))] }.joined(separator: " ") + (site.lang == "bn" || site.lang == "hi" ? "।" : ".")
        }
        let headline = "\(site.words[i % site.words.count]) \(site.words[(i / 3) % site.words.count]) \(i)"
        let paragraphs = (0..<(4 + i % 4)).map { _ in "<p>" + (0..<3).map { _ in sentence() }.joined(separator: " ") + "</p>" }.joined(separator: "\n")
        let url = "https://www.\(site.domain)/news/\(2024)/\(i)"
        let html = """
        <!DOCTYPE html><html lang="\(site.lang)"><head><meta charset="utf-8"><title>\(headline) | \(site.domain)</title>
        <meta property="og:title" content="\(headline)"><link rel="canonical" href="\(url)">
        <meta property="article:published_time" content="2024-12-\(10 + i % 18)T10:\(10 + i % 50):00+06:00"></head>
        <body><nav><a href="/">Home</a> <a href="/a">A</a> <a href="/b">B</a></nav>
        <article><h1>\(headline)</h1><p class="byline">\(site.desk)</p>
        \(paragraphs)
        </article><aside><ul><li><a href="/x">\(sentence())</a></li><li><a href="/y">\(sentence())</a></li></ul></aside></body></html>
        """
        if i % 2 == 0 {
            return Page(kind: .good, url: url, value: Array(html.utf8), headers: [("url", Array(url.utf8)), ("content-type", Array("text/html; charset=utf-8".utf8))])
        }
        let envelope = try! RecordCoding.encode(RawPage(url: url, body: Array(html.utf8), bodyIsText: true, headers: ["content-type": "text/html"]))
        return Page(kind: .good, url: url, value: envelope, headers: [])
    }

    /// A small deterministic random generator.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
