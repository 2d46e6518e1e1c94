import Schemas

/// The one entry point of extraction: a ``Schemas/RawPage`` in, an ``Schemas/ArticleRecord`` out.
///
/// Stages, each testable alone: ``PageDecoder`` → ``HTMLParser`` → metadata → ``ContentExtractor``
/// → fields → ``PageTypeClassifier`` → ``RecordAssembler``. The extractor is a value, `Sendable`
/// and reusable from any number of threads at once.
public struct ArticleExtractor: Sendable {
    public var configuration: ExtractorConfiguration

    public init(configuration: ExtractorConfiguration = .init()) {
        self.configuration = configuration
    }

    /// Extracts the record of `page`, or throws why not.
    public func extract(_ page: RawPage) throws(ExtractionError) -> ArticleRecord {
        let deadline = ContinuousClock.now.advanced(by: configuration.timeBudget)
        if page.body.count > configuration.maxInputBytes {
            throw ExtractionError(.tooLarge, "page of \(page.body.count) bytes exceeds the limit of \(configuration.maxInputBytes) bytes")
        }
        let decoded = try PageDecoder().decode(page.body, contentType: page.contentType, isText: page.bodyIsText)
        let document = try HTMLParser(configuration: configuration).parse(decoded, deadline: deadline)
        try Self.check(deadline, "parse")
        let content = ContentExtractor().extract(document, pageURL: page.url)
        try Self.check(deadline, "content")
        let metadata = MetadataExtractor().extract(document)
        let fields = FieldResolver().resolve(
            document: document, metadata: metadata,
            content: .init(headlineNode: content.headlineNode, paragraphs: content.blocks.map(\.text)), pageURL: page.url)
        var record = RecordAssembler().assemble(page: page, document: document, content: content)
        record.apply(fields)
        return record
    }

    static func check(_ deadline: ContinuousClock.Instant, _ stage: String) throws(ExtractionError) {
        if ContinuousClock.now > deadline {
            throw ExtractionError(.timeLimit, "time budget exceeded after the \(stage) stage")
        }
    }
}
