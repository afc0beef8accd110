// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "chantier",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "chantierd", targets: ["chantierd"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // MARK: System libraries

        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),

        // MARK: Libraries

        .target(
            name: "ChantierPQ",
            dependencies: [
                "CLibPQ",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .target(name: "ChantierCore"),
        .target(
            name: "ChantierStorage",
            dependencies: [
                "ChantierCore",
                "ChantierPQ",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "ChantierDaemon",
            dependencies: [
                "ChantierCore",
                "ChantierPQ",
                "ChantierStorage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),

        // MARK: Executables

        .executableTarget(
            name: "chantierd",
            dependencies: [
                "ChantierDaemon",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // MARK: Tests

        .target(
            name: "ChantierTestSupport",
            dependencies: [
                "ChantierPQ",
                "ChantierStorage",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/ChantierTestSupport"
        ),
        .testTarget(name: "ChantierCoreTests", dependencies: ["ChantierCore"]),
        .testTarget(
            name: "ChantierPQTests",
            dependencies: ["ChantierPQ", "ChantierTestSupport", .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(
            name: "ChantierStorageTests",
            dependencies: ["ChantierStorage", "ChantierPQ", "ChantierCore", "ChantierTestSupport"]
        ),
        .testTarget(
            name: "ChantierDaemonTests",
            dependencies: ["ChantierDaemon", "ChantierPQ", "ChantierTestSupport", "chantierd"]
        ),
    ]
)

// One set of language settings for every target of ours.
for target in package.targets where target.type != .system {
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
    // The code base is warning-free and stays so.
    settings.append(.treatAllWarnings(as: .error))
    target.swiftSettings = settings
}
