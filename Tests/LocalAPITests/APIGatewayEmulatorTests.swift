import CurlHTTP
import Foundation
import LambdaRuntime
@testable import LocalAPI
import LocalRuntime
import Testing

/// Requests through the emulated API Gateway into the real handlers.
@Suite struct APIGatewayEmulatorTests {
    @Test func answersThroughTheSameHandlersAsLambda() throws {
        let fixture = LocalAPIFixture()
        let emulator = fixture.emulator()
        let health = emulator.respond(to: LocalAPIFixture.request("GET", "/api/v1/health", token: nil))
        #expect(health.status == 200)
        #expect(String(decoding: health.body, as: UTF8.self).contains(#""status":"healthy""#))

        let chat = emulator.respond(to: LocalAPIFixture.request("POST", "/api/v1/coaching/chat", body: #"{"message":"Where do we start?"}"#))
        #expect(chat.status == 200)
        #expect(String(decoding: chat.body, as: UTF8.self).contains(#""conversation_id""#))

        let anonymous = emulator.respond(to: LocalAPIFixture.request("POST", "/api/v1/coaching/chat", body: #"{"message":"hi"}"#, token: nil))
        #expect(anonymous.status == 401)
        let error = try JSONDecoder().decode(ErrorBody.self, from: anonymous.body)
        #expect(error.errorCode == "UNAUTHORIZED")
        // The envelope's request id is API Gateway's, also sent as a header.
        #expect(error.requestID == anonymous.headers["apigw-requestid"])
    }

    @Test func answersCORSPreflights() {
        let emulator = LocalAPIFixture().emulator()
        let preflight = emulator.respond(to: LocalAPIFixture.request(
            "OPTIONS", "/api/v1/coaching/chat", token: nil,
            headers: ["Origin": "http://localhost:5173", "Access-Control-Request-Method": "POST"]
        ))
        #expect(preflight.status == 204)
        #expect(preflight.headers["access-control-allow-origin"] == "*")
        #expect(preflight.headers["access-control-allow-headers"]?.contains("authorization") == true)
    }

    @Test func refusesEventsOverTheLambdaPayloadLimitWithTheEnvelope() throws {
        let emulator = LocalAPIFixture().emulator(limits: .init(maxEventBytes: 4_096))
        let tooBig = emulator.respond(to: LocalAPIFixture.request("POST", "/api/v1/coaching/chat", body: String(repeating: "a", count: 5_000)))
        #expect(tooBig.status == 413)
        #expect(try JSONDecoder().decode(ErrorBody.self, from: tooBig.body) == ErrorBody(
            success: false, errorCode: "PAYLOAD_TOO_LARGE", requestID: tooBig.headers["apigw-requestid"]))
        // Under the limit as a body, over it as an event: base64 makes binary bodies a third larger.
        var binary = LocalAPIFixture.request("POST", "/api/v1/coaching/chat")
        binary.body = Data(repeating: 0xFF, count: 3_500)
        #expect(emulator.respond(to: binary).status == 413)
        #expect(Limits.lambdaRequestBytes == 6_291_456)
    }

    @Test func answersAFailedInvocationLikeAPIGatewayAndLogsItsType() {
        let fixture = LocalAPIFixture()
        let failing = ScriptedHandler { _, _ in throw EventFailure() }
        let emulator = APIGatewayEmulator(handler: failing, logger: fixture.logger)
        let response = emulator.respond(to: LocalAPIFixture.request("GET", "/api/v1/health"))
        #expect(response.status == 502)
        #expect(response.body == Data(#"{"message":"Internal Server Error"}"#.utf8))
        #expect(fixture.logs.text.contains(#""errorType":"TestFailure""#))

        let garbled = APIGatewayEmulator(handler: ScriptedHandler { _, _ in Data("[]".utf8) }, logger: fixture.logger)
        #expect(garbled.respond(to: LocalAPIFixture.request("GET", "/x")).status == 502)
    }

    @Test func writesOneAccessLinePerRequestWithoutQueryCredentialsOrBodies() throws {
        let fixture = LocalAPIFixture()
        let emulator = fixture.emulator()
        let token = LocalAPIFixture.token()
        _ = emulator.respond(to: LocalAPIFixture.request("GET", "/api/v1/conversations?cursor=secret-cursor-value&limit=5", token: token))
        _ = emulator.respond(to: LocalAPIFixture.request("POST", "/api/v1/coaching/chat", body: #"{"message":"private words"}"#, token: token))
        let lines = fixture.accessLines
        #expect(lines.map(\.path) == ["/api/v1/conversations", "/api/v1/coaching/chat"])
        #expect(lines.map(\.method) == ["GET", "POST"])
        #expect(lines.map(\.status) == [422, 200])
        #expect(lines.allSatisfy { $0.bytes > 0 && !$0.apiRequestId.isEmpty })
        #expect(!fixture.logs.text.contains("secret-cursor-value"))
        #expect(!fixture.logs.text.contains(token))
        #expect(!fixture.logs.text.contains("private words"))
    }

    /// The most handler calls that overlapped while six clients wrote to the conversations `ids` names.
    private func mostAtOnce(_ ids: @escaping @Sendable (Int) -> String) -> Int {
        let slow = ScriptedHandler { _, _ in
            usleep(30_000)
            return ScriptedHandler.ok
        }
        let emulator = APIGatewayEmulator(handler: slow, logger: LocalAPIFixture().logger, serialisationKey: ConversationSerialisation.key)
        // Threads of their own: a dispatch pool may run the six one after another on a busy machine.
        let finished = DispatchGroup()
        for index in 0..<6 {
            finished.enter()
            Thread {
                _ = emulator.respond(to: LocalAPIFixture.request("POST", "/api/v1/conversations/\(ids(index))/message", body: #"{"message":"x"}"#))
                finished.leave()
            }.start()
        }
        finished.wait()
        return slow.mostAtOnce
    }

    @Test func runsWritesToOneConversationOneAtATimeAndOthersInParallel() {
        #expect(mostAtOnce { _ in "conv-1" } == 1)
        #expect(mostAtOnce { "conv-\($0)" } > 1)
    }

    @Test func closesKeepAliveConnectionsOnceDraining() {
        let emulator = LocalAPIFixture().emulator()
        #expect(emulator.respond(to: LocalAPIFixture.request("GET", "/api/v1/health")).closeConnection == false)
        emulator.beginDraining()
        #expect(emulator.respond(to: LocalAPIFixture.request("GET", "/api/v1/health")).closeConnection == true)
        #expect(emulator.inFlight == 0)
    }

    typealias Limits = APIGatewayEmulator.Limits
}

struct EventFailure: Error, LambdaFunctionError {
    var errorType: String { "TestFailure" }
    var errorMessage: String { "scripted failure" }
}
