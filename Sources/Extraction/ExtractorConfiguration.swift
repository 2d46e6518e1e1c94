/// Limits and switches of an ``ArticleExtractor``. A value type; every field has a documented default.
public struct ExtractorConfiguration: Sendable, Equatable {
    /// Pages with more bytes than this are refused with ``ExtractionError/Code/tooLarge``.
    /// Default: 16 MiB.
    public var maxInputBytes: Int = 16 * 1024 * 1024

    /// Documents with more DOM nodes (elements and text nodes) than this are refused with
    /// ``ExtractionError/Code/treeTooLarge``. Default: 1,000,000 (a large real page has ~20,000).
    public var maxNodes: Int = 1_000_000

    /// Elements nested deeper than this are flattened: their text is kept and attached to the
    /// ancestor at this depth, but they do not become elements of the DOM. Default: 512.
    public var maxDepth: Int = 512

    /// The wall-clock budget of one extraction; exceeding it fails with
    /// ``ExtractionError/Code/timeLimit``. Checked between stages and while walking the tree.
    /// Default: 5 seconds (a typical page takes a few milliseconds).
    public var timeBudget: Duration = .seconds(5)

    public init() {}
}
