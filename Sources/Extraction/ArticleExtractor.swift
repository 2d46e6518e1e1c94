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
        let metadata = MetadataExtractor().extract(document)
        try Self.check(deadline, "metadata")
        var content = ContentExtractor().extract(
            document, pageURL: page.url, headlineHints: metadata.titles.map(\.value) + (metadata.htmlTitle.map { [$0] } ?? []))
        try Self.check(deadline, "content")
        let fields = FieldResolver().resolve(
            document: document, metadata: metadata,
            content: .init(headlineNode: content.headlineNode, paragraphs: content.blocks.map(\.text)), pageURL: page.url)
        let signals = PageTypeClassifier.Signals(metadata: metadata, fields: fields, url: page.url)
        let pageType = PageTypeClassifier().classify(document, content: content, signals: signals)
        content.blocks = BodyCleaner().clean(content.blocks, headline: fields.headline, caption: content.leadImage?.caption)
        let canonical = metadata.canonicalURLs.lazy.compactMap { CanonicalURL.resolve($0.value, against: page.url) }
            .first { $0.hasPrefix("http") }
        var record = RecordAssembler().assemble(page: page, document: document, content: content, canonicalURL: canonical)
        record.apply(fields)
        record.pageType = pageType
        return record
    }

    static func check(_ deadline: ContinuousClock.Instant, _ stage: String) throws(ExtractionError) {
        if ContinuousClock.now > deadline {
            throw ExtractionError(.timeLimit, "time budget exceeded after the \(stage) stage")
        }
    }
}
