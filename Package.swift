// swift-tools-version:6.0
// zoneaudit: proves a DNS zone is still what its owners approved.
//
// Layers import one way (arrows point at what a module uses):
//   ZoneModel <- ZoneParser <- {ZoneChecks, ZoneDiff, ZonePolicy, DNSSEC, Baseline, Transfer}
//   <- Reporters <- {RepositoryConfig, History} <- ZoneAuditKit <- zoneaudit (CLI)
// LDNS is the only module that imports the C library (CLDNS).
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "zoneaudit",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "zoneaudit", targets: ["zoneaudit"]),
        .library(name: "ZoneAuditKit", targets: ["ZoneAuditKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // SQLite (the system library, libsqlite3-dev) for the cron run's history.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // C library, through pkg-config. Only the LDNS target may import it.
        .systemLibrary(
            name: "CLDNS",
            pkgConfig: "ldns",
            providers: [.apt(["libldns-dev"])]
        ),
        // glibc's mallopt, for the executable's allocator setting at startup.
        .systemLibrary(name: "CMalloc"),
        // A cache prefetch hint (a static inline C function: nothing to link),
        // for passes that read names in an order other than their storage's.
        .systemLibrary(name: "CPrefetch"),
        // The lexer's byte classes for 64 bytes at once, as bit masks (SSE2).
        .systemLibrary(name: "CByteClasses"),
        // Linux's mremap (variadic in glibc, so out of Swift's reach), for
        // record tables whose bytes grow and join by moving pages.
        .systemLibrary(name: "CMemoryMap"),
        // Pure Swift DNS data model: names, types, records, RRsets, zones, findings.
        .target(
            name: "ZoneModel",
            dependencies: ["CPrefetch", .target(name: "CMemoryMap", condition: .when(platforms: [.linux]))],
            swiftSettings: swiftSettings
        ),
        // Master files and AXFR dumps, streaming and byte-level.
        .target(name: "ZoneParser", dependencies: ["ZoneModel", "CByteClasses"], swiftSettings: swiftSettings),
        // The thin owner of every ldns pointer.
        .target(name: "LDNS", dependencies: ["CLDNS", "ZoneModel"], swiftSettings: swiftSettings),
        // Semantic checks (named-checkzone / kzonecheck class).
        .target(name: "ZoneChecks", dependencies: ["ZoneModel"], swiftSettings: swiftSettings),
        // Zone diff, delegation analysis and hijack signals.
        .target(name: "ZoneDiff", dependencies: ["ZoneModel"], swiftSettings: swiftSettings),
        // The authorization policy (YAML).
        .target(
            name: "ZonePolicy",
            dependencies: ["ZoneModel", "ZoneDiff", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        // DNSSEC chain validation and ZONEMD.
        .target(
            name: "DNSSEC",
            dependencies: ["ZoneModel", "LDNS", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        // Sealed baselines.
        .target(
            name: "Baseline",
            dependencies: ["ZoneModel", "ZoneParser", "LDNS", "DNSSEC"],
            swiftSettings: swiftSettings
        ),
        // Live zones: AXFR, TSIG, parent queries.
        // (swift-crypto for TSIG's HMACs: ldns 1.8.3 cannot do hmac-sha384 and
        // does not verify TSIG on AXFR responses.)
        .target(
            name: "Transfer",
            dependencies: ["ZoneModel", "ZoneParser", "LDNS", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        // Text, JSON, SARIF, Markdown and JUnit renderers of findings.
        .target(name: "Reporters", dependencies: ["ZoneModel"], swiftSettings: swiftSettings),
        // zoneaudit.yml: the zones of a repository and how each is audited.
        .target(
            name: "RepositoryConfig",
            dependencies: ["ZoneModel", "ZonePolicy", "Transfer", "Reporters", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        // The cron run's memory: findings' first and last seen, zone outcomes,
        // and the DNSSEC verification cache, in one SQLite database.
        .target(
            name: "History",
            dependencies: ["ZoneModel", "Reporters", "DNSSEC", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        // Orchestration: the jobs the CLI wires together (check, diff, audit, ...).
        .target(
            name: "ZoneAuditKit",
            dependencies: [
                "ZoneModel", "ZoneParser", "ZoneChecks", "ZoneDiff", "ZonePolicy",
                "DNSSEC", "Baseline", "Transfer", "Reporters", "RepositoryConfig", "History",
            ],
            swiftSettings: swiftSettings
        ),
        // The command line: argument parsing and wiring only.
        .executableTarget(
            name: "zoneaudit",
            dependencies: [
                "ZoneAuditKit",
                .target(name: "CMalloc", condition: .when(platforms: [.linux])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // Benchmark zone generator (realistic mix with delegations and glue).
        .executableTarget(name: "zonegen", dependencies: ["ZoneModel"], path: "Sources/zonegen", swiftSettings: swiftSettings),
        // libFuzzer target for the parser (Tests/Fuzz/fuzz.sh builds it with -sanitize=fuzzer,address -DFUZZING).
        .executableTarget(name: "zoneaudit-fuzz", dependencies: ["ZoneParser", "ZoneModel"], path: "Sources/ZoneParserFuzz",
                          swiftSettings: swiftSettings),
        .testTarget(name: "ZoneModelTests", dependencies: ["ZoneModel"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ZoneParserTests",
            dependencies: ["ZoneParser", "ZoneModel", "LDNS"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "LDNSTests", dependencies: ["LDNS", "ZoneModel", "ZoneParser"], swiftSettings: swiftSettings),
        .testTarget(name: "ZoneChecksTests", dependencies: ["ZoneChecks", "ZoneParser"], swiftSettings: swiftSettings),
        .testTarget(name: "ZoneDiffTests", dependencies: ["ZoneDiff", "ZonePolicy", "ZoneParser"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ReportersTests",
            dependencies: ["Reporters", "ZoneModel"],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "DNSSECTests", dependencies: ["DNSSEC", "LDNS", "ZoneParser"], swiftSettings: swiftSettings),
        .testTarget(name: "BaselineTests", dependencies: ["Baseline", "LDNS", "ZoneParser"], swiftSettings: swiftSettings),
        .testTarget(name: "TransferTests", dependencies: ["Transfer", "LDNS", "ZoneParser", "ZoneAuditKit", "Baseline"], swiftSettings: swiftSettings),
        .testTarget(name: "RepositoryConfigTests", dependencies: ["RepositoryConfig"], swiftSettings: swiftSettings),
        .testTarget(
            name: "HistoryTests",
            dependencies: ["History", "ZoneModel", "Reporters", "DNSSEC", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "ZoneAuditKitTests", dependencies: ["ZoneAuditKit"], swiftSettings: swiftSettings),
        .testTarget(name: "CLITests", dependencies: ["ZoneAuditKit"], swiftSettings: swiftSettings),
    ]
)
