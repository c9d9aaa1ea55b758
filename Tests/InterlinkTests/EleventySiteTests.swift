import Foundation
import Interlink
import Testing

/// An Eleventy site: its includes, layouts and data folders are never rendered as pages.
@Suite struct EleventySiteTests {
    @Test func includesLayoutsAndDataAreNoArticles() async throws {
        let site = try TemporarySite([
            ".eleventy.js": "module.exports = {};\n",
            "posts/first.md": "---\ntitle: First\n---\nHello.\n",
            "_includes/callout.md": "An included callout.\n",
            "src/_layouts/post.md": "{{ content }}\n",
            "_data/notes.md": "Data notes.\n",
            "_drafts.md": "---\ntitle: Kept\n---\nAn underscore file outside those folders is a page.\n",
        ])
        let result = await site.load()
        #expect(result.site.layout.generator == .eleventy)
        #expect(result.paths == ["_drafts.md", "posts/first.md"])
    }
}
