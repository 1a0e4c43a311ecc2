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

    /// A fallback reply's latency includes the time the failing model took:
    /// the owner waited for both (it used to be reported as 0).
    package func reply(to turn: CoachingTurn, deadline: Deadline) throws(CoachError) -> CoachReply {
        let started = fallback.clock.nowEpochMilliseconds()
        do {
            return try primary.reply(to: turn, deadline: deadline)
        } catch {
            var reply = try fallback.reply(to: turn, deadline: deadline)
            reply.fallback = true
            reply.fallbackReason = error.reason
            let elapsed = fallback.clock.nowEpochMilliseconds() - started
            reply.latencyMilliseconds = max(reply.latencyMilliseconds, Int(clamping: max(0, elapsed)))
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
