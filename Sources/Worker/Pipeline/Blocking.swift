import Dispatch

/// Runs blocking calls (librdkafka's synchronous APIs: transactions, commits, metadata) on a
/// dedicated dispatch queue instead of a thread of Swift's cooperative pool.
enum Blocking {
    private static let queue = DispatchQueue(label: "newsflow.blocking", qos: .userInitiated, attributes: .concurrent)

    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                do { continuation.resume(returning: try body()) } catch { continuation.resume(throwing: error) }
            }
        }
    }

    static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: body()) }
        }
    }
}
