import AWSCore
import Essentials

extension Deadline {
    /// The earlier of this deadline and `milliseconds` after `now`: a call's
    /// own time limit never outlives the Lambda deadline, and vice versa.
    func limited(toMilliseconds milliseconds: Int64, from now: Int64) -> Deadline {
        let limit = now + milliseconds
        guard let epochMilliseconds else { return Deadline(epochMilliseconds: limit) }
        return Deadline(epochMilliseconds: min(epochMilliseconds, limit))
    }
}
