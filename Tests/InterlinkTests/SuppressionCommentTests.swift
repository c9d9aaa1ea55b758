import Interlink
import Testing

/// `<!-- interlink-disable -->` … `<!-- interlink-enable -->` and `<!-- interlink-disable-next-line -->`.
/// In every fixture, `⟦…⟧` marks each mention of "crawl budget" expected to remain a place for a link;
/// an unmarked "crawl budget" is expected to be suppressed.
@Suite struct SuppressionCommentTests {
    static func page(_ title: String, _ body: String) -> String {
        "---\ntitle: \"\(title)\"\n---\n\n\(body)\n"
    }

    static func site(notes body: String) throws -> SuggestFixture {
        try SuggestFixture([
            "crawl-budget.md": page("Crawl Budget", "Crawl budget is how many URLs a crawler fetches from one host per day."),
            "notes.md": page("Notes", body),
        ])
    }

    /// The byte ranges of the crawl-budget mentions left in notes.md.
    static func mentions(_ fixture: SuggestFixture) -> [Range<Int>] {
        fixture.mentions(in: "notes.md").filter { $0.targets.contains("crawl-budget.md") }.map(\.range)
    }

    /// Every occurrence of "crawl budget" in notes.md, suppressed or not (case-insensitive).
    static func occurrences(_ fixture: SuggestFixture) -> Int {
        fixture.article("notes.md").text(0..<fixture.article("notes.md").bytes.count).lowercased()
            .components(separatedBy: "crawl budget").count - 1
    }

    static func expectOnlyMarkedMentions(
        _ body: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let fixture = try site(notes: body)
        let marks = fixture.marks("notes.md")
        #expect(Self.mentions(fixture) == marks, sourceLocation: sourceLocation)
        // The fixture really holds suppressed occurrences besides the marked ones.
        #expect(Self.occurrences(fixture) > marks.count, sourceLocation: sourceLocation)
        // The same text without its comments: every occurrence is a mention again.
        let plain = try site(
            notes: body.replacingOccurrences(of: "<!-- interlink-", with: "<!-- nothing-")
                .replacingOccurrences(of: "<!--interlink-", with: "<!--nothing-"))
        #expect(Self.mentions(plain).count == Self.occurrences(plain), sourceLocation: sourceLocation)
    }

    // MARK: disable / enable

    @Test func textBetweenDisableAndEnableIsNeverLinked() throws {
        try Self.expectOnlyMarkedMentions("""
            Plan your ⟦crawl budget⟧ before a crawler fetches every URL.

            <!-- interlink-disable -->
            A crawler spends crawl budget on every URL it fetches.

            Even in a second paragraph the crawl budget is left alone.
            <!-- interlink-enable -->

            Afterwards the ⟦crawl budget⟧ is a place for a link again.
            """)
    }

    @Test func theSuggestionMovesToTheTextOutsideTheDisabledPart() throws {
        let body = """
            <!-- interlink-disable -->
            A crawler spends crawl budget on every URL it fetches.
            <!-- interlink-enable -->

            Later the ⟦crawl budget⟧ of a host is explained.
            """
        let fixture = try Self.site(notes: body)
        let suggestions = fixture.suggestions(from: "notes.md")
        #expect(suggestions.map(\.target) == ["crawl-budget.md"])
        #expect(suggestions.map(\.offset) == fixture.marks("notes.md").map(\.lowerBound))
        // Without the comments the first, earlier occurrence is the one suggested.
        let plain = try Self.site(notes: body.replacingOccurrences(of: "<!-- interlink-", with: "<!-- nothing-"))
        let first = try #require(Self.mentions(plain).first)
        #expect(plain.suggestions(from: "notes.md").map(\.offset) == [first.lowerBound])
        #expect(first.lowerBound < fixture.marks("notes.md")[0].lowerBound)
    }

    @Test func disableWithoutEnableLastsToTheEndOfTheFile() throws {
        try Self.expectOnlyMarkedMentions("""
            The ⟦crawl budget⟧ comes first.

            <!-- interlink-disable -->
            Then crawl budget again.

            And the crawl budget at the very end.
            """)
    }

    @Test func anEnableWithoutDisableChangesNothingAndRepeatsAreHarmless() throws {
        let fixture = try Self.site(notes: """
            <!-- interlink-enable -->
            The ⟦crawl budget⟧ comes first.
            """)
        #expect(Self.mentions(fixture) == fixture.marks("notes.md"))
        try Self.expectOnlyMarkedMentions("""
            <!-- interlink-disable -->
            One crawl budget.
            <!-- interlink-disable -->
            Two crawl budget.
            <!-- interlink-enable -->
            The ⟦crawl budget⟧ after the first enable.
            """)
    }

    @Test func spacingInsideTheCommentDoesNotMatter() throws {
        try Self.expectOnlyMarkedMentions("""
            <!--interlink-disable-->
            A crawl budget here.
            <!--   interlink-enable   -->

            The ⟦crawl budget⟧ after.
            """)
    }

    // MARK: disable-next-line

    @Test func disableNextLineCoversExactlyTheNextLine() throws {
        try Self.expectOnlyMarkedMentions("""
            The ⟦crawl budget⟧ on the line before.
            <!-- interlink-disable-next-line -->
            The crawl budget on this line is not linked, nor this crawl budget.
            The ⟦crawl budget⟧ on the line after is.
            """)
    }

    @Test func disableNextLineBeforeABlankLineCoversOnlyTheBlankLine() throws {
        let fixture = try Self.site(notes: """
            <!-- interlink-disable-next-line -->

            The ⟦crawl budget⟧ two lines below is a place for a link.
            """)
        #expect(Self.mentions(fixture) == fixture.marks("notes.md"))
    }

    @Test func disableNextLineAtTheEndOfAParagraphLine() throws {
        try Self.expectOnlyMarkedMentions("""
            The ⟦crawl budget⟧ here is linkable. <!-- interlink-disable-next-line -->
            But the crawl budget here is not.
            And the ⟦crawl budget⟧ here is again.
            """)
    }

    @Test func disableNextLineAsTheLastLineIsHarmless() throws {
        let fixture = try Self.site(notes: "The ⟦crawl budget⟧ comes first.\n<!-- interlink-disable-next-line -->")
        #expect(Self.mentions(fixture) == fixture.marks("notes.md"))
    }

    // MARK: Comments in code

    @Test func aDisableCommentInAFencedCodeBlockHasNoEffect() throws {
        let fixture = try Self.site(notes: """
            To keep a part of a page unlinked, write:

            ```markdown
            <!-- interlink-disable -->
            ```

            Plan your ⟦crawl budget⟧ before a crawler fetches every URL.

                <!-- interlink-disable-next-line -->
            The ⟦crawl budget⟧ after an indented code block is linked too.

            Inline, `<!-- interlink-disable -->` is just code: the ⟦crawl budget⟧ here counts.
            """)
        #expect(Self.mentions(fixture) == fixture.marks("notes.md"))
        #expect(fixture.marks("notes.md").count == 3)
        #expect(fixture.article("notes.md").suppressedRanges.isEmpty)
    }

    @Test func aCommentOpenerInACodeSpanDoesNotHideTheRealCommentAfterIt() throws {
        try Self.expectOnlyMarkedMentions("""
            A comment starts with `<!--`; the ⟦crawl budget⟧ here is linkable.

            <!-- interlink-disable -->
            The crawl budget here is not.
            """)
    }

    @Test func aCommentInACodeBlockDoesNotEndASuppression() throws {
        try Self.expectOnlyMarkedMentions("""
            <!-- interlink-disable -->
            The crawl budget here is not linked.

            ```
            <!-- interlink-enable -->
            ```

            Nor is this crawl budget.
            <!-- interlink-enable -->
            But this ⟦crawl budget⟧ is.
            """)
    }
}
