// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way (docs/ARCHITECTURE.md, "Modules"):
// bootstrap -> CoachingApplication -> CoachingHandlers -> Coaching -> CoachingContracts -> Essentials;
// adapters (CoachingStorage, LanguageModels) depend on the domain's ports, never the reverse.
// Development tools (coaching-dev, LocalAPI, LocalRuntime) never link into bootstrap.
let package = Package(
    name: "purposepath-coaching",
    products: [
        .executable(name: "bootstrap", targets: ["bootstrap"]),
        // Development only: serve, local, token, routes.
        .executable(name: "coaching-dev", targets: ["coaching-dev"]),
        .executable(name: "coaching-bench", targets: ["coaching-bench"]),
        // Benchmark-only: the runtime loop with an echo handler (bench/, docs/PERFORMANCE.md).
        .executable(name: "runtime-echo", targets: ["runtime-echo"]),
    ],
    targets: [
        // Foundation for every layer: clock, deadline, sleeper, environment, hex, dates, SHA-256.
        .target(name: "Essentials"),
        // HTTP value types shared by the client (CurlHTTP) and the local servers.
        .target(name: "HTTPTypes"),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"]), .yum(["libcurl-devel"])]
        ),
        .target(name: "CurlHTTP", dependencies: ["CCurl", "HTTPTypes", "Essentials"]),
        // Linked into bootstrap only: keeps the Lambda binary at glibc <= 2.34 (see hypotf.c).
        .target(name: "CGlibcCompat"),
        .target(name: "LambdaRuntime", dependencies: ["CurlHTTP", "HTTPTypes", "Essentials"]),
        .target(name: "AWSCore", dependencies: ["CurlHTTP", "HTTPTypes", "Essentials"]),
        .target(name: "DynamoDB", dependencies: ["AWSCore", "Essentials"]),

        .target(name: "CoachingContracts", dependencies: ["Essentials"]),
        .target(name: "Coaching", dependencies: ["CoachingContracts", "Essentials"]),
        .target(name: "CoachingStorage", dependencies: ["Coaching", "CoachingContracts", "DynamoDB", "Essentials"]),
        .target(name: "LanguageModels", dependencies: ["Coaching", "AWSCore", "CurlHTTP", "HTTPTypes", "Essentials"]),
        .target(name: "CoachingHandlers", dependencies: ["Coaching", "CoachingContracts", "LambdaRuntime", "AWSCore", "Essentials"]),
        .target(
            name: "CoachingApplication",
            dependencies: ["CoachingHandlers", "Coaching", "CoachingContracts", "CoachingStorage", "LanguageModels", "DynamoDB", "AWSCore", "LambdaRuntime", "Essentials"]
        ),
        .executableTarget(name: "bootstrap", dependencies: ["CGlibcCompat", "CoachingApplication", "CoachingHandlers", "LambdaRuntime", "Essentials"]),

        // Development and benchmarks only.
        .target(name: "LocalRuntime", dependencies: ["HTTPTypes", "Essentials"]),
        .target(name: "LocalAPI", dependencies: ["LocalRuntime", "LambdaRuntime", "CoachingContracts", "HTTPTypes", "Essentials"]),
        .executableTarget(
            name: "coaching-dev",
            dependencies: ["CoachingApplication", "CoachingHandlers", "CoachingContracts", "LambdaRuntime", "LocalAPI", "LocalRuntime", "Essentials"]
        ),
        .executableTarget(
            name: "coaching-bench",
            dependencies: [
                "AWSCore", "Coaching", "CoachingContracts", "CoachingHandlers", "CoachingApplication", "CoachingStorage", "DynamoDB",
                "LambdaRuntime", "LanguageModels", "LocalRuntime", "Essentials",
            ]
        ),
        .executableTarget(name: "runtime-echo", dependencies: ["LambdaRuntime", "Essentials"]),

        .target(
            name: "TestSupport", dependencies: ["LocalRuntime", "CurlHTTP", "HTTPTypes", "LambdaRuntime", "AWSCore", "DynamoDB", "Essentials"],
            path: "Tests/TestSupport", exclude: ["serialized_moto.py"]
        ),
        .testTarget(name: "EssentialsTests", dependencies: ["Essentials"]),
        .testTarget(name: "CurlHTTPTests", dependencies: ["CurlHTTP", "HTTPTypes", "LocalRuntime", "TestSupport"]),
        .testTarget(name: "LambdaRuntimeTests", dependencies: ["LambdaRuntime", "LocalRuntime", "HTTPTypes", "Essentials", "TestSupport"]),
        .testTarget(name: "LocalRuntimeTests", dependencies: ["LocalRuntime", "CurlHTTP", "HTTPTypes", "TestSupport"]),
        .testTarget(
            name: "CoachingHandlersTests",
            dependencies: ["CoachingHandlers", "CoachingApplication", "Coaching", "CoachingStorage", "Essentials", "TestSupport"]
        ),
        .testTarget(
            name: "LocalAPITests",
            dependencies: [
                "LocalAPI", "LocalRuntime", "LambdaRuntime", "CoachingHandlers", "CoachingApplication", "Coaching", "CoachingStorage",
                "CurlHTTP", "HTTPTypes", "Essentials", "TestSupport",
            ]
        ),
        .testTarget(name: "AWSCoreTests", dependencies: ["AWSCore", "CurlHTTP", "HTTPTypes", "LocalRuntime", "Essentials", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "DynamoDBTests", dependencies: ["DynamoDB", "AWSCore", "Essentials", "TestSupport"]),
        .testTarget(
            name: "CoachingTests",
            dependencies: ["Coaching", "CoachingContracts", "CoachingStorage", "DynamoDB", "AWSCore", "Essentials", "TestSupport"],
            exclude: ["Snapshots", "StoredItems"]
        ),
        .testTarget(
            name: "BootstrapTests",
            dependencies: [
                "LocalRuntime", "CurlHTTP", "AWSCore", "DynamoDB", "Coaching", "CoachingContracts", "CoachingHandlers",
                "CoachingApplication", "CoachingStorage", "Essentials", "TestSupport",
            ]
        ),
        .testTarget(
            name: "LanguageModelsTests",
            dependencies: ["LanguageModels", "Coaching", "AWSCore", "CurlHTTP", "HTTPTypes", "LocalRuntime", "Essentials", "TestSupport"]
        ),
        .testTarget(name: "CoachingContractsTests", dependencies: ["CoachingContracts", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "ReliabilityTests",
            dependencies: [
                "CoachingHandlers", "CoachingApplication", "Coaching", "CoachingContracts", "CoachingStorage", "LambdaRuntime", "LocalRuntime",
                "AWSCore", "DynamoDB", "LanguageModels", "HTTPTypes", "Essentials", "TestSupport",
            ]
        ),
    ]
)
