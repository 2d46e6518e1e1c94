import Schemas

/// Finds the images of the article region: the lead image first, then the others, each with its
/// caption and credit (see ``CaptionCredit``). Falls back to `og:image` for the lead image.
struct ImageCollector {
    let doc: HTMLDocument
    let removed: [Bool]
    let hidden: [Bool]
    let pageURL: String

    func collect(root: Int?, headlineNode: Int?) -> [ArticleRecord.Image] {
        // The article region: the nearest <article>/<main> around the content, else the content's parent.
        var scope = doc.body?.index ?? 0
        if let r = root {
            if let art = doc.ancestor(of: NodeID(r), tag: .article) ?? (doc.tag(NodeID(r)) == .article ? NodeID(r) : nil) {
                scope = art.index
            } else if let p = doc.parent(NodeID(r)) {
                scope = p.index
            }
            if let h = headlineNode, !doc.contains(NodeID(scope), NodeID(h)), let common = commonAncestor(scope, h),
               Int(doc.ends[common]) - common < 8 * (Int(doc.ends[scope]) - scope) + 200 {
                scope = common
            }
        }
        var out: [ArticleRecord.Image] = []
        var seen = Set<String>()
        for img in doc.elements(.img, in: NodeID(scope)) {
            let i = img.index
            if hidden[i] { continue }
            // Images in boilerplate are skipped unless the boilerplate is a figure/caption wrapper.
            if removed[i] && !insideFigure(i) { continue }
            guard let url = source(of: img), !seen.contains(url), acceptable(img, url) else { continue }
            seen.insert(url)
            let (caption, credit) = captionAndCredit(of: img)
            out.append(ArticleRecord.Image(url: url, caption: caption, credit: credit))
            if out.count >= 50 { break }
        }
        if out.isEmpty, let og = metaImage() { out.append(ArticleRecord.Image(url: og)) }
        return out
    }

    func commonAncestor(_ a: Int, _ b: Int) -> Int? {
        var x = a
        while x > 0 {
            if doc.contains(NodeID(x), NodeID(b)) { return x }
            x = Int(doc.parents[x])
        }
        return nil
    }

    func insideFigure(_ i: Int) -> Bool {
        var p = Int(doc.parents[i])
        var level = 0
        while p > 0 && level < 4 {
            if doc.tags[p] == .figure { return true }
            p = Int(doc.parents[p]); level += 1
        }
        return false
    }

    func metaImage() -> String? {
        for m in doc.elements(.meta) {
            let prop = (doc.attribute("property", of: m) ?? doc.attribute("name", of: m) ?? "").lowercased()
            if prop == "og:image" || prop == "og:image:url" || prop == "og:image:secure_url" || prop == "twitter:image" {
                if let c = doc.attribute("content", of: m), let u = CanonicalURL.resolve(c, against: pageURL) { return u }
            }
        }
        return nil
    }

    /// The image URL: `src`, or a lazy-loading attribute when `src` is a placeholder.
    func source(of img: NodeID) -> String? {
        var candidates: [String] = []
        for name in ["data-src", "data-lazy-src", "data-original", "data-lazy", "data-full-src", "data-url"] {
            if let v = doc.attribute(name, of: img) { candidates.append(v) }
        }
        if let src = doc.attribute("src", of: img) {
            let l = src.lowercased()
            let placeholder = l.hasPrefix("data:") || ByteSearch.contains(l, ascii: "placeholder") || ByteSearch.contains(l, ascii: "blank.") || ByteSearch.contains(l, ascii: "lazy") || ByteSearch.contains(l, ascii: "spacer")
            if placeholder { candidates.append(src) } else { candidates.insert(src, at: 0) }
        }
        for name in ["srcset", "data-srcset"] {
            if let v = doc.attribute(name, of: img), let first = Self.firstSource(inSrcset: v) {
                candidates.append(first)
            }
        }
        for c in candidates {
            if let u = CanonicalURL.resolve(c, against: pageURL), u.hasPrefix("http") { return u }
        }
        return nil
    }

    /// `srcset.split(separator: ",").first?.split(separator: " ").first`: read from the bytes when
    /// the value is ASCII without a CR (every byte a Character), so a long `srcset` is not split whole.
    static func firstSource(inSrcset v: String) -> String? {
        let u = Array(v.utf8)
        guard !u.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else {
            return v.split(separator: ",").first?.split(separator: " ").first.map(String.init)
        }
        var i = 0
        while i < u.count, u[i] == 0x2C { i += 1 }
        guard i < u.count else { return nil }
        var end = i
        while end < u.count, u[end] != 0x2C { end += 1 }
        var start = i
        while start < end, u[start] == 0x20 { start += 1 }
        guard start < end else { return nil }
        var stop = start
        while stop < end, u[stop] != 0x20 { stop += 1 }
        return String(decoding: u[start..<stop], as: UTF8.self)
    }

    func acceptable(_ img: NodeID, _ url: String) -> Bool {
        for dim in ["width", "height"] {
            if let v = doc.attribute(dim, of: img), let x = Int(v.filter(\.isNumber)), x > 0, x < 100 { return false }
        }
        let l = Array(url.lowercased().utf8)
        for bad in Self.badURLParts where ByteSearch.contains(l, bad) { return false }
        let cls = Array(doc.classAndID(img).utf8)
        for bad in Self.badClassParts where ByteSearch.contains(cls, bad) { return false }
        return true
    }

    /// URL parts of logos, icons, trackers and spacers (byte search: Foundation's `contains` is slow on Linux).
    static let badURLParts = ["logo", "icon", "avatar", "sprite", "pixel", "spacer", "blank.gif", "placeholder", ".svg", "gravatar",
                              "emoji", "/ads/", "banner", "badge", "button", "1x1", "tracking"].map { Array($0.utf8) }
    static let badClassParts = ["logo", "avatar", "icon"].map { Array($0.utf8) }

    /// Caption and credit from the enclosing `<figure>`'s `<figcaption>`, or a caption element right
    /// after the image's wrapper.
    func captionAndCredit(of img: NodeID) -> (String?, String?) {
        var p = doc.parent(img)
        var level = 0
        while let x = p, level < 4 {
            if doc.tag(x) == .figure {
                if let fc = doc.elements(.figcaption, in: x).first { return fromCaptionElement(fc) }
                break
            }
            p = doc.parent(x); level += 1
        }
        // A sibling element with "caption" in its class, next to the image or its wrapper.
        var node: NodeID? = img
        level = 0
        while let x = node, level < 3 {
            var s = doc.nextSibling(x)
            var hops = 0
            while let sib = s, hops < 3 {
                if doc.isElement(sib) {
                    let h = doc.classAndID(sib)
                    if ByteSearch.contains(h, ascii: "caption") || ByteSearch.contains(h, ascii: "credit") || ByteSearch.contains(h, ascii: "cutline") { return fromCaptionElement(sib) }
                    if doc.elementCount(.img) > 0 && !doc.elements(.img, in: sib).isEmpty { break }
                }
                s = doc.nextSibling(sib); hops += 1
            }
            node = doc.parent(x); level += 1
        }
        return (nil, nil)
    }

    func fromCaptionElement(_ el: NodeID) -> (String?, String?) {
        // A credit in its own element (class credit/copyright/source, <small>, <cite>).
        var creditText: String?
        for d in doc.descendants(el) where doc.isElement(d) {
            let h = doc.classAndID(d)
            if ByteSearch.contains(h, ascii: "credit") || ByteSearch.contains(h, ascii: "copyright") || ByteSearch.contains(h, ascii: "source") || ByteSearch.contains(h, ascii: "author")
                || doc.tag(d) == .small || doc.tag(d) == .cite {
                let t = doc.textContent(of: d)
                if !t.isEmpty { creditText = t; break }
            }
        }
        let full = doc.textContent(of: el)
        if let c = creditText, full.hasSuffix(c) || full.contains(c) {
            let cap = full.replacingFirst(c, with: "").trimmingCharacters(in: " |–-")
            let (c2, cr2) = CaptionCredit.split(c)
            let credit = cr2 ?? c2 ?? c
            return (cap.isEmpty ? nil : CaptionCredit.split(cap).caption, credit)
        }
        let (cap, credit) = CaptionCredit.split(full)
        return (cap, credit)
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let r = range(of: target) else { return self }
        return replacingCharacters(in: r, with: replacement)
    }
}
