/// `--name value` options after a command word.
struct CommandOptions: Equatable {
    private(set) var values: [String: String] = [:]

    /// Parses `words` allowing only `known` names; a problem is returned as text.
    static func parse(_ words: [String], known: Set<String>) -> Result<CommandOptions, OptionError> {
        var options = CommandOptions()
        var index = 0
        while index < words.count {
            let word = words[index]
            guard word.hasPrefix("--"), known.contains(String(word.dropFirst(2))) else { return .failure(OptionError("unknown option \(word)")) }
            guard index + 1 < words.count else { return .failure(OptionError("\(word) needs a value")) }
            options.values[String(word.dropFirst(2))] = words[index + 1]
            index += 2
        }
        return .success(options)
    }

    subscript(name: String) -> String? { values[name] }

    func integer(_ name: String, default value: Int, in range: ClosedRange<Int>) -> Result<Int, OptionError> {
        guard let text = values[name] else { return .success(value) }
        guard let number = Int(text), range.contains(number) else {
            return .failure(OptionError("--\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)"))
        }
        return .success(number)
    }
}

struct OptionError: Error, Equatable {
    var message: String
    init(_ message: String) { self.message = message }
}

/// `serve [--host H] [--port P]`.
struct ServeOptions: Equatable {
    var host = "127.0.0.1"
    var port = 3000

    static func parse(_ words: [String]) -> Result<ServeOptions, OptionError> {
        CommandOptions.parse(words, known: ["host", "port"]).flatMap { options in
            options.integer("port", default: 3000, in: 0...65_535).map { port in
                ServeOptions(host: options["host"] ?? "127.0.0.1", port: port)
            }
        }
    }
}

/// `token --user U --tenant T [--role R] [--ttl SECONDS]`.
struct TokenOptions: Equatable {
    var user: String
    var tenant: String
    var role: String?
    var lifetimeSeconds: Int

    static func parse(_ words: [String]) -> Result<TokenOptions, OptionError> {
        CommandOptions.parse(words, known: ["user", "tenant", "role", "ttl"]).flatMap { options in
            guard let user = options["user"], let tenant = options["tenant"] else {
                return .failure(OptionError("token needs --user and --tenant"))
            }
            return options.integer("ttl", default: 3_600, in: 1...31_536_000).map { ttl in
                TokenOptions(user: user, tenant: tenant, role: options["role"], lifetimeSeconds: ttl)
            }
        }
    }
}
