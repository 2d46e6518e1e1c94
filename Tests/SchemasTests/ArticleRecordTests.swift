import Foundation
import Testing

@testable import Schemas

@Suite("ArticleRecord")
struct ArticleRecordTests {
    func sample() -> ArticleRecord {
        ArticleRecord(
            id: String(SHA256.hex("https://kalbela.test/a").prefix(32)),
            url: "https://kalbela.test/a", canonicalURL: "https://kalbela.test/a",
            site: .init(name: "কালবেলা", domain: "kalbela.test"), language: "bn",
            headline: "রাশিয়া সফরে যাবেন ইরানের প্রেসিডেন্ট",
            authors: [.init(name: "কালবেলা ডেস্ক", role: .desk)],
            publishedAt: "2024-12-27T20:53:00+06:00",
            body: [.init(type: .paragraph, text: "এক দুই"), .init(type: .paragraph, text: "তিন")],
            attributions: ["Reuters"], extractorVersion: "test")
    }

    @Test("every key is present, sorted, with nulls for absent values")
    func encodesAllKeysSorted() throws {
        let json = String(decoding: try RecordCoding.encode(sample()), as: UTF8.self)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let schemaDoc = try #require(SchemaResources.data(named: SchemaResources.articleRecord))
        let schema = try #require(try JSONSerialization.jsonObject(with: schemaDoc) as? [String: Any])
        let required = try #require(schema["required"] as? [String])
        #expect(Set(object.keys) == Set(required))
        #expect(json.hasPrefix(#"{"attributions":["Reuters"],"authors":[{"name":"কালবেলা ডেস্ক","role":"desk"}],"body":"#))
        #expect(json.contains(#""modified_at":null"#))
        #expect(json.contains(#""schema":"article/v1""#))
    }

    @Test("text joins body blocks with blank lines and word_count counts Bengali words whole")
    func derivesTextAndWordCount() {
        let record = sample()
        #expect(record.text == "এক দুই\n\nতিন")
        #expect(record.wordCount == 3)
        #expect(ArticleRecord.countWords("প্রেসিডেন্ট মাসুদ পেজেশকিয়ান, ২০২৫ সালের") == 5)
    }

    @Test("word_count's lookup table agrees with the Unicode properties for every scalar, in and beyond its range")
    func wordCountTableMatchesProperties() {
        let scalars = (0..<0x3400).compactMap { Unicode.Scalar(UInt32($0)) }.filter { !$0.properties.isWhitespace }
            + ["日", "本", "😀", "\u{1D400}"].flatMap(\.unicodeScalars)
        for s in scalars {
            // Each scalar alone between spaces is one word exactly when it is a word character.
            #expect(ArticleRecord.countWords(" \(s) ") == (ArticleRecord.isWordCharacter(s) ? 1 : 0), "U+\(String(s.value, radix: 16))")
        }
        #expect(ArticleRecord.countWords("Hello, world: 3 নতুন শব্দ.") == 5)
    }

    @Test("the word-character test, cheapest property first, agrees with the plain disjunction for every scalar")
    func wordCharacterOrderMatchesPlain() {
        var differing: [UInt32] = []
        for v in UInt32(0)...0x10FFFF {
            guard let s = Unicode.Scalar(v) else { continue }
            if ArticleRecord.isWordCharacter(s) != ArticleRecord.plainIsWordCharacter(s) { differing.append(v) }
        }
        #expect(differing.isEmpty, "differ at \(differing.prefix(10).map { String($0, radix: 16) })")
    }

    @Test("word_count of mixed Bengali, ASCII and other text agrees with counting scalar by scalar")
    func wordCountMixedText() {
        let pieces = ["প্রেসিডেন্ট", " ", "২০২৫", "।", "abc", "Hello world", ",", "é", "e\u{301}", "😀", "日本", "\u{A0}", "x9", "\n\n", "কি?", "—"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<20 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            var expected = 0
            var inWord = false
            for s in text.unicodeScalars {
                let w = ArticleRecord.plainIsWordCharacter(s)
                if w, !inWord { expected += 1 }
                inWord = w
            }
            #expect(ArticleRecord.countWords(text) == expected, "\(text.debugDescription)")
        }
    }

    @Test("joined text is the blocks' texts joined by blank lines, for none, one and several blocks")
    func joinedTextMatchesJoined() {
        let texts: [[String]] = [[], [""], ["এক"], ["", ""], ["a", "", "é\u{301}"], ["\r", "\n", "দুই তিন"], ["x", "y", "z", "w"]]
        for t in texts {
            let blocks = t.map { ArticleRecord.Block(type: .paragraph, text: $0) }
            let joined = ArticleRecord.joinedText(blocks)
            #expect(Array(joined.utf8) == Array(t.joined(separator: "\n\n").utf8), "\(t)")
        }
    }

    @Test("word_count's eight-byte ASCII path agrees with the scalar table, around every word boundary")
    func wordCountASCIIWords() {
        // Every ASCII byte is classified as the table classifies it.
        for byte in 0..<0x80 {
            for position in 0..<8 {
                let word = UInt64(byte) << (8 * position) | (position == 0 ? 0 : 0x20)
                let expected: UInt64 = ArticleRecord.isWordCharacter(Unicode.Scalar(UInt8(byte))) ? 1 : 0
                #expect(ArticleRecord.asciiWordCharacters(word) >> (8 * position) & 1 == expected, "byte \(byte) at \(position)")
            }
        }
        // Words of every length at every offset, across the eight-byte steps and the byte-by-byte tail.
        for length in 1...12 {
            for offset in 0...17 {
                let text = String(repeating: " ", count: offset) + String(repeating: "a", count: length) + " 9z-Q_x\tদুই, é"
                // Reference: the same rule, one scalar at a time.
                var expected = 0
                var inWord = false
                for s in text.unicodeScalars {
                    let w = ArticleRecord.isWordCharacter(s)
                    if w, !inWord { expected += 1 }
                    inWord = w
                }
                #expect(ArticleRecord.countWords(text) == expected, "\(length) at \(offset)")
            }
        }
    }

    @Test("encoding the same record twice is byte-identical and decodes back equal")
    func encodingIsDeterministic() throws {
        let a = try RecordCoding.encode(sample())
        let b = try RecordCoding.encode(sample())
        #expect(a == b)
        #expect(try RecordCoding.decode(ArticleRecord.self, from: a) == sample())
    }
}

@Suite("RecordCoding")
struct RecordCodingTests {
    @Test("line separators that JSON allows raw are escaped, so a record is always one line, and decode back unchanged")
    func escapesLineSeparators() throws {
        let text = "a\u{2028}b\u{2029}c\u{0085}d — ঢাকা\nend"
        let bytes = try RecordCoding.encode(["text": text])
        let json = String(decoding: bytes, as: UTF8.self)
        #expect(json == #"{"text":"a\u2028b\u2029c\u0085d — ঢাকা\nend"}"#)
        #expect(try RecordCoding.decode([String: String].self, from: bytes)["text"] == text)
    }
}

@Suite("RecordJSONWriter")
struct RecordJSONWriterTests {
    /// Every ASCII character, the line separators, non-ASCII of several scripts, and combining marks.
    static let awkward: String = {
        var s = String(String.UnicodeScalarView((0..<0x80).compactMap { Unicode.Scalar(UInt32($0)) }))
        s += "\u{85}\u{A0}\u{2028}\u{2029}\u{FEFF}/\\\"ঢাকা प्रेसिडेंट é e\u{301} 😀 \u{10FFFF}"
        return s
    }()

    func records() -> [ArticleRecord] {
        let a = Self.awkward
        var full = ArticleRecord(
            id: "0123456789abcdef0123456789abcdef", url: "https://example.test/a?b=c&d=/e", canonicalURL: a,
            site: .init(name: a, domain: "example.test"), language: "en-US", headline: a, description: a,
            authors: [.init(name: a, role: .reporter), .init(name: "Desk"), .init(name: "AFP", role: .agency)],
            byline: a, publishedAt: "2025-01-02T03:04:05+06:00", modifiedAt: "2025-01-02", timezoneInferred: true,
            section: a, tags: [a, "", "x"], leadImage: .init(url: a, caption: a, credit: nil),
            images: [.init(url: "https://example.test/i.jpg"), .init(url: a, caption: nil, credit: a)],
            body: [.init(type: .paragraph, text: a), .init(type: .list, text: "1\n2"), .init(type: .quote, text: "")],
            attributions: [a, "Reuters"], pageType: .product, extractorVersion: a,
            source: .init(topic: a, partition: -3, offset: 9_223_372_036_854_775_807, contentSHA256: a))
        full.wordCount = -42
        let empty = ArticleRecord(id: "", url: "", canonicalURL: "", site: .init(domain: ""), extractorVersion: "")
        var zeroSource = empty
        zeroSource.source = .init(topic: "t", partition: 0, offset: 0, contentSHA256: "")
        return [full, empty, zeroSource]
    }

    @Test("writes exactly the bytes JSONEncoder writes, for every field and awkward characters")
    func matchesJSONEncoder() throws {
        for record in records() {
            let fast = try RecordCoding.encode(record)
            let reference = try RecordCoding.encodeWithFoundation(record)
            #expect(fast == reference, "\(String(decoding: fast, as: UTF8.self))")
            #expect(try RecordCoding.decode(ArticleRecord.self, from: fast) == record)
        }
    }

    @Test("an escape at any offset of the eight-byte fast path, in strings of every length up to 24, gives JSONEncoder's bytes")
    func escapesAtEveryOffset() throws {
        let specials = ["\"", "\\", "\n", "\u{1}", "\u{1F}", "\u{85}", "\u{2028}", "\u{2029}", "\u{A0}", "\u{2013}", "ঢ", "\u{7F}", " "]
        for length in 0...24 {
            for offset in 0...max(0, length - 1) {
                for special in specials {
                    var chars = Array(repeating: "a", count: length)
                    if length > 0 { chars[offset] = special }
                    var record = ArticleRecord(id: "", url: "", canonicalURL: "", site: .init(domain: ""), extractorVersion: "")
                    record.headline = chars.joined()
                    record.tags = [chars.joined() + "\u{2028}x", "x\"" + chars.joined()]
                    let fast = try RecordCoding.encode(record)
                    #expect(fast == (try RecordCoding.encodeWithFoundation(record)), "length \(length), offset \(offset), \(special.unicodeScalars.map { String($0.value, radix: 16) })")
                }
            }
        }
    }

    @Test("the eight-byte test flags exactly the words holding a byte an escape can start at")
    func wordTestIsExact() {
        for byte in 0...255 {
            for position in 0..<8 {
                var word: UInt64 = 0x6161_6161_6161_6161  // "aaaaaaaa"
                word &= ~(UInt64(0xFF) << (8 * position))
                word |= UInt64(byte) << (8 * position)
                let expected = byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xC2 || byte == 0xE2
                #expect(RecordJSONWriter.mayNeedEscape(word) == expected, "byte \(byte) at \(position)")
            }
        }
    }

    @Test("the generic entry point uses the writer for records and gives the same bytes")
    func genericEntryPoint() throws {
        func viaGeneric<T: Encodable>(_ value: T) throws -> [UInt8] { try RecordCoding.encode(value) }
        let record = records()[0]
        #expect(try viaGeneric(record) == RecordCoding.encodeWithFoundation(record))
        #expect(try viaGeneric([record]) == RecordCoding.encodeWithFoundation([record]))
    }
}
