import LambdaRuntime

/// Answers API Gateway's Lambda authorizer calls: verifies the Bearer JWT
/// and passes `user_id`, `tenant_id` and `role` on as context. API Gateway
/// caches the answer per token for the configured TTL.
struct Authorizer: Sendable {
    let verifier: JWTVerifier?

    func authorize(_ event: AuthorizerEvent, logger: Logger) -> AuthorizerResponse {
        guard let verifier else {
            logger.error("authorizer called but no JWT secret is configured; denying")
            return AuthorizerResponse(isAuthorized: false, context: [:])
        }
        guard let token = event.bearerToken else {
            logger.info("authorizer denied", ["reason": .string(AuthenticationError.missingCredentials.message)])
            return AuthorizerResponse(isAuthorized: false, context: [:])
        }
        do {
            let identity = try verifier.verify(token)
            var context = ["user_id": identity.userID, "tenant_id": identity.tenantID]
            if let role = identity.role { context["role"] = role }
            logger.info("authorizer allowed", ["tenantId": .string(identity.tenantID)])
            return AuthorizerResponse(isAuthorized: true, context: context)
        } catch {
            logger.info("authorizer denied", ["reason": .string(error.message)])
            return AuthorizerResponse(isAuthorized: false, context: [:])
        }
    }
}
