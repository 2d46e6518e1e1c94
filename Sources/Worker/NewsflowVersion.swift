import Extraction

/// The worker's version, printed by `newsflow --version` and written into dead letters.
enum NewsflowVersion {
    static let current = "0.1.0+extractor.\(ExtractorVersion.current)"
}
