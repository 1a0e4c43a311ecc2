import FoundationEssentials

/// One event the mock Runtime API hands to the runtime, with the headers the
/// real service sends alongside it.
package struct MockInvocation: Sendable {
    package var requestID: String
    package var event: Data
    /// The raw `Lambda-Runtime-Deadline-Ms` value; `nil` omits the header.
    /// Defaults to 30 s after the invocation is handed out.
    package var deadline: String??
    var functionARN: String?
    package var traceID: String?
    package var clientContext: String?
    package var cognitoIdentity: String?
    package var tenantID: String?

    package init(
        requestID: String = UUID().uuidString.lowercased(),
        event: Data,
        deadline: String?? = .none,
        functionARN: String? = "arn:aws:lambda:us-east-1:123456789012:function:coaching",
        traceID: String? = nil,
        clientContext: String? = nil,
        cognitoIdentity: String? = nil,
        tenantID: String? = nil
    ) {
        self.requestID = requestID
        self.event = event
        self.deadline = deadline
        self.functionARN = functionARN
        self.traceID = traceID
        self.clientContext = clientContext
        self.cognitoIdentity = cognitoIdentity
        self.tenantID = tenantID
    }

    package init(requestID: String = UUID().uuidString.lowercased(), json: String) {
        self.init(requestID: requestID, event: Data(json.utf8))
    }
}

/// How the runtime answered one invocation.
package enum InvocationOutcome: Sendable, Equatable {
    /// `POST .../response` accepted (202).
    case response(Data)
    /// `POST .../error` accepted; the header's error type and the body.
    case error(type: String?, body: Data)
    /// `POST .../response` refused with 413; the invocation failed.
    case tooLarge(bytes: Int)
    /// A streamed `POST .../response` accepted (202), possibly ending with error trailers.
    case streamed(StreamedResponse)

    /// The response body, when the outcome is a response.
    package var responseBody: Data? {
        if case .response(let body) = self { return body }
        return nil
    }

    /// The streamed response, when the outcome is one.
    package var streamedResponse: StreamedResponse? {
        if case .streamed(let response) = self { return response }
        return nil
    }
}

/// A request the mock received, for assertions on what the runtime sent.
package struct RecordedRequest: Sendable {
    package var method: String
    package var path: String
    package var headers: [(String, String)]
    var bodyBytes: Int
    package var body: Data
    /// ``MonotonicClock`` time at which the request was read.
    package var receivedAtNanoseconds: UInt64
}
