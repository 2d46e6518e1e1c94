import Testing
@testable import Extraction

/// The byte-level resolution of plain URL references gives Foundation's answers.
@Suite("URL resolution fast path: same answers as resolving through Foundation's URL")
struct URLResolveFastPathTests {
    static let bases = [
        "https://www.example.com/news/2024/05/story-slug.html", "http://example.com/", "https://example.com",
        "https://example.com/a/b/", "https://example.com/a/b?page=2&x=1", "https://example.com/a/b#top",
        "https://sub.example-site.co.uk/bn/national/article/12345", "https://Example.com/A/B", "https://example.com:8080/a/b",
        "https://user@example.com/a/b", "https://example.com/a/./b/../c", "https://example.com//double//slash/x",
        "https://example.com/path%20with/escape%E0%A6%AC", "https://example.com/bad%zzescape/x", "https://example.com/a b/c",
        "ftp://example.com/a/b", "https://example.com/বাংলা/খবর", "not a url", "", "https://example.com/a/b;params?q=1",
        "https://xn--45be.com/a/b", "https://news.xn--54b7fta0cc.bd/x/y.html",
    ]

    static let references = [
        "", " ", "#frag", "data:image/gif;base64,R0lGOD", "javascript:void(0)", "http://cdn.example.com/i.jpg",
        "https://cdn.example.com/a/b.jpg?w=300", "//cdn.example.com/img.png", "/img/photo.jpg", "/img/photo.jpg?w=640&h=480",
        "img/photo.jpg", "photo.jpg", "../photo.jpg", "./photo.jpg", "a/../b.jpg", "/a/./b.jpg", ".", "..", "?v=2",
        "img/photo.jpg#x", "/wp-content/uploads/2024/05/ছবি.jpg", "/uploads/%E0%A6%AC.jpg", "/uploads/%zz.jpg",
        "/uploads/a b.jpg", " /padded.jpg ", "mailto:someone@example.com", "tel:+880123", "a:b/c.jpg", "a/b:c.jpg",
        "/img/[1].jpg", "/img/{x}.jpg", "/img/a|b.jpg", "/img/~user/it's(1)!*+,;=@$&.jpg", "HTTP://UPPER.example.com/x.jpg",
        "/images/photo.JPG", "images//x.jpg", "/", "x", "/.hidden/x.jpg", "..x/y.jpg", "x../y.jpg", "/a/b/..",
        "https:relative.jpg", "//", "///x.jpg", "img\\back.jpg", "/img/a^b.jpg", "/img/`x`.jpg", "/img/\"q\".jpg",
    ]

    @Test("Plain references resolve on the bytes exactly as Foundation resolves them, other ones are left to Foundation")
    func plainResolveAgreesWithFoundation() {
        var plain = 0
        for base in Self.bases {
            for ref in Self.references {
                let expected = CanonicalURL.foundationResolve(ref, against: base)
                #expect(CanonicalURL.resolve(ref, against: base) == expected, "\(ref) against \(base)")
                if let fast = CanonicalURL.plainResolve(ref, against: base) {
                    plain += 1
                    #expect(fast == expected, "\(ref) against \(base)")
                }
            }
        }
        #expect(plain > 0)
        // The common forms of image and canonical URLs take the fast path.
        for (ref, base) in [("/img/photo.jpg", Self.bases[0]), ("img/photo.jpg", Self.bases[0]), ("//cdn.example.com/img.png", Self.bases[1]),
                            ("https://cdn.example.com/a/b.jpg?w=300", Self.bases[0]), ("photo.jpg", Self.bases[4])] {
            #expect(CanonicalURL.plainResolve(ref, against: base) != nil, "\(ref) against \(base)")
        }
    }

    @Test("Random plain paths and queries resolve as Foundation resolves them")
    func randomPathsAgreeWithFoundation() {
        let pieces = ["a", "img", "/", "/", ".", "..", "-", "_", "~", "%20", "%E0%A6", "?", "=", "&", "x1", "photo.jpg", ":", "@", "!", "+",
                      ",", ";", "(", ")", "'", "*", "$", "#", "%", "B"]
        let bases = ["https://www.example.com/news/2024/05/story.html", "http://example.org/", "https://example.net/a/b/c?x=1"]
        var rng = SplitMix64(seed: 0x0_0A1_5EED)
        for _ in 0..<3_000 {
            var ref = ""
            for _ in 0..<Int.random(in: 1...8, using: &rng) { ref += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
            let base = bases[Int.random(in: 0..<bases.count, using: &rng)]
            #expect(CanonicalURL.resolve(ref, against: base) == CanonicalURL.foundationResolve(ref, against: base), "\(ref) against \(base)")
        }
    }

    static let urls = [
        "https://www.example.com/news/2024/05/story-slug.html", "http://example.com", "https://example.com/", "https://www./x", "https://www.",
        "https://EXAMPLE.com/a", "HTTPS://example.com/a", "https://example.com:443/a", "http://example.com:80/", "https://example.com:8080/a",
        "https://example.com/a?utm_source=x&id=2", "https://example.com/a#frag", "https://user@example.com/a", "https://example.com/a b",
        "https://example.com/%E0%A6%AC%E0%A6%BE", "https://example.com/bad%zz", "https://example.com//double//slash",
        "https://example.com/it's(1)!*+,;=@$&~:x", "https://example.com/a/./b/../c", "https://sub-1.example.co.uk/path/",
        "https://example.com/বাংলা", " https://example.com/padded ", "ftp://example.com/x", "example.com/no-scheme", "", "https://",
        "https://-x.example.com/a", "https://a..b/c", "https://example.com/[x]", "https://example.com/{x}", "https://example.com/a|b",
        "https://example.com/a\\b", "https://xn--45be.com/", "https://www.xn--54b7fta0cc.bd/a", "https://www.example.com", "http://www.x.org/?", "https://example.com/?#",
    ]

    @Test("Plain URLs normalise and give their domain on the bytes exactly as through URLComponents")
    func plainNormalizeAgreesWithComponents() {
        var plain = 0
        for url in Self.urls {
            #expect(CanonicalURL.normalize(url) == CanonicalURL.componentsNormalize(url), "\(url)")
            #expect(CanonicalURL.domain(of: url) == CanonicalURL.componentsDomain(of: url), "\(url)")
            if CanonicalURL.plainParts(url) != nil { plain += 1 }
        }
        #expect(plain > 0)
        for url in ["https://www.example.com/news/2024/05/story-slug.html", "http://example.com", "https://sub-1.example.co.uk/path/"] {
            #expect(CanonicalURL.plainParts(url) != nil, "\(url)")
        }
        let pieces = ["a", "/", "-", "_", "~", "%20", "%E0%A6%AC", ".", "..", "x1", "story.html", ":", "@", "!", "+", ",", ";", "(", ")", "'", "*", "$", "&", "="]
        var rng = SplitMix64(seed: 0x0_0A1_5EEE)
        for _ in 0..<2_000 {
            var url = ["https://www.example.com/", "http://news.example.org", "https://a.b/"][Int.random(in: 0..<3, using: &rng)]
            for _ in 0..<Int.random(in: 0...8, using: &rng) { url += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
            #expect(CanonicalURL.normalize(url) == CanonicalURL.componentsNormalize(url), "\(url)")
            #expect(CanonicalURL.domain(of: url) == CanonicalURL.componentsDomain(of: url), "\(url)")
        }
    }
}
