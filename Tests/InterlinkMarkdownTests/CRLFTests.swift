import InterlinkMarkdown
import Testing

/// Files with `\r\n` line endings: ranges stay exact and never take in a `\r`.
@Suite struct CRLFTests {
    @Test func crlfParagraphsAndSoftBreaks() throws {
        let (fixture, document) = try expectSpans("⟦First line⟧\r\n⟦second line.⟧\r\n\r\n⟦Another paragraph.⟧\r\n")
        expectSpansClear(of: document, in: fixture)
        #expect(document.spans.map(\.block) == [1, 1, 2])
    }

    @Test func crlfFrontMatterHeadingsAndCode() throws {
        let (fixture, document) = try expectSpans(
            "⟪---\r\ntitle: Pagination\r\n---\r\n⟫⟪# Pagination⟫\r\n\r\n⟦Use ⟧⟪`rel=next`⟫⟦ wisely.⟧\r\n\r\n⟪```\r\ncode\r\n```⟫\r\n")
        #expect(document.frontMatter?.range == fixture.marks[0])
        #expect(zones(.heading, in: document) == [fixture.marks[1]])
        #expect(document.codeSpans.map(\.range) == [fixture.marks[2]])
        #expect(zones(.codeBlock, in: document) == [fixture.marks[3]])
    }

    @Test func crlfContinuationLinesInLists() throws {
        try expectSpans("- ⟦An item⟧\r\n  ⟦continued⟧\r\n- ⟦next ⟧⟪[link](a.md)⟫⟦ end⟧\r\n")
    }

    @Test func crlfTables() throws {
        let (fixture, document) = try expectSpans("|⟦ a ⟧|⟦ b ⟧|\r\n⟪|---|---|⟫\r\n|⟦ c ⟧|⟦ d ⟧|\r\n")
        #expect(zones(.tableDelimiter, in: document) == fixture.marks)
    }

    @Test func loneCarriageReturnsAreLineEndings() throws {
        let (_, document) = try expectSpans("⟦one⟧\r⟦two⟧\r")
        #expect(document.lines.lineCount == 3)
    }
}
