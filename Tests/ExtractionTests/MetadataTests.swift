import Foundation
import Testing
import Schemas
@testable import Extraction

/// Loads a fixture from `Tests/ExtractionTests/Fixtures` and parses it.
func fieldsFixture(_ name: String) throws -> HTMLDocument {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
    let bytes = Array(try Data(contentsOf: url))
    let decoded = try PageDecoder().decode(bytes, contentType: "text/html; charset=utf-8")
    return try HTMLParser().parse(decoded)
}

func parseHTML(_ html: String) throws -> HTMLDocument {
    try HTMLParser().parse(PageDecoder().decode(Array(html.utf8), contentType: "text/html; charset=utf-8"))
}

/// The fields ``FieldResolver`` gives a parsed fixture page: its metadata, and its paragraphs of
/// more than 60 characters standing in for the content stage's body.
func resolveFields(_ doc: HTMLDocument, url: String) -> ResolvedFields {
    let md = MetadataExtractor().extract(doc)
    let paragraphs = doc.elements(.p).map { doc.textContent(of: $0) }.filter { $0.count > 60 }
    return FieldResolver().resolve(document: doc, metadata: md, content: .init(paragraphs: paragraphs), pageURL: url)
}

/// ``resolveFields(_:url:)`` of a fixture page given as HTML.
func resolveFields(_ html: String, url: String) throws -> ResolvedFields {
    try resolveFields(parseHTML(html), url: url)
}

@Suite("LenientJSON")
struct LenientJSONTests {
    @Test("reads JSON-LD as pages really write it", arguments: [
        #"{"a": "x", "b": [1, 2,],}"#,
        "<!-- {\"a\": \"x\"} -->",
        "//<![CDATA[\n{\"a\": \"x\"}\n//]]>",
        "{'a': 'x'}",
        "/* comment */ {\"a\": \"x\" /* inline */}",
        "\u{FEFF}{\"a\":\"x\"}",
    ])
    func tolerant(text: String) {
        let v = LenientJSON().parse(text)
        #expect(v?["a"]?.string == "x", "\(text)")
    }

    @Test("raw control characters inside strings become spaces")
    func controlCharacters() {
        #expect(LenientJSON().parse("{\"a\": \"line one\nline\ttwo\"}")?["a"]?.string == "line one line two")
    }

    @Test("\\n, \\r and \\t escapes decode to their characters; metadata values are collapsed")
    func whiteSpaceEscapes() throws {
        #expect(LenientJSON().parse(#"{"a": "one\ntwo\tthree\r"}"#)?["a"]?.string == "one\ntwo\tthree\r")
        let md = MetadataExtractor().extract(try parseHTML("<html><head><script type='application/ld+json'>"
            + #"{"@type":"NewsArticle","headline":"Flood\nbarrier approved","articleSection":"Local\nNews","keywords":"flood,\nbarrier"}"#
            + "</script></head><body></body></html>"))
        #expect(md.titles.first?.value == "Flood barrier approved")
        #expect(md.sections.first?.value == "Local News")
        #expect(md.tags == ["flood", "barrier"])
    }

    @Test("several top-level values become an array; escapes decode")
    func multiple() {
        let v = LenientJSON().parse(#"{"a":1} {"b":"\u0995\u09be\/x \"q\""}"#)
        #expect(v?.list.count == 2)
        #expect(v?.list.last?["b"]?.string == "কা/x \"q\"")
    }

    @Test("garbage gives nothing and never crashes", arguments: ["", "not json", "{{{{", "]]]", "{\"a\": tru}", String(repeating: "[", count: 500)])
    func garbage(text: String) {
        _ = LenientJSON().parse(text)
        #expect(LenientJSON().parse("not json") == nil)
    }
}

@Suite("MetadataExtractor")
struct MetadataTests {
    @Test("reads a malformed @graph block inside an HTML comment, with @id authors")
    func graph() throws {
        let md = MetadataExtractor().extract(try fieldsFixture("fields-bangla-district.html"))
        #expect(md.titles.first == .init("সিলেটে বন্যায় পানিবন্দি লাখো মানুষ", .jsonLD))
        #expect(md.published.first == .init("2024-06-19T09:40:00+00:00", .jsonLD))
        #expect(md.modified.first?.value == "2024-06-19T11:05:00+00:00")
        #expect(md.authors.first == .init(name: "Surma Barta", isOrganization: true, source: .jsonLD))
        #expect(md.descriptions.first?.value == "টানা বৃষ্টি ও উজানের ঢলে সিলেটের নিম্নাঞ্চল প্লাবিত। লাখো মানুষ পানিবন্দি।")
        #expect(md.jsonLDTypes.contains("NewsArticle"))
        #expect(md.languages.first == .init("en-US", .html))
        #expect(md.sections.first?.value == "সারাদেশ")
        #expect(md.tags == ["সিলেট", "বন্যা", "পানিবন্দি"])
    }

    @Test("JSON-LD comes before OpenGraph, which comes before <time>; arrays of persons are read")
    func precedence() throws {
        let md = MetadataExtractor().extract(try fieldsFixture("fields-english-graph.html"))
        #expect(md.published.map(\.source) == [.jsonLD, .openGraph, .timeElement])
        #expect(md.authors.filter { $0.source == .jsonLD }.map(\.name) == ["Maria Lopez", "Tom O'Neill"])
        #expect(md.authors.contains { $0.source == .link && $0.name == "Maria Lopez" })
        #expect(md.siteNames.first == .init("The Riverside Chronicle", .jsonLD))
        #expect(md.sections.first == .init("Local", .jsonLD))
        #expect(md.tags.prefix(2) == ["Flooding", "Local government"])
    }

    @Test("meta names, microdata and canonical links")
    func metaNames() throws {
        let doc = try parseHTML("""
        <html lang="de"><head><title>T</title>
        <meta name="author" content="Birgit Baumann"><meta name="date" content="2024-05-03T15:47:42+02:00">
        <meta name="DC.date.issued" content="2024-05-03"><link rel="canonical" href="https://example.at/a">
        <meta property="og:url" content="https://example.at/a?x=1"></head>
        <body><div itemscope itemtype="https://schema.org/Article"><h1 itemprop="headline">Titel</h1>
        <span itemprop="author" itemscope><span itemprop="name">Anna Fink</span></span>
        <time itemprop="datePublished" datetime="2024-05-03T15:47:42+02:00">3. Mai</time></div></body></html>
        """)
        let md = MetadataExtractor().extract(doc)
        #expect(md.authors.map(\.name) == ["Anna Fink", "Birgit Baumann"])
        #expect(md.published.first == .init("2024-05-03T15:47:42+02:00", .microdata))
        #expect(md.published.contains(.init("2024-05-03", .meta)))
        #expect(md.canonicalURLs.first == .init("https://example.at/a", .link))
        #expect(md.titles.first == .init("Titel", .microdata))
        #expect(md.languages.first?.value == "de")
    }

    @Test("a <meta> that carries its date in value= instead of content= is read, so an Updated time is not the only date")
    func metaValueAttribute() throws {
        let html = """
        <html><head><title>Port reopens after storm</title>
        <meta name="publish-date" value="Tue, 07 Apr 2020 07:36:07 +0530">
        <meta name="modified-date" value="Tue, 07 Apr 2020 15:49:34 +0530"></head>
        <body><article><h1>Port reopens after storm</h1>
        <span>Updated: April 07, 2020 03:49 pm IST</span>
        <p>The port reopened on Tuesday morning after the storm had closed it for three days, officials said.</p>
        <p>Ships queued outside the harbour began to enter at dawn, and the first cargo was unloaded by noon.</p>
        </article></body></html>
        """
        let md = MetadataExtractor().extract(try parseHTML(html))
        #expect(md.published.first?.value == "Tue, 07 Apr 2020 07:36:07 +0530")
        let record = try ArticleExtractor().extract(RawPage(url: "https://news.example.in/port-reopens", body: Array(html.utf8)))
        #expect(record.publishedAt == "2020-04-07T07:36:07+05:30")
    }

    @Test("a product widget's reviews are not the article: their authors are not read")
    func productReviews() throws {
        let doc = try parseHTML("""
        <html><head><script type="application/ld+json">{"@type":"Product","name":"Watch 5",
        "review":[{"@type":"Review","author":"Widget Publisher GmbH","reviewBody":"Good."}]}</script>
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"Samsung shows new watches",
        "author":{"@type":"Person","name":"Duy Linh"},"datePublished":"2024-07-10T16:00:00+02:00"}</script>
        </head><body><h1>Samsung shows new watches</h1></body></html>
        """)
        let md = MetadataExtractor().extract(doc)
        #expect(md.authors.map(\.name) == ["Duy Linh"])
        #expect(md.titles.first == .init("Samsung shows new watches", .jsonLD))
    }
}
