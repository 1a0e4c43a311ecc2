/// The customer's company.
package struct TenantContext: Codable, Sendable, Equatable {
    package var id: String
    package var company: String
    package var industry: String?
    /// Headcount band as the .NET API writes it, for example `11-50`.
    package var size: String?

    package init(id: String, company: String, industry: String? = nil, size: String? = nil) {
        self.id = id
        self.company = company
        self.industry = industry
        self.size = size
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, company, industry, size
    }
}

extension TenantContext: JSONContract {
    static let fields = FieldTable<CodingKeys>(required: [.id, .company])

    package static func read(from reader: inout ContractReader) throws(JSONSyntaxError) -> TenantContext? {
        let mark = reader.issueCount
        guard var object = try reader.beginObject() else { return nil }
        var id: String?, company: String?, industry: String?, size: String?
        while let field = try reader.nextField(&object, in: fields) {
            switch field {
            case .id: id = try reader.readToken()
            case .company: company = try reader.readText(maxCharacters: ContractLimits.maxNameCharacters)
            case .industry: industry = try reader.readText(maxCharacters: ContractLimits.maxLabelCharacters, allowsBlank: true, nullable: true)
            case .size: size = try reader.readText(maxCharacters: ContractLimits.maxLabelCharacters, allowsBlank: true, nullable: true)
            }
        }
        reader.endObject(object, fields)
        guard reader.issueCount == mark, let id, let company else { return nil }
        return TenantContext(id: id, company: company, industry: industry, size: size)
    }
}
