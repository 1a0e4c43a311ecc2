/// What the coach knows about the customer's business: the person, the company,
/// goals with progress, recent actions and KPIs. Reference data for the prompt,
/// never instructions.
///
/// Arrives in a request (Pattern A) or from the state machine (Pattern B). On the
/// wire, `measures` is accepted as the newer name of `kpis`; `null` lists read as empty.
/// Validation also accepts the names ASP.NET Core's default camelCase policy writes
/// for the .NET API's `BusinessContextResponse` (`recentActions`, `kpIs`, `dataScope`,
/// `retrievedAt`; orchestrator/README.md lists them all).
package struct BusinessContext: Codable, Sendable, Equatable {
    package var user: UserContext?
    package var tenant: TenantContext?
    package var goals: [GoalContext]
    package var recentActions: [ActionContext]
    package var kpis: [KpiContext]
    /// Which slice of data the .NET API returned, for example `coaching_context`.
    package var dataScope: String?
    package var retrievedAt: ContractDate?

    package init(user: UserContext? = nil, tenant: TenantContext? = nil, goals: [GoalContext] = [],
                recentActions: [ActionContext] = [], kpis: [KpiContext] = [], dataScope: String? = nil,
                retrievedAt: ContractDate? = nil) {
        self.user = user
        self.tenant = tenant
        self.goals = goals
        self.recentActions = recentActions
        self.kpis = kpis
        self.dataScope = dataScope
        self.retrievedAt = retrievedAt
    }

    /// True when there is nothing to ground the coaching in.
    package var isEmpty: Bool {
        user == nil && tenant == nil && goals.isEmpty && recentActions.isEmpty && kpis.isEmpty
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case user, tenant, goals
        case recentActions = "recent_actions"
        case kpis, measures
        case dataScope = "data_scope"
        case retrievedAt = "retrieved_at"
        // System.Text.Json camelCase of RecentActions, KPIs, DataScope, RetrievedAt.
        case recentActionsCamel = "recentActions"
        case kpisCamel = "kpIs"
        case dataScopeCamel = "dataScope"
        case retrievedAtCamel = "retrievedAt"
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        user = try container.decodeIfPresent(UserContext.self, forKey: .user)
        tenant = try container.decodeIfPresent(TenantContext.self, forKey: .tenant)
        goals = try container.decodeIfPresent([GoalContext].self, forKey: .goals) ?? []
        recentActions = try container.decodeIfPresent([ActionContext].self, forKey: .recentActions)
            ?? container.decodeIfPresent([ActionContext].self, forKey: .recentActionsCamel) ?? []
        kpis = try container.decodeIfPresent([KpiContext].self, forKey: .kpis)
            ?? container.decodeIfPresent([KpiContext].self, forKey: .measures)
            ?? container.decodeIfPresent([KpiContext].self, forKey: .kpisCamel) ?? []
        dataScope = try container.decodeIfPresent(String.self, forKey: .dataScope)
            ?? container.decodeIfPresent(String.self, forKey: .dataScopeCamel)
        retrievedAt = try container.decodeIfPresent(ContractDate.self, forKey: .retrievedAt)
            ?? container.decodeIfPresent(ContractDate.self, forKey: .retrievedAtCamel)
    }

    /// Always writes `kpis`, never `measures`.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(user, forKey: .user)
        try container.encodeIfPresent(tenant, forKey: .tenant)
        try container.encode(goals, forKey: .goals)
        try container.encode(recentActions, forKey: .recentActions)
        try container.encode(kpis, forKey: .kpis)
        try container.encodeIfPresent(dataScope, forKey: .dataScope)
        try container.encodeIfPresent(retrievedAt, forKey: .retrievedAt)
    }
}

extension BusinessContext: JSONContract {
    static let fields = FieldTable<CodingKeys>(aliases: [
        .measures: .kpis, .recentActionsCamel: .recentActions, .kpisCamel: .kpis, .dataScopeCamel: .dataScope, .retrievedAtCamel: .retrievedAt,
    ])

    package static func read(from reader: inout ContractReader) throws(JSONSyntaxError) -> BusinessContext? {
        let mark = reader.issueCount
        guard var object = try reader.beginObject() else { return nil }
        var context = BusinessContext()
        let limits = reader.limits
        while let field = try reader.nextField(&object, in: fields) {
            switch field {
            case .user: context.user = try reader.readModel(UserContext.self, nullable: true)
            case .tenant: context.tenant = try reader.readModel(TenantContext.self, nullable: true)
            case .goals: context.goals = try reader.readModels(GoalContext.self, maxCount: limits.maxGoals, nullable: true) ?? []
            case .recentActions, .recentActionsCamel:
                context.recentActions = try reader.readModels(ActionContext.self, maxCount: limits.maxRecentActions, nullable: true) ?? []
            case .kpis, .measures, .kpisCamel: context.kpis = try reader.readModels(KpiContext.self, maxCount: limits.maxKpis, nullable: true) ?? []
            case .dataScope, .dataScopeCamel: context.dataScope = try reader.readToken(nullable: true)
            case .retrievedAt, .retrievedAtCamel: context.retrievedAt = try reader.readDate(nullable: true)
            }
        }
        reader.endObject(object, fields)
        return reader.issueCount == mark ? context : nil
    }
}

extension ContractReader {
    /// A business context or `null`, refused whole (`too_large`) when its JSON is longer
    /// than ``ContractLimits/maxBusinessContextBytes``.
    mutating func readBusinessContext() throws(JSONSyntaxError) -> BusinessContext? {
        if try peekKind() == .null {
            try expectLiteral("null")
            return nil
        }
        return try withByteBudget(limits.maxBusinessContextBytes) { (reader: inout ContractReader) throws(JSONSyntaxError) in
            try BusinessContext.read(from: &reader)
        }
    }
}
