import InterlinkMarkdown
import Testing

/// Bare URLs that GitHub-flavoured renderers link: forbidden, trailing punctuation left as prose.
@Suite struct BareURLTests {
    @Test func bareURLsAreForbidden() throws {
        let (fixture, document) = try expectSpans(
            "⟦Visit ⟧⟪https://example.com/a?b=c⟫⟦, or ⟧⟪www.example.org/path⟫⟦.⟧\n")
        #expect(zones(.bareURL, in: document) == fixture.marks)
        #expect(document.links.isEmpty)
    }

    @Test func closingParenthesisAfterAURLIsProse() throws {
        let (fixture, document) = try expectSpans("⟦(see ⟧⟪http://example.com⟫⟦)⟧\n")
        #expect(zones(.bareURL, in: document) == fixture.marks)
    }

    @Test func wordsThatMerelyContainTheSchemeAreNotURLs() throws {
        let (_, document) = try expectSpans("⟦Showhttps://x is glued; whatever.⟧\n")
        #expect(zones(.bareURL, in: document).isEmpty)
    }
}
