import Foundation
import Testing
import TestSupport

/// Issue 20: once `serve` ran out of descriptors it spun at 100% of a core
/// in `accept`; it now backs off, and serves again when connections close.
@Suite struct ServeExhaustionTests {
    /// User plus system CPU time of `pid` so far, in clock ticks (1/100 s).
    private func cpuTicks(_ pid: Int32) -> Int? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let afterName = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: afterName)...].split(separator: " ")
        // After the name: state is field 3, utime 14 and stime 15 (1-based, whole line).
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
        return user + system
    }

    @Test func outOfDescriptorsTheAcceptLoopWaitsInsteadOfSpinning() throws {
        let server = try ServeCommandTests.RunningServer(descriptorLimit: 40)
        defer { _ = server.stop() }
        let pid = server.process.processIdentifier
        // More idle connections than descriptors: the kernel queues the rest, accept fails with EMFILE.
        let held = (0..<80).map { _ in RawHTTP.holdOpen(port: server.port) }
        defer { for descriptor in held { close(descriptor) } }
        sleep(1)
        let before = try #require(cpuTicks(pid))
        sleep(3)
        let after = try #require(cpuTicks(pid))
        #expect(after - before < 20, "serve used \(after - before) ticks of CPU in 3 s while out of descriptors")
        for descriptor in held { shutdown(descriptor, Int32(SHUT_RDWR)) }
        var healthy = false
        for _ in 0..<100 where !healthy {
            healthy = RawHTTP.exchange(port: server.port, "GET /api/v1/health HTTP/1.1\r\nConnection: close\r\n\r\n").hasPrefix("HTTP/1.1 200 ")
            if !healthy { usleep(50_000) }
        }
        #expect(healthy)
    }
}
