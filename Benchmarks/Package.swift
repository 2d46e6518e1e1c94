// swift-tools-version:6.0
import PackageDescription

// newsflow benchmarks: a separate package so the main package and CI stay lean.
//
//   newsflow-bench   – extraction and libxml2 parse-only rates on one core, Bengali page generator.
//   Scripts/         – trafilatura timing, Kafka backlog memory probe, report tables.
//
// Run everything with `scripts/bench` from the repository root; see README.md.
let package = Package(
    name: "newsflow-benchmarks",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "newsflow-bench", targets: ["NewsflowBench"]),
    ],
    dependencies: [
        .package(name: "newsflow", path: ".."),
    ],
    targets: [
        // MARK: C system libraries
        // The root's CLibXML2 is not a product, so the parse-only baseline declares its own.
        .systemLibrary(
            name: "CLibXML2Bench",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CZlibBench",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),

        // MARK: Executable
        .executableTarget(
            name: "NewsflowBench",
            dependencies: [
                "CLibXML2Bench",
                "CZlibBench",
                .product(name: "Extraction", package: "newsflow"),
                .product(name: "Schemas", package: "newsflow"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
