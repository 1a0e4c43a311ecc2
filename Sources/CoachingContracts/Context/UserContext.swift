/// The person being coached, as the .NET API describes them.
package struct UserContext: Codable, Sendable, Equatable {
    package var id: String
    package var name: String
    package var email: String
    package var role: String?

    package init(id: String, name: String, email: String, role: String? = nil) {
        self.id = id
        self.name = name
        self.email = email
        self.role = role
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, email, role
    }
}

extension UserContext: JSONContract {
    static let fields = FieldTable<CodingKeys>(required: [.id, .name, .email])

    package static func read(from reader: inout ContractReader) throws(JSONSyntaxError) -> UserContext? {
        let mark = reader.issueCount
        guard var object = try reader.beginObject() else { return nil }
        var id: String?, name: String?, email: String?, role: String?
        while let field = try reader.nextField(&object, in: fields) {
            switch field {
            case .id: id = try reader.readToken()
            case .name: name = try reader.readText(maxCharacters: ContractLimits.maxNameCharacters)
            case .email: email = try reader.readEmail()
            case .role: role = try reader.readText(maxCharacters: ContractLimits.maxLabelCharacters, allowsBlank: true, nullable: true)
            }
        }
        reader.endObject(object, fields)
        guard reader.issueCount == mark, let id, let name, let email else { return nil }
        return UserContext(id: id, name: name, email: email, role: role)
    }
}
