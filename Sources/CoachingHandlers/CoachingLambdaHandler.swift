import FoundationEssentials
import LambdaRuntime

/// The function's entry point: decodes the event, dispatches it, and encodes
/// the answer in the shape the caller expects.
public struct CoachingLambdaHandler: LambdaHandler {
    private let api: CoachingAPI
    private let decoder = JSONDecoder()
    private let encoder = JSONEncoder()

    public init(api: CoachingAPI) {
        self.api = api
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    public func handle(_ event: Data, context: LambdaContext) throws -> Data {
        let incoming: IncomingEvent
        do {
            incoming = try decoder.decode(IncomingEvent.self, from: event)
        } catch let error as EventError {
            throw error
        } catch is DecodingError {
            throw EventIsNotJSON.check(event) ? EventError.unsupportedEvent : EventError.malformedEvent
        }
        let response: APIResponse
        do throws(APIError) {
            let request: APIRequest
            switch incoming {
            case .httpV2(let v2): request = try APIRequest(v2, fallbackRequestID: context.requestID)
            case .restV1(let v1): request = try APIRequest(v1, fallbackRequestID: context.requestID)
            }
            response = api.respond(to: request, logger: context.logger)
        } catch {
            response = api.failure(error, requestID: context.requestID)
        }
        return try encoder.encode(APIGatewayResponse(
            statusCode: response.status,
            headers: response.headers,
            body: String(decoding: response.body, as: UTF8.self),
            isBase64Encoded: false
        ))
    }
}

/// Tells a body that is not JSON at all from JSON of the wrong shape.
enum EventIsNotJSON {
    static func check(_ event: Data) -> Bool {
        guard let first = event.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else { return true }
        return first != UInt8(ascii: "{")
    }
}
