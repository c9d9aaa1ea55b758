import Foundation
import Interlink
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A small site in a fresh temporary folder for the workflow tests (configuration, review memory,
/// output formats), removed when the value goes away.
final class WorkflowSite: @unchecked Sendable {
    /// The temporary folder; the site root unless `root` says otherwise.
    let folder: URL
    /// The site's root folder.
    let root: URL

    /// Writes `files` (relative path → text) under a new temporary folder; the site is in `siteFolder`.
    init(_ files: [String: String], siteFolder: String? = nil) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("interlink-workflow-\(UUID().uuidString)")
        self.folder = folder
        root = siteFolder.map { folder.appendingPathComponent($0) } ?? folder
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text, under: folder) }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Writes text at a path relative to the site root (or to `base`), creating folders.
    func write(_ path: String, _ text: String, under base: URL? = nil) throws {
        let url = (base ?? root).appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: root.appendingPathComponent(path)), as: UTF8.self)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    /// Runs `interlink` on this site (`--root` is added after the subcommand), from `directory`
    /// (default: the temporary folder).
    func run(
        _ command: String, _ arguments: [String] = [], in directory: URL? = nil, input: String? = nil,
        environment: [String: String?] = [:]
    ) throws -> CommandRunner.Output {
        try CommandRunner.run(
            [command, "--root", root.path] + arguments, in: directory ?? folder, input: input, environment: environment)
    }

    /// `suggest --format json`, decoded; fails the test unless the run succeeds.
    func suggestions(
        _ arguments: [String] = [], sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> [Suggestion] {
        let output = try run("suggest", ["--format", "json"] + arguments)
        #expect(output.status == 0, "\(output.stderr)", sourceLocation: sourceLocation)
        #expect(output.stderr == "", sourceLocation: sourceLocation)
        return try JSONDecoder().decode(SuggestionReport.self, from: Data(output.stdout.utf8)).suggestions
    }

    /// A Markdown article with a title.
    static func page(_ title: String, _ body: String, extra: String = "") -> String {
        "---\ntitle: \"\(title)\"\n\(extra)---\n\n\(body)\n"
    }
}

extension Suggestion {
    /// `source -> target "anchor"`, the triple a suggestion stands for.
    var triple: String { "\(source) -> \(target) \"\(anchor)\"" }
}

/// Runs `interlink` with standard output and/or standard error on a pseudo-terminal, to see what it
/// does on a terminal (colour, progress). The terminal turns `\n` into `\r\n`; `\r` is removed.
enum TerminalRunner {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// `grantpt`, `unlockpt` and `ptsname_r`, which the Glibc module does not declare, found at run time.
    static func terminalName(master: Int32) -> String? {
        typealias Call = @convention(c) (Int32) -> Int32
        typealias Name = @convention(c) (Int32, UnsafeMutablePointer<CChar>, Int) -> Int32
        let handle = dlopen(nil, RTLD_NOW)
        guard let grant = dlsym(handle, "grantpt"), let unlock = dlsym(handle, "unlockpt"),
            let name = dlsym(handle, "ptsname_r")
        else { return nil }
        guard unsafeBitCast(grant, to: Call.self)(master) == 0, unsafeBitCast(unlock, to: Call.self)(master) == 0 else {
            return nil
        }
        var buffer = [CChar](repeating: 0, count: 256)
        guard unsafeBitCast(name, to: Name.self)(master, &buffer, buffer.count) == 0 else { return nil }
        return String(cString: buffer)
    }

    static func run(
        _ arguments: [String], in directory: URL, environment: [String: String?] = [:], stdoutIsTerminal: Bool = true,
        stderrIsTerminal: Bool = false
    ) throws -> CommandRunner.Output {
        let binary = try #require(CommandRunner.executable, "interlink is not built")
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        guard master >= 0 else { throw Failure(description: "no pseudo-terminal available") }
        defer { close(master) }
        guard let name = Self.terminalName(master: master) else { throw Failure(description: "cannot unlock the pseudo-terminal") }
        let slave = open(name, O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw Failure(description: "cannot open \(name)") }
        // Not inherited by commands other tests start meanwhile (the child gets its own copy as fd 1 or 2).
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        let terminal = FileHandle(fileDescriptor: slave, closeOnDealloc: false)

        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("interlink-tty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdoutIsTerminal ? terminal : out
        process.standardError = stderrIsTerminal ? terminal : err
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        process.environment = merged

        // Drain the terminal while the command runs, so that it never blocks on a full buffer.
        let collected = TerminalBuffer()
        let reader = Thread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(master, &buffer, buffer.count)
                if count <= 0 { break }
                collected.append(buffer[0..<count])
            }
            collected.finish()
        }
        reader.start()
        do {
            try process.run()
        } catch {
            close(slave)
            throw error
        }
        process.waitUntilExit()
        // With every copy of the terminal's other end closed, the reader sees the end.
        close(slave)
        collected.wait()
        try out.close()
        try err.close()
        let terminalText = String(decoding: collected.bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        let fileOut = String(decoding: try Data(contentsOf: outURL), as: UTF8.self)
        let fileErr = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        return CommandRunner.Output(
            status: process.terminationStatus, stdout: stdoutIsTerminal ? terminalText : fileOut,
            stderr: stderrIsTerminal ? terminalText : fileErr)
    }
}

/// Bytes read from a terminal by a background thread.
private final class TerminalBuffer: @unchecked Sendable {
    private let condition = NSCondition()
    private var data: [UInt8] = []
    private var done = false

    func append(_ bytes: ArraySlice<UInt8>) {
        condition.lock()
        data.append(contentsOf: bytes)
        condition.unlock()
    }

    func finish() {
        condition.lock()
        done = true
        condition.broadcast()
        condition.unlock()
    }

    func wait() {
        condition.lock()
        while !done { condition.wait() }
        condition.unlock()
    }

    var bytes: [UInt8] {
        condition.lock()
        defer { condition.unlock() }
        return data
    }
}
