import Foundation
import Testing

@testable import Interlink

/// MDX files (`.mdx`, and every Markdown file of a Docusaurus site) are articles like any other, but
/// nothing is linked in their ESM lines, `{…}` expressions or JSX tags, nor in container fences anywhere.
@Suite struct MDXSiteTests {
    static let docusaurus = [
        "docusaurus.config.js": "module.exports = { title: 'Docs' };\n",
        "docs/getting-started.mdx": "---\ntitle: Getting Started\n---\n# Getting Started\n\nInstall, then read [the guide](./guide).\n",
        "docs/guide.md": "# Guide\n\nBack to [the start](getting-started.mdx) and [again](/docs/getting-started).\n",
    ]

    @Test func mdxFilesAreLoadedAndLinksToThemResolve() async throws {
        let site = try TemporarySite(Self.docusaurus)
        let result = await site.load()
        #expect(result.diagnostics.isEmpty)
        #expect(result.paths == ["docs/getting-started.mdx", "docs/guide.md"])
        #expect(try result.article("docs/getting-started.mdx").url == "/docs/getting-started")
        #expect(result.resolvedTargets(of: "docs/getting-started.mdx") == ["docs/guide.md"])
        #expect(result.resolvedTargets(of: "docs/guide.md") == ["docs/getting-started.mdx", "docs/getting-started.mdx"])
    }

    static let source = """
        import GettingStarted from './getting-started.mdx';

        <TabItem value="a" label={"Getting Started"}>

        :::tip Getting Started
        Text {/* Getting Started */} and {props.gettingStarted} then ⟦Getting Started⟧ in prose.
        :::

        """

    @Test func nothingIsMentionedInsideMDXConstructs() throws {
        let fixture = try SuggestFixture([
            "getting-started.md": "# Getting Started\n\nHow to begin.\n",
            "page.mdx": "# Page\n\n" + Self.source,
        ])
        let mentions = fixture.mentions(in: "page.mdx").filter { $0.targets.contains("getting-started.md") }
        #expect(mentions.map(\.range) == fixture.marks("page.mdx"))
    }

    @Test func theSameBytesAsCommonMarkAreProseExceptTheFence() throws {
        let fixture = try SuggestFixture([
            "getting-started.md": "# Getting Started\n\nHow to begin.\n",
            "page.md": "# Page\n\n" + Self.source,
        ])
        // The label and the comment are text to CommonMark; the fence line is not, and the import's
        // path ('./getting-started.mdx') is a path written out, whose words are no mention.
        let texts = fixture.mentionTexts(in: "page.md", of: "getting-started.md")
        #expect(texts == ["Getting Started", "Getting Started", "Getting Started"])
    }

    @Test func aDocusaurusSiteReadsItsMarkdownFilesAsMDX() async throws {
        var files = Self.docusaurus
        files["docs/guide.md"] = "import X from './x';\n\n# Guide\n\nSee {props.x} here.\n"
        let site = try TemporarySite(files)
        let result = await site.load()
        let guide = try result.article("docs/guide.md")
        #expect(guide.document.forbiddenZones.map(\.kind).contains(.esm))
        #expect(guide.document.forbiddenZones.map(\.kind).contains(.mdxExpression))
        files["docusaurus.config.js"] = nil
        let plain = try await TemporarySite(files).load()
        #expect(!(try plain.article("docs/guide.md")).document.forbiddenZones.map(\.kind).contains(.esm))
    }

    /// `markdown: { format: 'detect' }` makes Docusaurus read `.md` files as CommonMark (an indented block
    /// there is code, not MDX's prose), `format: 'md'` every file.
    @Test func docusaurusMarkdownFormatDecidesWhichFilesAreMDX() async throws {
        var files = Self.docusaurus
        files["docs/guide.md"] = "# Guide\n\nText.\n\n    indented code\n\nSee {props.x} here.\n"
        files["docs/getting-started.mdx"] = "# Getting Started\n\nSee {props.x} here.\n"
        for (format, guideIsMDX, startIsMDX) in [("mdx", true, true), ("detect", false, true), ("md", false, false)] {
            files["docusaurus.config.js"] = "module.exports = {\n  markdown: {\n    format: '\(format)',\n  },\n};\n"
            let result = try await TemporarySite(files).load()
            let kinds = { (path: String) in try result.article(path).document.forbiddenZones.map(\.kind) }
            #expect(try kinds("docs/guide.md").contains(.mdxExpression) == guideIsMDX, "\(format)")
            #expect(try kinds("docs/guide.md").contains(.codeBlock) == !guideIsMDX, "\(format)")
            #expect(try kinds("docs/getting-started.mdx").contains(.mdxExpression) == startIsMDX, "\(format)")
        }
    }

    /// Files with the same bytes share a cached parse, unless one is MDX: it parses them otherwise.
    @Test func aCachedParseIsNotSharedAcrossDialects() async throws {
        let page = "# Page\n\nRead {Getting Started} now, and more words after it for the page.\n"
        let site = try TemporarySite([
            "getting-started.md": "# Getting Started\n\nHow to begin with the tool.\n",
            "a.md": page, "b.mdx": page,
        ])
        _ = try await ArticleCacheTests.suggest(site.root)
        // A new page changes the topic index: mentions are found again, in the spans of the cached parses.
        try site.write("other.md", bytes: Array("# Other Page\n\nSomething else entirely.\n".utf8))
        let uncached = try await ArticleCacheTests.suggest(site.root, cached: false)
        let warm = try await ArticleCacheTests.suggest(site.root)
        #expect(warm.hits == 3)
        #expect(!warm.reusedMentions)
        #expect(warm.json == uncached.json)
        #expect(uncached.json.contains("\"a.md\""))
        #expect(!uncached.json.contains("\"b.mdx\""))
    }
}
