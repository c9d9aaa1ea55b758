import Foundation
import Interlink
import Testing

/// `audit --fix`: generic anchors rewritten or moved, self-links and duplicate links unlinked, all
/// checked by parsing the result again, and a second audit clean for those rules.
@Suite struct AuditFixTests {
    /// Plans the fixes for a site's findings.
    static func plan(_ site: Site, _ result: AuditResult) -> [AuditFileFix] {
        AuditFixer(site: site).plan(result.findings)
    }

    /// Writes the planned files into the site folder.
    static func write(_ plans: [AuditFileFix], to root: URL) throws {
        for plan in plans where plan.changes {
            try AtomicWriter.replace(
                root.appendingPathComponent(plan.path), with: plan.rewritten, expecting: plan.original,
                displayPath: plan.path)
        }
    }

    @Test func theFixesRewriteExactlyTheLinks() async throws {
        let fixture = try AuditFixture(AuditFixture.planted)
        let (result, site, _) = await fixture.audit(AuditFixture.plantedOptions)
        let plans = Self.plan(site, result)
        #expect(plans.allSatisfy { $0.rejected.isEmpty }, "\(plans.flatMap(\.rejected).map(\.reason))")
        let changed = Dictionary(uniqueKeysWithValues: plans.map { ($0.path, String(decoding: $0.rewritten, as: UTF8.self)) })
        #expect(changed.keys.sorted() == ["content/posts/dup.md", "content/posts/level3.md", "content/posts/linking.md", "content/posts/self.md"])
        #expect(
            changed["content/posts/level3.md"]?.contains(
                "Search engines ration their visits; we explain [crawl budget](/posts/crawl-budget/) here.") == true)
        #expect(
            changed["content/posts/linking.md"]?.contains(
                "To learn how search engines spend their visits, [read about crawl budget](/posts/crawl-budget/).") == true)
        #expect(
            changed["content/posts/linking.md"]?.contains(
                "The dead end lives at [Dead End](https://fixture.example/posts/dead-end/).") == true)
        #expect(
            changed["content/posts/self.md"]?.contains(
                "This is this very article; [the details below](/posts/self/#details) are fine.") == true)
        #expect(
            changed["content/posts/dup.md"]?.contains("First [the hub](/posts/hub/), then, much later, hub page again.")
                == true)
        let fixedRules = plans.flatMap(\.applied).map(\.rule.rawValue).sorted()
        #expect(fixedRules == ["duplicate-link", "generic-anchor", "generic-anchor", "generic-anchor", "self-link"])
    }

    @Test func onlyTheLinksChange() async throws {
        let fixture = try AuditFixture(AuditFixture.planted)
        let (result, site, _) = await fixture.audit(AuditFixture.plantedOptions)
        for plan in Self.plan(site, result) {
            // Front matter, the other lines and the line endings are byte for byte the same.
            let before = String(decoding: plan.original, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let after = String(decoding: plan.rewritten, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            #expect(before.count == after.count, "\(plan.path)")
            let differing = zip(before, after).filter { $0 != $1 }
            #expect(differing.count == plan.applied.map(\.line).uniqued().count, "\(plan.path)")
        }
    }

    @Test func afterTheFixesTheFixedRulesAreClean() async throws {
        let fixture = try AuditFixture(AuditFixture.planted)
        let (result, site, _) = await fixture.audit(AuditFixture.plantedOptions)
        try Self.write(Self.plan(site, result), to: fixture.site.root)
        let (again, siteAgain, _) = await fixture.audit(AuditFixture.plantedOptions)
        let fixable = Set(AuditRule.allCases.filter(\.isFixable))
        #expect(!again.findings.contains { fixable.contains($0.rule) }, "\(again.findings.map(\.message))")
        // Everything else is still reported, at the same places (no fix moved a line).
        let untouched = AuditFixture.spots(result.findings.filter { !fixable.contains($0.rule) })
        #expect(AuditFixture.spots(again.findings) == untouched)
        // A second run has nothing left to fix.
        #expect(Self.plan(siteAgain, again).filter(\.changes).isEmpty)
    }

    @Test func aFixThatWouldChangeAHeadingIsRefused() async throws {
        let site = try TemporarySite([
            "index.md": "# Home\n\n## Read [more](guide.md)\n\nThat is all.\n",
            "guide.md": "# Guide\n\nBack [home](index.md).\n",
        ])
        let loaded = await site.load()
        let result = Auditor(site: loaded.site, graph: LinkGraph(site: loaded.site)).run()
        #expect(result.findings.map(\.rule) == [.genericAnchor])
        let plans = AuditFixer(site: loaded.site).plan(result.findings)
        #expect(plans.count == 1)
        #expect(plans.first?.changes == false)
        #expect(plans.first?.rejected.map(\.reason) == ["headings would change"])
    }

    /// Unlinking can pair the emphasis around a link differently (`EmphasisSafetyTests`' `pairing.md` run
    /// backwards): `A *[*[page speed](guide.md)* case` reads `<em>[</em><a>page speed</a>*`, and without the
    /// link `A *[<em>page speed</em> case`. As many emphases either way, so only the check of the prose
    /// outside the edit sees that the `[` before the link is no longer emphasized.
    @Test func aFixThatWouldPairTheEmphasisDifferentlyIsRefused() async throws {
        let site = try TemporarySite([
            "index.md": "# Home\n\nRead the [guide](guide.md).\n",
            "guide.md": "# Guide\n\nA *[*[page speed](guide.md)* case. Back [home](index.md).\n",
        ])
        let loaded = await site.load()
        let result = Auditor(site: loaded.site, graph: LinkGraph(site: loaded.site)).run()
        let selfLinks = result.findings.filter { $0.rule == .selfLink }
        #expect(selfLinks.map(\.path) == ["guide.md"])
        #expect(selfLinks.first?.fix?.edit?.replacement == "page speed")
        let plans = AuditFixer(site: loaded.site).plan(selfLinks)
        #expect(plans.count == 1)
        #expect(plans.first?.applied.isEmpty == true)
        #expect(plans.first?.rejected.map(\.reason) == ["emphasis around the link would change"])
        #expect(plans.first?.changes == false)
    }

    @Test func referenceLinksAndWikilinksAreFixedInTheirOwnSyntax() async throws {
        let site = try TemporarySite([
            ".obsidian/app.json": "{}",
            "Home.md": "# Home\n\nSee [[Guide|this page]] and [[Guide]] and [the guide][g].\n\n[g]: Guide.md\n",
            "Guide.md": "# Guide\n\nThe guide. Back to [[Home]].\n",
        ])
        let loaded = await site.load()
        let result = Auditor(site: loaded.site, graph: LinkGraph(site: loaded.site)).run()
        #expect(result.findings.map(\.rule.rawValue) == ["generic-anchor", "duplicate-link", "duplicate-link"])
        let plans = AuditFixer(site: loaded.site).plan(result.findings)
        #expect(plans.first?.rejected.isEmpty == true, "\(plans.first?.rejected.map(\.reason) ?? [])")
        #expect(
            String(decoding: plans.first?.rewritten ?? [], as: UTF8.self)
                == "# Home\n\nSee [[Guide|our page on guide]] and Guide and the guide.\n\n[g]: Guide.md\n")
    }

    @Test func proposedTextIsEscapedAndStillReadsAsWritten() async throws {
        let site = try TemporarySite([
            "index.md": "# Home\n\nFor the tricky one, [click here](b.md).\n",
            "b.md": "---\ntitle: \"C*star* [beta] notes\"\n---\nBack [home](index.md).\n",
        ])
        let loaded = await site.load()
        let result = Auditor(site: loaded.site, graph: LinkGraph(site: loaded.site)).run()
        let plans = AuditFixer(site: loaded.site).plan(result.findings)
        #expect(plans.first?.rejected.isEmpty == true, "\(plans.first?.rejected.map(\.reason) ?? [])")
        #expect(
            String(decoding: plans.first?.rewritten ?? [], as: UTF8.self)
                == "# Home\n\nFor the tricky one, [read about C\\*star\\* \\[beta\\] notes](b.md).\n")
    }

    @Test func theFixIsInTheFindingForEveryOutput() async throws {
        let fixture = try AuditFixture(AuditFixture.planted)
        let (result, _, _) = await fixture.audit(AuditFixture.plantedOptions)
        let click = try #require(result.findings.first { $0.rule == .genericAnchor && $0.path == "content/posts/linking.md" && $0.line == 4 })
        #expect(click.fix?.description == "write \"read about crawl budget\" instead")
        #expect(click.fix?.edit?.replacement == "[read about crawl budget](/posts/crawl-budget/)")
        #expect(click.finding.message == "anchor \"click here\" says nothing about content/posts/crawl-budget.md; fix: write \"read about crawl budget\" instead")
        let here = try #require(result.findings.first { $0.rule == .genericAnchor && $0.path == "content/posts/level3.md" })
        #expect(here.fix?.edit?.replacement == "[crawl budget](/posts/crawl-budget/) here")
        #expect(here.fix?.description == "link the words \"crawl budget\" in the same sentence instead, and leave \"here\" as plain text")
        let orphan = try #require(result.findings.first { $0.rule == .orphan })
        #expect(orphan.fix?.edit == nil)
        #expect(orphan.fix?.description.hasPrefix("link to it from") == true)
    }
}

extension Array where Element: Hashable {
    fileprivate func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
