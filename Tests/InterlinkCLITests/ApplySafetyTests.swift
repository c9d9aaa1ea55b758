import Foundation
import Testing

/// `interlink apply` when some files cannot or should not be written: a clear error, exit status 2, the
/// other files still done, nothing half-written, no temporary files left; permissions and symlinks kept.
@Suite struct ApplySafetyTests {
    /// ExampleSite files that get links in a full run.
    static let linked = "content/posts/anchor-text.md"
    static let alsoLinked = "content/posts/breadcrumbs.md"

    static func mode(_ url: URL) throws -> Int {
        ((try FileManager.default.attributesOfItem(atPath: url.path))[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func aReadOnlyFileIsAnErrorAndTheOthersAreStillWritten() throws {
        let reference = try SiteCopy.exampleSite()
        _ = try CommandRunner.run(["apply", "--root", reference.root.path, "--quiet"])
        let copy = try SiteCopy.exampleSite()
        let before = copy.snapshot()
        #expect(chmod(copy.url(Self.linked).path, 0o444) == 0)
        let output = try CommandRunner.run(["apply", "--root", copy.root.path])
        #expect(output.status == 2)
        #expect(output.stderr.contains("\(Self.linked):1:1: error: "), "\(output.stderr)")
        let after = copy.snapshot()
        #expect(after[Self.linked] == before[Self.linked])
        #expect(try Self.mode(copy.url(Self.linked)) == 0o444)
        // Every other file is exactly what a run without the read-only file writes.
        let expected = reference.snapshot().filter { $0.key != Self.linked }
        #expect(after.filter { $0.key != Self.linked } == expected)
        let summary = try ApplySummary.parse(
            output.stderr.split(separator: "\n").filter { !$0.contains(": error: ") }.joined(separator: "\n") + "\n")
        #expect(summary.linksPerFile[Self.linked] == nil)
        #expect(summary.files == SiteCopy.changed(before, after).count)
        #expect(copy.leftovers().isEmpty)
    }

    @Test func permissionsSurviveTheRewrite() throws {
        let copy = try SiteCopy.exampleSite()
        #expect(chmod(copy.url(Self.linked).path, 0o640) == 0)
        #expect(chmod(copy.url(Self.alsoLinked).path, 0o600) == 0)
        let before = copy.snapshot()
        let output = try CommandRunner.run(["apply", "--root", copy.root.path, "--quiet"])
        #expect(output.status == 0)
        let after = copy.snapshot()
        #expect(after[Self.linked] != before[Self.linked])
        #expect(after[Self.alsoLinked] != before[Self.alsoLinked])
        #expect(try Self.mode(copy.url(Self.linked)) == 0o640)
        #expect(try Self.mode(copy.url(Self.alsoLinked)) == 0o600)
    }

    @Test func aSymlinkedArticleStaysALinkAndItsTargetIsRewritten() throws {
        let copy = try SiteCopy.exampleSite()
        let original = try copy.bytes(Self.linked)
        // The article's real file lives outside the content folder; the content folder holds a link to it.
        try FileManager.default.createDirectory(at: copy.url("shared"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: copy.url(Self.linked), to: copy.url("shared/anchor-text.md"))
        try FileManager.default.createSymbolicLink(
            atPath: copy.url(Self.linked).path, withDestinationPath: "../../shared/anchor-text.md")
        let output = try CommandRunner.run(["apply", "--root", copy.root.path])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stderr.contains("\(Self.linked): "))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: copy.url(Self.linked).path) == "../../shared/anchor-text.md")
        let rewritten = try copy.bytes("shared/anchor-text.md")
        #expect(rewritten != original)
        let added = AddedLinks(original: original, rewritten: rewritten)
        #expect(added.problems.isEmpty)
        #expect(added.restored == original)
        #expect(copy.leftovers().isEmpty)
    }

    @Test func nothingIsWrittenWhenEveryFileIsReadOnly() throws {
        let copy = try SiteCopy.exampleSite()
        let before = copy.snapshot()
        for path in before.keys where path.hasSuffix(".md") { chmod(copy.url(path).path, 0o444) }
        let output = try CommandRunner.run(["apply", "--root", copy.root.path])
        #expect(output.status == 2)
        #expect(output.stderr.hasSuffix("0 links added in 0 files\n"))
        #expect(copy.snapshot() == before)
        #expect(copy.leftovers().isEmpty)
    }
}
