import FoundationEssentials
import HTTPTypes
import LocalRuntime

/// The playground `coaching-dev serve` answers at `/`: one self-contained
/// page (no third-party code, no network but this API, enforced by its
/// content security policy) where a developer or coach signs in with a
/// development token, picks a topic, edits the business context, chats, sees
/// phase, progress and outcome, completes the conversation and lists past ones.
package enum PlaygroundPage {
    /// Only the API on this origin; inline script and style, nothing else.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    /// The answer to `GET /`; `nil` for every other request.
    package static func response(to request: ServerRequest) -> ServerResponse? {
        guard request.method == "GET", request.path == "/" || request.path == "/index.html" else { return nil }
        var headers: HTTPHeaders = [:]
        headers.add(name: "Content-Type", value: "text/html; charset=utf-8")
        headers.add(name: "Content-Security-Policy", value: contentSecurityPolicy)
        headers.add(name: "X-Content-Type-Options", value: "nosniff")
        headers.add(name: "Referrer-Policy", value: "no-referrer")
        headers.add(name: "Cache-Control", value: "no-store")
        return ServerResponse(status: 200, headers: headers, body: Data(html.utf8))
    }
}
