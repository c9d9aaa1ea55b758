import Interlink
import Testing

/// Which text becomes a mention: the longest topic, whole code spans, never code blocks.
@Suite struct KeywordIndexMatchingTests {
    /// Headings every page may have ("Overview", "Introduction") name no page: no topic, no link.
    @Test func genericHeadingsAreNoTopics() throws {
        let fixture = try SuggestFixture([
            "pods.md": "---\ntitle: Pods\n---\n\n## Introduction\n\nList.\n\n## Overview\n\nText.\n\n## Pod Scheduling\n\nText.\n",
            "source.md": "---\ntitle: Notes\n---\n\nSee the Introduction, the Overview and ⟦Pod Scheduling⟧.\n",
        ])
        let mentions = fixture.mentions(in: "source.md")
        #expect(mentions.map(\.range) == fixture.marks("source.md"))
        #expect(mentions.map(\.targets) == [["pods.md"]])
    }

    @Test func longestMatchWins() throws {
        let fixture = try SuggestFixture([
            "link-building.md": "---\ntitle: Link Building\n---\n\nShort.\n",
            "link-building-strategies.md": "---\ntitle: Link Building Strategies\n---\n\nShort.\n",
            "source.md": """
                ---
                title: Notes
                ---

                Good ⟦link building strategies⟧ take time.

                Plain ⟦link building⟧ is older.

                """,
        ])
        let mentions = fixture.mentions(in: "source.md")
        #expect(mentions.map(\.text) == ["link building strategies", "link building"])
        #expect(mentions.map(\.range) == fixture.marks("source.md"))
        #expect(mentions.map(\.targets) == [["link-building-strategies.md"], ["link-building.md"]])
    }

    @Test(arguments: [
        "Read ⟦Detection of Half-Open (Dropped) Connections⟧ first.",
        "See ⟦Server-Side Rendering (SSR)⟧.",
        "Not (Detection of Half-Open) (Dropped) Connections here.",
        "Not Detection of Half-Open (Dropped Connections here.",
    ])
    func aTitleWithParenthesesIsMatchedWholeAndOnlyBalanced(text: String) throws {
        let fixture = try SuggestFixture([
            "conn.md": "---\ntitle: Detection of Half-Open (Dropped) Connections\n---\n\nShort.\n",
            "ssr.md": "---\ntitle: Server-Side Rendering (SSR)\n---\n\nShort.\n",
            "source.md": "---\ntitle: Notes\n---\n\n\(text)\n",
        ])
        let mentions = fixture.mentions(in: "source.md")
        #expect(mentions.map(\.range) == fixture.marks("source.md"))
    }

    @Test func longestMatchWinsOverAnEarlierShorterTopicOfAnotherWord() throws {
        // "crawl budget" and "budget planning" overlap on "budget": leftmost wins, and nothing overlaps.
        let fixture = try SuggestFixture([
            "crawl-budget.md": "---\ntitle: Crawl Budget\n---\n\nShort.\n",
            "budget-planning.md": "---\ntitle: Budget Planning\n---\n\nShort.\n",
            "source.md": "---\ntitle: Notes\n---\n\nYour ⟦crawl budget⟧ planning starts here.\n",
        ])
        let mentions = fixture.mentions(in: "source.md")
        #expect(mentions.map(\.range) == fixture.marks("source.md"))
        #expect(mentions.map(\.targets) == [["crawl-budget.md"]])
    }

    @Test func inlineCodeEqualToACodeTitleIsAMentionWithItsBackticks() throws {
        let fixture = try SuggestFixture([
            "api/use-state.md": "---\ntitle: useState\n---\n\nThe state hook.\n",
            "guide/state.md": """
                ---
                title: Managing State
                ---

                Call ⟦`useState`⟧ at the top of a component.

                The form ⟦`useState()`⟧ names it too.

                But `useState(0)` is a call, and `const x = useState` is a statement.

                """,
        ])
        let code = fixture.mentions(in: "guide/state.md").filter { $0.isCode }
        #expect(code.map(\.text) == ["`useState`", "`useState()`"])
        #expect(code.map(\.range) == fixture.marks("guide/state.md"))
        #expect(code.allSatisfy { $0.targets == ["api/use-state.md"] })
    }

    @Test func codeNameMatchesOnlyItsExactCaseInProse() throws {
        let fixture = try SuggestFixture([
            "api/use-state.md": "---\ntitle: useState\n---\n\nThe state hook.\n",
            "guide/state.md": "---\ntitle: Managing State\n---\n\nCall ⟦useState⟧ early, not usestate or UseState.\n",
        ])
        let mentions = fixture.mentions(in: "guide/state.md").filter { $0.targets.contains("api/use-state.md") }
        #expect(mentions.map(\.range) == fixture.marks("guide/state.md"))
    }

    @Test func headingCodeNameBecomesACandidateForItsSection() throws {
        let fixture = try SuggestFixture([
            "api/reactivity-core.md": """
                ---
                title: Reactivity API Core
                ---

                ## ref() {#ref}

                Takes an inner value and returns a reactive object.

                """,
            "guide/essentials.md": """
                ---
                title: Essentials
                ---

                Declare state with ⟦`ref()`⟧ in the setup of a component.

                """,
        ])
        let source = fixture.index("guide/essentials.md")
        let candidates = fixture.suggester().candidates()[source].filter { $0.mention.isCode }
        let candidate = try #require(candidates.first)
        #expect(candidates.count == 1)
        #expect(candidate.target == fixture.index("api/reactivity-core.md"))
        #expect(candidate.mention.range == fixture.marks("guide/essentials.md").first)
        let suggestion = try #require(fixture.suggestions(from: "guide/essentials.md").first)
        #expect(suggestion.anchor == "`ref()`")
        #expect(suggestion.url.hasSuffix("#ref"))
        #expect(suggestion.fragment == "ref")
    }

    @Test func angleBracketComponentNameMatchesItsCodeSpan() throws {
        let fixture = try SuggestFixture([
            "api/keep-alive.md": "---\ntitle: <KeepAlive>\n---\n\nCaches components.\n",
            "guide/cache.md": "---\ntitle: Caching\n---\n\nWrap it in ⟦`<KeepAlive>`⟧ to cache it.\n",
        ])
        let code = fixture.mentions(in: "guide/cache.md").filter { $0.isCode }
        #expect(code.map(\.range) == fixture.marks("guide/cache.md"))
        #expect(code.map(\.targets) == [["api/keep-alive.md"]])
    }

    @Test func codeBlocksAreNeverScanned() throws {
        let fixture = try SuggestFixture([
            "api/use-state.md": "---\ntitle: useState\n---\n\nThe state hook.\n",
            "orphan-pages.md": "---\ntitle: Orphan Pages\n---\n\nShort.\n",
            "guide/state.md": """
                ---
                title: Managing State
                ---

                ```js
                // orphan pages and useState in a fenced block
                const [count, setCount] = useState(0)
                ```

                    indented: orphan pages, useState

                ~~~
                useState
                ~~~

                Only here: ⟦orphan pages⟧.

                """,
        ])
        let mentions = fixture.mentions(in: "guide/state.md")
        #expect(mentions.map(\.range) == fixture.marks("guide/state.md"))
        #expect(mentions.map(\.text) == ["orphan pages"])
    }

    @Test func headingsAreNeverScanned() throws {
        let fixture = try SuggestFixture([
            "orphan-pages.md": "---\ntitle: Orphan Pages\n---\n\nShort.\n",
            "source.md": "---\ntitle: Notes\n---\n\n## Orphan pages today\n\nFix ⟦orphan pages⟧.\n",
        ])
        let mentions = fixture.mentions(in: "source.md")
        #expect(mentions.map(\.range) == fixture.marks("source.md"))
    }

    @Test(arguments: [
        "Calls go over ⟦JSON⟧, not JSON-RPC.",
        "A pre-JSON format, then ⟦JSON⟧ itself.",
        "Both JSON-ish and ⟦JSON⟧ - spaced.",
    ])
    func aMatchNeverSplitsAHyphenatedCompound(text: String) throws {
        let fixture = try SuggestFixture([
            "json.md": "---\ntitle: JSON\n---\n\nShort.\n",
            "source.md": "---\ntitle: Notes\n---\n\n\(text)\n",
        ])
        let mentions = fixture.mentions(in: "source.md")
        #expect(mentions.map(\.range) == fixture.marks("source.md"))
    }

    @Test func aSelfTitleEndingInsideACompoundLeavesThePackageNameToMatch() throws {
        // "docusaurus/plugin" would be the page's own title "Docusaurus plugins" (singular), ending inside
        // `plugin-sitemap`: the compound is one word, so the package name matches, with its scope.
        let fixture = try SuggestFixture([
            "docs/plugin-sitemap.md": "---\nslug: /api/plugins/@docusaurus/plugin-sitemap\n---\n\n# 📦 plugin-sitemap\n\nSitemaps.\n",
            "docs/overview.md": """
                # Docusaurus plugins

                The official plugins:

                - ⟦@docusaurus/plugin-sitemap⟧
                - @docusaurus/plugin-unknown

                """,
        ])
        let mentions = fixture.mentions(in: "docs/overview.md")
        #expect(mentions.map(\.range) == fixture.marks("docs/overview.md"))
        #expect(mentions.map(\.targets) == [["docs/plugin-sitemap.md"]])
    }

    @Test func aPackageTitleBehindADecorationIsMatchedAsWholeInlineCode() throws {
        let fixture = try SuggestFixture([
            "docs/plugin-debug.md": "# 📦 plugin-debug\n\nDebugging.\n",
            "docs/create-docusaurus.md": "# 📦 create-docusaurus\n\nScaffolding.\n",
            "docs/using.md": """
                # Using plugins

                Add ⟦`@docusaurus/plugin-debug`⟧ to the list, start with ⟦`create-docusaurus`⟧, and not
                `@docusaurus/plugin-debug/x`, `plugin-debug --help` or `@other/create-docusaurus-x`.

                """,
        ])
        let mentions = fixture.mentions(in: "docs/using.md").filter(\.isCode)
        #expect(mentions.map(\.range) == fixture.marks("docs/using.md"))
        #expect(mentions.map(\.targets) == [["docs/plugin-debug.md"], ["docs/create-docusaurus.md"]])
    }
}
