import CoachingApplication
import CoachingHandlers
import Essentials
import FoundationEssentials
import LambdaRuntime

/// The commands `main.swift` dispatches to. Each returns the exit status.
enum Commands {
    static func runtime(environment: Environment, logger: Logger) -> Int32 {
        guard let runtimeAPI = environment["AWS_LAMBDA_RUNTIME_API"] else {
            printError("AWS_LAMBDA_RUNTIME_API is not set: this is not a Lambda environment.\n\(BootstrapCommand.usage)")
            return 2
        }
        let handler: CoachingLambdaHandler
        let client: RuntimeAPIClient
        do {
            client = try RuntimeAPIClient(endpoint: try RuntimeAPIEndpoint(runtimeAPI))
            let configuration = try ServiceConfiguration(environment: environment)
            handler = try Application.makeHandler(configuration: configuration, logger: logger)
        } catch {
            reportInitializationFailure(error, runtimeAPI: runtimeAPI, logger: logger)
            return 1
        }
        let loop = RuntimeLoop(
            client: client,
            handler: handler,
            function: FunctionMetadata(environment: environment),
            logger: logger,
            metrics: MetricsEmitter(namespace: "PurposePath/Coaching", service: logger.service)
        )
        return loop.run().exitCode
    }

    static func invoke(files: [String], environment: Environment, logger: Logger) -> Int32 {
        let handler: CoachingLambdaHandler
        do {
            handler = try Application.makeHandler(configuration: try ServiceConfiguration(environment: environment), logger: logger)
        } catch {
            printError("cannot start: \(ErrorReport(error).errorMessage)")
            return 1
        }
        var status: Int32 = 0
        for file in files {
            guard let event = readFile(file) else {
                status = 1
                continue
            }
            switch LocalInvocation.invoke(handler, event: event, function: FunctionMetadata(environment: environment), logger: logger) {
            case .response(let body):
                print(String(decoding: body, as: UTF8.self))
            case .error(let report):
                print(report.json)
                status = 1
            }
        }
        return status
    }

    static func readFile(_ path: String) -> Data? {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            printError("cannot read \(path)")
            return nil
        }
    }

    static func printError(_ text: String) {
        StandardErrorSink().write(line: text)
    }
}
