import InterlinkMarkdown
import Testing

/// Container fences (VitePress and Docusaurus `:::`, MkDocs `!!!` and `???`) are paragraph text to cmark;
/// their lines are labels, never linked, while the prose inside the container stays linkable.
@Suite struct ContainerFenceTests {
    @Test func vitePressFenceLinesAreForbiddenAndTheirContentIsProse() throws {
        let (fixture, document) = try expectSpans("⟪::: tip Composition API⟫\n⟦Inside the tip.⟧\n⟪:::⟫\n")
        #expect(zones(.containerFence, in: document) == fixture.marks)
        expectSpansClear(of: document, in: fixture)
    }

    @Test func aFenceInsideAListItemIsFound() throws {
        let (fixture, document) = try expectSpans(
            "- ⟦Item.⟧\n\n  ⟪::: warning Security Note⟫\n  ⟦Escape the output.⟧\n  ⟪:::⟫\n")
        #expect(zones(.containerFence, in: document) == fixture.marks)
    }

    @Test func aDocusaurusTitleWithEmphasisIsForbiddenWhole() throws {
        let (fixture, document) = try expectSpans("⟪:::note[Read the *Guide* and `x`]⟫\n⟦Body text.⟧\n⟪:::⟫\n")
        #expect(zones(.containerFence, in: document) == fixture.marks)
        #expect(!document.spans.contains { fixture.text($0.range) == "Guide" })
        #expect(document.codeSpans.isEmpty)
    }

    @Test func mkDocsAdmonitionAndDetailsLinesAreForbidden() throws {
        let (fixture, document) = try expectSpans(
            "⟪!!! note \"Tabs Guide\"⟫\n\n⟦Between.⟧\n\n⟪??? question \"Why not?\"⟫\n\n⟪???+ tip⟫\n")
        #expect(zones(.containerFence, in: document) == fixture.marks)
    }

    @Test func mkDocsContentTabsAreFencesButSetextUnderlinesStayHeadings() throws {
        let (fixture, document) = try expectSpans("⟪=== \"Tab One\"⟫\n\n⟪===+ \"Tab Two\"⟫\n\n⟦Text ===\"x\"⟧\n")
        #expect(zones(.containerFence, in: document) == fixture.marks)
        let (_, setext) = try expectSpans("Title\n===\n\n⟦Body.⟧\n")
        #expect(setext.headings.map(\.text) == ["Title"])
    }

    @Test func calloutAndAlertMarkersInBlockQuotesAreFences() throws {
        let (fixture, document) = try expectSpans(
            "> ⟪[!note] Installation Guide⟫\n> ⟦The body.⟧\n\n> ⟪[!WARNING]-⟫\n\n⟦[!note] outside a quote.⟧\n")
        #expect(zones(.containerFence, in: document) == fixture.marks)
    }

    @Test func pymdownxBlocksAreFences() throws {
        let (fixture, document) = try expectSpans("⟪/// note | Page Speed⟫\n⟦Body text.⟧\n⟪///⟫\n\n⟦Not a /// fence.⟧\n")
        #expect(zones(.containerFence, in: document) == fixture.marks)
    }

    @Test func colonsAndBangsInProseAreNotFences() throws {
        let (_, document) = try expectSpans("⟦Wow!!! Great:::yes and :: two.⟧\n\n⟦!!!bang⟧\n\n⟦?? two⟧\n")
        #expect(zones(.containerFence, in: document).isEmpty)
    }
}
