import AWSCore
import CurlHTTP
import LocalRuntime
import Foundation
import Testing
import TestSupport

@Suite("HTTP client pool")
struct HTTPClientPoolTests {
    @Test("sequential calls reuse one handle")
    func sequentialReuse() throws {
        let server = FaultInjectingServer(script: [])
        let url = try server.start()
        let pool = HTTPClientPool()
        for _ in 0..<5 {
            #expect(try pool.perform(HTTPRequest(url: url + "/")).status == 200)
        }
        #expect(pool.createdHandleCount == 1)
    }

    @Test("concurrent callers each get a handle; all succeed")
    func concurrentCallers() throws {
        // The server holds every answer until three requests are in flight, so
        // three callers must hold handles at the same time.
        let arrived = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let server = LocalHTTPServer { _ in
            arrived.signal()
            _ = release.wait(timeout: .now() + 10)
            return ServerResponse(status: 200, body: Data("{}".utf8))
        }
        let port = try server.start()
        defer { server.stop() }
        let pool = HTTPClientPool(maxIdleHandles: 2)
        let successes = ThreadSafeCounter()
        let done = DispatchGroup()
        for _ in 0..<3 {
            done.enter()
            Thread.detachNewThread {
                if (try? pool.perform(HTTPRequest(url: "http://127.0.0.1:\(port)/")))?.status == 200 { successes.increment() }
                done.leave()
            }
        }
        for _ in 0..<3 { #expect(arrived.wait(timeout: .now() + 10) == .success) }
        for _ in 0..<3 { release.signal() }
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(successes.value == 3)
        #expect(pool.createdHandleCount == 3)
    }
}
