/// Why the state machine fell back: the `{Error, Cause}` its `Catch` recorded.
/// Both spellings are accepted (`error`/`Error`, `cause`/`Cause`); `error`/`cause` are written.
package struct ErrorInfo: Codable, Sendable, Equatable {
    package var error: String
    package var cause: String?

    package init(error: String, cause: String? = nil) {
        self.error = error
        self.cause = cause
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case error, cause
        case stepFunctionsError = "Error"
        case stepFunctionsCause = "Cause"
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        error = try container.decodeIfPresent(String.self, forKey: .error)
            ?? container.decode(String.self, forKey: .stepFunctionsError)
        cause = try container.decodeIfPresent(String.self, forKey: .cause)
            ?? container.decodeIfPresent(String.self, forKey: .stepFunctionsCause)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(error, forKey: .error)
        try container.encodeIfPresent(cause, forKey: .cause)
    }
}

extension ErrorInfo: JSONContract {
    static let fields = FieldTable<CodingKeys>(required: [.error], aliases: [.stepFunctionsError: .error, .stepFunctionsCause: .cause])

    package static func read(from reader: inout ContractReader) throws(JSONSyntaxError) -> ErrorInfo? {
        let mark = reader.issueCount
        guard var object = try reader.beginObject() else { return nil }
        var error: String?, cause: String?
        while let field = try reader.nextField(&object, in: fields) {
            switch field {
            case .error, .stepFunctionsError: error = try reader.readText(maxCharacters: ContractLimits.maxErrorNameCharacters)
            case .cause, .stepFunctionsCause:
                cause = try reader.readText(maxCharacters: ContractLimits.maxErrorCauseCharacters, allowsBlank: true, nullable: true)
            }
        }
        reader.endObject(object, fields)
        guard reader.issueCount == mark, let error else { return nil }
        return ErrorInfo(error: error, cause: cause)
    }
}
