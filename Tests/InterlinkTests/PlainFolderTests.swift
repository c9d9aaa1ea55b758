import Foundation
import Interlink
import Testing

/// A folder with no generator config: every Markdown file is an article, URLs follow paths.
@Suite struct PlainFolderTests {
    static let files = [
        "README.md": "# Notes\n\nSee [a](docs/a.md) and [b](docs/sub/b.markdown).\n",
        "docs/a.md": "# A\n\nUp to [the readme](../README.md), over to [b](sub/b.markdown#part).\n",
        "docs/sub/b.markdown": "# B\n\nNo links.\n",
        "notes.txt": "not Markdown\n",
    ]

    @Test func detectsAPlainFolder() async throws {
        let site = try TemporarySite(Self.files)
        let result = await site.load()
        #expect(result.diagnostics.isEmpty)
        #expect(result.site.layout.generator == .plain)
        #expect(result.paths == ["README.md", "docs/a.md", "docs/sub/b.markdown"])
        #expect(try result.article("README.md").url == "/")
        #expect(try result.article("docs/a.md").url == "/docs/a")
    }

    @Test func resolvesRelativeMarkdownLinks() async throws {
        let site = try TemporarySite(Self.files)
        let result = await site.load()
        #expect(result.resolvedTargets(of: "README.md") == ["docs/a.md", "docs/sub/b.markdown"])
        #expect(result.resolvedTargets(of: "docs/a.md") == ["README.md", "docs/sub/b.markdown#part"])
    }

    @Test func theGeneratorOptionOverridesDetection() async throws {
        let site = try TemporarySite(Self.files)
        let result = await site.load(options: LoadOptions(generator: .obsidian))
        #expect(result.site.layout.generator == .obsidian)
    }
}
