import Essentials
import LambdaRuntime

/// Defaults for running the API on a developer's machine (`coaching-dev serve`,
/// `coaching-dev token`). Never linked into the Lambda runtime.
package enum LocalDevelopment {
    /// The HS256 key `serve` verifies and `token` signs with when neither
    /// `JWT_SECRET` nor `JWT_SECRET_ARN` is set. Public on purpose: tokens
    /// signed with it prove nothing, so it must never reach a deployment.
    package static let jwtSecret = "local-development-only-jwt-secret-never-deploy"

    /// `environment` with the local defaults filled in, and a warning for each default taken.
    package static func environment(_ environment: Environment) -> (environment: Environment, warnings: [String]) {
        var values = environment.values
        var warnings: [String] = []
        if values["JWT_SECRET"] == nil, values["JWT_SECRET_ARN"] == nil {
            values["JWT_SECRET"] = jwtSecret
            warnings.append("JWT_SECRET is not set: using the public local development key; tokens from `coaching-dev token` work, nothing here is secure")
        }
        return (Environment(values), warnings)
    }

    /// Whether `host` (what `serve --host` binds) is reachable from this machine only:
    /// `localhost`, `::1` or an address in 127.0.0.0/8.
    package static func isLoopback(host: String) -> Bool {
        if host == "localhost" || host == "::1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets[0] == "127" else { return false }
        return octets.allSatisfy { octet in octet.count <= 3 && UInt8(octet) != nil }
    }
}
