import Coaching
extension ModelRequest {
    /// Checks what every provider requires before anything is sent:
    /// at least one turn, turns alternating and starting with `user`, no
    /// blank turn, positive `maxTokens`, a finite non-negative temperature.
    ///
    /// - Throws: ``ModelError/rejected(_:)`` naming the first problem (by
    ///   position, never by content).
    package func validate() throws(ModelError) {
        guard let first = messages.first else { throw .rejected("the request has no messages") }
        guard first.role == .user else { throw .rejected("the first message must come from the user") }
        for (index, message) in messages.enumerated() {
            if index > 0, messages[index - 1].role == message.role {
                throw .rejected("messages must alternate between user and assistant (message \(index))")
            }
            if message.text.allSatisfy(\.isWhitespace) {
                throw .rejected("message \(index) is blank")
            }
        }
        guard maxTokens > 0 else { throw .rejected("maxTokens must be positive") }
        guard temperature.isFinite, temperature >= 0 else { throw .rejected("temperature must be a non-negative number") }
        if let topP, !(topP.isFinite && topP > 0 && topP <= 1) { throw .rejected("topP must be in (0, 1]") }
    }
}
