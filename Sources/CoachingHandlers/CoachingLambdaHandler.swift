import AWSCore
import Essentials
import FoundationEssentials
import LambdaRuntime

/// The function's entry point: decodes the event, dispatches it, and encodes
/// the answer in the shape the caller expects (an API Gateway response, a
/// plain coaching response for Step Functions, an authorizer decision).
package struct CoachingLambdaHandler: LambdaHandler, Sendable {
    package let api: CoachingAPI
    private let task: StepFunctionsTask
    private let authorizer: Authorizer
    private let decoder = JSONDecoder()
    private let coder = ResponseCoder()

    package init(api: CoachingAPI) {
        self.api = api
        task = StepFunctionsTask(dependencies: api.dependencies, coder: coder)
        authorizer = Authorizer(verifier: api.dependencies.identity.verifier)
    }

    /// Time kept back from the Lambda deadline to encode and post the answer:
    /// a store or model that gives up exactly at the deadline would leave the
    /// invocation timed out instead of answered (503, `StoreUnavailable`).
    static let answerReserveMilliseconds: Int64 = 300

    package func handle(_ event: Data, context: LambdaContext) throws -> Data {
        // Calls this worker made outside any invocation (start-up, say) are nobody's.
        api.dependencies.awsCalls?.drain()
        let deadline = context.deadline.reserving(milliseconds: Self.answerReserveMilliseconds)
        let incoming: IncomingEvent
        do {
            incoming = try decoder.decode(IncomingEvent.self, from: event)
        } catch let error as EventError {
            throw error
        } catch {
            throw EventShape.startsLikeAnObject(event) ? EventError.malformedEvent : EventError.unsupportedEvent
        }
        switch incoming {
        case .authorizer(let event):
            return try coder.encode(authorizer.authorize(event, logger: context.logger))
        case .stepFunctionsTask:
            return try task.handle(event, deadline: deadline, logger: context.logger, invocationID: context.requestID)
        case .httpV2(let v2):
            return try answer(http: { () throws(APIError) in try APIRequest(v2, fallbackRequestID: context.requestID) }, deadline: deadline, context: context)
        case .restV1(let v1):
            return try answer(http: { () throws(APIError) in try APIRequest(v1, fallbackRequestID: context.requestID) }, deadline: deadline, context: context)
        }
    }

    /// Routes an HTTP request and wraps the answer as an API Gateway proxy response.
    /// An answer larger than Lambda accepts would be refused by the Runtime
    /// API and reach the client as API Gateway's bare 502: it becomes a 500
    /// envelope instead, with the cause in the log.
    private func answer(http makeRequest: () throws(APIError) -> APIRequest, deadline: Deadline, context: LambdaContext) throws -> Data {
        let response: APIResponse
        var requestID = context.requestID
        do throws(APIError) {
            var request = try makeRequest()
            request.invocationID = context.requestID
            requestID = request.requestID
            response = api.respond(to: request, deadline: deadline, logger: context.logger)
        } catch {
            response = api.failure(error, requestID: context.requestID)
        }
        let encoded = try encode(response)
        guard encoded.count > Self.maxResponseBytes else { return encoded }
        context.logger.error("response too large", [
            "status": .int(response.status), "bytes": .int(encoded.count), "limitBytes": .int(Self.maxResponseBytes),
        ])
        let tooLarge = APIError(status: 500, code: APIError.internalError.code, message: "The answer was too large to send.")
        return try encode(api.failure(tooLarge, requestID: requestID))
    }

    /// What Lambda accepts as a buffered response.
    static let maxResponseBytes = RuntimeAPIClient.maxResponseBytes

    private func encode(_ response: APIResponse) throws -> Data {
        try coder.encode(APIGatewayResponse(
            statusCode: response.status,
            headers: response.headers,
            body: String(decoding: response.body, as: UTF8.self),
            isBase64Encoded: false
        ))
    }
}

/// Tells JSON of the wrong shape from a body that is not a JSON object at all.
enum EventShape {
    static func startsLikeAnObject(_ event: Data) -> Bool {
        event.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 } == UInt8(ascii: "{")
    }
}
