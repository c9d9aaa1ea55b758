import InterlinkMarkdown
import Testing

/// Plain prose: paragraphs, soft and hard breaks, emphasis, and the block each span sits in.
@Suite struct ParagraphTests {
    @Test func aParagraphIsOneSpan() throws {
        try expectSpans("⟦Internal links help readers find related articles.⟧\n")
    }

    @Test func aFileWithoutFinalNewlineKeepsItsLastByte() throws {
        try expectSpans("⟦Orphan pages have no inbound links⟧")
    }

    @Test func softBreaksSplitSpansAtLineEnds() throws {
        try expectSpans("⟦Anchor text tells readers⟧\n⟦where a link goes.⟧\n")
    }

    @Test func hardBreaksLeaveTheTrailingBlanksOut() throws {
        try expectSpans("⟦First line⟧  \n⟦second line⟧\n")
    }

    @Test func emphasisSplitsSpansAndIsFlagged() throws {
        let (fixture, document) = try expectSpans("⟦Plain ⟧*⟦emphasis⟧*⟦ and ⟧**⟦strong⟧**⟦ text.⟧\n")
        #expect(document.spans.map(\.emphasized) == [false, true, false, true, false])
        expectSpansClear(of: document, in: fixture)
    }

    @Test func nestedEmphasisIsOneEmphasizedSpan() throws {
        let (_, document) = try expectSpans("***⟦both at once⟧***\n")
        #expect(document.spans.map(\.emphasized) == [true])
    }

    @Test func underscoreEmphasisInsideWordsIsText() throws {
        try expectSpans("⟦snake_case_name stays one span⟧\n")
    }

    @Test func paragraphsAreSeparateBlocks() throws {
        let (_, document) = try expectSpans("⟦First paragraph.⟧\n\n⟦Second paragraph.⟧\n")
        #expect(document.spans.map(\.block) == [1, 2])
        #expect(document.spans.map(\.context) == [.paragraph, .paragraph])
    }

    @Test func aLinkOpeningAParagraphIsInThatParagraph() throws {
        let text = "First paragraph ends here.\n\n[A link](a.md) opens the second\nparagraph.\n"
        let document = try MarkdownParser.parse(Array(text.utf8))
        let link = try #require(document.links.first)
        #expect(document.spans.map(\.block) == [1, 2, 2])
        #expect(document.block(containing: link.range) == 2)
    }

    @Test func listItemsAndBlockQuotesGiveTheirContext() throws {
        let (_, document) = try expectSpans(
            """
            - ⟦a list item⟧
            - ⟦another item⟧

            > ⟦a quoted line⟧

            1. ⟦ordered item⟧
               > ⟦quote inside an item⟧

            """)
        #expect(document.spans.map(\.context) == [.listItem, .listItem, .blockQuote, .listItem, .blockQuote])
    }

    @Test func thematicBreaksAreForbidden() throws {
        let (fixture, document) = try expectSpans("⟦Above.⟧\n\n⟪***⟫\n\n⟦Below.⟧\n")
        #expect(zones(.thematicBreak, in: document) == fixture.marks)
    }

    @Test func wordCountCountsProse() throws {
        let (_, document) = try expectSpans("⟦Link audits find broken links, don't they?⟧\n")
        #expect(document.wordCount == 7)
    }

    @Test func emptyInputHasNothing() throws {
        let document = try MarkdownParser.parse([])
        #expect(document.spans.isEmpty)
        #expect(document.forbiddenZones.isEmpty)
        #expect(document.wordCount == 0)
    }
}
