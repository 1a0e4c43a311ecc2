import Essentials
import LambdaRuntime

/// The `requestContext.time` format of API Gateway: `21/Nov/2026:23:14:41 +0000`.
enum GatewayTime {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func format(epochMilliseconds: Int64) -> String {
        // Reuses the logger's UTC calendar arithmetic: `2026-11-21T23:14:41.123Z`.
        let stamp = Array(UTCDateTime(epochMilliseconds: epochMilliseconds).iso8601.utf8)
        func text(_ range: Range<Int>) -> String { String(decoding: stamp[range], as: UTF8.self) }
        let month = Int(text(5..<7)).map { months[max(0, min(11, $0 - 1))] } ?? "Jan"
        return "\(text(8..<10))/\(month)/\(text(0..<4)):\(text(11..<19)) +0000"
    }
}
