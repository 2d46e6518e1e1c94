import Foundation
import Testing
@testable import Extraction

@Suite("Decode stage: charset sniffing and NFC")
struct DecodeTests {
    let decoder = PageDecoder()

    @Test("A UTF-8 page without any declaration is decoded as UTF-8")
    func plainUTF8() throws {
        let html = "<html><body><p>রাশিয়া সফরে যাবেন</p></body></html>"
        let d = try decoder.decode(Array(html.utf8), contentType: nil)
        #expect(d.charset == "utf-8")
        #expect(d.source == .utf8Validation)
        #expect(String(decoding: d.utf8, as: UTF8.self) == html)
    }

    @Test("Valid UTF-8 wins over a wrong <meta charset>")
    func utf8BeatsWrongMeta() throws {
        let html = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Grüße aus München – রাশিয়া</p></body></html>"
        let d = try decoder.decode(Array(html.utf8), contentType: nil)
        #expect(d.charset == "utf-8")
        #expect(String(decoding: d.utf8, as: UTF8.self).contains("Grüße aus München"))
    }

    @Test("One invalid byte does not flip a UTF-8 page to Latin-1; it becomes U+FFFD")
    func oneBadByte() throws {
        var bytes = Array("<p>ইরানের প্রেসিডেন্ট মাসুদ পেজেশকিয়ান".utf8)
        bytes.append(0xFF)
        bytes += Array(" café</p>".utf8)
        let d = try decoder.decode(bytes, contentType: nil)
        let s = String(decoding: d.utf8, as: UTF8.self)
        #expect(d.charset == "utf-8")
        #expect(s.contains("ইরানের প্রেসিডেন্ট"))
        #expect(s.contains("\u{FFFD} café"))
    }

    @Test("A Latin-1 page is decoded by its <meta> declaration")
    func latin1Meta() throws {
        var bytes = Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body><p>Gr".utf8)
        bytes += [0xFC, 0xDF, 0x65]  // üße
        bytes += Array("</p></body></html>".utf8)
        let d = try decoder.decode(bytes, contentType: nil)
        #expect(d.charset == "windows-1252")
        #expect(d.source == .metaDeclaration)
        #expect(String(decoding: d.utf8, as: UTF8.self).contains("Grüße"))
    }

    @Test("The HTTP content-type charset comes before the <meta> declaration")
    func httpHeader() throws {
        // "Привет" in windows-1251.
        var bytes = Array("<html><head><meta charset=\"utf-8\"></head><body><p>".utf8)
        bytes += [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2]
        bytes += Array("</p></body></html>".utf8)
        let d = try decoder.decode(bytes, contentType: "text/html; charset=windows-1251")
        #expect(d.charset == "windows-1251")
        #expect(d.source == .httpHeader)
        #expect(String(decoding: d.utf8, as: UTF8.self).contains("Привет"))
    }

    @Test("Undeclared non-UTF-8 bytes fall back to windows-1252")
    func fallback() throws {
        let bytes = Array("<p>".utf8) + [0x93, 0x51, 0x94, 0x20, 0x80] + Array("</p>".utf8)
        let d = try decoder.decode(bytes, contentType: nil)
        #expect(d.charset == "windows-1252")
        #expect(String(decoding: d.utf8, as: UTF8.self) == "<p>\u{201C}Q\u{201D} €</p>")
    }

    @Test("Byte-order marks decide: UTF-8 BOM is stripped, UTF-16LE is converted")
    func byteOrderMarks() throws {
        let d8 = try decoder.decode([0xEF, 0xBB, 0xBF] + Array("<p>x</p>".utf8), contentType: "text/html; charset=iso-8859-1")
        #expect(d8.source == .byteOrderMark)
        #expect(String(decoding: d8.utf8, as: UTF8.self) == "<p>x</p>")
        var u16: [UInt8] = [0xFF, 0xFE]
        for u in "<p>বাংলা</p>".utf16 { u16.append(UInt8(u & 0xFF)); u16.append(UInt8(u >> 8)) }
        let d16 = try decoder.decode(u16, contentType: nil)
        #expect(d16.charset == "utf-16le")
        #expect(String(decoding: d16.utf8, as: UTF8.self) == "<p>বাংলা</p>")
    }

    @Test("Decomposed text is normalised to NFC")
    func nfc() throws {
        // "ো" written as  ে + া, and "é" as e + U+0301.
        let html = "<p>\u{0995}\u{09C7}\u{09BE} cafe\u{0301}</p>"
        let d = try decoder.decode(Array(html.utf8), contentType: nil)
        #expect(String(decoding: d.utf8, as: UTF8.self) == "<p>\u{0995}\u{09CB} caf\u{00E9}</p>")
    }

    @Test("NFC text is left byte-for-byte unchanged (Bengali with nukta letters)")
    func nfcUnchanged() throws {
        let html = "<p>\u{09AF}\u{09BC} রাশিয়া ইরানের — plain</p>"
        let d = try decoder.decode(Array(html.utf8), contentType: nil)
        #expect(d.utf8 == Array(html.utf8))
        #expect(!UnicodeNormalization.mayNeedNFC(Array("রাশিয়া সফরে যাবেন ইরানের প্রেসিডেন্ট".utf8)))
    }

    @Test("Charset labels are canonicalised (Latin-1 and ASCII mean windows-1252)")
    func labels() {
        #expect(Charset.canonical("ISO-8859-1") == "windows-1252")
        #expect(Charset.canonical("UTF8") == "utf-8")
        #expect(Charset.parameter(inContentType: "text/html; Charset=\"Shift_JIS\"") == "shift_jis")
        #expect(Charset.declared(in: Array("<html><META CHARSET='windows-1251'>".utf8)) == "windows-1251")
    }

    @Test("UTF-8 statistics count every control, NUL, valid and invalid sequence wherever it sits in an 8-byte word")
    func statsAtEveryOffset() {
        for offset in 0..<17 {
            var b = Array(repeating: UInt8(ascii: "a"), count: offset)
            b += [0x01]                                   // a control
            b += Array("ä".utf8)                          // a valid two-byte sequence
            b += Array(repeating: UInt8(ascii: "b"), count: offset % 9)
            b += [0x00, 0x0A, 0x09]                       // NUL, then allowed white space
            b += Array("€".utf8) + [0xFF]                 // valid three-byte sequence, invalid byte
            b += Array(repeating: UInt8(ascii: "c"), count: 20)
            let s = Charset.utf8Stats(b)
            #expect(s.control == 1 && s.nul == 1 && s.valid == 2 && s.invalid == 1, "offset \(offset)")
        }
    }

    @Test("A decomposed pair needs NFC wherever it sits after a run of ASCII")
    func nfcCheckAtEveryOffset() {
        for offset in 0..<17 {
            let ascii = String(repeating: "x", count: offset)
            #expect(UnicodeNormalization.mayNeedNFC(Array((ascii + "cafe\u{0301} and more ASCII text").utf8)), "offset \(offset)")
            #expect(!UnicodeNormalization.mayNeedNFC(Array((ascii + "caf\u{00E9} and more ASCII text").utf8)), "offset \(offset)")
        }
    }

    @Test("Normalising run by run equals Foundation's NFC of the whole text, wherever the decomposed pieces sit")
    func nfcRunByRunEqualsWholeText() {
        // Units that are NFC or hold a piece the fast check flags (so the whole text's NFC changes
        // only flagged places): decomposed Latin, Bengali and Hangul, an exclusion, a singleton,
        // '<' with a combining overlay, and plain text around them.
        let units = ["a", "e", "x", " ", "<", ">", "\n", "ক", "ো", "\u{09C7}\u{09BE}", "\u{09DF}", "য\u{09BC}",
                     "e\u{0301}", "a\u{0300}\u{0301}", "<\u{0338}", "\u{212B}", "\u{1100}\u{1161}\u{11A8}", "é", "Ω", "\u{2126}"]
        var rng = SplitMix64(seed: 0x5EED_0FC)
        var changed = 0
        for _ in 0..<500 {
            var s = ""
            for _ in 0..<Int.random(in: 1...40, using: &rng) { s += units[Int.random(in: 0..<units.count, using: &rng)] }
            let bytes = Array(s.utf8)
            let expected = Array(s.precomposedStringWithCanonicalMapping.utf8)
            #expect(UnicodeNormalization.nfc(bytes) == expected, "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
            if expected != bytes { changed += 1 }
        }
        #expect(changed > 100)  // the texts do exercise normalisation
    }
}
