import Interlink
import Testing

/// One test per rule of the linking policy. Each builds a site where the rule is the only thing
/// standing between a candidate and a suggestion (the threshold is 0 unless the test is about the
/// threshold), and, where the fixture alone cannot show that, a control site where the rule does
/// not apply and the link is suggested.
@Suite struct SuggestPolicyTests {
    /// A Markdown article with front matter.
    static func page(_ title: String, _ body: String, extra: String = "") -> String {
        "---\ntitle: \"\(title)\"\n\(extra)---\n\n\(body)\n"
    }

    /// Targets whose prose shares words with the sources below, so that relatedness (and so every
    /// score) is above zero.
    static let targets = [
        "crawl-budget.md": page("Crawl Budget", "Crawl budget is how many URLs a crawler fetches from one host per day."),
        "orphan-pages.md": page("Orphan Pages", "Orphan pages have no inbound internal links, so a crawler never finds them."),
        "link-velocity.md": page("Link Velocity", "Link velocity is how fast a site gains inbound links from other hosts."),
    ]

    /// `targets` plus `files`.
    static func site(_ files: [String: String]) throws -> SuggestFixture {
        try SuggestFixture(targets.merging(files) { _, new in new })
    }

    /// Where each suggestion from `path` points and where it sits.
    static func placed(_ suggestions: [Suggestion]) -> [String] {
        suggestions.map { "\($0.target)@\($0.offset)+\($0.length)" }
    }

    // MARK: Self-links

    @Test func anArticleNeverLinksToItself() throws {
        let fixture = try Self.site([
            "orphan-pages.md": Self.page("Orphan Pages", "Orphan pages hide from a crawler. Fix orphan pages with internal links."),
            "notes.md": Self.page("Notes", "Fix ⟦orphan pages⟧ with internal links. Orphan pages hide from a crawler."),
        ])
        let own = fixture.suggester().candidates()[fixture.index("orphan-pages.md")]
        #expect(own.allSatisfy { $0.target != fixture.index("orphan-pages.md") })
        #expect(fixture.suggestions(from: "orphan-pages.md").allSatisfy { $0.target != "orphan-pages.md" })
        // The same words in another article do become a link.
        let notes = fixture.suggestions(from: "notes.md")
        #expect(notes.map(\.target) == ["orphan-pages.md"])
        #expect(notes.map(\.offset) == fixture.marks("notes.md").map(\.lowerBound))
    }

    // MARK: Drafts and section pages

    @Test func aDraftIsNeverATarget() throws {
        let source = Self.page("Notes", "Plan your ⟦crawl budget⟧ before a crawler fetches every URL.")
        let draft = try Self.site([
            "crawl-budget.md": Self.page("Crawl Budget", "Crawl budget is how many URLs a crawler fetches.", extra: "draft: true\n"),
            "notes.md": source,
        ])
        #expect(draft.suggestions(from: "notes.md").isEmpty)
        #expect(!KeywordIndex(site: draft.site, graph: LinkGraph(site: draft.site)).topics.contains {
            $0.target == draft.index("crawl-budget.md")
        })
        let published = try Self.site([
            "crawl-budget.md": Self.page("Crawl Budget", "Crawl budget is how many URLs a crawler fetches.", extra: "draft: false\n"),
            "notes.md": source,
        ])
        let suggestions = published.suggestions(from: "notes.md")
        #expect(suggestions.map(\.target) == ["crawl-budget.md"])
        #expect(suggestions.map(\.offset) == published.marks("notes.md").map(\.lowerBound))
    }

    @Test func aDraftMayStillBeASource() throws {
        let fixture = try Self.site([
            "notes.md": Self.page("Notes", "Plan your ⟦crawl budget⟧ before a crawler fetches every URL.", extra: "draft: true\n")
        ])
        #expect(fixture.suggestions(from: "notes.md").map(\.target) == ["crawl-budget.md"])
    }

    @Test func aSectionPageIsNeverATarget() throws {
        let section = try SuggestFixture([
            "posts/_index.md": Self.page("Crawl Budget", "Crawl budget is how many URLs a crawler fetches."),
            "posts/notes.md": Self.page("Notes", "Plan your crawl budget before a crawler fetches every URL."),
        ])
        #expect(section.article("posts/_index.md").kind == .section)
        #expect(section.suggestions().isEmpty)
        let page = try SuggestFixture([
            "posts/crawl-budget.md": Self.page("Crawl Budget", "Crawl budget is how many URLs a crawler fetches."),
            "posts/notes.md": Self.page("Notes", "Plan your crawl budget before a crawler fetches every URL."),
        ])
        #expect(page.suggestions(from: "posts/notes.md").map(\.target) == ["posts/crawl-budget.md"])
    }

    // MARK: One link per target

    @Test func oneLinkPerTargetAtTheFirstMention() throws {
        let fixture = try Self.site([
            "notes.md": Self.page(
                "Notes",
                """
                Your ⟦crawl budget⟧ is what a crawler fetches per day.

                \(filler(words: 320))

                A small crawl budget means fewer URLs fetched from your host.
                """)
        ])
        #expect(fixture.article("notes.md").document.wordCount >= 300, "the cap must allow two links")
        let crawl = fixture.suggestions(from: "notes.md").filter { $0.target == "crawl-budget.md" }
        #expect(crawl.map(\.offset) == fixture.marks("notes.md").map(\.lowerBound))
        #expect(crawl.map(\.length) == fixture.marks("notes.md").map(\.count))
    }

    @Test func oneLinkPerTargetAtTheBestMention() throws {
        // The first mention sits in a table cell, which scores lower than prose: the later prose mention wins.
        let fixture = try Self.site([
            "notes.md": Self.page(
                "Notes",
                """
                | term | meaning |
                | --- | --- |
                | crawl budget | URLs a crawler fetches per day |

                Your ⟦crawl budget⟧ is what a crawler fetches per day.

                \(filler(words: 320))
                """)
        ])
        let source = fixture.index("notes.md")
        let scores = fixture.suggester().candidates()[source].filter { $0.target == fixture.index("crawl-budget.md") }
            .map(\.score)
        #expect(scores.count == 2)
        #expect(scores.allSatisfy { $0 > 0 })
        let crawl = fixture.suggestions(from: "notes.md").filter { $0.target == "crawl-budget.md" }
        #expect(crawl.map(\.offset) == fixture.marks("notes.md").map(\.lowerBound))
    }

    // MARK: Targets already linked

    @Test func aTargetTheSourceAlreadyLinksIsSkipped() throws {
        // Long enough that the cap leaves room for a new link besides the existing one.
        let body = """
            See [how fetching works](crawl-budget.md) first.

            \(filler(words: 600))

            Plan your ⟦crawl budget⟧ before a crawler fetches every URL.
            """
        let linked = try Self.site(["notes.md": Self.page("Notes", body)])
        #expect(linked.suggestions(from: "notes.md").filter { $0.target == "crawl-budget.md" }.isEmpty)
        let unlinked = try Self.site([
            "notes.md": Self.page("Notes", body.replacingOccurrences(of: "(crawl-budget.md)", with: "(elsewhere.md)"))
        ])
        let suggestions = unlinked.suggestions(from: "notes.md").filter { $0.target == "crawl-budget.md" }
        #expect(suggestions.map(\.offset) == unlinked.marks("notes.md").map(\.lowerBound))
    }

    // MARK: Links per article

    /// Three targets mentioned in three paragraphs, padded to `words` words of filler.
    static func threeTargets(padding words: Int) -> String {
        """
        Plan your crawl budget before a crawler fetches every URL.

        Fix orphan pages with inbound internal links.

        Watch your link velocity as a site gains inbound links.

        \(filler(words: words))
        """
    }

    @Test func aShortArticleGetsOneLink() throws {
        let fixture = try Self.site(["notes.md": Self.page("Notes", Self.threeTargets(padding: 60))])
        let source = fixture.index("notes.md")
        #expect(fixture.article("notes.md").document.wordCount < 150)
        #expect(Set(fixture.suggester().candidates()[source].map(\.target)).count == 3)
        #expect(fixture.suggestions(from: "notes.md").count == 1)
    }

    @Test func aboutOneLinkPer150Words() throws {
        let fixture = try Self.site(["notes.md": Self.page("Notes", Self.threeTargets(padding: 300))])
        let words = fixture.article("notes.md").document.wordCount
        #expect((300..<450).contains(words))
        #expect(fixture.suggestions(from: "notes.md").count == 2)
    }

    @Test func maxLinksCapsALongArticle() throws {
        let fixture = try Self.site(["notes.md": Self.page("Notes", Self.threeTargets(padding: 600))])
        #expect(fixture.article("notes.md").document.wordCount >= 450)
        #expect(fixture.suggestions(from: "notes.md", maxLinks: 10).count == 3)
        #expect(fixture.suggestions(from: "notes.md", maxLinks: 2).count == 2)
        #expect(fixture.suggestions(from: "notes.md", maxLinks: 1).count == 1)
    }

    @Test func theDefaultMaximumGrowsOnALongArticle() throws {
        let fixture = try Self.site(["notes.md": Self.page("Notes", Self.threeTargets(padding: 600))])
        let words = fixture.article("notes.md").document.wordCount
        #expect(words >= 600)
        func count(growth: Int?) -> Int {
            Suggester(
                site: fixture.site, graph: LinkGraph(site: fixture.site),
                options: SuggestOptions(minimumScore: 0, maximumLinksPerArticle: 2, longArticleWordsPerLink: growth)
            ).suggest().suggestions.filter { $0.source == "notes.md" }.count
        }
        #expect(count(growth: nil) == 2)
        #expect(count(growth: 200) == 3, "\(words) words allow one link per 200 words past the maximum")
        #expect(count(growth: words) == 2, "one link per \(words) words is fewer than the maximum")
    }

    @Test func theMaximumGrowsOnlyWhenNobodyGaveIt() {
        #expect(SuggestOptions(configuration: Configuration()).longArticleWordsPerLink == 200)
        #expect(SuggestOptions(configuration: Configuration()).maximumLinksPerArticle == 10)
        #expect(SuggestOptions(configuration: Configuration(), maximumLinksPerArticle: 10).longArticleWordsPerLink == nil)
        var configured = Configuration()
        configured.maximumLinksPerArticle = 4
        #expect(SuggestOptions(configuration: configured).longArticleWordsPerLink == nil)
        #expect(SuggestOptions(configuration: configured).maximumLinksPerArticle == 4)
    }

    @Test func theCapKeepsTheBestScoringLinks() throws {
        let fixture = try Self.site(["notes.md": Self.page("Notes", Self.threeTargets(padding: 300))])
        let source = fixture.index("notes.md")
        var best: [Int: Double] = [:]
        for candidate in fixture.suggester().candidates()[source] {
            best[candidate.target] = max(best[candidate.target] ?? 0, candidate.score)
        }
        let expected = best.sorted { $0.value > $1.value }.prefix(2).map { fixture.site.articles[$0.key].path }
        #expect(Set(fixture.suggestions(from: "notes.md").map(\.target)) == Set(expected))
    }

    // MARK: Sentences

    @Test func anExistingLinkOpeningAParagraphTakesItsSentence() throws {
        // Linked once (by the author or an earlier `apply`), the sentence has no room for another link.
        let text = "Read this first.\n\n[Orphan pages](orphan-pages.md) waste crawl budget on every crawler.\n\n\(filler(words: 320))"
        let fixture = try Self.site(["notes.md": Self.page("Notes", text)])
        let source = fixture.index("notes.md")
        #expect(fixture.suggester().candidates()[source].contains { fixture.site.articles[$0.target].path == "crawl-budget.md" })
        #expect(fixture.suggestions(from: "notes.md").isEmpty)
    }

    @Test func neverTwoLinksInOneSentence() throws {
        let together = try Self.site([
            "notes.md": Self.page(
                "Notes", "Fix orphan pages before a crawler spends your crawl budget.\n\n\(filler(words: 320))")
        ])
        let source = together.index("notes.md")
        let targets = Set(together.suggester().candidates()[source].map { together.site.articles[$0.target].path })
        #expect(targets == ["orphan-pages.md", "crawl-budget.md"])
        #expect(together.suggestions(from: "notes.md").count == 1)
        let apart = try Self.site([
            "notes.md": Self.page(
                "Notes",
                "Fix ⟦orphan pages⟧ first. Then a crawler spends your ⟦crawl budget⟧ well.\n\n\(filler(words: 320))")
        ])
        let suggestions = apart.suggestions(from: "notes.md")
        #expect(suggestions.map(\.offset) == apart.marks("notes.md").map(\.lowerBound))
        #expect(suggestions.map(\.target) == ["orphan-pages.md", "crawl-budget.md"])
    }

    @Test(arguments: ["!", "?"])
    func exclamationAndQuestionMarksEndSentences(mark: String) throws {
        let fixture = try Self.site([
            "notes.md": Self.page(
                "Notes",
                "Fix ⟦orphan pages⟧ first\(mark) Then a crawler spends your ⟦crawl budget⟧ well.\n\n\(filler(words: 320))")
        ])
        #expect(fixture.suggestions(from: "notes.md").map(\.offset) == fixture.marks("notes.md").map(\.lowerBound))
    }

    // MARK: Threshold

    @Test func suggestionsBelowTheMinimumScoreAreDropped() throws {
        let fixture = try Self.site(["notes.md": Self.page("Notes", Self.threeTargets(padding: 600))])
        let source = fixture.index("notes.md")
        var best: [Int: Double] = [:]
        for candidate in fixture.suggester().candidates()[source] {
            best[candidate.target] = max(best[candidate.target] ?? 0, candidate.score)
        }
        let scores = best.values.sorted()
        try #require(scores.count == 3 && scores[0] < scores[2])
        try #require(scores[0] < scores[1], "the two lowest scores must differ")
        let threshold = (scores[0] + scores[1]) / 2
        let result = fixture.suggester(minimumScore: threshold).suggest()
        #expect(result.minimumScore == threshold)
        #expect(result.thresholdOrigin == "given")
        let kept = result.suggestions.filter { $0.source == "notes.md" }
        #expect(kept.count == 2)
        let lowest = try #require(best.first { $0.value == scores[0] }?.key)
        #expect(!kept.map(\.target).contains(fixture.site.articles[lowest].path))
        #expect(fixture.suggestions(from: "notes.md", minimumScore: 1.01).isEmpty)
    }

    @Test func aSiteWithoutLinksUsesTheDefaultThreshold() throws {
        // A dense article scores well above 0.3; the same sentences diluted by filler score below it.
        let fixture = try Self.site([
            "dense.md": Self.page("Dense", Self.threeTargets(padding: 0)),
            "diluted.md": Self.page("Diluted", Self.threeTargets(padding: 300)),
        ])
        let result = fixture.suggester(minimumScore: nil).suggest()
        #expect(result.thresholdOrigin == "default")
        #expect(result.minimumScore == SuggestOptions.defaultMinimumScore)
        #expect(result.suggestions.filter { $0.source == "dense.md" }.count == 1)
        #expect(result.suggestions.filter { $0.source == "diluted.md" }.isEmpty)
        #expect(result.suggestions.allSatisfy { $0.score >= SuggestOptions.defaultMinimumScore })
        #expect(fixture.suggestions(from: "diluted.md", minimumScore: 0).count == 2)
    }

    // MARK: Topics that make poor anchors

    @Test(arguments: ["Click Here", "Read More", "Learn More", "This Post", "Blog Post"])
    func aGenericAnchorIsNeverATopic(title: String) throws {
        let file = title.lowercased().replacingOccurrences(of: " ", with: "-") + ".md"
        let fixture = try Self.site([
            file: Self.page(title, "Crawler fetches and inbound links, for \(title.lowercased())."),
            "notes.md": Self.page("Notes", "To plan a crawler's fetches, \(title.lowercased()) and see inbound links."),
        ])
        let index = KeywordIndex(site: fixture.site, graph: LinkGraph(site: fixture.site))
        #expect(!index.topics.contains { $0.target == fixture.index(file) })
        #expect(fixture.suggestions().allSatisfy { $0.target != file })
    }

    @Test func aGenericLinkTextIsNeverLearned() throws {
        let generic = try Self.site([
            "a.md": Self.page("Alpha", "For the numbers, [click here](crawl-budget.md) today."),
            "b.md": Self.page("Beta", "A crawler fetches URLs: click here to see a host."),
        ])
        let index = KeywordIndex(site: generic.site, graph: LinkGraph(site: generic.site))
        #expect(!index.topics.contains { $0.source == .learned })
        #expect(generic.suggestions(from: "b.md").isEmpty)
        // Control: descriptive link text is learned and suggested elsewhere.
        let descriptive = try Self.site([
            "a.md": Self.page("Alpha", "For the numbers, [fetch quotas](crawl-budget.md) today."),
            "b.md": Self.page("Beta", "A crawler fetches URLs: ⟦fetch quotas⟧ limit a host."),
        ])
        let learned = KeywordIndex(site: descriptive.site, graph: LinkGraph(site: descriptive.site)).topics
        #expect(learned.contains { $0.source == .learned && $0.keys == ["fetch", "quota"] })
        let suggestions = descriptive.suggestions(from: "b.md")
        #expect(suggestions.map(\.target) == ["crawl-budget.md"])
        #expect(suggestions.map(\.offset) == descriptive.marks("b.md").map(\.lowerBound))
    }

    @Test(arguments: ["What Is This", "About", "How To Do It", "The", "Why Not Both"])
    func aStopwordOnlyTitleIsNeverATopic(title: String) throws {
        let file = title.lowercased().replacingOccurrences(of: " ", with: "-") + ".md"
        let fixture = try Self.site([
            file: Self.page(title, "A crawler fetches inbound links."),
            "notes.md": Self.page("Notes", "A crawler asks: \(title)? \(title.lowercased()) is what a crawler fetches."),
        ])
        let index = KeywordIndex(site: fixture.site, graph: LinkGraph(site: fixture.site))
        #expect(!index.topics.contains { $0.target == fixture.index(file) })
        #expect(fixture.suggestions().allSatisfy { $0.target != file })
    }

    @Test(arguments: ["Performance", "Links", "Code"])
    func aSingleCommonWordIsNeverATopic(title: String) throws {
        let file = title.lowercased() + ".md"
        let fixture = try Self.site([
            file: Self.page(title, "A crawler fetches inbound links."),
            "notes.md": Self.page("Notes", "A crawler fetches \(title.lowercased()) and inbound links."),
        ])
        let index = KeywordIndex(site: fixture.site, graph: LinkGraph(site: fixture.site))
        #expect(!index.topics.contains { $0.target == fixture.index(file) })
        #expect(fixture.suggestions().allSatisfy { $0.target != file })
    }
}
