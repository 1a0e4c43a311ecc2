/// Severity levels, named as `AWS_LAMBDA_LOG_LEVEL` names them.
package enum LogLevel: Int, Sendable, Comparable, CaseIterable {
    case trace, debug, info, warn, error, fatal

    /// The upper-case name written in the `level` key.
    package var name: String {
        switch self {
        case .trace: "TRACE"
        case .debug: "DEBUG"
        case .info: "INFO"
        case .warn: "WARN"
        case .error: "ERROR"
        case .fatal: "FATAL"
        }
    }

    /// Parses `AWS_LAMBDA_LOG_LEVEL` values, case-insensitively; `WARNING` is
    /// accepted for `WARN`.
    package init?(name: String) {
        switch name.uppercased() {
        case "TRACE": self = .trace
        case "DEBUG": self = .debug
        case "INFO": self = .info
        case "WARN", "WARNING": self = .warn
        case "ERROR": self = .error
        case "FATAL", "CRITICAL": self = .fatal
        default: return nil
        }
    }

    package static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// `AWS_LAMBDA_LOG_FORMAT`: one JSON object per line, or plain text.
package enum LogFormat: Sendable, Equatable {
    case json
    case text

    /// `Text` selects text; anything else, or nothing, selects JSON.
    package init(environmentValue: String?) {
        self = environmentValue?.lowercased() == "text" ? .text : .json
    }
}
