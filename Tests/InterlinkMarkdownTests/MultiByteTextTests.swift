import InterlinkMarkdown
import Testing

/// Non-ASCII prose: ranges are UTF-8 byte ranges and never split a character.
@Suite struct MultiByteTextTests {
    @Test func accentsCJKAndEmojiAreWholeSpans() throws {
        let (fixture, document) = try expectSpans(
            """
            ⟦Ümlauts and café crème — naïve.⟧

            ⟦内部リンクは大切です。⟧

            ⟦Links 🔗 help 👩‍💻 readers.⟧

            """)
        for span in document.spans {
            #expect(String(validating: fixture.bytes[span.range], as: UTF8.self) != nil)
        }
    }

    @Test func multiByteTextAroundInlines() throws {
        let (fixture, document) = try expectSpans("⟦Voilà ⟧*⟦déjà vu⟧*⟦ — ⟧⟪[liens](a.md)⟫⟦ ✓⟧\n")
        #expect(document.links.map(\.range) == fixture.marks)
    }

    @Test func multiByteColumnsOnContinuationLines() throws {
        try expectSpans("- ⟦Éléments de liste⟧\n  ⟦über ⟧⟪`código`⟫⟦ ça⟧\n")
    }

    @Test func multiByteHeadingIds() throws {
        let document = try MarkedFixture("## Ärger mit Links\n").parse()
        #expect(document.headings.first?.id == "ärger-mit-links")
    }
}
