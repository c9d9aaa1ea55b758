import Foundation
import Interlink
import Testing

/// Internal links that reach no article are recorded as broken, with where they are written.
@Suite struct BrokenLinkTests {
    static let files = [
        "hugo.toml": "baseURL = \"https://example.org/\"\n",
        "content/posts/a.md": """
            ---
            title: A
            ---
            Fine [b](/posts/b/) link.
            Line five has a [missing page](/posts/nowhere/),
              then [a missing file](gone.md) and [relref]({{< relref "nothing.md" >}}).
            External [site](https://other.org/x) and [asset](/images/x.png) and [top](#a).

            """,
        "content/posts/b.md": "---\ntitle: B\n---\nB.\n",
    ]

    @Test func brokenLinksAreRecordedWithTheirLocation() async throws {
        let site = try TemporarySite(Self.files)
        let result = await site.load()
        let graph = LinkGraph(site: result.site)
        let index = try #require(result.site.index(ofPath: "content/posts/a.md"))
        let broken = graph.outgoing[index].filter {
            if case .broken = $0.resolution { return true } else { return false }
        }
        #expect(broken.map(\.link.destination) == ["/posts/nowhere/", "gone.md", "nothing.md"])
        #expect(broken.map(\.location.line) == [5, 6, 6])
        #expect(broken.map(\.location.column) == [17, 8, 38])
        #expect(graph.targets(of: index) == [try #require(result.site.index(ofPath: "content/posts/b.md"))])
    }

    @Test func theIndexReportListsBrokenLinks() async throws {
        let site = try TemporarySite(Self.files)
        let result = await site.load()
        let report = IndexReport(rootDisplay: "site", site: result.site, graph: LinkGraph(site: result.site), errors: [])
        let entry = try #require(report.articles.first { $0.path == "content/posts/a.md" })
        #expect(entry.broken.map(\.destination) == ["/posts/nowhere/", "gone.md", "nothing.md"])
        #expect(entry.broken.map { "\($0.line):\($0.column)" } == ["5:17", "6:8", "6:38"])
        #expect(entry.links.map(\.target) == ["content/posts/b.md"])
    }

    /// With a `baseURL` path, a root-relative link is internal with or without the base path.
    @Test func brokenLinksUnderABasePath() async throws {
        let site = try TemporarySite([
            "hugo.toml": "baseURL = \"https://example.org/blog/\"\n",
            "content/posts/a.md": "[1](/posts/b/) [2](/blog/posts/b/) [3](/posts/gone/) [4](/blog/posts/gone/) [5](/tags/x/)\n",
            "content/posts/b.md": "B.\n",
        ])
        let result = await site.load()
        #expect(try result.article("content/posts/b.md").url == "/blog/posts/b/")
        #expect(
            result.resolvedTargets(of: "content/posts/a.md") == [
                "content/posts/b.md", "content/posts/b.md", "broken: no article is published at '/posts/gone/'",
                "broken: no article is published at '/blog/posts/gone/'", "other: /tags/x/",
            ])
    }
}
