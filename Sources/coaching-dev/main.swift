import Essentials
import LambdaRuntime
#if canImport(Glibc)
import Glibc
#endif

// Development tools: never part of the Lambda zip. Wiring only.
let environment = Environment.process
let logger = Logger(service: environment["POWERTOOLS_SERVICE_NAME"] ?? "coaching", environment: environment)

let status: Int32
switch DevCommand(arguments: CommandLine.arguments) {
case .local(let files):
    status = DevCommands.local(files: files, environment: environment)
case .serve(let options):
    status = DevCommands.serve(options, environment: environment, logger: logger)
case .token(let options):
    status = DevCommands.token(options, environment: environment)
case .routes:
    status = DevCommands.routes()
case .help:
    print(DevCommand.usage)
    status = 0
case .invalid(let reason):
    DevCommands.printError("\(reason)\n\(DevCommand.usage)")
    status = 2
}
exit(status)
