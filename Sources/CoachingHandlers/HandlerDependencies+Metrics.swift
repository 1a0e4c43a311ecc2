import Coaching
import LambdaRuntime

extension HandlerDependencies {
    /// `DynamoDBRetries` and `DynamoDBRoundTrips` of the calls this
    /// invocation made (the recorder keeps them per thread), then forgets them.
    func emitStoreCallMetrics(properties: [(String, LogValue)]) {
        guard let calls = awsCalls?.drain(), !calls.isEmpty, let metrics else { return }
        metrics.emit([
            MetricValue("DynamoDBRetries", Double(calls.reduce(0) { $0 + $1.retries }), unit: .count),
            MetricValue("DynamoDBRoundTrips", Double(calls.reduce(0) { $0 + $1.attempts }), unit: .count),
        ], properties: properties)
    }

    /// The model's figures for a turn it answered (nothing for a replay).
    func emitTurnMetrics(_ outcome: TurnOutcome, properties: [(String, LogValue)]) {
        guard let live = outcome.reply, let metrics else { return }
        metrics.emit([
            MetricValue("ModelLatency", Double(live.latencyMilliseconds), unit: .milliseconds),
            MetricValue("ModelInputTokens", Double(live.usage.inputTokens), unit: .count),
            MetricValue("ModelOutputTokens", Double(live.usage.outputTokens), unit: .count),
            MetricValue("ModelFallback", live.fallback ? 1 : 0, unit: .count),
            MetricValue("ModelTruncated", live.truncated ? 1 : 0, unit: .count),
        ], properties: properties)
    }
}
