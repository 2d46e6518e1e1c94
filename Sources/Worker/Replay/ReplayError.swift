/// An error of `newsflow replay`, with a code for scripts and tests.
struct ReplayError: Error, Sendable, CustomStringConvertible {
    enum Code: String, Sendable {
        /// A `--from`, `--to` or `--partitions` value could not be parsed.
        case invalidBoundary = "invalid_boundary"
        /// The options are inconsistent (e.g. the replay group is the live group).
        case invalidOptions = "invalid_options"
        /// The broker could not be asked or did not answer as expected.
        case broker
        /// Processing stopped on a fatal error.
        case fatal
    }

    var code: Code
    var message: String

    init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    var description: String { message }
}
