import Foundation
import Interlink
import InterlinkMarkdown
import Testing

/// `interlink apply` end to end on copies of ExampleSite: summary, idempotence, link style, PATH selection.
@Suite struct ApplyExampleSiteTests {
    @Test func applyWritesTheLinksAndSummarisesOnStandardError() throws {
        let copy = try SiteCopy.exampleSite()
        let before = copy.snapshot()
        let output = try CommandRunner.run(["apply", "--root", copy.root.path])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout == "")
        let summary = try ApplySummary.parse(output.stderr)
        let after = copy.snapshot()
        let changed = SiteCopy.changed(before, after)
        #expect(!changed.isEmpty)
        #expect(summary.files == changed.count)
        #expect(Set(summary.linksPerFile.keys) == Set(changed))
        #expect(summary.links == summary.linksPerFile.values.reduce(0, +))
        #expect(summary.links > summary.files / 2)
        #expect(changed.allSatisfy { $0.hasPrefix("content/") && $0.hasSuffix(".md") })
        #expect(copy.leftovers().isEmpty)
        // Only the anchors changed: taking the new links out gives back every original byte.
        for path in changed {
            let added = AddedLinks(original: before[path]!, rewritten: after[path]!)
            #expect(added.problems.isEmpty, "\(path): \(added.problems)")
            #expect(added.restored == before[path], "\(path): removing the new links does not restore it")
            #expect(added.links.count == summary.linksPerFile[path], "\(path)")
            // ExampleSite is Hugo with root-URL links: new links are written the same way.
            #expect(added.links.allSatisfy { $0.kind == .inline && $0.destination.hasPrefix("/posts/") }, "\(path)")
        }
    }

    @Test func aSecondApplyChangesNothing() throws {
        let copy = try SiteCopy.exampleSite()
        let first = try CommandRunner.run(["apply", "--root", copy.root.path])
        #expect(first.status == 0)
        let afterFirst = copy.snapshot()
        let second = try CommandRunner.run(["apply", "--root", copy.root.path])
        #expect(second.status == 0)
        #expect(second.stderr == "0 links added in 0 files\n")
        #expect(copy.snapshot() == afterFirst)
        let diff = try CommandRunner.run(["diff", "--root", copy.root.path])
        #expect(diff.status == 0)
        #expect(diff.stdout == "")
    }

    @Test func quietSilencesTheSummaryButStillWrites() throws {
        let loud = try SiteCopy.exampleSite()
        let quiet = try SiteCopy.exampleSite()
        let loudRun = try CommandRunner.run(["apply", "--root", loud.root.path])
        let quietRun = try CommandRunner.run(["apply", "--root", quiet.root.path, "--quiet"])
        #expect(quietRun.status == 0)
        #expect(quietRun.stderr == "")
        #expect(quietRun.stdout == "")
        #expect(!loudRun.stderr.isEmpty)
        #expect(quiet.snapshot() == loud.snapshot())
    }

    @Test func diffWritesNothingAndMatchesApplyDryRun() throws {
        let copy = try SiteCopy.exampleSite()
        let before = copy.snapshot()
        let diff = try CommandRunner.run(["diff", "--root", copy.root.path])
        let dryRun = try CommandRunner.run(["apply", "--dry-run", "--root", copy.root.path])
        #expect(diff.status == 0)
        #expect(dryRun.status == 0)
        #expect(!diff.stdout.isEmpty)
        #expect(diff.stdout == dryRun.stdout)
        #expect(!diff.stdout.contains("\u{1B}["), "colour on a pipe")
        #expect(copy.snapshot() == before)
        let colored = try CommandRunner.run(["diff", "--root", copy.root.path, "--color"])
        #expect(colored.stdout.contains("\u{1B}[32m+"))
    }

    @Test func linkStyleRelativeWritesRelativeMarkdownPaths() async throws {
        let copy = try SiteCopy.exampleSite()
        let before = copy.snapshot()
        let output = try CommandRunner.run(["apply", "--root", copy.root.path, "--link-style", "relative"])
        #expect(output.status == 0, "\(output.stderr)")
        let after = copy.snapshot()
        let changed = SiteCopy.changed(before, after)
        #expect(!changed.isEmpty)
        let site = await SiteLoader.load(root: copy.root).site
        let resolver = LinkResolver(site: site)
        for path in changed {
            let added = AddedLinks(original: before[path]!, rewritten: after[path]!)
            #expect(added.problems.isEmpty, "\(path): \(added.problems)")
            #expect(added.restored == before[path])
            for link in added.links {
                let file = link.destination.split(separator: "#").first.map(String.init) ?? ""
                #expect(link.kind == .inline && file.hasSuffix(".md") && !file.hasPrefix("/"), "\(path): \(link.destination)")
                guard case .article = resolver.resolve(link, from: try #require(site.index(ofPath: path))) else {
                    Issue.record("\(path): \(link.destination) does not resolve")
                    continue
                }
            }
        }
    }

    @Test func applyWithAPathTouchesOnlyThatFile() throws {
        let full = try SiteCopy.exampleSite()
        _ = try CommandRunner.run(["apply", "--root", full.root.path, "--quiet"])
        let copy = try SiteCopy.exampleSite()
        let before = copy.snapshot()
        let path = "content/posts/core-web-vitals.md"
        #expect(full.snapshot()[path] != before[path], "the chosen file gets links in a full run")
        // PATH relative to the current directory…
        let output = try CommandRunner.run(["apply", "--root", ".", path], in: copy.root)
        #expect(output.status == 0, "\(output.stderr)")
        let summary = try ApplySummary.parse(output.stderr)
        #expect(Array(summary.linksPerFile.keys) == [path])
        #expect(summary.files == 1)
        #expect(SiteCopy.changed(before, copy.snapshot()) == [path])
        #expect(copy.snapshot()[path] == full.snapshot()[path])
        // …or relative to the site root, or absolute.
        let other = "content/posts/search-intent.md"
        let second = try CommandRunner.run(["apply", "--root", copy.root.path, other, "--quiet"])
        #expect(second.status == 0)
        #expect(SiteCopy.changed(before, copy.snapshot()) == [path, other])
        let third = try CommandRunner.run(["apply", "--root", copy.root.path, copy.url("content/posts/pagerank.md").path])
        #expect(third.status == 0)
        #expect(SiteCopy.changed(before, copy.snapshot()) == [path, "content/posts/pagerank.md", other])
    }

    @Test func aPathOutsideTheSiteIsAnError() throws {
        let copy = try SiteCopy.exampleSite()
        let before = copy.snapshot()
        let output = try CommandRunner.run(["apply", "--root", copy.root.path, "/etc/hostname"])
        #expect(output.status != 0)
        #expect(output.stderr.contains("not inside the site root"))
        #expect(copy.snapshot() == before)
    }
}
