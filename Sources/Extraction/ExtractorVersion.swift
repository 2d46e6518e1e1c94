/// The version of the extractor, written into every record as `extractor_version`.
///
/// Bump it whenever a change can alter any record, so replays can tell old records from new.
public enum ExtractorVersion {
    public static let current = "0.1.0"
}
