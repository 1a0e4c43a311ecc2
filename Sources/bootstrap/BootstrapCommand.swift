/// What `bootstrap` was asked to do.
enum BootstrapCommand: Equatable {
    /// No arguments: serve invocations from `AWS_LAMBDA_RUNTIME_API`.
    case runtime
    /// `invoke FILE...`: run each event in-process and print the result.
    case invoke([String])
    case help
    case invalid(String)

    init(arguments: [String]) {
        let words = Array(arguments.dropFirst())
        guard let verb = words.first else {
            self = .runtime
            return
        }
        let rest = Array(words.dropFirst())
        switch verb {
        case "invoke": self = rest.isEmpty ? .invalid("invoke needs at least one event file") : .invoke(rest)
        case "help", "--help", "-h": self = .help
        default: self = .invalid("unknown command \(verb)")
        }
    }

    static let usage = """
        usage: bootstrap                  serve invocations from AWS_LAMBDA_RUNTIME_API (the Lambda runtime)
               bootstrap invoke FILE...   run sample events in-process and print each result
        Development commands (local, serve, token, routes) are in coaching-dev.
        """
}
