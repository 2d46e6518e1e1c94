import Foundation
import Prometheus
import Schemas

/// The worker's Prometheus metrics, served at `/metrics`.
///
/// | name | type | meaning |
/// |---|---|---|
/// | newsflow_pages_consumed_total | counter | input messages taken from Kafka |
/// | newsflow_records_produced_total | counter | article records acknowledged by the broker |
/// | newsflow_dead_letters_total{kind} | counter | dead letters acknowledged, by error kind |
/// | newsflow_extraction_seconds | histogram | time to turn one page into a record |
/// | newsflow_in_flight_pages | gauge | pages consumed but not yet committed |
/// | newsflow_consumer_lag_messages{topic,partition} | gauge | high watermark minus consumer position |
/// | newsflow_committed_offset{topic,partition} | gauge | last offset stored for commit |
/// | newsflow_rebalances_total{kind} | counter | assignments, revocations and losses |
/// | newsflow_produce_retries_total | counter | transient produce errors retried |
final class WorkerMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    let pagesConsumed: Counter
    let recordsProduced: Counter
    let extractionSeconds: DurationHistogram
    let inFlight: Gauge
    let produceRetries: Counter
    private let deadLetters: [DeadLetter.ErrorKind: Counter]
    private let committedGauges = GaugeCache()

    /// `newsflow_<name>_<unit>` with its help text.
    static func name(_ name: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "newsflow", metricName: name, unitName: unit, helpText: help)
    }

    init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        pagesConsumed = registry.makeCounter(descriptor: Self.name("pages_consumed", "total", "Input messages taken from Kafka."))
        recordsProduced = registry.makeCounter(descriptor: Self.name("records_produced", "total", "Article records acknowledged by the broker."))
        extractionSeconds = registry.makeDurationHistogram(
            descriptor: Self.name("extraction", "seconds", "Time to turn one page into a record or dead letter."),
            buckets: [.microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
                      .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .seconds(1), .seconds(5)])
        inFlight = registry.makeGauge(descriptor: Self.name("in_flight", "pages", "Pages consumed but not yet committed."))
        produceRetries = registry.makeCounter(descriptor: Self.name("produce_retries", "total", "Transient produce errors retried."))
        var dl: [DeadLetter.ErrorKind: Counter] = [:]
        for kind in DeadLetter.ErrorKind.allCases {
            dl[kind] = registry.makeCounter(descriptor: Self.name("dead_letters", "total", "Dead letters acknowledged, by error kind."), labels: [("kind", kind.rawValue)])
        }
        deadLetters = dl
    }

    func deadLetter(_ kind: DeadLetter.ErrorKind) { deadLetters[kind]?.increment() }

    func rebalance(_ kind: String) {
        registry.makeCounter(descriptor: Self.name("rebalances", "total", "Partition assignments, revocations and losses."), labels: [("kind", kind)]).increment()
    }

    func lag(topic: String, partition: Int32, _ value: Int64) {
        registry.makeGauge(descriptor: Self.name("consumer_lag", "messages", "High watermark minus committed offset."), labels: [("topic", topic), ("partition", String(partition))]).set(value)
    }

    /// Called for every stored offset (the hot path): the gauge of each partition is looked up in
    /// the registry once and kept.
    func committed(topic: String, partition: Int32, _ offset: Int64) {
        let key = "\(topic)\u{0}\(partition)"
        committedGauges.gauge(key) {
            registry.makeGauge(descriptor: Self.name("committed", "offset", "Last offset stored for commit."), labels: [("topic", topic), ("partition", String(partition))])
        }.set(offset)
    }

    /// The Prometheus text exposition of every metric.
    func exposition() -> [UInt8] {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return buffer
    }
}

/// Gauges by key, created once.
private final class GaugeCache: @unchecked Sendable {
    private let lock = NSLock()
    private var gauges: [String: Gauge] = [:]

    func gauge(_ key: String, make: () -> Gauge) -> Gauge {
        lock.lock(); defer { lock.unlock() }
        if let g = gauges[key] { return g }
        let g = make()
        gauges[key] = g
        return g
    }
}
