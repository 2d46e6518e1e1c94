/// Why a page could not be turned into an ``Schemas/ArticleRecord``.
///
/// A struct with a ``code`` (stable, for metrics and dead-letter kinds) and a human-readable
/// ``message``, in the style of swift-kafka-client's errors.
public struct ExtractionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure.
    public var code: Code
    /// What went wrong, for people.
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }

    // MARK: Codes

    /// A stable error code. New codes may be added; switch over it with a `default` case.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code's name, as written in logs and metrics labels.
        public let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// The page has no bytes, or no content at all after decoding.
        public static let empty = Code("empty")
        /// The page is larger than ``ExtractorConfiguration/maxInputBytes``.
        public static let tooLarge = Code("too_large")
        /// The bytes are not HTML (binary data) or libxml2 could not build a document.
        public static let unparseable = Code("unparseable")
        /// The document has more nodes than ``ExtractorConfiguration/maxNodes``.
        public static let treeTooLarge = Code("tree_too_large")
        /// Extraction took longer than ``ExtractorConfiguration/timeBudget``.
        public static let timeLimit = Code("time_limit")
        /// The page's URL is not usable (empty or not absolute).
        public static let invalidURL = Code("invalid_url")
    }
}
