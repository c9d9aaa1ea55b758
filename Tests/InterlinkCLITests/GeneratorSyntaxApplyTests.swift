import Foundation
import Testing

/// `apply` end to end on what each generator reads that cmark does not: an MkDocs admonition's indented body
/// is prose that gets its link (and the result is parsed again and accepted), while a Hugo highlight
/// shortcode's body, a Docusaurus page's JSX attribute, an admonition's title and the text of a Jekyll link
/// whose destination is Liquid never get one.
@Suite struct GeneratorSyntaxApplyTests {
    static let target = "# Page Speed\n\nHow to make pages fast, and why it pays off.\n"

    @Test func anMkDocsAdmonitionBodyIsLinkedAndItsTitleIsNot() throws {
        let site = try WorkflowSite([
            "mkdocs.yml": "site_name: Docs\n",
            "docs/page-speed.md": Self.target,
            "docs/guide.md": "# Guide\n\nSome words first.\n\n!!! note \"Page Speed\"\n\n    Here page speed matters most.\n",
        ])
        let output = try site.run("apply")
        #expect(output.status == 0, "\(output.stderr)")
        #expect(
            try site.read("docs/guide.md")
                == "# Guide\n\nSome words first.\n\n!!! note \"Page Speed\"\n\n    Here [page speed](page-speed.md) matters most.\n")
        #expect(try site.run("apply").stderr == "0 links added in 0 files\n")
    }

    @Test func aHugoHighlightBodyGetsNoLink() throws {
        let site = try WorkflowSite([
            "hugo.toml": "baseURL = \"https://example.org/\"\n",
            "content/posts/page-speed.md": "---\ntitle: Page Speed\n---\nHow to make pages fast.\n",
            "content/posts/guide.md":
                "---\ntitle: Guide\n---\nSome words first.\n\n{{< highlight go >}}\n// page speed\n{{< /highlight >}}\n",
        ])
        let before = try site.read("content/posts/guide.md")
        let output = try site.run("apply")
        #expect(output.status == 0, "\(output.stderr)")
        #expect(try site.read("content/posts/guide.md") == before)
    }

    @Test func aDocusaurusJSXAttributeGetsNoLinkButItsProseDoes() throws {
        let site = try WorkflowSite([
            "docusaurus.config.js": "module.exports = {};\n",
            "docs/page-speed.mdx": Self.target,
            "docs/guide.mdx":
                "# Guide\n\nimport Tabs from '@theme/Tabs';\n\n<Tab label={\"Page Speed\"}> then page speed in prose.\n",
        ])
        let output = try site.run("apply")
        #expect(output.status == 0, "\(output.stderr)")
        #expect(
            try site.read("docs/guide.mdx")
                == "# Guide\n\nimport Tabs from '@theme/Tabs';\n\n<Tab label={\"Page Speed\"}> then [page speed](page-speed.mdx) in prose.\n")
    }

    /// `[Page Speed]({{ '/docs/page-speed/' | relative_url }})` is a link to Jekyll though not to cmark (its
    /// destination has blanks): its text is not linked again (which wrote `[[Page Speed](…)]({{ … }})`), the
    /// target counts as linked, so the later mention stays plain, and the page reached through `site.baseurl`
    /// is no orphan.
    @Test func aJekyllLinkWithALiquidDestinationIsNotLinkedInside() throws {
        let files = [
            "_config.yml": "collections:\n  docs:\n    permalink: /:collection/:path/\n    output: true\n",
            "_docs/page-speed.md": "---\ntitle: Page Speed\n---\nHow to make pages fast, and why it pays off.\n",
            "_docs/caching.md": "---\ntitle: Caching\n---\nKeep copies of pages close to readers.\n",
            "_docs/guide.md": """
                ---
                title: Guide
                ---
                Start with [Page Speed]({{ '/docs/page-speed/' | relative_url }}) and [caches]({{ site.baseurl }}/docs/caching/).

                Later, page speed and caching come back.

                """,
        ]
        let site = try WorkflowSite(files)
        let before = try site.read("_docs/guide.md")
        let output = try site.run("apply")
        #expect(output.status == 0, "\(output.stderr)")
        #expect(try site.read("_docs/guide.md") == before)
        let audit = try site.run("audit")
        #expect(audit.stdout.contains("no other article links to \"Guide\""), "\(audit.stdout)")
        #expect(!audit.stdout.contains("[broken-link]"), "\(audit.stdout)")
        #expect(!audit.stdout.contains("no other article links to \"Caching\""), "\(audit.stdout)")
        #expect(!audit.stdout.contains("no other article links to \"Page Speed\""), "\(audit.stdout)")
    }
}
