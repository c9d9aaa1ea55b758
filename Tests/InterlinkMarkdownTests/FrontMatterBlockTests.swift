import InterlinkMarkdown
import Testing

/// Front matter is cut off before cmark sees the body; every body range stays a file offset.
@Suite struct FrontMatterBlockTests {
    @Test func yamlBlockOffsetsAndBodyRanges() throws {
        let (fixture, document) = try expectSpans(
            """
            ⟪---
            title: "Anchor text"
            tags: [seo]
            ---
            ⟫⟪# Heading⟫

            ⟦Body prose.⟧

            """)
        let block = try #require(document.frontMatter)
        #expect(block.format == .yaml)
        #expect(block.range == fixture.marks[0])
        #expect(fixture.text(block.contentRange) == "title: \"Anchor text\"\ntags: [seo]\n")
        #expect(block.contentFirstLine == 2)
        #expect(zones(.frontMatter, in: document) == [fixture.marks[0]])
        #expect(zones(.heading, in: document) == [fixture.marks[1]])
        #expect(document.lines.location(of: document.spans[0].range.lowerBound).line == 7)
    }

    @Test func tomlBlockOffsets() throws {
        let (fixture, document) = try expectSpans(
            """
            ⟪+++
            title = "Nofollow"
            +++
            ⟫⟦Body.⟧

            """)
        let block = try #require(document.frontMatter)
        #expect(block.format == .toml)
        #expect(block.range == fixture.marks[0])
        #expect(fixture.text(block.contentRange) == "title = \"Nofollow\"\n")
    }

    @Test func yamlMayCloseWithDots() throws {
        let (fixture, document) = try expectSpans("⟪---\na: 1\n...\n⟫⟦Body.⟧\n")
        #expect(document.frontMatter?.range == fixture.marks[0])
    }

    @Test func emptyBlockAndBlockAtEndOfFile() throws {
        let (fixture, document) = try expectSpans("⟪---\n---⟫")
        #expect(document.frontMatter?.range == fixture.marks[0])
        #expect(document.frontMatter?.contentRange.isEmpty == true)
    }

    @Test func aThematicBreakLaterInTheFileIsNotFrontMatter() throws {
        let (_, document) = try expectSpans("⟦Prose first.⟧\n\n---\n\n⟦More.⟧\n")
        #expect(document.frontMatter == nil)
    }

    @Test func aDashLineWithTextIsNotAnOpeningDelimiter() throws {
        let document = try MarkedFixture("--- not front matter\n").parse()
        #expect(document.frontMatter == nil)
    }

    @Test func unterminatedFrontMatterThrowsWithTheOpeningLine() throws {
        let fixture = MarkedFixture("---\ntitle: x\n\nBody text.\n")
        #expect(throws: FrontMatterDelimiterError.self) { try fixture.parse() }
        do {
            _ = try FrontMatterBlock.locate(in: fixture.bytes)
        } catch {
            #expect(error.line == 1)
            #expect(error.message.contains("never closed"))
        }
    }
}
