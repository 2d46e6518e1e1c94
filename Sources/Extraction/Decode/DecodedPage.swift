/// A page's bytes after the decode stage: UTF-8, Unicode NFC, no NUL bytes.
public struct DecodedPage: Sendable {
    /// The document as UTF-8 (NFC normalised, NUL bytes removed).
    public var utf8: [UInt8]
    /// The charset the bytes were decoded from (lower-case label, e.g. `utf-8`, `windows-1252`).
    public var charset: String
    /// Where the charset came from.
    public var source: CharsetSource

    public init(utf8: [UInt8], charset: String, source: CharsetSource) {
        self.utf8 = utf8
        self.charset = charset
        self.source = source
    }

    /// How the charset of a page was decided, in order of precedence.
    public enum CharsetSource: String, Sendable, Equatable {
        /// The page came as text (`html` in the envelope), already UTF-8.
        case text
        /// A byte-order mark.
        case byteOrderMark
        /// The `charset` parameter of the HTTP `content-type` header.
        case httpHeader
        /// The bytes are (almost entirely) valid UTF-8 with multi-byte sequences, whatever the page declares.
        case utf8Validation
        /// `<meta charset>` or `<meta http-equiv="content-type">` in the first bytes of the page.
        case metaDeclaration
        /// Nothing said otherwise: windows-1252, as browsers do.
        case fallback
    }
}
