import Foundation
import Testing

/// Runs the built `interlink` binary and captures what it prints.
enum CommandRunner {
    /// The repository root, found from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built binary: next to the test bundle (the products folder), else `.build/debug/interlink`.
    static let executable: URL? = {
        var candidates: [URL] = []
        for bundle in [Bundle.main] + Bundle.allBundles {
            if let url = bundle.executableURL { candidates.append(url.deletingLastPathComponent()) }
            candidates.append(bundle.bundleURL.deletingLastPathComponent())
        }
        candidates.append(repositoryRoot.appendingPathComponent(".build/debug"))
        return candidates.map { $0.appendingPathComponent("interlink") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `interlink` with `arguments` in `directory`. Output goes through files, so a large
    /// report can never fill a pipe and stall the process. `input` is fed on standard input (default:
    /// none); `environment` adds to (or, with a nil value, removes from) the inherited environment.
    static func run(
        _ arguments: [String], in directory: URL = repositoryRoot, input: String? = nil,
        environment: [String: String?] = [:]
    ) throws -> Output {
        let binary = try #require(executable, "interlink is not built: run `swift build --build-tests` first")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("interlink-cli-\(UUID().uuidString)")
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
        process.standardOutput = out
        process.standardError = err
        if let input {
            let inURL = scratch.appendingPathComponent("stdin")
            try Data(input.utf8).write(to: inURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        if !environment.isEmpty {
            var merged = ProcessInfo.processInfo.environment
            for (key, value) in environment { merged[key] = value }
            process.environment = merged
        }
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Output(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}
