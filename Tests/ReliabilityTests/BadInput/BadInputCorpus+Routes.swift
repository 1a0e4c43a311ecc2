import Foundation

/// Unknown routes and methods, missing or forged identity, hostile path ids.
extension BadInputCorpus {
    static var routes: [CorpusCase] {
        [
            CorpusCase("route: unknown path", Events.http("GET", "/api/v1/admin/users"), .http(404, code: "ROUTE_NOT_FOUND")),
            CorpusCase("route: root", Events.http("GET", "/"), .http(404, code: "ROUTE_NOT_FOUND")),
            CorpusCase("route: other API version", Events.http("GET", "/api/v2/health"), .http(404, code: "ROUTE_NOT_FOUND")),
            CorpusCase("route: traversal out of the API", Events.http("GET", "/api/v1/conversations/../../../etc/passwd"),
                       .http(404, code: "ROUTE_NOT_FOUND")),
            CorpusCase("route: PUT on chat", Events.http("PUT", chat, body: #"{"message":"hi"}"#), .http(405, code: "METHOD_NOT_ALLOWED")),
            CorpusCase("route: GET on chat", Events.http("GET", chat), .http(405, code: "METHOD_NOT_ALLOWED")),
            CorpusCase("route: PATCH on a conversation", Events.http("PATCH", "\(list)/conv-1", body: "{}"),
                       .http(405, code: "METHOD_NOT_ALLOWED")),
            CorpusCase("route: DELETE on the list", Events.http("DELETE", list), .http(405, code: "METHOD_NOT_ALLOWED")),
            CorpusCase("route: invented method", Events.http("BREW", "/api/v1/health"), .http(405, code: "METHOD_NOT_ALLOWED")),
            CorpusCase("route: empty method", Events.http("", "/api/v1/health"), .http(405, code: "METHOD_NOT_ALLOWED")),
            CorpusCase("route: REST v1 unknown path", Events.rest("GET", "/api/v1/secrets"), .http(404, code: "ROUTE_NOT_FOUND")),
            CorpusCase("route: conversation that does not exist", Events.http("GET", "\(list)/no-such-conversation"),
                       .http(404, code: "CONVERSATION_NOT_FOUND")),
            CorpusCase("route: message to a conversation that does not exist",
                       Events.http("POST", "\(list)/no-such-conversation/message", body: #"{"user_message":"hi"}"#),
                       .http(404, code: "CONVERSATION_NOT_FOUND")),
            CorpusCase("route: pause a conversation that does not exist", Events.http("POST", "\(list)/no-such-conversation/pause"),
                       .http(404, code: "CONVERSATION_NOT_FOUND")),
            CorpusCase("route: session that does not exist", Events.http("GET", "/api/v1/sessions/no-such-session"),
                       .http(404, code: "SESSION_NOT_FOUND")),
            CorpusCase("route: conversation id of 128 characters (the longest valid)", Events.http("GET", "\(list)/\(longID(128))"),
                       .http(404, code: "CONVERSATION_NOT_FOUND")),
            CorpusCase("route: chat to an unknown conversation id of 128 characters",
                       chat(#"{"message":"hi","conversation_id":"\#(longID(128))"}"#), .http(404, code: "CONVERSATION_NOT_FOUND")),
            CorpusCase("route: session id of 128 characters", Events.http("GET", "/api/v1/sessions/\(longID(128))"),
                       .http(404, code: "SESSION_NOT_FOUND")),
        ]
    }

    static var identity: [CorpusCase] {
        let body = #"{"message":"Hello coach"}"#
        return [
            CorpusCase("identity: none", Events.http("POST", chat, body: body, identity: .none), .http(401, code: "UNAUTHORIZED")),
            CorpusCase("identity: none, user and tenant in the body",
                       Events.http("POST", chat, body: #"{"message":"hi","user_id":"alice","tenant_id":"tenant-a"}"#, identity: .none),
                       .http(401, code: "UNAUTHORIZED")),
            CorpusCase("identity: authorizer without tenant",
                       Events.http("POST", chat, body: body, identity: .rawAuthorizer(#"{"lambda":{"user_id":"alice"}}"#)),
                       .http(401, code: "UNAUTHORIZED")),
            CorpusCase("identity: authorizer tenant with a traversal", Events.http("POST", chat, body: body, identity: .authorizer(user: "alice", tenant: "../tenant-b")),
                       .http(401, code: "UNAUTHORIZED")),
            CorpusCase("identity: authorizer tenant with a homoglyph",
                       Events.http("POST", chat, body: body, identity: .authorizer(user: "alice", tenant: "tenant-\u{0430}")),
                       .http(401, code: "UNAUTHORIZED")),
            CorpusCase("identity: authorizer user of 200 characters",
                       Events.http("GET", list, identity: .authorizer(user: String(repeating: "u", count: 200), tenant: "tenant-a")),
                       .http(401, code: "UNAUTHORIZED")),
            CorpusCase("identity: authorizer claims are objects",
                       Events.http("GET", list, identity: .rawAuthorizer(#"{"lambda":{"user_id":{"id":"alice"},"tenant_id":["tenant-a"]}}"#)),
                       .http(401, code: "UNAUTHORIZED")),
            CorpusCase("identity: JWT authorizer with only sub",
                       Events.http("GET", list, identity: .rawAuthorizer(#"{"jwt":{"claims":{"sub":"alice"},"scopes":null}}"#)),
                       .http(401, code: "UNAUTHORIZED")),
            CorpusCase("identity: Basic credentials", Events.http("GET", list, identity: .authorizationHeader("Basic YWxpY2U6c2VjcmV0")),
                       .http(401, code: "UNAUTHORIZED")),
            CorpusCase("identity: empty Bearer", Events.http("GET", list, identity: .authorizationHeader("Bearer ")),
                       .http(401, code: "UNAUTHORIZED")),
            CorpusCase("identity: REST v1 without authorizer", Events.rest("POST", chat, body: body, identity: .none),
                       .http(401, code: "UNAUTHORIZED")),
        ] + ["alg none", "HS/RS confusion: HS256 keyed with the public key", "wrong secret", "expired", "not yet valid",
             "no tenant claim", "oversized", "tampered payload", "invalid base64url"].map { attack in
            CorpusCase("identity: forged Bearer (\(attack))", Events.http("POST", chat, body: body, identity: .bearer(Tokens.attack(attack))),
                              .http(401, code: "UNAUTHORIZED"))
        }
    }

    /// Path ids with traversal, encoding and unicode tricks.
    static var pathIDs: [CorpusCase] {
        let conversationID = ["path", "conversation_id"].joined(separator: ".")
        func invalid(_ name: String, _ id: String, suffix: String = "") -> CorpusCase {
            CorpusCase("path id: \(name)", Events.http(suffix.isEmpty ? "GET" : "POST", "\(list)/\(id)\(suffix)"),
                       .http(422, code: "VALIDATION_ERROR", locations: [conversationID]))
        }
        return [
            invalid("dot dot", ".."),
            invalid("encoded dot dot", "%2e%2e"),
            invalid("encoded slash", "a%2Fb"),
            invalid("encoded backslash", "a%5Cb"),
            invalid("right-to-left override", "%E2%80%AEconv"),
            invalid("NUL byte", "conv%00.json"),
            invalid("newline", "conv%0Aid"),
            invalid("space", "conv%20id"),
            invalid("shell metacharacters", "conv;rm%20-rf"),
            invalid("fullwidth letters", "\u{FF43}\u{FF4F}\u{FF4E}\u{FF56}"),
            invalid("Cyrillic homoglyph", "c\u{043E}nv-1"),
            invalid("zero-width joiner", "conv%E2%80%8D1"),
            invalid("129 characters", longID(129)),
            invalid("dot dot on message", "..", suffix: "/message"),
            CorpusCase("path id: session dot dot", Events.http("GET", "/api/v1/sessions/.."),
                       .http(422, code: "VALIDATION_ERROR", locations: ["path.session_id"])),
            CorpusCase("path id: malformed percent escape", Events.http("GET", "\(list)/%ZZ"), .http(404, code: "ROUTE_NOT_FOUND")),
            CorpusCase("path id: overlong UTF-8 slash", Events.http("GET", "\(list)/%C0%AF"), .http(404, code: "ROUTE_NOT_FOUND")),
        ]
    }
}
