import Testing

@testable import Interlink

/// A topic matches every spelling of its phrase that means the same words, and nothing else.
/// Each test marks with `⟦…⟧` exactly the mentions it expects in the source article.
@Suite struct KeywordIndexNormalisationTests {
    /// A site of one target with `title` (plus `extra` front matter) and one source with `body`.
    private func fixture(title: String, extra: String = "", body: String) throws -> SuggestFixture {
        try SuggestFixture([
            "target.md": "---\ntitle: \"\(title)\"\n\(extra)---\n\nNothing to see.\n",
            "source.md": "---\ntitle: Notes\n---\n\n" + body,
        ])
    }

    /// Checks that the mentions of the target in the source are exactly the marked ranges.
    private func expectMarkedMentions(
        _ fixture: SuggestFixture, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let found = fixture.mentions(in: "source.md").filter { $0.targets.contains("target.md") }
        let marks = fixture.marks("source.md")
        #expect(found.map(\.text) == marks.map { fixture.text("source.md", $0) }, sourceLocation: sourceLocation)
        #expect(found.map(\.range) == marks, sourceLocation: sourceLocation)
    }

    @Test func pluralTopicMatchesSingularText() throws {
        let fixture = try fixture(
            title: "Orphan Pages", body: "An ⟦orphan page⟧ has no links.\n\nMost ⟦orphan pages⟧ are old.\n")
        expectMarkedMentions(fixture)
    }

    @Test func singularTopicMatchesPluralText() throws {
        let fixture = try fixture(
            title: "Orphan Page", body: "Find ⟦orphan pages⟧ first.\n\nOne ⟦orphan page⟧ is enough.\n")
        expectMarkedMentions(fixture)
    }

    @Test func iesPluralMatchesYSingular() throws {
        let fixture = try fixture(
            title: "Crawl Policy", body: "Both ⟦crawl policies⟧ differ.\n\nA ⟦crawl policy⟧ helps.\n")
        expectMarkedMentions(fixture)
    }

    @Test func matchingIgnoresCase() throws {
        let fixture = try fixture(
            title: "Orphan Pages",
            body: "⟦ORPHAN PAGES⟧ shout.\n\n⟦Orphan Pages⟧ in title case.\n\n⟦oRpHaN pAgEs⟧ in any case.\n")
        expectMarkedMentions(fixture)
    }

    @Test func possessiveAfterAPhraseIsLeftOutOfTheAnchor() throws {
        let fixture = try fixture(
            title: "Garbage Collector",
            body: "The ⟦garbage collector⟧'s pauses are short.\n\nThe ⟦garbage collector⟧’s heap grows.\n")
        expectMarkedMentions(fixture)
    }

    @Test func possessiveInsideAPhraseStillMatches() throws {
        // "Go's Declaration Syntax" is a real title: its own words, written in prose, must match it.
        let fixture = try fixture(
            title: "Go's Declaration Syntax",
            body: "Read about ⟦Go's declaration syntax⟧ first.\n\nThen ⟦Go’s declaration syntax⟧ again.\n")
        expectMarkedMentions(fixture)
    }

    @Test func curlyApostropheInTheTitleMatchesAStraightOneInText() throws {
        let fixture = try fixture(
            title: "Don’t Repeat Yourself",
            body: "The rule ⟦don't repeat yourself⟧ is old.\n\nAnd ⟦Don’t Repeat Yourself⟧ too.\n")
        expectMarkedMentions(fixture)
    }

    @Test func hyphenatedTopicMatchesSpacedText() throws {
        let fixture = try fixture(
            title: "Pre-commit Hooks", body: "Install ⟦pre commit hooks⟧ now.\n\nOr ⟦pre-commit hooks⟧ later.\n")
        expectMarkedMentions(fixture)
    }

    @Test func spacedTopicMatchesHyphenatedText() throws {
        let fixture = try fixture(
            title: "Pre Commit Hooks", body: "Install ⟦pre-commit hooks⟧ now.\n\nOr ⟦pre commit hooks⟧ later.\n")
        expectMarkedMentions(fixture)
    }

    @Test func allCapsAliasMatchesOnlyItsOwnCase() throws {
        let fixture = try fixture(
            title: "Bidirectional Anchor Digest", extra: "aliases: [BAD]\n",
            body: "A ⟦BAD⟧ entry.\n\nTwo ⟦BADs⟧ here.\n\nA bad day, a Bad idea, some bads.\n")
        expectMarkedMentions(fixture)
    }

    @Test func allCapsTitleMatchesOnlyItsOwnCase() throws {
        let fixture = try fixture(
            title: "SEO", body: "Good ⟦SEO⟧ work.\n\nAll the ⟦SEOs⟧ agree.\n\nThe seo of it, the Seo plan.\n")
        expectMarkedMentions(fixture)
    }

    @Test func topicNeverMatchesInsideALongerWord() throws {
        let fixture = try fixture(
            title: "Hreflang",
            body: "Set ⟦hreflang⟧ tags.\n\nMany ⟦hreflangs⟧ exist.\n\nNot hreflangish, prehreflang or hreflang2x.\n")
        expectMarkedMentions(fixture)
    }

    @Test func matchesNeverCrossClauseOrSentencePunctuation() throws {
        let fixture = try fixture(
            title: "Orphan Pages",
            body: """
                An orphan, pages later. An orphan; pages. An orphan. Pages follow. An orphan: pages.

                An orphan (pages). An orphan! Pages. An orphan? Pages. An orphan — pages.

                Only ⟦orphan pages⟧ match.

                """)
        expectMarkedMentions(fixture)
    }

    /// A name written with a spaced hyphen or dash matches where the prose writes it so (the dash
    /// joins only a name that has one, `NodeFlags.undashed`).
    @Test(arguments: ["-", "–", "—"])
    func aNameWithASpacedDashMatchesWithIt(dash: String) throws {
        let fixture = try fixture(
            title: "Type Inference \(dash) And More",
            body: "Read ⟦type inference \(dash) and more⟧ first.\n")
        expectMarkedMentions(fixture)
    }

    @Test func spacedDashesAreFoundInPhrases() {
        for phrase in ["A - B", "A – B", "A — B", " - ", "Long name — and more"] {
            #expect(KeywordIndex.hasSpacedDash(phrase), "\(phrase)")
        }
        for phrase in ["A-B", "A –B", "A— B", "A –", "–", "", "A ‐ B", "A ― B"] {
            #expect(!KeywordIndex.hasSpacedDash(phrase), "\(phrase)")
        }
    }

    @Test func matchesNeverCrossEmphasisOrCodeSpanBoundaries() throws {
        let fixture = try fixture(
            title: "Orphan Pages",
            body: """
                An *orphan* pages. An orphan *pages*. An **orphan** pages. An orphan `pages` list.

                An `orphan` pages list. An [orphan](x.md) pages list.

                Whole emphasis works: *⟦orphan pages⟧*.

                """)
        expectMarkedMentions(fixture)
    }

    @Test func matchesCrossASoftLineBreakButNeverAHardOne() throws {
        let fixture = try fixture(
            title: "Orphan Pages",
            body: "An ⟦orphan\npages⟧ list, wrapped.\n\nA hard break: orphan  \npages list.\n\nOne line: ⟦orphan pages⟧.\n")
        // A soft line break is a span boundary in the Markdown layer, which the matcher reads across
        // (`SoftLineBreak`); a hard one ends the phrase.
        expectMarkedMentions(fixture)
    }
}
