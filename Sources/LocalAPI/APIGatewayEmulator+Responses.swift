import CoachingContracts
import FoundationEssentials
import LocalRuntime
import Synchronization

extension APIGatewayEmulator {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// API Gateway's own answer when the integration fails (the function
    /// threw, or returned something that is not a proxy response).
    static var gatewayFailure: ServerResponse {
        ServerResponse.json(502, #"{"message":"Internal Server Error"}"#)
    }

    /// The service's error envelope, for refusals made before the handler runs.
    static func envelope(_ status: Int, code: String, message: String, requestID: String) -> ServerResponse {
        let envelope = ErrorEnvelope(error: message, errorCode: code, requestID: requestID)
        let body = (try? encoder.encode(envelope)) ?? Data(#"{"success":false}"#.utf8)
        return ServerResponse.json(status, body)
    }

    /// An id shaped like API Gateway's (`Jx1Q2gQ8IAMEbXw=`): 10 random bytes, base64.
    static func makeRequestID() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<10).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
    }
}
