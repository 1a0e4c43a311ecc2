import Essentials
import FoundationEssentials
import LambdaRuntime
#if canImport(Glibc)
import Glibc
#endif

// A benchmark-only Lambda function: the production runtime loop (the same
// client, logger, context and metrics set-up as `bootstrap`) around a
// handler that returns the event unchanged. `make bench` holds it to the C
// libcurl echo loop in bench/floor/c_runtime.c: the difference is the
// runtime's own overhead, with no application code in it. Not shipped.
let environment = Environment.process
let logger = Logger(service: environment["POWERTOOLS_SERVICE_NAME"] ?? "runtime-echo", environment: environment)
guard let runtimeAPI = environment["AWS_LAMBDA_RUNTIME_API"] else {
    logger.fatal("AWS_LAMBDA_RUNTIME_API is not set")
    exit(2)
}
let client: RuntimeAPIClient
do {
    client = try RuntimeAPIClient(endpoint: try RuntimeAPIEndpoint(runtimeAPI))
} catch {
    reportInitializationFailure(error, runtimeAPI: runtimeAPI, logger: logger)
    exit(1)
}
let loop = RuntimeLoop(
    client: client,
    handler: ClosureHandler { event, _ in event },
    function: FunctionMetadata(environment: environment),
    logger: logger,
    metrics: MetricsEmitter(namespace: "PurposePath/Bench", service: logger.service)
)
exit(loop.run().exitCode)
