import Foundation
import Interlink
import Testing

/// A VitePress site: a `.vitepress/` folder, clean URLs without trailing slashes.
@Suite struct VitePressSiteTests {
    static let files = [
        ".vitepress/config.mts": "export default {}\n",
        "index.md": "# Home\n\nSee [the guide](/guide/) and [start](./guide/start.md).\n",
        "guide/index.md": "# Guide\n\nNext: [getting started](/guide/start).\n",
        "guide/start.md": "# Getting started\n\nUp to [the guide](./index.md) or [home](../).\n",
    ]

    @Test func detectsVitePress() async throws {
        let site = try TemporarySite(Self.files)
        let result = await site.load()
        #expect(result.diagnostics.isEmpty)
        #expect(result.site.layout.generator == .vitepress)
        #expect(result.paths == ["guide/index.md", "guide/start.md", "index.md"])
    }

    @Test func computesVitePressURLs() async throws {
        let site = try TemporarySite(Self.files)
        let result = await site.load()
        #expect(try result.article("index.md").url == "/")
        #expect(try result.article("guide/index.md").url == "/guide/")
        #expect(try result.article("guide/start.md").url == "/guide/start")
    }

    @Test func resolvesVitePressLinks() async throws {
        let site = try TemporarySite(Self.files)
        let result = await site.load()
        #expect(result.resolvedTargets(of: "index.md") == ["guide/index.md", "guide/start.md"])
        #expect(result.resolvedTargets(of: "guide/index.md") == ["guide/start.md"])
        #expect(result.resolvedTargets(of: "guide/start.md") == ["guide/index.md", "index.md"])
    }

    @Test func detectsVitePressInADocsFolder() async throws {
        let site = try TemporarySite(["docs/.vitepress/config.js": "export default {}\n", "docs/a.md": "A.\n"])
        let result = await site.load()
        #expect(result.site.layout.generator == .vitepress)
        #expect(try result.article("docs/a.md").url == "/a")
    }
}
