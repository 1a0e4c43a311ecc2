/// The answer to pause, resume, complete and delete: where the conversation now stands.
package struct ConversationStateResponse: Codable, Sendable, Equatable {
    package var conversationID: String
    package var status: ConversationStatus
    package var phase: ConversationPhase
    package var progress: Double
    package var updatedAt: ContractDate

    package init(conversationID: String, status: ConversationStatus, phase: ConversationPhase, updatedAt: ContractDate) {
        self.conversationID = conversationID
        self.status = status
        self.phase = phase
        self.progress = phase.progress
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case conversationID = "conversation_id"
        case status, phase, progress
        case updatedAt = "updated_at"
    }
}
