import CoachingContracts
import CoachingApplication
import CoachingHandlers
import Essentials
import LambdaRuntime
import LocalAPI

/// `serve`, `token` and `routes`: running the API on a developer's machine.
extension DevCommands {
    static func serve(_ options: ServeOptions, environment: Environment, logger: Logger) -> Int32 {
        ShutdownSignals.block()
        let (local, warnings) = LocalDevelopment.environment(environment)
        for warning in warnings { logger.warn(warning) }
        if local["JWT_SECRET"] == LocalDevelopment.jwtSecret, !LocalDevelopment.isLoopback(host: options.host) {
            printError("cannot start: the public development key signs tokens anyone can make; set JWT_SECRET to bind \(options.host)")
            return 1
        }
        let handler: CoachingLambdaHandler
        let configuration: ServiceConfiguration
        do {
            configuration = try ServiceConfiguration(environment: local)
            let api = try Application.makeAPI(configuration: configuration, logger: logger)
            var dependencies = api.dependencies
            dependencies.metrics?.sink = DiscardingSink()
            // Pages on this machine (any port) may call it; other origins only when CORS_ALLOWED_ORIGINS lists them.
            dependencies.cors.allowsLoopbackOrigins = true
            handler = CoachingLambdaHandler(api: CoachingAPI(configuration: api.configuration, dependencies: dependencies))
        } catch {
            printError("cannot start: \(ErrorReport(error).errorMessage)")
            return 1
        }
        let server = LocalAPIServer(
            configuration: .init(host: options.host, port: options.port), handler: handler,
            function: FunctionMetadata(environment: local), logger: logger, serialisationKey: ConversationSerialisation.key
        )
        let port: Int
        do {
            port = try server.start()
        } catch {
            printError("cannot listen on \(options.host) port \(options.port): \(error)")
            return 1
        }
        let host = options.host.contains(":") ? "[\(options.host)]" : options.host
        logger.info("serving the coaching API; Ctrl-C stops it", [
            "url": .string("http://\(host):\(port)/api/v1"), "port": .int(port), "store": .string(describe(configuration.storage)),
            "provider": .string(configuration.languageModel.provider.rawValue),
        ])
        let signal = ShutdownSignals.wait()
        logger.info("shutting down", ["signal": .string(signal), "inFlight": .int(server.emulator.inFlight)])
        server.shutdown()
        logger.info("stopped")
        return 0
    }

    static func token(_ options: TokenOptions, environment: Environment) -> Int32 {
        let (local, warnings) = LocalDevelopment.environment(environment)
        guard let secret = local["JWT_SECRET"] else {
            printError("JWT_SECRET_ARN is set but `token` signs with JWT_SECRET only: set JWT_SECRET to the same key")
            return 1
        }
        guard secret.utf8.count >= 32 else {
            printError("JWT_SECRET must be at least 32 bytes for HS256 (the service refuses shorter keys)")
            return 1
        }
        for (value, name) in [(options.user, "--user"), (options.tenant, "--tenant")] {
            do {
                _ = try RequestParameters.identifier(value, name: name)
            } catch {
                printError("\(name): \(error.issues.first?.msg ?? "not a valid id") (1 to 128 of A-Z a-z 0-9 . _ : -)")
                return 2
            }
        }
        if warnings.contains(where: { $0.hasPrefix("JWT_SECRET") }) {
            printError("note: signed with the local development key; `bootstrap serve` without JWT_SECRET accepts it")
        }
        let token = JWTSigner(secret: Array(secret.utf8)).sign(
            userID: options.user, tenantID: options.tenant, role: options.role, issuer: local["JWT_ISSUER"], audience: local["JWT_AUDIENCE"],
            now: SystemClock.nowEpochMilliseconds() / 1000, lifetimeSeconds: Int64(options.lifetimeSeconds)
        )
        print(token)
        return 0
    }

    private static func describe(_ storage: ServiceConfiguration.Storage) -> String {
        switch storage {
        case .files(let directory): "files in \(directory)"
        case .dynamoDB(let tables): "DynamoDB tables \(tables.conversations), \(tables.sessions)"
        }
    }

    static func routes() -> Int32 {
        for route in CoachingAPI.routeTable { print("\(route.method) \(route.pattern)") }
        return 0
    }
}
