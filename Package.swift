// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

// The target list is the architecture diagram: dependencies point one way only, downwards.
//   signaal → SignaalServer → SignaalApp → SignaalStore → CLibPQ     (the commands other than serve: signaal → SignaalApp)
//   SignaalApp → SignaalIntake → SignaalCluster → SignaalText → SignaalCore
//   SignaalApp → SignaalBriefs → SignaalCore
//   SignaalStore → SignaalIntake, SignaalBriefs (the types it stores)
// SignaalServer is HTTP only; SignaalApp holds the use cases; SignaalStore stores. The pure modules (SignaalIntake,
// SignaalBriefs, SignaalCluster, SignaalText, SignaalCore) do no I/O and import neither Hummingbird nor the store.
let package = Package(
    name: "signaal",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "signaal", targets: ["signaal"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        .executableTarget(
            name: "signaal",
            dependencies: [
                "SignaalServer",
                "SignaalApp",
                "SignaalStore",
                "SignaalBriefs",
                "SignaalCluster",
                "SignaalText",
                "SignaalCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SignaalServer",
            dependencies: [
                "SignaalApp",
                "SignaalIntake",
                "SignaalStore",
                "SignaalBriefs",
                "SignaalCluster",
                "SignaalCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SignaalApp",
            dependencies: [
                "SignaalStore",
                "SignaalIntake",
                "SignaalBriefs",
                "SignaalCluster",
                "SignaalCore",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SignaalStore",
            dependencies: [
                "CLibPQ",
                "SignaalIntake",
                "SignaalBriefs",
                "SignaalCluster",
                "SignaalCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            // The reference data for a start while the database is unreachable; the EmbedMigrations plugin adds
            // the migrations of sql/.
            // (Not a folder named Resources: Foundation would then look for every resource, the migrations too, in it.)
            resources: [.copy("ReferenceData/reference-data.json")],
            swiftSettings: swiftSettings,
            plugins: ["EmbedMigrations"]
        ),
        .plugin(name: "EmbedMigrations", capability: .buildTool()),
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .target(
            name: "SignaalBriefs",
            dependencies: [
                "SignaalCore",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SignaalIntake",
            dependencies: ["SignaalCluster", "SignaalText", "SignaalCore"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SignaalCluster",
            dependencies: ["SignaalText", "SignaalCore"],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SignaalText",
            dependencies: ["SignaalCore"],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SignaalCore",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SignaalTesting",
            dependencies: [
                "SignaalStore",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SignaalCoreTests",
            dependencies: ["SignaalCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SignaalBriefsTests",
            dependencies: ["SignaalBriefs", "SignaalCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SignaalClusterTests",
            dependencies: ["SignaalCluster", "SignaalCore", "SignaalText"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SignaalIntakeTests",
            dependencies: ["SignaalIntake", "SignaalCluster", "SignaalCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SignaalTextTests",
            dependencies: ["SignaalText"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SignaalStoreTests",
            dependencies: ["SignaalStore", "SignaalIntake", "SignaalCluster", "SignaalCore", "SignaalTesting"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SignaalServerTests",
            dependencies: [
                "SignaalServer",
                "SignaalApp",
                "SignaalIntake",
                "SignaalStore",
                "SignaalBriefs",
                "SignaalCluster",
                "SignaalCore",
                "SignaalTesting",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
