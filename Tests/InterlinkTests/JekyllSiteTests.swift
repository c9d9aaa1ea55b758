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

    /// A documentation site in a collection (`collections: docs: permalink: /:collection/:path/`), linked the
    /// ways Jekyll sites do: through Liquid output (`relative_url`, `site.baseurl`), plain URLs and `{% link %}`.
    static let collectionFiles = [
        "_config.yml": """
            baseurl: /guide
            collections:
              docs:
                permalink: "/:collection/:path/"
                output: true
              tutorials:
                output: true
              recipes:
                permalink: /cookbook/:title/:name.html
            """,
        "_docs/collections.md": "---\ntitle: Collections\n---\nGroup related content.\n",
        "_docs/cli/build.md": "---\ntitle: Build\n---\nBuild the site.\n",
        "_tutorials/Convert Site.md": "---\ntitle: Convert a site\n---\nConvert it.\n",
        "_recipes/Quick Soup.md": "---\ntitle: Soup\n---\nBoil water.\n",
        "_docs/pages.md": """
            ---
            title: Pages
            ---
            Read [Collections]({{ '/docs/collections/' | relative_url }}), [building]({{ site.baseurl }}/docs/cli/build/),
            [the tutorial]({{site.baseurl}}/tutorials/convert-site.html), [the CLI]({{ site.baseurl }}{% link _docs/cli/build.md %})
            and [the source]({{ site.repository }}/tree/master/docs).

            """,
    ]

    @Test func collectionDocumentsArePublishedAtTheirCollectionsPattern() async throws {
        let site = try TemporarySite(Self.collectionFiles)
        let result = await site.load()
        #expect(result.diagnostics.isEmpty)
        #expect(result.site.layout.jekyllCollections.map(\.label) == ["docs", "recipes", "tutorials"])
        // `:title` keeps the file name's case, `:name` does not.
        #expect(try result.article("_recipes/Quick Soup.md").url == "/guide/cookbook/Quick-Soup/quick-soup.html")
        #expect(try result.article("_docs/collections.md").url == "/guide/docs/collections/")
        #expect(try result.article("_docs/cli/build.md").url == "/guide/docs/cli/build/")
        // No permalink of its own: Jekyll's default `/:collection/:path` with the `date` style's `.html`.
        #expect(try result.article("_tutorials/Convert Site.md").url == "/guide/tutorials/Convert Site.html")
    }

    @Test func collectionsDirHoldsTheCollectionFolders() async throws {
        var files = Self.collectionFiles
        files["_config.yml"] = "collections_dir: my_collections\npermalink: pretty\ncollections: [docs]\n"
        files = Dictionary(uniqueKeysWithValues: files.map { ($0.key.hasPrefix("_docs/") ? "my_collections/" + $0.key : $0.key, $0.value) })
        let site = try TemporarySite(files)
        let result = await site.load()
        #expect(try result.article("my_collections/_docs/cli/build.md").url == "/docs/cli/build/")
        // Outside `collections_dir`, `_tutorials` is no collection folder, so Jekyll publishes nothing in it.
        #expect(result.site.index(ofPath: "_tutorials/Convert Site.md") == nil)
        #expect(result.site.articles.count == 3)
    }

    @Test func liquidDestinationsResolveAndUnknownLiquidIsNotBroken() async throws {
        var files = Self.collectionFiles
        files["_tutorials/Convert Site.md"] = nil
        files["_tutorials/convert-site.md"] = "---\ntitle: Convert a site\n---\nConvert it.\n"
        let site = try TemporarySite(files)
        let result = await site.load()
        #expect(
            result.resolvedTargets(of: "_docs/pages.md") == [
                "_docs/collections.md", "_docs/cli/build.md", "_tutorials/convert-site.md", "_docs/cli/build.md",
                "other: {{ site.repository }}/tree/master/docs",
            ])
    }

    /// What Jekyll does not publish is no article: underscore folders and files other than posts, drafts
    /// and collections (unless `include:` names them), and what `exclude:` names.
    @Test func onlyWhatJekyllPublishesIsAnArticle() async throws {
        var files = Self.files
        files["_config.yml"] = """
            collections: [docs]
            include: [_pages]
            exclude: [README.md, notes/, "*.draft.md"]
            """
        files["_includes/callout.md"] = "An include about posts.\n"
        files["_layouts/page.md"] = "---\ntitle: Layout\n---\nx\n"
        files["_notes.md"] = "---\ntitle: Notes\n---\nx\n"
        files["_docs/guide.md"] = "---\ntitle: Guide\n---\nx\n"
        files["_docs/_partial.md"] = "x\n"
        files["_pages/team.md"] = "---\ntitle: Team\n---\nx\n"
        files["blog/_posts/2024-03-04-third.md"] = "---\ntitle: Third\n---\nx\n"
        files["README.md"] = "# Read me\n"
        files["guides/README.md"] = "# Guides\n"
        files["notes/todo.md"] = "x\n"
        files["ideas.draft.md"] = "x\n"
        let site = try TemporarySite(files)
        let result = await site.load()
        #expect(
            result.paths == [
                "_docs/guide.md", "_drafts/unfinished.md", "_pages/team.md", "_posts/2024-01-02-first-post.md",
                "_posts/2024-02-03-second.md", "about.md", "blog/_posts/2024-03-04-third.md", "guides/README.md", "index.md",
            ])
    }

    /// `redirect_from` (jekyll-redirect-from): links to an old URL reach the page it now redirects to.
    @Test func linksToARedirectedURLReachThePage() async throws {
        var files = Self.files
        files["about.md"] = "---\ntitle: About\npermalink: /about/\nredirect_from:\n  - /company/\n  - team.html\n---\nAbout us.\n"
        files["index.md"] = "---\ntitle: Home\n---\nSee [the company](/company/), [the team](/team.html) and [gone](/gone/).\n"
        let site = try TemporarySite(files)
        let result = await site.load()
        #expect(try result.article("about.md").aliasURLs == ["/company/", "/team.html"])
        #expect(result.resolvedTargets(of: "index.md") == ["about.md", "about.md", "other: /gone/"])
    }
}
