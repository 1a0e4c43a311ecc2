/// Why a stored item cannot be read, or a record cannot be stored. The
/// attribute path is named (`outcomes[2]`); its value never is.
enum ItemError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingAttribute(String)
    case wrongType(attribute: String, expected: String, found: String)
    /// The right type, but not a value the record can hold (an unknown
    /// status, a number out of range).
    case invalidValue(attribute: String)
    /// NaN and infinity cannot be stored.
    case nonFiniteNumber(attribute: String)

    var description: String {
        switch self {
        case .missingAttribute(let name): "\(name): missing"
        case .wrongType(let name, let expected, let found): "\(name): expected \(expected), found \(found)"
        case .invalidValue(let name): "\(name): not a value this record can hold"
        case .nonFiniteNumber(let name): "\(name): NaN and infinity cannot be stored"
        }
    }
}
