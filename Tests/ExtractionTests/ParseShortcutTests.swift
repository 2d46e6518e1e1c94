import Testing
@testable import Extraction

/// ``AttributeShortcut`` and ``TextShortcut`` must give exactly libxml2's own tree (see
/// ``ParseTreeOracle``), and must actually be taken where they apply (else the equivalence would
/// prove nothing).
@Suite("Parse stage: attribute value and text shortcuts")
struct ParseShortcutTests {
    /// Parses `html` with the shortcuts and compares with libxml2's tree; returns the report.
    @discardableResult
    func check(_ html: String, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> HTMLParser.ShortcutReport {
        try ParseTreeOracle.expectSameTree(html, label, sourceLocation: sourceLocation)
    }

    static let long = "a-long-class-name another-one"
    /// U+FDD0, a noncharacter (Swift refuses it in a literal), in values libxml2 copies as they are.
    static let marker = String(decoding: [0xEF, 0xB7, 0x90] as [UInt8], as: UTF8.self)

    @Test("Attributes are taken after text, start tags, end tags, comments and processing instructions")
    func valuesInEveryPosition() throws {
        let cases = [
            "<body>text<div class=\"\(Self.long)\">x</div></body>",
            "<body><ul><li class=\"\(Self.long)\">x</li></ul></body>",
            "<body><span>a</span><span class='\(Self.long)'>b</span></body>",
            "<body><!-- c --><div id=\"\(Self.long)\" title=\"\(Self.long)\">x</div></body>",
            "<body><?pi x?><div id=\"\(Self.long)\">x</div></body>",
            "<body><img src=\"a.jpg\"><a href=\"https://example.com/a/b/c?x=1&amp;y=2\">link</a></body>",
            "<body>\n<DIV CLASS=\"\(Self.long.uppercased())\" Data-X = 'spaced  value'>x</DIV></body>",
            "<body>x<div a=\"\(Self.long)\"b=\"\(Self.long)\"c=plainvalue d e=\"\(Self.long)\">x</div></body>",
            "<body>x<p title=\"tabs\tand\nnewlines inside\" class=\"\(Self.long)\">p</p></body>",
            "<body>x<svg><path d=\"M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10\"></path></svg></body>",
        ]
        for (i, html) in cases.enumerated() {
            let report = try check(html, "case \(i)")
            // Rewritten for libxml2, or read with its attributes by TagChain.
            #expect(report.rewrittenTags + report.startTags > 0, "case \(i): no tag was rewritten or read")
            #expect(!report.reparsed, "case \(i): re-parsed")
        }
    }

    @Test("Auto-closed, implied and misplaced elements around rewritten tags give the same tree")
    func structureAroundRewrittenTags() throws {
        let cases = [
            "<p>a<p class=\"\(Self.long)\">b<div class=\"\(Self.long)\">c",
            "<ul><li class=\"\(Self.long)\">a<li class=\"\(Self.long)\">b</ul>",
            "<table><tr class=\"\(Self.long)\"><td class=\"\(Self.long)\">x<td class=\"\(Self.long)\">y</table>",
            "hello<div class=\"\(Self.long)\">x</div>",
            "<head><title>t</title>x<link href=\"https://example.com/style.css\"></head><body>b</body>",
            "<html><body><div>x</div><body class=\"\(Self.long)\">y</body><html lang=\"en-US-long-value\">",
            "<div><script><div class=\"\(Self.long)\"></div></script><p class=\"\(Self.long)\">x</p></div>",
            "<script><div class=\"\(Self.long)\"></div></script>after",
            "<style><p class=\"\(Self.long)\"></style><p class=\"\(Self.long)\">x",
            "<p<b class=\"\(Self.long)\">x</b>",
            "<b>x</b ><i class=\"\(Self.long)\">y</i>",
            "<dl><dt class=\"\(Self.long)\">a<dd class=\"\(Self.long)\">b</dl><select><option value=\"\(Self.long)\">o</select>",
            "<br/><div class=\"\(Self.long)\">x</div><hr class=\"\(Self.long)\"/>y",
            "<frameset><frame src=\"\(Self.long)\"><noframes class=\"\(Self.long)\">x</noframes></frameset>",
            "<body>x<a href=\"https://example.com/first\" href=\"https://example.com/second\">dup</a></body>",
        ]
        for (i, html) in cases.enumerated() { try check(html, "case \(i)") }
    }

    @Test("Values libxml2 would change are left to it, and the attributes around them keep their order")
    func valuesLeftToLibxml2() throws {
        let cases = [
            "<body>x<a title=\"&quot;quoted&quot; and &lt;more&gt;\" href=\"?a=1&b=2&amp;c\">l</a></body>",
            "<body>x<a title=\"A &#65; &#x42; reference\" class=\"\(Self.long)\">l</a></body>",
            "<body>x<a title=\"ends with &\" alt=\"& alone &= &1\" class=\"\(Self.long)\">l</a></body>",
            "<body>x<a title=\"a \u{1} control\" alt=\"carriage\r\nreturn value\" class=\"\(Self.long)\">l</a></body>",
            "<body>x<a title=\"non \u{FFFE} char\" class=\"\(Self.long)\">l</a></body>",
            "<body>x<a title=\"\(Self.marker)0\" class=\"\(Self.long)\">l</a></body>",
            "<body>x<a title=\"\(Self.marker)x &amp; y\" class=\"\(Self.long)\">l</a></body>",
            "<body>x<a title=\(Self.marker)1 class=\"\(Self.long)\">l</a></body>",
            "<body>x<a title=\"\(Self.marker)\">l</a>y<a title='\(Self.marker)' alt=\"\(Self.marker)\">m</a></body>",
            "<body>x<a class=\"\(Self.long)\" title=\"unterminated>l</a></body>",
            "<body>x<a 'bogus' class=\"\(Self.long)\">l</a><a =\"x\" class=\"\(Self.long)\">m</a></body>",
            "<body>x<a \u{C}class=\"\(Self.long)\">l</a></body>",
            "<body>x<a " + (0..<80).map { "a\($0)=\"value-number-\($0)\"" }.joined(separator: " ") + ">many</a></body>",
            "<body>x<" + String(repeating: "n", count: 120) + " class=\"\(Self.long)\">long name</body>",
        ]
        for (i, html) in cases.enumerated() { try check(html, "case \(i)") }
    }

    @Test("The text that opens an element or follows an end tag is taken whole, up to a tag, an entity or a stray <")
    func textRuns() throws {
        let cases = [
            "<body><p>Plain text, then <b>bold</b> and <a href=\"x\">a link</a>.</p></body>",
            "<body><p>text &amp; more &nbsp; text</p><p>a < b and c > d</p></body>",
            "<body><b>x</span>y</b><i>z<!-- c -->w</i></body>",
            "<body><p>ä ö ü 中文 বাংলা \u{1F600}</p><td>></td><p>   </p></body>",
            "<body><p>tab\tline\nreturn\r\nend</p></body>",
            "<body><p>with \u{1} control</p><p>with \u{FFFE} char</p></body>",
            "<html>> text<head>> more</head><body>> body text</body>",
            "<title>Title text</title><p>para",
            "<body><img src=a>after image<br>after break<p>x</p></body>",
            "<body><custom-el>custom text</custom-el><textarea>area <b>text</b></textarea></body>",
            "<body><p>unterminated text at the end",
            // After end tags: into the parent, also when the end tag closes more than one element.
            "<body><p><b>bold</b> after bold, <i>it</i> after it &amp; more</p>\n<p>x</p> tail</body>",
            "<body><div><p>x<span>y</div> after an end tag that closes three</body>",
            "<body><ul><li>a</ul> after a list<b><i>x</b> misnested</i> end</body>",
            "<html><head><title>t</title></head> text in html</html> after html",
            "<body></p> stray end tag <p>x</P > upper-case end tag</body >  tail",
            "<table><tr><td>a</td> between cells</tr></table> after table",
            "<body><select><option>a</option> after option</select></body>",
        ]
        var runs = 0
        for (i, html) in cases.enumerated() { runs += try check(html, "case \(i)").textRuns }
        #expect(runs >= 25)
    }

    @Test("End tags naming the element libxml2 has open are closed in a chain after text, start tags and end tags; others are left to libxml2")
    func endTagChains() throws {
        // Each case: the markup, and how many end tags the chain must close at least (0: none; nil:
        // the tree is compared, the count not: after text libxml2 reads itself, the chain goes on).
        let cases: [(String, Int?)] = [
            ("<body><p>text</p><div><span>a</span></div> tail</body>", 3),
            ("<body><ul><li><a href=\"x\">link</a></li><li><a href=\"y\">two</a> more</li></ul></body>", 5),
            ("<body><div><div><div>deep</div></div> between </div></body>", 3),
            ("<body><p></p><div class=\"\(Self.long)\"></div><i></i></body>", 3),
            ("<body><P>upper</P ><Div>mixed</DIV\t\n><o:p>prefixed</o:p></body>", 3),
            ("<body><custom-element>c</custom-element><x.y>d</x.y><a_b>e</a_b></body>", 3),
            // Misnested and stray end tags: libxml2 closes (or ignores) these itself.
            ("<body><b><i>x</b> misnested</i> end</body>", 0),
            ("<body><div>a</span>b</div></p>c</body>", nil),
            ("<body><p>one<p>two</div>three</p></body>", nil),
            ("<table><tr><td>a</td><td>b</td></tr></table><select><option>o</option></select>", 5),
            // html, head and body are never closed by the chain; nor is the input's last end tag.
            ("<html><head><title>t</title></head><body><p>x</p></body></html>", 2),
            ("<p>a</p><p>b</p>", 1),
            ("<div><p>a</p></div>", 1),
            // The end tag must end with `>` after its name (and blanks), in the element's name.
            ("<body><p>a</p x>b</p><p>c</pp>d</p><p>e</p/>f</p><p>g</p></body>", 1),
            ("<body><p>a</\np>b</p><p>c</ p>d</p><p>e</body>", nil),
            // Text after an end tag goes to the element below, also in a chain, but not in html or head.
            ("<html><head><title>t</title> <meta name=a content=b></head> x <body><p>y</p> z </body></html>", 1),
            ("<body><div><p><b>b</b></p> after p </div> after div <span>s</span>&amp;</body>", 4),
        ]
        var total = 0
        for (i, (html, atLeast)) in cases.enumerated() {
            let report = try check(html, "case \(i)")
            if let atLeast {
                #expect(atLeast == 0 ? report.endTags == 0 : report.endTags >= atLeast, "case \(i): \(report.endTags) end tags closed, expected \(atLeast)")
            }
            #expect(!report.reparsed, "case \(i): re-parsed")
            total += report.endTags
        }
        #expect(total >= 30)
        // Long names: libxml2 cuts names at 100 bytes; the chain leaves such tags alone.
        let long = String(repeating: "n", count: 99)
        let longer = String(repeating: "n", count: 120)
        try check("<body><\(long)>x</\(long)><\(longer)>y</\(longer)><p>z</p></body>", "long names")
        // Deep chains of one name (libxml2's stack grows past its first size on the way).
        try check("<body>" + String(repeating: "<div>", count: 300) + "x" + String(repeating: "</div>", count: 300) + "</body>", "deep")
    }

    @Test("Start tags libxml2 only opens are read in the chain, with their attributes; tags that close, imply or hide elements are left to libxml2")
    func startTagChains() throws {
        // Each case: the markup, and how many start tags the chain must read at least (0: none; nil:
        // the tree is compared, the count not).
        let cases: [(String, Int?)] = [
            ("<body><div><span>a</span><b>b</b></div><p>x<img src=\"a.jpg\" alt=\"b\">y<br>z</p><ul><li>1</li><li>2</li></ul></body>", 6),
            ("<body><div class=\"\(Self.long)\" id='main'><a href=\"/x?a=1&amp;b=2\" title=\"t\">link</a></div></body>", 1),
            ("<body><DIV CLASS=\"upper\"><Span>mixed case</SPAN></DIV></body>", 1),
            ("<body><section><div/><br/><img src=\"i\" /><span />after</section><p>end</p></body>", 4),
            ("<body><svg viewBox=\"0 0 1 1\"><g><path d=\"M0 0L1 1\"/><rect/></g></svg><p>x</p></body>", 4),
            ("<body><div>" + String(repeating: "<div>", count: 40) + "deep" + String(repeating: "</div>", count: 40) + "</div>x</body>", 30),
            // A start tag that closes the open element first: libxml2's.
            ("<body><p>a<div>b</div>c</p><p>d<p>e</p><table><tr><td>f<td>g</td></tr></table></body>", nil),
            // Attributes libxml2 reads differently (unquoted, without value, entities, repeated names).
            ("<body><a href=x>u</a><input disabled><a title=\"&quot;q\">e</a><i id=\"a\" id=\"b\">r</i></body>", 0),
            // Before the body, elements may be implied (a div implies the body): nothing is read there but
            // in an open head, where libxml2 implies nothing (its link is read; a link without a head
            // implies one, and is libxml2's).
            ("<html><head><title>t</title><link rel=\"a\" href=\"b\"></head><body><p>x</p></body></html>", 1),
            ("<html><link rel=\"a\" href=\"b\"><div>x</div></html>", 0),
            ("<div><span>in an implied body</span></div><p>x</p>", 1),
            // Names not in the table (custom elements, long names), and raw-text elements.
            ("<body><my-widget>w</my-widget><blockquote>q</blockquote><script>s()</script><style>a{}</style></body>", 0),
            ("<body><p>a<textarea>t</textarea><title>t</title><iframe src=\"x\"></iframe>b</p><p>x</p></body>", 0),
            // After text libxml2 reads itself (entities): the chain goes on from there, and stops before a
            // tag followed by a control character.
            ("<body><section>a &amp; b<span>c</span> &nbsp;<b>d</b>&#39;<i>e</i></section><p>x</p></body>", 4),
            ("<body><section>a &amp; b<span>c</span>\u{1}<b>d</b>&copy;<i>e</i>\u{1}</section><p>x</p></body>", nil),
        ]
        var total = 0
        for (i, (html, atLeast)) in cases.enumerated() {
            let report = try check(html, "case \(i)")
            if let atLeast {
                #expect(atLeast == 0 ? report.startTags == 0 : report.startTags >= atLeast,
                        "case \(i): \(report.startTags) start tags read, expected \(atLeast)")
            }
            #expect(!report.reparsed, "case \(i): re-parsed")
            total += report.startTags
        }
        #expect(total >= 45)
    }

    @Test("The start-tag table has libxml2's answers: which start tags close which open elements, and which elements are empty")
    func startTagTable() throws {
        let table = StartTagTable.shared
        func index(_ name: String) throws -> Int {
            let bytes = Array(name.utf8)
            return try #require(bytes.withUnsafeBufferPointer { table.index($0.baseAddress!, $0.count) }, "\(name) is not in the table")
        }
        func closes(_ new: String, _ open: String) throws -> Bool { table.closes[try index(new) * table.count + index(open)] }
        #expect(try closes("div", "p") && closes("table", "p") && closes("tr", "td") && closes("p", "p"))
        #expect(try !closes("span", "p") && !closes("div", "div") && !closes("span", "span") && !closes("a", "div"))
        #expect(try table.empty[index("img")] && table.empty[index("br")] && !table.empty[index("div")])
        // Upper case is read as lower case; names not in the table, or longer than eight bytes, are not found.
        #expect(try index("DIV") == index("div"))
        #expect(Array("blockquote".utf8).withUnsafeBufferPointer { table.index($0.baseAddress!, $0.count) } == nil)
        #expect(Array("my-widget".utf8).withUnsafeBufferPointer { table.index($0.baseAddress!, $0.count) } == nil)
        for name in StartTagTable.leftToLibxml2 {
            let i = Array(name.utf8).withUnsafeBufferPointer { table.index($0.baseAddress!, $0.count) }
            #expect(i == nil || table.isOpenOnly[i!], "\(name) is read as a start tag")
        }
    }

    @Test("A tag rewritten inside a script's content is noticed, and the page parsed again without the shortcuts")
    func divergenceReparses() throws {
        // The builder's rule: any text or comment before the rewritten tag's startElement means
        // libxml2 did not read it as a tag.
        var b = DocumentBuilder(maxNodes: 100, maxDepth: 10, deadline: nil, capacity: 0)
        b.pendingTag = true
        let text: [UInt8] = Array("x".utf8)
        _ = text.withUnsafeBufferPointer { b.characters($0.baseAddress!, 1, cdata: true) }
        #expect(b.shortcutDiverged)
        var c = DocumentBuilder(maxNodes: 100, maxDepth: 10, deadline: nil, capacity: 0)
        c.pendingTag = true
        c.otherNode()
        #expect(c.shortcutDiverged)
    }

    @Test("Well-formed input, read as UTF-8 without libxml2's converter, gives the tree of htmlReadMemory with UTF-8: charsets declared otherwise, a byte order mark, an XML declaration, other scripts")
    func utf8WithoutConverter() throws {
        let late = String(repeating: "<p class=\"\(Self.long)\">filler é text</p>", count: 400)
        let cases = [
            "<html><head><meta charset=\"iso-8859-1\"><title>é</title></head><body><p>café ক্ষ 😀</p></body></html>",
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body><div title=\"ü\">ü</div></body></html>",
            "\u{FEFF}<html><body><p>after a byte order mark: ñ</p></body></html>",
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><html><body><p>ß</p></body></html>",
            "<!DOCTYPE html><html><head></head><body>" + late + "<meta charset=\"shift_jis\"><p>日本語</p></body></html>",
            "<body><p>\u{FFFD} \u{10FFFF} \u{80} \u{7FF} \u{800}</p></body>",
        ]
        for (i, html) in cases.enumerated() {
            let report = try check(html, "case \(i)")
            #expect(!report.reparsed, "case \(i): re-parsed")
        }
    }

    @Test("Start tags read in the chain give the same elements, names and attributes below maxDepth and when flattened")
    func chainStartTagsAndDepth() throws {
        let html = "<body>" + String(repeating: "<div class=\"c\" id='d'>a", count: 12)
            + "<svg viewBox=\"0 0 1 1\"><g fill=\"x\"><path d=\"M0\"/><circle r=\"1\"></circle></g></svg>"
            + "<amp-img src=\"i\" layout=\"fill\"></amp-img><SPAN Title=\"T\">b</SPAN><br class=\"e\">"
            + String(repeating: "</div>f", count: 12) + "</body>"
        let bytes = Array(html.utf8)
        var chained = 0
        for depth in [3, 8, 12, 14, 512] {
            var config = ExtractorConfiguration()
            config.maxDepth = depth
            let expected = try #require(ParseTreeOracle.parse(utf8: bytes, maxDepth: depth), "maxDepth \(depth): oracle failed")
            let (doc, report) = try HTMLParser(configuration: config).parseReporting(utf8: bytes, wellFormed: false)
            let difference = ParseTreeOracle.difference(expected, doc)
            #expect(difference == nil, "maxDepth \(depth): \(difference ?? "")")
            chained += report.startTags
        }
        #expect(chained >= 5 * 12)
    }

    @Test("The word-at-a-time check for capitals in a name agrees with a byte-by-byte one, at every length and position")
    func lowerCaseCheck() {
        // Name bytes around the capitals' edges (`@` and `[` are not name bytes but bound the range).
        let alphabet = Array("-.0123456789:@AZ[_`az{".utf8)
        var rng = SplitMix64(seed: 7)
        for n in 0...24 {
            for _ in 0..<200 {
                let bytes = (0..<n).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
                let plain = !bytes.contains { $0 >= 0x41 && $0 <= 0x5A }
                bytes.withUnsafeBufferPointer { b in
                    let p = b.baseAddress ?? UnsafePointer(bitPattern: 1)!
                    #expect(AttributeShortcut.isLowerCase(p, n) == plain, "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
                }
            }
        }
    }

    @Test("Input that is not well-formed UTF-8, or holds NUL bytes, is parsed without the shortcuts")
    func illFormedInput() throws {
        let bytes: [UInt8] = Array("<body>x<div class=\"\(Self.long)\">".utf8) + [0xFF, 0xFE] + Array("</div></body>".utf8)
        let (_, report) = try HTMLParser().parseReporting(utf8: bytes, wellFormed: false)
        #expect(report.rewrittenTags == 0 && report.textRuns == 0)
        let nul = Array("<body>x<div class=\"\(Self.long)\">a\u{0}b</div></body>".utf8)
        let (_, report2) = try HTMLParser().parseReporting(utf8: nul, wellFormed: false)
        #expect(report2.rewrittenTags == 0 && report2.textRuns == 0)
        let good = Array("<body>x<div class=\"\(Self.long)\">ab</div></body>".utf8)
        let (_, report3) = try HTMLParser().parseReporting(utf8: good, wellFormed: false)
        #expect(report3.rewrittenTags + report3.startTags == 1 && report3.textRuns == 1)
    }

    @Test("The tag reader takes the attributes libxml2 would read unchanged, in their places, and only from tags it reads to the end")
    func scanning() throws {
        func scan(_ tag: String) -> (taken: [Int], places: [Int32])? {
            let bytes = Array(tag.utf8)
            var out = AttributeShortcut.Scan()
            let last = bytes.withUnsafeBufferPointer { AttributeShortcut.scan($0.baseAddress!, $0.count, into: &out) }
            return last == nil ? nil : (out.taken, out.places)
        }
        // Name 3..<7, value 9..<32, plain.
        #expect(scan("<a href=\"https://example.com/abc\">")?.taken == [3, 7, 9, 32, 0])
        #expect(scan("<a href = 'abcdefgh&amp;x' >")?.taken == [3, 7, 11, 25, 1])
        #expect(scan("<a href=\"s\"/>")?.taken == [3, 7, 9, 10, 0])
        let mixed = scan("<a x href=\"abcdefgh\" y=unquoted z='a&quot;b'>")
        #expect(mixed?.taken == [5, 9, 11, 19, 0] && mixed?.places == [1])
        #expect(scan("<a href=\"&quot;abcdefgh\">") == nil)              // an entity libxml2 decodes
        #expect(scan("<html class=\"abcdefghij\">") == nil)              // html/head/body are left alone
        #expect(scan("<a 'x' href=\"abcdefghij\">") == nil)              // a bogus attribute: not read to the end
        #expect(scan("<a href=\"abcdefghij\" title=\"unterminated>") == nil)
        #expect(scan("<a href=\"abcdefgh\" HREF=\"ijklmnop\">") == nil)  // libxml2 keeps the first of two
        let many = "<a " + (0..<300).map { "a\($0)=\"v\"" }.joined(separator: " ") + ">"
        #expect(scan(many) == nil)                                        // too many attributes to read
    }
}
