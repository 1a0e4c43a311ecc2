import AWSCore
import CurlHTTP
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
        let server = FaultInjectingServer(script: [], fallback: .delay(milliseconds: 50, then: .ok("{}")))
        let url = try server.start()
        let pool = HTTPClientPool(maxIdleHandles: 2)
        let successes = ThreadSafeCounter()
        DispatchQueue.concurrentPerform(iterations: 6) { _ in
            if (try? pool.perform(HTTPRequest(url: url + "/")))?.status == 200 { successes.increment() }
        }
        #expect(successes.value == 6)
        #expect(pool.createdHandleCount >= 2)
        #expect(pool.createdHandleCount <= 6)
        #expect(server.attempts.count == 6)
    }
}
