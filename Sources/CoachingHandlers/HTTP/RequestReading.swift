import Essentials
import FoundationEssentials
import Coaching
import CoachingContracts

/// Reading the parts of a request: identity, body, path ids, headers.
extension RouteContext {
    /// The verified caller. `X-Tenant-Id`, which the frontend sends on every
    /// call, is checked against the verified tenant and never used as identity.
    func caller(_ resolver: IdentityResolver) throws(APIError) -> CallerIdentity {
        let identity: CallerIdentity
        do {
            identity = try resolver.identity(for: request)
        } catch {
            throw APIError(error)
        }
        if let tenant = request.header("x-tenant-id"), tenant.trimmingWhitespace() != identity.tenantID {
            throw APIError.tenantMismatch
        }
        return identity
    }

    /// The body validated as `Contract`. An empty body counts as `{}` for
    /// contracts whose fields are all optional.
    func body<Contract: JSONContract>(_ type: Contract.Type) throws(APIError) -> Contract {
        if request.body.isEmpty, !Contract.acceptsEmptyBody {
            throw APIError.validation([ValidationIssue(loc: ["body"], msg: "Field required", type: "missing")])
        }
        if let type = request.header("content-type"), !request.body.isEmpty,
           !type.lowercased().hasPrefix("application/json"), !type.lowercased().contains("+json") {
            throw APIError(status: 415, code: "UNSUPPORTED_MEDIA_TYPE", message: "Send the body as application/json.")
        }
        do {
            return try Contract.validate(json: request.body.isEmpty ? Data("{}".utf8) : request.body)
        } catch {
            throw APIError(error.prefixed(by: "body"))
        }
    }

    /// A path id, validated (`["path", name]`).
    func pathID(_ name: String, as wireName: String) throws(APIError) -> String {
        do {
            return try RequestParameters.identifier(parameters[name] ?? "", name: wireName)
        } catch {
            throw APIError(error)
        }
    }

    /// The `Idempotency-Key` header, validated, if sent.
    func idempotencyKey() throws(APIError) -> String? {
        guard let value = request.header("idempotency-key") else { return nil }
        do {
            return try RequestParameters.idempotencyKey(value)
        } catch {
            throw APIError(error)
        }
    }

    /// A digest of the request as validated: method, path and the body
    /// re-encoded with sorted keys, so that spelling (`message` or
    /// `user_message`, key order, whitespace) does not matter but content does.
    func requestDigest<Body: Encodable>(of body: Body, coder: ResponseCoder) throws -> String {
        var canonical = Array("\(request.method) \(request.path)\n".utf8)
        canonical += try coder.encode(body)
        return SHA256.hexDigest(canonical)
    }

    /// The query of a listing route.
    func listQuery() throws(APIError) -> ListQuery {
        do {
            return try ListQuery.validate(query: request.query)
        } catch {
            throw APIError(error)
        }
    }
}

extension ValidationFailure {
    /// The same failure with every issue located under `root` (`["body", ...]`), as FastAPI reports them.
    func prefixed(by root: String) -> ValidationFailure {
        guard case .invalid(let issues) = self else { return self }
        return .invalid(issues.map { ValidationIssue(loc: [.key(root)] + $0.loc, msg: $0.msg, type: $0.type) })
    }
}

extension BusinessContext {
    /// A context that names another tenant or user than the caller is refused:
    /// nothing of another tenant may enter a prompt.
    func checkBelongs(to caller: CallerIdentity, at location: [PathComponent]) throws(APIError) {
        var issues: [ValidationIssue] = []
        if let tenant = tenant, tenant.id != caller.tenantID {
            issues.append(ValidationIssue(loc: location + ["tenant", "id"], msg: "Business context belongs to another tenant", type: "tenant_mismatch"))
        }
        if let user = user, user.id != caller.userID {
            issues.append(ValidationIssue(loc: location + ["user", "id"], msg: "Business context belongs to another user", type: "user_mismatch"))
        }
        guard issues.isEmpty else { throw .validation(issues) }
    }
}
