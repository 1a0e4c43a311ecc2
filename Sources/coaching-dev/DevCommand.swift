/// What `coaching-dev` was asked to do.
enum DevCommand: Equatable {
    /// `local FILE...`: run the events through a `bootstrap` child process
    /// against the in-repo mock Runtime API.
    case local([String])
    /// `serve`: the HTTP API on a local port, through the same handlers.
    case serve(ServeOptions)
    /// `token`: print a development Bearer token.
    case token(TokenOptions)
    /// `routes`: print the routes the API serves, one `METHOD /path` a line.
    case routes
    case help
    case invalid(String)

    init(arguments: [String]) {
        let words = Array(arguments.dropFirst())
        guard let verb = words.first else {
            self = .help
            return
        }
        let rest = Array(words.dropFirst())
        switch verb {
        case "local": self = rest.isEmpty ? .invalid("local needs at least one event file") : .local(rest)
        case "serve": self = Self.parsed(ServeOptions.parse(rest), Self.serve)
        case "token": self = Self.parsed(TokenOptions.parse(rest), Self.token)
        case "routes": self = rest.isEmpty ? .routes : .invalid("routes takes no arguments")
        case "help", "--help", "-h": self = .help
        default: self = .invalid("unknown command \(verb)")
        }
    }

    private static func parsed<Options>(_ result: Result<Options, OptionError>, _ command: (Options) -> DevCommand) -> DevCommand {
        switch result {
        case .success(let options): command(options)
        case .failure(let error): .invalid(error.message)
        }
    }

    static let usage = """
        usage: coaching-dev local FILE...    run sample events through the bootstrap runtime (beside this executable)
                                             against a local mock Runtime API
               coaching-dev serve [--host 127.0.0.1] [--port 3000]
                                             the HTTP API on a local port (API Gateway HTTP API emulation); Ctrl-C stops it
               coaching-dev token --user ID --tenant ID [--role ROLE] [--ttl SECONDS]
                                             print a Bearer token signed with JWT_SECRET (or the local development key)
               coaching-dev routes           print the API's routes
        """
}
