import CurlHTTP
import Synchronization

/// A small pool of ``CurlHTTPClient`` handles, safe to share across threads.
///
/// Each request checks a handle out and back in, so a single-threaded
/// Lambda keeps reusing one handle (and its kept-alive connection) while
/// concurrent callers, such as the local dev server, each get their own.
package final class HTTPClientPool: HTTPTransport {
    private let idle = Mutex<[PooledHandle]>([])
    private let created = Atomic<Int>(0)
    /// Handles kept when returned; more concurrent callers still work, the
    /// extra handles are closed after use.
    package let maxIdleHandles: Int
    private let userAgent: String

    package init(maxIdleHandles: Int = 4, userAgent: String = "purposepath-coaching") {
        self.maxIdleHandles = max(1, maxIdleHandles)
        self.userAgent = userAgent
    }

    /// How many libcurl handles this pool has made, for tests and metrics.
    package var createdHandleCount: Int { created.load(ordering: .relaxed) }

    package func perform(_ request: HTTPRequest) throws(HTTPClientError) -> HTTPResponse {
        let handle = try checkOut()
        defer { checkIn(handle) }
        return try handle.client.perform(request)
    }

    private func checkOut() throws(HTTPClientError) -> PooledHandle {
        if let handle = idle.withLock({ $0.popLast() }) { return handle }
        let handle = PooledHandle(client: try CurlHTTPClient(userAgent: userAgent))
        created.add(1, ordering: .relaxed)
        return handle
    }

    private func checkIn(_ handle: PooledHandle) {
        idle.withLock { handles in
            if handles.count < maxIdleHandles { handles.append(handle) }
        }
    }
}

/// A handle is used by one thread at a time: it is only reachable while
/// checked out (or idle inside the mutex).
private final class PooledHandle: @unchecked Sendable {
    let client: CurlHTTPClient
    init(client: CurlHTTPClient) { self.client = client }
}
