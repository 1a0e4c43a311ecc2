/// What `bootstrap` was asked to do.
enum BootstrapCommand: Equatable {
    /// No arguments: serve invocations from `AWS_LAMBDA_RUNTIME_API`.
    case runtime
    /// `invoke FILE...`: run each event in-process and print the result.
    case invoke([String])
    /// `local FILE...`: run the events through a child runtime process
    /// against the in-repo mock Runtime API.
    case local([String])
    case help
    case invalid(String)

    init(arguments: [String]) {
        let words = Array(arguments.dropFirst())
        guard let verb = words.first else {
            self = .runtime
            return
        }
        let files = Array(words.dropFirst())
        switch verb {
        case "invoke": self = files.isEmpty ? .invalid("invoke needs at least one event file") : .invoke(files)
        case "local": self = files.isEmpty ? .invalid("local needs at least one event file") : .local(files)
        case "help", "--help", "-h": self = .help
        default: self = .invalid("unknown command \(verb)")
        }
    }

    static let usage = """
        usage: bootstrap                  serve invocations from AWS_LAMBDA_RUNTIME_API (the Lambda runtime)
               bootstrap invoke FILE...   run sample events in-process and print each result
               bootstrap local FILE...    run sample events through this runtime against a local mock Runtime API
        """
}
