import Foundation

/// Request bodies that are not JSON, of the wrong types, too large or too
/// deep; query strings and headers out of contract; base64 tricks.
extension BadInputCorpus {
    static var bodies: [CorpusCase] {
        func unprocessable(_ name: String, _ body: String, _ locations: [String]) -> CorpusCase {
            CorpusCase("body: \(name)", chat(body), .http(422, code: "VALIDATION_ERROR", locations: locations))
        }
        func malformed(_ name: String, _ body: String) -> CorpusCase {
            CorpusCase("body: \(name)", chat(body), .http(400, code: "MALFORMED_JSON"))
        }
        return [
            malformed("truncated", #"{"message":"hi""#),
            malformed("not JSON", "message=hi"),
            malformed("single quotes", "{'message':'hi'}"),
            malformed("trailing comma", #"{"message":"hi",}"#),
            malformed("comment", #"{"message":"hi" /* c */}"#),
            malformed("bare word", #"{"message":"hi","topic":goals}"#),
            malformed("byte order mark", "\u{FEFF}{\"message\":\"hi\"}"),
            malformed("two documents", #"{"message":"hi"}{"message":"again"}"#),
            malformed("lone low surrogate escape", #"{"message":"hi \udc80 there"}"#),
            malformed("high surrogate without its pair", #"{"message":"hi \ud83d there"}"#),
            malformed("raw control character in a string", "{\"message\":\"a\u{1}b\"}"),
            malformed("invalid escape", #"{"message":"\q"}"#),
            unprocessable("array", "[1,2]", ["body"]),
            unprocessable("null", "null", ["body"]),
            unprocessable("message is a number", #"{"message":42}"#, ["body.message"]),
            unprocessable("message is null", #"{"message":null}"#, ["body.message"]),
            unprocessable("message is a list", #"{"message":["hi"]}"#, ["body.message"]),
            unprocessable("message is blank", #"{"message":" \n\t\u3000 "}"#, ["body.message"]),
            unprocessable("message of 4,001 characters", #"{"message":"\#(String(repeating: "é", count: 4_001))"}"#, ["body.message"]),
            unprocessable("no message", #"{"topic":"goals"}"#, ["body.message"]),
            unprocessable("unknown topic", #"{"message":"hi","topic":"world_domination"}"#, ["body.topic"]),
            unprocessable("topic is a number", #"{"message":"hi","topic":3}"#, ["body.topic"]),
            unprocessable("topic is NaN", #"{"message":"hi","topic":NaN}"#, ["body.topic"]),
            unprocessable("conversation_id with a traversal", #"{"message":"hi","conversation_id":"../../x"}"#, ["body.conversation_id"]),
            unprocessable("conversation_id is a number", #"{"message":"hi","conversation_id":12}"#, ["body.conversation_id"]),
            unprocessable("camelCase key", #"{"message":"hi","conversationId":"c1"}"#, ["body.conversationId"]),
            unprocessable("duplicate key", #"{"message":"hi","message":"again"}"#, ["body.message"]),
            unprocessable("business_context is a list", #"{"message":"hi","business_context":[]}"#, ["body.business_context"]),
            unprocessable("goals is an object", #"{"message":"hi","business_context":{"goals":{}}}"#, ["body.business_context.goals"]),
            unprocessable("goal without id, title, status", #"{"message":"hi","business_context":{"goals":[{}]}}"#,
                          ["body.business_context.goals.0.id", "body.business_context.goals.0.title", "body.business_context.goals.0.status"]),
            unprocessable("context of another tenant", #"{"message":"hi","business_context":{"tenant":{"id":"tenant-b","company":"B"}}}"#,
                          ["body.business_context.tenant.id"]),
            CorpusCase("body: rating as a string", Events.http("POST", "\(list)/conv-1/complete", body: #"{"rating":"5"}"#),
                       .http(422, code: "VALIDATION_ERROR", locations: ["body.rating"])),
            CorpusCase("body: rating 5.5", Events.http("POST", "\(list)/conv-1/complete", body: #"{"rating":5.5}"#),
                       .http(422, code: "VALIDATION_ERROR", locations: ["body.rating"])),
            CorpusCase("body: rating 1e400", Events.http("POST", "\(list)/conv-1/complete", body: #"{"rating":1e400}"#),
                       .http(422, code: "VALIDATION_ERROR", locations: ["body.rating"])),
            CorpusCase("body: pause reason is a number", Events.http("POST", "\(list)/conv-1/pause", body: #"{"reason":1}"#),
                       .http(422, code: "VALIDATION_ERROR", locations: ["body.reason"])),
            CorpusCase("body: user_message is a boolean", Events.http("POST", "\(list)/conv-1/message", body: #"{"user_message":true}"#),
                       .http(422, code: "VALIDATION_ERROR", locations: ["body.user_message"])),
            CorpusCase("body: initiate without topic", Events.http("POST", "\(list)/initiate", body: #"{"language":"en"}"#),
                       .http(422, code: "VALIDATION_ERROR", locations: ["body.topic"])),
            CorpusCase("body: initiate with a script as language",
                       Events.http("POST", "\(list)/initiate", body: #"{"topic":"goals","language":"<script>"}"#),
                       .http(422, code: "VALIDATION_ERROR", locations: ["body.language"])),
        ]
    }

    /// Huge strings and lists, deep nesting, oversized bodies.
    static var sizes: [CorpusCase] {
        let manyGoals = Array(repeating: #"{"id":"g","title":"t","status":"on_track"}"#, count: 501).joined(separator: ",")
        let fiftyIssues = (0..<60).map { #""conversationId":\#($0)"# }.joined(separator: ",")
        return [
            CorpusCase("size: body over 1 MiB", chat(#"{"message":"\#(String(repeating: "a", count: 1_100_000))"}"#),
                       .http(413, code: "PAYLOAD_TOO_LARGE")),
            CorpusCase("size: one string over 256 KiB in an unknown member",
                       chat(#"{"message":"hi","padding":"\#(String(repeating: "p", count: 300_000))"}"#), .http(413, code: "PAYLOAD_TOO_LARGE")),
            CorpusCase("size: 501 goals", chat(#"{"message":"hi","business_context":{"goals":[\#(manyGoals)]}}"#),
                       .http(422, code: "VALIDATION_ERROR", locations: ["body.business_context.goals"])),
            CorpusCase("size: nesting 40 deep in an unknown member", chat(#"{"message":"hi","x":\#(nested(40))}"#),
                       .http(400, code: "MALFORMED_JSON")),
            CorpusCase("size: nesting 100,000 deep", chat(nested(100_000)), .http(400, code: "MALFORMED_JSON")),
            CorpusCase("size: number of 100 digits", chat(#"{"message":"hi","x":\#(String(repeating: "9", count: 100))}"#),
                       .http(400, code: "MALFORMED_JSON")),
            // Repeated small mistakes: each is an issue; the answer lists 50 and stays small.
            CorpusCase("size: 60 camelCase keys", chat(#"{"message":"hi",\#(fiftyIssues)}"#), .http(422, code: "VALIDATION_ERROR")),
            CorpusCase("size: 87,000 duplicate keys in 1 MiB", chat(#"{"message":"hi""# + String(repeating: #","message":1"#, count: 87_000) + "}"),
                       .http(422, code: "VALIDATION_ERROR")),
            CorpusCase("size: 50,000 camelCase keys in 1 MiB", chat(#"{"message":"hi""# + String(repeating: #","conversationId":1"#, count: 50_000) + "}"),
                       .http(422, code: "VALIDATION_ERROR")),
        ]
    }

    /// Query strings, headers, media types and base64 bodies out of contract.
    static var requestParts: [CorpusCase] {
        func query(_ name: String, _ parameters: [String: String], _ location: String) -> CorpusCase {
            CorpusCase("query: \(name)", Events.http("GET", list, query: parameters), .http(422, code: "VALIDATION_ERROR", locations: [location]))
        }
        func idempotency(_ name: String, _ key: String) -> CorpusCase {
            CorpusCase("header: idempotency key \(name)", chat(#"{"message":"hi"}"#, headers: ["idempotency-key": key]),
                       .http(422, code: "VALIDATION_ERROR", locations: ["header.idempotency-key"]))
        }
        let invalidUTF8 = Data([0x7B, 0x22, 0x6D, 0x65, 0x73, 0x73, 0x61, 0x67, 0x65, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0x22, 0x7D])
        return [
            query("limit not a number", ["limit": "ten"], "query.limit"),
            query("limit zero", ["limit": "0"], "query.limit"),
            query("limit 1000", ["limit": "1000"], "query.limit"),
            query("negative limit", ["limit": "-5"], "query.limit"),
            query("cursor garbage", ["cursor": "!!not-a-cursor!!"], "query.cursor"),
            query("unknown status", ["status": "deleted"], "query.status"),
            query("unknown topic", ["topic": "gossip"], "query.topic"),
            idempotency("with a space", "key 1"),
            idempotency("of 257 characters", String(repeating: "k", count: 257)),
            idempotency("with unicode", "clé-1"),
            idempotency("with a control character", "key\u{7}1"),
            CorpusCase("media type: text/plain", chat(#"{"message":"hi"}"#, headers: ["content-type": "text/plain"]),
                       .http(415, code: "UNSUPPORTED_MEDIA_TYPE")),
            CorpusCase("media type: form", chat("message=hi", headers: ["content-type": "application/x-www-form-urlencoded"]),
                       .http(415, code: "UNSUPPORTED_MEDIA_TYPE")),
            CorpusCase("base64: not base64", Events.http("POST", chat, body: "%%%not base64%%%", base64: true),
                       .http(400, code: "MALFORMED_BODY")),
            CorpusCase("base64: decodes to invalid UTF-8", Events.http("POST", chat, body: invalidUTF8.base64EncodedString(), base64: true),
                       .http(400, code: "MALFORMED_JSON")),
            CorpusCase("base64: decodes to an overlong encoding",
                       Events.http("POST", chat, body: Data([0x7B, 0x22, 0xC0, 0xAF, 0x22, 0x3A, 0x31, 0x7D]).base64EncodedString(), base64: true),
                       .http(400, code: "MALFORMED_JSON")),
            CorpusCase("base64: decodes to UTF-16", Events.http("POST", chat, body: Data(#"{"message":"hi"}"#.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).base64EncodedString(), base64: true),
                       .http(400, code: "MALFORMED_JSON")),
            CorpusCase("base64: decodes to a body over 1 MiB",
                       Events.http("POST", chat, body: Data(String(repeating: " ", count: 1_200_000).utf8).base64EncodedString(), base64: true),
                       .http(413, code: "PAYLOAD_TOO_LARGE")),
        ]
    }
}
