import Foundation
import Interlink
import Testing

/// An MkDocs site: `mkdocs.yml` + `docs/`, directory URLs, relative `.md` links.
@Suite struct MkDocsSiteTests {
    static let files = [
        "mkdocs.yml": "site_name: Docs\nsite_url: https://docs.example.com/project/\n",
        "docs/index.md": "# Welcome\n\nStart with [setup](guide/setup.md#install).\n",
        "docs/guide/setup.md": "# Setup\n\nBack [home](../index.md), on to [usage](usage.md).\n",
        "docs/guide/usage.md": "# Usage\n\nSee [setup](https://docs.example.com/project/guide/setup/).\n",
        "site/index.md": "build output, never read\n",
        "README.md": "outside docs/\n",
    ]

    @Test func detectsMkDocs() async throws {
        let site = try TemporarySite(Self.files)
        let result = await site.load()
        #expect(result.diagnostics.isEmpty)
        #expect(result.site.layout.generator == .mkdocs)
        #expect(result.site.layout.basePath == "/project")
        #expect(result.paths == ["docs/guide/setup.md", "docs/guide/usage.md", "docs/index.md"])
    }

    @Test func computesMkDocsURLs() async throws {
        let site = try TemporarySite(Self.files)
        let result = await site.load()
        #expect(try result.article("docs/index.md").url == "/project/")
        #expect(try result.article("docs/guide/setup.md").url == "/project/guide/setup/")
    }

    @Test func flatURLsWhenDirectoryURLsAreOff() async throws {
        var files = Self.files
        files["mkdocs.yml"] = "site_name: Docs\nuse_directory_urls: false\n"
        let site = try TemporarySite(files)
        let result = await site.load()
        #expect(try result.article("docs/guide/setup.md").url == "/guide/setup.html")
    }

    @Test func resolvesRelativeLinks() async throws {
        let site = try TemporarySite(Self.files)
        let result = await site.load()
        #expect(result.resolvedTargets(of: "docs/index.md") == ["docs/guide/setup.md#install"])
        #expect(result.resolvedTargets(of: "docs/guide/setup.md") == ["docs/index.md", "docs/guide/usage.md"])
        #expect(result.resolvedTargets(of: "docs/guide/usage.md") == ["docs/guide/setup.md"])
    }
}
