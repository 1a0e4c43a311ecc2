/// What a failed condition returns: `ALL_OLD` gives the current item
/// without another read (the optimistic-lock loser's re-read, for free).
package enum ReturnValuesOnConditionCheckFailure: String, Sendable, Codable {
    case none = "NONE"
    case allOld = "ALL_OLD"

    var wireValue: ReturnValuesOnConditionCheckFailure? { self == .none ? nil : self }
}
