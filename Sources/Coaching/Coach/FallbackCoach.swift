import AWSCore

/// The configured coach, with the offline coach answering whenever it
/// fails or runs out of time. Replies from the fallback say so
/// (`fallback: true`, model `offline`, and the reason).
public struct FallbackCoach: Coach {
    public let primary: any Coach
    public let fallback: OfflineCoach

    public init(primary: any Coach, fallback: OfflineCoach) {
        self.primary = primary
        self.fallback = fallback
    }

    public func reply(to turn: CoachingTurn, deadline: Deadline) throws(CoachError) -> CoachReply {
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
    public var reason: String {
        switch self {
        case .unavailable(let reason): "unavailable: \(reason)"
        case .rejected(let reason): "rejected: \(reason)"
        }
    }
}
