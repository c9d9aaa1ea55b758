import Foundation
import Testing

/// `interlink index` on each shared corpus (`../shared/corpora/*/site`): exit 0, nothing on stderr.
@Suite struct SharedCorpusIndexTests {
    static let corporaRoot = CommandRunner.repositoryRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/corpora")

    static var corpusNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corporaRoot.path)) ?? []).sorted().filter {
            FileManager.default.fileExists(atPath: corporaRoot.appendingPathComponent("\($0)/site").path)
        }
    }

    @Test(
        .enabled(
            if: FileManager.default.fileExists(atPath: corporaRoot.path),
            "../shared/corpora is absent (a user's clone): skipped"))
    func indexRunsCleanlyOnEveryCorpus() throws {
        let names = Self.corpusNames
        #expect(!names.isEmpty)
        for name in names {
            let output = try CommandRunner.run(
                ["index", "--root", Self.corporaRoot.appendingPathComponent("\(name)/site").path, "--format", "json"])
            #expect(output.status == 0, "\(name)")
            #expect(output.stderr == "", "\(name)")
            let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
            #expect((object?["errors"] as? [Any])?.isEmpty == true, "\(name)")
        }
    }
}
