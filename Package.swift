// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Interlink",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "interlink", targets: ["InterlinkCLI"]),
        .library(name: "Interlink", targets: ["Interlink"]),
        .library(name: "InterlinkMarkdown", targets: ["InterlinkMarkdown"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // C layer: the system libcmark, seen through a one-line shim header.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // Markdown layer: cmark trees converted to Swift values with verified byte ranges.
        .target(name: "InterlinkMarkdown", dependencies: ["CCmark"]),
        // Site layer and everything above it: loader, site model, URLs, index, suggester.
        .target(
            name: "Interlink",
            dependencies: [
                "InterlinkMarkdown",
                .product(name: "Yams", package: "Yams"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // The `interlink` command: parses arguments, calls the library, prints.
        .executableTarget(
            name: "InterlinkCLI",
            dependencies: [
                "Interlink",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fuzzing (Docs/Reliability.md): the invariants every input must keep, and the entry point that
        // scripts/fuzz.sh builds with libFuzzer (without it, a replay tool: `swift run InterlinkFuzz FILE…`).
        .target(
            name: "InterlinkFuzzHarness", dependencies: ["Interlink", "InterlinkMarkdown", "CCmark"],
            path: "Fuzz/Harness"),
        .executableTarget(name: "InterlinkFuzz", dependencies: ["InterlinkFuzzHarness"], path: "Fuzz/Entry"),
        .testTarget(name: "InterlinkMarkdownTests", dependencies: ["InterlinkMarkdown"]),
        .testTarget(name: "InterlinkTests", dependencies: ["Interlink"]),
        // Golden/ holds expected outputs read from the source tree, not bundle resources.
        .testTarget(name: "InterlinkCLITests", dependencies: ["Interlink"], exclude: ["Golden"]),
        // Inputs the fuzzer once broke, replayed through its checks; read from the source tree.
        .testTarget(
            name: "InterlinkFuzzTests", dependencies: ["InterlinkFuzzHarness"], exclude: ["Regressions"]),
    ],
    swiftLanguageModes: [.v6]
)
