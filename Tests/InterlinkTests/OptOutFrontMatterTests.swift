import Interlink
import Testing

/// Per-article opt-out in front matter: `interlink: false` (neither source nor target),
/// `interlink: {source: false}` and `interlink: {target: false}` (each only its half).
/// `⟦…⟧` marks where a suggestion is expected when the article takes part.
@Suite struct OptOutFrontMatterTests {
    static func page(_ title: String, _ body: String, extra: String = "") -> String {
        "---\ntitle: \"\(title)\"\n\(extra)---\n\n\(body)\n"
    }

    /// crawl-budget.md is both a source (it mentions orphan pages) and a target (notes.md mentions it).
    /// `crawlBudget` is its whole text, front matter included.
    static func site(crawlBudget: String) throws -> SuggestFixture {
        try SuggestFixture([
            "crawl-budget.md": crawlBudget,
            "orphan-pages.md": page("Orphan Pages", "Orphan pages have no inbound internal links, so a crawler never finds them."),
            "notes.md": page("Notes", "Plan your ⟦crawl budget⟧ before a crawler fetches every URL."),
        ])
    }

    static let crawlBody = "Crawl budget is how many URLs a crawler fetches per day. Fix ⟦orphan pages⟧ so a crawler finds them."

    static func site(extra: String) throws -> SuggestFixture {
        try site(crawlBudget: page("Crawl Budget", crawlBody, extra: extra))
    }

    /// Where the suggestions from `path` go and sit, as `target@offset`.
    static func placed(_ fixture: SuggestFixture, from path: String) -> [String] {
        fixture.suggestions(from: path).map { "\($0.target)@\($0.offset)" }
    }

    /// What `placed` gives when crawl-budget.md takes part in both roles.
    static func expectedAsSource(_ fixture: SuggestFixture) -> [String] {
        fixture.marks("crawl-budget.md").map { "orphan-pages.md@\($0.lowerBound)" }
    }

    static func expectedAsTarget(_ fixture: SuggestFixture) -> [String] {
        fixture.marks("notes.md").map { "crawl-budget.md@\($0.lowerBound)" }
    }

    static func isIndexedAsTarget(_ fixture: SuggestFixture, _ path: String) -> Bool {
        KeywordIndex(site: fixture.site, graph: LinkGraph(site: fixture.site)).topics.contains {
            $0.target == fixture.index(path)
        }
    }

    @Test func withoutAnOptOutTheArticleIsSourceAndTarget() throws {
        for extra in ["", "interlink: true\n", "interlink: {source: true, target: true}\n", "interlink: {}\n"] {
            let fixture = try Self.site(extra: extra)
            #expect(fixture.article("crawl-budget.md").frontMatter.isLinkSource, "\(extra)")
            #expect(fixture.article("crawl-budget.md").frontMatter.isLinkTarget, "\(extra)")
            #expect(Self.placed(fixture, from: "crawl-budget.md") == Self.expectedAsSource(fixture), "\(extra)")
            #expect(Self.placed(fixture, from: "notes.md") == Self.expectedAsTarget(fixture), "\(extra)")
            #expect(Self.expectedAsSource(fixture).count == 1 && Self.expectedAsTarget(fixture).count == 1)
        }
    }

    @Test(arguments: ["interlink: false\n", "interlink: no\n", "interlink: \"false\"\n", "interlink: {source: false, target: false}\n"])
    func interlinkFalseIsNeitherSourceNorTarget(_ extra: String) throws {
        let fixture = try Self.site(extra: extra)
        let frontMatter = fixture.article("crawl-budget.md").frontMatter
        #expect(!frontMatter.isLinkSource && !frontMatter.isLinkTarget)
        #expect(fixture.suggestions(from: "crawl-budget.md").isEmpty)
        #expect(fixture.suggestions().allSatisfy { $0.target != "crawl-budget.md" })
        #expect(fixture.suggestions(from: "notes.md").isEmpty)
        #expect(!Self.isIndexedAsTarget(fixture, "crawl-budget.md"))
        #expect(fixture.suggester().candidates()[fixture.index("crawl-budget.md")].isEmpty)
    }

    @Test(arguments: ["interlink: {source: false}\n", "interlink:\n  source: false\n"])
    func sourceFalseOnlyStopsNewLinksInTheArticle(_ extra: String) throws {
        let fixture = try Self.site(extra: extra)
        #expect(fixture.suggestions(from: "crawl-budget.md").isEmpty)
        #expect(fixture.suggester().candidates()[fixture.index("crawl-budget.md")].isEmpty)
        // Still a target.
        #expect(fixture.article("crawl-budget.md").frontMatter.isLinkTarget)
        #expect(Self.placed(fixture, from: "notes.md") == Self.expectedAsTarget(fixture))
    }

    @Test(arguments: ["interlink: {target: false}\n", "interlink:\n  target: false\n"])
    func targetFalseOnlyStopsLinksToTheArticle(_ extra: String) throws {
        let fixture = try Self.site(extra: extra)
        #expect(fixture.suggestions().allSatisfy { $0.target != "crawl-budget.md" })
        #expect(fixture.suggestions(from: "notes.md").isEmpty)
        #expect(!Self.isIndexedAsTarget(fixture, "crawl-budget.md"))
        // Still a source.
        #expect(fixture.article("crawl-budget.md").frontMatter.isLinkSource)
        #expect(Self.placed(fixture, from: "crawl-budget.md") == Self.expectedAsSource(fixture))
    }

    @Test func tomlFrontMatterOptsOutTheSameWay() throws {
        let toml = { (line: String) in "+++\ntitle = \"Crawl Budget\"\n\(line)\n+++\n\n\(Self.crawlBody)\n" }
        let neither = try Self.site(crawlBudget: toml("interlink = false"))
        #expect(neither.suggestions(from: "crawl-budget.md").isEmpty)
        #expect(neither.suggestions(from: "notes.md").isEmpty)

        let notTarget = try Self.site(crawlBudget: toml("interlink = { target = false }"))
        #expect(notTarget.suggestions(from: "notes.md").isEmpty)
        #expect(Self.placed(notTarget, from: "crawl-budget.md") == Self.expectedAsSource(notTarget))

        let notSource = try Self.site(crawlBudget: toml("[interlink]\nsource = false"))
        #expect(notSource.suggestions(from: "crawl-budget.md").isEmpty)
        #expect(Self.placed(notSource, from: "notes.md") == Self.expectedAsTarget(notSource))
    }

    @Test func anOptedOutArticleIsSkippedWhenLoadedFromDisk() async throws {
        let site = try TemporarySite([
            "crawl-budget.md": Self.page("Crawl Budget", "Crawl budget is how many URLs a crawler fetches per day. Fix orphan pages so a crawler finds them.", extra: "interlink: false\n"),
            "orphan-pages.md": Self.page("Orphan Pages", "Orphan pages have no inbound internal links, so a crawler never finds them."),
            "notes.md": Self.page("Notes", "Plan your crawl budget before a crawler fetches every URL. Fix orphan pages in a second sentence."),
        ])
        let loaded = await site.load()
        let suggester = Suggester(
            site: loaded.site, graph: LinkGraph(site: loaded.site),
            options: SuggestOptions(minimumScore: 0, maximumLinksPerArticle: 10))
        let suggestions = suggester.suggest().suggestions
        #expect(suggestions.map { "\($0.source) -> \($0.target)" } == ["notes.md -> orphan-pages.md"])
    }
}
