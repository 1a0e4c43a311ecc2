/// The payload the Pattern B state machine invokes the function with.
///
/// Unlike HTTP bodies, `user_id` and `tenant_id` are required here: the state
/// machine copies them from the authorizer context, never from the caller's body.
/// `business_context` is `null` (or absent) on the fallback path, and
/// `idempotency_key` (execution id + state name) makes Lambda retries safe.
package struct StepFunctionsTaskPayload: Codable, Sendable, Equatable {
    package var source: RequestSource
    package var userID: String
    package var tenantID: String
    package var message: String
    package var conversationID: String?
    package var sessionID: String?
    package var topic: CoachingTopic?
    package var businessContext: BusinessContext?
    package var dataScope: String?
    package var errorInfo: ErrorInfo?
    package var idempotencyKey: String?

    /// The sources a state machine may claim.
    static let allowedSources: [RequestSource] = [.orchestrated, .orchestratedFallback]

    package init(source: RequestSource, userID: String, tenantID: String, message: String, conversationID: String? = nil,
                sessionID: String? = nil, topic: CoachingTopic? = nil, businessContext: BusinessContext? = nil,
                dataScope: String? = nil, errorInfo: ErrorInfo? = nil, idempotencyKey: String? = nil) {
        self.source = source
        self.userID = userID
        self.tenantID = tenantID
        self.message = message
        self.conversationID = conversationID
        self.sessionID = sessionID
        self.topic = topic
        self.businessContext = businessContext
        self.dataScope = dataScope
        self.errorInfo = errorInfo
        self.idempotencyKey = idempotencyKey
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case source
        case userID = "user_id"
        case tenantID = "tenant_id"
        case message
        case conversationID = "conversation_id"
        case sessionID = "session_id"
        case topic
        case businessContext = "business_context"
        case dataScope = "data_scope"
        case errorInfo = "error_info"
        case idempotencyKey = "idempotency_key"
    }
}

extension StepFunctionsTaskPayload: JSONContract {
    static let fields = FieldTable<CodingKeys>(required: [.source, .userID, .tenantID, .message])

    package static func read(from reader: inout ContractReader) throws(JSONSyntaxError) -> StepFunctionsTaskPayload? {
        let mark = reader.issueCount
        guard var object = try reader.beginObject() else { return nil }
        var payload = StepFunctionsTaskPayload(source: .orchestrated, userID: "", tenantID: "", message: "")
        while let field = try reader.nextField(&object, in: fields) {
            switch field {
            case .source: payload.source = try reader.readEnum(RequestSource.self, allowed: allowedSources) ?? .orchestrated
            case .userID: payload.userID = try reader.readToken() ?? ""
            case .tenantID: payload.tenantID = try reader.readToken() ?? ""
            case .message: payload.message = try reader.readText(maxCharacters: ContractLimits.maxMessageCharacters) ?? ""
            case .conversationID: payload.conversationID = try reader.readToken(nullable: true)
            case .sessionID: payload.sessionID = try reader.readToken(nullable: true)
            case .topic: payload.topic = try reader.readEnum(CoachingTopic.self, nullable: true)
            case .businessContext: payload.businessContext = try reader.readBusinessContext()
            case .dataScope: payload.dataScope = try reader.readToken(nullable: true)
            case .errorInfo: payload.errorInfo = try reader.readModel(ErrorInfo.self, nullable: true)
            case .idempotencyKey: payload.idempotencyKey = try reader.readToken(.idempotencyKey, nullable: true)
            }
        }
        reader.endObject(object, fields)
        return reader.issueCount == mark ? payload : nil
    }
}
