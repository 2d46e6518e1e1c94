import Foundation
import Testing
@testable import Extraction

/// The SAX builder must give exactly the document the old path gave (libxml2's tree, walked):
/// same nodes, order, parents, subtree ranges, depths, names, text and attributes.
@Suite("Parse stage: the SAX builder reproduces libxml2's tree")
struct ParseEquivalenceTests {
    static let awkward: [String] = [
        "<html><head><title>T</title></head><body><p>one <b>two</b> three</p></body></html>",
        "<p>a<!--c-->b</p><p>c<?pi x?>d</p>",
        "<script>var a = 1;</script><style>p < q {}</style><script>if (a</b) x</script>",
        "<script>a</script>tail<script></script><style></style>",
        "<body><p>x<o:p></o:p></p><fb:like href=x>y</fb:like><:x>z</:x><a:>q</a:><a:b:c>r</a:b:c><svg:rect/></body>",
        "<html><body>x<!DOCTYPE html>y</body></html><div>after</div>",
        "<html><body>a</body></html>tail text<p>more</p>",
        "<p>a</p></html><div>b</div></body><span>c</span>",
        "<!DOCTYPE html><html><body>a</body></html><div>after</div>text",
        "<!--x--><html><body>a</body></html><div>after</div>",
        "<?php echo 1 ?><p>a<?xml x?>b</p>",
        "<p>a\u{0}b</p><di\u{0}v>x</div><a title='v\u{0}w'>y</a>",
        "<a href=\"?a=1&amp;b=2&copy;&#x41;&nbsp;&bogus;&\" title=&quot;x data-x='&lt;&gt;'>link</a>",
        "<html> <head> <title>t</title> <meta name=a content=b> </head> <body> <p> a </p> <b>b</b> <i>c</i> </body> </html>",
        "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\"><html><body>  <p>x</p>  <p>y</p> </body></html>",
        "<!DOCTYPE html>\n<html>\n<head>\n<!-- c -->\n<script>x</script>\n</head>\n<body>\n\n<div>\n<!-- c -->\n<p>x</p>\n</div>\n</body>\n</html>\n",
        " ", "<", "</p>", "&amp;", "hello", "hello <b>world</b>", "<!-- only -->", "<!DOCTYPE html>", "<html>",
        "<div><p>a<table><tr><td>b<td>c<tr><th>d</table>e<li>f<li>g<dl><dt>h<dd>i</dl>",
        "<frameset><frame src=a><noframes>x</noframes></frameset>",
        "<html><body><html lang=fr class=x>x</html><head><title>late</title></head><body class=y>z</body></body></html>",
        "<input disabled><a x=1 x=2 X=3>dup</a><img src=a alt>",
        "<DIV CLASS=A><My-Widget Foo=Bar>w</My-Widget></DIV>",
        "<p>a&b&#0;c&#x110000;d&#128512;&#x80;e</p>",
        "<textarea><p>x</p></textarea><title><b>x</b></title><noscript><p>x</p></noscript><xmp><b>y</b></xmp>",
        "<p><![CDATA[x<y]]>z</p><svg><rect/><text>t</text></svg><math><mi>x</mi></math>",
        "<plaintext><p>a</p>",
        "<table>text<tr>in<td>cell</td>after</tr></table>",
        "<ul><li>a<ul><li>b</ul><li>c</ul><select><option>1<option>2</select>",
        "<p>one<p>two<div>three</div>four</p>five",
        "<head><p>in head</p></head><body>b</body>",
        "text before<html><head></head><body>body</body></html>",
        "<body>\u{FEFF}bom<p>ä ö ü ß 中文 বাংলা</p></body>",
        "<a href='x'>\n  <span>s</span>\n</a>\n<b> </b>\n",
        "<br/><br></br><p/>x<hr>y",
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"A < B & C\"}</script>",
        "<style><!-- p {} --></style><script><!-- x(); //--></script>",
        "<div id=\"a\" class='b c' data-json='{\"x\":1}' onclick=\"f('x')\">x</div>",
        // Script and style content (RawTextShortcut and its fallbacks).
        "<script>a\r\nb\rc\n\td</script><style>\r\n p{} \r\n</style>",
        "<script>x</SCRIPT><style>y</Style ><script>z</script foo=bar>tail",
        "<script>a</scripts>b</script><script>c</script-x>d</script><script>e</script.f>g</script>",
        "<script>a</style>b</div>c</script><style>d</script>e</style>",
        "<script><p>x</p></script><script></script><script>< b</script><script></b>c</script>",
        "<script>var s = '\u{0001}\u{0008}\u{000B}\u{000C}\u{001F}';</script><p>after</p>",
        "<script>ä € 𝄞 \u{FFFD} \u{FFFE} \u{FFFF} \u{E000} end</script>",
        "<script>unterminated", "<style>unterminated", "<script>a</", "<script>a</scr", "<script>a</script",
        "<script/>x<script />y<style/>z", "<script src=a>b</script><script async defer>c</script>",
        "<head><script>1</script><style>2</style></head><body><script>3</script>",
        "<script>a<!-- b --></script><script><!--a</script>b-->c</script>",
        "<svg><script>x</script><style>y</style></svg>",
        "<textarea><script>x</script></textarea><title><style>y</style></title>",
        // Tags after text libxml2 reads itself (TagChain after a `characters` event): an unknown
        // entity is two events, `&` then its name; references; a `<` read as text.
        "<body><div><a>AT&T</a> E&S<b>x</b> &bogus;</div><p>&amp;</p><i>&#39;</i><u>&#39</u><s>a &</s></body>",
        "<body><div>x < y<span>z</span>a <3 b</div><p>x</p><div>&nbsp;<br>&copy;<img src=\"i\"></div></body>",
        "<body><section>a &amp; b</section>\u{1}<p>c &lt;</p>>d<i>e &gt;</i>\u{1}<b>f</b></body>",
    ]

    func check(_ html: [UInt8], maxDepth: Int = 512, _ label: String) throws {
        var config = ExtractorConfiguration()
        config.maxDepth = maxDepth
        // The parser repairs `@name="…"` attributes before libxml2 sees the page; so does the oracle's input.
        let expected = ParseTreeOracle.parse(utf8: AttributeNameRepair.repaired(html) ?? html, maxDepth: maxDepth)
        let actual = try? HTMLParser(configuration: config).parse(utf8: html)
        guard let expected else {
            #expect(actual == nil, "\(label): the tree path failed, the SAX path did not")
            return
        }
        let doc = try #require(actual, "\(label): the SAX path failed")
        let difference = ParseTreeOracle.difference(expected, doc)
        #expect(difference == nil, "\(label): \(difference ?? "")")
    }

    @Test("Awkward markup (comments, scripts, prefixes, misplaced tags, entities, white space) gives the same tree")
    func awkwardMarkup() throws {
        for (i, html) in Self.awkward.enumerated() {
            try check(Array(html.utf8), "awkward[\(i)] \(html.prefix(60).debugDescription)")
        }
    }

    @Test("Flattening below maxDepth gives the same tree, with text around the flattened elements")
    func flattening() throws {
        let html = "<body>" + String(repeating: "<div>a", count: 30) + "x<span>b</span>c<!--k-->d<p>e</p>"
            + String(repeating: "</div>f", count: 30) + "</body><div>after</div>"
        for depth in [1, 2, 3, 10, 29, 40] {
            try check(Array(html.utf8), maxDepth: depth, "maxDepth \(depth)")
        }
    }

    @Test("Text and scripts longer than libxml2's internal buffers are one text node each")
    func longText() throws {
        let words = String(repeating: "word &amp; w\u{00E4}rter ", count: 2000)
        let bad = String(repeating: "var x = \"\u{1}\"; ", count: 2000)
        let script = String(repeating: "var x = \"<b>\"; ", count: 2000)
        try check(Array("<body><p>\(words)</p><script>\(script)</script><style>\(script)</style></body>".utf8), "long")
        try check(Array("<body><script>\(bad)</script><script>\(script)</scripts>\(script)</script></body>".utf8), "long, fallback")
    }

    @Test("Randomly assembled markup gives the same tree (seeded, 400 documents)")
    func randomMarkup() throws {
        let pieces = [
            "<div>", "</div>", "<p>", "</p>", "<span class=x>", "</span>", "<b>", "</b>", "<table>", "<tr>", "<td>",
            "</td>", "</table>", "<li>", "<ul>", "</ul>", "text ", " ", "\n", "&amp;", "&nbsp;", "<!-- c -->",
            "<script>s<p>x</script>", "<style>a{}</style>", "<br>", "<img src=a>", "</html>", "<html>", "</body>",
            "<body>", "<head>", "</head>", "<title>t</title>", "<o:p>", "</o:p>", "<?pi?>", "<!DOCTYPE html>",
            "<select>", "<option>", "<textarea>", "</textarea>", "<h1>", "</h1>", "<a href='?a&amp;b'>", "</a>",
            "<form>", "</form>", "<noscript>", "</noscript>", "<svg>", "</svg>", "<frameset>", "<frame>", "\u{0}",
            "<script>", "</script>", "<style>", "</style>", "</SCRIPT>", "</scripts>", "\r\n", "\u{1}", "\u{FFFE}",
            "<", ">", "&", "</", "<!", "<![CDATA[x]]>", "ä", "<meta charset=latin1>", "<dl><dt>", "<dd>",
        ]
        var rng = SplitMix64(seed: 0x5A5)
        for n in 0..<400 {
            let count = Int(rng.next() % 60) + 1
            var html = ""
            for _ in 0..<count { html += pieces[Int(rng.next() % UInt64(pieces.count))] }
            try check(Array(html.utf8), maxDepth: n % 4 == 0 ? 3 : 512, "random[\(n)] \(html.debugDescription)")
        }
    }

    @Test("Randomly assembled tags with quoted attributes, self-closing and mixed-case tags give the same tree (seeded, 400 documents)")
    func randomTags() throws {
        // Weighted towards what TagChain reads (start tags with quoted attributes, matching end
        // tags, `/>`), with the tags around it that libxml2 must read itself.
        let pieces = [
            "<div class=\"c\">", "</div>", "<DIV id='x'>", "</Div >", "<p>", "</p>", "<span title=\"t\">", "</span>",
            "<a href=\"/x?a=1&amp;b=2\">", "</a>", "<a href=x>", "<li>", "</li>", "<ul>", "</ul>", "<ol>", "</ol>",
            "<section>", "</section>", "<article data-x=\"1\">", "</article>", "<img src=\"i\" alt=\"\">", "<img src=\"i\"/>",
            "<br>", "<br/>", "<div/>", "<span />", "<input disabled>", "<i id=\"a\" id=\"b\">", "</i>", "<b>", "</b>",
            "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>", "<dl>", "<dt>", "<dd>", "<h2>", "</h2>",
            "<svg viewBox=\"0 0 1 1\">", "</svg>", "<path d=\"M0 0\"/>", "<g>", "</g>", "<select>", "<option>", "</option>",
            "<form>", "</form>", "<noscript>", "</noscript>", "<figure>", "<figcaption>", "</figure>", "<my-el>", "</my-el>",
            "text ", "more text", " ", "\n", "&amp;", "&nbsp;", "<!-- c -->", "<script>s()</script>", "<body>", "</body>",
            "<html>", "</html>", "<head>", "</head>", "<title>t</title>", "<textarea>", "</textarea>", "<", "</", ">",
            "</p x>", "</ div>", "<div\nclass=\"n\"\n>", "<p class='a\"b'>", "<em>", "</em>", "<strong>", "</strong>",
            "&lt;", "&#39;", "\u{1}", "\u{FFFE}", "a\u{1}b", "&copy;x",
        ]
        var rng = SplitMix64(seed: 0x7A6)
        for n in 0..<400 {
            let count = Int(rng.next() % 80) + 1
            var html = n % 3 == 0 ? "" : "<html><body>"
            for _ in 0..<count { html += pieces[Int(rng.next() % UInt64(pieces.count))] }
            try check(Array(html.utf8), maxDepth: n % 5 == 0 ? 4 : 512, "randomTags[\(n)] \(html.debugDescription)")
        }
    }

    /// `../shared/corpus` beside the project root (or `NEWSFLOW_CORPUS`), when present.
    static let corpusRoot: URL? = {
        let env = ProcessInfo.processInfo.environment["NEWSFLOW_CORPUS"]
        let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = env.map { URL(fileURLWithPath: $0) } ?? projectRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()

    @Test("Every corpus page gives the same tree",
          .enabled(if: corpusRoot != nil, "../shared/corpus (or NEWSFLOW_CORPUS) is not available: fetched pages are never part of the project"))
    func corpus() throws {
        let root = try #require(Self.corpusRoot)
        let folders = try FileManager.default.contentsOfDirectory(at: root, includingPropertiesForKeys: nil)
        var checked = 0
        for folder in folders.sorted(by: { $0.path < $1.path }) {
            let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
            for file in files.sorted(by: { $0.path < $1.path }) where file.lastPathComponent.hasSuffix(".html.gz") {
                let raw = try Self.gunzip(file)
                guard let page = try? PageDecoder().decode(raw, contentType: nil) else { continue }
                try check(page.utf8, file.lastPathComponent)
                checked += 1
            }
        }
        #expect(checked > 0)
    }

    /// The bytes of a `.gz` file (also used by other suites that read the corpus).
    /// The first `perFolder` pages (by path) of each corpus folder, decoded and parsed as the extractor
    /// does, with their file names; pages that do not decode or parse are left out.
    static func corpusDocuments(_ folders: [String], perFolder: Int) -> [(name: String, document: HTMLDocument)] {
        guard let root = corpusRoot else { return [] }
        var documents: [(name: String, document: HTMLDocument)] = []
        for folder in folders {
            let dir = root.appendingPathComponent(folder)
            let files = ((try? FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)) ?? [])
                .filter { $0.lastPathComponent.hasSuffix(".html.gz") }.sorted { $0.path < $1.path }.prefix(perFolder)
            for file in files {
                guard let page = try? PageDecoder().decode(gunzip(file), contentType: nil), let doc = try? HTMLParser().parse(page) else { continue }
                documents.append((file.lastPathComponent, doc))
            }
        }
        return documents
    }

    static func gunzip(_ file: URL) throws -> [UInt8] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/gzip")
        p.arguments = ["-dc", file.path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return [UInt8](data)
    }
}

/// A small deterministic generator (SplitMix64) for reproducible random inputs.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
