import AWSCore
import Coaching
import CurlHTTP
import FoundationEssentials
import HTTPTypes

/// What one failed attempt at a chat completion means: the error to report
/// if it is the last, and whether (and how soon) to try again.
struct OpenAIAttemptFailure: Equatable {
    var error: ModelError
    var retryKind: RetryKind?
    /// From `Retry-After`, when the server sent one in seconds.
    var retryAfterMilliseconds: Int64?
}

/// Status codes and transport failures of an OpenAI-compatible server, as
/// ``ModelError``s. Details carry the status and the error's `type`/`code`
/// identifiers, never its message (OpenAI's 401 message quotes part of the key).
enum OpenAIErrorMapping {
    /// The 400 a server answers when it wants `max_completion_tokens`
    /// instead: `unsupported_parameter` on `max_tokens` (OpenAI's reasoning models).
    static func refusesMaxTokens(_ response: HTTPResponse) -> Bool {
        guard response.status == 400,
              let body = try? JSONDecoder().decode(ChatCompletionErrorBody.self, from: response.body) else { return false }
        return body.error.code?.text == "unsupported_parameter" && body.error.param == "max_tokens"
    }

    static func failure(for response: HTTPResponse) -> OpenAIAttemptFailure {
        let detail = "HTTP \(response.status)\(identifiers(in: response))"
        switch response.status {
        case 401, 403:
            return OpenAIAttemptFailure(error: .accessDenied(detail))
        case 404:
            return OpenAIAttemptFailure(error: .notFound(detail))
        case 408:
            return OpenAIAttemptFailure(error: .timedOut, retryKind: .transient)
        case 429:
            return OpenAIAttemptFailure(error: .throttled, retryKind: .throttling, retryAfterMilliseconds: retryAfter(response.headers))
        case 400..<500:
            return OpenAIAttemptFailure(error: .rejected(detail))
        case 500...:
            return OpenAIAttemptFailure(error: .unavailable(detail), retryKind: .transient, retryAfterMilliseconds: retryAfter(response.headers))
        default:
            return OpenAIAttemptFailure(error: .malformedResponse("unexpected \(detail)"))
        }
    }

    static func failure(for error: HTTPClientError) -> OpenAIAttemptFailure {
        let kind: RetryKind? = error.isRetryable ? .transient : nil
        if error == .timedOut { return OpenAIAttemptFailure(error: .timedOut, retryKind: kind) }
        return OpenAIAttemptFailure(error: .unavailable("the model server could not be reached: \(error)"), retryKind: kind)
    }

    /// `Retry-After` in whole or fractional seconds; HTTP dates are ignored
    /// (backoff applies then).
    static func retryAfter(_ headers: HTTPHeaders) -> Int64? {
        guard let value = headers["Retry-After"], let seconds = Double(value), seconds.isFinite, seconds >= 0,
              seconds < 86_400 else { return nil }
        return Int64((seconds * 1_000).rounded(.up))
    }

    /// ` invalid_request_error/invalid_api_key`, or nothing when the body
    /// has no such identifiers. Only short word-like identifiers are kept.
    private static func identifiers(in response: HTTPResponse) -> String {
        guard let body = try? JSONDecoder().decode(ChatCompletionErrorBody.self, from: response.body) else { return "" }
        let parts = [body.error.type, body.error.code?.text].compactMap { $0 }.filter(isIdentifier)
        return parts.isEmpty ? "" : " " + parts.joined(separator: "/")
    }

    private static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 64
            && text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0)) }
    }
}
