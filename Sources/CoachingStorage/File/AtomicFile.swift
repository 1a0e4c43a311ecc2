import Coaching
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Crash-safe file primitives: a file is replaced by writing a sibling
/// temporary file, flushing it to disk, renaming it over the target and
/// flushing the directory. A crash at any point leaves either the old or the
/// new content, never a torn mix.
enum AtomicFile {
    static func read(_ path: String) throws(StoreError) -> Data? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw .unavailable("cannot open a stored file (errno \(errno))")
        }
        defer { close(descriptor) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = Glibc.read(descriptor, &buffer, buffer.count)
            if count > 0 {
                data.append(contentsOf: buffer[0..<count])
            } else if count == 0 {
                return data
            } else if errno != EINTR {
                throw .unavailable("cannot read a stored file (errno \(errno))")
            }
        }
    }

    static func write(_ data: Data, to path: String) throws(StoreError) {
        let directory = parent(of: path)
        let temporary = "\(directory)/.tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .unavailable("cannot create a temporary file (errno \(errno))") }
        let written = data.withUnsafeBytes { bytes -> Bool in
            guard let base = bytes.baseAddress else { return true }
            var offset = 0
            while offset < bytes.count {
                let count = Glibc.write(descriptor, base + offset, bytes.count - offset)
                if count > 0 {
                    offset += count
                } else if count < 0, errno == EINTR {
                    continue
                } else {
                    return false
                }
            }
            return true
        }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written, synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw .unavailable("cannot write a stored file (errno \(errno))")
        }
        syncDirectory(directory)
    }

    static func createDirectory(_ path: String) throws(StoreError) {
        var partial = ""
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            partial += partial.isEmpty && component.isEmpty ? "/" : (partial.hasSuffix("/") || partial.isEmpty ? "" : "/") + component
            guard !partial.isEmpty, partial != "/" else { continue }
            if mkdir(partial, 0o700) != 0, errno != EEXIST {
                throw .unavailable("cannot create the data directory (errno \(errno))")
            }
        }
    }

    /// Names in `directory` (not `.` entries or temporary files).
    static func list(_ directory: String) -> [String] {
        guard let stream = opendir(directory) else { return [] }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        return names
    }

    /// Removes `path` if it exists (undoing a write whose companion failed).
    static func remove(_ path: String) {
        guard unlink(path) == 0 else { return }
        syncDirectory(parent(of: path))
    }

    /// Runs `body` holding an exclusive `flock` on `lockPath`: serialises
    /// writers across threads and processes sharing the directory. Waits for
    /// another holder at most `waitMilliseconds` (no limit when `nil`), then
    /// gives up as unavailable: the Lambda deadline bounds every wait.
    static func withExclusiveLock<T>(
        _ lockPath: String, waitingAtMost waitMilliseconds: Int64? = nil, _ body: () throws(StoreError) -> T
    ) throws(StoreError) -> T {
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .unavailable("cannot open a lock file (errno \(errno))") }
        defer { close(descriptor) }
        if let waitMilliseconds {
            try lock(descriptor, waitingAtMost: waitMilliseconds)
        } else {
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else { throw .unavailable("cannot lock (errno \(errno))") }
            }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    /// Polls a non-blocking `flock` (every 5 ms, measured on the monotonic
    /// clock, so virtual test clocks do not stall it).
    private static func lock(_ descriptor: Int32, waitingAtMost waitMilliseconds: Int64) throws(StoreError) {
        let started = monotonicMilliseconds()
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else { throw .unavailable("cannot lock (errno \(errno))") }
            let left = waitMilliseconds - (monotonicMilliseconds() - started)
            guard left > 0 else { throw .unavailable("timed out waiting for another writer's lock") }
            usleep(useconds_t(min(left, 5) * 1_000))
        }
    }

    private static func monotonicMilliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1_000 + Int64(now.tv_nsec) / 1_000_000
    }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func syncDirectory(_ directory: String) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
