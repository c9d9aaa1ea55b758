import Foundation
import Testing

/// Folders of `InterruptedApplyTests.generated`, removed at exit.
nonisolated(unsafe) private var generatedFolders: [String] = []

/// `interlink apply` stopped by SIGINT or SIGTERM while it writes a large site: it ends with the signal,
/// every file is byte for byte either as it was or as a complete run writes it, no temporary file is left,
/// and a second run finishes the job. Stopped during `--interactive` review, it writes nothing.
@Suite(.serialized) struct InterruptedApplyTests {
    /// A generated site (Benchmarks/generate-site.py) and the same site after a complete `apply`.
    final class Generated: Sendable {
        let original: SiteCopy
        let applied: SiteCopy

        init?() {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "interlink-signal-\(UUID().uuidString)")
            let generator = Process()
            generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            generator.arguments = [
                "python3", CommandRunner.repositoryRoot.appendingPathComponent("Benchmarks/generate-site.py").path,
                "1500", folder.path,
            ]
            generator.standardOutput = FileHandle.nullDevice
            guard (try? generator.run()) != nil else { return nil }
            generator.waitUntilExit()
            defer { try? FileManager.default.removeItem(at: folder) }
            guard generator.terminationStatus == 0, let original = try? SiteCopy(of: folder),
                let applied = try? SiteCopy(of: folder),
                let output = try? CommandRunner.run(["apply", "--root", applied.root.path, "--quiet"]),
                output.status == 0
            else { return nil }
            self.original = original
            self.applied = applied
            // A static is never deinitialised: remove the two copies when the test process exits.
            generatedFolders = [original.root.path, applied.root.path]
            atexit {
                for path in generatedFolders {
                    _ = try? FileManager.default.removeItem(atPath: path)
                }
            }
        }
    }

    static let generated = Generated()

    static let canGenerate = generated != nil

    @Test(
        .enabled(if: canGenerate, "python3 and Benchmarks/generate-site.py are needed to make a large site"),
        arguments: [SIGINT, SIGTERM])
    func aStoppedApplyLeavesEveryFileOldOrNewAndNoTemporaryFile(signal: Int32) throws {
        let generated = try #require(Self.generated)
        let before = generated.original.snapshot()
        let complete = generated.applied.snapshot()
        let copy = try SiteCopy(of: generated.original.root)
        let run = try LiveCommand(["apply", "--root", copy.root.path], in: copy.root)
        // Stop it once it has written a few dozen files, in the middle of the write phase.
        let writing = run.wait(upTo: 120) { $0.stderr.components(separatedBy: " added\n").count > 40 }
        run.send(signal)
        let (reason, status) = run.finish()
        try #require(writing, "apply ended before it had written 40 files: \(run.stderr.suffix(300))")
        #expect(reason == .uncaughtSignal && status == signal, "ended with \(reason) \(status)")
        #expect(
            run.stderr.contains("; every file is either as it was or completely rewritten\n"),
            "\(run.stderr.suffix(200))")

        let after = copy.snapshot()
        #expect(Set(after.keys) == Set(before.keys))
        var written = 0
        for (path, bytes) in after {
            if bytes == before[path] { continue }
            #expect(bytes == complete[path], "\(path) is neither the old nor the new version")
            written += 1
        }
        #expect(written >= 40, "only \(written) files were written before the signal")
        #expect(written < complete.filter { before[$0.key] != $0.value }.count, "the run was not stopped")
        #expect(copy.leftovers().isEmpty)

        // A second run picks up where the first stopped.
        let again = try CommandRunner.run(["apply", "--root", copy.root.path, "--quiet"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(copy.leftovers().isEmpty)
    }

    @Test func aStoppedInteractiveReviewWritesNothing() throws {
        let copy = try SiteCopy.exampleSite()
        let before = copy.snapshot()
        let run = try LiveCommand(["apply", "--root", copy.root.path, "--interactive"], in: copy.root)
        #expect(run.wait(upTo: 60) { $0.stdout.contains("Link it?") })
        run.type("a\na\n")
        #expect(run.wait(upTo: 10) { $0.stdout.components(separatedBy: "Link it?").count > 3 })
        run.send(SIGINT)
        let (reason, status) = run.finish()
        #expect(reason == .uncaughtSignal && status == SIGINT)
        #expect(copy.snapshot() == before)
        #expect(copy.leftovers().isEmpty)
    }
}
