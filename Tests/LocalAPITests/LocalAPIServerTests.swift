import Coaching
@testable import CoachingStorage
import CurlHTTP
import Foundation
import HTTPTypes
import LambdaRuntime
@testable import LocalAPI
import LocalRuntime
import Synchronization
import Testing
import TestSupport

/// The local API on a real loopback port.
@Suite struct LocalAPIServerTests {
    private func start(_ handler: any LambdaHandler & Sendable, logger: Logger, drainSeconds: Double = 10) throws -> (LocalAPIServer, Int) {
        let server = LocalAPIServer(configuration: .init(port: 0, drainSeconds: drainSeconds), handler: handler, logger: logger,
                                    serialisationKey: ConversationSerialisation.key)
        return (server, try server.start())
    }

    private func send(_ client: CurlHTTPClient, _ method: HTTPMethod, _ url: String, body: String? = nil) throws -> HTTPResponse {
        try client.perform(HTTPRequest(method: method, url: url, headers: [
            "Authorization": "Bearer \(LocalAPIFixture.token())", "Content-Type": "application/json",
        ], body: body.map { Data($0.utf8) }))
    }

    @Test func servesKeepAliveRequestsOverHTTP() throws {
        let fixture = LocalAPIFixture()
        let (server, port) = try start(fixture.handler, logger: fixture.logger)
        defer { server.shutdown() }
        let reply = RawHTTP.exchange(port: port,
            "GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\n\r\nGET /api/v1/health/ready HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        #expect(reply.components(separatedBy: "HTTP/1.1 200 OK").count == 3)
        #expect(reply.contains(#""status":"healthy""#) && reply.contains(#""status":"ready""#))
        #expect(fixture.accessLines.count == 2)
    }

    @Test func refusesBodiesOverTheLambdaLimitBeforeReadingThem() throws {
        let fixture = LocalAPIFixture()
        let (server, port) = try start(fixture.handler, logger: fixture.logger)
        defer { server.shutdown() }
        let reply = RawHTTP.exchange(port: port, "POST /api/v1/coaching/chat HTTP/1.1\r\nHost: x\r\nContent-Length: 6291457\r\n\r\n{")
        #expect(reply.hasPrefix("HTTP/1.1 413 "))
        #expect(reply.contains("Connection: close"))
        #expect(reply.contains(#""error_code":"PAYLOAD_TOO_LARGE""#) && reply.contains(#""success":false"#))
        #expect(fixture.accessLines.map(\.status) == [413])
    }

    @Test func answersMalformedAndOversizedHeadsWithTheEnvelope() throws {
        let fixture = LocalAPIFixture()
        let (server, port) = try start(fixture.handler, logger: fixture.logger)
        defer { server.shutdown() }
        let huge = RawHTTP.exchange(port: port, "GET /api/v1/health HTTP/1.1\r\nX-Big: \(String(repeating: "a", count: 70_000))\r\n\r\n")
        #expect(huge.hasPrefix("HTTP/1.1 431 ") && huge.contains(#""error_code":"HEADERS_TOO_LARGE""#))
        let garbage = RawHTTP.exchange(port: port, "NONSENSE\r\n\r\n")
        #expect(garbage.hasPrefix("HTTP/1.1 400 ") && garbage.contains(#""error_code":"BAD_REQUEST""#))
        #expect(fixture.accessLines.map(\.status) == [431, 400])
    }

    @Test func servesParallelClientsOfOneConversationWithoutConflicts() throws {
        let directory = try TemporaryDirectory(prefix: "local-api")
        let fixture = LocalAPIFixture(store: try FileConversationStore(directory: directory.url.path))
        let (server, port) = try start(fixture.handler, logger: fixture.logger)
        defer { server.shutdown() }
        let base = "http://127.0.0.1:\(port)/api/v1"
        let started = try send(try CurlHTTPClient(), .post, "\(base)/conversations/initiate", body: #"{"topic":"vision"}"#)
        #expect(started.status == 201)
        let id = try JSONDecoder().decode(Envelope<Started>.self, from: started.body).data.conversationID
        let statuses = Mutex<[Int]>([])
        let finished = DispatchGroup()
        for index in 0..<8 {
            finished.enter()
            Thread {
                let status = (try? send(try CurlHTTPClient(), .post, "\(base)/conversations/\(id)/message",
                                        body: #"{"user_message":"Answer \#(index)"}"#))?.status ?? 0
                statuses.withLock { $0.append(status) }
                finished.leave()
            }.start()
        }
        finished.wait()
        #expect(statuses.withLock { $0 } == Array(repeating: 200, count: 8))
        let detail = try send(try CurlHTTPClient(), .get, "\(base)/conversations/\(id)?limit=100")
        #expect(try JSONDecoder().decode(Envelope<Detail>.self, from: detail.body).data.messageCount == 1 + 8 * 2)
    }

    @Test func shutdownLetsRequestsInFlightFinish() throws {
        let slow = ScriptedHandler { _, _ in
            usleep(300_000)
            return ScriptedHandler.ok
        }
        let (server, port) = try start(slow, logger: LocalAPIFixture().logger)
        let status = Mutex(0)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            let response = try? CurlHTTPClient().perform(HTTPRequest(url: "http://127.0.0.1:\(port)/slow"))
            status.withLock { $0 = response?.status ?? -1 }
            done.signal()
        }
        while server.emulator.inFlight == 0 { usleep(1_000) }
        server.shutdown()
        done.wait()
        #expect(status.withLock { $0 } == 200)
        #expect(RawHTTP.exchange(port: port, "GET / HTTP/1.1\r\n\r\n").isEmpty)
    }

    /// `{"data": {...}}` with the one field a test reads.
    private struct Envelope<Payload: Decodable>: Decodable {
        var data: Payload
        enum CodingKeys: String, CodingKey { case data }
    }

    private struct Started: Decodable {
        var conversationID: String
        enum CodingKeys: String, CodingKey { case conversationID = "conversation_id" }
    }

    private struct Detail: Decodable {
        var messageCount: Int
        enum CodingKeys: String, CodingKey { case messageCount = "message_count" }
    }
}
