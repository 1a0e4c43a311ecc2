import CoachingApplication
import Essentials
import FoundationEssentials
import LambdaRuntime
#if canImport(Glibc)
import Glibc
#endif

// Wiring only: parse the command, read the environment, hand over.
let environment = Environment.process
let logger = Logger(service: environment["POWERTOOLS_SERVICE_NAME"] ?? "coaching", environment: environment)

let status: Int32
switch BootstrapCommand(arguments: CommandLine.arguments) {
case .runtime:
    status = Commands.runtime(environment: environment, logger: logger)
case .invoke(let files):
    status = Commands.invoke(files: files, environment: environment, logger: logger)
case .help:
    print(BootstrapCommand.usage)
    status = 0
case .invalid(let reason):
    Commands.printError("\(reason)\n\(BootstrapCommand.usage)")
    status = 2
}
exit(status)
