import Testing
@testable import Extraction

/// The byte-level class/id hints, needle sets and URL cutting give the answers of the plain
/// implementations they replace (written out here one needle at a time, as they were).
@Suite("Class/id hints, needle sets and URL shapes: fast paths agree with the plain ones")
struct ContentHintFastPathTests {
    // MARK: References

    /// The verdict as first written: each needle list searched in turn, tokens looked up in a set.
    static func referenceVerdict(_ name: String) -> BoilerplateHints.Verdict {
        let hay = Array(name.utf8)
        if hay.isEmpty { return .none }
        func found(_ needles: [[UInt8]], skippingNegatedCaption: Bool = false) -> Bool {
            for n in needles {
                var from = 0
                while let i = ByteSearch.firstIndex(hay, n, from: from) {
                    let negated = skippingNegatedCaption && hay.withUnsafeBufferPointer { h in
                        n.withUnsafeBufferPointer { BoilerplateHints.isNegatedCaption(h, at: i, $0) }
                    }
                    if !negated { return true }
                    from = i + 1
                }
            }
            return false
        }
        if found(BoilerplateHints.positiveBytes) { return .none }
        if found(BoilerplateHints.commentBytes) { return .comments }
        if found(BoilerplateHints.strongBytes, skippingNegatedCaption: true) { return .strong }
        if found(BoilerplateHints.weakBytes) { return .weak }
        let tokens = name.split(whereSeparator: { $0 == " " || $0 == "_" }).map(String.init)
        return tokens.contains(where: BoilerplateHints.weakTokens.contains) ? .weak : .none
    }

    /// Class names built from pieces of the hint lists, separators and other words.
    static func names(count: Int, seed: UInt64) -> [String] {
        let pieces = BoilerplateHints.strongSubstrings + BoilerplateHints.weakSubstrings + Array(BoilerplateHints.weakTokens)
            + BoilerplateHints.positiveSubstrings + BoilerplateHints.hiddenTokens
            + ["comment", "disqus", "disclaimer", "disclosure", "no-", "no_", "x", "a", "-", "_", " ", " ", "wrap", "col-md-8", "é", "বাংলা",
               "article", "main", "text", "capt", "ion", "sha", "re"]
        var rng = SplitMix64(seed: seed)
        var out = ["", " ", "_", "ad", "no-caption", "no_caption", "buzz_attr_no_caption", "media no-caption", "xno-caption",
                   "caption", "share", "d-none", "is-hidden foo", "hidden", "mathjax ctxtmenu_attached_0"]
        for _ in 0..<count {
            var s = ""
            for _ in 0..<Int.random(in: 1...6, using: &rng) { s += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
            out.append(s)
        }
        return out
    }

    // MARK: Class/id hints

    @Test("The one-table verdict equals searching each hint list in turn")
    func verdictAgreesWithReference() {
        for name in Self.names(count: 3000, seed: 0x41_D7) {
            #expect(BoilerplateHints.verdict(name) == Self.referenceVerdict(name), "\(name)")
        }
    }

    @Test("Hidden tokens, small print and positive names agree with one search per needle")
    func otherHintsAgreeWithReference() {
        for name in Self.names(count: 2000, seed: 0x5EA) {
            let hay = Array(name.utf8)
            let tokens = name.split(separator: " ").map(String.init)
            #expect(BoilerplateHints.hasHiddenToken(name) == tokens.contains(where: BoilerplateHints.hiddenTokens.contains), "\(name)")
            #expect(BoilerplateHints.isSmallPrint(name) == BoilerplateHints.smallPrintBytes.contains { ByteSearch.contains(hay, $0) }, "\(name)")
            let positive = (BoilerplateHints.positiveBytes + BoilerplateHints.generalPositiveBytes).contains { ByteSearch.contains(hay, $0) }
            #expect(BoilerplateHints.isPositive(name) == positive, "\(name)")
        }
    }

    @Test("Class and id read in one attribute pass equal classAndID's UTF-8; the role is the first role attribute")
    func hintAttributesAgreeWithClassAndID() throws {
        let html = """
            <div class="Main-Content  Story" id="Top"><p id="x" class="">a</p><p class="" id="">b</p>
            <section id="ONLY-ID">c</section><nav role="Navigation" role="main" class="Été NAV">d</nav>
            <aside class="İstanbul" id="K\u{212A}">e</aside><span role="TabList">f</span><i role="menubar x">g</i>
            <b class="a" class="b" id="c">h</b><u role="">i</u><em role="DIALOG">j</em></div>
            """
        let doc = try parseHTML(html)
        let analysis = ContentAnalysis(doc)
        var name: [UInt8] = []
        var checked = 0
        for i in 1..<doc.count where doc.isElement(NodeID(i)) {
            let role = analysis.hintAttributes(i, name: &name)
            #expect(name == Array(doc.classAndID(NodeID(i)).utf8), "\(doc.classAndID(NodeID(i)))")
            #expect(role == doc.attributeRange("role", of: NodeID(i)))
            if let role {
                let expected = BoilerplateHints.negativeRoles.contains(doc.string(role).lowercased())
                #expect(analysis.isNegativeRole(role) == expected, "\(doc.string(role))")
            }
            checked += 1
        }
        #expect(checked >= 12)
    }

    // MARK: Needle sets

    @Test("The Wu-Manber needle set finds a needle exactly when one of them occurs in the text")
    func needleSetAgreesWithSearch() {
        let sets: [[[UInt8]]] = [
            BoilerplateHints.phraseBytes, PageTypeFeatures.sharePatterns,
            ["abc", "bcd", "abcdefgh", "zz", "q"].map { Array($0.utf8) },
            ["aaa", "aaaa", "a-a-a"].map { Array($0.utf8) },
        ]
        var rng = SplitMix64(seed: 0xB0_7E)
        for needles in sets {
            let set = ByteNeedleSet(needles)
            let alphabet = Array(Set(needles.flatMap { $0 })) + [0x20, 0x2F, 0xE0]
            var hays: [[UInt8]] = needles + needles.map { Array("x ".utf8) + $0.dropLast() } + needles.map { Array($0.dropFirst()) + $0 }
            for _ in 0..<1500 {
                var h: [UInt8] = []
                for _ in 0..<Int.random(in: 0...40, using: &rng) {
                    if Int.random(in: 0..<12, using: &rng) == 0, let n = needles.randomElement(using: &rng) {
                        h += n.prefix(Int.random(in: 1...n.count, using: &rng))
                    } else {
                        h.append(alphabet[Int.random(in: 0..<alphabet.count, using: &rng)])
                    }
                }
                hays.append(h)
            }
            for hay in hays {
                let expected = needles.contains { ByteSearch.contains(hay, $0) }
                #expect(set.containsAny(in: hay) == expected, "\(String(decoding: hay, as: UTF8.self))")
            }
        }
    }

    @Test("Share links lowered in a reused buffer are found as by lower-casing each address")
    func shareLinks() {
        let hrefs = [
            "https://www.Facebook.com/sharer/sharer.php?u=x", "HTTPS://TWITTER.COM/intent/tweet", "mailto:?subject=x", "MAILTO:?body",
            "mailto:a@b.c", "/relative/facebook.com/sharer", "#top", "https://example.com/news/story-1", "whatsapp://send?text=a",
            "https://t.me/share/url?url=x", "https://wa.me/?text=hello", "https://www.pinterest.com/pin/create/button/",
            "https://example.com/" + String(repeating: "a", count: 300) + "/reddit.com/submit", "short", "https://x.com/Intent",
        ]
        var buffer: [UInt8] = []
        for href in hrefs + hrefs.reversed() {
            let bytes = ArraySlice(Array(href.utf8))
            let lowered = Array(href.lowercased().utf8)
            let relative = href.first == "/" || href.first == "#" || href.first == "?"
            let expected = bytes.count >= 8 && !relative
                && (lowered.starts(with: PageTypeFeatures.mailtoNoAddress) || PageTypeFeatures.sharePatterns.contains { ByteSearch.contains(lowered, $0) })
            #expect(PageTypeFeatures.isShareLink(bytes, buffer: &buffer) == expected, "\(href)")
        }
    }

    // MARK: Counting text

    @Test("Visible characters and commas counted sixteen and eight bytes at a time equal counting byte by byte")
    func visibleCharsAndCommas() {
        let pieces: [[UInt8]] = [[0x20], [0x0A], [0x41], [0x2C], [0xC2, 0xA0], [0xEF, 0xBC, 0x8C], [0xE3, 0x80, 0x81], [0xE3, 0x80, 0x82],
                                 [0xE0, 0xA6, 0x95], [0x7F], [0x21], [0xEF, 0xBC], [0x80], [0xE7, 0x80, 0x81], [0xEB]]
        var rng = SplitMix64(seed: 0x7E_C0)
        for length in 0..<700 {
            var bytes: [UInt8] = []
            while bytes.count < length { bytes += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
            var visible: Int32 = 0, commas: Int32 = 0
            for (j, b) in bytes.enumerated() {
                if b > 0x20 && (b & 0xC0) != 0x80 { visible += 1 }
                if b == 0x2C { commas += 1 }
                if j + 2 < bytes.count, (b == 0xEF && bytes[j + 1] == 0xBC && bytes[j + 2] == 0x8C) || (b == 0xE3 && bytes[j + 1] == 0x80 && bytes[j + 2] == 0x81) {
                    commas += 1
                }
            }
            let counted = bytes.withUnsafeBufferPointer(ContentAnalysis.visibleCharsAndCommas)
            #expect(counted.0 == visible && counted.1 == commas, "length \(length)")
        }
        // More than 255 blocks of sixteen bytes: the lane counters are summed before they overflow.
        let long = [UInt8](repeating: 0x2C, count: 16 * 600 + 5)
        let counted = long.withUnsafeBufferPointer(ContentAnalysis.visibleCharsAndCommas)
        #expect(counted.0 == Int32(long.count) && counted.1 == Int32(long.count))
    }

    @Test("Displayed characters counted eight bytes at a time equal counting byte by byte, from either state, on broken UTF-8 too")
    func displayedCharacters() {
        let pieces: [[UInt8]] = [[0x20], [0x0A], [0x09], [0x0B], [0x0C], [0x0D], [0x20, 0x20], [0x41], [0x00], [0x7F], [0x21], [0x2C],
                                 [0xC2, 0xA0], [0xE0, 0xA6, 0x95], [0xD0, 0x96], [0x80], [0xBF], [0xF0, 0x9F, 0x98, 0x80]]
        var rng = SplitMix64(seed: 0xD15_C0)
        for length in 0..<400 {
            var bytes: [UInt8] = []
            while bytes.count < length { bytes += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
            for startInSpace in [false, true] {
                var fastCount = 7, fastSpace = startInSpace, plainCount = 7, plainSpace = startInSpace
                bytes.withUnsafeBufferPointer {
                    PageTypeFeatures.countDisplayed($0, count: &fastCount, inSpace: &fastSpace)
                    PageTypeFeatures.countDisplayedBytes($0, count: &plainCount, inSpace: &plainSpace)
                }
                #expect(fastCount == plainCount && fastSpace == plainSpace, "\(bytes) \(startInSpace)")
            }
        }
    }

    @Test("Promo paragraphs found through the cue needle set are the ones found cue by cue")
    func promoAgreesWithCueByCue() {
        func reference(_ norm: String, count: Int) -> Bool {
            let hay = Array(norm.utf8)
            var hits = 0
            for cue in BodyCleaner.promoCues where ByteSearch.contains(hay, cue) { hits += 1 }
            if ByteSearch.contains(hay, BodyCleaner.followBytes), BodyCleaner.socialNetworkCues.contains(where: { ByteSearch.contains(hay, $0) }) { hits += 1 }
            if hits == 0 { return false }
            if count <= 160 { return true }
            return hits >= 2 && BodyCleaner.selfReferences.contains { ByteSearch.contains(hay, $0) }
        }
        let pieces = BodyCleaner.promoCues.map { String(decoding: $0, as: UTF8.self) } + BodyCleaner.socialNetworkCues.map { String(decoding: $0, as: UTF8.self) }
            + BodyCleaner.selfReferences.map { String(decoding: $0, as: UTF8.self) }
            + ["follow", "the minister said", " ", " ", "news", "বাংলা খবর", "sub", "scribe", "tele", "gram", "on ", "twitter"]
        var rng = SplitMix64(seed: 0x9_80_70)
        for _ in 0..<1_500 {
            var s = ""
            for _ in 0..<Int.random(in: 0...12, using: &rng) { s += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
            for count in [40, 200] {
                #expect(BodyCleaner.isPromo(s, count: count) == reference(s, count: count), "\(s) \(count)")
            }
        }
    }

    @Test("Prose counts sixteen bytes at a time equal counting the Unicode scalars, on long texts too")
    func longProseCounts() {
        let pieces = ["a", ",", ".", "!", "?", " ", "é", "’", "—", "\u{060C}", "\u{061F}", "\u{0964}", "\u{3001}", "\u{3002}", "\u{FF0C}", "\u{FF01}",
                      "\u{FF1F}", "ক", "😀", "\u{0965}", "\u{FF0E}", "Word, and more. ", "\u{0600}", "\u{0E01}"]
        var rng = SplitMix64(seed: 0x9_0C0)
        for round in 0..<600 {
            var s = ""
            // Plain text most of the time, so that the sixteen-byte path runs over many blocks.
            let plainOnly = round % 3 != 0
            for _ in 0..<Int.random(in: 0...400, using: &rng) {
                let piece = pieces[Int.random(in: 0..<pieces.count, using: &rng)]
                if plainOnly, piece.utf8.contains(where: { $0 == 0xD8 || $0 == 0xE0 || $0 == 0xE3 || $0 == 0xEF }) { continue }
                s += piece
            }
            let (commas, ends) = ContentFastPathTests.referenceProseCounts(s)
            let c = PageTypeFeatures.proseCounts(s)
            #expect(c.scalars == s.unicodeScalars.count && c.commas == commas && c.sentenceEnds == ends, "round \(round)")
        }
        let long = String(repeating: "Yes, indeed. ", count: 400)
        #expect(PageTypeFeatures.proseCounts(long) == (scalars: 400 * 13, commas: 400, sentenceEnds: 400))
    }

    // MARK: Lower case and numbering

    @Test("Lower-cased bytes equal String.lowercased() for every scalar up to U+024F, alone and among others")
    func lowercasedLatin() {
        var all = ""
        for v in UInt32(0x20)...0x24F {
            guard let u = Unicode.Scalar(v) else { continue }
            let s = String(Character(u))
            #expect(CaseMapping.lowercasedBytes(s) == Array(s.lowercased().utf8), "U+\(String(v, radix: 16))")
            #expect(CaseMapping.lowercasedBytes("Ab" + s + "ক") == Array(("Ab" + s + "ক").lowercased().utf8), "U+\(String(v, radix: 16))")
            all.unicodeScalars.append(u)
        }
        #expect(CaseMapping.lowercasedBytes(all) == Array(all.lowercased().utf8))
    }

    @Test("Lower-cased bytes equal String.lowercased() for every scalar of Cyrillic, CJK and fullwidth forms, alone and among others")
    func lowercasedCyrillicCJKFullwidth() {
        var mismatches: [UInt32] = []
        var all = ""
        for range in [UInt32(0x0400)...0x04FF, 0x2FF0...0xA00F, 0xFEF0...0xFFFF] {
            for v in range {
                guard let u = Unicode.Scalar(v) else { continue }
                var s = ""
                s.unicodeScalars.append(u)
                let mixed = "Жb" + s + "ক漢Ｑ"
                if CaseMapping.lowercasedBytes(s) != Array(s.lowercased().utf8) || CaseMapping.lowercasedBytes(mixed) != Array(mixed.lowercased().utf8) {
                    mismatches.append(v)
                }
                all.unicodeScalars.append(u)
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20).map { String($0, radix: 16) })")
        #expect(CaseMapping.lowercasedBytes(all) == Array(all.lowercased().utf8))
        let russian = "Москва ЁЖИК Ѐѐ Ђ ЯБЛОКО, «Новости» — 東京ＡＢＣｘｙｚ"
        #expect(CaseMapping.lowercasedBytes(russian) == Array(russian.lowercased().utf8))
    }

    @Test("Numbering is found on ASCII bytes as by the scalars' properties")
    func onlyNumbering() {
        func reference(_ s: String) -> Bool {
            !s.unicodeScalars.contains { $0.properties.isAlphabetic && $0.properties.numericType == nil }
        }
        for s in ["", "1.", "12) ", "·", "|", "a", "1a", "Z9", "১২", "১ক", "1 — 2", "Ⅻ", "2½", "x²", "[3]", "#@!", "é1", "1é", "ক"] {
            #expect(ContentAnalysis.isOnlyNumbering(s) == reference(s), "\(s)")
        }
    }

    @Test("href and class read in one attribute pass are the first of each, as attributeRange finds them")
    func linkAttributesInOnePass() throws {
        let html = """
            <p><a href="/x" class="Btn">a</a><a class="cta" href="https://t.me/share" href="/second">b</a><a>c</a>
            <a class="" href="">d</a><a HREF="/upper" Class="button">e</a><a data-href="/no" hreflang="en" classes="btn">f</a>
            <a class="one" class="two" href="#">g</a><span class="btn">h</span>text</p>
            """
        let doc = try parseHTML(html)
        var checked = 0
        doc.bytes.withUnsafeBufferPointer { buf in
            for i in 0..<doc.count {
                let n = NodeID(i)
                let (href, cls) = PageTypeFeatures.hrefAndClass(doc, n, buf)
                #expect(href == doc.attributeRange("href", of: n) && cls == doc.attributeRange("class", of: n), "node \(i)")
                let button = cls.map { PageTypeFeatures.classNamesButton(buf, $0) } ?? false
                #expect(button == PageTypeFeatures.classNamesButton(doc, n), "node \(i)")
                checked += 1
            }
        }
        #expect(checked > 10)
    }

    // MARK: URL shapes

    @Test("Links judged in place lead into the page's section exactly when the plain slice version says so")
    func sharesSectionInPlace() {
        let pages = ["https://www.foo.example.dev/docs/guides/tuning", "https://foo.example.dev/docs/", "https://a.com/x", "https://a.com/"]
        let pieces = ["https://", "http://", "HTTPS://", "//", "www.", "WWW.", "foo.example.dev", "FOO.example.DEV", "a.com", ":8080", "/", "/",
                      "docs", "DOCS", "guides", "x", "../", "./", "?", "#", ":", "mailto:", "tel:", " ", "\t", "blog", "é", "-"]
        var rng = SplitMix64(seed: 0x5EC7)
        var hrefs = ["", " ", "#", "/docs/reference/api", "https://foo.example.dev/DOCS/install?v=2", "//www.foo.example.dev/docs/",
                     "tuning", "../faq", "../../blog/", "mailto:docs@foo.example.dev", "http:", "https://", "//", "x:y/z", ":x"]
        for _ in 0..<3000 {
            var h = ""
            for _ in 0..<Int.random(in: 1...7, using: &rng) { h += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
            hrefs.append(h)
        }
        for page in pages {
            let shape = URLShape(page)
            for href in hrefs {
                let bytes = Array(href.utf8)
                let fast = bytes.withUnsafeBufferPointer { shape.sharesSection(in: $0) }
                #expect(fast == shape.sharesSection(bytes[...]), "\(page) / \(href)")
            }
        }
    }

    @Test("URLs of printable ASCII cut as bytes give the shape the String path gives")
    func urlShapeFastPathAgrees() {
        let urls = [
            "https://www.Example.com/News/2024/05/Some-Story_Title+here.html?x=1#y", "http://example.com", "https://a.com?x=/y/z",
            "https://a.com#frag/x", "https://WWW.host.com:8080/Docs/API/", "example.com/a/b", "/relative/path-to-page/",
            "https://a.com/20240512-story", "https://a.com/p/1234567/", "https://a.com/a.b.c.longext", "https://a.com/a.php",
            "", "://", "https://a.com/+2024/+05/", "https://a.com//double//slash", "https://a.com/-_-/", "ftp://x.org/file.tar.gz",
            "https://a.com/caf\u{00E9}/story", "https://a.com/x\r\n/y", "https://a.com/e\u{0301}/a", "https://a.com/tab\there",
        ]
        for url in urls {
            let fast = URLShape(url), slow = URLShape(url, plainFastPath: false)
            #expect(fast.host == slow.host && fast.segments == slow.segments && fast.endsWithSlash == slow.endsWithSlash, "\(url)")
            #expect(fast.sectionBytes == slow.sectionBytes && fast.hostBytes == slow.hostBytes && fast.hasQuery == slow.hasQuery, "\(url)")
            #expect(fast.hasDate == slow.hasDate && fast.hasLongNumber == slow.hasLongNumber && fast.slugWords == slow.slugWords, "\(url)")
        }
    }
}
