/// The figures of one engine over one page set (written to the JSON the report reads).
struct Measurement: Codable {
    var engine: String
    var set: String
    var pages: Int
    var rounds: Int
    var inputBytes: Int
    var failures: Int
    var failureCodes: [String: Int]
    var seconds: Double
    var pagesPerSecond: Double
    var megabytesPerSecond: Double
    var p50Milliseconds: Double
    var p99Milliseconds: Double
    var maxMilliseconds: Double
    /// VmHWM during the measured rounds (reset before them), bytes.
    var peakRSSBytes: Int
    /// VmRSS just before the measured rounds (pages already in memory), bytes.
    var baselineRSSBytes: Int

    /// Times `body` over every page of `set`, `rounds` times, after `warmup` unmeasured rounds.
    /// `body` returns nil on success or a failure code.
    static func run(engine: String, set: PageSet, rounds: Int, warmup: Int,
                    body: (PageSet.Page) -> String?) -> Measurement {
        for _ in 0..<warmup { for page in set.pages { _ = body(page) } }
        let baseline = ProcessMemory.residentBytes
        ProcessMemory.resetPeak()
        var latencies: [Double] = []
        latencies.reserveCapacity(set.pages.count * rounds)
        var failures: [String: Int] = [:]
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<rounds {
            for page in set.pages {
                let t0 = clock.now
                let failure = body(page)
                latencies.append((clock.now - t0).seconds)
                if let failure { failures[failure, default: 0] += 1 }
            }
        }
        let elapsed = (clock.now - start).seconds
        let peak = ProcessMemory.peakResidentBytes
        latencies.sort()
        let n = latencies.count
        let bytes = set.totalBytes * rounds
        return Measurement(
            engine: engine, set: set.name, pages: set.pages.count, rounds: rounds, inputBytes: set.totalBytes,
            failures: failures.values.reduce(0, +), failureCodes: failures, seconds: elapsed,
            pagesPerSecond: Double(n) / elapsed, megabytesPerSecond: Double(bytes) / 1e6 / elapsed,
            p50Milliseconds: percentile(latencies, 0.50) * 1000, p99Milliseconds: percentile(latencies, 0.99) * 1000,
            maxMilliseconds: (latencies.last ?? 0) * 1000, peakRSSBytes: peak, baselineRSSBytes: baseline)
    }

    static func percentile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let index = min(sorted.count - 1, Int((q * Double(sorted.count)).rounded(.up)) - 1)
        return sorted[max(0, index)]
    }
}

extension Duration {
    var seconds: Double {
        let c = components
        return Double(c.seconds) + Double(c.attoseconds) * 1e-18
    }
}
