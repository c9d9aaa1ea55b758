import InterlinkMarkdown
import Testing

/// MkDocs reads an admonition's or content tab's indented body as Markdown; cmark reads it as an indented
/// code block. In the MkDocs dialect the body is parsed as Markdown and mapped back onto the file's bytes.
@Suite struct IndentedContainerBodyTests {
    static let admonition = """
        ⟦Intro.⟧

        ⟪!!! note "Page Speed"⟫

            ⟦Inside the note, page speed matters.⟧

            ```python
            page_speed = 1
            ```

            ⟦Second paragraph.⟧

        ⟦After.⟧

        """

    @Test func anAdmonitionBodyIsProseAndItsFencedCodeStaysCode() throws {
        let (fixture, document) = try expectSpans(Self.admonition, dialect: .mkdocs)
        #expect(zones(.containerFence, in: document) == fixture.marks)
        #expect(zones(.codeBlock, in: document).count == 1)
        #expect(zones(.codeBlock, in: document).map(fixture.text) == ["```python\n    page_speed = 1\n    ```"])
        expectSpansClear(of: document, in: fixture)
    }

    @Test func elsewhereTheBodyIsTheCodeBlockCmarkReads() throws {
        let document = try MarkdownParser.parse(Array(MarkedFixture(Self.admonition).bytes))
        #expect(document.spans.count == 2)
    }

    @Test func nestedBodiesAndTabsAreProseButAnIndentedBlockWithoutOpenerIsCode() throws {
        let text = """
            ⟦Text.⟧

            ⟪??? tip⟫
                ⟦Lazy line of the tip.⟧

                ⟪!!! warning⟫

                    ⟦Nested warning.⟧

            ⟪=== "Tab"⟫

                ⟦Tab text.⟧

            ⟦Plain paragraph.⟧

                real code

            """
        let (fixture, document) = try expectSpans(text, dialect: .mkdocs)
        #expect(zones(.containerFence, in: document) == fixture.marks)
        #expect(zones(.codeBlock, in: document).map(fixture.text) == ["    real code"])
    }

    @Test func referenceLinksInABodyResolveWithTheFilesDefinitions() throws {
        let text = "⟪!!! note⟫\n\n    ⟦See ⟧⟪[the guide][g]⟫⟦ now.⟧\n\n⟪[g]: guide.md⟫\n"
        let (fixture, document) = try expectSpans(text, dialect: .mkdocs)
        #expect(document.links.map(\.destination) == ["guide.md"])
        #expect(document.links.map(\.range) == [fixture.marks[1]])
        #expect(zones(.linkReferenceDefinition, in: document) == [fixture.marks[2]])
    }

    @Test func aTabInTheIndentationLeavesTheBlockAsCode() throws {
        let (_, document) = try expectSpans("⟦Text.⟧\n\n!!! note\n\n\tTabbed body.\n", dialect: .mkdocs)
        #expect(zones(.codeBlock, in: document).count == 1)
    }
}
