/// Why the state machine fell back: the `{Error, Cause}` its `Catch` recorded.
///
/// Accepted spellings: `error`/`Error`, `cause`/`Cause`, and the seed state machine's
/// `{"business_data_error": {Error, Cause} | "text", "fallback_mode": true}`.
/// `error`/`cause` are written.
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
        /// The seed's name for the whole `{Error, Cause}` (or just its error name).
        case businessDataError = "business_data_error"
        /// The seed's marker that the fallback path is taken; checked as a boolean, not kept.
        case fallbackMode = "fallback_mode"
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if container.contains(.businessDataError) {
            if let nested = try? container.decode(ErrorInfo.self, forKey: .businessDataError) {
                self = nested
                return
            }
            error = try container.decode(String.self, forKey: .businessDataError)
            cause = nil
            return
        }
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
    static let fields = FieldTable<CodingKeys>(
        required: [.error],
        aliases: [.stepFunctionsError: .error, .stepFunctionsCause: .cause, .businessDataError: .error]
    )

    package static func read(from reader: inout ContractReader) throws(JSONSyntaxError) -> ErrorInfo? {
        let mark = reader.issueCount
        guard var object = try reader.beginObject() else { return nil }
        var error: String?, cause: String?
        while let field = try reader.nextField(&object, in: fields) {
            switch field {
            case .error, .stepFunctionsError: error = try reader.readText(maxCharacters: ContractLimits.maxErrorNameCharacters)
            case .cause, .stepFunctionsCause:
                cause = try reader.readText(maxCharacters: ContractLimits.maxErrorCauseCharacters, allowsBlank: true, nullable: true)
            case .businessDataError:
                if try reader.peekKind() == .object {
                    let nested = try read(from: &reader)
                    error = nested?.error
                    cause = cause ?? nested?.cause
                } else {
                    error = try reader.readText(maxCharacters: ContractLimits.maxErrorNameCharacters)
                }
            case .fallbackMode: _ = try reader.readBool(nullable: true)
            }
        }
        reader.endObject(object, fields)
        guard reader.issueCount == mark, let error else { return nil }
        return ErrorInfo(error: error, cause: cause)
    }
}
