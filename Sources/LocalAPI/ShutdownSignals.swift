#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Ctrl-C and `kill` for a foreground server: SIGINT and SIGTERM are blocked
/// in every thread and taken synchronously by ``wait()``, so no signal
/// handler runs in the middle of a request.
package enum ShutdownSignals {
    private static var set: sigset_t {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        return signals
    }

    /// Blocks SIGINT and SIGTERM in the calling thread, and so in every
    /// thread it starts afterwards. Call it first thing, before any thread exists.
    package static func block() {
        var signals = set
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        // A shell starts background jobs with SIGINT ignored; blocked signals
        // stay pending either way, but the default action keeps that explicit.
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    /// Waits until SIGINT or SIGTERM arrives; returns its name.
    package static func wait() -> String {
        var signals = set
        var received: Int32 = 0
        while sigwait(&signals, &received) != 0 {}
        return received == SIGINT ? "SIGINT" : "SIGTERM"
    }
}
