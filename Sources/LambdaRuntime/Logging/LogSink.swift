#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Where finished log lines go.
package protocol LogSink: Sendable {
    /// Writes one line; the sink adds the newline.
    func write(line: String)
}

/// Unbuffered standard error: each line is one `write(2)`, so lines from a
/// process that is frozen or killed right after logging are not lost, and
/// concurrent writers never interleave within a line.
package struct StandardErrorSink: LogSink {
    package init() {}

    package func write(line: String) {
        var text = line
        text.append("\n")
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(2, base + offset, bytes.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0, errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }
}
