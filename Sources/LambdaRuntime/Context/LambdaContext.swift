import CurlHTTP
import Essentials
import HTTPTypes

/// Everything a handler knows about the invocation it is serving.
package struct LambdaContext: Sendable {
    /// When the deadline header is missing or unreadable, assume this much time.
    package static let defaultTimeoutMilliseconds: Int64 = 30_000

    package var requestID: String
    /// The deadline in milliseconds since the Unix epoch.
    package var deadlineMilliseconds: Int64
    package var invokedFunctionARN: String?
    /// The X-Ray trace header, also exported as `_X_AMZN_TRACE_ID`.
    package var traceID: String?
    /// Base64-free JSON text of the mobile client context, when sent.
    package var clientContext: String?
    /// JSON text of the Cognito identity, when sent.
    package var cognitoIdentity: String?
    /// The tenant id for functions using Lambda's tenant isolation mode.
    package var tenantID: String?
    package var function: FunctionMetadata
    /// True for the first invocation this process serves.
    package var isColdStart: Bool
    /// A logger carrying `requestId`, `traceId` and `cold_start`.
    package var logger: Logger

    package init(
        requestID: String,
        deadlineMilliseconds: Int64,
        invokedFunctionARN: String? = nil,
        traceID: String? = nil,
        clientContext: String? = nil,
        cognitoIdentity: String? = nil,
        tenantID: String? = nil,
        function: FunctionMetadata = FunctionMetadata(),
        isColdStart: Bool = false,
        logger: Logger
    ) {
        self.requestID = requestID
        self.deadlineMilliseconds = deadlineMilliseconds
        self.invokedFunctionARN = invokedFunctionARN
        self.traceID = traceID
        self.clientContext = clientContext
        self.cognitoIdentity = cognitoIdentity
        self.tenantID = tenantID
        self.function = function
        self.isColdStart = isColdStart
        self.logger = logger.with([
            "requestId": .string(requestID), "traceId": traceID.map(LogValue.string), "cold_start": .bool(isColdStart),
        ])
    }

    /// Builds the context from the headers of a `next` response.
    ///
    /// Returns `nil` when the request id is missing: such an invocation
    /// cannot be answered. Header names are matched case-insensitively.
    package init?(
        headers: HTTPHeaders,
        receivedAtMilliseconds: Int64,
        function: FunctionMetadata,
        isColdStart: Bool,
        logger: Logger
    ) {
        guard let requestID = headers["lambda-runtime-aws-request-id"], !requestID.isEmpty else { return nil }
        self.init(
            requestID: requestID,
            deadlineMilliseconds: Self.deadline(fromHeader: headers["lambda-runtime-deadline-ms"], receivedAt: receivedAtMilliseconds),
            invokedFunctionARN: headers["lambda-runtime-invoked-function-arn"],
            traceID: headers["lambda-runtime-trace-id"],
            clientContext: headers["lambda-runtime-client-context"],
            cognitoIdentity: headers["lambda-runtime-cognito-identity"],
            tenantID: headers["lambda-runtime-aws-tenant-id"],
            function: function,
            isColdStart: isColdStart,
            logger: logger
        )
    }

    /// The invocation's deadline, in the form every outbound call takes.
    package var deadline: Deadline { Deadline(epochMilliseconds: deadlineMilliseconds) }

    /// Milliseconds left before the deadline (negative once it has passed).
    package func remainingMilliseconds(now: Int64 = SystemClock.nowEpochMilliseconds()) -> Int64 {
        deadlineMilliseconds - now
    }

    /// Reads `Lambda-Runtime-Deadline-Ms`.
    ///
    /// The header is epoch milliseconds. Some emulators send a duration such
    /// as `600000` instead: values too small to be a date after 2001 are read
    /// as milliseconds from now. A missing or unreadable header gives
    /// ``defaultTimeoutMilliseconds`` from now.
    static func deadline(fromHeader value: String?, receivedAt: Int64) -> Int64 {
        guard let value, let number = Int64(value.trimmingHTTPWhitespace()), number > 0 else {
            return receivedAt + defaultTimeoutMilliseconds
        }
        if number < 1_000_000_000_000 { return receivedAt + number }
        return number
    }
}
