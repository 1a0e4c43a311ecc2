import Essentials

/// The configured coach, with the offline coach answering whenever it
/// fails or runs out of time. Replies from the fallback say so
/// (`fallback: true`, model `offline`, and the reason).
package struct FallbackCoach: Coach {
    package let primary: any Coach
    package let fallback: OfflineCoach

    package init(primary: any Coach, fallback: OfflineCoach) {
        self.primary = primary
        self.fallback = fallback
    }

    package func reply(to turn: CoachingTurn, deadline: Deadline) throws(CoachError) -> CoachReply {
        do {
            return try primary.reply(to: turn, deadline: deadline)
        } catch {
            var reply = try fallback.reply(to: turn, deadline: deadline)
            reply.fallback = true
            reply.fallbackReason = error.reason
            return reply
        }
    }
}

extension CoachError {
    /// A short, secret-free reason for logs and metrics.
    package var reason: String {
        switch self {
        case .unavailable(let reason): "unavailable: \(reason)"
        case .rejected(let reason): "rejected: \(reason)"
        }
    }
}
