import Foundation
import Interlink
import Testing

/// An Obsidian vault: a `.obsidian/` folder, `[[wikilinks]]` by note name, path or alias.
@Suite struct ObsidianVaultTests {
    static let files = [
        ".obsidian/app.json": "{}\n",
        "Topic Clusters.md": "---\naliases: [Clusters]\n---\nBuilt around [[Pillar Pages|a pillar]] and [[Notes/Anchor Text#Tips]].\n",
        "Pillar Pages.md": "Part of [[clusters]]; see [[Missing Note]].\n",
        "Notes/Anchor Text.md": "# Anchor Text\n\nBack to [[Topic Clusters]] or [the pillar](../Pillar%20Pages.md).\n",
        ".trash/Old.md": "hidden folder, never read\n",
    ]

    @Test func detectsObsidian() async throws {
        let site = try TemporarySite(Self.files)
        let result = await site.load()
        #expect(result.diagnostics.isEmpty)
        #expect(result.site.layout.generator == .obsidian)
        #expect(result.paths == ["Notes/Anchor Text.md", "Pillar Pages.md", "Topic Clusters.md"])
        #expect(try result.article("Topic Clusters.md").aliasNames == ["Clusters"])
        #expect(try result.article("Notes/Anchor Text.md").url == "/Notes/Anchor Text")
    }

    @Test func resolvesWikilinks() async throws {
        let site = try TemporarySite(Self.files)
        let result = await site.load()
        #expect(
            result.resolvedTargets(of: "Topic Clusters.md") == ["Pillar Pages.md", "Notes/Anchor Text.md#Tips"])
        #expect(result.resolvedTargets(of: "Notes/Anchor Text.md") == ["Topic Clusters.md", "Pillar Pages.md"])
    }

    @Test func wikilinksByAliasResolveAndUnknownNotesAreBroken() async throws {
        let site = try TemporarySite(Self.files)
        let result = await site.load()
        #expect(
            result.resolvedTargets(of: "Pillar Pages.md") == [
                "Topic Clusters.md", "broken: no note named 'Missing Note'",
            ])
    }
}
