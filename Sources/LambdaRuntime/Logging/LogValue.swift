/// A value attached to a log line or a metric record.
package enum LogValue: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral, CustomStringConvertible {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)

    package init(stringLiteral value: String) { self = .string(value) }
    package init(integerLiteral value: Int) { self = .int(value) }
    package init(floatLiteral value: Double) { self = .double(value) }
    package init(booleanLiteral value: Bool) { self = .bool(value) }

    package var description: String {
        switch self {
        case .string(let value): value
        case .int(let value): String(value)
        case .double(let value): JSONText.number(value)
        case .bool(let value): value ? "true" : "false"
        }
    }

    func appendJSON(to output: inout String) {
        switch self {
        case .string(let value): JSONText.appendQuoted(value, to: &output)
        case .int(let value): output += String(value)
        case .double(let value): output += JSONText.number(value)
        case .bool(let value): output += value ? "true" : "false"
        }
    }
}
