import Foundation
import Testing

@testable import Extraction

/// The shortcuts of the metadata stage give the answers of the code they replace: the `<meta>` key
/// table reads every key as the former `switch` did (kept here as the reference), the one-pass
/// search for elements with an attribute finds what ``HTMLDocument/attributeRange(_:of:)`` finds
/// element by element, and the byte check on `rel` turns away no link whose lower-cased `rel`
/// holds the word.
@Suite("Metadata stage fast paths: same answers as the code they replace")
struct MetadataFastPathTests {
    // MARK: <meta> keys

    static func readMetaReference(
        key: String, content: String, og: inout MetadataExtractor.Buckets, micro: inout MetadataExtractor.Buckets, twitter: inout MetadataExtractor.Buckets,
        meta: inout MetadataExtractor.Buckets, md: inout PageMetadata
    ) {
        switch key {
        case "og:title": og.titles.append(.init(content, .openGraph))
        case "twitter:title": twitter.titles.append(.init(content, .twitter))
        case "title", "dc.title", "sailthru.title", "parsely-title", "headline": meta.titles.append(.init(content, .meta))
        case "og:description": og.descriptions.append(.init(content, .openGraph))
        case "twitter:description": twitter.descriptions.append(.init(content, .twitter))
        case "description", "dc.description": meta.descriptions.append(.init(content, .meta))
        case "article:published_time", "og:article:published_time": og.published.append(.init(content, .openGraph))
        case "article:modified_time", "og:article:modified_time": og.modified.append(.init(content, .openGraph))
        case "datepublished": micro.published.append(.init(content, .microdata))
        case "datemodified": micro.modified.append(.init(content, .microdata))
        case "article:author":
            if !content.hasPrefix("http") { og.authors.append(.init(name: content, source: .openGraph)) }
        case "article:section": og.sections.append(.init(content, .openGraph))
        case "section", "parsely-section", "sailthru.section", "article.section", "category": meta.sections.append(.init(content, .meta))
        case "articlesection": micro.sections.append(.init(content, .microdata))
        case "article:tag": og.tags += MetadataExtractor.splitTags(content, comma: false)
        case "keywords", "news_keywords", "parsely-tags", "sailthru.tags": meta.tags += MetadataExtractor.splitTags(content, comma: true)
        case "og:site_name": og.siteNames.append(.init(content, .openGraph))
        case "application-name", "apple-mobile-web-app-title": meta.siteNames.append(.init(content, .meta))
        case "og:url": og.canonicalURLs.append(.init(content, .openGraph))
        case "og:locale": og.languages.append(.init(content, .openGraph))
        case "content-language", "language", "dc.language", "inlanguage": meta.languages.append(.init(content, .meta))
        case "og:image", "og:image:url", "og:image:secure_url": og.images.append(.init(content, .openGraph))
        case "twitter:image", "twitter:image:src": twitter.images.append(.init(content, .twitter))
        case "og:type": md.ogType = content.lowercased()
        default:
            if MetadataExtractor.publishedKeys.contains(key) { meta.published.append(.init(content, .meta)) }
            else if MetadataExtractor.modifiedKeys.contains(key) { meta.modified.append(.init(content, .meta)) }
            else if let kind = MetadataExtractor.dateKind(of: key) {
                if kind { meta.published.append(.init(content, .meta)) } else { meta.modified.append(.init(content, .meta)) }
            }
            else if MetadataExtractor.authorKeys.contains(key) {
                if !content.hasPrefix("http") { meta.authors.append(.init(name: content, source: .meta)) }
            }
        }
    }


    @Test("A <meta>'s key and content read in one pass over its attributes equal the chains of attribute lookups they replace")
    func metaAttributesAgreeWithLookups() throws {
        let names = ["property", "name", "itemprop", "http-equiv", "content", "value", "charset", "data-x"]
        let values = ["og:title", "OG:Title", "", " ", "Dhaka\u{00A0} news  ", "বাংলা শিরোনাম", "İSTANBUL", "\u{212A}eywords", "twitter:label1",
                      "article:published_time", "  spaced\tout\n", "x", "ÄRZTE"]
        var rng = SplitMix64(seed: 0x3E7A_0001)
        var html = "<html><head>"
        for _ in 0..<500 {
            html += "<meta"
            for _ in 0..<Int.random(in: 0...5, using: &rng) {
                html += " \(names[Int.random(in: 0..<names.count, using: &rng)])=\"\(values[Int.random(in: 0..<values.count, using: &rng)])\""
            }
            html += ">"
        }
        html += "</head><body></body></html>"
        let doc = try parseHTML(html)
        for m in doc.elements(.meta) {
            let key = doc.attribute("property", of: m) ?? doc.attribute("name", of: m) ?? doc.attribute("itemprop", of: m) ?? doc.attribute("http-equiv", of: m)
            let content = doc.attribute("content", of: m) ?? doc.attribute("value", of: m)
            let (keyRange, contentRange) = MetadataExtractor.metaAttributes(doc, m)
            #expect(keyRange.map { doc.string($0) } == key, "\(doc.attributes(of: m))")
            #expect(contentRange.map { doc.string($0) } == content, "\(doc.attributes(of: m))")
            if let keyRange {
                #expect(MetadataExtractor.lowercasedString(doc, keyRange) == doc.string(keyRange).lowercased())
                #expect(Array(MetadataExtractor.lowercasedString(doc, keyRange).utf8) == Array(doc.string(keyRange).lowercased().utf8))
            }
            if let contentRange, let content {
                let inPlace = doc.bytes.withUnsafeBufferPointer { HTMLDocument.collapseBytes(UnsafeBufferPointer(rebasing: $0[contentRange])) }
                #expect(inPlace == HTMLDocument.collapse(content))
            }
        }
    }

    @Test("The JSON string scanner finds the end of a plain run eight bytes at a time exactly where a byte-by-byte scan does")
    func plainRunAgreesWithReference() {
        let bytes: [UInt8] = [0x22, 0x27, 0x5C, 0x00, 0x09, 0x0A, 0x1F, 0x20, 0x21, 0x41, 0x7F, 0x80, 0x9C, 0xA2, 0xA7, 0xDC, 0xE0, 0xA6, 0xAC, 0xFF]
        var rng = SplitMix64(seed: 0x1_5011)
        for _ in 0..<4_000 {
            var b: [UInt8] = []
            for _ in 0..<Int.random(in: 0...40, using: &rng) {
                // Mostly plain letters, so runs are long enough for the eight-byte scan.
                b.append(Int.random(in: 0..<4, using: &rng) == 0 ? bytes[Int.random(in: 0..<bytes.count, using: &rng)] : UInt8.random(in: 0x61...0x7A, using: &rng))
            }
            let start = b.isEmpty ? 0 : Int.random(in: 0...b.count, using: &rng)
            for quote: UInt8 in [0x22, 0x27] {
                b.withUnsafeBufferPointer { buf in
                    #expect(LenientJSON.Parser.plainRun(buf, from: start, quote: quote) == LenientJSON.Parser.plainRunReference(buf, from: start, quote: quote), "\(b) from \(start)")
                }
            }
        }
    }

    @Test("The rel attribute found by its three bytes is the one attributeRange finds")
    func relRangeAgreesWithAttributeRange() throws {
        let doc = try parseHTML("""
            <html><head><link rel="canonical" href="/a"><link href="/b"><link REL="Author" rel="x"><link data-rel="y" rel=""></head>
            <body><a rel="author" href="/c">A</a><a href="/d" re="z" rell="w">B</a><a rel="nofollow author" rel="me">C</a><p>text</p></body></html>
            """)
        var checked = 0
        for i in 0..<doc.count {
            #expect(MetadataExtractor.relRange(doc, NodeID(i)) == doc.attributeRange("rel", of: NodeID(i)), "\(i)")
            if doc.attributeRange("rel", of: NodeID(i)) != nil { checked += 1 }
        }
        #expect(checked >= 5)
    }

    /// Every key the reference names, keys near them, and keys of other kinds.
    static let metaKeySamples: [String] = {
        var keys = Array(MetadataExtractor.publishedKeys) + Array(MetadataExtractor.modifiedKeys) + Array(MetadataExtractor.authorKeys)
            + Array(MetadataExtractor.metaKeys.keys)
        keys += ["", "published", "updated", "publication-date", "w-published-date", "updated date", "publisher-date", "revised-date",
                 "og:title ", "OG:TITLE", "og:titl", "twitter:label1", "twitter:data1", "viewport", "robots", "date\u{301}",
                 "auth\u{212A}or", "author\u{301}", "modif-date", "publishdate-x", "keywords,", "e\u{301}"]
        keys += keys.map { $0 + "x" } + keys.map { "x" + $0 }
        return keys
    }()

    @Test("the <meta> key table files every key where the former switch did")
    func metaKeys() {
        for key in Self.metaKeySamples {
            for content in ["Jane Doe", "https://example.com/jane", "a, b; c"] {
                var og = MetadataExtractor.Buckets(), micro = MetadataExtractor.Buckets(), twitter = MetadataExtractor.Buckets()
                var meta = MetadataExtractor.Buckets(), md = PageMetadata()
                MetadataExtractor.readMeta(key: key, content: content, og: &og, micro: &micro, twitter: &twitter, meta: &meta, md: &md)
                var og2 = MetadataExtractor.Buckets(), micro2 = MetadataExtractor.Buckets(), twitter2 = MetadataExtractor.Buckets()
                var meta2 = MetadataExtractor.Buckets(), md2 = PageMetadata()
                Self.readMetaReference(key: key, content: content, og: &og2, micro: &micro2, twitter: &twitter2, meta: &meta2, md: &md2)
                #expect(String(describing: [og, micro, twitter, meta]) == String(describing: [og2, micro2, twitter2, meta2]), "\(key.debugDescription)")
                #expect(md == md2, "\(key.debugDescription)")
                if MetadataExtractor.metaKeys[key] == nil, MetadataExtractor.dateKind(of: key) == nil {
                    // The <meta>s the extractor passes over before making their content: the reference files nothing.
                    #expect(String(describing: [og2, micro2, twitter2, meta2]) == String(describing: Array(repeating: MetadataExtractor.Buckets(), count: 4)))
                    #expect(md2 == PageMetadata(), "\(key.debugDescription)")
                }
            }
        }
    }

    // MARK: Attributes

    /// Checks the attribute shortcuts on every element of `doc`; returns how many elements have
    /// `itemprop` or `rel`, so a test can tell its pages reached them.
    @discardableResult
    static func checkAttributes(_ doc: HTMLDocument, _ name: String) -> Int {
        var hits = 0
        for attribute in ["itemprop", "rel", "class", "x"] {
            let reference = (0..<doc.count).compactMap { i in doc.attributeRange(attribute, of: NodeID(i)).map { (NodeID(i), $0) } }
            let found = doc.elements(havingAttribute: attribute)
            #expect(found.map(\.node) == reference.map(\.0), "\(name) \(attribute)")
            #expect(found.map(\.value) == reference.map(\.1), "\(name) \(attribute)")
            if attribute != "class" { hits += found.count }
        }
        for i in 0..<doc.count {
            let n = NodeID(i)
            guard let rel = doc.attribute("rel", of: n) else {
                #expect(!MetadataExtractor.mayHoldRelWord(doc, MetadataExtractor.authorBytes, of: n), "\(name) \(i)")
                continue
            }
            let pieces = rel.lowercased().split(separator: " ")
            for word in ["author", "canonical"] where pieces.contains(Substring(word)) {
                #expect(MetadataExtractor.mayHoldRelWord(doc, Array(word.utf8), of: n), "\(name) \(i) \(rel.debugDescription)")
            }
        }
        return hits
    }

    @Test("attribute shortcuts agree with their references on fixture markup")
    func fixtureAttributes() throws {
        let html = """
            <html><head><link REL="Canonical" href="https://example.com/a"><link rel="stylesheet canonical" href="/x">
            <link rel="canon\u{130}cal" href="/y"><link rel="CANONİCAL x" href="/z"><link rel="" href="/e"></head><body>
            <div itemprop="headline" itemprop="author">T</div><span ITEMPROP="author">A</span><p itemprop>empty</p>
            <a rel="AUTHOR" href="/a">Jane</a><a rel="nofollow author\u{301}">B</a><a rel="auth\u{212A}or">C</a><a rel=" Author ">D</a>
            <meta itemprop="datePublished" content="2024-01-02"><a rel="noopener noreferrer">E</a><i itemprop="name" rel="author">F</i>
            </body></html>
            """
        let doc = try parseHTML(html)
        #expect(Self.checkAttributes(doc, "fixture") >= 10)
    }

    @Test("attribute shortcuts agree with their references on every element of corpus pages",
          .enabled(if: ParseEquivalenceTests.corpusRoot != nil, "../shared/corpus (or NEWSFLOW_CORPUS) is not available: fetched pages are never part of the project"))
    func corpusAttributes() throws {
        let documents = ParseEquivalenceTests.corpusDocuments(["scrapinghub_aeb", "southasia", "fundus", "wcxb-article"], perFolder: 12)
        var hits = 0
        for (name, doc) in documents { hits += Self.checkAttributes(doc, name) }
        #expect(!documents.isEmpty)
        #expect(hits > 100)
    }

    // MARK: JSON strings

    /// ``LenientJSON`` string reading as it was before the plain-run shortcut: byte by byte.
    static func stringReference(_ b: [UInt8], from start: Int, quote: UInt8) -> (String, Int) {
        var p = LenientJSON.Parser(b: b, maxDepth: 64)
        p.i = start + 1
        var out: [UInt8] = []
        while p.i < b.count {
            let c = b[p.i]
            if c == quote { p.i += 1; break }
            if c == 0x5C, p.i + 1 < b.count {
                let e = b[p.i + 1]
                p.i += 2
                switch e {
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x74: out.append(0x09)
                case 0x66, 0x62: out.append(0x20)
                case 0x75:
                    if let scalar = p.unicodeEscape() { out.append(contentsOf: Array(String(Character(scalar)).utf8)) }
                default: out.append(e)
                }
                continue
            }
            out.append(c < 0x20 ? 0x20 : c)
            p.i += 1
        }
        return (String(decoding: out, as: UTF8.self), p.i)
    }

    @Test("keywords split at commas from the bytes equal those split by Characters, on awkward text")
    func separatedBytesMatchCharacters() {
        let pieces = [
            "বাংলাদেশ", "রাজনীতি", "", " ", "a", "é", "e\u{301}", "\u{301}", "\u{600}", "\u{600}x", "\r", "\n", "\r\n", "\u{200D}",
            "👍🏽", "🇧🇩", "क्ष", "ഡ\u{D4E}", "\u{D4E}", "ـ", "\u{9CD}", "x\u{94D}", "日本",
        ]
        let separators = [",", ";", "،", ", ", ",,", "، ", " ;"]
        var texts: [String] = []
        for a in pieces {
            for sep in separators {
                for b in pieces { texts.append(a + sep + b) }
            }
        }
        texts += ["বাংলাদেশ, রাজনীতি, নির্বাচন", ",বাংলা,", "দুই,\u{301}তিন", "\u{600},x", "x,\u{200D}y", "a\r,\nb", "ক,খ;গ،ঘ"]
        var fast = 0
        for t in texts {
            let plain = MetadataExtractor.plainSplitAtCommas(t)
            var u = t
            if let bytes = u.withUTF8({ MetadataExtractor.separatedBytes($0) }) {
                fast += 1
                #expect(bytes.map { Array($0.utf8) } == plain.map { Array($0.utf8) }, "\(Array(t.unicodeScalars))")
            }
            #expect(MetadataExtractor.splitAtCommas(t).map { Array($0.utf8) } == plain.map { Array($0.utf8) }, "\(Array(t.unicodeScalars))")
        }
        // Both paths are taken: the byte path where it is sure, the Characters elsewhere.
        #expect(fast > texts.count / 4 && fast < texts.count)
    }

    @Test("JSON strings read with the plain-run shortcut equal those read byte by byte, and end at the same byte")
    func jsonStrings() {
        let pieces = ["a", "Jane Doe", "\"", "'", "\\", "\\n", "\\t", "\\u00e9", "\\ud83d\\ude00", "\\ud83d", "\\u12", "\\x", "\n", "\t",
                      "\u{1}", "é", "ক", "😀", "\u{A0}", " ", ",", "}", "\\\"", "\\'", "\\"]
        var rng = SplitMix64(seed: 0x150A)
        var samples: [String] = []
        for _ in 0..<3000 {
            let n = Int(rng.next() % 10)
            samples.append((0..<n).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined())
        }
        for body in samples {
            for quote: UInt8 in [0x22, 0x27] {
                let text = String(UnicodeScalar(quote)) + body
                let b = Array(text.utf8)
                var p = LenientJSON.Parser(b: b, maxDepth: 64)
                let s = p.string(quote: quote)
                let (r, end) = Self.stringReference(b, from: 0, quote: quote)
                #expect(s == r && p.i == end, "\(text.debugDescription)")
                #expect(Array(s.utf8) == Array(r.utf8), "\(text.debugDescription)")
            }
        }
    }
}
