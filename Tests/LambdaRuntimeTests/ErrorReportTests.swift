import Foundation
import LambdaRuntime
import Testing

@Suite struct ErrorReportTests {
    private struct Typed: LambdaFunctionError {
        var errorType: String
        var errorMessage: String
    }

    private struct Untyped: Error {
        var secret = "password=hunter2"
    }

    @Test func typedErrorsKeepTheirStableNames() {
        let report = ErrorReport(Typed(errorType: "ValidationFailed", errorMessage: "message is required"))
        #expect(report.errorType == "ValidationFailed")
        #expect(report.json == #"{"errorMessage":"message is required","errorType":"ValidationFailed","stackTrace":[]}"#)
        #expect(report.headerValue(category: "Function") == "Function.ValidationFailed")
    }

    @Test func otherErrorsRevealNothing() {
        let report = ErrorReport(Untyped())
        #expect(report.errorType == ErrorReport.unhandledErrorType)
        #expect(!report.json.contains("hunter2"))
        #expect(!report.json.contains("Untyped"))
    }

    @Test(arguments: [("Runtime.Bad", "Function.Unknown"), ("lower", "Function.Unknown"), ("Has Space", "Function.Unknown"), ("Fine", "Function.Fine")])
    func headerValuesMatchTheShapeTheRuntimeAPIKeeps(type: String, header: String) {
        #expect(ErrorReport(errorType: type, errorMessage: "").headerValue(category: "Function") == header)
    }
}
