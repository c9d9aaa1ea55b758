import Foundation
import Testing

/// `interlink diff` on ExampleSite: the reviewed golden diff, and the proof that `git apply` and `patch -p1`,
/// run from the site root, turn a copy into exactly what `interlink apply` writes.
@Suite struct DiffExampleSiteTests {
    static let goldenURL = CommandRunner.repositoryRoot
        .appendingPathComponent("Tests/InterlinkCLITests/Golden/example-apply.diff")

    static let toolsAvailable = ["git", "patch"].allSatisfy { tool in
        ["/usr/bin", "/bin", "/usr/local/bin"].contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
    }

    /// Runs a standard tool in `directory`, output to a log file.
    static func run(
        _ tool: String, _ arguments: [String], in directory: URL, environment changes: [String: String?] = [:]
    ) throws -> (status: Int32, output: String) {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("interlink-tool-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CEILING_DIRECTORIES"] = directory.deletingLastPathComponent().path
        for (key, value) in changes { environment[key] = value }
        process.environment = environment
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }

    @Test func dryRunDiffMatchesTheGoldenFile() throws {
        let output = try CommandRunner.run(["diff", "--root", "ExampleSite"])
        #expect(output.status == 0)
        #expect(output.stderr == "")
        let golden = try String(contentsOf: Self.goldenURL, encoding: .utf8)
        #expect(
            output.stdout == golden,
            "interlink diff --root ExampleSite differs from Golden/example-apply.diff; if the change is deliberate, run scripts/update-golden.sh and review the diff")
    }

    @Test func goldenDiffHasTheShapeEditorsExpect() throws {
        let golden = try String(contentsOf: Self.goldenURL, encoding: .utf8)
        let lines = golden.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains { $0.hasPrefix("--- a/content/posts/") })
        #expect(lines.contains { $0.hasPrefix("+++ b/content/posts/") })
        // Every hunk header is followed by lines that start with ' ', '-', '+' or '\'.
        for line in lines where !line.isEmpty {
            let first = line.first!
            #expect(
                line.hasPrefix("--- a/") || line.hasPrefix("+++ b/") || line.hasPrefix("@@ -") || " -+\\".contains(first),
                "unexpected line: \(line)")
        }
    }

    static let scriptAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/script")

    /// On a terminal (a pseudo-terminal from util-linux `script`) the diff is coloured, unless NO_COLOR is set.
    @Test(.enabled(if: scriptAvailable, "util-linux script is not installed: no pseudo-terminal to test colour on"))
    func colourOnlyOnATerminalAndNeverWithNoColor() throws {
        let binary = try #require(CommandRunner.executable)
        let command = "'\(binary.path)' diff --root ExampleSite"
        let terminal = try Self.run(
            "script", ["-qec", command, "/dev/null"], in: CommandRunner.repositoryRoot, environment: ["NO_COLOR": nil])
        #expect(terminal.status == 0)
        #expect(terminal.output.contains("\u{1B}[1m+++ b/content/posts/"))
        #expect(terminal.output.contains("\u{1B}[32m+"))
        let noColor = try Self.run(
            "script", ["-qec", command, "/dev/null"], in: CommandRunner.repositoryRoot, environment: ["NO_COLOR": "1"])
        #expect(noColor.status == 0)
        #expect(noColor.output.contains("+++ b/content/posts/"))
        #expect(!noColor.output.contains("\u{1B}[1m+++"))
        #expect(!noColor.output.contains("\u{1B}[32m"))
        #expect(!noColor.output.contains("\u{1B}[31m"))
    }

    @Test(.enabled(if: toolsAvailable, "git or patch is not installed"), arguments: ["git", "patch"])
    func standardToolsApplyTheDiffToExactlyWhatApplyWrites(tool: String) throws {
        let applied = try SiteCopy.exampleSite()
        let patched = try SiteCopy.exampleSite()
        let before = patched.snapshot()
        let diff = try CommandRunner.run(["diff", "--root", patched.root.path])
        #expect(diff.status == 0)
        #expect(!diff.stdout.isEmpty)
        #expect(patched.snapshot() == before, "diff wrote to the site")
        let apply = try CommandRunner.run(["apply", "--root", applied.root.path, "--quiet"])
        #expect(apply.status == 0)

        let patchFile = FileManager.default.temporaryDirectory.appendingPathComponent("interlink-\(UUID().uuidString).diff")
        try Data(diff.stdout.utf8).write(to: patchFile)
        defer { try? FileManager.default.removeItem(at: patchFile) }
        let result = tool == "git"
            ? try Self.run("git", ["apply", "--check", patchFile.path], in: patched.root)
            : try Self.run("patch", ["-p1", "--dry-run", "--batch", "-i", patchFile.path], in: patched.root)
        #expect(result.status == 0, "\(tool) refuses the diff: \(result.output)")
        let real = tool == "git"
            ? try Self.run("git", ["apply", patchFile.path], in: patched.root)
            : try Self.run("patch", ["-p1", "--batch", "--no-backup-if-mismatch", "-i", patchFile.path], in: patched.root)
        #expect(real.status == 0, "\(tool): \(real.output)")
        if tool == "patch" {
            #expect(!real.output.contains("fuzz") && !real.output.contains("offset"), "\(real.output)")
        }
        let expected = applied.snapshot()
        let got = patched.snapshot()
        #expect(SiteCopy.changed(expected, got).isEmpty, "files differ after \(tool): \(SiteCopy.changed(expected, got))")
    }
}
