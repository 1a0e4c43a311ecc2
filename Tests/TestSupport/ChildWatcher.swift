import Foundation

/// A child process spawned from a dedicated thread that lives as long as
/// the child does.
///
/// `PR_SET_PDEATHSIG` fires when the *thread* that spawned the child ends,
/// not the process: spawning from a test's worker thread could kill the
/// child when that thread retires. This thread blocks in `waitpid` instead,
/// so it ends only with the child or with the whole test process.
package final class ChildWatcher: @unchecked Sendable {
    package let pid: pid_t
    private let exited = NSCondition()
    private var exitedFlag = false
    private var status: Int32?

    private init(pid: pid_t) { self.pid = pid }

    package var hasExited: Bool { exited.withLock { exitedFlag } }

    /// The exit status (128 + signal when killed by one), once the child has ended.
    package var exitStatus: Int32? { exited.withLock { status } }

    /// Waits up to `timeout` seconds for the child to end; its exit status, or `nil` if it still runs.
    package func waitForExit(timeout: TimeInterval) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        exited.lock()
        defer { exited.unlock() }
        while !exitedFlag, exited.wait(until: deadline) {}
        return status
    }

    /// Sends `signal` to the child (if it still runs).
    package func kill(_ signal: Int32) {
        guard !hasExited else { return }
        _ = Foundation.kill(pid, signal)
    }

    /// Spawns `executable`; its stdout and stderr go to `outputPath`.
    package static func spawn(executable: String, arguments: [String], environment: [String: String], outputPath: String) throws(MotoServerError) -> ChildWatcher {
        let ready = DispatchSemaphore(value: 0)
        let box = SpawnResult()
        let thread = Thread {
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            // Test-runner threads block signals; a child inheriting that mask
            // would never receive its death signal (SIGTERM stays pending).
            var attributes = posix_spawnattr_t()
            posix_spawnattr_init(&attributes)
            defer { posix_spawnattr_destroy(&attributes) }
            var noSignals = sigset_t()
            sigemptyset(&noSignals)
            posix_spawnattr_setsigmask(&attributes, &noSignals)
            var defaults = sigset_t()
            sigemptyset(&defaults)
            sigaddset(&defaults, SIGTERM)
            sigaddset(&defaults, SIGPIPE)
            posix_spawnattr_setsigdefault(&attributes, &defaults)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
            let argv = ([executable] + arguments).map { strdup($0) } + [nil]
            let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
            var pid: pid_t = 0
            let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
            argv.forEach { free($0) }
            envp.forEach { free($0) }
            guard status == 0 else {
                box.error = "posix_spawn \(executable) failed: \(String(cString: strerror(status)))"
                ready.signal()
                return
            }
            let watcher = ChildWatcher(pid: pid)
            box.watcher = watcher
            ready.signal()
            var exitStatus: Int32 = 0
            while waitpid(pid, &exitStatus, 0) < 0, errno == EINTR {}
            watcher.exited.withLock {
                watcher.exitedFlag = true
                watcher.status = exitStatus & 0x7f == 0 ? (exitStatus >> 8) & 0xff : 128 + (exitStatus & 0x7f)
                watcher.exited.broadcast()
            }
        }
        thread.name = "child-watcher"
        thread.start()
        ready.wait()
        guard let watcher = box.watcher else { throw .startFailed(box.error ?? "spawn failed") }
        return watcher
    }
}

private final class SpawnResult: @unchecked Sendable {
    var watcher: ChildWatcher?
    var error: String?
}
