import Testing

@testable import Extraction

/// ``HTMLDocument/hasElement(_:in:)`` and ``HTMLDocument/elementCount(_:in:)`` answer what
/// ``HTMLDocument/elements(_:in:)`` answers (whether its list is empty, its length) for every
/// node and tag of real-looking pages, without making the list.
@Suite("Elements inside a node: the answers of the element list, without the list")
struct HTMLDocumentElementSearchTests {
    static let tags: [HTMLTag] = [.a, .img, .picture, .p, .ul, .ol, .li, .time, .article, .figcaption, .h2, .div, .span, .script, .meta]

    @Test("every node and tag of the fixture pages", arguments: [
        "english-boilerplate-article.html", "fields-bangla-district.html", "fields-english-graph.html",
        "german-hindi-boilerplate.html", "kalbela-style-article.html",
    ])
    func fixturePages(name: String) throws {
        let doc = try fieldsFixture(name)
        var checked = 0
        for i in 0..<doc.count {
            let n = NodeID(i)
            for tag in Self.tags {
                let list = doc.elements(tag, in: n)
                #expect(doc.hasElement(tag, in: n) == !list.isEmpty, "\(name) node \(i) \(tag)")
                #expect(doc.elementCount(tag, in: n) == list.count, "\(name) node \(i) \(tag)")
                checked += 1
            }
        }
        #expect(checked == doc.count * Self.tags.count)
    }

    @Test("nested, empty and last elements")
    func smallPage() throws {
        let doc = try parseHTML("<html><body><div><a href='#'>x</a><div><a>y</a><img src='i.png'></div></div><p></p><ul><li><a>z</a></li></ul></body></html>")
        for i in 0..<doc.count {
            let n = NodeID(i)
            for tag in Self.tags {
                #expect(doc.hasElement(tag, in: n) == !doc.elements(tag, in: n).isEmpty)
                #expect(doc.elementCount(tag, in: n) == doc.elements(tag, in: n).count)
            }
        }
        let body = try #require(doc.body)
        #expect(doc.elementCount(.a, in: body) == 3)
        #expect(doc.hasElement(.img, in: body))
        #expect(!doc.hasElement(.time, in: body))
    }
}
