/// Why a store operation failed.
package enum StoreError: Error, Sendable, Equatable {
    /// The expected version was stale, or a message number was taken:
    /// someone else wrote first. Re-read and try again.
    case conflict
    /// A create found the conversation (or session) already there.
    case alreadyExists
    /// The cursor is malformed, or belongs to another listing.
    case invalidCursor
    /// The store could not be reached or kept failing (throttling after
    /// retries, network, disk). Nothing was written.
    case unavailable(String)
    /// A stored record could not be read back.
    case corruptRecord(String)
    /// The store refused the request and retrying will not help (access
    /// denied, a missing table, an invalid request): the deployment is wrong.
    case rejected(String)
}
