import Foundation
import Interlink
import Testing

/// Every rule on a site with one planted case of each, and look-alikes that must stay quiet.
@Suite struct AuditRuleTests {
    @Test func findsEveryPlantedCaseAndNothingElse() async throws {
        let fixture = try AuditFixture(AuditFixture.planted)
        let (result, _, _) = await fixture.audit(AuditFixture.plantedOptions)
        let found = AuditFixture.spots(result.findings)
        let missing = fixture.expected.subtracting(found).sorted()
        let spurious = found.subtracting(fixture.expected).sorted()
        #expect(missing.isEmpty, "not found: \(missing)")
        #expect(spurious.isEmpty, "not planted: \(spurious)")
        // other-language-link needs a site with translations (`SiteLanguagesTests` plants it), url-conflict
        // two pages at one URL (`ShadowedURLTests`).
        let rules = AuditRule.allCases.filter { $0 != .otherLanguageLink && $0 != .urlConflict }
        #expect(Set(found.map(\.rule)) == Set(rules.map(\.rawValue)), "one planted case of every rule")
    }

    @Test func aBrokenLinkIsAnErrorAndEverythingElseAWarning() async throws {
        let fixture = try AuditFixture(AuditFixture.planted)
        let (result, _, _) = await fixture.audit(AuditFixture.plantedOptions)
        for finding in result.findings {
            #expect(finding.severity == (finding.rule == .brokenLink ? .error : .warning), "\(finding.rule)")
        }
        #expect(AuditRule.brokenLink.severity == .error)
        #expect(AuditRule.allCases.filter { $0.severity == .error } == [.brokenLink])
    }

    @Test func findingsAreSortedByPlace() async throws {
        let fixture = try AuditFixture(AuditFixture.planted)
        let (result, _, _) = await fixture.audit(AuditFixture.plantedOptions)
        let places = result.findings.map { ($0.path, $0.line, $0.column, $0.rule.rawValue) }
        #expect(places.map { "\($0)" } == places.sorted { $0 < $1 }.map { "\($0)" })
    }

    @Test func messagesSayWhatIsWrong() async throws {
        let fixture = try AuditFixture(AuditFixture.planted)
        let (result, _, _) = await fixture.audit(AuditFixture.plantedOptions)
        func message(_ rule: AuditRule, _ path: String) -> String {
            result.findings.first { $0.rule == rule && $0.path == path }?.message ?? "none"
        }
        #expect(message(.orphan, "content/posts/orphan.md") == "no other article links to \"Orphan Article\"")
        #expect(message(.deadEnd, "content/posts/dead-end.md") == "\"Dead End\" links to no other article")
        #expect(
            message(.deepPage, "content/posts/deep.md")
                == "4 clicks from the entry pages (content/_index.md → content/posts/hub.md → content/posts/level2.md → content/posts/level3.md → content/posts/deep.md), more than max_depth (3)")
        #expect(message(.selfLink, "content/posts/self.md") == "links to itself")
        #expect(message(.duplicateLink, "content/posts/dup.md") == "links again to content/posts/hub.md (first linked at line 4)")
        #expect(
            message(.draftLink, "content/posts/crawl-budget.md")
                == "links to content/posts/unpublished.md, a draft: the link leads nowhere until it is published")
        #expect(
            message(.anchorConflict, "content/posts/orphan.md")
                == "anchor \"crawl budget\" links to content/posts/hub.md here, but to content/posts/crawl-budget.md from 3 other links")
        #expect(
            message(.overLinked, "content/posts/link-list.md")
                == "links to 5 articles, more than max_links_per_article (4); this is link 5")
        let broken = result.findings.filter { $0.rule == .brokenLink }.map(\.message)
        #expect(
            broken == [
                "link to \"/posts/missing-page/\" is broken: no article is published at '/posts/missing-page/'",
                "link to content/posts/hub.md#no-such-heading is broken: no heading of content/posts/hub.md has the id 'no-such-heading'",
                "link to \"#nowhere\" is broken: no heading of this article has the id 'nowhere'",
            ])
        let generic = result.findings.filter { $0.rule == .genericAnchor }.map(\.message)
        #expect(
            generic == [
                "anchor \"here\" says nothing about content/posts/crawl-budget.md",
                "anchor \"click here\" says nothing about content/posts/crawl-budget.md",
                "anchor \"https://fixture.example/posts/dead-end/\" is a bare URL and says nothing about content/posts/dead-end.md",
            ])
    }

    @Test func findingsAboutALinkNameItsTarget() async throws {
        let fixture = try AuditFixture(AuditFixture.planted)
        let (result, _, _) = await fixture.audit(AuditFixture.plantedOptions)
        for finding in result.findings {
            switch finding.rule {
            case .orphan, .deadEnd, .deepPage, .overLinked:
                #expect(finding.target == nil)
            case .draftLink, .selfLink, .duplicateLink, .genericAnchor, .anchorConflict, .otherLanguageLink, .urlConflict:
                #expect(finding.target != nil, "\(finding.rule)")
            case .brokenLink:
                break
            }
        }
    }

    @Test func theOverLinkedCapIsTheSuggestersCap() async throws {
        let fixture = try AuditFixture(AuditFixture.planted)
        // With the default cap of 10 nothing in the fixture is over-linked.
        let (result, _, _) = await fixture.audit()
        #expect(!result.findings.contains { $0.rule == .overLinked })
        #expect(AuditOptions(configuration: Configuration()).maximumLinks == 10)
        var configuration = Configuration()
        configuration.maximumLinksPerArticle = 6
        #expect(AuditOptions(configuration: configuration).maximumLinks == 6)
        #expect(AuditOptions(configuration: configuration, maximumLinks: 2).maximumLinks == 2)
    }

    @Test func aLongArticleIsHeldToTheMaximumItsLengthAllows() async throws {
        var files = AuditFixture.planted
        let prose = Array(repeating: "Each entry of this list was chosen for readers who plan a crawl.", count: 10)
        files["content/posts/link-list.md"]! += "\n" + prose.joined(separator: " ") + "\n"
        let fixture = try AuditFixture(files)
        let (planted, site, _) = await fixture.audit(AuditFixture.plantedOptions)
        #expect(planted.findings.contains { $0.rule == .overLinked && $0.path == "content/posts/link-list.md" })
        let words = try #require(site.articles.first { $0.path == "content/posts/link-list.md" }).document.wordCount
        #expect(words >= 100)
        // Growing by one link per words/5 words, the five links of link-list.md are within its maximum.
        var options = AuditFixture.plantedOptions
        options.suggest = SuggestOptions(maximumLinksPerArticle: 4, longArticleWordsPerLink: words / 5)
        let (grown, _, _) = await fixture.audit(options)
        #expect(!grown.findings.contains { $0.rule == .overLinked })
        // A maximum of 3 grown to 4 by the length: over-linked, and the message says why.
        options.maximumLinks = 3
        options.suggest = SuggestOptions(maximumLinksPerArticle: 3, longArticleWordsPerLink: words / 4)
        let (held, _, _) = await fixture.audit(options)
        #expect(held.findings.filter { $0.rule == .overLinked }.map(\.message) == [
            "links to 5 articles, more than the 4 its length allows (one per \(words / 4) words); this is link 5"
        ])
    }

    @Test func aLargerMaximumDepthLeavesTheDeepPageAlone() async throws {
        let fixture = try AuditFixture(AuditFixture.planted)
        let (result, _, _) = await fixture.audit(AuditOptions(maximumDepth: 4, maximumLinks: 4))
        #expect(!result.findings.contains { $0.rule == .deepPage })
        var configuration = Configuration()
        configuration.maximumDepth = 5
        #expect(AuditOptions(configuration: configuration).maximumDepth == 5)
        #expect(AuditOptions(configuration: configuration, maximumDepth: 2).maximumDepth == 2)
        #expect(AuditOptions(configuration: Configuration()).maximumDepth == 3)
    }

    @Test func configuredGenericAnchorsAreFlaggedToo() async throws {
        let site = try TemporarySite([
            "a.md": "# A\n\nFor crawling, [see this one](b.md).\n",
            "b.md": "# B\n\nBack to [A](a.md).\n",
        ])
        let loaded = await site.load()
        let graph = LinkGraph(site: loaded.site)
        var configuration = Configuration()
        let quiet = Auditor(site: loaded.site, graph: graph, options: AuditOptions(configuration: configuration)).run()
        #expect(!quiet.findings.contains { $0.rule == .genericAnchor })
        configuration.genericAnchors = ["See this one"]
        let flagged = Auditor(site: loaded.site, graph: graph, options: AuditOptions(configuration: configuration)).run()
        #expect(flagged.findings.filter { $0.rule == .genericAnchor }.map(\.path) == ["a.md"])
    }

    @Test(arguments: [
        ("[Read more →](b.md)", true), ("[Click Here!](b.md)", true), ("[ this post ](b.md)", true),
        ("[here is the guide to B](b.md)", false), ("[more about B](b.md)", false), ("[B](b.md)", false),
        ("[https://example.org/b](b.md)", true), ("[www.example.org/b](b.md)", true), ("[b.md](b.md)", true),
    ])
    func genericMeansTheWholeAnchor(_ link: String, _ generic: Bool) async throws {
        let site = try TemporarySite(["a.md": "# A\n\nText \(link) text.\n", "b.md": "# B\n\nBack to [A](a.md).\n"])
        let loaded = await site.load()
        let result = Auditor(site: loaded.site, graph: LinkGraph(site: loaded.site)).run()
        #expect(result.findings.contains { $0.rule == .genericAnchor } == generic, "\(link)")
    }

    @Test func repeatedHeadingsAndHTMLAnchorsAreLinkTargets() async throws {
        let site = try TemporarySite([
            "a.md": """
                # A

                [first](b.md#setup), [second](b.md#setup-1), [third](b.md#setup-2),
                [html](b.md#custom-spot), [named](b.md#old-name), [custom](b.md#chosen), [text fragment](b.md#:~:text=hello).

                """,
            "b.md": """
                # B

                ## Setup

                ## Setup

                <a id="custom-spot"></a>

                Some <span name="old-name">inline</span> HTML.

                ## Something else {#chosen}

                Back to [A](a.md).

                """,
        ])
        let loaded = await site.load()
        let result = Auditor(site: loaded.site, graph: LinkGraph(site: loaded.site)).run()
        let broken = result.findings.filter { $0.rule == .brokenLink }
        #expect(broken.count == 1)
        #expect(broken.first?.message.contains("setup-2") == true)
        #expect(broken.first?.fix?.description == "did you mean #setup-1?")
    }

    @Test func wikilinkSectionsMatchHeadingText() async throws {
        let site = try TemporarySite([
            ".obsidian/app.json": "{}",
            "Alpha.md": "# Alpha\n\nSee [[Beta#Second Part]] and [[Beta#Third Part]] and [[Beta#^block1]].\n",
            "Beta.md": "# Beta\n\n## Second Part\n\nText. Back to [[Alpha]].\n",
        ])
        let loaded = await site.load()
        let result = Auditor(site: loaded.site, graph: LinkGraph(site: loaded.site)).run()
        let broken = result.findings.filter { $0.rule == .brokenLink }
        #expect(broken.count == 1)
        #expect(broken.first?.message.contains("Third Part") == true)
    }

    @Test func aTypoInABrokenURLGetsADidYouMean() async throws {
        let site = try TemporarySite([
            "hugo.toml": "baseURL = \"https://example.org/\"\n",
            "content/_index.md": "---\ntitle: Home\n---\nRead [orphans](/posts/orphan-page/) and [gone](/posts/totally-unrelated-thing/).\n",
            "content/posts/orphan-pages.md": "---\ntitle: Orphan Pages\n---\nBack [home](/).\n",
        ])
        let loaded = await site.load()
        let result = Auditor(site: loaded.site, graph: LinkGraph(site: loaded.site)).run()
        let broken = result.findings.filter { $0.rule == .brokenLink }
        #expect(broken.count == 2)
        #expect(broken.first?.fix?.description == "did you mean /posts/orphan-pages/ (content/posts/orphan-pages.md)?")
        #expect(broken.last?.fix == nil)
    }

    @Test func optedOutPagesAreNeverOrphansOrDeadEnds() async throws {
        let site = try TemporarySite([
            "index.md": "# Home\n\nSee [b](b.md).\n",
            "b.md": "# B\n\nBack [home](index.md).\n",
            "legal.md": "---\ninterlink: false\n---\n# Legal\n\nNo links here.\n",
            "archive/old.md": "# Old\n\nNothing.\n",
            "quiet.md": "---\ninterlink: {target: false}\n---\n# Quiet\n\nBack [home](index.md).\n",
        ])
        let loaded = await site.load()
        var configuration = Configuration()
        configuration.neverTouch = [Glob("archive/**")]
        configuration.neverLinkTo = [Glob("archive/**")]
        let result = Auditor(
            site: loaded.site, graph: LinkGraph(site: loaded.site), options: AuditOptions(configuration: configuration)
        ).run()
        #expect(result.findings.isEmpty, "\(result.findings.map(\.finding.message))")
    }
}
