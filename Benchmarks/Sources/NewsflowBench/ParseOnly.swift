import CLibXML2Bench

/// The ceiling for this design: libxml2's HTML parser alone (`htmlReadMemory` + `xmlFreeDoc`), with
/// the options `Extraction.HTMLParser` uses.
enum ParseOnly {
    static let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)

    static func prepare() {
        xmlInitParser()
        newsflow_bench_xml_silence_errors()
    }

    /// Parses and frees one page; returns false when libxml2 gave no document.
    @inline(never)
    static func parse(_ bytes: [UInt8]) -> Bool {
        let doc: htmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { c in
                htmlReadMemory(c.baseAddress, Int32(c.count), nil, "UTF-8", options)
            }
        }
        guard let doc else { return false }
        xmlFreeDoc(doc)
        return true
    }
}
