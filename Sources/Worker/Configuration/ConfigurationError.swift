/// A configuration value that cannot be used, found before the worker starts.
struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    /// What kind of problem it is.
    struct Code: Hashable, Sendable, CustomStringConvertible {
        let rawValue: String
        static let invalidValue = Code(rawValue: "invalid_value")
        static let unreadableFile = Code(rawValue: "unreadable_file")
        static let unknownKey = Code(rawValue: "unknown_key")
        var description: String { rawValue }
    }

    var code: Code
    var message: String

    init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    var description: String { "configuration error (\(code)): \(message)" }
}
