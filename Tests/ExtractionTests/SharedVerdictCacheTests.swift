import Testing

@testable import Extraction

/// ``SharedVerdictCache``: the page's class/id verdicts, filled by the boilerplate pass and read
/// again by the candidate scoring, answer as ``BoilerplateHints/verdict(_:)-(UnsafeBufferPointer<UInt8>)``
/// does for every element, and taking the cache out and putting it back keeps what it learnt.
@Suite("Shared verdict cache: the verdicts of the hints themselves, over the passes of a page")
struct SharedVerdictCacheTests {
    /// ``ContentAnalysis/classWeight(_:name:)`` computed without a cache (the reference).
    static func plainClassWeight(_ a: ContentAnalysis, _ i: Int) -> Double {
        var w = 0.0
        if let prop = a.doc.attribute("itemprop", of: NodeID(i)), prop.lowercased().contains("articlebody") { w += ContentAnalysis.articleBodyWeight }
        var h: [UInt8] = []
        _ = a.hintAttributes(i, name: &h)
        if h.isEmpty { return w }
        h.withUnsafeBufferPointer { h in
            if BoilerplateHints.isPositive(h) { w += 25 }
            if BoilerplateHints.verdict(h) != .none { w -= 25 }
        }
        return w
    }

    @Test("after a page's content run, every element's class weight is the uncached one", arguments: [
        "english-boilerplate-article.html", "fields-bangla-district.html", "fields-english-graph.html",
        "german-hindi-boilerplate.html", "kalbela-style-article.html",
    ])
    func classWeights(name: String) throws {
        let doc = try fieldsFixture(name)
        var a = ContentAnalysis(doc)
        _ = a.run(pageURL: "https://example.com/news/a-story", headlineHints: [])
        var checked = 0
        for i in 1..<doc.count where doc.isElement(NodeID(i)) {
            #expect(a.classWeight(i) == Self.plainClassWeight(a, i), "\(name) node \(i)")
            checked += 1
        }
        #expect(checked > 10)
        // The run left the cache in its box, with the page's names in it.
        #expect(a.verdicts.cache != nil)
    }

    @Test("a taken cache is a new one while the first is out, and the first once put back")
    func takeAndPutBack() {
        let shared = SharedVerdictCache()
        var first = shared.take()
        let name = Array("related-posts".utf8)
        #expect(name.withUnsafeBufferPointer { first.verdict($0) } == BoilerplateHints.verdict("related-posts"))
        #expect(shared.cache == nil)
        shared.cache = first
        var again = shared.take()
        #expect(name.withUnsafeBufferPointer { again.verdict($0) } == .strong)
        #expect(shared.cache == nil)
    }
}
