import Testing
@testable import Extraction

/// The image collector's byte-level attribute reading gives the answers of the `String` code it replaced.
@Suite("Image collector fast paths: same image URLs and filters as the String operations they replace")
struct ImageCollectorFastPathTests {
    // MARK: References (the code the fast paths replaced)

    static func referenceSource(_ collector: ImageCollector, _ img: NodeID) -> String? {
        let doc = collector.doc
        var candidates: [String] = []
        for name in ["data-src", "data-lazy-src", "data-original", "data-lazy", "data-full-src", "data-url"] {
            if let v = doc.attribute(name, of: img) { candidates.append(v) }
        }
        if let src = doc.attribute("src", of: img) {
            let l = src.lowercased()
            let placeholder = l.hasPrefix("data:") || ByteSearch.contains(l, ascii: "placeholder") || ByteSearch.contains(l, ascii: "blank.")
                || ByteSearch.contains(l, ascii: "lazy") || ByteSearch.contains(l, ascii: "spacer")
            if placeholder { candidates.append(src) } else { candidates.insert(src, at: 0) }
        }
        for name in ["srcset", "data-srcset"] {
            if let v = doc.attribute(name, of: img), let first = v.split(separator: ",").first?.split(separator: " ").first.map(String.init) {
                candidates.append(first)
            }
        }
        for c in candidates {
            if let u = CanonicalURL.foundationResolve(c, against: collector.pageURL), u.hasPrefix("http") { return u }
        }
        return nil
    }

    static func referenceAcceptable(_ collector: ImageCollector, _ img: NodeID, _ url: String) -> Bool {
        let doc = collector.doc
        for dim in ["width", "height"] {
            if let v = doc.attribute(dim, of: img), let x = Int(v.filter(\.isNumber)), x > 0, x < 100 { return false }
        }
        let l = Array(url.lowercased().utf8)
        for bad in ImageCollector.badURLParts where ByteSearch.contains(l, bad) { return false }
        let cls = Array(doc.classAndID(img).utf8)
        for bad in ImageCollector.badClassParts where ByteSearch.contains(cls, bad) { return false }
        return true
    }

    // MARK: Pages

    static let values = [
        "/img/a.jpg", "https://cdn.example.com/PHOTO.JPG", "data:image/gif;base64,R0l", "/img/Placeholder.png", "/img/BLANK.gif",
        "/LAZY/x.jpg", "spacer.gif", "/img/ছবি.jpg", "/img/\u{212A}elvin-lazy.jpg", "/img/İLAZY.jpg", "", " ", "//cdn.example.com/x.png",
        "/logo.svg", "/img/Icon-1.png", "/x/1X1.gif", "img/photo 2.jpg", "a.jpg 1x, b.jpg 2x", " , c.jpg 300w", "ÄBC.jpg",
        "/tracking/pixel.gif", "/img/BANNER.jpg", "#", "javascript:x()",
    ]
    static let dimensions = ["50", "150", "99px", "100", "0", "1০", "৫০", "12.5", "", "abc", "99999999999999999999999", "0099", "-50", "½"]
    static let names = ["src", "data-src", "data-lazy-src", "data-original", "data-lazy", "data-full-src", "data-url", "srcset", "data-srcset"]

    static func escaped(_ s: String) -> String {
        var out = ""
        for ch in s { out += ch == "&" ? "&amp;" : (ch == "\"" ? "&quot;" : String(ch)) }
        return out
    }

    @Test("Image sources, placeholders and size, URL and class filters agree with the String code, on ASCII and non-ASCII values")
    func sourceAndAcceptableAgree() throws {
        var rng = SplitMix64(seed: 0x1_3A6E)
        var html = "<html><body>"
        for _ in 0..<400 {
            var attrs = ""
            for name in Self.names where Int.random(in: 0..<3, using: &rng) == 0 {
                attrs += " \(name)=\"\(Self.escaped(Self.values[Int.random(in: 0..<Self.values.count, using: &rng)]))\""
            }
            if Int.random(in: 0..<3, using: &rng) == 0 { attrs += " src=\"/second.jpg\"" }
            for dim in ["width", "height"] where Int.random(in: 0..<3, using: &rng) == 0 {
                attrs += " \(dim)=\"\(Self.dimensions[Int.random(in: 0..<Self.dimensions.count, using: &rng)])\""
            }
            if Int.random(in: 0..<4, using: &rng) == 0 { attrs += " class=\"\(["wp-Logo", "avatar-img", "hero", "ICON"].randomElement(using: &rng)!)\"" }
            html += "<img\(attrs)>"
        }
        html += "</body></html>"
        let doc = try parseHTML(html)
        let collector = ImageCollector(doc: doc, removed: [], hidden: [], pageURL: "https://example.com/news/story.html")
        var checked = 0
        for img in doc.elements(.img) {
            let source = collector.source(of: img)
            #expect(source == Self.referenceSource(collector, img), "\(doc.attributes(of: img))")
            for url in [source ?? "https://example.com/a.jpg", "https://EXAMPLE.com/Logo.PNG", "https://example.com/\u{212A}/x.jpg", "https://example.com/ছবি-banner.jpg"] {
                #expect(collector.acceptable(img, url) == Self.referenceAcceptable(collector, img, url), "\(doc.attributes(of: img)) \(url)")
            }
            checked += 1
        }
        #expect(checked == 400)
    }
}
