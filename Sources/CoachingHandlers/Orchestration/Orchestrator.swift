import Essentials
import FoundationEssentials

/// Runs the Pattern B state machine to its end and returns how it ended
/// (Step Functions `StartSyncExecution` in production; see CoachingApplication).
package protocol Orchestrator: Sendable {
    /// Starts one execution named `name` with `input` (JSON the route encoded) and
    /// waits for it, never past `deadline`.
    func run(name: String, input: Data, deadline: Deadline) throws(OrchestratorError) -> OrchestrationResult
}

/// How an execution ended, as `StartSyncExecution` reports it.
package enum OrchestrationResult: Sendable, Equatable {
    /// `output` is the execution's output JSON.
    case succeeded(output: Data)
    /// The execution failed: its `error` name and `cause` text, when given.
    case failed(error: String?, cause: String?)
    case timedOut
}

/// Why an execution could not be run at all.
package enum OrchestratorError: Error, Sendable, Equatable {
    /// Step Functions refused for load (`ThrottlingException`): retry later.
    case throttled
    /// The call was not answered within the deadline.
    case deadlineExceeded
    /// Any other failure to start or to read the answer; `code` is safe to log.
    case unavailable(code: String)
}
