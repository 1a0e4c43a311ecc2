import Synchronization

/// How requests are shaped for a particular OpenAI-compatible server.
package struct OpenAIRequestOptions: Sendable, Equatable {
    /// Which field carries the reply's token limit.
    package enum TokenLimitField: String, Sendable, Equatable, CaseIterable {
        /// `max_tokens`, then `max_completion_tokens` for good once the
        /// server refuses the first (OpenAI's reasoning models answer 400
        /// `unsupported_parameter`).
        case automatic = "auto"
        case maxTokens = "max_tokens"
        /// OpenAI's current name, required by its reasoning models.
        case maxCompletionTokens = "max_completion_tokens"
    }

    /// Where the system prompt goes.
    package enum SystemPromptPlacement: String, Sendable, Equatable, CaseIterable {
        /// A leading `system` message.
        case systemMessage = "system"
        /// Prepended to the first user turn, for servers whose chat template
        /// drops the system role without a word (llama.cpp's `gemma` format).
        case firstUserTurn = "user"
    }

    package var tokenLimitField: TokenLimitField
    package var systemPrompt: SystemPromptPlacement

    package init(tokenLimitField: TokenLimitField = .automatic, systemPrompt: SystemPromptPlacement = .systemMessage) {
        self.tokenLimitField = tokenLimitField
        self.systemPrompt = systemPrompt
    }
}

/// The token-limit field a server was found to need, shared by every copy
/// of one model client, so the refusal costs one extra round trip per process.
final class LearnedTokenLimitField: Sendable {
    private let learned = Mutex<OpenAIRequestOptions.TokenLimitField?>(nil)

    var value: OpenAIRequestOptions.TokenLimitField? { learned.withLock { $0 } }

    func learn(_ field: OpenAIRequestOptions.TokenLimitField) { learned.withLock { $0 = field } }
}
