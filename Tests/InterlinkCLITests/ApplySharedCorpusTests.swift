import Foundation
import Interlink
import InterlinkMarkdown
import Testing

/// `interlink apply` on a temporary copy of every shared corpus (`../shared/corpora/*/site`): removing the
/// added links restores every file byte for byte; every rewritten file parses with the same headings and old
/// links plus exactly the new ones, each resolving to an article; a second `apply` changes nothing.
@Suite struct ApplySharedCorpusTests {
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
            "../shared/corpora is absent (a user's clone): skipped"),
        .timeLimit(.minutes(10)),  // a guard against a hang, not a speed bound (a busy machine is slow)
        arguments: corpusNames)
    func applyRestoresAndIsIdempotent(corpus: String) async throws {
        let copy = try SiteCopy(of: Self.corporaRoot.appendingPathComponent("\(corpus)/site"))
        let before = copy.snapshot()
        let first = try CommandRunner.run(["apply", "--root", copy.root.path])
        #expect(first.status == 0, "\(corpus): \(first.stderr.suffix(2000))")
        let summary = try ApplySummary.parse(first.stderr)
        let after = copy.snapshot()
        let changed = SiteCopy.changed(before, after)
        #expect(!changed.isEmpty, "\(corpus): nothing written")
        #expect(Set(changed) == Set(summary.linksPerFile.keys), "\(corpus): summary lists other files than were changed")
        #expect(summary.files == changed.count)
        #expect(Set(after.keys) == Set(before.keys), "\(corpus): files appeared or vanished")
        #expect(copy.leftovers().isEmpty)

        let site = await SiteLoader.load(root: copy.root).site
        let resolver = LinkResolver(site: site)
        var added = 0
        for path in changed {
            let links = AddedLinks(original: before[path]!, rewritten: after[path]!)
            #expect(links.problems.isEmpty, "\(corpus)/\(path): \(links.problems)")
            #expect(links.restored == before[path], "\(corpus)/\(path): removing the new links does not restore it")
            #expect(links.links.count == summary.linksPerFile[path], "\(corpus)/\(path)")
            added += links.links.count
            let source = try #require(site.index(ofPath: path), "\(corpus)/\(path) is not an article")
            for link in links.links {
                guard case .article(let target, _) = resolver.resolve(link, from: source) else {
                    Issue.record("\(corpus)/\(path): new link \(link.destination) does not resolve")
                    continue
                }
                #expect(target != source, "\(corpus)/\(path): links to itself")
            }
        }
        #expect(added == summary.links)

        let second = try CommandRunner.run(["apply", "--root", copy.root.path])
        #expect(second.status == 0)
        #expect(second.stderr.hasSuffix("0 links added in 0 files\n"), "\(corpus): \(second.stderr.suffix(2000))")
        #expect(SiteCopy.changed(after, copy.snapshot()).isEmpty, "\(corpus): the second apply changed files")
    }
}
