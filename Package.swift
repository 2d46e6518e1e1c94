// swift-tools-version:6.0
import Foundation
import PackageDescription

// newsflow: raw news pages in (Kafka), clean article records out (Kafka).
//
// Module boundaries (keep them):
//   Schemas     – wire types (RawPage, ArticleRecord, DeadLetter); depends on nothing.
//   Extraction  – HTML → ArticleRecord; depends on CLibXML2 + Schemas, never on Kafka.
//   Kafka       – Swift client over librdkafka; depends on CRdKafka only.
//   Worker      – the `newsflow` executable: CLI, pipeline, delivery, metrics. The one place that wires them
//                 (and the only user of CCrypto, libcrypto's SHA-256 for the page digest).
let package = Package(
    name: "newsflow",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "newsflow", targets: ["Worker"]),
        .library(name: "Schemas", targets: ["Schemas"]),
        .library(name: "Extraction", targets: ["Extraction"]),
        .library(name: "Kafka", targets: ["Kafka"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.70.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
    ],
    targets: [
        // MARK: C system libraries
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CRdKafka",
            pkgConfig: "rdkafka",
            providers: [.apt(["librdkafka-dev"])]
        ),
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),

        // MARK: Libraries
        .target(
            name: "Schemas",
            resources: [.copy("Resources")]
        ),
        .target(
            name: "Extraction",
            dependencies: ["CLibXML2", "Schemas"]
        ),
        .target(
            name: "Kafka",
            dependencies: ["CRdKafka"]
        ),

        // MARK: Executable
        .executableTarget(
            name: "Worker",
            dependencies: [
                "Schemas",
                "Extraction",
                "Kafka",
                "CCrypto",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),

        // MARK: Tests
        .testTarget(name: "SchemasTests", dependencies: ["Schemas"]),
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction", "Schemas"], exclude: ["Fixtures"]),
        .testTarget(name: "KafkaTests", dependencies: ["Kafka"]),
        .testTarget(name: "WorkerTests", dependencies: ["Worker", "Schemas", "Kafka"]),
    ],
    swiftLanguageModes: [.v6]
)

// MARK: Development subset
//
// `NEWSFLOW_DEV_TARGETS=ExtractionTests swift test` builds and runs only the named test targets (comma
// separated) and what they need, so work on one module is not slowed or blocked by the others.
// Unset (as in CI), the package is complete.
if let subset = ProcessInfo.processInfo.environment["NEWSFLOW_DEV_TARGETS"], !subset.isEmpty {
    let keep = Set(subset.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) })
    package.targets.removeAll { $0.type == .test && !keep.contains($0.name) }
    if !keep.contains("WorkerTests") {
        package.targets.removeAll { $0.name == "Worker" }
        package.products.removeAll { $0.name == "newsflow" }
    }
}
