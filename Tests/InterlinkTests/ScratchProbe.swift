import Foundation
import Interlink
import Testing

@Test func scratchSiteProbe() async throws {
    let cases: [[String: String]] = [
        [
            "hugo.toml": "baseURL = \"https://example.org/blog/\"\n",
            "content/posts/a.md": "[1]({{< relref \"b.md#sec\" >}}) [2](/posts/b) [3](../b/) [4](/blog/posts/b/) [5]({{< ref \"/posts/b\" >}}) [6](https://www.example.org/blog/posts/b/) [7]({{< relref \"posts/b\" >}}) [8](/posts/c/)\n",
            "content/posts/b.md": "B\n",
        ],
        [
            "_config.yml": "baseurl: /site\npermalink: /:categories/:title/\n",
            "_posts/2024-01-02-first.md": "---\ncategories: news\n---\n[1]({% link _posts/2024-01-02-first.md %}) [2]({% post_url 2024-01-02-first %}) [3](/site/news/first/) [4]({{ site.baseurl }}{% link about.md %}) [5](/news/first/)\n",
            "about.md": "A\n",
        ],
        [
            ".obsidian/x": "",
            "a.md": "[[b.md]] [[B]] [[b#^block]] [[sub/c|C]] [[c]] ![[b]]\n",
            "b.md": "B\n",
            "sub/c.md": "C\n",
        ],
    ]
    for files in cases {
        let site = try TemporarySite(files)
        let result = await site.load()
        print("=== \(result.site.layout.generator) diags \(result.diagnostics)")
        for article in result.site.articles {
            print(article.path, article.url, result.resolvedTargets(of: article.path))
        }
    }
}
