import Foundation
import Testing
@testable import CoachingContracts

/// The fallback's `error_info` in the shapes state machines really send.
@Suite("error_info: ours, Step Functions' and the seed's")
struct ErrorInfoShapesTests {
    static let task = #""source":"orchestrated_fallback","user_id":"alice","tenant_id":"tenant-a","message":"hi","business_context":null"#

    static func errorInfo(_ json: String) throws -> ErrorInfo? {
        try StepFunctionsTaskPayload.validate(json: "{\(task),\"error_info\":\(json)}").errorInfo
    }

    @Test("The seed's {business_data_error: {Error, Cause}, fallback_mode: true}")
    func seedShapeWithCatchObject() throws {
        let info = try Self.errorInfo(#"{"business_data_error":{"Error":"States.TaskFailed","Cause":"503 from .NET"},"fallback_mode":true}"#)
        #expect(info == ErrorInfo(error: "States.TaskFailed", cause: "503 from .NET"))
    }

    @Test("The seed's business_data_error as plain text")
    func seedShapeWithText() throws {
        #expect(try Self.errorInfo(#"{"business_data_error":"BusinessContext.HttpStatus","fallback_mode":true}"#)
            == ErrorInfo(error: "BusinessContext.HttpStatus"))
    }

    @Test("Our {error, cause} and Step Functions' {Error, Cause} as before")
    func ownShapes() throws {
        #expect(try Self.errorInfo(#"{"error":"States.Timeout","cause":"8 s"}"#) == ErrorInfo(error: "States.Timeout", cause: "8 s"))
        #expect(try Self.errorInfo(#"{"Error":"States.Timeout","Cause":null}"#) == ErrorInfo(error: "States.Timeout"))
    }

    @Test("Decoding trusted JSON reads the seed's shape too")
    func decodableSeedShape() throws {
        let info = try JSONDecoder().decode(ErrorInfo.self, from: Data(#"{"business_data_error":{"Error":"E","Cause":"C"},"fallback_mode":true}"#.utf8))
        #expect(info == ErrorInfo(error: "E", cause: "C"))
    }

    @Test("Still rejected: no error name at all, a non-boolean fallback_mode, two error names, a number as the error")
    func stillRejected() {
        let payload = { (info: String) in "{\(Self.task),\"error_info\":\(info)}" }
        #expect(outcome(StepFunctionsTaskPayload.self, payload(#"{"fallback_mode":true}"#)) == ["error_info.error missing"])
        #expect(outcome(StepFunctionsTaskPayload.self, payload(#"{"business_data_error":"E","fallback_mode":"yes"}"#))
            == ["error_info.fallback_mode bool_type"])
        #expect(outcome(StepFunctionsTaskPayload.self, payload(#"{"error":"E","business_data_error":"F"}"#))
            == ["error_info.business_data_error duplicate_field"])
        #expect(outcome(StepFunctionsTaskPayload.self, payload(#"{"business_data_error":{"Cause":"C"}}"#))
            == ["error_info.business_data_error.error missing"])
        #expect(outcome(StepFunctionsTaskPayload.self, payload(#"{"business_data_error":42}"#)) == ["error_info.business_data_error string_type"])
    }
}
