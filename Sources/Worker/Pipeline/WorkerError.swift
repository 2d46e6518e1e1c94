/// An error that stops the worker.
struct WorkerError: Error, CustomStringConvertible, Sendable {
    struct Code: Hashable, Sendable, CustomStringConvertible {
        let rawValue: String
        static let fatal = Code(rawValue: "fatal")
        static let setup = Code(rawValue: "setup")
        var description: String { rawValue }
    }
    var code: Code
    var message: String
    init(_ code: Code, _ message: String) { self.code = code; self.message = message }
    var description: String { "\(code): \(message)" }
}
