@testable import Coaching
import CoachingContracts

/// Records covering every stored attribute (set and unset), for the item
/// mapping tests and their golden files in `StoredItems/`.
enum StoredItemSamples {
    static let key = ConversationKey(tenantID: "tenant-a", conversationID: "conv-1")

    static let conversations: [(String, ConversationRecord)] = [
        ("conversation-full", ConversationRecord(
            tenantID: "tenant-a", conversationID: "conv-1", userID: "user-1", sessionID: "session-1", topic: .goals,
            status: .completed, phase: .validation, messageCount: 12, userTurns: 6, userTurnsInPhase: 2, version: 13,
            language: "en", createdAt: 1_800_000_000_000, updatedAt: 1_800_000_360_123, completedAt: 1_800_000_360_123,
            summary: "Owner wants steadier revenue.", summarizedThrough: 8,
            tokens: ModelUsage(inputTokens: 12_345, outputTokens: 678), estimatedCostUSD: 0.0123,
            lastModel: "anthropic.claude-3-haiku", outcomes: ["Grow revenue 20%", "Hire a baker"],
            pauseReason: "travel", feedback: "Helpful", rating: 4,
            idempotencyKeys: [IdempotencyEntry(key: "k-1", assistantSeq: 2), IdempotencyEntry(key: "k-2", assistantSeq: 4)],
            expiresAt: 1_831_536_000
        )),
        ("conversation-minimal", ConversationRecord(
            tenantID: "tenant-a", conversationID: "conv-2", userID: "user-1", sessionID: "session-2", topic: .coreValues,
            createdAt: 1_800_000_000_000, updatedAt: 1_800_000_000_000, estimatedCostUSD: 2, expiresAt: 1_831_536_000
        )),
    ]

    static let sessions: [(String, SessionRecord)] = [
        ("session-full", SessionRecord(
            tenantID: "tenant-a", sessionID: "session-1", conversationID: "conv-1", userID: "user-1", topic: .vision,
            status: .paused, startedAt: 1_800_000_000_000, updatedAt: 1_800_000_360_123, completedAt: 1_800_000_360_124,
            tokens: ModelUsage(inputTokens: 99, outputTokens: 11), estimatedCostUSD: 0.00004, model: "gpt-4o-mini",
            outcomes: ["A vision"], version: 3, expiresAt: 1_831_536_000
        )),
        ("session-minimal", SessionRecord(
            tenantID: "tenant-a", sessionID: "session-2", conversationID: "conv-2", userID: "user-1", topic: .purpose,
            startedAt: 1_800_000_000_000, updatedAt: 1_800_000_000_000, expiresAt: 1_831_536_000
        )),
    ]

    static let messages: [(String, MessageRecord)] = [
        ("message-assistant", MessageRecord(
            seq: 2, role: .assistant, content: "What matters most to you?", createdAt: 1_800_000_001_000,
            reply: ReplyMetadata(
                phase: .exploration, followUpQuestion: "Why that one?", suggestions: ["Craft", "Honesty"], model: "offline",
                fallback: true, usage: ModelUsage(inputTokens: 321, outputTokens: 45), businessContextUsed: true,
                idempotencyKey: "k-1"
            ),
            expiresAt: 1_831_536_000
        )),
        ("message-assistant-minimal", MessageRecord(
            seq: 4, role: .assistant, content: "Tell me more.", createdAt: 1_800_000_002_000,
            reply: ReplyMetadata(phase: .introduction, model: "offline"), expiresAt: 1_831_536_000
        )),
        ("message-user", MessageRecord(
            seq: 1, role: .user, content: "We keep losing regulars.", createdAt: 1_800_000_000_500, expiresAt: 1_831_536_000
        )),
    ]
}
