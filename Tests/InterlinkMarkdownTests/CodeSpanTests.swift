import InterlinkMarkdown
import Testing

/// Inline code: never linkable inside, recorded whole (backticks included) as an atomic candidate.
@Suite struct CodeSpanTests {
    @Test func codeSpansAreWholeRangesWithBackticks() throws {
        let (fixture, document) = try expectSpans("⟦Call ⟧⟪`useState`⟫⟦ or ⟧⟪``use`Effect``⟫⟦ here.⟧\n")
        #expect(document.codeSpans.map(\.range) == fixture.marks)
        #expect(document.codeSpans.map(\.code) == ["useState", "use`Effect"])
        #expect(zones(.codeSpan, in: document) == fixture.marks)
        expectSpansClear(of: document, in: fixture)
    }

    @Test func paddedCodeSpansIncludeThePadding() throws {
        let (fixture, document) = try expectSpans("⟦The ⟧⟪`` `ticks` ``⟫⟦ span.⟧\n")
        #expect(document.codeSpans.map(\.range) == fixture.marks)
        #expect(document.codeSpans.map(\.code) == ["`ticks`"])
    }

    @Test func codeSpansKeepTheirBlockAndContext() throws {
        let (fixture, document) = try expectSpans("- ⟦Use ⟧⟪`rel=\"nofollow\"`⟫⟦ sparingly.⟧\n")
        #expect(document.codeSpans.map(\.range) == fixture.marks)
        #expect(document.codeSpans.first?.context == .listItem)
        #expect(document.codeSpans.first?.block == document.spans.first?.block)
    }

    @Test func codeSpansOnContinuationLinesAreFound() throws {
        let (fixture, document) = try expectSpans(
            """
            - ⟦An item whose text⟧
              ⟪`wraps`⟫⟦ onto a second line.⟧

            """)
        #expect(document.codeSpans.map(\.range) == fixture.marks)
    }

    @Test func codeInsideLinksIsNotACandidate() throws {
        let (fixture, document) = try expectSpans("⟪[`useState`](/api/use-state)⟫⟦ hook.⟧\n")
        #expect(document.codeSpans.isEmpty)
        #expect(document.links.map(\.range) == fixture.marks)
    }

    @Test func codeInHeadingsIsNotACandidate() throws {
        let document = try MarkedFixture("## The `useState` hook\n").parse()
        #expect(document.codeSpans.isEmpty)
    }
}
