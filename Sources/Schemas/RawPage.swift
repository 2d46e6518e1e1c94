import Foundation

/// The input of the pipeline: one fetched page, as a crawler saw it (envelope `rawpage/v1`).
///
/// On the wire a Kafka value is either this envelope as JSON, or the raw page bytes themselves with
/// the Kafka headers `url` (required), `content-type` and `fetched-at`. ``RawPage/decode(value:headers:)``
/// accepts both forms.
///
/// JSON form (see `Resources/rawpage.v1.schema.json`):
/// ```json
/// {"url": "https://…", "fetched_at": "2024-12-27T15:00:00Z", "status": 200,
///  "headers": {"content-type": "text/html; charset=utf-8"}, "html": "<html>…"}
/// ```
/// Exactly one of `html` (text) and `body_base64` (bytes as fetched) is present.
public struct RawPage: Codable, Sendable, Hashable {
    /// The URL the page was fetched from (required).
    public var url: String
    /// When the crawler fetched the page (RFC 3339), if known.
    public var fetchedAt: String?
    /// The HTTP status code, if known.
    public var status: Int?
    /// HTTP response headers, names in lower case.
    public var headers: [String: String]
    /// The page as bytes, exactly as fetched.
    public var body: [UInt8]
    /// True when the body came as text (`html`), so its encoding is already UTF-8.
    public var bodyIsText: Bool

    public init(
        url: String,
        body: [UInt8],
        bodyIsText: Bool = false,
        headers: [String: String] = [:],
        fetchedAt: String? = nil,
        status: Int? = nil
    ) {
        self.url = url
        self.body = body
        self.bodyIsText = bodyIsText
        self.headers = headers
        self.fetchedAt = fetchedAt
        self.status = status
    }

    /// The `content-type` response header, if any.
    public var contentType: String? { headers["content-type"] }

    // MARK: Codable

    enum CodingKeys: String, CodingKey {
        case url
        case fetchedAt = "fetched_at"
        case status
        case headers
        case html
        case bodyBase64 = "body_base64"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.url = try c.decode(String.self, forKey: .url)
        self.fetchedAt = try c.decodeIfPresent(String.self, forKey: .fetchedAt)
        self.status = try c.decodeIfPresent(Int.self, forKey: .status)
        let raw = try c.decodeIfPresent([String: String].self, forKey: .headers) ?? [:]
        var lowered: [String: String] = [:]
        for (k, v) in raw { lowered[k.lowercased()] = v }
        self.headers = lowered
        let html = try c.decodeIfPresent(String.self, forKey: .html)
        let b64 = try c.decodeIfPresent(String.self, forKey: .bodyBase64)
        switch (html, b64) {
        case let (html?, nil):
            self.body = Array(html.utf8)
            self.bodyIsText = true
        case let (nil, b64?):
            guard let data = Data(base64Encoded: b64, options: .ignoreUnknownCharacters) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .bodyBase64, in: c, debugDescription: "body_base64 is not valid base64")
            }
            self.body = Array(data)
            self.bodyIsText = false
        case (nil, nil):
            throw DecodingError.dataCorruptedError(
                forKey: .html, in: c, debugDescription: "one of html or body_base64 is required")
        case (_?, _?):
            throw DecodingError.dataCorruptedError(
                forKey: .html, in: c, debugDescription: "only one of html and body_base64 may be present")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(url, forKey: .url)
        try c.encodeIfPresent(fetchedAt, forKey: .fetchedAt)
        try c.encodeIfPresent(status, forKey: .status)
        try c.encode(headers, forKey: .headers)
        if bodyIsText, let text = String(validating: body, as: UTF8.self) {
            try c.encode(text, forKey: .html)
        } else {
            try c.encode(Data(body).base64EncodedString(), forKey: .bodyBase64)
        }
    }
}

// MARK: - Kafka message forms

extension RawPage {
    /// Why a Kafka message could not be read as a page.
    public struct EnvelopeError: Error, Sendable, CustomStringConvertible {
        public var message: String
        public init(_ message: String) { self.message = message }
        public var description: String { message }
    }

    /// Reads a page from a Kafka message in either accepted form.
    ///
    /// - A value that starts (after white space) with `{` and decodes as a ``RawPage`` envelope is one.
    /// - Otherwise the value is the raw page, and the `url` header is required; `content-type` and
    ///   `fetched-at` headers are used when present.
    /// - Parameters:
    ///   - value: the message value.
    ///   - headers: the message headers, in order (names compared case-insensitively).
    public static func decode(value: [UInt8], headers: [(key: String, value: [UInt8])]) throws(EnvelopeError) -> RawPage {
        func header(_ name: String) -> String? {
            for h in headers where h.key.lowercased() == name {
                return String(decoding: h.value, as: UTF8.self)
            }
            return nil
        }
        let headerURL = header("url")
        if let first = value.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }), first == UInt8(ascii: "{") {
            do {
                return try JSONDecoder().decode(RawPage.self, from: Data(value))
            } catch {
                // A JSON-looking value without a url header can only be a (broken) envelope.
                if headerURL == nil {
                    throw EnvelopeError("value is not a valid rawpage/v1 envelope: \(Self.describe(error))")
                }
            }
        }
        guard let url = headerURL, !url.isEmpty else {
            if value.isEmpty { throw EnvelopeError("empty message without a url header") }
            throw EnvelopeError("raw page message has no `url` header (and the value is not a rawpage/v1 envelope)")
        }
        var pageHeaders: [String: String] = [:]
        if let ct = header("content-type") { pageHeaders["content-type"] = ct }
        return RawPage(url: url, body: value, bodyIsText: false, headers: pageHeaders, fetchedAt: header("fetched-at"))
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let ctx): return ctx.debugDescription
        case DecodingError.keyNotFound(let key, _): return "missing key \(key.stringValue)"
        case DecodingError.typeMismatch(_, let ctx): return "wrong type at \(ctx.codingPath.map(\.stringValue).joined(separator: ".")): \(ctx.debugDescription)"
        case DecodingError.valueNotFound(_, let ctx): return "null at \(ctx.codingPath.map(\.stringValue).joined(separator: "."))"
        default: return "\(error)"
        }
    }
}
