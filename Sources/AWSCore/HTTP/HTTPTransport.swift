import CurlHTTP

/// Sends one HTTP request and returns the whole response. The AWS client's
/// only way out to the network, so tests can put anything behind it.
package protocol HTTPTransport: Sendable {
    func perform(_ request: HTTPRequest) throws(HTTPClientError) -> HTTPResponse
}
