import Testing

@testable import Extraction

/// ``LenientJSON/keys``: reading JSON-LD with only the keys ``MetadataExtractor`` asks for gives
/// the full reading with the other keys' scalars left out (the projection below, the reference),
/// and the metadata read from it is the metadata read from the full reading, on malformed blocks
/// as pages write them.
@Suite("LenientJSON with kept keys: the full reading, pruned; same metadata")
struct LenientJSONKeysTests {
    // MARK: Reference

    /// The full reading of `v` as the kept-keys reading should give it: pairs of other keys keep
    /// only object and array values (under the key ""), and arrays under other keys lose their
    /// scalars; `nil` for a scalar that is left out.
    static func pruned(_ v: JSONValue, _ keys: Set<String>, kept: Bool = true) -> JSONValue? {
        switch v {
        case .object(let pairs):
            var out: [(String, JSONValue)] = []
            for (k, x) in pairs {
                let keep = keys.contains(k)
                switch x {
                case .object, .array:
                    if let p = pruned(x, keys, kept: keep) { out.append((keep ? k : "", p)) }
                default:
                    if keep { out.append((k, x)) }
                }
            }
            return .object(out)
        case .array(let items):
            return .array(items.compactMap { x -> JSONValue? in
                switch x {
                case .object, .array: return pruned(x, keys, kept: kept)
                default: return kept ? x : nil
                }
            })
        default:
            return kept ? v : nil
        }
    }

    /// ``MetadataExtractor/readJSONLD(_:into:md:)`` of `value`: the bucket and the metadata it fills.
    static func read(_ value: JSONValue?) -> (MetadataExtractor.Buckets, PageMetadata) {
        var b = MetadataExtractor.Buckets(), md = PageMetadata()
        if let value { MetadataExtractor().readJSONLD(value, into: &b, md: &md) }
        return (b, md)
    }

    static let keyNames = ["@id", "@type", "name", "headline", "url", "author", "K", "ké"]

    // MARK: Blocks

    /// Malformed and unusual JSON-LD: trailing commas, raw control characters, HTML entities,
    /// several blocks, `@graph`, surrogate pairs, escaped and unquoted keys, comments, deep nesting,
    /// cut-off text.
    static let blocks: [String] = [
        #"{"@context":"https://schema.org","@type":"NewsArticle","headline":"Flood barrier approved","articleBody":"Long text, with \"quotes\" and \\ slashes.","wordCount":512,"isAccessibleForFree":true,"author":{"@type":"Person","name":"Jane Doe","sameAs":["https://x.example/jane",null,3]},}"#,
        "{\"@type\":\"Article\",\"headline\":\"Line one\nline\ttwo\",\"articleBody\":\"raw\u{01}control\nchars\",\"datePublished\":\"2024-05-01T10:00:00+06:00\"}",
        #"{"@type":"NewsArticle","headline":"Tom &amp; Jerry &quot;return&quot;","description":"&lt;b&gt;bold&lt;/b&gt;","name":"x &#8217; y"}"#,
        #"{"@type":"WebSite","name":"Site"} {"@type":"NewsArticle","headline":"Two blocks"}"#,
        ##"{"@context":"https://schema.org","@graph":[{"@type":"WebPage","@id":"https://e.example/#page","name":"Page","breadcrumb":{"@id":"#bc"}},{"@type":"NewsArticle","headline":"Graph","author":[{"@id":"#p1"}],"publisher":{"@id":"#org"},"mainEntityOfPage":{"@id":"https://e.example/a"}},{"@type":"Person","@id":"#p1","name":"Rahim Uddin","image":{"@type":"ImageObject","url":"https://e.example/p.jpg"}},{"@type":"Organization","@id":"#org","name":"Daily Example","logo":{"url":"https://e.example/l.png","width":600}}]}"##,
        #"{"@type":"NewsArticle","headline":"\ud83d\ude00 face \u0995\u09be","articleBody":"\ud83d\ude00 \ud83d bad \udc00 lone \u12 short \uZZZZ","description":"\ud83d\u0041 high then A"}"#,
        #"{"\u0040type":"NewsArticle","he\u0061dline":"Escaped keys","k\u00e9":"accented key value","\u212a":"kelvin sign key"}"#,
        #"{@type: 'NewsArticle', headline: 'Unquoted keys', articleBody: 'single quoted', K: 1e3, ké: "x"}"#,
        "<!-- {\"@type\":\"NewsArticle\",/* c */\"headline\":\"Commented\" // line\n,\"articleBody\":\"x\"} -->",
        "//<![CDATA[\n{\"@type\":\"BlogPosting\",\"name\":\"CDATA\",\"text\":\"t\"}\n//]]>",
        #"{"@type":"NewsArticle","headline":"Cut off","articleBody":"never closed"#,
        #"{"@type":"NewsArticle","articleBody":"ends with a backslash\"#,
        #"{"@type":"NewsArticle","headline":"Mismatched","video":[{"name":"clip","duration":"PT1M"]],"author":"Staff"}"#,
        #"{"a":{"b":{"c":{"d":{"e":{"@type":"NewsArticle","headline":"Deep","x":[[["s",1,true,null,{"name":"in"}]]]}}}}}}"#,
        String(repeating: #"{"x":"#, count: 70) + #""deep""# + String(repeating: "}", count: 70),
        #"[{"@type":["NewsArticle","http://schema.org/Article"],"headline":["First","Second"],"keywords":["flood","barrier"],"inLanguage":{"@type":"Language","name":"Bengali","alternateName":"bn"},"image":["https://e.example/1.jpg"],"url":42}]"#,
        #"{"@type":"NewsArticle","headline":"Numbers","x":-1.5e-3,"y":+2,"z":.5,"w":1e,"q":tru,"r":nul,"name":"After bad literals"}"#,
        #"{"@type":"NewsArticle", "headline" : "Spaces" , "key with space": "v", "author" : {"givenName":"Ada","familyName":"Lovelace"}}"#,
        "{\"@type\":\"NewsArticle\",\"headline\":\"Bad UTF-8 key\",\"\u{FFFD}\":\"v\"}",
        #"{"@type":"Review","headline":"Review","itemReviewed":{"@type":"Product","name":"Phone","review":[{"author":"A","reviewBody":"ok"}]}}"#,
        ##"{"name":"x","name":"y","@id":"#a"} {"@id":"#a","name":"z"}"##,
        "", "not json", "{{{{", "]]]", #"{"a": tru}"#, #"{"a":,"b":"c",}"#, #"{"a" "b"}"#, #"{,,,"headline":"commas"}"#,
    ]

    @Test("the kept-keys reading is the full reading pruned", arguments: blocks)
    func prunedReading(text: String) {
        let keys = Self.keyNames
        let lean = LenientJSON(keys: LenientJSON.Keys(keys)).parse(text)
        let full = LenientJSON().parse(text)
        #expect(lean == full.flatMap { Self.pruned($0, Set(keys)) }, "\(text)")
    }

    @Test("the metadata read from the JSON-LD keys' reading is the full reading's", arguments: blocks)
    func sameMetadata(text: String) {
        let lean = Self.read(LenientJSON(keys: MetadataExtractor.jsonLDKeys).parse(text))
        let full = Self.read(LenientJSON().parse(text))
        #expect(lean.0 == full.0, "\(text)")
        #expect(lean.1 == full.1, "\(text)")
    }

    @Test("a key is kept as Strings compare: ASCII by bytes, others through the String")
    func keyMatching() {
        let candidates = ["@type", "@typ", "@types", "name", "Name", "K", "\u{212A}", "ké", "ke\u{301}", "é", "", "\u{FFFD}", ";", "\u{37E}"]
        for names in [["@type", "name", "K"], ["@type", "name", "K", "ké", "e\u{301}"], ["\u{212A}", "\u{37E}", "name"]] {
            let keys = LenientJSON.Keys(names)
            for c in candidates {
                let bytes = Array(c.utf8)
                let kept = bytes.withUnsafeBufferPointer { keys.contains($0) }
                #expect(kept == names.contains(c), "\(names) \(c)")
            }
        }
    }

    // MARK: Generated blocks

    /// A small deterministic generator (SplitMix64).
    struct Generator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(n))
        }
    }

    /// Pieces of JSON-LD, good and bad, joined at random.
    static let pieces: [String] = [
        "{", "}", "[", "]", ",", ":", " ", "\n", "\"", "'", "\\", "\\\"", "\\u0041", "\\ud83d", "\\ude00", "\\n", "\u{01}",
        "\"@type\"", "\"name\"", "\"headline\"", "\"articleBody\"", "\"author\"", "\"@graph\"", "\"url\"", "\"sameAs\"",
        "\"NewsArticle\"", "\"Person\"", "\"text, with comma\"", "\"ক\"", "1", "-2.5e3", "true", "false", "null", "tru",
        "@id", "K", "/*", "*/", "//", "<!--", "-->", "&amp;", "\u{212A}", "ké",
    ]

    /// A random JSON-LD-like value: objects of known and unknown keys, arrays, strings with
    /// escapes, numbers and literals.
    static func value(_ g: inout Generator, depth: Int) -> String {
        switch g.next(depth > 3 ? 3 : 6) {
        case 0: return ["\"NewsArticle\"", "\"x\\u00e9\\ud83d\\ude00\"", "'single'", "\"a\\\"b\"", "\"https://e.example/a\""][g.next(5)]
        case 1: return ["1", "-2.5", "true", "false", "null", "1e3"][g.next(6)]
        case 2: return "\"t\(g.next(9))\""
        case 3, 4:
            let keys = ["\"@type\"", "\"@id\"", "\"name\"", "\"headline\"", "\"author\"", "\"url\"", "\"articleBody\"", "\"sameAs\"", "\"@graph\"", "K", "\"\\u0040id\""]
            var parts: [String] = []
            for _ in 0..<g.next(5) { parts.append(keys[g.next(keys.count)] + ":" + value(&g, depth: depth + 1)) }
            return "{" + parts.joined(separator: ",") + (g.next(4) == 0 ? ",}" : "}")
        default:
            var parts: [String] = []
            for _ in 0..<g.next(4) { parts.append(value(&g, depth: depth + 1)) }
            return "[" + parts.joined(separator: ",") + "]"
        }
    }

    @Test("the kept-keys reading is the full reading pruned, on generated values, whole and cut or spliced")
    func generatedValues() {
        var g = Generator(state: 0xC0FFEE)
        let keys = Self.keyNames
        let lenient = LenientJSON(keys: LenientJSON.Keys(keys))
        var checked = 0
        for _ in 0..<2000 {
            var text = Self.value(&g, depth: 0)
            let u = Array(text.utf8)
            switch g.next(3) {
            case 0: text = String(decoding: u[0..<g.next(u.count + 1)], as: UTF8.self)
            case 1: text += Self.pieces[g.next(Self.pieces.count)] + Self.value(&g, depth: 1)
            default: break
            }
            let full = LenientJSON().parse(text)
            #expect(lenient.parse(text) == full.flatMap { Self.pruned($0, Set(keys)) }, "\(text)")
            let lean = Self.read(LenientJSON(keys: MetadataExtractor.jsonLDKeys).parse(text)), whole = Self.read(full)
            #expect(lean.0 == whole.0 && lean.1 == whole.1, "\(text)")
            checked += 1
        }
        #expect(checked == 2000)
    }

    @Test("the kept-keys reading is the full reading pruned, on generated blocks")
    func generated() {
        var g = Generator(state: 0x5EED)
        let keys = Self.keyNames
        let lenient = LenientJSON(keys: LenientJSON.Keys(keys))
        var checked = 0
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<(1 + g.next(40)) { text += Self.pieces[g.next(Self.pieces.count)] }
            let full = LenientJSON().parse(text)
            #expect(lenient.parse(text) == full.flatMap { Self.pruned($0, Set(keys)) }, "\(text)")
            let lean = Self.read(LenientJSON(keys: MetadataExtractor.jsonLDKeys).parse(text)), whole = Self.read(full)
            #expect(lean.0 == whole.0 && lean.1 == whole.1, "\(text)")
            checked += 1
        }
        #expect(checked == 3000)
    }
}
