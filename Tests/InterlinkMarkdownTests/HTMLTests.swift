import InterlinkMarkdown
import Testing

/// Inline and block HTML: tags are forbidden, and so is the text inside elements such as `<a>`.
@Suite struct HTMLTests {
    @Test func inlineTagsAndTheTextInsideTheirElementsAreForbidden() throws {
        let (fixture, document) = try expectSpans("⟦Some ⟧⟪<span class=\"x\">⟫marked⟪</span>⟫⟦ text.⟧\n")
        #expect(zones(.htmlInline, in: document) == fixture.marks)
    }

    @Test func textInsideAnAnchorElementIsNotLinkable() throws {
        let (fixture, document) = try expectSpans(
            "⟦Go to ⟧⟪<a href=\"/posts/x/\">⟫the *audit* page⟪</a>⟫⟦ now.⟧\n")
        #expect(zones(.htmlInline, in: document) == fixture.marks)
        expectSpansClear(of: document, in: fixture)
    }

    @Test func voidAndSelfClosingTagsDoNotOpenAnElement() throws {
        let (fixture, document) = try expectSpans("⟦Line⟧⟪<br>⟫⟦ break and ⟧⟪<img src=\"a.png\"/>⟫⟦ image.⟧\n")
        #expect(zones(.htmlInline, in: document) == fixture.marks)
    }

    @Test func commentsAreForbidden() throws {
        let (fixture, document) = try expectSpans("⟦Before ⟧⟪<!-- note -->⟫⟦ after.⟧\n")
        #expect(zones(.htmlInline, in: document) == fixture.marks)
    }

    @Test func htmlBlocksAreForbidden() throws {
        let (fixture, document) = try expectSpans(
            """
            ⟦Intro.⟧

            ⟪<div class="note">
            Prose inside a block is HTML, not Markdown.
            </div>⟫

            ⟦Outro.⟧

            """)
        #expect(zones(.htmlBlock, in: document) == fixture.marks)
        expectSpansClear(of: document, in: fixture)
    }
}
