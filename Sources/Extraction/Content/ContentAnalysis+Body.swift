import Schemas

extension ContentAnalysis {
    /// Runs all passes and assembles the ``ContentResult``.
    mutating func run(pageURL: String, headlineHints: [String]) -> ContentResult {
        guard n > 1 else { return ContentResult() }
        pageHost = Self.host(of: pageURL)
        markHiddenAndLinks()
        aggregate()
        markBoilerplate()
        segment()
        var (root, headlineNode, body) = chooseBody(headlineHints: headlineHints)
        if conditionalChars > 0, Self.scalarsBelow(conditionalChars, halving: body),
           body.count(where: { $0.type == .paragraph && $0.text.utf8.count >= Self.storyParagraphBytes }) < Self.storyParagraphs {
            // Teaser lists or widgets outweigh what is left: they are the page's content (a listing,
            // a product page), so mark and choose again without those rules. A body of several
            // paragraphs of prose is a story whatever surrounds it (a video player's menus, teasers).
            markBoilerplate(conditional: false)
            blocks.removeAll(keepingCapacity: true)
            segment()
            (root, headlineNode, body) = chooseBody(headlineHints: headlineHints)
        }
        let bodyChars = body.reduce(0) { $0 + $1.text.utf8.count }
        if bodyChars < 3000, let declared = StructuredBody.articleBody(in: doc),
           declared.utf8.count >= max(500, bodyChars * 2) {
            // The HTML holds a stub (script-rendered or truncated page); the JSON-LD holds the text.
            body = StructuredBody.blocks(declared, node: NodeID(root ?? doc.body?.index ?? 0))
        }
        let images = ImageCollector(doc: doc, removed: removed, hidden: hidden, pageURL: pageURL)
            .collect(root: root, headlineNode: headlineNode)
        var boiler: [NodeID] = []
        // (Over the arrays' buffers: no bounds check or property read per node.)
        removed.withUnsafeBufferPointer { removed in
            hidden.withUnsafeBufferPointer { hidden in
                doc.parents.withUnsafeBufferPointer { parents in
                    doc.kinds.withUnsafeBufferPointer { kinds in
                        for i in 1..<n where removed[i] && !removed[Int(parents[i])] && kinds[i] == .element && !hidden[i] {
                            boiler.append(NodeID(i))
                        }
                    }
                }
            }
        }
        return ContentResult(
            root: root.map(NodeID.init), blocks: body, leadImage: images.first, images: Array(images.dropFirst()),
            headlineNode: headlineNode.map(NodeID.init), boilerplate: boiler)
    }

    /// Whether `limit > 2 * (the scalars of the blocks' texts)`: the blocks counted one by one
    /// until their sum settles it (a long body need not be counted whole).
    static func scalarsBelow(_ limit: Int, halving blocks: [ContentBlock]) -> Bool {
        var sum = 0
        for b in blocks {
            sum += UTF8Scan.scalarCount(b.text)
            if limit <= 2 * sum { return false }
        }
        return limit > 2 * sum
    }

    /// A first body with this many paragraphs of at least ``storyParagraphBytes`` UTF-8 bytes is a
    /// story: teaser lists and widgets outweighing it do not make the page a listing (over the
    /// corpora, every first body undone that way held at most two such paragraphs).
    static let storyParagraphs = 5
    static let storyParagraphBytes = 150

    /// The content root, the headline element and the body blocks of the current segmentation.
    func chooseBody(headlineHints: [String]) -> (root: Int?, headline: Int?, body: [ContentBlock]) {
        let regionRoots: [Int]
        var root: Int?
        if let (candidate, scores) = topCandidate() {
            var top = widen(candidate)
            if let declared = declaredBody(around: top) { top = declared }
            root = top
            regionRoots = region(top: top, scores: scores)
        } else {
            root = doc.body?.index
            regionRoots = root.map { [$0] } ?? []
        }
        let hintKeys = headlineHints.map(Self.key).filter { !$0.isEmpty }
        let headlineNode = findHeadline(near: root, hintKeys: hintKeys)
        let headlineKey = headlineNode.map { Self.key(doc.textContent(of: NodeID($0))) } ?? hintKeys.first
        let others = otherArticles(in: regionRoots, headline: headlineNode, hintKeys: hintKeys)
        var body = bodyBlocks(in: regionRoots, headlineKey: headlineKey, headlineNode: headlineNode, excluding: others)
        if body.isEmpty, let b = doc.body?.index {
            // Nothing passed the filters (a tiny page, or text that is all one link): the visible
            // text of the page is its body.
            body = bodyBlocks(in: [b], headlineKey: headlineKey, headlineNode: headlineNode, lenient: true)
        }
        return (root, headlineNode, body)
    }

    /// The element around `top` that the page marks as the article's text (schema.org microdata,
    /// `itemprop="articleBody"`): a candidate inside it (a long gallery, one section) stands for
    /// all of it.
    func declaredBody(around top: Int) -> Int? {
        var p = Int(doc.parents[top])
        while p > 0, doc.tags[p] != .body, doc.tags[p] != .html {
            if removed[p] { return nil }
            if let prop = doc.attribute("itemprop", of: NodeID(p)), prop.lowercased().contains("articlebody") { return p }
            p = Int(doc.parents[p])
        }
        return nil
    }

    /// Further articles an infinite-scroll page appended after the one shown: `<article>` elements
    /// of the region that hold a visible `<h1>` of their own, but for the page's article — the one
    /// holding the headline when a title of the page's metadata named it, else the first.
    func otherArticles(in roots: [Int], headline: Int?, hintKeys: [String]) -> [Int] {
        var articles: [Int] = []
        for h1 in doc.elements(.h1) where !hidden[h1.index] && chars[h1.index] > 0 {
            guard let a = doc.ancestor(of: h1, tag: .article)?.index, !articles.contains(where: { doc.contains(NodeID($0), NodeID(a)) }),
                  roots.contains(where: { doc.contains(NodeID($0), NodeID(a)) })
            else { continue }
            articles.removeAll { doc.contains(NodeID(a), NodeID($0)) }
            articles.append(a)
        }
        guard articles.count >= 2 else { return [] }
        var keep = articles[0]
        if let h = headline, let own = articles.first(where: { doc.contains(NodeID($0), NodeID(h)) }), own != keep {
            let k = Self.key(doc.textContent(of: NodeID(h)))
            if !k.isEmpty, hintKeys.contains(where: { $0 == k || $0.hasPrefix(k) }) { keep = own }
        }
        return articles.filter { $0 != keep }
    }

    /// Lower-case text without spaces and punctuation, for comparing headlines.
    static func key(_ s: String) -> String {
        // The scalars of `s.lowercased()` that are kept, copied as UTF-8 into one array sized for all
        // of them (no per-scalar String or slice appends).
        let lower = CaseMapping.lowercasedBytes(s)
        let n = lower.count
        let out = lower.withUnsafeBufferPointer { lower in
            keyScalarTable.withUnsafeBufferPointer { table in
                [UInt8](unsafeUninitializedCapacity: n) { out, count in
                    var i = 0, k = 0
                    while i < n {
                        let c = lower[i]
                        var v = UInt32(c)
                        var len = 1
                        if c >= 0xF0 { v = UInt32(c & 0x07); len = 4 } else if c >= 0xE0 { v = UInt32(c & 0x0F); len = 3 } else if c >= 0xC0 { v = UInt32(c & 0x1F); len = 2 }
                        if i + len > n { break }
                        for j in 1..<len { v = v << 6 | UInt32(lower[i + j] & 0x3F) }
                        let keep = Int(v) < table.count ? table[Int(v)] : Unicode.Scalar(v).map(isKeyScalar) ?? false
                        if keep {
                            for j in 0..<len { out[k + j] = lower[i + j] }
                            k += len
                        }
                        i += len
                    }
                    count = k
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether ``key(_:)`` keeps `u`: letters, digits and vowel signs.
    static func isKeyScalar(_ u: Unicode.Scalar) -> Bool {
        u.properties.isAlphabetic || u.properties.numericType != nil || u.properties.generalCategory == .nonspacingMark
            || u.properties.generalCategory == .spacingMark
    }

    /// ``isKeyScalar(_:)`` precomputed for U+0000–U+0DFF (Latin to the Indic scripts).
    static let keyScalarTable: [Bool] = (0..<0x0E00).map { Unicode.Scalar(UInt32($0)).map(isKeyScalar) ?? false }

    /// The `<h1>` of the article: the one before or in the content region, else the first visible one.
    func findHeadline(near root: Int?, hintKeys: [String]) -> Int? {
        let h1s = doc.elements(.h1).map(\.index).filter { !hidden[$0] && chars[$0] > 0 }
        for key in hintKeys {
            if let m = h1s.first(where: { let k = Self.key(doc.textContent(of: NodeID($0))); return !k.isEmpty && (k == key || key.hasPrefix(k)) }) {
                return m
            }
        }
        if let r = root {
            if let inside = h1s.first(where: { doc.contains(NodeID(r), NodeID($0)) }) { return inside }
            if let before = h1s.last(where: { $0 < r }) { return before }
        }
        return h1s.first
    }

    /// The text of a block, white space collapsed.
    func text(of b: TextBlock) -> String {
        // One text node is collapsed from the document's bytes straight into the String's storage;
        // several (a space for each <br>) are copied into that storage first and collapsed there in
        // place (``HTMLDocument/collapse(_:count:into:)`` allows it): no scratch buffer.
        let nodes = blockNodes[b.nodes]
        let doc = self.doc
        if nodes.count == 1, let t = nodes.first, t >= 0 {
            return doc.collapsedText(NodeID(t))
        }
        var total = 0
        for t in nodes { total += t < 0 ? 1 : doc.textByteCount(NodeID(t)) }
        if total == 0 { return "" }
        return doc.bytes.withUnsafeBufferPointer { src in
            String(unsafeUninitializedCapacity: total) { out in
                let o = out.baseAddress!
                var k = 0
                for t in nodes {
                    if t < 0 { o[k] = 0x20; k += 1; continue }  // a <br>
                    let lo = Int(doc.dataStart[t]), n = doc.textByteCount(NodeID(t))
                    if n > 0 { (o + k).initialize(from: src.baseAddress! + lo, count: n) }
                    k += n
                }
                return HTMLDocument.collapse(UnsafePointer(o), count: k, into: o)
            }
        }
    }

    /// True for text made only of digits, punctuation and symbols (list numbering, "১", "·", "|").
    static func isOnlyNumbering(_ s: String) -> Bool {
        // ASCII text: letters are the only alphabetic scalars (none numeric); stop at the first one.
        var text = s
        let ascii = text.withUTF8 { b -> Bool? in
            for c in b {
                if c >= 0x80 { return nil }
                if (c | 0x20) &- 0x61 < 26 { return false }
            }
            return true
        }
        if let ascii { return ascii }
        for u in s.unicodeScalars {
            let p = u.properties
            if p.isAlphabetic && p.numericType == nil { return false }
        }
        return true
    }

    /// Whether the block after `blocks[k]` is a paragraph of prose: at least
    /// ``sectionProseChars`` characters under a `<p>`, with little link text.
    func opensProse(_ k: Int) -> Bool {
        guard k + 1 < blocks.count else { return false }
        let next = blocks[k + 1]
        return doc.tags[next.owner] == .p && next.chars >= Self.sectionProseChars && next.linkDensity < 0.25
    }
    /// The fewest characters of the paragraph that makes a linked heading a section heading.
    static let sectionProseChars = 150

    /// Whether the link of heading `h` names a section rather than another story of the site: it
    /// points into the page (a table of contents' anchor) or to another site (a listicle's
    /// product, a tool, a place), or its text is short like a name ("DEEBOT T30", "Day 7"). A
    /// sentence-long title linking to a page of the same site is a teaser.
    func isSectionLink(_ h: Int, text: String) -> Bool {
        guard let a = doc.elements(.a, in: NodeID(h)).first, let href = doc.attribute("href", of: a) else { return true }
        let ref = href.utf8.drop { $0 == 0x20 }
        if ref.first == 0x23 { return true }  // "#…"
        let lower = href.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("//") {
            let host = Self.host(of: lower)
            if !host.isEmpty, !pageHost.isEmpty, host != pageHost, !host.hasSuffix("." + pageHost), !pageHost.hasSuffix("." + host) {
                return true
            }
        }
        var words = 1
        for b in text.utf8 where b == 0x20 { words += 1 }
        return words <= Self.sectionLinkMaxWords && text.utf8.count <= Self.sectionLinkMaxBytes
    }
    /// Whether the first link of heading `h` points into the page ("#section").
    func linksIntoPage(_ h: Int) -> Bool {
        guard let a = doc.elements(.a, in: NodeID(h)).first, let href = doc.attribute("href", of: a) else { return false }
        let ref = href.utf8.drop { $0 == 0x20 }
        return ref.first == 0x23 && ref.count > 1
    }

    /// The most words (and UTF-8 bytes) of a heading linking within the site that still names a section.
    static let sectionLinkMaxWords = 6
    static let sectionLinkMaxBytes = 60

    /// The host of `url`, lower case, without "www." (empty when there is none).
    static func host(of url: String) -> Substring {
        if let plain = plainHost(of: url) { return plain }
        return stringHost(of: url)
    }

    /// ``host(of:)`` read from the bytes of an ASCII URL (where every byte but a CR before a LF is a
    /// Character, and neither is "/", "?", "#" or ":"); `nil` for any other URL.
    static func plainHost(of url: String) -> Substring? {
        var url = url
        return url.withUTF8 { b -> Substring? in
            let n = b.count
            var high: UInt8 = 0
            for c in b { high |= c }
            guard high < 0x80 else { return nil }
            var i = 0
            while i + 1 < n, !(b[i] == 0x2F && b[i + 1] == 0x2F) { i += 1 }
            guard i + 1 < n else { return "" }
            var start = i + 2, end = start
            while end < n, b[end] != 0x2F, b[end] != 0x3F, b[end] != 0x23, b[end] != 0x3A { end += 1 }
            @inline(__always) func lower(_ c: UInt8) -> UInt8 { c &- 0x41 < 26 ? c | 0x20 : c }
            if end - start >= 4, lower(b[start]) == 0x77, lower(b[start + 1]) == 0x77, lower(b[start + 2]) == 0x77, b[start + 3] == 0x2E { start += 4 }
            if end <= start { return "" }
            return Substring(String(unsafeUninitializedCapacity: end - start) { o in
                for k in start..<end { o[k - start] = lower(b[k]) }
                return end - start
            })
        }
    }

    /// ``host(of:)`` on the lower-cased String (the general path, and the tests' reference).
    static func stringHost(of url: String) -> Substring {
        let lower = Substring(url.lowercased())
        guard let r = lower.range(of: "//") else { return "" }
        var h = lower[r.upperBound...]
        if let end = h.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" || $0 == ":" }) { h = h[..<end] }
        if h.hasPrefix("www.") { h = h.dropFirst(4) }
        return h
    }

    /// The body blocks of the region, filtered and typed.
    /// `lenient` keeps link-heavy blocks and trailing headings (the last resort for tiny pages).
    func bodyBlocks(in roots: [Int], headlineKey: String?, headlineNode: Int?, excluding: [Int] = [], lenient: Bool = false) -> [ContentBlock] {
        var out: [ContentBlock] = []
        var listOwner = -1
        var listItems: [String] = []
        var listLinkChars = 0, listChars = 0
        var listNode = 0
        func flushList() {
            if !listItems.isEmpty, listChars > 0,
               lenient || Double(listLinkChars) / Double(listChars) <= 0.5 || nestedListIsProse(NodeID(listNode)) {
                out.append(ContentBlock(type: .list, text: listItems.joined(separator: "\n"), node: NodeID(listNode)))
            }
            listItems = []; listOwner = -1; listChars = 0; listLinkChars = 0
        }
        // Table rows: the cells of one row become one line, judged together (a data table's cells
        // are a linked name, a year, a figure; alone each would fail the link or numbering filters).
        // A row with a long cell is page layout (the story in one cell, links in another): its cells
        // are judged one by one.
        let phrases = BoilerplateHints.phraseSet
        var rowOwner = -1
        var rowCells: [(text: String, node: Int, chars: Int, linkChars: Int)] = []
        func keepsCell(_ t: String, chars: Int, linkChars: Int, numbering: Bool, row: Bool = false) -> Bool {
            if numbering { return false }
            let ld = chars == 0 ? 0 : Double(linkChars) / Double(chars)
            if !lenient && (ld > 0.5 || (!row && chars < 40 && ld > 0.3)) { return false }
            return chars > 110 || !BoilerplateHints.matchesPhrase(lowercasing: t, chars: chars, in: phrases)
        }
        func flushRow() {
            defer { rowCells = []; rowOwner = -1 }
            guard !rowCells.isEmpty else { return }
            if rowCells.count == 1 || rowCells.contains(where: { $0.chars > Self.tableCellMaxChars }) {
                for c in rowCells where keepsCell(c.text, chars: c.chars, linkChars: c.linkChars, numbering: Self.isOnlyNumbering(c.text)) {
                    out.append(ContentBlock(type: .paragraph, text: c.text, node: NodeID(c.node)))
                }
                return
            }
            let chars = rowCells.reduce(0) { $0 + $1.chars }, linkChars = rowCells.reduce(0) { $0 + $1.linkChars }
            let t = rowCells.map(\.text).joined(separator: " ")
            guard keepsCell(t, chars: chars, linkChars: linkChars, numbering: false, row: true) else { return }
            out.append(ContentBlock(type: .paragraph, text: t, node: NodeID(rowOwner)))
        }
        // Room for every block up front: growing the set would hash every key again.
        var seen = Set<TextKey>(minimumCapacity: blocks.count)
        // The texts of long blocks not in `seen` yet: only a short block looks the set up, so the
        // keys of the long ones before it are made then (none after the last short block).
        var unseen: [String] = []
        // Whether a block's owner lies in a `<figcaption>` (``HTMLDocument/hasAncestor(_:tag:)``),
        // marked once over the figcaptions' subtrees rather than walked up from every block.
        let inCaption = descendantMarks(of: .figcaption)
        let quotes = doc.elementCount(.blockquote) > 0
        for (k, b) in blocks.enumerated() {
            guard roots.contains(where: { doc.contains(NodeID($0), NodeID(b.owner)) }) else { continue }
            if !excluding.isEmpty, excluding.contains(where: { doc.contains(NodeID($0), NodeID(b.owner)) }) { continue }
            let tag = doc.tags[b.owner]
            if tag == .figcaption || inCaption?[b.owner] == true { continue }
            if let h = headlineNode, doc.contains(NodeID(h), NodeID(b.owner)) { continue }
            // Legal small print inside the article's container (fund disclosures under the story).
            if !lenient, smallPrint[b.owner], !roots.contains(where: { smallPrint[$0] }) { continue }
            // A block that the link rule below drops needs no text: for the tags that reach that rule
            // whatever their text, every check before it only drops the block too (after `flushRow`).
            if !lenient && (b.linkDensity > 0.5 || (b.chars < 40 && b.linkDensity > 0.3)) && !isProseWithLinks(b),
               tag != .caption, tag != .td, tag != .th, !tag.isHeading, tag != .li {
                flushRow()
                continue
            }
            let t = text(of: b)
            if tag == .caption {
                // A table's caption is its title (a figure's caption goes with the image).
                if t.isEmpty || b.linkDensity > 0.5 || doc.hasAncestor(NodeID(b.owner), tag: .figure) { continue }
                flushList(); flushRow()
                out.append(ContentBlock(type: .heading, text: t, node: NodeID(b.owner)))
                continue
            }
            if (tag == .td || tag == .th), let row = doc.parent(NodeID(b.owner))?.index, doc.tags[row] == .tr {
                if row != rowOwner { flushList(); flushRow(); rowOwner = row }
                if !t.isEmpty { rowCells.append((t, b.owner, b.chars, b.linkChars)) }
                continue
            }
            flushRow()
            // A data series set as code ("2, 3, 5, 2, 3, 12") is not list numbering.
            if t.isEmpty || (Self.isOnlyNumbering(t) && tag != .pre) { continue }
            // Only short blocks are judged by phrase: lower-case only those.
            if b.chars <= 110, BoilerplateHints.matchesPhrase(lowercasing: t, chars: b.chars, in: phrases) { continue }
            if tag.isHeading {
                if let k = headlineKey, Self.key(t) == k { continue }
                // A heading that is a link (a listicle's item linking to the product) still opens a
                // section when prose follows it; a teaser's linked title does not.
                // One linking to its own anchor in the page (a permalink, "#preparing-the-data") is
                // a section heading whatever follows it (a list, code, a short paragraph).
                if b.linkDensity > 0.5 && !lenient && !linksIntoPage(b.owner) && !(opensProse(k) && isSectionLink(b.owner, text: t)) { continue }
                flushList()
                out.append(ContentBlock(type: .heading, text: t, node: NodeID(b.owner)))
                continue
            }
            // List items: consecutive items of one list become one list block, judged as a whole
            // (an item that is a link, among items of prose, is part of the list).
            if tag == .li, let list = doc.parent(NodeID(b.owner))?.index {
                if list != listOwner { flushList(); listOwner = list; listNode = list }
                listItems.append(t)
                listChars += b.chars
                listLinkChars += b.linkChars
                continue
            }
            if !lenient && (b.linkDensity > 0.5 || (b.chars < 40 && b.linkDensity > 0.3)) && !isProseWithLinks(b) { continue }
            flushList()
            // Text written straight into a <figure> (not in its caption, a paragraph or a quote) is
            // the image's label or credit ("Image copyright", "Getty Images").
            if tag == .figure { continue }
            if b.chars < 80 {
                for u in unseen { seen.insert(TextKey(u)) }
                unseen.removeAll(keepingCapacity: true)
                if !seen.insert(TextKey(t)).inserted { continue }
            } else {
                unseen.append(t)
            }
            let type: ArticleRecord.BlockType = (quotes && doc.hasAncestor(NodeID(b.owner), tag: .blockquote)) || tag == .blockquote ? .quote : .paragraph
            out.append(ContentBlock(type: type, text: t, node: NodeID(b.owner)))
        }
        flushList()
        flushRow()
        if !lenient { dropFigureBoxes(&out) }
        // Trailing headings with nothing after them are section labels of what follows the article.
        while !lenient, let last = out.last, last.type == .heading { out.removeLast() }
        return out
    }

    /// For each node, whether an element with `tag` is its ancestor (`doc.hasAncestor(_:tag:)`):
    /// the descendants of each such element marked. `nil` when the page has none of them.
    func descendantMarks(of tag: HTMLTag) -> [Bool]? {
        let list = doc.elements(tag)
        guard !list.isEmpty else { return nil }
        var marks = [Bool](repeating: false, count: n)
        marks.withUnsafeMutableBufferPointer { marks in
            for e in list where !marks[e.index] {  // (one inside another is marked already)
                let end = Int(doc.ends[e.index])
                var i = e.index + 1
                while i < end { marks[i] = true; i += 1 }
            }
        }
        return marks
    }

    /// A paragraph of prose that links much of its text: at least ``proseWithLinksChars`` characters
    /// outside its links, and links at most ``proseWithLinksDensity`` of it ("The response, including
    /// Marco, someone who is so sensitive … <a>enough to shut him down</a>, who <a>blocked …</a>").
    /// A teaser or a run of links has little text of its own.
    func isProseWithLinks(_ b: TextBlock) -> Bool {
        doc.tags[b.owner] == .p && b.chars - b.linkChars >= Self.proseWithLinksChars && b.linkDensity <= Self.proseWithLinksDensity
    }
    static let proseWithLinksChars = 100
    static let proseWithLinksDensity = 0.7

    /// Whether `list` is part of a nested list (items holding lists) whose whole text has little
    /// link text: a run of its items cut off by a sub-list ("Gijs <a>made the toolbar load
    /// later</a>", "<a>Bug 1677080 – …</a>" under "In progress:") is judged with the whole, not alone.
    func nestedListIsProse(_ list: NodeID) -> Bool {
        var top = list.index
        while let item = doc.parent(NodeID(top)), doc.tags[item.index] == .li, let outer = doc.parent(item),
              doc.tags[outer.index] == .ul || doc.tags[outer.index] == .ol {
            top = outer.index
        }
        if top == list.index, !doc.hasElement(.ul, in: list), !doc.hasElement(.ol, in: list) { return false }
        return nodeLinkDensity(top) <= 0.5
    }

    /// The longest cell of a table row read as one line; a longer cell makes the row page layout.
    static let tableCellMaxChars = 600

    // MARK: Figure boxes

    /// A short block that is mostly a number with a label: "28,25,140 Cases", "1.2 m Recovered".
    static func isFigureLabel(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.count <= figureMaxBytes else { return false }
        var digits = 0, others = 0
        for b in bytes where b != 0x20 {
            if b >= 0x30 && b <= 0x39 { digits += 1 } else if b != 0x2C && b != 0x2E { others += 1 }
        }
        return digits >= 2 && digits * 2 >= others
    }
    /// A paragraph that is a figure label outside a table (a table's cells are data the story presents).
    func isFigureLabel(_ b: ContentBlock) -> Bool {
        b.type == .paragraph && Self.isFigureLabel(b.text) && !doc.hasAncestor(b.node, tag: .table) && doc.tags[b.node.index] != .td
            && doc.tags[b.node.index] != .th
    }
    /// The longest figure label, in UTF-8 bytes.
    static let figureMaxBytes = 32

    /// Statistics boxes embedded in a story ("World: 28,25,140 Cases · 18,29,648 Active · … —
    /// Coronavirus has spread to 185 countries."): at least three figure labels in a row, outside
    /// tables, make a
    /// box; the box — their container, widened to the heading just before them — goes whole, its
    /// summary sentence too, when it holds little else (a live widget, not the story's text).
    func dropFigureBoxes(_ out: inout [ContentBlock]) {
        var k = 0
        while k < out.count {
            guard isFigureLabel(out[k]) else { k += 1; continue }
            var e = k + 1
            while e < out.count, isFigureLabel(out[e]) { e += 1 }
            if e - k < 3 { k = e; continue }
            var box = out[k].node.index
            for j in (k + 1)..<e { box = commonAncestor(box, out[j].node.index) }
            var first = k
            if k > 0, out[k - 1].type == .heading {
                box = commonAncestor(box, out[k - 1].node.index)
                first = k - 1
            }
            var runBytes = 0
            for j in first..<e { runBytes += out[j].text.utf8.count }
            var last = e
            while last < out.count, doc.contains(NodeID(box), out[last].node) { last += 1 }
            var boxBytes = runBytes
            for j in e..<last { boxBytes += out[j].text.utf8.count }
            if boxBytes <= runBytes * 2 + Self.figureBoxProseBytes {
                out.removeSubrange(first..<last)
                k = first
            } else {
                out.removeSubrange(k..<e)
            }
        }
    }
    /// The most text besides its figures that a figure box holds.
    static let figureBoxProseBytes = 400

    /// The nearest element holding both `a` and `b`.
    func commonAncestor(_ a: Int, _ b: Int) -> Int {
        var x = a
        while x > 0, !doc.contains(NodeID(x), NodeID(b)) { x = Int(doc.parents[x]) }
        return x
    }
}
