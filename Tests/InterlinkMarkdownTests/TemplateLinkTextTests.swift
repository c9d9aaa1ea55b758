import InterlinkMarkdown
import Testing

/// Template links whose text the construct scan cannot see from the template (`TemplateLinkText`): Hugo
/// and Jekyll render the template first and read one link with that text; so does the parser.
@Suite struct TemplateLinkTextTests {
    /// The file defines `[AsciiDoc]: …` too: cmark reads `[AsciiDoc]` as a link to the definition.
    @Test func aTextThatIsAlsoADefinedLabelIsTheTemplateLinksText() throws {
        let (fixture, document) = try expectSpans(
            "⟦Use ⟧⟪[AsciiDoc]({{< relref \"asciidoc.md\" >}})⟫⟦ here.⟧\n\n[AsciiDoc]: https://asciidoc.org/\n")
        #expect(document.links.map(\.kind) == [.template])
        #expect(document.links.map(\.text) == ["AsciiDoc"])
        #expect(document.links.map(\.destination) == ["asciidoc.md"])
        #expect(document.links.map(\.range) == fixture.marks)
        expectSpansClear(of: document, in: fixture)
    }

    /// A code span in the text: the text as cmark reads it, and no code span left inside the link
    /// (nothing is linked in a link's text).
    @Test func aTextHoldingCodeIsTheTemplateLinksText() throws {
        let (fixture, document) = try expectSpans("⟦See ⟧⟪[the `list` type]({{< relref \"types.md\" >}})⟫⟦ now.⟧\n")
        #expect(document.links.map(\.text) == ["the list type"])
        #expect(document.links.map(\.range) == fixture.marks)
        #expect(document.codeSpans.isEmpty)
        expectSpansClear(of: document, in: fixture)
        let liquid = try MarkedFixture("See [`x`]({% link a.md %}).\n").parse()
        #expect(liquid.links.map(\.text) == ["x"])
        #expect(liquid.links.map(\.template) == ["link"])
        #expect(liquid.codeSpans.isEmpty)
    }

    /// Wrapped over a line end (the scan reads each line apart): the text as cmark reads it.
    @Test func aWrappedTextIsTheTemplateLinksText() throws {
        let document = try MarkedFixture("See [Readable\nStream]({{< relref \"stream.md\" >}}) now.\n").parse()
        #expect(document.links.map(\.text) == ["Readable Stream"])
        #expect(document.links.map(\.range.lowerBound) == [4])
        #expect(document.spans.allSatisfy { !$0.range.overlaps(document.links[0].range) })
    }

    /// An image is no link, and brackets that close elsewhere are not the text's.
    @Test func imagesAndStrayBracketsAreNotTakenForText() throws {
        let image = try MarkedFixture("An ![image `x`]({{< relref \"a.md\" >}}) here.\n").parse()
        #expect(!image.links.contains { $0.kind == .template && !$0.text.isEmpty })
        let stray = try MarkedFixture("A ] and ({{< relref \"a.md\" >}}) here.\n").parse()
        #expect(stray.links.map(\.text) == [""])
    }

    @Test func theOpeningBracketBalancesNestingAndSkipsCodeAndEscapes() {
        func opening(_ text: String) -> Int? {
            let bytes = Array(text.utf8)
            return LinkTextBrackets.openingBracket(bytes, closing: bytes.lastIndex(of: UInt8(ascii: "]"))!, earliest: 0)
        }
        #expect(opening("x [a [b] c]") == 2)
        #expect(opening("x [a `]` c]") == 2)
        #expect(opening("x [a \\] c]") == 2)
        #expect(opening("[a]\n\n b]") == nil)
        #expect(opening("x ![a]") == nil)
        #expect(opening("no opening]") == nil)
    }
}
