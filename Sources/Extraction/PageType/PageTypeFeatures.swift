import Foundation
import Schemas

/// The numbers ``PageTypeClassifier`` judges a page by: general, language-independent signals of
/// markup, fields, the content stage's result, page structure and URL shape.
///
/// Computed from what the other stages already produced, the tag index of ``HTMLDocument`` and one
/// linear pass over the node arrays (integer work only, no strings). The same vector feeds the
/// learned model (``PageTypeModel``) and the training aid (`scripts/train-page-type`, which reads
/// these values as JSON Lines from the `PageTypeFeatureDump` test).
public struct PageTypeFeatures: Sendable, Equatable {
    /// Feature names, in the order of ``values``.
    public static let names: [String] = Feature.allCases.map(\.name)

    /// One value per ``names`` entry.
    public private(set) var values: [Double]

    /// The value of `feature`.
    public subscript(_ feature: Feature) -> Double {
        get { values[feature.rawValue] }
        set { values[feature.rawValue] = newValue }
    }

    /// The features, by position in ``values``.
    public enum Feature: Int, CaseIterable, Sendable {
        // MARK: Markup
        case ldArticle, ldListing, ldProduct, ldForum, ldAppOrService, ldFAQ, ldAny, ldTechDoc
        case ogArticle, ogWebsite
        // MARK: Fields
        case hasDate, hasAuthor, hasHeadline
        // MARK: Content result
        case logBodyChars, logParagraphs, logLongParagraphs, logMedianParagraph, headingShare, listShare
        case logCharsPerHeading, rootLinkShare, rootTextShare, logRootTimes
        case shortParagraphShare, commaRate, logCharsPerSentence, datedByline
        // MARK: Page structure
        case logArticleElements, logLinkedHeadings, logLinks, pageLinkShare, listItemTextShare, tableTextShare
        case logFormControls, logPre, logImages, logImageLinks, logTimes, chromeTextShare, buyButton
        case logSections, logPageHeadings, logButtonLinks, rootInArticle, logH1s
        case logShareLinks, logLongPageParagraphs, logAccordions, logCode, sectionLinkShare
        // MARK: URL
        case urlDepth, urlDate, urlLongNumber, urlSlugWords, urlRoot, urlQuery
        case urlListingWord, urlProductWord, urlDocWord, urlForumWord

        /// The name used in dumps and the generated model (the case name).
        public var name: String { String(describing: self) }
    }

    // MARK: Computing

    /// JSON-LD types that make a page an article.
    static let articleTypes: Set<String> = [
        "newsarticle", "article", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "reviewnewsarticle", "backgroundnewsarticle", "liveblogposting", "scholarlyarticle", "socialmediaposting",
        "report", "posting", "satiricalarticle", "asknewsarticle",
    ]

    /// JSON-LD types of listings, products, forums, apps and services, technical documents (made
    /// once, not per page).
    static let listingTypes: Set<String> = ["collectionpage", "itemlist", "searchresultspage"]
    static let productTypes: Set<String> = ["product", "offer", "aggregateoffer", "productgroup"]
    static let forumTypes: Set<String> = ["discussionforumposting", "qapage"]
    static let appOrServiceTypes: Set<String> = [
        "softwareapplication", "webapplication", "mobileapplication", "service", "localbusiness", "professionalservice",
    ]
    static let techDocTypes: Set<String> = ["techarticle", "apireference"]

    /// Computes the features of `doc` from the other stages' results.
    public init(_ doc: HTMLDocument, content: ContentResult, signals: PageTypeClassifier.Signals) {
        values = [Double](repeating: 0, count: Feature.allCases.count)
        let types = Set(signals.jsonLDTypes.map { $0.lowercased() })
        self[.ldArticle] = Self.flag(!types.isDisjoint(with: Self.articleTypes))
        self[.ldListing] = Self.flag(!types.isDisjoint(with: Self.listingTypes))
        self[.ldProduct] = Self.flag(!types.isDisjoint(with: Self.productTypes))
        self[.ldForum] = Self.flag(!types.isDisjoint(with: Self.forumTypes))
        self[.ldAppOrService] = Self.flag(!types.isDisjoint(with: Self.appOrServiceTypes))
        self[.ldFAQ] = Self.flag(types.contains("faqpage"))
        self[.ldAny] = Self.flag(!types.isEmpty)
        self[.ldTechDoc] = Self.flag(!types.isDisjoint(with: Self.techDocTypes))
        self[.ogArticle] = Self.flag(signals.ogType == "article")
        self[.ogWebsite] = Self.flag(signals.ogType == "website")

        self[.hasDate] = Self.flag(signals.hasPublishedDate)
        self[.hasAuthor] = Self.flag(signals.hasAuthor)
        self[.hasHeadline] = Self.flag(content.headlineNode != nil)

        // Content result.
        var bodyChars = 0, listChars = 0, headings = 0, paragraphLengths: [Int] = []
        var paragraphChars = 0, commas = 0, sentenceEnds = 0
        for b in content.blocks {
            let counts = Self.proseCounts(b.text)
            let c = counts.scalars
            bodyChars += c
            switch b.type {
            case .paragraph:
                paragraphLengths.append(c)
                paragraphChars += c
                commas += counts.commas
                sentenceEnds += counts.sentenceEnds
            case .heading: headings += 1
            case .list: listChars += c
            case .quote: break
            }
        }
        paragraphLengths.sort()
        self[.logBodyChars] = Self.log(bodyChars)
        self[.logParagraphs] = Self.log(paragraphLengths.count)
        self[.logLongParagraphs] = Self.log(paragraphLengths.lazy.filter { $0 >= 100 }.count)
        self[.logMedianParagraph] = Self.log(paragraphLengths.isEmpty ? 0 : paragraphLengths[paragraphLengths.count / 2])
        self[.headingShare] = Double(headings) / Double(max(1, content.blocks.count))
        self[.listShare] = Double(listChars) / Double(max(1, bodyChars))
        self[.logCharsPerHeading] = Self.log(bodyChars / (headings + 1))
        self[.shortParagraphShare] = Double(paragraphLengths.lazy.filter { $0 < 80 }.count) / Double(max(1, paragraphLengths.count))
        // Rates of punctuation say something about prose only over enough of it.
        if paragraphChars >= Self.minimumProse {
            self[.commaRate] = min(5, 100 * Double(commas) / Double(paragraphChars))
            self[.logCharsPerSentence] = Self.log(paragraphChars / max(1, sentenceEnds + paragraphLengths.count / 2))
        }
        self[.datedByline] = Self.flag(signals.hasPublishedDate && signals.hasAuthor)
        self[.logRootTimes] = Self.log(content.root.map { doc.elementCount(.time, in: $0) } ?? 0)

        // One pass over the node arrays: where the page's text sits.
        let pass = TextPass(doc, root: content.root)
        let pageText = Double(max(1, pass.text))
        self[.pageLinkShare] = Double(pass.linkText) / pageText
        self[.listItemTextShare] = Double(pass.listItemText) / pageText
        self[.tableTextShare] = Double(pass.tableText) / pageText
        self[.chromeTextShare] = Double(pass.chromeText) / pageText
        self[.rootTextShare] = Double(pass.rootText) / pageText
        self[.rootLinkShare] = Double(pass.rootLinkText) / Double(max(1, pass.rootText))

        // Page structure from the tag index.
        self[.logArticleElements] = Self.log(doc.elementCount(.article))
        var linkedHeadings = 0
        for t in [HTMLTag.h2, .h3, .h4] {
            for h in doc.elements(t) where doc.hasElement(.a, in: h) || doc.hasAncestor(h, tag: .a) { linkedHeadings += 1 }
        }
        self[.logLinkedHeadings] = Self.log(linkedHeadings)
        self[.logLinks] = Self.log(doc.elementCount(.a))
        self[.logFormControls] = Self.log(doc.elementCount(.input) + doc.elementCount(.select) + doc.elementCount(.button) + doc.elementCount(.textarea))
        self[.logPre] = Self.log(doc.elementCount(.pre))
        let images = doc.elements(.img)
        self[.logImages] = Self.log(images.count)
        self[.logImageLinks] = Self.log(images.lazy.filter { doc.hasAncestor($0, tag: .a) }.count)
        self[.logTimes] = Self.log(doc.elementCount(.time))
        self[.buyButton] = Self.flag(PageTypeClassifier.hasBuyButton(doc))
        self[.rootInArticle] = Self.flag(content.root.map { doc.tag($0) == .article || doc.hasAncestor($0, tag: .article) || doc.hasElement(.article, in: $0) && doc.elementCount(.article) == 1 } ?? false)
        self[.logH1s] = Self.log(doc.elementCount(.h1))
        self[.logSections] = Self.log(doc.elementCount(.section))
        self[.logPageHeadings] = Self.log(doc.elementCount(.h2) + doc.elementCount(.h3))
        // Links dressed as buttons ("btn", "button", "cta" in the class): calls to action.
        // Long paragraphs anywhere on the page (the content stage may have picked only part of it).
        self[.logLongPageParagraphs] = Self.log(doc.elements(.p).lazy.filter { Self.characterCount(doc, $0, atLeast: Self.longParagraph) }.count)
        // Accordions: buttons labelled with a whole question or phrase, and <details> (FAQ blocks of
        // service and product pages).
        self[.logAccordions] = Self.log(
            doc.elements(.button).lazy.filter { Self.characterCount(doc, $0, atLeast: Self.accordionLabel) }.count + doc.elementCount(.details))
        self[.logCode] = Self.log(doc.elementCount(.code))

        // URL shape.
        let url = URLShape(signals.url)
        self[.urlDepth] = Double(min(url.segments.count, 8))
        self[.urlDate] = Self.flag(url.hasDate)
        self[.urlLongNumber] = Self.flag(url.hasLongNumber)
        self[.urlSlugWords] = Self.log(url.slugWords)
        self[.urlRoot] = Self.flag(url.segments.isEmpty)
        self[.urlQuery] = Self.flag(url.hasQuery)
        self[.urlListingWord] = Self.flag(url.hasSegment(in: URLShape.listingWords))
        self[.urlProductWord] = Self.flag(url.hasSegment(in: URLShape.productWords))
        self[.urlDocWord] = Self.flag(url.hasSegment(in: URLShape.docWords))
        self[.urlForumWord] = Self.flag(url.hasSegment(in: URLShape.forumWords))
        // One pass over the links' addresses:
        // - share-this-page links (Facebook sharer, Twitter intent, WhatsApp send, …): articles invite
        //   sharing, landing and service pages rarely do;
        // - links into the page's own top-level section: high on documentation (a sidebar of the
        //   manual's pages), lower on articles (whose links spread over the site's sections).
        // - links dressed as buttons ("btn", "button", "cta" in the class): calls to action.
        var shareLinks = 0, pageLinks = 0, sectionLinks = 0, buttonLinks = 0
        var lowered: [UInt8] = []
        doc.bytes.withUnsafeBufferPointer { buf in
            for a in doc.elements(.a) {
                let (hrefRange, classRange) = Self.hrefAndClass(doc, a, buf)
                if let c = classRange, Self.classNamesButton(buf, c) { buttonLinks += 1 }
                guard let r = hrefRange else { continue }
                let href = UnsafeBufferPointer(rebasing: buf[r])
                if Self.isShareLink(href, buffer: &lowered) { shareLinks += 1 }
                if url.segments.count > 1, let same = url.sharesSection(in: href) {
                    pageLinks += 1
                    if same { sectionLinks += 1 }
                }
            }
        }
        self[.logButtonLinks] = Self.log(buttonLinks)
        self[.logShareLinks] = Self.log(shareLinks)
        self[.sectionLinkShare] = Double(sectionLinks) / Double(max(1, pageLinks))
    }

    /// Features given directly (tests, tools).
    public init(values: [Double]) {
        precondition(values.count == Feature.allCases.count, "expected \(Feature.allCases.count) feature values")
        self.values = values
    }

    /// Whether the `class` attribute of `n` holds "btn", "butt(on)" or "cta", any case (read in
    /// place, no string made: pages have hundreds of links).
    static func classNamesButton(_ doc: HTMLDocument, _ n: NodeID) -> Bool {
        guard let r = doc.attributeRange("class", of: n) else { return false }
        return doc.bytes.withUnsafeBufferPointer { classNamesButton($0, r) }
    }

    /// ``classNamesButton(_:_:)-(HTMLDocument,NodeID)`` for the `class` value at `r` of the
    /// document's bytes `buf`.
    static func classNamesButton(_ buf: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        guard r.count >= 3 else { return false }
        var i = r.lowerBound
        while i + 3 <= r.upperBound {
            let a = buf[i] | 0x20, b = buf[i + 1] | 0x20, c = buf[i + 2] | 0x20
            if a == 0x62, (b == 0x74 && c == 0x6E) || (b == 0x75 && c == 0x74 && i + 4 <= r.upperBound && buf[i + 3] | 0x20 == 0x74) { return true }  // btn, butt
            if a == 0x63, b == 0x74, c == 0x61 { return true }  // cta
            i += 1
        }
        return false
    }

    /// The values of the first `href` and the first `class` attribute of element `n` (as
    /// ``HTMLDocument/attributeRange(_:of:)`` finds each), in one pass over its attributes.
    static func hrefAndClass(_ doc: HTMLDocument, _ n: NodeID, _ buf: UnsafeBufferPointer<UInt8>) -> (href: Range<Int>?, cls: Range<Int>?) {
        guard doc.kinds[n.index] == .element else { return (nil, nil) }
        let lo = Int(doc.dataStart[n.index]), hi = Int(doc.dataEnd[n.index])
        var href: Range<Int>?, cls: Range<Int>?
        guard lo < hi else { return (nil, nil) }
        doc.attributeRecords.withUnsafeBufferPointer { records in
            for k in lo..<hi {
                let a = records[k]
                let s = Int(a.nameStart)
                switch a.nameEnd - a.nameStart {
                case 4 where href == nil && buf[s] == 0x68 && buf[s + 1] == 0x72 && buf[s + 2] == 0x65 && buf[s + 3] == 0x66:
                    href = Int(a.valueStart)..<Int(a.valueEnd)
                case 5 where cls == nil && buf[s] == 0x63 && buf[s + 1] == 0x6C && buf[s + 2] == 0x61 && buf[s + 3] == 0x73 && buf[s + 4] == 0x73:
                    cls = Int(a.valueStart)..<Int(a.valueEnd)
                default:
                    break
                }
            }
        }
        return (href, cls)
    }

    // MARK: Share links and text length

    /// Pieces of the URLs of widespread share-this-page endpoints (matched ASCII case-insensitively
    /// anywhere in a link's `href`).
    static let sharePatterns: [[UInt8]] = [
        "facebook.com/sharer", "facebook.com/share.php", "facebook.com/dialog/share", "twitter.com/intent", "twitter.com/share",
        "x.com/intent", "linkedin.com/share", "whatsapp://send", "api.whatsapp.com/send", "wa.me/?text", "/pin/create",
        "reddit.com/submit", "t.me/share", "telegram.me/share", "vk.com/share",
    ].map { Array($0.utf8) }

    /// Whether a link's `href` shares the page: a share endpoint, or a `mailto:?` link with no
    /// address. `buffer` is scratch space for the lower-cased address (reused across links; it
    /// grows to the longest address and is never shrunk).
    static func isShareLink(_ href: ArraySlice<UInt8>, buffer: inout [UInt8]) -> Bool {
        href.withUnsafeBufferPointer { isShareLink($0, buffer: &buffer) }
    }

    /// ``isShareLink(_:buffer:)-(ArraySlice<UInt8>,_)`` over the bytes of an `href` in place.
    static func isShareLink(_ src: UnsafeBufferPointer<UInt8>, buffer: inout [UInt8]) -> Bool {
        // Site-relative links ("/…", "#…", "?…") are never share endpoints: skip them unlowered.
        guard src.count >= 8, let first = src.first, first != 0x2F && first != 0x23 && first != 0x3F else { return false }
        let n = src.count
        if buffer.count < n { buffer.append(contentsOf: repeatElement(0, count: n - buffer.count)) }
        return buffer.withUnsafeMutableBufferPointer { out in
            for k in 0..<n {
                let b = src[k]
                out[k] = b &- 0x41 < 26 ? b | 0x20 : b
            }
            let lowered = UnsafeBufferPointer(rebasing: out[0..<n])
            if lowered.starts(with: mailtoNoAddress) { return true }
            return shareSet.containsAny(in: lowered)
        }
    }

    /// ``sharePatterns`` as one needle set: one pass over a link checks them all (pages have
    /// hundreds of absolute links; fifteen searches each were most of this feature's cost).
    static let shareSet = ByteNeedleSet(sharePatterns)

    static let mailtoNoAddress = Array("mailto:?".utf8)

    /// Characters of a paragraph from which it counts as long.
    static let longParagraph = 200
    /// Characters of a button label from which it reads as an accordion's question, not a control.
    static let accordionLabel = 20

    /// Whether the visible text of `n` (text inside `script`, `style` and the like skipped) has at
    /// least `limit` characters, white space collapsed as displayed: UTF-8 lead bytes, a run of ASCII
    /// white space counting as one and none before the first visible character. Stops at `limit`.
    static func characterCount(_ doc: HTMLDocument, _ n: NodeID, atLeast limit: Int) -> Bool {
        // The document's arrays through their buffers (no property read or bounds check per node).
        doc.withNodeBuffers { b in
        let kinds = b.kinds, tags = b.tags, ends = b.ends, dataStart = b.dataStart, dataEnd = b.dataEnd, bytes = b.bytes
            var count = 0, i = n.index + 1, inSpace = true
            let end = Int(ends[n.index])
            // Each character counted takes at least one byte: text of fewer bytes than `limit` (most
            // paragraphs of a page's chrome) is answered from the node arrays, its bytes unread.
            var textBytes = 0
            while i < end, textBytes < limit {
                switch kinds[i] {
                case .element where tags[i].isNonContent:
                    i = Int(ends[i])
                    continue
                case .text: textBytes += Int(dataEnd[i] - dataStart[i])
                default: break
                }
                i += 1
            }
            if textBytes < limit { return false }
            i = n.index + 1
            while i < end {
                switch kinds[i] {
                case .element where tags[i].isNonContent:
                    i = Int(ends[i])
                    continue
                case .text:
                    // ``HTMLDocument/withTextBytes(_:_:)`` of a text node, in place.
                    Self.countDisplayed(UnsafeBufferPointer(rebasing: bytes[Int(dataStart[i])..<Int(dataEnd[i])]), count: &count, inSpace: &inSpace)
                    if count >= limit { return true }
                default: break
                }
                i += 1
            }
            return false
        }
    }

    /// ``characterCount(_:_:atLeast:)`` walked plainly through the document's accessors (the
    /// tests' reference).
    static func plainCharacterCount(_ doc: HTMLDocument, _ n: NodeID, atLeast limit: Int) -> Bool {
        var count = 0, i = n.index + 1, inSpace = true
        let end = Int(doc.ends[n.index])
        while i < end {
            switch doc.kinds[i] {
            case .element where doc.tags[i].isNonContent:
                i = Int(doc.ends[i])
                continue
            case .text:
                doc.withTextBytes(NodeID(i)) { Self.countDisplayed($0, count: &count, inSpace: &inSpace) }
                if count >= limit { return true }
            default: break
            }
            i += 1
        }
        return false
    }

    /// Adds to `count` the characters of `buf` as ``characterCount(_:_:atLeast:)`` counts them
    /// (lead bytes; a run of ASCII white space counts as one, none while `inSpace`), eight bytes at a
    /// time in a 64-bit word: each byte's verdict in its top bit, summed by a multiply. A word where
    /// a continuation byte follows white space (not UTF-8) is counted byte by byte.
    static func countDisplayed(_ buf: UnsafeBufferPointer<UInt8>, count: inout Int, inSpace: inout Bool) {
        let n = buf.count
        var i = 0
        if n >= 8, let base = buf.baseAddress {
            let raw = UnsafeRawPointer(base)
            let high: UInt64 = 0x8080_8080_8080_8080, low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F, ones: UInt64 = 0x0101_0101_0101_0101
            @inline(__always) func equal(_ x: UInt64, _ v: UInt64) -> UInt64 {
                let z = x ^ v
                return ~(((z & low7) &+ low7) | z) & high
            }
            while i + 8 <= n {
                let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let continuation = x & ~(x &<< 1) & high
                // 0x09…0x0D but 0x0B, and 0x20.
                let r = x & low7
                let control = (r &+ 0x7777_7777_7777_7777) & ~(r &+ 0x7272_7272_7272_7272) & ~x & high
                let space = (control & ~equal(x, 0x0B0B_0B0B_0B0B_0B0B)) | equal(x, 0x2020_2020_2020_2020)
                let before = space &<< 8 | (inSpace ? 0x80 : 0)
                if continuation & before != 0 {
                    countDisplayedBytes(UnsafeBufferPointer(rebasing: buf[i..<(i + 8)]), count: &count, inSpace: &inSpace)
                } else {
                    let counted = (~continuation & ~space & high) &>> 7 &+ (space & ~before) &>> 7
                    count += Int(truncatingIfNeeded: (counted &* ones) &>> 56)
                    inSpace = space &>> 63 != 0
                }
                i += 8
            }
        }
        if i < n { countDisplayedBytes(UnsafeBufferPointer(rebasing: buf[i..<n]), count: &count, inSpace: &inSpace) }
    }

    /// ``countDisplayed(_:count:inSpace:)`` byte by byte.
    static func countDisplayedBytes(_ buf: UnsafeBufferPointer<UInt8>, count: inout Int, inSpace: inout Bool) {
        for b in buf {
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C {
                if !inSpace { count += 1; inSpace = true }
            } else if b & 0xC0 != 0x80 {
                count += 1
                inSpace = false
            }
        }
    }

    /// Unicode scalars, commas (, ، 、 ，) and sentence ends (. ! ? । 。 ！ ？ ؟) of `text`, in one pass
    /// over its UTF-8 (decoding only the non-ASCII scalars).
    static func proseCounts(_ text: String) -> (scalars: Int, commas: Int, sentenceEnds: Int) {
        var t = text
        return t.withUTF8 { plainProseCounts($0) ?? scalarProseCounts($0) }
    }

    /// ``proseCounts(_:)`` of valid UTF-8 one scalar at a time (the general path and the tests' reference).
    static func scalarProseCounts(_ p: UnsafeBufferPointer<UInt8>) -> (scalars: Int, commas: Int, sentenceEnds: Int) {
        var scalars = 0, commas = 0, ends = 0
        let n = p.count
        var i = 0
        while i < n {
            let c = p[i]
            if c < 0x80 {
                scalars += 1
                if c == 0x2C { commas += 1 } else if c == 0x2E || c == 0x21 || c == 0x3F { ends += 1 }
                i += 1
                continue
            }
            scalars += 1
            // U+0800–U+0FFF (Indic scripts): of these only the danda (U+0964) counts.
            if c == 0xE0, i + 3 <= n {
                if p[i + 1] == 0xA5, p[i + 2] == 0xA4 { ends += 1 }
                i += 3
                continue
            }
            let len = c < 0xE0 ? 2 : (c < 0xF0 ? 3 : 4)  // a String's UTF-8 is valid: c is a lead byte
            if len <= 3, i + len <= n {
                var v = UInt32(c & (len == 2 ? 0x1F : 0x0F))
                for k in 1..<len { v = v << 6 | UInt32(p[i + k] & 0x3F) }
                switch v {
                case 0x060C, 0x3001, 0xFF0C: commas += 1
                case 0x0964, 0x3002, 0xFF01, 0xFF1F, 0x061F: ends += 1
                default: break
                }
            }
            i += len
        }
        return (scalars, commas, ends)
    }

    /// ``proseCounts(_:)`` of valid UTF-8 holding no lead byte of its non-ASCII punctuation but
    /// the danda's (0xD8, 0xE3, 0xEF): lead bytes, ASCII commas and ASCII sentence ends, counted
    /// sixteen bytes at a time into per-lane counters (summed before they can overflow), and the
    /// dandas (E0 A5 A4; 0xE0 is always a lead byte in valid UTF-8) by their first byte, from
    /// the same bytes loaded one and two bytes further on; `nil` at the first other such byte.
    /// (Every count is by byte, so a chunk may end inside a scalar.)
    static func plainProseCounts(_ p: UnsafeBufferPointer<UInt8>) -> (scalars: Int, commas: Int, sentenceEnds: Int)? {
        var scalars = 0, commas = 0, ends = 0
        let n = p.count
        var i = 0
        if n >= 18, let base = p.baseAddress {
            let raw = UnsafeRawPointer(base)
            let top = SIMD16<UInt8>(repeating: 0xC0), continuation = SIMD16<UInt8>(repeating: 0x80)
            let comma = SIMD16<UInt8>(repeating: 0x2C), period = SIMD16<UInt8>(repeating: 0x2E)
            let bang = SIMD16<UInt8>(repeating: 0x21), question = SIMD16<UInt8>(repeating: 0x3F)
            let d8 = SIMD16<UInt8>(repeating: 0xD8), e0 = SIMD16<UInt8>(repeating: 0xE0)
            let e3 = SIMD16<UInt8>(repeating: 0xE3), ef = SIMD16<UInt8>(repeating: 0xEF)
            let a5 = SIMD16<UInt8>(repeating: 0xA5), a4 = SIMD16<UInt8>(repeating: 0xA4)
            let one = SIMD16<UInt8>(repeating: 1), zero = SIMD16<UInt8>()
            // (Sixteen bytes and the two after them: the dandas starting in the sixteen.)
            while i + 18 <= n {
                var s16 = zero, c16 = zero, e16 = zero
                var rounds = 0
                while rounds < 255, i + 18 <= n {
                    let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                    // (Any lane tested through the lanes as two words: `any(_:)` is a call per chunk.)
                    let stop = unsafeBitCast(zero.replacing(with: one, where: (v .== d8) .| (v .== e3) .| (v .== ef)), to: SIMD2<UInt64>.self)
                    if stop[0] | stop[1] != 0 { return nil }
                    s16 &+= zero.replacing(with: one, where: (v & top) .!= continuation)
                    c16 &+= zero.replacing(with: one, where: v .== comma)
                    let v1 = raw.loadUnaligned(fromByteOffset: i + 1, as: SIMD16<UInt8>.self)
                    let v2 = raw.loadUnaligned(fromByteOffset: i + 2, as: SIMD16<UInt8>.self)
                    let danda = (v .== e0) .& (v1 .== a5) .& (v2 .== a4)
                    e16 &+= zero.replacing(with: one, where: (v .== period) .| (v .== bang) .| (v .== question) .| danda)
                    i += 16
                    rounds += 1
                }
                // (``ContentAnalysis/laneSum(_:)``: the lanes summed in two words, no generic call.)
                scalars += Int(ContentAnalysis.laneSum(s16))
                commas += Int(ContentAnalysis.laneSum(c16))
                ends += Int(ContentAnalysis.laneSum(e16))
            }
        }
        while i < n {
            let c = p[i]
            if c == 0xD8 || c == 0xE3 || c == 0xEF { return nil }
            if c & 0xC0 != 0x80 { scalars += 1 }
            if c == 0x2C { commas += 1 } else if c == 0x2E || c == 0x21 || c == 0x3F { ends += 1 }
            else if c == 0xE0, i + 2 < n, p[i + 1] == 0xA5, p[i + 2] == 0xA4 { ends += 1 }
            i += 1
        }
        return (scalars, commas, ends)
    }

    /// Paragraph characters below which the punctuation rates are left at 0.
    static let minimumProse = 500

    static func flag(_ b: Bool) -> Double { b ? 1 : 0 }
    static func log(_ n: Int) -> Double { Foundation.log1p(Double(max(0, n))) }
}

// MARK: - Text pass

/// Text bytes of the page by where they sit, in one pass over the node arrays: a node lies inside
/// an element while its index is below that element's subtree end, so each "inside" is one integer.
struct TextPass {
    var text = 0, linkText = 0, listItemText = 0, tableText = 0, chromeText = 0, rootText = 0, rootLinkText = 0

    init(_ doc: HTMLDocument, root: NodeID?) {
        let n = doc.count
        var linkEnd = 0, liEnd = 0, tdEnd = 0, chromeEnd = 0, hiddenEnd = 0
        let rootStart = root.map { $0.index } ?? n
        let rootEnd = root.map { Int(doc.ends[$0.index]) } ?? n
        var text = 0, linkText = 0, listItemText = 0, tableText = 0, chromeText = 0, rootText = 0, rootLinkText = 0
        // (The document's arrays through their buffers: no property read or bounds check per node.)
        doc.withNodeBuffers { b in
        let kinds = b.kinds, tags = b.tags, ends = b.ends, dataStart = b.dataStart, dataEnd = b.dataEnd
            var i = 1
            while i < n {
                let kind = kinds[i]
                if kind == .element {
                    let end = Int(ends[i])
                    switch tags[i] {
                    case .a: linkEnd = max(linkEnd, end)
                    case .li, .dd, .dt: liEnd = max(liEnd, end)
                    case .td, .th: tdEnd = max(tdEnd, end)
                    case .nav, .header, .footer, .aside: chromeEnd = max(chromeEnd, end)
                    case let t where t.isNonContent: hiddenEnd = max(hiddenEnd, end)
                    default: break
                    }
                } else if kind == .text, i >= hiddenEnd {
                    let c = Int(dataEnd[i] - dataStart[i])  // ``HTMLDocument/textByteCount(_:)``
                    text += c
                    if i < linkEnd { linkText += c }
                    if i < liEnd { listItemText += c }
                    if i < tdEnd { tableText += c }
                    if i < chromeEnd { chromeText += c }
                    if i > rootStart && i < rootEnd {
                        rootText += c
                        if i < linkEnd { rootLinkText += c }
                    }
                }
                i += 1
            }
        }
        self.text = text; self.linkText = linkText; self.listItemText = listItemText; self.tableText = tableText
        self.chromeText = chromeText; self.rootText = rootText; self.rootLinkText = rootLinkText
    }
}

// MARK: - URL shape

/// The shape of a page URL's path: segments, dates, numbers, the slug's word count, and a few
/// widespread path words of listing, shop, documentation and forum software.
struct URLShape {
    /// The host, lower case, without port and leading "www.".
    var host = ""
    /// The path's segments, lower case.
    var segments: [String] = []
    /// Whether the path ends with "/" (its last segment names a folder, not a page).
    var endsWithSlash = false
    /// The first segment's bytes (the page's top-level section), empty for the site's root.
    var sectionBytes: [UInt8] = []
    /// The host's bytes.
    var hostBytes: [UInt8] = []
    var hasQuery = false
    var hasDate = false
    var hasLongNumber = false
    var slugWords = 0

    static let listingWords: Set<String> = ["tag", "tags", "category", "categories", "topic", "topics", "search", "section", "archive", "archives", "c", "cat", "collections", "issues", "page"]
    static let productWords: Set<String> = ["product", "products", "shop", "store", "p", "dp", "item", "buy", "cart"]
    static let docWords: Set<String> = ["docs", "doc", "documentation", "reference", "api", "manual", "guide", "guides", "wiki", "help"]
    static let forumWords: Set<String> = ["forum", "forums", "t", "thread", "threads", "questions", "community", "discussion", "topic", "viewtopic.php", "comments", "groups"]

    init(_ url: String) { self.init(url, plainFastPath: true) }

    /// The shape of `url`. A URL of printable ASCII (nearly all) is cut up as bytes, where each
    /// byte is one `Character`; `plainFastPath: false` takes the `String` path for every URL (tests
    /// compare the two).
    init(_ url: String, plainFastPath: Bool) {
        var url = url
        let plain = plainFastPath ? url.withUTF8 { Self.plainParts($0) } : nil
        let pathBytes: [UInt8]
        if let plain {
            host = plain.host
            hasQuery = plain.hasQuery
            pathBytes = plain.path
            endsWithSlash = pathBytes.last == 0x2F
            let lowered = pathBytes.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }
            segments = lowered.split(separator: 0x2F).map { String(decoding: $0, as: UTF8.self) }
        } else {
            var path = Substring(url)
            if let s = path.range(of: "://") {
                path = path[s.upperBound...]
                let hostEnd = path.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? path.endIndex
                host = Self.bareHost(path[..<hostEnd])
                path = path.firstIndex(of: "/").map { path[$0...] } ?? "/"
            }
            if let q = path.firstIndex(where: { $0 == "?" || $0 == "#" }) {
                hasQuery = path[q] == "?"
                path = path[..<q]
            }
            endsWithSlash = path.hasSuffix("/")
            segments = path.lowercased().split(separator: "/").map(String.init)
            pathBytes = Array(path.utf8)
        }
        hostBytes = Array(host.utf8)
        sectionBytes = segments.first.map { Array($0.utf8) } ?? []
        var digitRun = 0
        for b in pathBytes {
            if b >= 0x30 && b <= 0x39 { digitRun += 1; if digitRun >= 4 { hasLongNumber = true } } else { digitRun = 0 }
        }
        // A date: /2024/05/ (year then month segments) or a yyyymmdd / yyyy-mm-dd run.
        for (k, s) in segments.enumerated() {
            if let y = Int(s), (1990...2100).contains(y), k + 1 < segments.count, let m = Int(segments[k + 1]), (1...12).contains(m) { hasDate = true }
            if s.utf8.count >= 8 {
                let bytes = Array(s.utf8)
                for j in 0...(bytes.count - 8) {
                    let run = bytes[j..<(j + 8)]
                    if run.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let y = Int(String(decoding: run.prefix(4), as: UTF8.self)),
                       (1990...2100).contains(y), let m = Int(String(decoding: run.dropFirst(4).prefix(2), as: UTF8.self)), (1...12).contains(m)
                    {
                        hasDate = true
                        break
                    }
                }
            }
        }
        if plain != nil, let last = segments.last {
            // Printable ASCII: one byte per Character.
            let bytes = Array(last.utf8)
            var end = bytes.count
            if let dot = bytes.lastIndex(of: 0x2E), bytes.count - dot <= 6 { end = dot }
            var words = 0, inWord = false
            for b in bytes[..<end] {
                if b == 0x2D || b == 0x5F || b == 0x2B { inWord = false } else if !inWord { words += 1; inWord = true }
            }
            slugWords = words
        } else if var last = segments.last {
            if let dot = last.lastIndex(of: "."), last.distance(from: dot, to: last.endIndex) <= 6 { last = String(last[..<dot]) }
            slugWords = last.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "+" }).count
        }
    }

    /// The host (as ``bareHost(_:)``), the path before any query or fragment, and whether a query
    /// follows, of a URL made of printable ASCII only (U+0020–U+007E, where every byte is a
    /// `Character` of its own); `nil` for any other URL.
    static func plainParts(_ b: UnsafeBufferPointer<UInt8>) -> (host: String, path: [UInt8], hasQuery: Bool)? {
        for c in b where c < 0x20 || c > 0x7E { return nil }
        let n = b.count
        var lo = 0, host = ""
        var fixedPath: [UInt8]?
        var s = 0
        while s + 3 <= n, !(b[s] == 0x3A && b[s + 1] == 0x2F && b[s + 2] == 0x2F) { s += 1 }
        if s + 3 <= n {
            let rest = s + 3
            var hostEnd = rest
            while hostEnd < n, b[hostEnd] != 0x2F, b[hostEnd] != 0x3F, b[hostEnd] != 0x23 { hostEnd += 1 }
            var h = b[rest..<hostEnd].map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }
            if let colon = h.firstIndex(of: 0x3A) { h.removeSubrange(colon...) }
            if h.starts(with: [0x77, 0x77, 0x77, 0x2E]) { h.removeFirst(4) }
            host = String(decoding: h, as: UTF8.self)
            var slash = rest
            while slash < n, b[slash] != 0x2F { slash += 1 }
            if slash < n { lo = slash } else { fixedPath = [0x2F] }
        }
        if let fixedPath { return (host, fixedPath, false) }
        var q = lo
        while q < n, b[q] != 0x3F, b[q] != 0x23 { q += 1 }
        return (host, Array(b[lo..<q]), q < n && b[q] == 0x3F)
    }

    func hasSegment(in words: Set<String>) -> Bool {
        segments.contains { words.contains($0) }
    }

    /// Lower case, port and a leading "www." removed.
    static func bareHost(_ s: Substring) -> String {
        var h = s.lowercased()
        if let colon = h.firstIndex(of: ":") { h = String(h[..<colon]) }
        return h.hasPrefix("www.") ? String(h.dropFirst(4)) : h
    }

    /// Whether link `href`, resolved against this page, leads to the same site and the same first
    /// path segment (false for pages less than two segments deep); `nil` for links that are no
    /// web address (fragments, `mailto:`, `tel:`, `javascript:`, other schemes).
    func sharesSection(_ href: String) -> Bool? { Array(href.utf8).withUnsafeBufferPointer { sharesSection(in: $0) } }

    /// ``sharesSection(_:)-(String)`` over the bytes of an `href` in place (pages have hundreds of
    /// links: integer positions, ASCII case-insensitively, no string or slice made). The same answer
    /// as ``sharesSection(_:)-(ArraySlice<UInt8>)``, the plain version the tests compare it with.
    func sharesSection(in b: UnsafeBufferPointer<UInt8>) -> Bool? {
        let end = b.count
        var i = 0
        while i < end, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x09 || b[i] == 0x0D || b[i] == 0x0C { i += 1 }
        guard i < end, b[i] != 0x23 else { return nil }  // "#…": this page
        let first = b[i]
        let scheme = Self.schemeEnd(b, from: i)
        guard segments.count > 1 else {
            return scheme == nil || Self.isWeb(b, i) ? false : nil
        }
        let slashes = Self.hasPrefix(b, i, "//")
        if slashes || Self.isWeb(b, i) {
            let rest = slashes ? i + 2 : scheme! + 3
            // The host's end and its first ":" (a port), in one scan.
            var hostEnd = rest, colon = -1
            while hostEnd < end {
                let c = b[hostEnd]
                if c == 0x2F || c == 0x3F || c == 0x23 { break }
                if c == 0x3A, colon < 0 { colon = hostEnd }
                hostEnd += 1
            }
            var hostStart = rest
            let hostStop = colon >= 0 ? colon : hostEnd
            if Self.hasPrefix(b, hostStart, "www.", end: hostStop) { hostStart += 4 }
            let equal = hostBytes.withUnsafeBufferPointer { Self.equalFolded(b, hostStart..<hostStop, $0) }
            guard equal else { return false }
            return hostEnd < end && b[hostEnd] == 0x2F && firstSegment(b, from: hostEnd + 1)
        }
        if scheme != nil { return nil }  // mailto:, tel:, javascript:, whatsapp:, …
        if first == 0x2F { return firstSegment(b, from: i + 1) }
        // Relative: resolved in the page's folder, "../" climbing out of it.
        let folder = endsWithSlash ? segments.count : segments.count - 1
        var up = 0
        while Self.hasPrefix(b, i, "../") { up += 1; i += 3 }
        return folder - up >= 1 || firstSegment(b, from: i)
    }

    /// The position of the ":" ending the scheme of the link starting at `from` (as ``scheme(of:)``).
    static func schemeEnd(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var k = from
        while k < b.count, b[k] != 0x3A, b[k] != 0x2F, b[k] != 0x3F, b[k] != 0x23 { k += 1 }
        return k < b.count && b[k] == 0x3A && k > from ? k : nil
    }

    static func isWeb(_ b: UnsafeBufferPointer<UInt8>, _ at: Int) -> Bool {
        // "http://" or "https://": "http" compared once.
        hasPrefix(b, at, "http") && (hasPrefix(b, at + 4, "://") || hasPrefix(b, at + 4, "s://"))
    }

    /// Whether `b[at..<end]` starts with `prefix` (lower case), ASCII case-insensitively.
    static func hasPrefix(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ prefix: StaticString, end: Int? = nil) -> Bool {
        let n = prefix.utf8CodeUnitCount
        guard (end ?? b.count) - at >= n else { return false }
        let p = prefix.utf8Start
        for k in 0..<n {
            let c = b[at + k], l = p[k]
            guard c == l || (c &- 0x41 < 26 && c | 0x20 == l) else { return false }
        }
        return true
    }

    /// ASCII case-insensitive equality of `b[r]` and `lower` (lower case).
    static func equalFolded(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ lower: UnsafeBufferPointer<UInt8>) -> Bool {
        guard r.count == lower.count else { return false }
        var k = 0
        for j in r {
            let c = b[j], l = lower[k]
            guard c == l || (c &- 0x41 < 26 && c | 0x20 == l) else { return false }
            k += 1
        }
        return true
    }

    /// Whether the path starting at `from` (after its leading "/") starts with the segment
    /// ``sectionBytes`` (as ``firstSegment(of:is:)``).
    func firstSegment(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> Bool {
        // Read no farther than one byte past the section's length: a longer segment is not it.
        let n = sectionBytes.count
        let stop = min(b.count, from + n + 1)
        var end = from
        while end < stop, b[end] != 0x2F, b[end] != 0x3F, b[end] != 0x23 { end += 1 }
        if end - from > n { return false }
        return sectionBytes.withUnsafeBufferPointer { Self.equalFolded(b, from..<end, $0) }
    }

    /// ``sharesSection(in:)`` written plainly over a slice (the tests' reference).
    func sharesSection(_ href: ArraySlice<UInt8>) -> Bool? {
        var link = href.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D || $0 == 0x0C }
        guard let first = link.first, first != 0x23 else { return nil }  // "#…": this page
        let section = sectionBytes
        guard segments.count > 1 else {
            return Self.scheme(of: link) == nil || Self.isWeb(link) ? false : nil
        }
        if Self.hasPrefix(link, "//") || Self.isWeb(link) {
            let rest = Self.hasPrefix(link, "//") ? link.dropFirst(2) : link[(Self.scheme(of: link)!.endIndex + 3)...]
            let hostEnd = rest.firstIndex { $0 == 0x2F || $0 == 0x3F || $0 == 0x23 } ?? rest.endIndex
            var linkHost = rest[..<hostEnd]
            if let colon = linkHost.firstIndex(of: 0x3A) { linkHost = linkHost[..<colon] }
            if Self.hasPrefix(linkHost, "www.") { linkHost = linkHost.dropFirst(4) }
            guard Self.equalFolded(linkHost, hostBytes[...]) else { return false }
            let path = rest[hostEnd...]
            return path.first == 0x2F && Self.firstSegment(of: path.dropFirst(), is: section)
        }
        if Self.scheme(of: link) != nil { return nil }  // mailto:, tel:, javascript:, whatsapp:, …
        if first == 0x2F { return Self.firstSegment(of: link.dropFirst(), is: section) }
        // Relative: resolved in the page's folder, "../" climbing out of it.
        let folder = endsWithSlash ? segments.count : segments.count - 1
        var up = 0
        while Self.hasPrefix(link, "../") { up += 1; link = link.dropFirst(3) }
        return folder - up >= 1 || Self.firstSegment(of: link, is: section)
    }

    /// The scheme of a link ("mailto" of "mailto:…"): letters before a ":" that comes before any
    /// "/", "?" or "#".
    static func scheme(of link: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        guard let end = link.firstIndex(where: { $0 == 0x3A || $0 == 0x2F || $0 == 0x3F || $0 == 0x23 }), link[end] == 0x3A, end > link.startIndex else { return nil }
        return link[..<end]
    }

    static func isWeb(_ link: ArraySlice<UInt8>) -> Bool { hasPrefix(link, "http://") || hasPrefix(link, "https://") }

    /// Whether `s` starts with `prefix` (lower case), ASCII case-insensitively; compared in place
    /// (it runs several times per link).
    static func hasPrefix(_ s: ArraySlice<UInt8>, _ prefix: StaticString) -> Bool {
        let n = prefix.utf8CodeUnitCount
        guard s.count >= n else { return false }
        let p = prefix.utf8Start
        var i = s.startIndex
        for k in 0..<n {
            let c = s[i], l = p[k]
            guard c == l || (c &- 0x41 < 26 && c | 0x20 == l) else { return false }
            i += 1
        }
        return true
    }

    /// ASCII case-insensitive equality (`b` lower case).
    static func equalFolded(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { c, l in c == l || (c &- 0x41 < 26 && c | 0x20 == l) }
    }

    /// Whether a path (after its leading "/") starts with the segment `section` (lower case).
    static func firstSegment(of path: ArraySlice<UInt8>, is section: [UInt8]) -> Bool {
        let end = path.firstIndex { $0 == 0x2F || $0 == 0x3F || $0 == 0x23 } ?? path.endIndex
        return equalFolded(path[..<end], section[...])
    }
}
