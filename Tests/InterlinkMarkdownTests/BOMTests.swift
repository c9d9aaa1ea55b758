import InterlinkMarkdown
import Testing

/// A UTF-8 byte-order mark stays in the file; ranges count it.
@Suite struct BOMTests {
    @Test func bomBeforeProse() throws {
        let (fixture, document) = try expectSpans("\u{FEFF}⟦Prose after a BOM.⟧\n")
        #expect(fixture.spans == [3..<21])
        #expect(document.frontMatter == nil)
    }

    @Test func bomBeforeHeading() throws {
        let (fixture, document) = try expectSpans("\u{FEFF}⟪# Title⟫\n\n⟦Text.⟧\n")
        #expect(zones(.heading, in: document) == fixture.marks)
        #expect(document.headings.first?.text == "Title")
    }

    @Test func bomBeforeFrontMatter() throws {
        let (fixture, document) = try expectSpans("⟪\u{FEFF}---\ntitle: x\n---\n⟫⟦Body.⟧\n")
        let block = try #require(document.frontMatter)
        #expect(block.range == fixture.marks[0])
        #expect(fixture.marks[0].count == 3 + 17)
        #expect(fixture.text(block.contentRange) == "title: x\n")
    }
}
