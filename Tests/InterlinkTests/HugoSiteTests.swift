import Foundation
import Interlink
import Testing

/// A Hugo site: `hugo.toml` + `content/`, URLs from paths, slugs and `url`, links by path, URL and relref.
@Suite struct HugoSiteTests {
    static let files = [
        "hugo.toml": "baseURL = \"https://example.org/\"\ntitle = \"Blog\"\n",
        "content/_index.md": "---\ntitle: Home\n---\nWelcome.\n",
        "content/posts/_index.md": "---\ntitle: Posts\n---\nAll posts.\n",
        "content/posts/Anchor-Text.md": "---\ntitle: Anchor text\naliases: [/old/anchor/]\n---\nSee [audits](link-audits.md#how).\n",
        "content/posts/link-audits.md": """
            +++
            title = "Link audits"
            slug = "audits"
            +++
            Read [anchors](/posts/anchor-text/), [the pillar]({{< relref "posts/pillar.md" >}}),
            [again]({{< ref "pillar" >}}), [absolute](https://example.org/posts/anchor-text/),
            [alias](/old/anchor/) and [home](/).

            """,
        "content/posts/pillar.md": "---\nurl: /guides/pillar-pages/\n---\n# Pillar Pages\n\nText.\n",
        "content/about/index.md": "About us.\n",
        "public/posts/index.md": "build output, never read\n",
        "node_modules/x/readme.md": "dependency, never read\n",
        "README.md": "outside content/, not an article\n",
    ]

    @Test func detectsHugoAndItsContentFolder() async throws {
        let site = try TemporarySite(Self.files)
        let result = await site.load()
        #expect(result.diagnostics.isEmpty)
        #expect(result.site.layout.generator == .hugo)
        #expect(result.site.layout.contentDirectories == ["content"])
        #expect(result.site.layout.siteHosts.contains("example.org"))
        #expect(
            result.paths == [
                "content/_index.md", "content/about/index.md", "content/posts/Anchor-Text.md",
                "content/posts/_index.md", "content/posts/link-audits.md", "content/posts/pillar.md",
            ])
    }

    @Test func computesHugoURLs() async throws {
        let site = try TemporarySite(Self.files)
        let result = await site.load()
        #expect(try result.article("content/_index.md").url == "/")
        #expect(try result.article("content/_index.md").kind == .section)
        #expect(try result.article("content/posts/_index.md").url == "/posts/")
        #expect(try result.article("content/posts/Anchor-Text.md").url == "/posts/anchor-text/")
        #expect(try result.article("content/posts/Anchor-Text.md").aliasURLs == ["/old/anchor/"])
        #expect(try result.article("content/posts/link-audits.md").url == "/posts/audits/")
        #expect(try result.article("content/posts/pillar.md").url == "/guides/pillar-pages/")
        #expect(try result.article("content/about/index.md").url == "/about/")
    }

    @Test func titlesFallBackToTheFirstH1ThenTheFileName() async throws {
        let site = try TemporarySite(Self.files)
        let result = await site.load()
        #expect(try result.article("content/posts/pillar.md").title == "Pillar Pages")
        #expect(try result.article("content/posts/Anchor-Text.md").title == "Anchor text")
        #expect(try result.article("content/about/index.md").title == "about")
    }

    @Test func resolvesHugoLinks() async throws {
        let site = try TemporarySite(Self.files)
        let result = await site.load()
        #expect(result.resolvedTargets(of: "content/posts/Anchor-Text.md") == ["content/posts/link-audits.md#how"])
        #expect(
            result.resolvedTargets(of: "content/posts/link-audits.md") == [
                "content/posts/Anchor-Text.md", "content/posts/pillar.md", "content/posts/pillar.md",
                "content/posts/Anchor-Text.md", "content/posts/Anchor-Text.md", "content/_index.md",
            ])
    }

    @Test func configTomlWithAContentFolderIsHugoAndContentDirIsRead() async throws {
        let site = try TemporarySite([
            "config.toml": "contentDir = \"pages\"\n",
            "content/.keep": "",
            "pages/posts/a.md": "A.\n",
            "README.md": "not content\n",
        ])
        let result = await site.load()
        #expect(result.site.layout.generator == .hugo)
        #expect(result.paths == ["pages/posts/a.md"])
        #expect(try result.article("pages/posts/a.md").url == "/posts/a/")
    }

    /// A malformed `hugo.toml` that toml++ asserts on instead of reporting (`TOMLParserTraps`) is not handed
    /// to TOMLKit: in a debug build, which the pre-commit hook makes, reading the site's settings
    /// aborted. The site is still Hugo's, with its default settings.
    @Test func aConfigurationTOMLKitWouldAssertOnIsNotParsed() async throws {
        for text in ["baseURL = \"https://example.org/\"\ndate = 1979-05-27Th7:32:00\n", "[.languages]\nx = 1\n", "a = [1, }\n"] {
            let site = try TemporarySite(["hugo.toml": text, "content/posts/a.md": "---\ntitle: A\n---\nText.\n"])
            let loaded = await site.load()
            #expect(loaded.site.layout.generator == .hugo)
            #expect(loaded.site.layout.languages == nil)
            #expect(try loaded.article("content/posts/a.md").url == "/posts/a/")
        }
    }
}
