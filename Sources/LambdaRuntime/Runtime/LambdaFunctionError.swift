/// An error with a stable, documented name.
///
/// `errorType` is what Step Functions' `Retry` and `Catch` match on and
/// what operators search logs for, so it is chosen by each error, never
/// derived from a Swift type name.
package protocol LambdaFunctionError: Error {
    /// A stable name such as `ValidationFailed`: letters only, starting upper-case.
    var errorType: String { get }
    /// A message safe to show the caller: no internals, secrets or stack traces.
    var errorMessage: String { get }
}

/// The body the Runtime API expects on `/error` and `/init/error`.
package struct ErrorReport: Sendable, Equatable {
    /// The `errorType` of any error that is not a ``LambdaFunctionError``.
    package static let unhandledErrorType = "UnhandledError"

    package var errorType: String
    package var errorMessage: String
    /// Always empty: stack traces never leave the process.
    package var stackTrace: [String] = []

    package init(errorType: String, errorMessage: String) {
        self.errorType = errorType
        self.errorMessage = errorMessage
    }

    package init(_ error: any Error) {
        if let typed = error as? any LambdaFunctionError {
            self.init(errorType: typed.errorType, errorMessage: typed.errorMessage)
        } else {
            self.init(errorType: Self.unhandledErrorType, errorMessage: "The function failed with an unexpected error.")
        }
    }

    /// The JSON body `{"errorMessage", "errorType", "stackTrace"}`.
    package var json: String {
        "{\"errorMessage\":\(JSONText.quoted(errorMessage)),\"errorType\":\(JSONText.quoted(errorType)),\"stackTrace\":[]}"
    }

    /// The `Lambda-Runtime-Function-Error-Type` header value.
    ///
    /// The Runtime API keeps only values shaped `Runtime.Name` or
    /// `Function.Name` (others become `Runtime.Unknown`), so the body's
    /// `errorType` is prefixed here; Step Functions reads the body.
    package func headerValue(category: String) -> String {
        let isPlainName = errorType.first?.isUppercase == true
            && errorType.allSatisfy { $0.isASCII && $0.isLetter }
        return "\(category).\(isPlainName ? errorType : "Unknown")"
    }
}
