import Schemas
import Testing
@testable import Extraction

@Suite("Body recall: headers of the story's parts, class names that are no hints, prose with many links, code")
struct BodyHintRecallTests {
    let extractor = ArticleExtractor()

    static let paragraph = "This paragraph is long enough to count as real article prose, with commas, clauses, and enough words to pass every filter of the content stage."

    func extract(_ html: String, url: String = "https://news.example.com/2024/05/01/story") throws -> ArticleRecord {
        try extractor.extract(RawPage(url: url, body: Array(html.utf8)))
    }

    /// A story of `count` paragraphs numbered from `from`.
    static func story(_ count: Int, from: Int = 0) -> String {
        (from..<(from + count)).map { "<p>Story paragraph \($0): \(paragraph)</p>" }.joined()
    }

    // MARK: Headers

    @Test("A <header> holding the lead inside the declared article body is the story's first paragraph")
    func leadInHeaderOfArticleBodyKept() throws {
        var html = "<html><body><header class=\"site\"><a href=\"/\">Health Daily</a></header><article><h1>How insight happens</h1>"
        html += "<div itemprop=\"articleBody\"><header>Neuroscience tells us that most of the work of the brain is unconscious, so when does the a-ha moment occur? New research looks at it.</header>"
        html += Self.story(4) + "</div></article></body></html>"
        let r = try extract(html)
        #expect(r.text.contains("Neuroscience tells us that most of the work of the brain is unconscious"))
        #expect(r.text.contains("Story paragraph 3:"))
        #expect(!r.text.contains("Health Daily"))
    }

    @Test("A <header> wrapping only a section's sub-heading keeps the heading in the body")
    func sectionHeadingInHeaderKept() throws {
        var html = "<html><body><header><nav><a href=\"/a\">Home</a> <a href=\"/b\">Products</a></nav></header><main>"
        html += "<section class=\"intro\"><h1>Welcome to the developer edition</h1>" + Self.story(3) + "</section>"
        html += "<section class=\"more-features\"><header><h2>Features and tools</h2></header>" + Self.story(3, from: 3) + "</section>"
        html += "</main></body></html>"
        let r = try extract(html)
        #expect(r.body.contains { $0.type == .heading && $0.text == "Features and tools" })
        #expect(r.text.contains("Story paragraph 5:"))
        #expect(!r.text.contains("Products"))
    }

    // MARK: Class names that are no hints

    @Test("An item named \"no_caption\" has no caption; it is not one, and its sentence stays in the body")
    func noCaptionItemKept() throws {
        var html = "<html><body><article><h1>Diet pills warning</h1><div class=\"buzz_list\">"
        html += "<div class=\"list_item image_item no_caption\"><h2>The mother of a woman who took diet pills bought online has described how her daughter was burning up from within.</h2><img src=\"/a.jpg\" alt=\"\"></div>"
        html += Self.story(4) + "</div></article></body></html>"
        let r = try extract(html)
        #expect(r.text.contains("The mother of a woman who took diet pills bought online"))
        #expect(r.text.contains("Story paragraph 3:"))
    }

    @Test("A figure named \"no-caption\" keeps its image credit, written straight into the figure, out of the body")
    func figureCreditOutOfBody() throws {
        var html = "<html><body><article><h1>Record label row ends</h1><div class=\"story-body\">"
        html += "<figure class=\"media-landscape no-caption full-width\"><span class=\"image-and-copyright-container\"><img src=\"/a.jpg\" alt=\"Singer\">"
        html += "<span class=\"off-screen\">Image copyright</span> <span class=\"story-image-copyright\">Photo Agency</span></span></figure>"
        html += Self.story(4) + "</div></article></body></html>"
        let r = try extract(html)
        #expect(r.text.contains("Story paragraph 0:"))
        #expect(!r.text.contains("Image copyright"))
        #expect(!r.text.contains("Photo Agency"))
    }

    @Test("A heading whose anchor spells its title (\"h-why-use-social-shopping\") is not judged by the words of that title")
    func headingAnchorIsNoHint() throws {
        var html = "<html><body><article><h1>A guide to shopping on social networks</h1><div class=\"entry-content\">" + Self.story(2)
        html += "<h2 class=\"wp-block-heading h-why-use-social-shopping\">Why use social shopping?</h2>" + Self.story(2, from: 2)
        html += "<h2><span class=\"mw-headline\" id=\"Sharing_and_promotion_policy\">Sharing and promotion policy</span></h2>" + Self.story(2, from: 4)
        html += "<h2 class=\"related-posts\">Related posts</h2><ul><li><a href=\"/a\">A first story of the site</a></li><li><a href=\"/b\">A second story of the site</a></li></ul>"
        html += Self.story(2, from: 6) + "</div></article></body></html>"
        let r = try extract(html)
        #expect(r.body.contains { $0.type == .heading && $0.text == "Why use social shopping?" })
        #expect(r.body.contains { $0.type == .heading && $0.text == "Sharing and promotion policy" })
        // A two-word box name that repeats a short title is still the box's name.
        #expect(!r.text.contains("Related posts"))
        #expect(r.text.contains("Story paragraph 7:"))
    }

    @Test("A syntax highlighter's \"token comment\" span is part of the code, not reader comments")
    func codeCommentTokenKept() throws {
        var html = "<html><body><article><h1>Calling C++ from JavaScript</h1>" + Self.story(3)
        html += "<pre><code><span class=\"token comment\">// load-add.js</span>\nconst add = require('./add');\n<span class=\"token comment\">// prints the sum</span>\nconsole.log(add(1, 2));</code></pre>"
        html += Self.story(2, from: 3) + "</article></body></html>"
        let r = try extract(html)
        #expect(r.text.contains("// load-add.js"))
        #expect(r.text.contains("// prints the sum"))
    }

    // MARK: Prose and data

    @Test("A long paragraph of prose that links more than half its text stays; a paragraph that is one link does not")
    func proseWithManyLinksKept() throws {
        var html = "<html><body><article><h1>A pile-on</h1>" + Self.story(3)
        html += "<p>The response, from all quarters, including the reviewer himself, someone who is so sensitive to criticism that one word is "
        html += "<a href=\"https://other.example.org/a\">enough to shut him down when it comes from a stranger on the internet</a>, who "
        html += "<a href=\"https://other.example.org/b\">blocked a friend of mine for pointing out that his review of microphones centred on expensive gear and ignored everyone else</a>, is, in a single word, disgusting.</p>"
        html += "<p><a href=\"/2024/04/30/another-story\">Another story of this site that the editors would like you to read next, with a long title</a></p>"
        html += Self.story(2, from: 3) + "</article></body></html>"
        let r = try extract(html)
        #expect(r.text.contains("The response, from all quarters, including the reviewer himself"))
        #expect(!r.text.contains("Another story of this site"))
    }

    @Test("A data series set as code (\"2, 3, 5, 2, 3, 12, 5, 3, 4\") is kept, list numbering is not")
    func numberSeriesInPreKept() throws {
        var html = "<html><body><article><h1>Finding anomalies</h1>" + Self.story(2)
        html += "<p>Looking at this series of numbers, which number stands out?</p><div class=\"highlight\"><pre>2, 3, 5, 2, 3, 12, 5, 3, 4\n</pre></div>"
        html += "<p>7.</p>" + Self.story(2, from: 2) + "</article></body></html>"
        let r = try extract(html)
        #expect(r.text.contains("2, 3, 5, 2, 3, 12, 5, 3, 4"))
        #expect(!r.body.contains { $0.text == "7." })
    }
}
