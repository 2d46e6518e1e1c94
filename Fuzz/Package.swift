// swift-tools-version:6.0
import PackageDescription

// newsflow-fuzz: a libFuzzer target over the extractor's one entry point,
// `ArticleExtractor().extract(_:)`. Kept out of the root package so that `swift build` / `swift test`
// never need the fuzzer runtime. Build and run it with `scripts/fuzz` (see there for the flags);
// the sanitizers are turned on from the command line so that every module, Extraction included,
// is instrumented for coverage.
let package = Package(
    name: "newsflow-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "newsflow", path: ".."),
    ],
    targets: [
        // No `main`: libFuzzer's runtime provides it and calls `LLVMFuzzerTestOneInput`.
        .executableTarget(
            name: "ExtractorFuzzer",
            dependencies: [
                .product(name: "Extraction", package: "newsflow"),
                .product(name: "Schemas", package: "newsflow"),
            ],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ],
    swiftLanguageModes: [.v6]
)
