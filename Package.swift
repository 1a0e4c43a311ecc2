// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "purposepath-coaching",
    products: [
        .executable(name: "bootstrap", targets: ["bootstrap"]),
        .executable(name: "coaching-bench", targets: ["coaching-bench"]),
        // Benchmark-only: the runtime loop with an echo handler (bench/, docs/PERFORMANCE.md).
        .executable(name: "runtime-echo", targets: ["runtime-echo"]),
    ],
    targets: [
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"]), .yum(["libcurl-devel"])]
        ),
        .target(name: "CurlHTTP", dependencies: ["CCurl"]),
        // Linked into bootstrap only: keeps the Lambda binary at glibc <= 2.34 (see hypotf.c).
        .target(name: "CGlibcCompat"),
        .target(name: "LambdaRuntime", dependencies: ["CurlHTTP"]),
        .target(name: "LocalRuntime", dependencies: ["CurlHTTP"]),
        .target(name: "AWSCore", dependencies: ["CurlHTTP"]),
        .target(name: "DynamoDB", dependencies: ["AWSCore"]),
        .target(name: "CoachingContracts"),
        .target(name: "LanguageModels", dependencies: ["AWSCore"]),
        .target(name: "Coaching", dependencies: ["CoachingContracts", "DynamoDB", "AWSCore", "LanguageModels"]),
        .target(name: "CoachingHandlers", dependencies: ["Coaching", "CoachingContracts", "LanguageModels", "DynamoDB", "AWSCore", "LambdaRuntime"]),
        .target(name: "LocalAPI", dependencies: ["LocalRuntime", "LambdaRuntime", "CoachingContracts", "CurlHTTP"]),
        .executableTarget(
            name: "bootstrap",
            dependencies: ["CGlibcCompat", "CoachingHandlers", "CoachingContracts", "LambdaRuntime", "LocalRuntime", "LocalAPI"]
        ),
        .executableTarget(
            name: "coaching-bench",
            dependencies: ["AWSCore", "Coaching", "CoachingContracts", "CoachingHandlers", "DynamoDB", "LambdaRuntime", "LanguageModels", "LocalRuntime"]
        ),
        .executableTarget(name: "runtime-echo", dependencies: ["LambdaRuntime"]),

        .target(name: "TestSupport", dependencies: ["LocalRuntime", "CurlHTTP", "LambdaRuntime", "AWSCore", "DynamoDB"], path: "Tests/TestSupport", exclude: ["serialized_moto.py"]),
        .testTarget(name: "CurlHTTPTests", dependencies: ["CurlHTTP", "TestSupport"]),
        .testTarget(name: "LambdaRuntimeTests", dependencies: ["LambdaRuntime", "LocalRuntime", "TestSupport"]),
        .testTarget(name: "LocalRuntimeTests", dependencies: ["LocalRuntime", "CurlHTTP", "TestSupport"]),
        .testTarget(name: "CoachingHandlersTests", dependencies: ["CoachingHandlers", "TestSupport"]),
        .testTarget(name: "LocalAPITests", dependencies: ["LocalAPI", "LocalRuntime", "LambdaRuntime", "CoachingHandlers", "Coaching", "CurlHTTP", "TestSupport"]),
        .testTarget(name: "AWSCoreTests", dependencies: ["AWSCore", "CurlHTTP", "LocalRuntime", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "DynamoDBTests", dependencies: ["DynamoDB", "AWSCore", "TestSupport"]),
        .testTarget(name: "CoachingTests", dependencies: ["Coaching", "CoachingContracts", "LanguageModels", "AWSCore", "DynamoDB", "TestSupport"]),
        .testTarget(name: "BootstrapTests", dependencies: ["LocalRuntime", "LambdaRuntime", "CurlHTTP", "AWSCore", "DynamoDB", "Coaching", "CoachingContracts", "CoachingHandlers", "TestSupport"]),
        .testTarget(name: "LanguageModelsTests", dependencies: ["LanguageModels", "AWSCore", "CurlHTTP", "LocalRuntime", "TestSupport"]),
        .testTarget(name: "CoachingContractsTests", dependencies: ["CoachingContracts", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "ReliabilityTests",
            dependencies: [
                "CoachingHandlers", "Coaching", "CoachingContracts", "LambdaRuntime", "LocalRuntime", "AWSCore", "DynamoDB",
                "LanguageModels", "TestSupport",
            ]
        ),
    ]
)
