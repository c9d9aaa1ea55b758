import Foundation

/// Holds off SIGINT, SIGTERM and SIGHUP while a file is being replaced, so that stopping `apply` never
/// leaves a half-replaced file or a temporary file behind: the signal ends the process as soon as the
/// replacement under way is complete (renamed into place, or removed after a failure).
///
/// A signal handler may do almost nothing safely, so the handler only writes the signal's number to a
/// pipe; a watcher thread reads it, waits for `AtomicWriter`'s current replacement (`exclusive`), then
/// restores the default action and raises the signal again: the process ends as if the signal had
/// arrived a moment later, with the usual exit status (130 for SIGINT, 143 for SIGTERM in a shell).
/// Without `install()` (the library used on its own) nothing is held and `exclusive` is only a lock.
public enum TerminationSignals {
    /// The signals held off.
    public static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Installs the handlers and starts the watcher. Call once, early, before any file is written;
    /// `message` is printed on standard error when a signal arrives.
    public static func install(message: @escaping @Sendable (Int32) -> String) {
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else { return }
        _ = fcntl(descriptors[1], F_SETFL, fcntl(descriptors[1], F_GETFL) | O_NONBLOCK)
        _ = fcntl(descriptors[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(descriptors[1], F_SETFD, FD_CLOEXEC)
        signalPipe = descriptors[1]
        let readEnd = descriptors[0]
        let watcher = Thread {
            var number: UInt8 = 0
            while read(readEnd, &number, 1) != 1 {}
            let signal = Int32(number)
            FileHandle.standardError.write(Data((message(signal) + "\n").utf8))
            // Wait for the replacement under way; none starts after this.
            writeLock.lock()
            Foundation.signal(signal, SIG_DFL)
            kill(getpid(), signal)
            // The default action ends the process; should it be blocked, do not come back to write.
            while true { pause() }
        }
        watcher.name = "interlink-signals"
        watcher.start()
        for signal in signals {
            // BSD semantics on Linux and macOS alike: the handler stays, interrupted calls restart.
            Foundation.signal(signal) { signal in
                // Only async-signal-safe calls here: keep errno for the code the signal interrupted.
                let saved = errno
                var number = UInt8(truncatingIfNeeded: signal)
                _ = write(TerminationSignals.signalPipe, &number, 1)
                errno = saved
            }
        }
    }

    /// Runs `body` (one file replacement) with termination held off until it returns.
    public static func exclusive<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        writeLock.lock()
        defer { writeLock.unlock() }
        return try body()
    }

    /// Written to by the signal handler; set before the handlers are installed, never changed after.
    nonisolated(unsafe) static var signalPipe: Int32 = -1
    /// Held while a file is replaced, and by the watcher from a signal until the process ends.
    static let writeLock = NSLock()
}
