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
    private var memory: [(String, Int, Int)] = []
    private var cpu: [String: Double] = [:]
    /// Each measured span: stage, start and end in seconds since the timer was made.
    private var spans: [(String, Double, Double)] = []
    private let origin = DispatchTime.now().uptimeNanoseconds

    /// Makes the timer now, if it was not made before: the origin of the `span` lines printed by
    /// `report()` is when the process-wide timer was made (call it first thing in a command).
    public func start() {}

    /// Runs `body`, adding its duration to `stage`.
    public func measure<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
        guard enabled else { return try body() }
        let start = DispatchTime.now().uptimeNanoseconds
        let startCPU = Self.processCPUSeconds()
        defer {
            record(stage, start: start, cpu: Self.processCPUSeconds() - startCPU)
        }
        return try body()
    }

    /// Async variant of `measure`.
    public func measure<T>(_ stage: String, _ body: () async throws -> T) async rethrows -> T {
        guard enabled else { return try await body() }
        let start = DispatchTime.now().uptimeNanoseconds
        let startCPU = Self.processCPUSeconds()
        defer {
            record(stage, start: start, cpu: Self.processCPUSeconds() - startCPU)
        }
        return try await body()
    }

    private func record(_ stage: String, start: UInt64, cpu cpuSeconds: Double) {
        let end = DispatchTime.now().uptimeNanoseconds
        let seconds = Double(end - start) / 1e9
        lock.lock()
        defer { lock.unlock() }
        spans.append((stage, Double(start - origin) / 1e9, Double(end - origin) / 1e9))
        cpu[stage, default: 0] += cpuSeconds
        if let index = totals.firstIndex(where: { $0.0 == stage }) {
            totals[index].1 += seconds
        } else {
            totals.append((stage, seconds))
        }
        let (resident, peak) = Self.memoryMegabytes()
        memory.append((stage, resident, peak))
    }

    /// Prints `stage seconds` lines to standard error.
    public func report() {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        for (stage, seconds) in totals {
            FileHandle.standardError.write(Data(String(format: "timing %@ %.3f\n", stage, seconds).utf8))
        }
        for (stage, _) in totals {
            FileHandle.standardError.write(Data(String(format: "cpu %@ %.3f\n", stage, cpu[stage] ?? 0).utf8))
        }
        for (stage, start, end) in spans {
            FileHandle.standardError.write(Data(String(format: "span %@ %.3f %.3f\n", stage, start, end).utf8))
        }
        for (stage, resident, peak) in memory {
            FileHandle.standardError.write(Data("memory \(stage) resident \(resident) MB, peak \(peak) MB\n".utf8))
        }
    }

    /// User and system time of the whole process, all threads.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// Resident and peak resident memory of the process (Linux `/proc/self/status`; 0 elsewhere).
    static func memoryMegabytes() -> (Int, Int) {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (0, 0) }
        func field(_ name: String) -> Int {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return 0 }
            return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024
        }
        return (field("VmRSS"), field("VmHWM"))
    }
}
