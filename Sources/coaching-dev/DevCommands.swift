import Essentials
import FoundationEssentials
import LambdaRuntime
import LocalRuntime
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The commands `main.swift` dispatches to. Each returns the exit status.
enum DevCommands {
    static func local(files: [String], environment: Environment) -> Int32 {
        guard let executable = bootstrapExecutable() else {
            printError("cannot find the bootstrap executable beside coaching-dev (build both: swift build)")
            return 1
        }
        var events: [MockInvocation] = []
        for file in files {
            guard let event = readFile(file) else { return 1 }
            events.append(MockInvocation(event: event))
        }
        do {
            let result = try LocalRunner(executable: executable, environment: environment.values).run(events: events)
            if let initError = result.initError {
                printError("initialisation failed (\(initError.type ?? "?")): \(String(decoding: initError.body, as: UTF8.self))")
            }
            for (index, (_, outcome)) in result.outcomes.enumerated() {
                switch outcome {
                case .response(let body):
                    print(String(decoding: body, as: UTF8.self))
                case .error(let type, let body):
                    printError("\(files[index]): error \(type ?? "?")")
                    print(String(decoding: body, as: UTF8.self))
                case .tooLarge(let bytes):
                    printError("\(files[index]): response of \(bytes) bytes refused as too large")
                case .streamed(let streamed):
                    if let errorType = streamed.errorType { printError("\(files[index]): stream ended with error \(errorType)") }
                    print(String(decoding: streamed.body, as: UTF8.self))
                }
            }
            let answeredAll = result.outcomes.count == events.count
            if !answeredAll { printError("only \(result.outcomes.count) of \(events.count) events were answered") }
            return answeredAll && result.initError == nil ? result.exitStatus : 1
        } catch {
            printError("cannot start the mock Runtime API: \(error)")
            return 1
        }
    }

    /// The runtime `local` runs: the `bootstrap` built beside this executable.
    static func bootstrapExecutable() -> String? {
        guard let own = ChildProcess.currentExecutablePath(), let slash = own.lastIndex(of: "/") else { return nil }
        let path = String(own[..<slash]) + "/bootstrap"
        return access(path, X_OK) == 0 ? path : nil
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
