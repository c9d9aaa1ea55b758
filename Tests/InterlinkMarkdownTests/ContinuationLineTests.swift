import InterlinkMarkdown
import Testing

/// cmark's inline columns on continuation lines ignore stripped indentation (and count indentation
/// that a lazy line lacks). Ranges must still be exact.
@Suite struct ContinuationLineTests {
    @Test func indentedContinuationLines() throws {
        try expectSpans(
            """
            ⟦A paragraph whose⟧
               ⟦second line is indented⟧
                 ⟦and the third more so.⟧

            """)
    }

    @Test func indentedContinuationLineOpeningWithAnInline() throws {
        let (fixture, document) = try expectSpans(
            """
            ⟦Text on line one⟧
               ⟪[a link](a.md)⟫⟦ opens line two⟧
               *⟦emphasis⟧*⟦ opens line three⟧
               ⟪`code`⟫⟦ opens line four⟧

            """)
        #expect(document.links.map(\.range) == [fixture.marks[0]])
        #expect(document.codeSpans.map(\.range) == [fixture.marks[1]])
    }

    @Test func lazyContinuationLinesInListItems() throws {
        try expectSpans(
            """
            - ⟦An item that goes on⟧
            ⟦lazily on an unindented line⟧
            - ⟦Second item⟧
               ⟦over-indented continuation⟧

            """)
    }

    @Test func lazyContinuationInNestedListsAndQuotes() throws {
        try expectSpans(
            """
            1. ⟦Outer⟧
               - ⟦Inner item⟧
            ⟦lazy inner line⟧

            > ⟦Quoted text⟧
            ⟦lazy quote line⟧
            >   ⟦indented quote line⟧

            """)
    }

    @Test func multiLineLinkFollowedByText() throws {
        let (fixture, document) = try expectSpans(
            """
            ⟦Read ⟧⟪[the guide to
            internal links](internal-linking.md)⟫⟦ before the rest.⟧

            """)
        #expect(document.links.map(\.range) == fixture.marks)
        #expect(document.links.map(\.text) == ["the guide to internal links"])
    }

    @Test func multiLineLinkInAListItemFollowedByText() throws {
        let (fixture, document) = try expectSpans(
            """
            - ⟦Item with ⟧⟪[a long
              link text](a.md)⟫⟦ and more.⟧
            ⟦A lazy line after it.⟧

            """)
        #expect(document.links.map(\.range) == fixture.marks)
    }
}
