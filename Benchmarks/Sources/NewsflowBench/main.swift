import Extraction
import Foundation
import Schemas

// newsflow-bench: extraction and libxml2 parse-only rates on the calling thread (pin it to one core
// with `taskset -c N`), and the Bengali page generator. See Benchmarks/README.md.
//
//   newsflow-bench generate --out DIR [--count 200] [--min-bytes 50000] [--max-bytes 150000] [--seed S]
//   newsflow-bench run --set NAME=DIR [--set ...] [--rounds 3] [--warmup 1] [--limit N]
//                      [--engines parse,stage-parse,extract] [--json FILE]

let usage = """
usage: newsflow-bench generate --out DIR [--count N] [--min-bytes B] [--max-bytes B] [--seed S]
       newsflow-bench run --set NAME=DIR [--set NAME=DIR ...] [--rounds R] [--warmup W] [--limit N]
                          [--engines parse,stage-parse,extract] [--json FILE]
"""

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("newsflow-bench: \(message)\n\(usage)\n".utf8))
    exit(2)
}

/// `--key value` options (repeatable) after the subcommand.
func parseOptions(_ args: ArraySlice<String>) -> [String: [String]] {
    var options: [String: [String]] = [:]
    var i = args.startIndex
    while i < args.endIndex {
        let key = args[i]
        guard key.hasPrefix("--"), i + 1 < args.endIndex else { fail("bad argument \(key)") }
        options[String(key.dropFirst(2)), default: []].append(args[i + 1])
        i += 2
    }
    return options
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else { fail("missing subcommand") }
let options = parseOptions(arguments.dropFirst(2))
func int(_ key: String, _ fallback: Int) -> Int {
    guard let v = options[key]?.last else { return fallback }
    guard let n = Int(v) else { fail("--\(key) wants a number") }
    return n
}

switch arguments[1] {
case "generate":
    guard let out = options["out"]?.last else { fail("generate needs --out") }
    var generator = BengaliPageGenerator()
    generator.sizeRange = int("min-bytes", 50_000)...int("max-bytes", 150_000)
    if let s = options["seed"]?.last, let seed = UInt64(s) { generator.seed = seed }
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    let pages = generator.pages(count: int("count", 200))
    for (i, page) in pages.enumerated() {
        let stem = out + "/" + String(format: "bn%05d", i)
        try Data(page.html.utf8).write(to: URL(fileURLWithPath: stem + ".html"))
        try JSONSerialization.data(withJSONObject: ["url": page.url]).write(to: URL(fileURLWithPath: stem + ".json"))
    }
    let total = pages.reduce(0) { $0 + $1.html.utf8.count }
    print("generated \(pages.count) Bengali pages, \(total / max(1, pages.count)) bytes mean, in \(out)")

case "run":
    let specs = options["set"] ?? []
    guard !specs.isEmpty else { fail("run needs --set NAME=DIR") }
    let limit = options["limit"]?.last.flatMap { Int($0) }
    var sets: [PageSet] = []
    for spec in specs {
        let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { fail("--set wants NAME=DIR") }
        sets.append(try PageSet.load(name: parts[0], directory: parts[1], limit: limit))
    }
    let rounds = int("rounds", 3)
    let warmup = int("warmup", 1)
    let engines = (options["engines"]?.last ?? "parse,stage-parse,extract").split(separator: ",").map(String.init)
    ParseOnly.prepare()
    let extractor = ArticleExtractor()
    var results: [Measurement] = []
    for set in sets {
        for engine in engines {
            let m: Measurement
            switch engine {
            case "parse":
                m = Measurement.run(engine: "libxml2-parse", set: set, rounds: rounds, warmup: warmup) { page in
                    ParseOnly.parse(page.bytes) ? nil : "unparseable"
                }
            case "stage-parse":
                // newsflow's own decode and parse stages (libxml2 through its SAX interface and the
                // parse shortcuts), without metadata, content or fields.
                m = Measurement.run(engine: "newsflow-parse", set: set, rounds: rounds, warmup: warmup) { page in
                    do {
                        let decoded = try PageDecoder().decode(page.bytes, contentType: nil)
                        _ = try HTMLParser().parse(decoded)
                        return nil
                    } catch let error as ExtractionError {
                        return "\(error.code)"
                    } catch {
                        return "other"
                    }
                }
            case "extract":
                m = Measurement.run(engine: "newsflow-extract", set: set, rounds: rounds, warmup: warmup) { page in
                    do {
                        _ = try extractor.extract(RawPage(url: page.url, body: page.bytes))
                        return nil
                    } catch let error as ExtractionError {
                        return "\(error.code)"
                    } catch {
                        return "other"
                    }
                }
            default:
                fail("unknown engine \(engine)")
            }
            results.append(m)
            let head = m.engine.padding(toLength: 18, withPad: " ", startingAt: 0) + " "
                + m.set.padding(toLength: 16, withPad: " ", startingAt: 0)
            print(head + String(format: "%5d pages × %d  %8.1f pages/s  %7.2f MB/s  p50 %7.2f ms  p99 %7.2f ms  peak RSS %6.1f MB (before %6.1f)  failures %d",
                                m.pages, m.rounds, m.pagesPerSecond, m.megabytesPerSecond, m.p50Milliseconds,
                                m.p99Milliseconds, Double(m.peakRSSBytes) / 1e6, Double(m.baselineRSSBytes) / 1e6, m.failures))
        }
    }
    if let path = options["json"]?.last {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(results).write(to: URL(fileURLWithPath: path))
    }

default:
    fail("unknown subcommand \(arguments[1])")
}
