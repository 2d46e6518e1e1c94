import CLibXML2
import Testing
@testable import Extraction

/// ``TagChain`` takes start tags with attributes without a value (`<div hidden>`, `<input
/// disabled>`): libxml2 reports them with a NULL value, which its tree turns into the name for
/// its boolean attributes (`htmlIsBooleanAttr`) and leaves empty otherwise. The tree must stay
/// exactly libxml2's own.
@Suite("Parse stage: value-less attributes in the tag chain")
struct TagChainValuelessAttributeTests {
    @discardableResult
    func check(_ html: String, _ label: String) throws -> HTMLParser.ShortcutReport {
        let bytes = Array(html.utf8)
        let expected = try #require(ParseTreeOracle.parse(utf8: AttributeNameRepair.repaired(bytes) ?? bytes), "\(label): oracle failed")
        let (doc, report) = try HTMLParser().parseReporting(utf8: bytes, wellFormed: false)
        let difference = ParseTreeOracle.difference(expected, doc)
        #expect(difference == nil, "\(label): \(difference ?? "")")
        #expect(!report.reparsed, "\(label): re-parsed")
        return report
    }

    func page(_ body: String) -> String {
        "<!DOCTYPE html><html><head><title>t</title></head><body><div class=\"x\">a</div>\(body)<p>end</p></body></html>"
    }

    @Test("Boolean and other value-less attributes, in any case and place, are read by the chain with libxml2's values")
    func valuelessAttributes() throws {
        let body = """
            <div hidden>a</div><span itemscope itemtype="https://schema.org/Person">b</span>
            <form><input disabled><input type="checkbox" CHECKED/><select><option Selected>o</option>\
            <option value="2" selected >p</option></select></form>
            <video controls autoplay muted playsinline src="/v.mp4">v</video>
            <iframe allowfullscreen src="/f"></iframe><td nowrap>w</td><ul compact><li>i</li></ul>
            <a download href="/x">d</a><p data-flag>q</p><p ReadOnly MULTIPLE>r</p><hr noshade>
            <img ismap src="/i.png"><map><area nohref></map><div a b="c" d>e</div><div x = "1"  y  >f</div>
            """
        let report = try check(page(body), "value-less attributes")
        #expect(report.startTags >= 20, "taken by the chain: \(report.startTags)")
        // The values the tree keeps: the name for boolean attributes, empty for others.
        let doc = try HTMLParser().parse(utf8: Array(page(body).utf8))
        let inputs = doc.descendants(doc.root).filter { doc.tag($0) == .input }
        #expect(inputs.count == 2)
        if inputs.count == 2 {
            #expect(doc.attribute("disabled", of: inputs[0]) == "disabled")
            #expect(doc.attribute("checked", of: inputs[1]) == "checked")
        }
    }

    @Test("The boolean attribute check answers as libxml2's htmlIsBooleanAttr, in any case")
    func booleanNames() {
        let names = ["checked", "compact", "declare", "defer", "disabled", "ismap", "multiple", "nohref", "noresize",
                     "noshade", "nowrap", "readonly", "selected", "CHECKED", "Defer", "deferr", "defe", "async", "hidden",
                     "controls", "autoplay", "itemscope", "selecte", "selectedx", "nowrap0", "ismap-", "a", "DISABLED"]
        for name in names {
            let bytes = Array(name.utf8)
            let ours = bytes.withUnsafeBufferPointer { AttributeShortcut.isBooleanAttribute($0.baseAddress!, $0.count) }
            let lower = Array(name.lowercased().utf8) + [0]
            let theirs = lower.withUnsafeBufferPointer { htmlIsBooleanAttr($0.baseAddress!) != 0 }
            #expect(ours == theirs, "\(name)")
        }
    }

    @Test("Repeated, odd and cut value-less attributes give libxml2's tree (left to it where it reads them otherwise)")
    func awkwardTags() throws {
        let cases = [
            "<div a a>x</div>", "<div a b=\"1\" A>x</div>", "<div hidden hidden=\"no\">x</div>", "<div defer DEFER>x</div>",
            "<div a/>x", "<div a / >x</div>", "<div a\u{0}b>x</div>", "<div a=>x</div>", "<div a =\n>x</div>",
            "<div \(String(repeating: "n", count: 120))>x</div>", "<div a b c d e f g h i j k l>x</div>",
            "<div a", "<div a>", "<div checked", "<p a><p b>x", "<span ismap>\u{FFFE}</span>", "<div a>\u{0}b</div>",
            "<ul><li selected>a<li nowrap>b</ul>", "<table><tr><td nowrap>a<td nowrap>b</table>",
            "<div a><script async src=\"/s.js\"></script><script defer>var a = '<script>';</script></div>",
            "<div a><script type=\"text/x-template\" async><div x>y</div></script></div>",
        ]
        for c in cases { try check(page(c), c) }
    }
}
