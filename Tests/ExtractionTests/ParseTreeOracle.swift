import CLibXML2
@testable import Extraction
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The parse stage as it was before the SAX builder: `htmlReadMemory` builds libxml2's own tree,
/// one pre-order walk copies it into an ``HTMLDocument``. Kept as the reference the SAX builder must
/// reproduce exactly (``ParseEquivalenceTests``); not used by the extractor.
enum ParseTreeOracle {
    static func parse(utf8: [UInt8], maxNodes: Int = 1_000_000, maxDepth: Int = 512) -> HTMLDocument? {
        newsflow_xml_silence_errors()
        let docPtr: htmlDocPtr? = utf8.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { c in
                htmlReadMemory(c.baseAddress, Int32(c.count), nil, "UTF-8", HTMLParser.options)
            }
        }
        guard let docPtr else { return nil }
        defer { xmlFreeDoc(docPtr) }
        var w = Walker(maxDepth: maxDepth)
        w.walk(UnsafeMutableRawPointer(docPtr).assumingMemoryBound(to: xmlNode.self))
        guard w.kinds.count <= maxNodes else { return nil }
        return HTMLDocument(
            kinds: w.kinds, tags: w.tags, parents: w.parents, ends: w.ends, nextSiblings: w.nextSiblings,
            depths: w.depths, dataStart: w.dataStart, dataEnd: w.dataEnd, bytes: w.bytes, attributeRecords: w.attrs,
            otherNames: w.otherNames)
    }

    struct Walker {
        let maxDepth: Int
        var kinds: [NodeKind] = []
        var tags: [HTMLTag] = []
        var parents: [Int32] = []
        var ends: [Int32] = []
        var nextSiblings: [Int32] = []
        var lastChild: [Int32] = []
        var depths: [UInt16] = []
        var dataStart: [Int32] = []
        var dataEnd: [Int32] = []
        var bytes: [UInt8] = []
        var attrs: [HTMLDocument.AttributeRecord] = []
        var otherNames: [Int32: String] = [:]

        mutating func add(kind: NodeKind, tag: HTMLTag, parent: Int32, depth: Int) -> Int32 {
            let id = Int32(kinds.count)
            kinds.append(kind); tags.append(tag); parents.append(parent); ends.append(id + 1)
            nextSiblings.append(-1); lastChild.append(-1); depths.append(UInt16(min(depth, Int(UInt16.max))))
            dataStart.append(0); dataEnd.append(0)
            if parent >= 0 {
                let p = Int(parent)
                if lastChild[p] >= 0 { nextSiblings[Int(lastChild[p])] = id }
                lastChild[p] = id
            }
            return id
        }

        mutating func appendCString(_ p: UnsafePointer<xmlChar>?) -> (Int32, Int32) {
            let start = Int32(bytes.count)
            guard let p else { return (start, start) }
            let len = strlen(UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self))
            bytes.append(contentsOf: UnsafeBufferPointer(start: p, count: len))
            return (start, Int32(bytes.count))
        }

        mutating func walk(_ docNode: xmlNodePtr) {
            _ = add(kind: .document, tag: .other, parent: -1, depth: 0)
            var open: [Int32] = [0]
            var createdPath: [Bool] = []
            var cur: xmlNodePtr? = docNode.pointee.children
            while let node = cur {
                let parent = open[open.count - 1]
                var descend = false
                switch node.pointee.type {
                case XML_ELEMENT_NODE:
                    let depth = open.count
                    if depth <= maxDepth, let name = node.pointee.name {
                        let str = String(cString: UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))
                        let tag = HTMLTag(name: str)
                        let id = add(kind: .element, tag: tag, parent: parent, depth: depth)
                        if tag == .other { otherNames[id] = str }
                        let aStart = Int32(attrs.count)
                        var a = node.pointee.properties
                        while let attr = a {
                            let (ns, ne) = appendCString(attr.pointee.name)
                            let vs: Int32, ve: Int32
                            if let t = attr.pointee.children, t.pointee.next == nil {
                                (vs, ve) = appendCString(t.pointee.content)
                            } else if let v = xmlNodeListGetString(node.pointee.doc, attr.pointee.children, 1) {
                                (vs, ve) = appendCString(v)
                                newsflow_xmlFree(v)
                            } else {
                                (vs, ve) = (Int32(bytes.count), Int32(bytes.count))
                            }
                            attrs.append(.init(nameStart: ns, nameEnd: ne, valueStart: vs, valueEnd: ve))
                            a = attr.pointee.next
                        }
                        dataStart[Int(id)] = aStart
                        dataEnd[Int(id)] = Int32(attrs.count)
                        if node.pointee.children != nil { open.append(id); createdPath.append(true); descend = true }
                    } else if node.pointee.children != nil {
                        createdPath.append(false); descend = true
                    }
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = node.pointee.content, content.pointee != 0 {
                        let id = add(kind: .text, tag: .other, parent: parent, depth: open.count)
                        let (s, e) = appendCString(content)
                        dataStart[Int(id)] = s
                        dataEnd[Int(id)] = e
                    }
                default:
                    break
                }
                if descend {
                    cur = node.pointee.children
                    continue
                }
                var n: xmlNodePtr? = node
                while let x = n, x.pointee.next == nil {
                    n = x.pointee.parent
                    if n == nil || n == docNode { n = nil; break }
                    if createdPath.removeLast() {
                        let id = open.removeLast()
                        ends[Int(id)] = Int32(kinds.count)
                    }
                }
                guard let x = n else { break }
                cur = x.pointee.next
            }
            while open.count > 1 { ends[Int(open.removeLast())] = Int32(kinds.count) }
            ends[0] = Int32(kinds.count)
        }
    }

    /// The first difference between two documents (node by node, then every attribute's name and
    /// value bytes), or nil. Where the bytes lie in the buffer may differ (the parser's shortcuts
    /// store attribute values before their names); what they are may not.
    /// Parses `html` with the shortcuts and expects libxml2's own tree of it (of its bytes with the
    /// attribute names repaired, as ``HTMLParser`` parses them); returns the shortcut report, so that a
    /// suite can also check which shortcuts were taken. `label` names the case in a failure.
    @discardableResult
    static func expectSameTree(_ html: String, _ label: String,
                               sourceLocation: SourceLocation = #_sourceLocation) throws -> HTMLParser.ShortcutReport {
        let bytes = Array(html.utf8)
        let expected = try #require(parse(utf8: AttributeNameRepair.repaired(bytes) ?? bytes), "\(label): oracle failed",
                                    sourceLocation: sourceLocation)
        let (doc, report) = try HTMLParser().parseReporting(utf8: bytes, wellFormed: false)
        let found = Self.difference(expected, doc)
        #expect(found == nil, "\(label): \(found ?? "")", sourceLocation: sourceLocation)
        return report
    }

    static func difference(_ a: HTMLDocument, _ b: HTMLDocument) -> String? {
        if a.count != b.count { return "node count \(a.count) vs \(b.count)" + firstNodeDifference(a, b) }
        let d = firstNodeDifference(a, b)
        if !d.isEmpty { return d }
        if a.attributeRecords.count != b.attributeRecords.count { return "attribute count differs" }
        for i in 0..<a.attributeRecords.count {
            let x = a.attributeRecords[i], y = b.attributeRecords[i]
            if a.bytes[Int(x.nameStart)..<Int(x.nameEnd)] != b.bytes[Int(y.nameStart)..<Int(y.nameEnd)]
                || a.bytes[Int(x.valueStart)..<Int(x.valueEnd)] != b.bytes[Int(y.valueStart)..<Int(y.valueEnd)] {
                return "attribute record \(i) differs"
            }
        }
        return nil
    }

    static func firstNodeDifference(_ a: HTMLDocument, _ b: HTMLDocument) -> String {
        for i in 0..<min(a.count, b.count) {
            let n = NodeID(i)
            let same = a.kinds[i] == b.kinds[i] && a.tags[i] == b.tags[i] && a.parents[i] == b.parents[i]
                && a.ends[i] == b.ends[i] && a.nextSiblings[i] == b.nextSiblings[i] && a.depths[i] == b.depths[i]
                && a.tagName(n) == b.tagName(n) && a.text(n) == b.text(n)
                && a.attributes(of: n).map { "\($0.name)=\($0.value)" } == b.attributes(of: n).map { "\($0.name)=\($0.value)" }
            if !same {
                func describe(_ d: HTMLDocument) -> String {
                    "\(d.kinds[i]) <\(d.tagName(n)) \(d.attributes(of: n).map { "\($0.name)=\($0.value.debugDescription)" })>"
                        + " \(d.text(n).prefix(40).debugDescription) end \(d.ends[i]) parent \(d.parents[i])"
                }
                return " first at node \(i): \(describe(a)) vs \(describe(b))"
            }
        }
        return ""
    }
}
