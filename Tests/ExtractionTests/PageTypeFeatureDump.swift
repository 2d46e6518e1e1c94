import Foundation
import Schemas
import Testing
@testable import Extraction

/// A training aid, not a check of behaviour: writes the ``PageTypeFeatures`` of pages given as
/// envelope JSON Lines (`{"url", "body_base64"}`, as `newsflow extract --stdin` reads them) to JSON
/// Lines, one `{"features": {name: value}, "certain": type or null}` per input line (`certain`: the
/// type markup decides alone, before the model), for `scripts/train-page-type`.
/// Runs only when `NEWSFLOW_PAGE_TYPE_DUMP_IN` and `NEWSFLOW_PAGE_TYPE_DUMP_OUT` name the files.
@Suite("Page-type feature dump")
struct PageTypeFeatureDump {
    static let input = ProcessInfo.processInfo.environment["NEWSFLOW_PAGE_TYPE_DUMP_IN"]
    static let output = ProcessInfo.processInfo.environment["NEWSFLOW_PAGE_TYPE_DUMP_OUT"]

    @Test("Dumps page-type features for the training script (skipped unless NEWSFLOW_PAGE_TYPE_DUMP_IN/OUT are set)",
          .enabled(if: input != nil && output != nil, "a training aid: set NEWSFLOW_PAGE_TYPE_DUMP_IN and _OUT to run it"))
    func dump() throws {
        let lines = try String(contentsOfFile: Self.input!, encoding: .utf8).split(separator: "\n")
        var out = ""
        for line in lines {
            let envelope = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            let url = envelope["url"] as? String ?? ""
            let body = Data(base64Encoded: envelope["body_base64"] as? String ?? "") ?? Data()
            var row: [String: Any] = [:]
            do {
                let (f, signals) = try Self.features(RawPage(url: url, body: Array(body)))
                row["features"] = Dictionary(uniqueKeysWithValues: zip(PageTypeFeatures.names, f.values))
                row["certain"] = PageTypeClassifier.certainType(f, signals: signals)?.rawValue ?? NSNull()
            } catch {
                row["error"] = "\(error)"
            }
            out += String(decoding: try JSONSerialization.data(withJSONObject: row, options: [.sortedKeys]), as: UTF8.self) + "\n"
        }
        try out.write(toFile: Self.output!, atomically: true, encoding: .utf8)
        #expect(out.split(separator: "\n").count == lines.count)
    }

    /// The stages of ``ArticleExtractor/extract(_:)`` up to the page-type stage, as it runs them.
    static func features(_ page: RawPage) throws -> (PageTypeFeatures, PageTypeClassifier.Signals) {
        let configuration = ExtractorConfiguration()
        let deadline = ContinuousClock.now.advanced(by: configuration.timeBudget)
        let decoded = try PageDecoder().decode(page.body, contentType: page.contentType, isText: page.bodyIsText)
        let document = try HTMLParser(configuration: configuration).parse(decoded, deadline: deadline)
        let metadata = MetadataExtractor().extract(document)
        let content = ContentExtractor().extract(
            document, pageURL: page.url, headlineHints: metadata.titles.map(\.value) + (metadata.htmlTitle.map { [$0] } ?? []))
        let fields = FieldResolver().resolve(
            document: document, metadata: metadata,
            content: .init(headlineNode: content.headlineNode, paragraphs: content.blocks.map(\.text)), pageURL: page.url)
        let signals = PageTypeClassifier.Signals(metadata: metadata, fields: fields, url: page.url)
        return (PageTypeFeatures(document, content: content, signals: signals), signals)
    }
}
