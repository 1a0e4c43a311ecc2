@testable import CoachingHandlers
import Foundation
import LambdaRuntime
import Testing
import TestSupport

@Suite struct RouterTests {
    private func router() -> Router {
        var router = Router()
        router.add("GET", "/api/v1/conversations/{id}") { context in
            APIResponse(status: 200, body: Data((context.parameters["id"] ?? "").utf8))
        }
        router.add("POST", "/api/v1/conversations/{id}/message") { _ in APIResponse(status: 201, body: Data()) }
        router.add("DELETE", "/api/v1/conversations/{id}") { _ in APIResponse(status: 204, body: Data()) }
        return router
    }

    @Test func bindsAndPercentDecodesParameters() throws {
        guard case .found(let pattern, let handler, let parameters) = router().match(method: "GET", path: "/api/v1/conversations/abc%2D1") else {
            Issue.record("no match")
            return
        }
        #expect(pattern == "/api/v1/conversations/{id}")
        #expect(parameters["id"] == "abc-1")
        let context = RouteContext(request: APIRequest(method: "GET", path: "/"), parameters: parameters, logger: Logger(service: "t", sink: CapturingLogSink()))
        #expect(try handler(context).body == Data("abc-1".utf8))
    }

    @Test func trailingSlashesAndDoubleSlashesStillMatch() {
        guard case .found = router().match(method: "GET", path: "/api/v1/conversations/x/") else {
            Issue.record("no match")
            return
        }
    }

    @Test func knownPathWithOtherMethodListsAllowedMethods() {
        guard case .methodNotAllowed(let allowed) = router().match(method: "PUT", path: "/api/v1/conversations/x") else {
            Issue.record("expected 405")
            return
        }
        #expect(allowed == ["GET", "DELETE"])
    }

    @Test(arguments: ["/api/v1/conversations", "/api/v1/conversations/x/message/extra", "/", "/api/v2/conversations/x"])
    func unknownPathsAreNotFound(path: String) {
        guard case .notFound = router().match(method: "GET", path: path) else {
            Issue.record("expected 404 for \(path)")
            return
        }
    }

    @Test(arguments: ["/api/v1/conversations/%zz", "/api/v1/conversations/%", "/api/v1/conversations/%ff%fe"])
    func malformedEscapesDoNotMatch(path: String) {
        guard case .notFound = router().match(method: "GET", path: path) else {
            Issue.record("expected no match for \(path)")
            return
        }
    }
}
