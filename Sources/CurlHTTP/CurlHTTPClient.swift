import CCurl
import FoundationEssentials
import HTTPTypes

/// A blocking HTTP/1.1 client over one reused libcurl easy handle.
///
/// Reusing the handle keeps the connection alive between requests (the
/// Runtime API, DynamoDB and model endpoints are all called many times from
/// one warm process). A client is not thread-safe: give each thread its own.
package final class CurlHTTPClient {
    private var handle: UnsafeMutableRawPointer
    /// `User-Agent: <the agent>`, built once.
    private let userAgentHeader: String
    private let useEnvironmentProxy: Bool

    /// - Parameters:
    ///   - userAgent: the `User-Agent` header sent with every request.
    ///   - useEnvironmentProxy: honour `http_proxy` and friends. Off by
    ///     default: the Runtime API is loopback and must never be proxied.
    package init(userAgent: String = "purposepath-coaching", useEnvironmentProxy: Bool = false) throws(HTTPClientError) {
        guard curlGlobalInitialisation == CURLE_OK, let handle = curl_easy_init() else {
            throw .transport(code: -1, description: "libcurl could not be initialised")
        }
        self.handle = handle
        self.userAgentHeader = "User-Agent: \(userAgent)"
        self.useEnvironmentProxy = useEnvironmentProxy
    }

    deinit {
        curl_easy_cleanup(handle)
    }

    /// Sends `request` and waits for the whole response.
    ///
    /// Any status code is a response; only transport failures throw.
    package func perform(_ request: HTTPRequest) throws(HTTPClientError) -> HTTPResponse {
        try exchange(request) { () -> CURLcode in
            if let body = request.body, !body.isEmpty {
                return body.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> CURLcode in
                    _ = ccurl_setopt_offset(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(bytes.count))
                    _ = ccurl_setopt_pointer(handle, CURLOPT_POSTFIELDS, bytes.baseAddress)
                    return curl_easy_perform(handle)
                }
            }
            if request.method != .get, request.method != .head {
                _ = ccurl_setopt_offset(handle, CURLOPT_POSTFIELDSIZE_LARGE, 0)
                _ = ccurl_setopt_string(handle, CURLOPT_POSTFIELDS, "")
            }
            return curl_easy_perform(handle)
        }
    }

    /// Sends `request` with a body pulled from `streamingBody` as it is
    /// produced (`Transfer-Encoding: chunked`, trailers after the last
    /// chunk), and waits for the whole response. `request.body` is ignored.
    package func perform(_ request: HTTPRequest, streamingBody: any StreamingRequestBody) throws(HTTPClientError) -> HTTPResponse {
        if handleHasTrailerState {
            replaceHandle()
            guard !handleHasTrailerState else { throw .transport(code: -1, description: "libcurl could not be initialised") }
        }
        var request = request
        request.body = nil
        request.headers.replaceOrAdd(name: "Transfer-Encoding", value: "chunked")
        let source = UploadSource(streamingBody)
        // libcurl 7.88 (Debian 12) never resets its trailer state: the next chunked upload on
        // this handle writes its chunk header before the buffer and corrupts the heap
        // (reproduced with AddressSanitizer). The handle is therefore replaced after every
        // streamed upload; the cost is one new connection.
        defer { replaceHandle() }
        return try withExtendedLifetime(source) { () throws(HTTPClientError) -> HTTPResponse in
            try exchange(request) { () -> CURLcode in
                let pointer = Unmanaged.passUnretained(source).toOpaque()
                _ = ccurl_setopt_callback(handle, CURLOPT_READFUNCTION, readUpload)
                _ = ccurl_setopt_pointer(handle, CURLOPT_READDATA, pointer)
                _ = ccurl_setopt_trailer_callback(handle, appendTrailers)
                _ = ccurl_setopt_pointer(handle, CURLOPT_TRAILERDATA, pointer)
                return curl_easy_perform(handle)
            }
        }
    }

    /// Set while the handle has sent a chunked upload and could not be replaced yet.
    private var handleHasTrailerState = false

    private func replaceHandle() {
        guard let fresh = curl_easy_init() else {
            handleHasTrailerState = true
            return
        }
        curl_easy_cleanup(handle)
        handle = fresh
        handleHasTrailerState = false
    }

    /// Resets the handle, sets everything but the body, runs `send` and collects the response.
    private func exchange(_ request: HTTPRequest, send: () -> CURLcode) throws(HTTPClientError) -> HTTPResponse {
        curl_easy_reset(handle)
        let collector = ResponseCollector(limit: request.maxResponseBytes)
        let collectorPointer = Unmanaged.passUnretained(collector).toOpaque()

        var headerList: UnsafeMutablePointer<curl_slist>? = nil
        defer { curl_slist_free_all(headerList) }
        // Sent as a plain header, not CURLOPT_USERAGENT: libcurl formats that one with
        // its own printf on every request (about 10,000 instructions, callgrind).
        if request.headers["User-Agent"] == nil {
            headerList = curl_slist_append(headerList, userAgentHeader)
        }
        for field in request.headers {
            headerList = curl_slist_append(headerList, "\(field.name): \(field.value)")
        }
        // An empty `Expect:` stops curl waiting for `100 Continue` on large bodies.
        if request.method != .get, request.method != .head {
            headerList = curl_slist_append(headerList, "Expect:")
        }

        try configure(request, headerList: headerList, collector: collectorPointer)
        let code = withExtendedLifetime(collector) { send() }
        guard code == CURLE_OK else {
            if collector.exceededLimit { throw .responseTooLarge(limit: request.maxResponseBytes) }
            throw Self.error(for: code)
        }
        var status = 0
        _ = ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return HTTPResponse(status: status, headers: collector.headers, body: collector.body)
    }

    private func configure(
        _ request: HTTPRequest,
        headerList: UnsafeMutablePointer<curl_slist>?,
        collector: UnsafeMutableRawPointer
    ) throws(HTTPClientError) {
        guard ccurl_setopt_string(handle, CURLOPT_URL, request.url) == CURLE_OK else {
            throw .invalidRequest("unsupported URL")
        }
        // Only HTTP(S): a URL built from configuration must never reach file:// or gopher://.
        _ = ccurl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        _ = ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = ccurl_setopt_long(handle, CURLOPT_TCP_NODELAY, 1)
        _ = ccurl_setopt_long(handle, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_1_1)
        if !useEnvironmentProxy {
            _ = ccurl_setopt_string(handle, CURLOPT_PROXY, "")
        }
        _ = ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, max(1, request.connectTimeoutMilliseconds))
        _ = ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, max(0, request.timeoutMilliseconds ?? 0))
        _ = ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList)
        _ = ccurl_setopt_callback(handle, CURLOPT_WRITEFUNCTION, collectBody)
        _ = ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, collector)
        if request.collectsResponseHeaders {
            _ = ccurl_setopt_callback(handle, CURLOPT_HEADERFUNCTION, collectHeader)
            _ = ccurl_setopt_pointer(handle, CURLOPT_HEADERDATA, collector)
        }
        switch request.method {
        case .get:
            _ = ccurl_setopt_long(handle, CURLOPT_HTTPGET, 1)
        case .head:
            _ = ccurl_setopt_long(handle, CURLOPT_NOBODY, 1)
        case .post:
            _ = ccurl_setopt_long(handle, CURLOPT_POST, 1)
        case .put, .patch, .delete, .options:
            _ = ccurl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method.rawValue)
        }
    }

    private static func error(for code: CURLcode) -> HTTPClientError {
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: .couldNotResolveHost
        case CURLE_COULDNT_CONNECT: .couldNotConnect
        case CURLE_OPERATION_TIMEDOUT: .timedOut
        case CURLE_GOT_NOTHING, CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_PARTIAL_FILE: .connectionLost
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL: .invalidRequest("unsupported URL")
        default: .transport(code: Int(code.rawValue), description: String(cString: curl_easy_strerror(code)))
        }
    }
}

/// `curl_global_init` must run once, before any handle exists; Swift runs a
/// global's initialiser exactly once, on first use, thread-safely.
private let curlGlobalInitialisation: CURLcode = ccurl_global_init_default()

/// Accumulates one response; reached from libcurl's C callbacks through an
/// unretained pointer that lives only for the duration of `perform`.
private final class ResponseCollector {
    let limit: Int
    var body = Data()
    var headers = HTTPHeaders()
    var exceededLimit = false

    init(limit: Int) { self.limit = limit }
}

private let collectBody: ccurl_data_callback = { buffer, size, count, userdata in
    guard let buffer, let userdata else { return 0 }
    let collector = Unmanaged<ResponseCollector>.fromOpaque(userdata).takeUnretainedValue()
    let length = size * count
    guard collector.body.count + length <= collector.limit else {
        collector.exceededLimit = true
        return 0
    }
    collector.body.append(UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self), count: length)
    return length
}

private let collectHeader: ccurl_data_callback = { buffer, size, count, userdata in
    guard let buffer, let userdata else { return 0 }
    let collector = Unmanaged<ResponseCollector>.fromOpaque(userdata).takeUnretainedValue()
    let length = size * count
    let line = UnsafeRawBufferPointer(start: buffer, count: length)
    if line.starts(with: statusLinePrefix) {
        // A new status line (after `100 Continue`, say) starts a new header block.
        collector.headers.removeAll()
    } else if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
        // Bytes are trimmed before any String is made: one allocation per name and value.
        var start = colon + 1, end = length
        while start < end, isHTTPWhitespace(line[start]) { start += 1 }
        while end > start, isHTTPWhitespace(line[end - 1]) { end -= 1 }
        collector.headers.add(
            name: String(decoding: UnsafeRawBufferPointer(rebasing: line[..<colon]), as: UTF8.self),
            value: String(decoding: UnsafeRawBufferPointer(rebasing: line[start..<end]), as: UTF8.self)
        )
    }
    return length
}

/// Holds the caller's streaming body for libcurl's read and trailer callbacks.
private final class UploadSource {
    let body: any StreamingRequestBody
    init(_ body: any StreamingRequestBody) { self.body = body }
}

private let readUpload: ccurl_data_callback = { buffer, size, count, userdata in
    guard let buffer, let userdata else { return ccurl_readfunc_abort() }
    let source = Unmanaged<UploadSource>.fromOpaque(userdata).takeUnretainedValue()
    let (capacity, overflow) = size.multipliedReportingOverflow(by: count)
    guard !overflow else { return ccurl_readfunc_abort() }
    guard let copied = source.body.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: capacity)) else {
        return ccurl_readfunc_abort()
    }
    return min(copied, capacity)
}

private let appendTrailers: ccurl_trailer_callback = { list, userdata in
    guard let list, let userdata else { return ccurl_trailerfunc_abort() }
    let source = Unmanaged<UploadSource>.fromOpaque(userdata).takeUnretainedValue()
    for field in source.body.trailers() {
        list.pointee = curl_slist_append(list.pointee, "\(field.name): \(field.value)")
    }
    return ccurl_trailerfunc_ok()
}

private let statusLinePrefix: [UInt8] = Array("HTTP/".utf8)
