import Foundation
import Interlink
import Testing

/// Two pages that give themselves one URL are published as one: links go to the page the URL leads
/// to, never to the other (`Site.articlesShadowedByURL`), so `apply` writes every link `suggest` shows.
@Suite struct ShadowedURLTests {
    static func files(config: (String, String)) -> [String: String] {
        [
            config.0: config.1,
            "_docs/continuous-integration.md":
                "---\ntitle: Continuous Integration\npermalink: /docs/continuous-integration/\n---\nTest the build on Travis.\n",
            "_docs/continuous-integration/index.md":
                "---\ntitle: Continuous Integration\npermalink: /docs/continuous-integration/\n---\nPick a provider below.\n",
            "_docs/deployment.md":
                "---\ntitle: Deployment\n---\nSet up Continuous Integration before you deploy the build.\n",
        ]
    }

    static let jekyll = ("_config.yml", "collections:\n  docs:\n    output: true\n")

    @Test func aPageWhoseURLAnotherPageTakesIsNoTarget() async throws {
        let site = try TemporarySite(Self.files(config: Self.jekyll))
        let loaded = await site.load()
        #expect(loaded.site.layout.generator == .jekyll)
        #expect(loaded.site.articlesShadowedByURL.map { loaded.site.articles[$0].path } == ["_docs/continuous-integration.md"])
        let suggester = Suggester(
            site: loaded.site, graph: LinkGraph(site: loaded.site), options: SuggestOptions(minimumScore: 0))
        let suggestions = suggester.suggest().suggestions.filter { $0.source == "_docs/deployment.md" }
        #expect(suggestions.map(\.target) == ["_docs/continuous-integration/index.md"])
    }

    /// `audit` says which page the URL leads to (`url-conflict`), and does not call the other an orphan:
    /// no link can reach it.
    @Test func auditFindsTheConflict() async throws {
        let site = try TemporarySite(Self.files(config: Self.jekyll))
        let loaded = await site.load()
        let findings = Auditor(site: loaded.site, graph: LinkGraph(site: loaded.site)).run().findings
        let conflicts = findings.filter { $0.rule == .urlConflict }
        #expect(conflicts.map(\.path) == ["_docs/continuous-integration.md"])
        #expect(conflicts.first?.target == "_docs/continuous-integration/index.md")
        #expect(conflicts.first?.message.contains("/docs/continuous-integration/") == true)
        #expect(conflicts.first?.severity == .warning)
        #expect(!findings.contains { $0.path == "_docs/continuous-integration.md" && [.orphan, .deepPage].contains($0.rule) })
        #expect(findings.contains { $0.path == "_docs/deployment.md" && $0.rule == .orphan })
    }

    /// A draft at the same URL shadows nothing (it is not published); a plain folder of notes,
    /// linked by path, has no URLs to share.
    @Test func draftsAndPlainFoldersShadowNothing() async throws {
        var files = Self.files(config: Self.jekyll)
        files["_docs/continuous-integration/index.md"] =
            "---\ntitle: CI\npermalink: /docs/continuous-integration/\npublished: false\n---\nSoon.\n"
        let drafted = try TemporarySite(files)
        let loadedDraft = await drafted.load()
        #expect(try loadedDraft.article("_docs/continuous-integration/index.md").isDraft)
        #expect(loadedDraft.site.articlesShadowedByURL.isEmpty)

        var plain = Self.files(config: ("notes.txt", "not Markdown\n"))
        plain["a.md"] = "# A\n\nText.\n"
        plain["a/index.md"] = "# A again\n\nText.\n"
        let folder = try TemporarySite(plain)
        let loadedFolder = await folder.load()
        #expect(loadedFolder.site.layout.generator == .plain)
        #expect(loadedFolder.site.articlesShadowedByURL.isEmpty)
    }
}
