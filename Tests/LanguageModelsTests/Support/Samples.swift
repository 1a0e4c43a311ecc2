import AWSCore
import Coaching
import LanguageModels

/// Requests the provider tests send.
enum Samples {
    static let system = "You are a business coach. Ask one question at a time.\n<business_context>\nRevenue: 1.2M\n</business_context>"

    /// Three turns, the last from the user, as the prompt builder makes them.
    static let request = ModelRequest(
        system: system,
        messages: [
            ModelMessage(role: .user, text: "We sell handmade furniture — \"quality first\"."),
            ModelMessage(role: .assistant, text: "What does quality mean to your customers?"),
            ModelMessage(role: .user, text: "Pieces that last for generations. Ünïcödé ✓ and a / slash."),
        ],
        maxTokens: 512,
        temperature: 0.4
    )

    static let bedrockModelID = "us.anthropic.claude-haiku-4-5-20251001-v1:0"
}
