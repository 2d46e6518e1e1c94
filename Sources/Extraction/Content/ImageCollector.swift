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

    /// The attributes ``source(of:)`` reads: the lazy-loading ones in the order it tries them, then
    /// `src`, `srcset` and `data-srcset`.
    static let sourceNames: [[UInt8]] = ["data-src", "data-lazy-src", "data-original", "data-lazy", "data-full-src", "data-url", "src", "srcset", "data-srcset"]
        .map { Array($0.utf8) }
    static let lazyNameCount = 6, srcName = 6, srcsetNames = 7..<9

    /// The image URL: `src`, or a lazy-loading attribute when `src` is a placeholder.
    func source(of img: NodeID) -> String? {
        // The value ranges of the first attribute of each name (as ``HTMLDocument/attributeRange(_:of:)``
        // finds it), in one pass over the image's attributes.
        var ranges = [Range<Int>?](repeating: nil, count: Self.sourceNames.count)
        doc.bytes.withUnsafeBufferPointer { buf in
            doc.attributeRecords.withUnsafeBufferPointer { records in
                guard doc.kinds[img.index] == .element else { return }
                for k in Int(doc.dataStart[img.index])..<Int(doc.dataEnd[img.index]) {
                    let a = records[k]
                    let start = Int(a.nameStart), len = Int(a.nameEnd - a.nameStart)
                    for (j, name) in Self.sourceNames.enumerated() where ranges[j] == nil && name.count == len {
                        if name.withUnsafeBufferPointer({ n in (0..<len).allSatisfy { buf[start + $0] == n[$0] } }) {
                            ranges[j] = Int(a.valueStart)..<Int(a.valueEnd)
                            break
                        }
                    }
                }
            }
        }
        var candidates: [String] = []
        for j in 0..<Self.lazyNameCount { if let r = ranges[j] { candidates.append(doc.string(r)) } }
        if let r = ranges[Self.srcName] {
            let src = doc.string(r)
            if isPlaceholder(src, r) { candidates.append(src) } else { candidates.insert(src, at: 0) }
        }
        for j in Self.srcsetNames {
            // (Read from the document's bytes: a long `srcset` is not made into a String.)
            if let r = ranges[j], let first = doc.bytes.withUnsafeBufferPointer({ Self.firstSource(inSrcset: UnsafeBufferPointer(rebasing: $0[r])) }) ?? Self.firstSource(inSrcset: doc.string(r)) {
                candidates.append(first)
            }
        }
        for c in candidates {
            if let u = CanonicalURL.resolve(c, against: pageURL), u.hasPrefix("http") { return u }
        }
        return nil
    }

    /// Whether `src` (the value at `r` of the document's bytes) is a placeholder: lower-cased, it
    /// starts with "data:" or holds "placeholder", "blank.", "lazy" or "spacer". An ASCII value is
    /// lowered and searched as bytes (each byte a Character); any other as the lower-cased String.
    func isPlaceholder(_ src: String, _ r: Range<Int>) -> Bool {
        let ascii = doc.bytes.withUnsafeBufferPointer { buf -> Bool? in
            var high: UInt8 = 0
            for k in r { high |= buf[k] }
            guard high < 0x80 else { return nil }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, r.count)) { t in
                var n = 0
                for k in r {
                    let c = buf[k]
                    t[n] = c &- 0x41 < 26 ? c | 0x20 : c
                    n += 1
                }
                let l = UnsafeBufferPointer(rebasing: t[0..<n])
                if n >= 5, l[0] == 0x64, l[1] == 0x61, l[2] == 0x74, l[3] == 0x61, l[4] == 0x3A { return true }  // "data:"
                return Self.placeholderParts.containsAny(in: l)
            }
        }
        if let ascii { return ascii }
        let l = src.lowercased()
        return l.hasPrefix("data:") || ByteSearch.contains(l, ascii: "placeholder") || ByteSearch.contains(l, ascii: "blank.") || ByteSearch.contains(l, ascii: "lazy") || ByteSearch.contains(l, ascii: "spacer")
    }
    static let placeholderParts = ByteNeedleSet(["placeholder", "blank.", "lazy", "spacer"].map { Array($0.utf8) })

    /// `srcset.split(separator: ",").first?.split(separator: " ").first`: read from the bytes when
    /// the value is ASCII without a CR (every byte a Character), so a long `srcset` is not split whole.
    static func firstSource(inSrcset v: String) -> String? {
        if let first = Array(v.utf8).withUnsafeBufferPointer({ firstSource(inSrcset: $0) }) { return first }
        return v.split(separator: ",").first?.split(separator: " ").first.map(String.init)
    }

    /// ``firstSource(inSrcset:)-(String)`` of the UTF-8 bytes `u` of a value that is ASCII
    /// without a CR (every byte a Character): `.some(nil)` when it has no first source; `nil`
    /// (not `.some(nil)`) for any other value, which takes the String path.
    static func firstSource(inSrcset u: UnsafeBufferPointer<UInt8>) -> String?? {
        for c in u where c >= 0x80 || c == 0x0D { return nil }
        var i = 0
        while i < u.count, u[i] == 0x2C { i += 1 }
        guard i < u.count else { return .some(nil) }
        var end = i
        while end < u.count, u[end] != 0x2C { end += 1 }
        var start = i
        while start < end, u[start] == 0x20 { start += 1 }
        guard start < end else { return .some(nil) }
        var stop = start
        while stop < end, u[stop] != 0x20 { stop += 1 }
        return .some(String(decoding: UnsafeBufferPointer(rebasing: u[start..<stop]), as: UTF8.self))
    }

    func acceptable(_ img: NodeID, _ url: String) -> Bool {
        for dim in Self.dimensionNames {
            if let r = doc.attributeRange(dim, of: img), let x = dimension(r), x > 0, x < 100 { return false }
        }
        var url = url
        let bad = url.withUTF8 { u -> Bool? in
            // An ASCII URL lowered as bytes equals its lower-cased String's bytes.
            var high: UInt8 = 0
            for c in u { high |= c }
            guard high < 0x80 else { return nil }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, u.count)) { t in
                for k in 0..<u.count { let c = u[k]; t[k] = c &- 0x41 < 26 ? c | 0x20 : c }
                return Self.badURLSet.containsAny(in: UnsafeBufferPointer(rebasing: t[0..<u.count]))
            }
        } ?? Self.badURLSet.containsAny(in: Array(url.lowercased().utf8))
        if bad { return false }
        let cls = Array(doc.classAndID(img).utf8)
        for bad in Self.badClassParts where ByteSearch.contains(cls, bad) { return false }
        return true
    }

    static let dimensionNames = ["width", "height"]

    /// `Int(value.filter(\.isNumber))` for the attribute value at `r`: read from the bytes when the
    /// value is ASCII (where only "0"–"9" are numbers, each a Character), else from the String.
    func dimension(_ r: Range<Int>) -> Int? {
        let ascii = doc.bytes.withUnsafeBufferPointer { buf -> Int?? in
            var value = 0, digits = 0, overflow = false
            for k in r {
                let c = buf[k]
                if c >= 0x80 { return nil }
                guard c >= 0x30 && c <= 0x39 else { continue }
                digits += 1
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(Int(c - 0x30))
                value = s
                overflow = overflow || o1 || o2
            }
            return .some(digits == 0 || overflow ? nil : value)
        }
        if let ascii { return ascii }
        return Int(doc.string(r).filter(\.isNumber))
    }

    /// URL parts of logos, icons, trackers and spacers (byte search: Foundation's `contains` is slow on Linux).
    static let badURLParts = ["logo", "icon", "avatar", "sprite", "pixel", "spacer", "blank.gif", "placeholder", ".svg", "gravatar",
                              "emoji", "/ads/", "banner", "badge", "button", "1x1", "tracking"].map { Array($0.utf8) }
    /// ``badURLParts`` as one needle set (one pass over the URL).
    static let badURLSet = ByteNeedleSet(badURLParts)
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
                    if doc.elementCount(.img) > 0 && doc.hasElement(.img, in: sib) { break }
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
    /// `self` with the first match of `target` (Foundation's search) replaced: the text before the
    /// match, `replacement` and the text after it, joined (the bytes Foundation's
    /// `replacingCharacters(in:with:)` makes, at a fraction of its cost).
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let r = range(of: target) else { return self }
        var out = String(self[..<r.lowerBound])
        out += replacement
        out += self[r.upperBound...]
        return out
    }
}
