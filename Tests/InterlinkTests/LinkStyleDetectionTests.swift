import Foundation
import Interlink
import Testing

/// `LinkStyle.detect`: the style most of a site's resolved links use (three or more), else the generator's usual one.
@Suite struct LinkStyleDetectionTests {
    static func detect(_ files: [String: String]) async throws -> LinkStyle {
        let site = try TemporarySite(files)
        let result = await site.load()
        #expect(result.diagnostics.isEmpty)
        return LinkStyle.detect(site: result.site, graph: LinkGraph(site: result.site))
    }

    static let configs: [(Generator, [String: String], LinkStyle)] = [
        (.plain, [:], .relative),
        (.hugo, ["hugo.toml": "baseURL = \"https://example.org/\"\n"], .url),
        (.jekyll, ["_config.yml": "title: Blog\n"], .url),
        (.eleventy, [".eleventy.js": "module.exports = {};\n"], .url),
        (.mkdocs, ["mkdocs.yml": "site_name: Docs\n"], .relative),
        (.docusaurus, ["docusaurus.config.js": "module.exports = {};\n"], .relative),
        (.vitepress, [".vitepress/config.js": "export default {}\n"], .relative),
        (.obsidian, [".obsidian/app.json": "{}\n"], .wikilink),
    ]

    /// Three articles in the generator's content folder, `body` in the first one.
    static func site(_ generator: Generator, body: String) -> [String: String] {
        let config = configs.first { $0.0 == generator }!.1
        let folder: String
        switch generator {
        case .hugo: folder = "content/"
        case .mkdocs, .docusaurus: folder = "docs/"
        default: folder = ""
        }
        return config.merging([
            folder + "alpha.md": "# Alpha\n\n\(body)\n",
            folder + "beta.md": "# Beta\n\nText.\n",
            folder + "gamma.md": "# Gamma\n\nText.\n",
        ]) { $1 }
    }

    @Test(arguments: configs.map { ($0.0, $0.2) })
    func withoutLinksTheGeneratorDecides(generator: Generator, expected: LinkStyle) async throws {
        let files = Self.site(generator, body: "No links here.")
        #expect(try await Self.detect(files) == expected)
    }

    @Test func threeRelativeLinksMakeAHugoSiteRelative() async throws {
        let files = Self.site(.hugo, body: "[b](beta.md), [g](gamma.md) and [b again](beta.md#x).")
        #expect(try await Self.detect(files) == .relative)
    }

    @Test func twoLinksAreNotEnoughToOverrideTheGenerator() async throws {
        let files = Self.site(.hugo, body: "[b](beta.md) and [g](gamma.md).")
        #expect(try await Self.detect(files) == .url)
    }

    @Test func brokenLinksCountOnlyWithoutThreeResolvedOnes() async throws {
        // Resolved links decide when there are enough of them.
        let mixed = Self.site(
            .plain, body: "[x](missing.md), [y](nowhere.md), [z](gone.md), [[Beta]], [[Gamma]] and [[Beta|again]].")
        #expect(try await Self.detect(mixed) == .wikilink)
        // Without them, the links that reach no page still say how the authors write links.
        let broken = Self.site(.hugo, body: "[x](missing.md), [y](nowhere.md) and [z](gone.md).")
        #expect(try await Self.detect(broken) == .relative)
        let posts = Self.site(
            .jekyll,
            body: "[x]({% post_url 2009-01-01-gone %}), [y]({% post_url 2009-01-02-gone %}) and [z]({% post_url 2009-01-03-gone %}).")
        #expect(try await Self.detect(posts) == .liquid)
        // External links never count.
        let external = Self.site(.plain, body: "[x](https://a.example/x), [y](https://b.example/) and [z](https://c.example/z).")
        #expect(try await Self.detect(external) == .relative)
    }

    @Test func theMajorityWins() async throws {
        var files = Self.site(.hugo, body: "[b](beta.md), [g](gamma.md), [b2](beta.md) and [g2](/gamma/).")
        #expect(try await Self.detect(files) == .relative)
        files = Self.site(.hugo, body: "[b](/beta/), [g](/gamma/), [b2](/beta/) and [g2](gamma.md), [b3](beta.md).")
        #expect(try await Self.detect(files) == .url)
        files["content/beta.md"] = "# Beta\n\n[a](alpha.md) and [g](gamma.md) and [a2](alpha.md) and [g2](gamma.md).\n"
        #expect(try await Self.detect(files) == .relative)
    }

    @Test func rootURLsOnAPlainSiteMakeItURLStyle() async throws {
        let files = Self.site(.plain, body: "[b](/beta), [g](/gamma) and [b again](/beta).")
        #expect(try await Self.detect(files) == .url)
    }

    @Test func relrefsMakeAHugoSiteRelref() async throws {
        let files = Self.site(
            .hugo,
            body: "[b]({{< relref \"beta.md\" >}}), [g]({{< ref \"gamma\" >}}) and [b2]({{< relref \"beta.md\" >}}).")
        #expect(try await Self.detect(files) == .relref)
    }

    @Test func liquidLinksMakeAJekyllSiteLiquid() async throws {
        let files = Self.site(
            .jekyll, body: "[b]({% link beta.md %}), [g]({% link gamma.md %}) and [b2]({% link beta.md %}).")
        #expect(try await Self.detect(files) == .liquid)
    }

    @Test func wikilinksMakeAPlainFolderWikilinkStyle() async throws {
        let files = Self.site(.plain, body: "[[beta]], [[gamma|g]] and [[beta#x|b]].")
        #expect(try await Self.detect(files) == .wikilink)
    }

    @Test func relativeLinksMakeAnObsidianVaultRelative() async throws {
        let files = Self.site(.obsidian, body: "[b](beta.md), [g](gamma.md) and [b2](beta.md).")
        #expect(try await Self.detect(files) == .relative)
    }
}
