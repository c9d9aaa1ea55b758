import Testing

@testable import Interlink

/// `LiquidDestination`: the URL a Jekyll link destination written with Liquid stands for.
@Suite struct LiquidDestinationTests {
    @Test(arguments: [
        ("{{ '/docs/collections/' | relative_url }}", "/docs/collections/"),
        ("{{ \"/docs/x/\" | absolute_url }}", "/docs/x/"),
        ("{{site.baseurl}}/docs/x/", "/docs/x/"),
        ("{{ site.url }}{{ site.baseurl }}/docs/x/#usage", "/docs/x/#usage"),
        ("{{ '/x/' | prepend: site.baseurl }}", "/x/"),
        ("{{- '/x' | append: '/' -}}", "/x/"),
        ("/plain/", "/plain/"),
        // Eleventy's filters.
        ("{{ '/posts/x/' | url }}", "/posts/x/"),
        ("{{ \"/posts/x/\" | htmlBaseUrl }}", "/posts/x/"),
    ])
    func urlsAreWorkedOut(destination: String, url: String) {
        #expect(LiquidDestination.evaluate(destination) == .url(url))
    }

    /// Under a base path (`baseurl: /guide`), as Jekyll renders it.
    @Test(arguments: [
        ("{{ '/docs/x/' | relative_url }}", "/guide/docs/x/"),
        ("{{ 'docs/x/' | absolute_url }}", "/guide/docs/x/"),
        ("{{ site.baseurl }}/docs/x/", "/guide/docs/x/"),
        ("{{ site.url }}{{ site.baseurl }}/docs/x/", "/guide/docs/x/"),
        ("{{ '/docs/x/' | prepend: site.baseurl }}", "/guide/docs/x/"),
    ])
    func theBasePathIsWhereJekyllPutsIt(destination: String, url: String) {
        #expect(LiquidDestination.evaluate(destination, basePath: "/guide") == .url(url))
    }

    @Test func aLinkTagAmongTheSitePrefixesIsTheTag() {
        #expect(
            LiquidDestination.evaluate("{{ site.baseurl }}{% link _docs/cli.md %}") == .tag(name: "link", argument: "_docs/cli.md"))
        #expect(
            LiquidDestination.evaluate("{{ site.baseurl }}{% link _docs/cli.md %}", basePath: "/guide")
                == .tag(name: "link", argument: "_docs/cli.md"))
        #expect(
            LiquidDestination.evaluate("{% post_url 2024-01-02-launch %}") == .tag(name: "post_url", argument: "2024-01-02-launch"))
    }

    @Test(arguments: [
        "{{ page.next.url }}", "{{ site.repository }}/tree/master/docs", "{{ '/x' | downcase }}", "{% include x.html %}",
        "/docs/{% link a.md %}", "{% link a.md %}{% link b.md %}", "{{ '/x' ", "{{ '/x' | prepend: page.dir }}",
    ])
    func whatDependsOnUnknownDataIsUnknown(destination: String) {
        #expect(LiquidDestination.evaluate(destination) == .unknown)
    }
}
