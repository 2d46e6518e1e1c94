import Foundation

/// Everything `newsflow run` needs, as one value with documented defaults.
///
/// Values come from flags, then environment variables (`NEWSFLOW_*`), then an optional env-file
/// (`--config`), then these defaults; see ``ConfigurationLoader``.
struct WorkerConfiguration: Sendable, Equatable {
    /// Kafka bootstrap servers. Default `127.0.0.1:9092` (the development broker).
    var brokers = "127.0.0.1:9092"
    /// Topic of raw pages. Default `pages.raw`.
    var inputTopic = "pages.raw"
    /// Topic of article records, keyed by record id (compacted). Default `articles.v1`.
    var outputTopic = "articles.v1"
    /// Dead-letter topic. Default `pages.raw.dlq`.
    var dlqTopic = "pages.raw.dlq"
    /// Consumer group. Default `newsflow`.
    var groupID = "newsflow"
    /// Kafka `client.id`. Default `newsflow`.
    var clientID = "newsflow"
    /// Extraction threads. Default: the number of cores.
    var concurrency = ProcessInfo.processInfo.activeProcessorCount
    /// Pages consumed but not yet committed, at most. Default 1024.
    ///
    /// A page stays in flight until its record is acknowledged and its offset can be committed
    /// (offsets commit in order), which takes the producer's 50 ms linger and the broker's round
    /// trip besides extraction: with 256 a worker on the development broker waited on full windows
    /// (646 msg/s, 1.2 of 2 cores busy); with 512–2048 it kept both cores busy (860–950 msg/s).
    /// Memory stays bounded by ``maxInFlightBytes``, which binds first for pages over 64 KB.
    var maxInFlight = 1024
    /// Bytes of in-flight pages, at most. Default 64 MiB. Pages fetched but not yet started are
    /// bounded too, over all partitions: half of this in the consumer's buffer (fetching pauses
    /// above it), plus what librdkafka holds, about three fetch responses of an eighth of this each
    /// (`fetch.max.bytes`, 8 MiB by default; see `KafkaConsumerConfiguration`). So the worker keeps
    /// at most about 2.4 × this many page bytes, however many partitions it owns.
    ///
    /// 64 MiB rather than 32: with 4 MiB fetch responses a worker on the development broker
    /// waited for pages (1.1 of 2 cores busy, 475 msg/s); with 8 MiB it kept its threads busy (1.4
    /// cores, 609 msg/s), and the peak RSS under a backlog of 2 MB pages went from 115 to 161 MB.
    var maxInFlightBytes = 64 << 20
    /// Pages larger than this go to the dead-letter topic as `too_large`. Default 16 MiB.
    var maxPageBytes = 16 << 20
    /// Partition assignment strategy: `cooperative-sticky` (default), `range` or `roundrobin`.
    var assignmentStrategy = "cooperative-sticky"
    /// Transactional read-process-write. Default off (at-least-once).
    var exactlyOnce = false
    /// Address of the HTTP server for `/metrics` and `/health/*`. Default `0.0.0.0`.
    var httpHost = "0.0.0.0"
    /// Port of that server; 0 disables it. Default 8080.
    var httpPort = 8080
    /// Seconds to finish in-flight work after SIGTERM/SIGINT. Default 30.
    var drainTimeout: Double = 30
    /// Seconds between consumer-lag measurements for `/metrics`. Default 5.
    var lagInterval: Double = 5
    /// Log level (`trace` … `critical`). Default `info`.
    var logLevel = "info"
    /// Log format: `text` (default) or `json` (one JSON object a line).
    var logFormat = "text"
    /// librdkafka properties passed through to the consumer and producer, applied last.
    var kafkaProperties: [String: String] = [:]
}
