import InterlinkMarkdown
import Testing

/// Headings: never linkable, recorded with level, text and fragment id.
@Suite struct HeadingTests {
    @Test func atxHeadingsAreForbiddenAndRecorded() throws {
        let (fixture, document) = try expectSpans(
            """
            ⟪# Internal Linking Guide⟫

            ⟦Some prose.⟧

            ⟪## Why *anchor* text matters⟫

            """)
        #expect(zones(.heading, in: document) == fixture.marks)
        #expect(document.headings.map(\.level) == [1, 2])
        #expect(document.headings.map(\.text) == ["Internal Linking Guide", "Why anchor text matters"])
        #expect(document.headings.map(\.range) == fixture.marks)
        #expect(document.firstH1 == "Internal Linking Guide")
    }

    @Test func setextHeadingsCoverBothLines() throws {
        let (fixture, document) = try expectSpans(
            """
            ⟪Link Equity
            ===========⟫

            ⟦Prose after.⟧

            """)
        #expect(zones(.heading, in: document) == fixture.marks)
        #expect(document.headings.first?.level == 1)
        #expect(document.headings.first?.text == "Link Equity")
    }

    /// cmark ends a setext heading that a paragraph follows at the end of that paragraph's first line
    /// (found by the fuzzer: the prose right after looked like part of the heading and overlapped its zone).
    @Test func setextHeadingFollowedByProseEndsAtItsUnderline() throws {
        let (fixture, document) = try expectSpans(
            """
            ⟪Link Equity
            spread over two lines
            ---------------------⟫
            ⟦Prose right after, no blank line.⟧

            ⟪> Quoted heading
            > ===⟫
            > ⟦More prose.⟧

            """)
        #expect(zones(.heading, in: document) == fixture.marks)
        #expect(document.headings.map(\.range) == fixture.marks)
        #expect(document.headings.map(\.text) == ["Link Equity spread over two lines", "Quoted heading"])
    }

    @Test func idsAreGitHubStyleSlugs() throws {
        let document = try MarkedFixture(
            """
            # Backlinks vs. Inbound Links
            ## What's `rel=nofollow`?
            ### Über-Optimierung & Co

            """
        ).parse()
        #expect(document.headings.map(\.id) == ["backlinks-vs-inbound-links", "whats-relnofollow", "über-optimierung--co"])
    }

    @Test func customIDsAreTakenAndRemovedFromText() throws {
        let document = try MarkedFixture("## Topic clusters {#clusters}\n\n# Plain {not-an-id}\n").parse()
        #expect(document.headings.map(\.id) == ["clusters", "plain-not-an-id"])
        #expect(document.headings.map(\.text) == ["Topic clusters", "Plain {not-an-id}"])
    }

    @Test func headingLinksAreRecordedButTheHeadingStaysForbidden() throws {
        let (fixture, document) = try expectSpans(
            "⟪## See ⟪[pillar pages](pillar-pages.md)⟫⟫\n\n⟪Setext ⟪[link](b.md)⟫\n---⟫\n")
        #expect(document.links.map(\.destination) == ["pillar-pages.md", "b.md"])
        #expect(document.links.map(\.range) == [fixture.marks[1], fixture.marks[3]])
        #expect(zones(.heading, in: document) == [fixture.marks[0], fixture.marks[2]])
        #expect(document.headings.first?.text == "See pillar pages")
    }

    @Test func headingWordsCount() throws {
        let document = try MarkedFixture("# Three word title\n\nTwo words\n").parse()
        #expect(document.wordCount == 5)
    }
}
