import Foundation
import Testing

/// The built `interlink` binary (or another program) running in the background, for tests that act while it
/// runs: answer its prompts, change files under it, send it signals. Output goes to files, read at any time.
final class LiveCommand: @unchecked Sendable {
    let process = Process()
    private let scratch: URL
    private let input = Pipe()

    /// Starts `executable` (default: `interlink`) with `arguments` in `directory`.
    init(_ arguments: [String], in directory: URL, executable: URL? = nil) throws {
        let binary = try #require(executable ?? CommandRunner.executable, "interlink is not built")
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("interlink-live-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        for name in ["stdout", "stderr"] {
            FileManager.default.createFile(atPath: scratch.appendingPathComponent(name).path, contents: nil)
        }
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardInput = input
        process.standardOutput = try FileHandle(forWritingTo: scratch.appendingPathComponent("stdout"))
        process.standardError = try FileHandle(forWritingTo: scratch.appendingPathComponent("stderr"))
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(at: scratch)
    }

    var stdout: String { read("stdout") }
    var stderr: String { read("stderr") }

    private func read(_ name: String) -> String {
        String(decoding: (try? Data(contentsOf: scratch.appendingPathComponent(name))) ?? Data(), as: UTF8.self)
    }

    /// Writes `text` to the program's standard input.
    func type(_ text: String) {
        input.fileHandleForWriting.write(Data(text.utf8))
    }

    /// Closes standard input (end of file).
    func closeInput() {
        try? input.fileHandleForWriting.close()
    }

    /// Waits until `condition` holds (checked every 10 ms) or `seconds` pass; whether it held.
    @discardableResult
    func wait(upTo seconds: Double, until condition: (LiveCommand) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition(self) { return true }
            if !process.isRunning { return condition(self) }
            usleep(10_000)
        }
        return condition(self)
    }

    /// Waits for the program to end (killing it after `seconds`), and returns how it ended.
    func finish(within seconds: Double = 120) -> (reason: Process.TerminationReason, status: Int32) {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning {
            Issue.record("the program did not end within \(seconds) s; killed")
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        return (process.terminationReason, process.terminationStatus)
    }

    /// Sends a signal.
    func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }
}
