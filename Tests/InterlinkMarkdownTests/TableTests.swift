import InterlinkMarkdown
import Testing

/// GFM tables: cells are split at `|`, the delimiter row is forbidden.
@Suite struct TableTests {
    @Test func cellsAreSeparateSpans() throws {
        let (fixture, document) = try expectSpans(
            """
            |⟦ Signal ⟧|⟦ Weight ⟧|
            ⟪|---|:---:|⟫
            |⟦ anchor text ⟧|⟦ high ⟧|
            |⟦ link equity ⟧|⟦ medium ⟧|

            """)
        #expect(zones(.tableDelimiter, in: document) == fixture.marks)
        #expect(Set(document.spans.map(\.context)) == [.tableCell])
        expectSpansClear(of: document, in: fixture)
    }

    @Test func tablesWithoutOuterPipesSplitToo() throws {
        let (fixture, document) = try expectSpans(
            """
            ⟦Term ⟧|⟦ Meaning⟧
            ⟪-----|--------⟫
            ⟦PageRank ⟧|⟦ a ⟧⟪`score`⟫

            """)
        #expect(zones(.tableDelimiter, in: document) == [fixture.marks[0]])
        #expect(document.codeSpans.map(\.range) == [fixture.marks[1]])
    }

    @Test func aParagraphWithAPipeIsNotATable() throws {
        let (_, document) = try expectSpans("⟦Either this | or that.⟧\n⟦Second line - dash.⟧\n")
        #expect(document.spans.map(\.context) == [.paragraph, .paragraph])
    }

    @Test func escapedPipesStayInsideTheirCell() throws {
        let (_, document) = try expectSpans("|⟦ a ⟧\\|⟦ b ⟧|⟦ c ⟧|\n|---|---|\n")
        #expect(document.spans.map(\.context) == [.tableCell, .tableCell, .tableCell])
    }

    @Test func linksAndCodeInCellsAreForbidden() throws {
        let (fixture, document) = try expectSpans("|⟦ Page ⟧|⟦ Note ⟧|\n|---|---|\n|⟦ ⟧⟪[audit](a.md)⟫⟦ ⟧|⟦ uses ⟧⟪`x`⟫⟦ ⟧|\n")
        #expect(document.links.map(\.range) == [fixture.marks[0]])
        #expect(document.codeSpans.map(\.range) == [fixture.marks[1]])
    }

    /// The delimiter zone is the whole line, quote marker included.
    @Test func tablesInBlockQuotes() throws {
        let (fixture, document) = try expectSpans("> |⟦ a ⟧|⟦ b ⟧|\n⟪> |---|---|⟫\n> |⟦ c ⟧|⟦ d ⟧|\n")
        #expect(zones(.tableDelimiter, in: document) == fixture.marks)
    }
}
