import InterlinkMarkdown
import Testing

/// Fenced and indented code blocks: forbidden from the first fence to the last line.
@Suite struct CodeBlockTests {
    @Test func fencedBlocksAreForbidden() throws {
        let (fixture, document) = try expectSpans(
            """
            ⟦Before the code.⟧

            ⟪```swift
            let title = "Internal linking"
            ```⟫

            ⟦After the code.⟧

            """)
        #expect(zones(.codeBlock, in: document) == fixture.marks)
        expectSpansClear(of: document, in: fixture)
    }

    @Test func tildeFencesAndUnclosedFencesAreForbidden() throws {
        let (fixture, document) = try expectSpans(
            """
            ⟪~~~
            anchor text
            ~~~⟫

            ⟪```
            never closed
            to the end⟫
            """)
        #expect(zones(.codeBlock, in: document) == fixture.marks)
    }

    /// cmark reports a fence left open in a list item as ending at the end of the paragraph after the
    /// list (a fuzzer finding): the zone ends with the item, and the paragraph after it stays prose.
    @Test func anUnclosedFenceEndsWithItsContainer() throws {
        let (fixture, document) = try expectSpans(
            """
            - ⟦Type⟧

            ⟪  ```ts
              interface Example {⟫

            ⟦Finally, the checks run every month.⟧

            > ⟦Quoted.⟧
            >
            ⟪> ```
            > code⟫

            ⟦After the quote.⟧

            """)
        #expect(zones(.codeBlock, in: document) == fixture.marks)
        expectSpansClear(of: document, in: fixture)
    }

    @Test func indentedBlocksAreForbidden() throws {
        let (fixture, document) = try expectSpans(
            """
            ⟦A paragraph.⟧

            ⟪    indented code
                more code⟫

            ⟦Prose again.⟧

            """)
        #expect(zones(.codeBlock, in: document) == fixture.marks)
    }

    @Test func codeBlocksInListsAreForbidden() throws {
        let (fixture, document) = try expectSpans(
            """
            - ⟦Item text⟧

            ⟪  ```
              nested code
              ```⟫

            """)
        #expect(zones(.codeBlock, in: document) == fixture.marks)
    }
}
