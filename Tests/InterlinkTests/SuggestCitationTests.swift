import Interlink
import InterlinkMarkdown
import Testing

/// Citations: a mention written as the name of a page (title case the site does not otherwise use,
/// or the whole title verbatim around a matched part) rather than as a word of the sentence. Each
/// test fails when its rule is removed.
@Suite struct SuggestCitationTests {
    static func page(_ title: String, _ body: String) -> String {
        "---\ntitle: \"\(title)\"\n---\n\n\(body)\n"
    }

    /// A target with a section "Typing Component Props"; the site writes "typing", "component" and
    /// "props" in lower case.
    static let componentGuide = page(
        "Component Guide",
        """
        A component declares its props, and each component passes props down. Careful typing of props \
        helps, and static typing catches mistakes in every component.

        ## Typing Component Props

        With typing, component props are checked before the component runs.
        """)

    /// The candidates from `source` to `target`, in document order.
    static func candidates(_ fixture: SuggestFixture, from source: String, to target: String) -> [Candidate] {
        fixture.suggester().candidates()[fixture.index(source)]
            .filter { $0.target == fixture.index(target) }
            .sorted { $0.mention.range.lowerBound < $1.mention.range.lowerBound }
    }

    @Test func aTitleCasedMentionIsACitationAndWins() throws {
        let fixture = try SuggestFixture([
            "guide.md": Self.componentGuide,
            "notes.md": Self.page(
                "Notes",
                """
                Each component gets typing component props right. For the details of props, read \
                ⟦Typing Component Props⟧ in the guide.
                """),
        ])
        let found = Self.candidates(fixture, from: "notes.md", to: "guide.md")
        try #require(found.count == 2)
        #expect(!found[0].features.isCitation)
        #expect(found[1].features.isCitation)
        #expect(found[1].score > found[0].score)
        // The later, cited mention is linked, although earlier mentions are otherwise preferred.
        let suggestions = fixture.suggestions(from: "notes.md")
        #expect(suggestions.map(\.offset) == fixture.marks("notes.md").map(\.lowerBound))
        #expect(suggestions.first?.reason.contains("written as its name") == true)
    }

    @Test(arguments: ["Typing component props is easy.", "- Typing component props\n", "> Typing component props."])
    func aCapitalThatStartsASentenceOrLineIsNoCitation(text: String) throws {
        let fixture = try SuggestFixture([
            "guide.md": Self.componentGuide,
            "notes.md": Self.page("Notes", "A component with props.\n\n\(text)"),
        ])
        let found = Self.candidates(fixture, from: "notes.md", to: "guide.md")
        try #require(found.count == 1)
        #expect(!found[0].features.isCitation)
    }

    @Test func aWordTheSiteUsuallyCapitalisesIsNoCitation() throws {
        // "Cloud" and "Platform" are always capitalised here: a product name, not a quoted title.
        let fixture = try SuggestFixture([
            "gcp.md": Self.page(
                "Google Cloud Platform",
                "Google Cloud Platform runs servers. Deploy to Google Cloud Platform from the console."),
            "notes.md": Self.page("Notes", "We deploy our servers to Google Cloud Platform every week."),
        ])
        let found = Self.candidates(fixture, from: "notes.md", to: "gcp.md")
        try #require(found.count == 1)
        #expect(!found[0].features.isCitation)
        // The same words, usually written in lower case, do make a citation.
        let lower = try SuggestFixture([
            "gcp.md": Self.page(
                "Google Cloud Platform", "Google runs a cloud platform. Deploy to the cloud platform from the console."),
            "notes.md": Self.page("Notes", "We deploy our servers to Google Cloud Platform every week."),
        ])
        #expect(Self.candidates(lower, from: "notes.md", to: "gcp.md").map(\.features.isCitation) == [true])
    }

    @Test func theWholeTitleAroundAMatchedPartBecomesTheAnchor() throws {
        let fixture = try SuggestFixture([
            "context.md": Self.page(
                "Go Concurrency Patterns: Context",
                "A context carries cancellation and deadlines across goroutines and concurrency patterns."),
            "notes.md": Self.page(
                "Notes",
                "Our post ⟦Go Concurrency Patterns: Context⟧ covers cancellation across goroutines."),
        ])
        let suggestions = fixture.suggestions(from: "notes.md")
        let marked = try #require(fixture.marks("notes.md").first)
        #expect(suggestions.map(\.offset) == [marked.lowerBound])
        #expect(suggestions.map(\.length) == [marked.count])
        #expect(suggestions.first?.reason.hasPrefix("cites the target's title") == true)
        let found = Self.candidates(fixture, from: "notes.md", to: "context.md")
        #expect(found.allSatisfy { $0.features.citesTitle && $0.features.isCitation })
    }

    @Test func aLeadingArticleAloneDoesNotWidenTheAnchor() throws {
        let fixture = try SuggestFixture([
            "budget.md": Self.page("The Crawl Budget", "A crawl budget limits how many pages a crawler fetches."),
            "notes.md": Self.page("Notes", "Plan the ⟦crawl budget⟧ before a crawler fetches every page."),
        ])
        let suggestions = fixture.suggestions(from: "notes.md")
        #expect(suggestions.map(\.offset) == fixture.marks("notes.md").map(\.lowerBound))
        #expect(suggestions.map(\.anchor) == ["crawl budget"])
        #expect(Self.candidates(fixture, from: "notes.md", to: "budget.md").allSatisfy { !$0.features.isCitation })
    }

    @Test func aCitationDoublesTheScoreAndAnUncitedSectionWeighsLess() {
        let plain = CandidateFeatures(
            topicWeight: 0.6, specificity: 0.5, relatedness: 0.25, position: 0, ambiguity: 1, mentionsOfTarget: 1,
            words: 2, isCode: false, context: .paragraph)
        var section = plain
        section.isSection = true
        var cited = section
        cited.isCitation = true
        #expect(abs(Suggester.score(section) - 0.6 * Suggester.score(plain)) < 1e-9)
        #expect(abs(Suggester.score(cited) - 2 * Suggester.score(plain)) < 1e-9)
        var strong = plain
        strong.topicWeight = 1
        strong.specificity = 1
        strong.isCitation = true
        #expect(Suggester.score(strong) == 1)
    }

    @Test func titleCitationsDoNotCountAgainstTheDensityCap() throws {
        let targets = [
            "a.md": Self.page("Crawl Budget Basics", "The crawl budget basics: a crawler has a budget for each host."),
            "b.md": Self.page("Orphan Page Fixes", "Orphan page fixes: give every orphan page an inbound link."),
            "c.md": Self.page("Link Velocity Explained", "Link velocity explained: how fast a host gains inbound links."),
        ]
        let cited = try SuggestFixture(
            targets.merging([
                "notes.md": Self.page(
                    "Notes",
                    """
                    Last year we wrote ⟦Crawl Budget Basics⟧ for a crawler. Then came ⟦Orphan Page Fixes⟧ for \
                    each orphan page. Finally we wrote ⟦Link Velocity Explained⟧ about inbound links.
                    """)
            ]) { _, new in new })
        #expect(cited.article("notes.md").document.wordCount < 150)
        let suggestions = cited.suggestions(from: "notes.md")
        #expect(suggestions.map(\.offset) == cited.marks("notes.md").map(\.lowerBound))
        #expect(cited.suggestions(from: "notes.md", maxLinks: 2).count == 2)
        // Written as terms, the same phrases are topical links: one per 150 words.
        let terms = try SuggestFixture(
            targets.merging([
                "notes.md": Self.page(
                    "Notes",
                    """
                    Last year we wrote about crawl budget basics for a crawler. Then came orphan page fixes for \
                    each orphan page. Finally we wrote link velocity explained about inbound links.
                    """)
            ]) { _, new in new })
        #expect(terms.suggestions(from: "notes.md").count == 1)
    }

    @Test func aSentenceCitingSeveralTitlesLinksEachButNoTopicalLinkJoinsThem() throws {
        let targets = [
            "a.md": Self.page("Crawl Budget Basics", "The crawl budget basics: a crawler has a budget for each host."),
            "b.md": Self.page("Orphan Page Fixes", "Orphan page fixes: give every orphan page an inbound link."),
            "c.md": Self.page("Sitemaps", "A sitemap lists the pages of a host for a crawler."),
        ]
        // One sentence, a reading list of two whole titles: both are linked.
        let list = try SuggestFixture(
            targets.merging([
                "notes.md": Self.page(
                    "Notes",
                    """
                    For more detail see the posts “⟦Crawl Budget Basics⟧” and “⟦Orphan Page Fixes⟧” from last \
                    year, which every crawler team should read before planning anything for a large host.
                    """)
            ]) { _, new in new })
        #expect(list.suggestions(from: "notes.md").map(\.offset) == list.marks("notes.md").map(\.lowerBound))
        // A topical mention (not a citation) in a sentence that a citation took stays unlinked, and the
        // other way round: the citation and the topical link never share a sentence.
        let mixed = try SuggestFixture(
            targets.merging([
                "notes.md": Self.page(
                    "Notes",
                    """
                    For more detail see the post “⟦Crawl Budget Basics⟧” and keep the sitemaps of every host \
                    current, which every crawler team should do before planning anything for a large host.
                    """)
            ]) { _, new in new })
        let mixedCandidates = Self.candidates(mixed, from: "notes.md", to: "c.md")
        #expect(!mixedCandidates.isEmpty)
        #expect(mixed.suggestions(from: "notes.md").map(\.offset) == mixed.marks("notes.md").map(\.lowerBound))
    }

    @Test func aFileNameWrittenWithItsHyphensIsACitation() throws {
        let fixture = try SuggestFixture([
            "features/graph-visualization.md": Self.page("Graph Visualization", "The graph shows notes and links."),
            "features/follow-up.md": Self.page("Follow-up", "Follow-up notes."),
            "publishing/publish-to-github-pages.md": Self.page("Publish to GitHub Pages", "Push, then serve."),
            "notes.md": Self.page(
                "Notes",
                """
                Our graph visualization is useful; open ⟦graph-visualization⟧. A follow-up is due, the GRAPH-VISUALIZATION
                shouting is no name, and a graph-visualization tool is a compound. The ⟦publish-to-github-pages⟧
                recipe is not.
                """),
        ])
        let toGraph = Self.candidates(fixture, from: "notes.md", to: "features/graph-visualization.md")
        #expect(toGraph.count == 4)
        #expect(toGraph.map(\.features.isCitation) == [false, true, false, false])
        #expect(toGraph[1].mention.range == fixture.marks("notes.md")[0])
        // "Follow-up" hyphenates its own title: the word is the title, not a file name cited.
        let toFollowUp = Self.candidates(fixture, from: "notes.md", to: "features/follow-up.md")
        #expect(toFollowUp.count == 1)
        #expect(toFollowUp.allSatisfy { !$0.features.isCitation })
        // Three words hyphenated are no compound anyone writes: a citation before a noun too.
        let toPublish = Self.candidates(fixture, from: "notes.md", to: "publishing/publish-to-github-pages.md")
        #expect(toPublish.map(\.features.isCitation) == [true])
        #expect(toPublish.map(\.mention.range) == [fixture.marks("notes.md")[1]])
    }
}

/// Calibration treats a site's existing links as positives: each must score what its own words
/// would score as a candidate, or a site whose links `apply` wrote calibrates itself lower and lower.
@Suite struct CalibrationScoreTests {
    static let page = SuggestCitationTests.page

    /// The best candidate score from `source` to `target`, and the score of the existing link from
    /// `linked` to `target` (the two sources hold the same words, one as a link).
    static func scores(_ files: [String: String], plain: String, linked: String, target: String) throws
        -> (candidate: Double, link: Double)
    {
        let fixture = try SuggestFixture(files)
        let suggester = fixture.suggester()
        let candidate = try #require(
            suggester.candidates()[fixture.index(plain)].filter { $0.target == fixture.index(target) }
                .map(\.score).max())
        let link = try #require(
            suggester.existingLinkScores()[LinkedPair(source: fixture.index(linked), target: fixture.index(target))])
        return (candidate, link)
    }

    @Test func aLinkedPhraseCountsOnceInItsDocumentFrequency() throws {
        let (candidate, link) = try Self.scores(
            [
                "orphan-pages.md": Self.page("Orphan Pages", "Orphan pages have no inbound links, so crawlers miss them."),
                "plain.md": Self.page("Plain", "Fix orphan pages with inbound links before crawlers visit."),
                "linked.md": Self.page("Linked", "Fix [orphan pages](orphan-pages.md) with inbound links before crawlers visit."),
                "other.md": Self.page("Other", "Crawlers visit every host."),
            ], plain: "plain.md", linked: "linked.md", target: "orphan-pages.md")
        #expect(abs(candidate - link) < 0.02, "candidate \(candidate), existing link \(link)")
    }

    /// A code link (`` [`useState`](…) ``) is scored as the inline code mention it would be proposed as;
    /// it scored 0 before, and a site whose links are mostly code names calibrated to the lowest threshold.
    @Test func aCodeLinkScoresAsTheCodeMention() throws {
        let (candidate, link) = try Self.scores(
            [
                "api/use-state.md": Self.page("useState", "The state hook returns a value and a setter for components."),
                "plain.md": Self.page("Plain", "Call `useState` to keep a value between renders of components."),
                "linked.md": Self.page("Linked", "Call [`useState`](api/use-state.md) to keep a value between renders of components."),
                "other.md": Self.page("Other", "Renders happen often."),
            ], plain: "plain.md", linked: "linked.md", target: "api/use-state.md")
        #expect(link > 0)
        #expect(abs(candidate - link) < 0.02, "candidate \(candidate), existing link \(link)")
    }

    /// A link from a post to a later post is scored with the same publication-order factor as the
    /// candidate it would be.
    @Test func aLinkForwardInTimeScoresAsTheForwardCandidate() throws {
        func post(_ title: String, _ date: String, _ body: String) -> String {
            "---\ntitle: \"\(title)\"\ndate: \(date)\n---\n\n\(body)\n"
        }
        let (candidate, link) = try Self.scores(
            [
                "posts/orphan-pages.md": post("Orphan Pages", "2022-01-01", "Orphan pages have no inbound links."),
                "posts/plain.md": post("Plain", "2020-01-01", "Fix orphan pages with inbound links before crawlers visit."),
                "posts/linked.md": post(
                    "Linked", "2020-01-01", "Fix [orphan pages](orphan-pages.md) with inbound links before crawlers visit."),
                "posts/other.md": post("Other", "2020-01-01", "Crawlers visit every host."),
            ], plain: "posts/plain.md", linked: "posts/linked.md", target: "posts/orphan-pages.md")
        #expect(abs(candidate - link) < 0.02, "candidate \(candidate), existing link \(link)")
    }

    /// A link on words of the source's own title is scored with the same own-subject factor as the
    /// candidate it would be.
    @Test func aLinkOnTheSourceOwnSubjectScoresAsThatCandidate() throws {
        let (candidate, link) = try Self.scores(
            [
                "orphan-pages.md": Self.page("Orphan Pages", "Orphan pages have no inbound links, so crawlers miss them."),
                "plain.md": Self.page("Orphan Pages in 2024", "Fix orphan pages with inbound links before crawlers visit."),
                "linked.md": Self.page(
                    "Orphan Pages in 2023", "Fix [orphan pages](orphan-pages.md) with inbound links before crawlers visit."),
                "other.md": Self.page("Other", "Crawlers visit every host."),
            ], plain: "plain.md", linked: "linked.md", target: "orphan-pages.md")
        #expect(abs(candidate - link) < 0.02, "candidate \(candidate), existing link \(link)")
    }

    @Test func aLinkOnAWholePunctuatedTitleScoresAsACitation() throws {
        // Written in lower case, the title is a citation only because it stands whole, colon and
        // all; scored as a plain title it would get about half the candidate's score.
        var files = [
            "pipelines.md": Self.page(
                "Concurrency patterns: pipelines",
                "Goroutines send values through channels; a stage closes its outbound channel when done, "
                    + "and buffered channels decouple senders from receivers under load."),
            "plain.md": Self.page(
                "Plain", "Read concurrency patterns: pipelines today. Tomatoes need compost, water and sunlight; basil grows beside them in summer heat."),
            "linked.md": Self.page(
                "Linked",
                "Read [concurrency patterns: pipelines](pipelines.md) today. Tomatoes need compost, water and sunlight; basil grows beside them in summer heat."),
        ]
        for (index, topic) in ["violins", "glaciers", "bakeries", "harbours", "orchards", "comets"].enumerated() {
            files["other-\(index).md"] = Self.page("Other \(index)", "Notes on \(topic) and more \(topic).")
        }
        let (candidate, link) = try Self.scores(files, plain: "plain.md", linked: "linked.md", target: "pipelines.md")
        try #require(candidate < 0.9, "the fixture must leave room below the cap of 1 (candidate \(candidate))")
        #expect(link >= candidate - 0.02, "candidate \(candidate), existing link \(link)")
    }

    @Test(arguments: [". Tomatoes", " for it. Tomatoes"])
    func aLinkOnAFileNameWithItsHyphensScoresAsTheCandidateItWouldBe(after: String) throws {
        // A citation where nothing follows, an ordinary compound before a word: scored otherwise, the link
        // would score apart from the candidate it would be, and a second `apply` would calibrate on it
        // to another threshold and link more (or less).
        var files = [
            "graph-visualization.md": Self.page(
                "Graph Visualization", "Nodes are notes, edges are links, and colours mark tags in the graph."),
            "plain.md": Self.page(
                "Plain", "See graph-visualization\(after) need compost, water and sunlight; basil grows beside them."),
            "linked.md": Self.page(
                "Linked",
                "See [graph-visualization](graph-visualization.md)\(after) need compost, water and sunlight; basil grows beside them."),
        ]
        for (index, topic) in ["violins", "glaciers", "bakeries", "harbours", "orchards", "comets"].enumerated() {
            // Half of them speak of graph visualization too: the phrase is not rare enough to score 1.
            let more = index % 2 == 0 ? " A graph visualization helps." : ""
            files["other-\(index).md"] = Self.page("Other \(index)", "Notes on \(topic) and more \(topic).\(more)")
        }
        let (candidate, link) = try Self.scores(
            files, plain: "plain.md", linked: "linked.md", target: "graph-visualization.md")
        try #require(candidate < 0.9, "the fixture must leave room below the cap of 1 (candidate \(candidate))")
        #expect(abs(candidate - link) < 0.02, "candidate \(candidate), existing link \(link)")
    }
}

