import Testing
@testable import Extraction

@Suite("Parse stage: libxml2 → compact DOM")
struct ParseTests {
    func parse(_ html: String) throws -> HTMLDocument {
        try HTMLParser().parse(utf8: Array(html.utf8))
    }

    @Test("Nodes are in document order with parent, children, siblings and subtree ranges")
    func navigation() throws {
        let doc = try parse("<html><head><title>T</title></head><body><div id=a><p>one <b>two</b></p><p>three</p></div></body></html>")
        let body = try #require(doc.body)
        let div = try #require(doc.elements(.div).first)
        #expect(doc.parent(div) == body)
        let ps = doc.elements(.p)
        #expect(ps.count == 2)
        #expect(doc.children(div) == ps)
        #expect(doc.nextSibling(ps[0]) == ps[1])
        #expect(doc.nextSibling(ps[1]) == nil)
        #expect(doc.contains(div, ps[1]))
        #expect(!doc.contains(ps[0], ps[1]))
        #expect(doc.elements(.b, in: div).count == 1)
        #expect(doc.elements(.b, in: ps[1]).isEmpty)
        #expect(doc.depth(div) == doc.depth(body) + 1)
        #expect(doc.ancestors(ps[0]).first == div)
        #expect(doc.ancestor(of: ps[0], tag: .body) == body)
        #expect(doc.title == "T")
    }

    @Test("Text content collapses white space, resolves entities and skips scripts")
    func textContent() throws {
        let doc = try parse("<body><div><p>Tom &amp; Jerry\n\n  went&nbsp;home<script>var x=1;</script></p><p>Next<br>line</p></div></body>")
        let div = try #require(doc.elements(.div).first)
        #expect(doc.textContent(of: doc.elements(.p)[0]) == "Tom & Jerry went home")
        #expect(doc.textContent(of: div) == "Tom & Jerry went home Next line")
        let script = try #require(doc.elements(.script).first)
        #expect(doc.rawText(of: script) == "var x=1;")
    }

    @Test("Attributes are looked up by lower-case name; unknown tags keep their name")
    func attributes() throws {
        let doc = try parse("<body><DIV CLASS='Story Body' data-x=\"1\" id=main><my-widget foo=bar>w</my-widget></DIV></body>")
        let div = try #require(doc.elements(.div).first)
        #expect(doc.attribute("class", of: div) == "Story Body")
        #expect(doc.attribute("data-x", of: div) == "1")
        #expect(doc.attribute("missing", of: div) == nil)
        #expect(doc.classAndID(div) == "story body main")
        let w = try #require(doc.firstChild(div))
        #expect(doc.tag(w) == .other)
        #expect(doc.tagName(w) == "my-widget")
        #expect(doc.attributes(of: w).map(\.name) == ["foo"])
    }

    @Test("JSON-LD script text is kept verbatim")
    func jsonLD() throws {
        let doc = try parse(#"<head><script type="application/ld+json">{"@type":"NewsArticle","headline":"A < B"}</script></head>"#)
        let s = try #require(doc.elements(.script).first)
        #expect(doc.attribute("type", of: s) == "application/ld+json")
        #expect(doc.rawText(of: s) == #"{"@type":"NewsArticle","headline":"A < B"}"#)
    }

    @Test("Elements deeper than maxDepth are flattened but their text is kept")
    func depthLimit() throws {
        var config = ExtractorConfiguration()
        config.maxDepth = 10
        let html = "<body>" + String(repeating: "<div>", count: 50) + "deep text" + String(repeating: "</div>", count: 50) + "</body>"
        let doc = try HTMLParser(configuration: config).parse(utf8: Array(html.utf8))
        #expect(doc.allNodes.filter(doc.isElement).allSatisfy { doc.depth($0) <= 10 })
        #expect(doc.textContent(of: try #require(doc.body)) == "deep text")
    }

    @Test("More nodes than maxNodes fails with treeTooLarge")
    func nodeLimit() throws {
        var config = ExtractorConfiguration()
        config.maxNodes = 1000
        let html = "<body>" + String(repeating: "<p>x</p>", count: 5000) + "</body>"
        #expect(throws: ExtractionError.self) { try HTMLParser(configuration: config).parse(utf8: Array(html.utf8)) }
        do {
            _ = try HTMLParser(configuration: config).parse(utf8: Array(html.utf8))
        } catch {
            #expect(error.code == .treeTooLarge)
        }
    }

    @Test("A deadline that has passed stops the parse with timeLimit")
    func deadline() {
        let html = "<body>" + String(repeating: "<p>x</p>", count: 10_000) + "</body>"
        let past = ContinuousClock.now - .seconds(1)
        do {
            _ = try HTMLParser().parse(utf8: Array(html.utf8), deadline: past)
            Issue.record("the parse should have stopped")
        } catch {
            #expect(error.code == .timeLimit)
        }
        #expect((try? HTMLParser().parse(utf8: Array(html.utf8), deadline: .now + .seconds(60))) != nil)
    }
}

@Suite("Parse stage: framework shorthand attributes")
struct AttributeNameRepairTests {
    static let menu = """
        <html><body><nav><ul class="menu"
          @click.outside="!$event.target?.closest('.nav') ? open = false : null"
          @closemobile="open = false; $nextTick( () => $refs.button.focus() )"
          x-init="menu = [{'ID':501,'post_title':'Plumbing'}]"><li>Home</li></ul></nav>
        <p>The article text.</p></body></html>
        """

    @Test("@click-style attributes stay inside their tag: no attribute text leaks into the page text")
    func shorthandAttributesStayAttributes() throws {
        let doc = try HTMLParser().parse(utf8: Array(Self.menu.utf8))
        let body = try #require(doc.body)
        let text = doc.textContent(of: body)
        #expect(!text.contains("x-init") && !text.contains("post_title") && !text.contains("$refs"), "\(text)")
        #expect(text.contains("Home") && text.contains("The article text."))
        let ul = try #require(doc.elements(.ul).first)
        #expect(doc.attribute("x-init", of: ul) == "menu = [{'ID':501,'post_title':'Plumbing'}]")
    }

    @Test("Only an @ that starts an attribute (white space before, name, = and a quote after) is repaired")
    func repairIsNarrow() {
        func repaired(_ s: String) -> String? { AttributeNameRepair.repaired(Array(s.utf8)).map { String(decoding: $0, as: UTF8.self) } }
        #expect(repaired(#"<a @click="go()">x</a>"#) == #"<a xclick="go()">x</a>"#)
        #expect(repaired(#"<b @x.y:z='1' @w="2">"#) == #"<b xx.y:z='1' xw="2">"#)
        #expect(repaired("mail me at a@b.com or @handle = fine") == nil)
        #expect(repaired("<style>@media screen { a { color: red } }</style>") == nil)
        #expect(repaired("x @=\"1\"") == nil)
        #expect(repaired("") == nil)
    }
}

@Suite("Parse stage: script and style content shortcut")
struct RawTextShortcutTests {
    func length(_ content: String, _ name: String = "script") -> Int? {
        let bytes = Array(content.utf8)
        return bytes.withUnsafeBufferPointer { b in
            name.withCString { n in
                n.withMemoryRebound(to: UInt8.self, capacity: name.utf8.count + 1) {
                    RawTextShortcut.plainLength(b.baseAddress!, b.count, name: $0)
                }
            }
        }
    }

    @Test("Plain content ends at the first end tag of the element, in any case")
    func plain() {
        #expect(length("var a = 1;\n</script>") == 11)
        #expect(length("if (a < b) x();</SCRIPT >") == 15)
        #expect(length("a</b>c</div></script>") == 12)
        #expect(length("p { color: red }\r\n</style>", "style") == 18)
        #expect(length("ä € 𝄞</style>", "style") == "ä € 𝄞".utf8.count)
        #expect(length("no end tag at all") == 17)
        #expect(length("x</script") == 1)
    }

    @Test("Content libxml2 would not copy as is is left to libxml2")
    func fallback() {
        #expect(length("a</scripts>b</script>") == nil)
        #expect(length("a</script-x>b</script>") == nil)
        #expect(length("a\u{1}b</script>") == nil)
        #expect(length("a\u{FFFE}b</script>") == nil)
        #expect(length("a\u{FFFF}b</script>") == nil)
    }

    @Test("Only script and style elements take the shortcut")
    func applies() {
        func check(_ name: String) -> Bool {
            name.withCString { n in
                n.withMemoryRebound(to: UInt8.self, capacity: name.utf8.count + 1) { RawTextShortcut.applies(to: $0) }
            }
        }
        // Off on a libxml2 other than 2.9 (then nothing takes it).
        #expect(check("script") == RawTextShortcut.isSupported && check("style") == RawTextShortcut.isSupported)
        #expect(!check("scripts") && !check("styles") && !check("textarea") && !check("s") && !check(""))
    }
}

@Suite("Parse stage: tag interning")
struct TagLookupTests {
    func tag(_ name: String) -> HTMLTag {
        name.withCString { n in
            n.withMemoryRebound(to: UInt8.self, capacity: name.utf8.count + 1) { DocumentBuilder.tag(of: $0) }
        }
    }

    @Test("Every known tag name maps to its tag; unknown and prefixed names do not")
    func allTags() {
        for t in HTMLTag.allCases where t != .other { #expect(tag(t.name) == t, "\(t.name)") }
        for name in ["", "x", "my-widget", "divx", "dív", "blockquotes", "h7", "scripts", "o:p"] {
            #expect(tag(name) == .other, "\(name)")
        }
    }
}
