import Foundation
import LocalRuntime
import Testing
import TestSupport

/// Issue 20: `serve` kept idle half-sent connections forever (300 of them:
/// 302 threads, 97 MB) and spun in `accept` once descriptors ran out.
@Suite struct ServerExhaustionTests {
    @Test func connectionsBeyondTheCapAre503AndTheServerRecovers() throws {
        let server = LocalHTTPServer { _ in ServerResponse(status: 200) }
        try server.start()
        defer { server.stop() }
        var held: [Int32] = []
        for _ in 0..<256 { held.append(RawHTTP.holdOpen(port: server.port, sending: "GET / HTTP/1.1\r\nHost: x\r\n")) }
        // Let the accept loop admit them all before the next one arrives.
        var waited = 0
        while server.acceptedConnections < 256, waited < 500 {
            usleep(10_000)
            waited += 1
        }
        let refused = RawHTTP.exchange(port: server.port, "GET / HTTP/1.1\r\nConnection: close\r\n\r\n")
        #expect(refused.hasPrefix("HTTP/1.1 503 "))
        for descriptor in held { close(descriptor) }
        var answered = ""
        for _ in 0..<100 {
            answered = RawHTTP.exchange(port: server.port, "GET / HTTP/1.1\r\nConnection: close\r\n\r\n")
            if answered.hasPrefix("HTTP/1.1 200 ") { break }
            usleep(20_000)
        }
        #expect(answered.hasPrefix("HTTP/1.1 200 "))
    }

    @Test func aHalfSentRequestIsDroppedAfterTheIdleTimeout() throws {
        let server = LocalHTTPServer(configuration: .init(idleTimeoutSeconds: 1)) { _ in ServerResponse(status: 200) }
        try server.start()
        defer { server.stop() }
        let started = Date()
        _ = RawHTTP.exchange(port: server.port, Array("GET / HTTP/1.1\r\nHost: x\r\n".utf8), timeout: 10)
        #expect(Date().timeIntervalSince(started) < 5)
        // A client that keeps sending is not cut off by the idle timeout.
        let reply = RawHTTP.exchange(port: server.port, "GET / HTTP/1.1\r\nConnection: close\r\n\r\n")
        #expect(reply.hasPrefix("HTTP/1.1 200 "))
    }
}
