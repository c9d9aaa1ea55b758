import Foundation
import Interlink
import Testing

/// A Jekyll site: `_config.yml`, `_posts/YYYY-MM-DD-name.md`, `{% link %}` and `{% post_url %}`.
@Suite struct JekyllSiteTests {
    static let files = [
        "_config.yml": "url: https://blog.example.com\npermalink: date\n",
        "_posts/2024-01-02-first-post.md": """
            ---
            title: First post
            categories: [SEO Tips]
            ---
            See [about]({% link about.md %}) and [the next]({% post_url 2024-02-03-second %}).

            """,
        "_posts/2024-02-03-second.md": "---\ntitle: Second\n---\nBack to [the first](/seo-tips/2024/01/02/first-post.html).\n",
        "_drafts/unfinished.md": "---\ntitle: Draft\n---\nNot yet.\n",
        "about.md": "---\ntitle: About\npermalink: /about/\n---\nLinks to [home](index.md).\n",
        "index.md": "---\ntitle: Home\n---\nHome.\n",
        "_site/about.html.md": "build output, never read\n",
    ]

    @Test func detectsJekyll() async throws {
        let site = try TemporarySite(Self.files)
        let result = await site.load()
        #expect(result.diagnostics.isEmpty)
        #expect(result.site.layout.generator == .jekyll)
        #expect(
            result.paths == [
                "_drafts/unfinished.md", "_posts/2024-01-02-first-post.md", "_posts/2024-02-03-second.md", "about.md",
                "index.md",
            ])
    }

    @Test func computesJekyllURLs() async throws {
        let site = try TemporarySite(Self.files)
        let result = await site.load()
        #expect(try result.article("_posts/2024-01-02-first-post.md").url == "/seo-tips/2024/01/02/first-post.html")
        #expect(try result.article("_posts/2024-02-03-second.md").url == "/2024/02/03/second.html")
        #expect(try result.article("about.md").url == "/about/")
        #expect(try result.article("index.md").url == "/")
        #expect(try result.article("_drafts/unfinished.md").isDraft)
    }

    @Test func prettyPermalinks() async throws {
        var files = Self.files
        files["_config.yml"] = "permalink: pretty\n"
        let site = try TemporarySite(files)
        let result = await site.load()
        #expect(try result.article("_posts/2024-02-03-second.md").url == "/2024/02/03/second/")
    }

    @Test func resolvesLiquidLinks() async throws {
        let site = try TemporarySite(Self.files)
        let result = await site.load()
        #expect(
            result.resolvedTargets(of: "_posts/2024-01-02-first-post.md") == [
                "about.md", "_posts/2024-02-03-second.md",
            ])
        #expect(result.resolvedTargets(of: "_posts/2024-02-03-second.md") == ["_posts/2024-01-02-first-post.md"])
        #expect(result.resolvedTargets(of: "about.md") == ["index.md"])
    }
}
