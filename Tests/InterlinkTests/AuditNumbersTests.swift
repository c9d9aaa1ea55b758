import Foundation
import Interlink
import Testing

/// Inbound and outbound counts, click depth, components and entry pages.
@Suite struct AuditNumbersTests {
    @Test func countsPerArticleOnThePlantedSite() async throws {
        let fixture = try AuditFixture(AuditFixture.planted)
        let (result, site, _) = await fixture.audit(AuditFixture.plantedOptions)
        let metrics = result.metrics
        func numbers(_ path: String) -> (Int, Int, Int?) {
            let index = site.index(ofPath: path)!
            return (metrics.inbound[index], metrics.outbound[index], metrics.depth[index])
        }
        // hub: from home, deep, dup, link-list, self, orphan and crawl-budget (#getting-around); to level2 and dead-end.
        #expect(numbers("content/posts/hub.md") == (7, 2, 1))
        #expect(numbers("content/posts/level3.md") == (1, 2, 3))
        #expect(numbers("content/posts/deep.md") == (1, 1, 4))
        #expect(numbers("content/posts/orphan.md") == (0, 1, nil))
        #expect(numbers("content/_index.md") == (0, 6, 0))
        // A link to a draft leads nowhere: crawl-budget's outbound counts hub and level2 only.
        #expect(numbers("content/posts/crawl-budget.md").1 == 2)
        let draft = site.index(ofPath: "content/posts/unpublished.md")!
        #expect(metrics.published[draft] == false)
        #expect(metrics.depth[draft] == nil)
        #expect(metrics.inbound[draft] == 0)
    }

    @Test func theShortestPathExplainsADepth() async throws {
        let fixture = try AuditFixture(AuditFixture.planted)
        let (result, site, _) = await fixture.audit(AuditFixture.plantedOptions)
        let deep = site.index(ofPath: "content/posts/deep.md")!
        #expect(
            result.metrics.path(to: deep).map { site.articles[$0].path } == [
                "content/_index.md", "content/posts/hub.md", "content/posts/level2.md", "content/posts/level3.md",
                "content/posts/deep.md",
            ])
        #expect(result.metrics.path(to: site.index(ofPath: "content/posts/orphan.md")!).isEmpty)
    }

    @Test func hugoEntryPagesAreTheHomeAndTheSectionPages() async throws {
        let fixture = try AuditFixture(AuditFixture.planted)
        let (result, site, _) = await fixture.audit(AuditFixture.plantedOptions)
        #expect(result.metrics.entries.map { site.articles[$0].path } == ["content/_index.md", "content/posts/_index.md"])
    }

    @Test func entryPagesPerGenerator() async throws {
        let cases: [([String: String], [String])] = [
            // Jekyll: the root index page and folder index pages; posts are not entry pages.
            (["_config.yml": "title: x\n", "index.md": "# Home\n", "_posts/2024-01-02-a.md": "# A\n", "docs/index.md": "# Docs\n"],
             ["docs/index.md", "index.md"]),
            // MkDocs: docs/index.md is the home page.
            (["mkdocs.yml": "site_name: x\n", "docs/index.md": "# Home\n", "docs/guide/setup.md": "# Setup\n"], ["docs/index.md"]),
            // A plain folder: README.md at the root.
            (["README.md": "# Project\n", "notes/a.md": "# A\n", "notes/README.md": "# Notes\n"], ["README.md", "notes/README.md"]),
            // No home page at all: no entry page, so no depth.
            (["a.md": "# A\n", "b.md": "# B\n"], []),
        ]
        for (files, expected) in cases {
            let site = try TemporarySite(files)
            let loaded = await site.load()
            let entries = EntryPages.detect(site: loaded.site).entries.map { loaded.site.articles[$0].path }
            #expect(entries == expected, "\(files.keys.sorted())")
        }
    }

    @Test func configuredEntryPagesReplaceTheDetectedOnes() async throws {
        let fixture = try AuditFixture(AuditFixture.planted)
        var options = AuditFixture.plantedOptions
        options.entryPages = [Glob("content/posts/orphan.md"), Glob("content/posts/nothing-here.md")]
        let (result, site, _) = await fixture.audit(options)
        #expect(result.metrics.entries.map { site.articles[$0].path } == ["content/posts/orphan.md"])
        #expect(result.unmatchedEntryPages.map(\.pattern) == ["content/posts/nothing-here.md"])
        // An entry page is never an orphan; depth now counts from it.
        #expect(!result.findings.contains { $0.rule == .orphan && $0.path == "content/posts/orphan.md" })
        #expect(result.metrics.depth[site.index(ofPath: "content/posts/hub.md")!] == 1)
        #expect(result.metrics.depth[site.index(ofPath: "content/posts/deep.md")!] == 4)
    }

    @Test func withoutEntryPagesThereIsNoDeepPage() async throws {
        let site = try TemporarySite([
            "a.md": "# A\n\n[B](b.md)\n", "b.md": "# B\n\n[C](c.md)\n", "c.md": "# C\n\n[D](d.md)\n",
            "d.md": "# D\n\n[E](e.md)\n", "e.md": "# E\n\n[A](a.md)\n",
        ])
        let loaded = await site.load()
        let result = Auditor(site: loaded.site, graph: LinkGraph(site: loaded.site)).run()
        #expect(result.metrics.entries.isEmpty)
        #expect(result.findings.isEmpty)
        #expect(result.metrics.depth.allSatisfy { $0 == nil })
    }

    @Test func anUnreachablePageThatHasLinksIsADeepPage() async throws {
        let site = try TemporarySite([
            "index.md": "# Home\n\n[Hub](hub.md)\n", "hub.md": "# Hub\n\n[Home](index.md)\n",
            "island-a.md": "# Island A\n\n[Island B](island-b.md)\n", "island-b.md": "# Island B\n\n[Island A](island-a.md)\n",
        ])
        let loaded = await site.load()
        let result = Auditor(site: loaded.site, graph: LinkGraph(site: loaded.site)).run()
        #expect(
            result.findings.map { "\($0.path) \($0.rule.rawValue)" }
                == ["island-a.md deep-page", "island-b.md deep-page"])
        #expect(
            result.findings.first?.message
                == "not reachable from the entry pages through internal links; only island-b.md links to it, and it is not reachable either")
        #expect(result.metrics.componentSizes == [2, 2])
    }

    @Test func componentsAreCountedWithLinksBothWays() async throws {
        let fixture = try AuditFixture(AuditFixture.planted)
        let (result, site, _) = await fixture.audit(AuditFixture.plantedOptions)
        // Everything published hangs together except the section page, which has no links.
        #expect(result.metrics.componentSizes.count == 2)
        #expect(result.metrics.componentSizes == [12, 1])
        #expect(result.metrics.component[site.index(ofPath: "content/posts/unpublished.md")!] == nil)
    }

    @Test func theReportSummarisesTheSite() async throws {
        let fixture = try AuditFixture(AuditFixture.planted)
        let (result, site, _) = await fixture.audit(AuditFixture.plantedOptions)
        let report = AuditReport(rootDisplay: "fixture", site: site, result: result, errors: [])
        #expect(report.summary.articles == 13)
        #expect(report.summary.drafts == 2)
        #expect(report.summary.brokenLinks == 3)
        #expect(report.summary.orphans == 1)
        #expect(report.summary.deadEnds == 1)
        #expect(report.summary.components == 2)
        #expect(report.summary.largestComponent == 12)
        #expect(report.summary.depths.map { "\($0.depth):\($0.articles)" } == ["0:2", "1:6", "2:2", "3:1", "4:1"])
        #expect(report.summary.unreachable == 1)
        #expect(report.summary.findings.count == AuditRule.allCases.count)
        #expect(report.summary.findings["generic-anchor"] == 3)
        #expect(report.settings.entryPages == ["content/_index.md", "content/posts/_index.md"])
        #expect(report.settings.maxLinks == 4)
        #expect(report.settings.maxDepth == 3)
    }
}
