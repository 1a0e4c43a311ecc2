import CoachingContracts

/// Keeps the conversation history sent to the model within a token budget:
/// the newest turns verbatim, older ones folded into a short rolling summary
/// that is stored on the conversation.
///
/// Folding is deterministic (no model call): each folded user message
/// contributes its first sentence, each folded coach message its last
/// question, as one bullet line. The summary keeps its newest lines within
/// ``maxSummaryCharacters``.
package struct HistoryBudget: Sendable, Equatable {
    /// Estimated tokens the verbatim history may take.
    package var maxHistoryTokens: Int
    /// Turns always kept verbatim, even over budget (the model needs the last exchange).
    package var minimumVerbatimMessages: Int
    var maxSummaryCharacters: Int
    /// Longest excerpt a folded message contributes.
    var maxExcerptCharacters: Int

    package init(maxHistoryTokens: Int = 3_000, minimumVerbatimMessages: Int = 2, maxSummaryCharacters: Int = 2_000, maxExcerptCharacters: Int = 200) {
        self.maxHistoryTokens = maxHistoryTokens
        self.minimumVerbatimMessages = minimumVerbatimMessages
        self.maxSummaryCharacters = maxSummaryCharacters
        self.maxExcerptCharacters = maxExcerptCharacters
    }

    /// What to send and what to store after folding.
    package struct Plan: Sendable, Equatable {
        /// Messages to send verbatim, oldest first.
        package var history: [MessageRecord]
        package var summary: String?
        /// The highest sequence number the summary covers.
        package var summarizedThrough: Int
    }

    /// Plans the history for a turn from the stored summary and the recent
    /// messages (oldest first). Messages already summarised are skipped;
    /// messages that fell out of the recent window unsummarised are covered
    /// by moving `summarizedThrough` past them.
    package func plan(summary: String?, summarizedThrough: Int, recent: [MessageRecord]) -> Plan {
        var verbatim = recent.filter { $0.seq > summarizedThrough && $0.role != .system }
        var lines = summary.map { $0.split(separator: "\n").map(String.init) } ?? []
        var through = summarizedThrough
        if let oldest = verbatim.first, oldest.seq > through + 1 {
            // Older messages exist that neither the window nor the summary hold.
            through = oldest.seq - 1
        }
        var tokens = verbatim.reduce(0) { $0 + TokenEstimate.tokens(inMessage: $1.content) }
        while tokens > maxHistoryTokens, verbatim.count > minimumVerbatimMessages {
            let folded = verbatim.removeFirst()
            tokens -= TokenEstimate.tokens(inMessage: folded.content)
            if let line = summaryLine(for: folded) { lines.append(line) }
            through = folded.seq
        }
        while lines.joined(separator: "\n").count > maxSummaryCharacters, !lines.isEmpty {
            lines.removeFirst()
        }
        return Plan(history: verbatim, summary: lines.isEmpty ? nil : lines.joined(separator: "\n"), summarizedThrough: through)
    }

    private func summaryLine(for message: MessageRecord) -> String? {
        let text = message.content.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard !text.isEmpty else { return nil }
        switch message.role {
        case .user:
            return "- The user said: " + excerpt(firstSentence(of: text))
        case .assistant:
            return "- The coach asked: " + excerpt(lastQuestion(in: text) ?? firstSentence(of: text))
        case .system:
            return nil
        }
    }

    private func excerpt(_ text: String) -> String {
        text.count <= maxExcerptCharacters ? text : String(text.prefix(maxExcerptCharacters - 1)) + "…"
    }
}

func firstSentence(of text: String) -> String {
    if let end = text.firstIndex(where: { $0 == "." || $0 == "!" || $0 == "?" }) {
        return String(text[...end]).trimmingWhitespace()
    }
    return text.trimmingWhitespace()
}

/// The last sentence ending in a question mark, if any.
func lastQuestion(in text: String) -> String? {
    guard let mark = text.lastIndex(of: "?") else { return nil }
    let before = text[..<mark]
    let start = before.lastIndex(where: { $0 == "." || $0 == "!" || $0 == "?" || $0 == "\n" }).map { text.index(after: $0) } ?? text.startIndex
    let question = String(text[start...mark]).trimmingWhitespace()
    return question.count > 1 ? question : nil
}
