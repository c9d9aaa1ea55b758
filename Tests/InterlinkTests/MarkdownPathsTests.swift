import Foundation
import Testing

@testable import Interlink

/// The site's Markdown files as the loader lists them: each once, in path order, from every content
/// folder, whether the folders nest, repeat or stand apart.
@Suite struct MarkdownPathsTests {
    static let files = [
        "content/b.md": "# B\n", "content/a.md": "# A\n", "content/en/c.md": "# C\n",
        "content/en/deep/d.md": "# D\n", "notes/e.md": "# E\n", "content/readme.txt": "not Markdown\n",
    ]

    static func paths(_ directories: [String]) throws -> [String] {
        let site = try TemporarySite(Self.files)
        var layout = SiteLayout.detect(root: site.root)
        layout.contentDirectories = directories
        return SiteLoader.markdownPaths(root: site.root, layout: layout)
    }

    @Test func oneFolderListsEachFileOnceInPathOrder() throws {
        #expect(try Self.paths(["content"]) == ["content/a.md", "content/b.md", "content/en/c.md", "content/en/deep/d.md"])
    }

    @Test func nestedAndRepeatedFoldersListEachFileOnce() throws {
        let expected = ["content/a.md", "content/b.md", "content/en/c.md", "content/en/deep/d.md", "notes/e.md"]
        #expect(try Self.paths(["content", "content/en", "notes", "content/en/deep", "notes"]) == expected)
        #expect(try Self.paths(["notes", "content"]) == expected)
    }
}
