import FoundationEssentials

/// A wire type that is built from untrusted JSON by ``validate(json:limits:)``,
/// which reports every problem at once, or builds the value.
///
/// The `Decodable` conformance of the same types performs no validation: it is for
/// trusted data (tests, values this service wrote itself).
package protocol JSONContract: Sendable {
    /// Reads one value at the reader's position, recording issues at their paths;
    /// `nil` when any were recorded. Grammar errors throw.
    static func read(from reader: inout ContractReader) throws(JSONSyntaxError) -> Self?

    /// Whether an empty (or all-whitespace) body means `{}`. True for requests
    /// whose fields are all optional, such as pause and complete.
    static var acceptsEmptyBody: Bool { get }
}

extension JSONContract {
    package static var acceptsEmptyBody: Bool { false }

    /// Validates `json` against the contract under `limits`.
    ///
    /// The body size is checked before any byte is parsed; the nesting depth, string
    /// and number sizes while parsing; everything else is collected into one
    /// ``ValidationFailure/invalid(_:)``.
    package static func validate(json: some ContiguousBytes, limits: ContractLimits = .standard) throws(ValidationFailure) -> Self {
        try json.withUnsafeBytes { bytes in validated(bytes: bytes, limits: limits) }.get()
    }

    /// ``validate(json:limits:)`` for `Data`, the common case, without generic dispatch.
    package static func validate(json: Data, limits: ContractLimits = .standard) throws(ValidationFailure) -> Self {
        try json.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in validated(bytes: bytes, limits: limits) }.get()
    }

    /// ``validate(json:limits:)`` for a body held as a string.
    package static func validate(json: String, limits: ContractLimits = .standard) throws(ValidationFailure) -> Self {
        var json = json
        return try json.withUTF8 { utf8 in validated(bytes: UnsafeRawBufferPointer(utf8), limits: limits) }.get()
    }

    /// ``validate(json:limits:)`` as a `Result`.
    package static func validated(json: some ContiguousBytes, limits: ContractLimits = .standard) -> Result<Self, ValidationFailure> {
        json.withUnsafeBytes { bytes in validated(bytes: bytes, limits: limits) }
    }

    static func validated(bytes: UnsafeRawBufferPointer, limits: ContractLimits) -> Result<Self, ValidationFailure> {
        guard bytes.count <= limits.maxRequestBytes else {
            return .failure(.tooLarge(subject: "request body", limit: limits.maxRequestBytes))
        }
        var reader = ContractReader(bytes: bytes, limits: limits)
        do throws(JSONSyntaxError) {
            reader.skipWhitespace()
            if reader.position == reader.end {
                guard acceptsEmptyBody else { throw reader.syntaxError(.emptyInput) }
                return emptyBodyValue()
            }
            let value = try read(from: &reader)
            try reader.expectEndOfInput()
            if reader.issueCount == 0, let value { return .success(value) }
            return .failure(.invalid(reader.issues))
        } catch {
            if error.kind == .stringTooLong { return .failure(.tooLarge(subject: "string at byte \(error.offset)", limit: limits.maxStringBytes)) }
            return .failure(.malformedJSON(error))
        }
    }

    /// The value of an empty body: what `{}` reads as.
    private static func emptyBodyValue() -> Result<Self, ValidationFailure> {
        Array("{}".utf8).withUnsafeBytes { bytes in validated(bytes: bytes, limits: .standard) }
    }
}
