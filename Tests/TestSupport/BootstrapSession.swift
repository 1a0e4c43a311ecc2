import Foundation
import LocalRuntime

/// A real `bootstrap` process serving invocations from an in-process mock
/// Runtime API, one event at a time: the whole path Lambda exercises.
package final class BootstrapSession: @unchecked Sendable {
    package let api: MockRuntimeAPI
    private let process: Process
    private let errorPipe = Pipe()
    private let errorOutput = LockedBuffer()
    private let counter = NSLock()
    private var invocations = 0

    /// Starts `bootstrap` with the test process's environment plus `environment`.
    package init(environment: [String: String]) throws {
        api = MockRuntimeAPI(options: .init(stopWhenDrained: false))
        let address = try api.start()
        process = Process()
        process.executableURL = PackagePaths.bootstrap
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        merged["AWS_LAMBDA_RUNTIME_API"] = address
        process.environment = merged
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errorPipe
        let buffer = errorOutput
        errorPipe.fileHandleForReading.readabilityHandler = { handle in buffer.append(handle.availableData) }
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
        api.stop()
    }

    /// Sends one event and waits for its outcome.
    package func invoke(_ event: Data, deadlineMilliseconds: Int64? = nil, timeout: Double = 30) -> InvocationOutcome? {
        let number = counter.withLock { () -> Int in
            invocations += 1
            return invocations
        }
        let requestID = "session-\(number)-\(UUID().uuidString.prefix(8))"
        let deadline: String?? = deadlineMilliseconds.map { .some(String(Int64(Date().timeIntervalSince1970 * 1000) + $0)) } ?? .none
        api.enqueue(MockInvocation(requestID: requestID, event: event, deadline: deadline))
        let waitUntil = Date().addingTimeInterval(timeout)
        while Date() < waitUntil {
            if let outcome = api.outcome(for: requestID) { return outcome }
            if !process.isRunning { return api.outcome(for: requestID) }
            usleep(2_000)
        }
        return nil
    }

    package var isRunning: Bool { process.isRunning }

    /// Lets the runtime drain and exit (the mock answers 500); returns its exit status.
    @discardableResult
    package func finish(timeout: Double = 10) -> Int32 {
        api.finishWhenDrained()
        let waitUntil = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < waitUntil { usleep(5_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        errorPipe.fileHandleForReading.readabilityHandler = nil
        return process.terminationStatus
    }

    /// Everything the process wrote to stderr so far (its logs).
    package var logs: String { errorOutput.text }
}

final class LockedBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func append(_ chunk: Data) { lock.withLock { data.append(chunk) } }
    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
}
