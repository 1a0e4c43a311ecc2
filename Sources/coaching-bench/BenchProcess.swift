import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// A program under benchmark, given on the command line as one word
/// `LABEL=EXECUTABLE [ARGS...]` (split on spaces; paths must not contain any).
struct BenchTarget: Sendable {
    var label: String
    var executable: String
    var arguments: [String]

    init(_ word: String) throws(BenchmarkError) {
        guard let equals = word.firstIndex(of: "=") else { throw .usage("target \(word): expected LABEL=EXECUTABLE [ARGS...]") }
        let command = word[word.index(after: equals)...].split(separator: " ").map(String.init)
        guard let executable = command.first, !word[..<equals].isEmpty else {
            throw .usage("target \(word): expected LABEL=EXECUTABLE [ARGS...]")
        }
        label = String(word[..<equals])
        self.executable = executable
        arguments = Array(command.dropFirst())
    }
}

/// What the kernel reports about a finished child (`wait4`); its peak RSS is
/// read separately, see ``BenchProcess/peakResidentKilobytes()``.
struct ChildUsage: Sendable {
    var exitStatus: Int32
    /// User plus system CPU time, microseconds.
    var cpuMicroseconds: Double
}

/// A child process spawned with its standard error sent to a file (the
/// benchmark's own output stays readable), waited for with `wait4` so that
/// its CPU time comes back with its exit status.
struct BenchProcess {
    let pid: pid_t

    /// `stderrPath` is appended to; `/dev/null` discards.
    static func spawn(_ target: BenchTarget, environment: [String: String], stderrPath: String) throws(BenchmarkError) -> BenchProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        let argv = ([target.executable] + target.arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, target.executable, &actions, nil, argv, envp)
        guard result == 0 else { throw .failed("cannot start \(target.executable): errno \(result)") }
        return BenchProcess(pid: pid)
    }

    func wait() -> ChildUsage {
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            if errno != EINTR { return ChildUsage(exitStatus: -1, cpuMicroseconds: 0) }
        }
        func microseconds(_ value: timeval) -> Double { Double(value.tv_sec) * 1_000_000 + Double(value.tv_usec) }
        let exitStatus = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return ChildUsage(exitStatus: exitStatus, cpuMicroseconds: microseconds(usage.ru_utime) + microseconds(usage.ru_stime))
    }

    /// `VmHWM` from `/proc/PID/status`: the peak RSS of the running program.
    ///
    /// Not `wait4`'s `ru_maxrss`: `posix_spawn` starts the child in the parent's
    /// address space (`CLONE_VM`) and Linux carries that address space's peak
    /// across `exec`, so `ru_maxrss` reports this benchmark's own size.
    func peakResidentKilobytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
        }
        return nil
    }
}
