import Foundation
import Interlink
import Testing

/// `interlink audit --fix [--dry-run]` on copies of ExampleSite.
@Suite(.serialized) struct AuditFixCommandTests {
    static let goldenDiffURL = CommandRunner.repositoryRoot.appendingPathComponent("Tests/InterlinkCLITests/Golden/example-audit-fix.diff")

    @Test func theDryRunPrintsTheGoldenDiffAndWritesNothing() throws {
        let copy = try SiteCopy.exampleSite()
        let before = copy.snapshot()
        let output = try CommandRunner.run(["audit", "--fix", "--dry-run"], in: copy.root)
        #expect(output.status == 0)
        #expect(copy.snapshot() == before)
        #expect(output.stdout == (try String(contentsOf: Self.goldenDiffURL, encoding: .utf8)),
            "the fixes changed: run scripts/update-golden.sh and review the diff")
        #expect(output.stdout.contains("+Generic anchors waste an opportunity."))
        #expect(output.stdout.contains("you should [read about internal linking](/posts/internal-linking/)."))
        #expect(output.stdout.contains("We cover the four main types of [search intent](/posts/search-intent/) in a separate guide"))
        #expect(output.stdout.contains("We covered [nofollow](/posts/nofollow/) here;"))
    }

    @Test func fixWritesWhatTheDryRunShowedAndReportsWhatIsLeft() throws {
        let copy = try SiteCopy.exampleSite()
        let before = copy.snapshot()
        let dryRun = try CommandRunner.run(["audit", "--root", copy.root.path, "--fix", "--dry-run"])
        let output = try CommandRunner.run(["audit", "--root", copy.root.path, "--fix"])
        #expect(output.status == 0)
        let after = copy.snapshot()
        let changed = SiteCopy.changed(before, after)
        #expect(changed == ["content/posts/anchor-text.md", "content/posts/keyword-research.md", "content/posts/sponsored-links.md"])
        let diff = changed.map { UnifiedDiff.make(path: $0, original: before[$0]!, rewritten: after[$0]!) }.joined()
        #expect(diff == dryRun.stdout)
        #expect(output.stderr.contains("content/posts/anchor-text.md: 1 fixed (1 generic-anchor)\n"))
        #expect(output.stderr.contains("3 findings fixed in 3 files\n"))
        // The findings printed are those left after the fixes.
        #expect(!output.stdout.contains("[generic-anchor]"))
        #expect(output.stdout.contains("[broken-link]"))
        #expect(copy.leftovers().isEmpty)
    }

    @Test func afterTheFixTheAuditIsCleanForTheFixedRules() throws {
        let copy = try SiteCopy.exampleSite()
        _ = try CommandRunner.run(["audit", "--root", copy.root.path, "--fix", "--quiet"])
        let again = try CommandRunner.run(["audit", "--root", copy.root.path, "--format", "json"])
        struct Document: Decodable { var findings: [AuditFinding] }
        let findings = try JSONDecoder().decode(Document.self, from: Data(again.stdout.utf8)).findings
        #expect(!findings.contains { $0.rule.isFixable })
        // The moved and rewritten links count as before: same targets, so the graph numbers do not change.
        let original = try CommandRunner.run(["audit", "--root", "ExampleSite", "--format", "json"])
        let summary = { (text: String) in
            ((try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any])?["summary"] as? [String: Any]
        }
        #expect(summary(again.stdout)?["internalLinks"] as? Int == summary(original.stdout)?["internalLinks"] as? Int)
        // Nothing is left to fix.
        let second = try CommandRunner.run(["audit", "--root", copy.root.path, "--fix", "--dry-run"])
        #expect(second.stdout.isEmpty)
    }

    @Test func theDiffAppliesWithPatch() throws {
        let copy = try SiteCopy.exampleSite()
        let dryRun = try CommandRunner.run(["audit", "--fix", "--dry-run", "--root", copy.root.path])
        let patchFile = copy.root.appendingPathComponent("fix.diff")
        try Data(dryRun.stdout.utf8).write(to: patchFile)
        let patch = Process()
        patch.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        patch.arguments = ["patch", "-p1", "--dry-run", "--silent", "-i", patchFile.path]
        patch.currentDirectoryURL = copy.root
        guard (try? patch.run()) != nil else { return }  // no `patch` on this machine
        patch.waitUntilExit()
        #expect(patch.terminationStatus == 0)
    }
}
