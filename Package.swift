// swift-tools-version: 6.2
import PackageDescription

let logging: Target.Dependency = .product(name: "Logging", package: "swift-log")
let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")
let openAPIRuntime: Target.Dependency = .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")
let openAPIGenerator: Target.PluginUsage = .plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")

let package = Package(
    name: "chantier",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "chantierd", targets: ["chantierd"]),
        .executable(name: "chantierctl", targets: ["chantierctl"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0", traits: [.defaults, "YAML"]),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-openapi-generator", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", from: "2.1.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-openapi-async-http-client", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // MARK: System libraries

        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CSystemd", pkgConfig: "libsystemd", providers: [.apt(["libsystemd-dev"])]),

        // MARK: Libraries

        .target(
            name: "ChantierPQ",
            dependencies: ["CLibPQ", logging, .product(name: "NIOConcurrencyHelpers", package: "swift-nio")]
        ),
        .target(name: "ChantierSystemd", dependencies: ["CSystemd", logging]),
        .target(name: "ChantierCore"),
        .target(
            name: "ChantierStorage",
            dependencies: [
                "ChantierCore", "ChantierPQ", logging,
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .target(
            name: "ChantierAPI",
            dependencies: [openAPIRuntime],
            plugins: [openAPIGenerator, "EmbedDocument"]
        ),
        .target(
            name: "ChantierClient",
            dependencies: [
                "ChantierAPI",
                openAPIRuntime,
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client"),
            ],
            plugins: [openAPIGenerator]
        ),
        .target(
            name: "ChantierDaemon",
            dependencies: [
                "ChantierAPI",
                "ChantierCore",
                "ChantierPQ",
                "ChantierStorage",
                "ChantierSystemd",
                argumentParser,
                logging,
                openAPIRuntime,
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOExtras", package: "swift-nio-extras"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Yams", package: "Yams"),
            ],
            plugins: [openAPIGenerator]
        ),

        // MARK: Executables

        .executableTarget(
            name: "chantierd",
            dependencies: [
                "ChantierDaemon",
                argumentParser,
                logging,
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .executableTarget(
            name: "chantierctl",
            dependencies: [
                "ChantierAPI", "ChantierClient", argumentParser, .product(name: "Yams", package: "Yams"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            ]
        ),

        // MARK: Build tools

        .executableTarget(name: "embed-document"),
        .plugin(name: "EmbedDocument", capability: .buildTool(), dependencies: ["embed-document"]),

        // MARK: Tests

        .target(
            name: "ChantierTestSupport",
            dependencies: ["ChantierPQ", "ChantierStorage", logging],
            path: "Tests/ChantierTestSupport"
        ),
        .testTarget(name: "ChantierCoreTests", dependencies: ["ChantierCore"]),
        .testTarget(name: "ChantierPQTests", dependencies: ["ChantierPQ", "ChantierTestSupport", logging]),
        .testTarget(
            name: "ChantierStorageTests",
            dependencies: ["ChantierStorage", "ChantierPQ", "ChantierCore", "ChantierTestSupport"]
        ),
        .testTarget(
            name: "ChantierDaemonTests",
            dependencies: [
                "ChantierAPI", "ChantierClient", "ChantierCore", "ChantierDaemon", "ChantierPQ", "ChantierSystemd",
                "ChantierStorage", "ChantierTestSupport", "chantierctl", "chantierd", logging,
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
    ]
)

// One set of language settings for every Swift target of ours.
for target in package.targets where [.regular, .executable, .test].contains(target.type) {
    var settings = target.swiftSettings ?? []
    // Swift 6 language mode: complete data-race checking.
    settings.append(.swiftLanguageMode(.v6))
    // SE-0335: existential types are spelled `any P`.
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    // SE-0444: a file sees only the members of modules it imports itself.
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    // SE-0409: imports are internal unless marked public, so dependencies do not leak.
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    // SE-0461: nonisolated async functions run on the caller's actor.
    settings.append(.enableUpcomingFeature("NonisolatedNonsendingByDefault"))
    // The code base is warning-free and stays so. ChantierAPI is the exception: the OpenAPI
    // generator's types import modules publicly in files that declare nothing public, and the
    // attribute it uses to silence that warning arrives with Swift 6.4.
    settings.append(target.name == "ChantierAPI" ? .unsafeFlags(["-suppress-warnings"]) : .treatAllWarnings(as: .error))
    target.swiftSettings = settings
}
