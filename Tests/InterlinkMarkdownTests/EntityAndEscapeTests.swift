import InterlinkMarkdown
import Testing

/// Entities and backslash escapes read differently from their bytes: spans stop around them.
@Suite struct EntityAndEscapeTests {
    @Test func namedEntitiesSplitTheSpan() throws {
        let (fixture, document) = try expectSpans("⟦Links ⟧&amp;⟦ anchors ⟧&copy;⟦ 2024⟧\n")
        expectSpansClear(of: document, in: fixture)
        for span in document.spans { #expect(!fixture.text(span.range).contains("&")) }
    }

    @Test func numericEntitiesSplitTheSpan() throws {
        try expectSpans("⟦Em ⟧&#8212;⟦ dash and ⟧&#x2014;⟦ hex.⟧\n")
    }

    @Test func backslashEscapesSplitTheSpan() throws {
        // (An escaped bracket pair `\\[…\\]` is display math to MathJax: `InlineConstructTests`.)
        let (fixture, document) = try expectSpans("⟦Not ⟧\\*⟦emphasis⟧\\*⟦ and a ⟧\\[⟦bracket] or a ⟧\\<⟦tag⟧\\>⟦.⟧\n")
        for span in document.spans { #expect(!fixture.text(span.range).contains("\\")) }
    }

    @Test func escapesOnContinuationLines() throws {
        try expectSpans("- ⟦Item⟧\n  \\#⟦ not a heading ⟧&amp;⟦ fine⟧\n")
    }

    @Test func aBackslashBeforeALetterIsText() throws {
        try expectSpans("⟦C:\\Users stays literal⟧\n")
    }

    @Test func unknownEntitiesAreText() throws {
        try expectSpans("⟦Fish &chips; stay as written⟧\n")
    }
}
