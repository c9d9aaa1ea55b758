import Foundation
import InterlinkMarkdown
import Testing

@testable import Interlink

/// A Hugo site's own shortcode templates decide whether a paired shortcode's body is the page's prose
/// (`markdownify`, `RenderString`) or output as it is (`.Inner` alone), over the common themes' names.
@Suite struct HugoShortcodeTemplateTests {
    static let files = [
        "hugo.toml": "baseURL = \"https://example.org/\"\n",
        "themes/t/layouts/shortcodes/box.html": "<div>{{ .Inner }}</div>\n",
        "themes/t/layouts/shortcodes/note.html": "<aside>{{ .Inner }}</aside>\n",
        "layouts/shortcodes/box.html": "<div class=\"box\">{{ .Inner | markdownify }}</div>\n",
        "layouts/_shortcodes/panel.en.html": "<div>{{ .Inner | .Page.RenderString }}</div>\n",
        "layouts/shortcodes/figure2.html": "<figure>{{ .Get 0 }}</figure>\n",
        "content/page.md":
            "---\ntitle: Page\n---\n{{< box >}}\nBox prose.\n{{< /box >}}\n\n{{< note >}}\nNote text.\n{{< /note >}}\n\n{{< panel >}}\nPanel prose.\n{{< /panel >}}\n",
    ]

    @Test func templatesAreReadTheSitesOwnWinning() async throws {
        let site = try TemporarySite(Self.files)
        let layout = SiteLayout.detect(root: site.root)
        #expect(layout.shortcodes.markdown == ["box", "panel"])
        #expect(layout.shortcodes.raw == ["note"])
    }

    @Test func theTemplatesDecideWhichBodiesAreProse() async throws {
        let site = try TemporarySite(Self.files)
        let result = await site.load()
        let page = try result.article("content/page.md")
        let prose = page.document.spans.map { page.text($0.range) }
        #expect(prose == ["Box prose.", "Panel prose."])
    }

    @Test func withoutTemplatesTheCommonThemesNamesDecide() async throws {
        var files = Self.files
        for path in files.keys where path.contains("layouts/") { files[path] = nil }
        let site = try TemporarySite(files)
        let page = try await site.load().article("content/page.md")
        // `note` and `panel` are the common themes' callouts; `box` is nobody's.
        #expect(page.document.spans.map { page.text($0.range) } == ["Note text.", "Panel prose."])
    }
}
