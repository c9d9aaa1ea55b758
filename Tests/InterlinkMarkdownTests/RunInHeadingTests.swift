import InterlinkMarkdown
import Testing

/// Strong emphasis that opens a paragraph or list item (`**Step one.** Do this…`) is a run-in
/// heading: readers scan it like a heading, so nothing in it is linkable.
@Suite struct RunInHeadingTests {
    @Test func boldLabelOpeningAParagraphIsNotLinkable() throws {
        try expectSpans("**Redirect chains.**⟦ Links that pass through redirects waste crawl budget.⟧\n")
    }

    @Test func boldLabelOpeningAListItemIsNotLinkable() throws {
        try expectSpans("- **Fix orphan pages.**⟦ Link to them from related articles.⟧\n")
    }

    @Test func inlineCodeInARunInHeadingIsNoCandidate() throws {
        let document = try MarkdownParser.parse(Array("**Use `rel=canonical`.** Then check it.\n".utf8))
        #expect(document.codeSpans.isEmpty)
    }

    @Test func boldLaterInTheSentenceStaysLinkable() throws {
        try expectSpans("⟦Always check ⟧**⟦redirect chains⟧**⟦ first.⟧\n")
    }

    @Test func italicOpeningAParagraphStaysLinkable() throws {
        try expectSpans("*⟦Orphan pages⟧*⟦ hide from readers.⟧\n")
    }
}
