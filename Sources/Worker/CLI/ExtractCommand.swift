import ArgumentParser
import Dispatch
import Extraction
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Schemas

/// `newsflow extract`: offline extraction, no broker.
///
/// - `newsflow extract FILE` or `newsflow extract https://…` prints one record.
/// - `newsflow extract --stdin` reads RawPage envelopes as JSON Lines and writes one JSON line per
///   input line, in the same order; an input that fails gives `{"error": "…"}` on its line.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract article records offline (no broker).",
        discussion: """
            With a FILE or URL argument, prints the record of that page. With --stdin, reads RawPage \
            envelopes ({"url": …, "html": … | "body_base64": …}) as JSON Lines and writes one record \
            (or {"error": …}) per line, in input order, using every core.
            """
    )

    @Argument(help: "A file with the page bytes, or an http(s) URL to fetch.")
    var page: String?

    @Flag(help: "Read RawPage envelopes as JSON Lines from standard input.")
    var stdin = false

    @Option(help: "The page's URL, when extracting a FILE (default: file:// URL of the file).")
    var url: String?

    @Option(help: "Extraction threads for --stdin (default: number of cores).")
    var concurrency: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Pretty-print the record (single page only).")
    var pretty = false

    func validate() throws {
        if stdin == (page != nil) {
            throw ValidationError("give either a FILE/URL argument or --stdin")
        }
        if concurrency < 1 { throw ValidationError("--concurrency must be at least 1") }
    }

    func run() async throws {
        if stdin {
            try JSONLinesExtraction(concurrency: concurrency).run(input: FileHandle.standardInput, output: FileHandle.standardOutput)
            return
        }
        guard let page else { return }
        let raw = try await load(page)
        let record: ArticleRecord
        do {
            record = try ArticleExtractor().extract(raw)
        } catch {
            throw CleanExit.message("error: \(error)")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        FileHandle.standardOutput.write(try encoder.encode(record))
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    private func load(_ page: String) async throws -> RawPage {
        if page.hasPrefix("http://") || page.hasPrefix("https://") {
            guard let u = URL(string: page) else { throw ValidationError("not a URL: \(page)") }
            let (data, response) = try await URLSession.shared.data(from: u)
            var headers: [String: String] = [:]
            var status: Int?
            if let http = response as? HTTPURLResponse {
                status = http.statusCode
                for (k, v) in http.allHeaderFields { headers["\(k)".lowercased()] = "\(v)" }
            }
            return RawPage(url: url ?? page, body: Array(data), headers: headers, status: status)
        }
        guard let data = FileManager.default.contents(atPath: page) else {
            throw ValidationError("cannot read \(page)")
        }
        let fileURL = URL(fileURLWithPath: page).absoluteString
        return RawPage(url: url ?? fileURL, body: Array(data))
    }
}

/// The `extract --stdin` loop: JSON Lines in, JSON Lines out, same order, all cores.
struct JSONLinesExtraction: Sendable {
    var concurrency: Int
    var extractor = ArticleExtractor()
    /// Lines processed together; output is written after each batch.
    var batchSize = 64

    func run(input: FileHandle, output: FileHandle) throws {
        var reader = LineReader(handle: input)
        while true {
            var batch: [[UInt8]] = []
            while batch.count < batchSize, let line = reader.next() { batch.append(line) }
            if batch.isEmpty { break }
            let results = processBatch(batch)
            var out: [UInt8] = []
            for r in results { out.append(contentsOf: r); out.append(0x0A) }
            output.write(Data(out))
        }
    }

    /// One output line per input line, in order.
    func processBatch(_ lines: [[UInt8]]) -> [[UInt8]] {
        let results = ResultSlots(count: lines.count)
        let workers = max(1, min(concurrency, lines.count))
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var i = w
            while i < lines.count {
                results.set(i, processLine(lines[i]))
                i += workers
            }
        }
        return results.values
    }

    func processLine(_ line: [UInt8]) -> [UInt8] {
        do {
            let page = try JSONDecoder().decode(RawPage.self, from: Data(line))
            let record = try extractor.extract(page)
            return try RecordCoding.encode(record)
        } catch let error as DecodingError {
            return Self.errorLine("invalid envelope: \(error)")
        } catch {
            return Self.errorLine("\(error)")
        }
    }

    static func errorLine(_ message: String) -> [UInt8] {
        (try? RecordCoding.encode(["error": message])) ?? Array(#"{"error":"unknown"}"#.utf8)
    }
}

/// Fixed slots written by index from several threads (each index by exactly one thread).
private final class ResultSlots: @unchecked Sendable {
    private var storage: [[UInt8]]
    private let lock = NSLock()
    init(count: Int) { storage = Array(repeating: [], count: count) }
    func set(_ i: Int, _ v: [UInt8]) {
        lock.lock(); storage[i] = v; lock.unlock()
    }
    var values: [[UInt8]] { lock.lock(); defer { lock.unlock() }; return storage }
}

/// Reads newline-separated lines of any length from a file handle.
struct LineReader {
    let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var eof = false

    init(handle: FileHandle) { self.handle = handle }

    mutating func next() -> [UInt8]? {
        while true {
            if let nl = buffer[start...].firstIndex(of: 0x0A) {
                let line = Array(buffer[start..<nl])
                start = nl + 1
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
                return line
            }
            if eof {
                guard start < buffer.count else { return nil }
                let line = Array(buffer[start...])
                start = buffer.count
                return line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) ? nil : line
            }
            if start > 0 { buffer.removeFirst(start); start = 0 }
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { eof = true } else { buffer.append(contentsOf: chunk) }
        }
    }
}
