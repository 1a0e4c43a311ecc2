#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Starts and waits for a child process with `posix_spawn`, without
/// Foundation's `Process` (not part of `FoundationEssentials`).
package struct ChildProcess: Sendable {
    package let pid: pid_t

    /// Spawns `executable` with `arguments` (not including argv[0]) and
    /// exactly `environment`. Standard streams are inherited.
    package static func spawn(executable: String, arguments: [String], environment: [String: String]) throws(SocketError) -> ChildProcess {
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, nil, nil, argv, envp)
        guard result == 0 else { throw .systemCall("posix_spawn", errno: result) }
        return ChildProcess(pid: pid)
    }

    /// Waits for the child to end; returns its exit status, or 128 + the
    /// signal that killed it.
    package func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return -1 }
        }
        if status & 0x7f == 0 { return (status >> 8) & 0xff }
        return 128 + (status & 0x7f)
    }

    /// Sends `signal` to the child.
    package func kill(_ signal: Int32 = SIGTERM) {
        _ = Glibc.kill(pid, signal)
    }

    /// The path of the running executable, from `/proc/self/exe`.
    package static func currentExecutablePath() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
