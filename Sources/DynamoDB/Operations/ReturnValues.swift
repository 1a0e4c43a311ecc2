/// What a write returns about the item.
package enum ReturnValues: String, Sendable, Codable {
    case none = "NONE"
    case allOld = "ALL_OLD"
    case updatedOld = "UPDATED_OLD"
    case allNew = "ALL_NEW"
    case updatedNew = "UPDATED_NEW"

    /// `nil` for `.none`, so requests stay minimal.
    var wireValue: ReturnValues? { self == .none ? nil : self }
}
