import Foundation
import Interlink
import Testing

/// A Docusaurus site: `docusaurus.config.js`, `docs/` and `blog/`, number prefixes, ids and slugs.
@Suite struct DocusaurusSiteTests {
    static let files = [
        "docusaurus.config.js": "module.exports = {\n  title: 'Docs',\n  url: 'https://docs.example.dev',\n};\n",
        "docs/intro.md": "# Intro\n\nGo to [getting started](01-guides/02-start.md) or [the API](/docs/reference).\n",
        "docs/01-guides/02-start.md": "---\nid: quick-start\n---\n# Start\n\nBack to [intro](../intro.md).\n",
        "docs/api.md": "---\nslug: /reference\n---\n# API\n",
        "blog/2024-01-02-hello.md": "---\ntitle: Hello\n---\nRead [the intro](/docs/intro).\n",
        "node_modules/pkg/README.md": "never read\n",
    ]

    @Test func detectsDocusaurus() async throws {
        let site = try TemporarySite(Self.files)
        let result = await site.load()
        #expect(result.diagnostics.isEmpty)
        #expect(result.site.layout.generator == .docusaurus)
        #expect(result.site.layout.contentDirectories == ["docs", "blog"])
        #expect(result.paths == ["blog/2024-01-02-hello.md", "docs/01-guides/02-start.md", "docs/api.md", "docs/intro.md"])
    }

    @Test func computesDocusaurusURLs() async throws {
        let site = try TemporarySite(Self.files)
        let result = await site.load()
        #expect(try result.article("docs/intro.md").url == "/docs/intro")
        #expect(try result.article("docs/01-guides/02-start.md").url == "/docs/guides/quick-start")
        #expect(try result.article("docs/api.md").url == "/docs/reference")
        #expect(try result.article("blog/2024-01-02-hello.md").url == "/blog/hello")
    }

    @Test func resolvesDocusaurusLinks() async throws {
        let site = try TemporarySite(Self.files)
        let result = await site.load()
        #expect(result.resolvedTargets(of: "docs/intro.md") == ["docs/01-guides/02-start.md", "docs/api.md"])
        #expect(result.resolvedTargets(of: "docs/01-guides/02-start.md") == ["docs/intro.md"])
        #expect(result.resolvedTargets(of: "blog/2024-01-02-hello.md") == ["docs/intro.md"])
    }

    /// Partials (`_shared.mdx`) and underscore folders are imported by pages, never published: no articles.
    @Test func partialsAreNoArticles() async throws {
        var files = Self.files
        files["docs/_shared-steps.mdx"] = "Install the CLI first.\n"
        files["docs/_partials/note.md"] = "A note.\n"
        files["docs/guides_intro.md"] = "# Guides\n"
        let site = try TemporarySite(files)
        let result = await site.load()
        #expect(
            result.paths == [
                "blog/2024-01-02-hello.md", "docs/01-guides/02-start.md", "docs/api.md", "docs/guides_intro.md", "docs/intro.md",
            ])
    }
}
