// swift-tools-version:6.0
import PackageDescription

// zhurnal: checks electronic school journals against the institution's regulation.
// One target per pipeline stage; C libraries sit behind system-library modules and are
// imported `internal` only (see DESIGN.md and STYLE.md).
let package = Package(
    name: "zhurnal",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "zhurnal", targets: ["zhurnal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        // The local web page (`zhurnal serve`).
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/vapor/multipart-kit", exact: "4.7.1"),
    ],
    targets: [
        // C libraries (apt providers; the README's setup command installs them).
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CLibCSV", providers: [.apt(["libcsv-dev"])]),
        .systemLibrary(name: "CXlsxWriter", providers: [.apt(["libxlsxwriter-dev"])]),

        // Domain values: entities, cell values, dates, calendars, source locations.
        .target(name: "JournalModel"),
        // Reading only regular input files (bounded), writing private outputs (0600, atomic).
        .target(name: "FileAccess"),
        // Results of a check: findings, per-rule outcomes, coverage.
        .target(name: "Findings", dependencies: ["JournalModel"]),
        // CSV and XLSX → canonical records (encoding/delimiter sniffing, profiles, rejects).
        .target(name: "JournalImport", dependencies: [
            "JournalModel", "FileAccess", "CLibCSV",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // SQLite store: migrations, batches, change history, loading a journal.
        .target(name: "JournalStore", dependencies: ["JournalModel", "JournalImport", "FileAccess", "CSQLite"]),
        // The rule language: lexer, parser, AST, type checker, packs.
        .target(name: "RuleLanguage", dependencies: ["JournalModel", "FileAccess"]),
        // Evaluation of compiled rules over a journal.
        .target(name: "RuleEngine", dependencies: ["JournalModel", "Findings", "RuleLanguage", "FileAccess"]),
        // XLSX report, memos and inspection reports, JSON.
        .target(name: "Reports", dependencies: [
            "JournalModel", "Findings", "FileAccess", "CXlsxWriter",
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // Synthetic journals with ground truth.
        .target(name: "JournalGenerator", dependencies: ["JournalModel", "FileAccess"]),
        // What the CLI and the web page both do: load and judge a journal, set up an import,
        // find packs, profiles and templates, prepare documents.
        .target(name: "Workflows", dependencies: [
            "JournalModel", "Findings", "JournalImport", "JournalStore", "RuleLanguage", "RuleEngine", "Reports", "FileAccess",
        ]),
        // `zhurnal serve`: the Russian web page over a workspace folder (Hummingbird, Mustache pages).
        .target(name: "WebServer", dependencies: [
            "JournalModel", "Findings", "JournalImport", "JournalStore", "RuleLanguage", "RuleEngine", "Reports", "Workflows", "FileAccess",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "MultipartKit", package: "multipart-kit"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // The thin command line.
        .executableTarget(name: "zhurnal", dependencies: [
            "JournalModel", "Findings", "JournalImport", "JournalStore",
            "RuleLanguage", "RuleEngine", "Reports", "JournalGenerator", "Workflows", "WebServer", "FileAccess",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "JournalModelTests", dependencies: ["JournalModel"]),
        .testTarget(name: "JournalImportTests", dependencies: [
            "JournalModel", "JournalImport", "JournalStore", "JournalGenerator", "FileAccess", "CXlsxWriter",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "RuleLanguageTests", dependencies: ["JournalModel", "RuleLanguage"]),
        .testTarget(name: "RuleEngineTests", dependencies: ["JournalModel", "Findings", "RuleLanguage", "RuleEngine"]),
        .testTarget(name: "ReportsTests", dependencies: [
            "JournalModel", "Findings", "Reports",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "JournalGeneratorTests", dependencies: ["JournalModel", "JournalGenerator"]),
        .testTarget(name: "AccuracyTests", dependencies: ["JournalModel", "JournalGenerator", "JournalImport", "JournalStore", "RuleEngine", "Findings", "RuleLanguage", "Reports"]),
        // Seeded-mutation fuzzing of the importer, profiles, rules and templates (scripts/fuzz.sh).
        .testTarget(name: "FuzzTests", dependencies: ["JournalModel", "JournalImport", "RuleLanguage", "RuleEngine", "Reports"],
                    exclude: ["Regressions"]),
        // End-to-end: runs the built `zhurnal` binary on fixture files and compares output.
        .testTarget(name: "WebServerTests", dependencies: [
            "WebServer", "Workflows", "JournalModel", "Findings", "Reports",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "ZhurnalCLITests", dependencies: ["JournalModel", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
    ]
)
