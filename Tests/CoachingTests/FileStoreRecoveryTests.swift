import AWSCore
@testable import Coaching
@testable import CoachingStorage
import Dispatch
import Essentials
import Foundation
import Testing
import TestSupport

/// The file store after a crash between its two creation writes, and behind
/// another process's lock.
@Suite struct FileStoreRecoveryTests {
    let clock = VirtualTime(startEpochMilliseconds: Records.now)

    private func paths(_ root: URL, tenant: String, conversation: String, session: String) -> (index: String, document: String) {
        let tenantDirectory = root.path + "/tenants/" + FileConversationStore.fileName(tenant)
        return (tenantDirectory + "/sessions/" + FileConversationStore.fileName(session),
                tenantDirectory + "/conversations/" + FileConversationStore.fileName(conversation) + ".json")
    }

    /// Reported issue 20: the session index was written first and kept when
    /// the conversation document never followed, so every retry of that
    /// creation (same derived ids) answered 409.
    @Test func aCreationInterruptedAfterTheSessionIndexCompletesOnRetry() throws {
        let directory = try TemporaryDirectory(prefix: "file-recovery")
        defer { directory.remove() }
        let store = try FileConversationStore(directory: directory.url.path, clock: clock)
        let conversation = Records.conversation(id: "conv-1", session: "session-1")
        let (index, document) = paths(directory.url, tenant: "tenant-a", conversation: "conv-1", session: "session-1")
        try FileManager.default.createDirectory(atPath: (index as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data("conv-1".utf8).write(to: URL(fileURLWithPath: index))
        #expect(!FileManager.default.fileExists(atPath: document))

        try Records.create(conversation, messages: [Records.message(1)], in: store)
        #expect(try store.load(conversation.key, recentMessages: 5, deadline: .none)?.recentMessages.count == 1)
        #expect(try store.session(tenantID: "tenant-a", sessionID: "session-1", deadline: .none)?.conversationID == "conv-1")
    }

    @Test func aSessionIndexNamingALiveConversationStillRefusesTheCreation() throws {
        let directory = try TemporaryDirectory(prefix: "file-recovery")
        defer { directory.remove() }
        let store = try FileConversationStore(directory: directory.url.path, clock: clock)
        try Records.create(Records.conversation(id: "conv-1", session: "session-1"), in: store)
        #expect(throws: StoreError.alreadyExists) {
            try Records.create(Records.conversation(id: "conv-2", session: "session-1"), in: store)
        }
    }

    /// Reported issue 20: waiting for another process's lock ignored the
    /// deadline, and Lambda killed the runtime at its timeout.
    @Test func waitingForAnotherWritersLockEndsAtTheDeadline() throws {
        let directory = try TemporaryDirectory(prefix: "file-lock")
        defer { directory.remove() }
        let store = try FileConversationStore(directory: directory.url.path, clock: SystemClock())
        let conversation = Records.conversation(id: "conv-1")
        try Records.create(conversation, in: store)
        let (_, document) = paths(directory.url, tenant: "tenant-a", conversation: "conv-1", session: "session-conv-1")
        let holder = open(document + ".lock", O_RDWR | O_CREAT, 0o600)
        #expect(holder >= 0)
        #expect(flock(holder, LOCK_EX) == 0)
        defer { close(holder) }

        let finished = DispatchSemaphore(value: 0)
        let outcome = ThreadSafeBox<Result<Void, StoreError>?>(nil)
        var next = conversation
        next.version = 2
        let write = ConversationWrite(conversation: next, expectedVersion: 1, newMessages: [Records.message(1)])
        let started = Date()
        DispatchQueue.global().async {
            do throws(StoreError) {
                try store.save(write, deadline: .after(milliseconds: 300))
                outcome.set(.success(()))
            } catch {
                outcome.set(.failure(error))
            }
            finished.signal()
        }
        let ended = finished.wait(timeout: .now() + 5) == .success
        flock(holder, LOCK_UN)
        if !ended { _ = finished.wait(timeout: .now() + 5) }
        #expect(ended, "save still waiting for the lock 5 s after a 300 ms deadline")
        #expect(Date().timeIntervalSince(started) < 5)
        guard case .failure(.unavailable)? = outcome.get() else {
            Issue.record("expected unavailable, got \(String(describing: outcome.get()))")
            return
        }
    }
}

/// A value shared with a background thread.
final class ThreadSafeBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func set(_ newValue: Value) { lock.lock(); value = newValue; lock.unlock() }
    func get() -> Value { lock.lock(); defer { lock.unlock() }; return value }
}
