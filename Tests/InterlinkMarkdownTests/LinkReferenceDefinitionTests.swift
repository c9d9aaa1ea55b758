import InterlinkMarkdown
import Testing

/// Link reference definitions leave no cmark node: their lines are found in the raw text.
@Suite struct LinkReferenceDefinitionTests {
    @Test func definitionLinesAreForbidden() throws {
        let (fixture, document) = try expectSpans(
            """
            ⟦Text with ⟧⟪[a reference][r]⟫⟦.⟧

            ⟪[r]: https://example.com/ "Title"⟫
            ⟪  [other]: /posts/other/⟫

            """)
        let definitions = zones(.linkReferenceDefinition, in: document)
        #expect(definitions == Array(fixture.marks.dropFirst()))
        #expect(document.links.map(\.range) == [fixture.marks[0]])
        expectSpansClear(of: document, in: fixture)
    }

    @Test func aDefinitionOnlyFileHasNoSpans() throws {
        let (fixture, document) = try expectSpans("⟪[a]: /a/⟫\n⟪[b]: /b/⟫\n")
        #expect(zones(.linkReferenceDefinition, in: document) == fixture.marks)
    }

    @Test func definitionLikeLinesInCodeAreNotDefinitions() throws {
        let (fixture, document) = try expectSpans("⟪```\n[x]: /not-a-definition/\n```⟫\n")
        #expect(zones(.linkReferenceDefinition, in: document).isEmpty)
        #expect(zones(.codeBlock, in: document) == fixture.marks)
    }

    @Test func prosePhrasesWithColonsStayProse() throws {
        let (_, document) = try expectSpans("⟦Note [1]: this sentence is prose, not a definition?⟧\n")
        #expect(zones(.linkReferenceDefinition, in: document).isEmpty)
    }
}

extension LinkReferenceDefinitionTests {
    @Test func aDefinitionShapedContinuationLineIsProse() throws {
        let (_, document) = try expectSpans("⟦Intro line⟧\n⟦[1]: continues the paragraph⟧\n")
        #expect(zones(.linkReferenceDefinition, in: document).isEmpty)
    }
}
