/// How a coaching request reached the service.
package enum RequestSource: String, Codable, Sendable, CaseIterable {
    /// Pattern A: the frontend called the API, with or without a business context.
    case direct
    /// Pattern B: the state machine fetched the business context and invoked us.
    case orchestrated
    /// Pattern B after the business-context fetch failed: coaching without context.
    case orchestratedFallback = "orchestrated_fallback"
}
