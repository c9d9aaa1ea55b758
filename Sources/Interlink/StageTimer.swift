import Foundation

/// Wall-clock time per pipeline stage, printed on standard error when `INTERLINK_TIMINGS` is set
/// (used by the benchmarks; costs nothing otherwise).
public final class StageTimer: @unchecked Sendable {
    /// The process-wide timer.
    public static let shared = StageTimer()

    /// Whether timings are collected.
    public let enabled = ProcessInfo.processInfo.environment["INTERLINK_TIMINGS"] != nil
    private let lock = NSLock()
    private var totals: [(String, Double)] = []

    /// Runs `body`, adding its duration to `stage`.
    public func measure<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
        guard enabled else { return try body() }
        let start = DispatchTime.now().uptimeNanoseconds
        defer { record(stage, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9) }
        return try body()
    }

    /// Async variant of `measure`.
    public func measure<T>(_ stage: String, _ body: () async throws -> T) async rethrows -> T {
        guard enabled else { return try await body() }
        let start = DispatchTime.now().uptimeNanoseconds
        defer { record(stage, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9) }
        return try await body()
    }

    private func record(_ stage: String, _ seconds: Double) {
        lock.lock()
        defer { lock.unlock() }
        if let index = totals.firstIndex(where: { $0.0 == stage }) {
            totals[index].1 += seconds
        } else {
            totals.append((stage, seconds))
        }
    }

    /// Prints `stage seconds` lines to standard error.
    public func report() {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        for (stage, seconds) in totals {
            FileHandle.standardError.write(Data(String(format: "timing %@ %.3f\n", stage, seconds).utf8))
        }
    }
}
