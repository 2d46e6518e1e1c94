import Foundation
import Testing

@testable import Schemas

@Suite("RawPage envelope")
struct RawPageTests {
    @Test("a JSON envelope with html decodes to UTF-8 text bytes")
    func decodesHTMLEnvelope() throws {
        let json = #"{"url":"https://example.com/a","status":200,"headers":{"Content-Type":"text/html; charset=utf-8"},"html":"<p>হ্যালো</p>"}"#
        let page = try RawPage.decode(value: Array(json.utf8), headers: [])
        #expect(page.url == "https://example.com/a")
        #expect(page.status == 200)
        #expect(page.contentType == "text/html; charset=utf-8")
        #expect(page.bodyIsText)
        #expect(String(decoding: page.body, as: UTF8.self) == "<p>হ্যালো</p>")
    }

    @Test("a JSON envelope with body_base64 keeps the exact bytes")
    func decodesBase64Envelope() throws {
        let bytes: [UInt8] = [0x3C, 0x70, 0x3E, 0xE9, 0x3C, 0x2F, 0x70, 0x3E]
        let json = #"{"url":"https://example.com/b","body_base64":"\#(Data(bytes).base64EncodedString())"}"#
        let page = try RawPage.decode(value: Array(json.utf8), headers: [])
        #expect(page.body == bytes)
        #expect(!page.bodyIsText)
    }

    @Test("raw bytes with a url header are a page; content-type and fetched-at headers are kept")
    func decodesRawBytesWithHeaders() throws {
        let page = try RawPage.decode(
            value: Array("<html></html>".utf8),
            headers: [("URL", Array("https://example.com/c".utf8)), ("content-type", Array("text/html".utf8)), ("fetched-at", Array("2024-12-27T15:00:00Z".utf8))])
        #expect(page.url == "https://example.com/c")
        #expect(page.contentType == "text/html")
        #expect(page.fetchedAt == "2024-12-27T15:00:00Z")
    }

    @Test("raw bytes without a url header are rejected with a reason")
    func rejectsRawBytesWithoutURL() {
        #expect(throws: RawPage.EnvelopeError.self) {
            _ = try RawPage.decode(value: Array("<html></html>".utf8), headers: [])
        }
    }

    @Test("an envelope with both html and body_base64, or neither, is rejected")
    func rejectsAmbiguousEnvelopes() {
        for json in [#"{"url":"u","html":"x","body_base64":"eA=="}"#, #"{"url":"u"}"#, #"{"html":"x"}"#] {
            #expect(throws: RawPage.EnvelopeError.self) {
                _ = try RawPage.decode(value: Array(json.utf8), headers: [])
            }
        }
    }

    @Test("encoding round-trips through the JSON form")
    func roundTrips() throws {
        let page = RawPage(url: "https://x.test/", body: [0xFF, 0x00, 0x41], headers: ["content-type": "text/html"], fetchedAt: "2024-01-01T00:00:00Z", status: 200)
        let back = try RecordCoding.decode(RawPage.self, from: try RecordCoding.encode(page))
        #expect(back == page)
    }
}
