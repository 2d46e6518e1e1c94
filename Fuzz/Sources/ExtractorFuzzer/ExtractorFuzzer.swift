import Extraction
import Schemas

// MARK: - Input format

/// How one fuzz input becomes one ``Schemas/RawPage``.
///
/// The first byte selects the mode (its value modulo 4), so seed files can stay readable text
/// (`0`…`3` as the first character):
///
/// | mode | page |
/// |------|------|
/// | 0 | no headers; the body is the rest of the input |
/// | 1 | `content-type: text/html; charset=<line>`; the line is the bytes up to the first newline (at most 64 bytes), the body is what follows it |
/// | 2 | `content-type: <line>` (the whole header value fuzzed), same split as mode 1 |
/// | 3 | no headers; the body is the rest, passed as text (`bodyIsText`) when it is valid UTF-8, as the `html` envelope field would be |
///
/// The URL is fixed: URL handling is not what this target explores.
enum FuzzInput {
    static let url = "https://fuzz.test/page"
    static let maxHeaderLine = 64

    static func page(_ bytes: UnsafeBufferPointer<UInt8>) -> RawPage {
        guard let selector = bytes.first else { return RawPage(url: url, body: []) }
        let rest = UnsafeBufferPointer(rebasing: bytes[1...])
        switch selector % 4 {
        case 1, 2:
            let limit = min(rest.count, maxHeaderLine)
            let newline = rest[..<limit].firstIndex(of: 0x0A)
            let lineEnd = newline ?? limit
            let bodyStart = newline.map { $0 + 1 } ?? limit
            let line = String(decoding: rest[..<lineEnd], as: UTF8.self)
            let contentType = selector % 4 == 1 ? "text/html; charset=\(line)" : line
            return RawPage(url: url, body: Array(rest[bodyStart...]), headers: ["content-type": contentType])
        case 3:
            let body = Array(rest)
            let isText = String(validating: body, as: UTF8.self) != nil
            return RawPage(url: url, body: body, bodyIsText: isText)
        default:
            return RawPage(url: url, body: Array(rest))
        }
    }
}

// MARK: - libFuzzer entry point

/// Shared across calls: the extractor is a `Sendable` value meant to be reused.
let extractor = ArticleExtractor()

/// Called by libFuzzer once per input. Any crash, sanitizer report, leak or a call longer than
/// libFuzzer's `-timeout` is a finding; a thrown ``ExtractionError`` is a correct answer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let page = FuzzInput.page(UnsafeBufferPointer(start: data, count: size))
    do {
        let record = try extractor.extract(page)
        // The worker publishes every record it gets; one that cannot be encoded would be a bug.
        do {
            _ = try RecordCoding.encode(record)
        } catch {
            fatalError("record of a \(size)-byte input does not encode: \(error)")
        }
    } catch {
        // Refusing a page (empty, too large, unparseable, over the time budget) is fine.
        _ = error.code
    }
    return 0
}
