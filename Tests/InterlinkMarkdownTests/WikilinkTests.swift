import InterlinkMarkdown
import Testing

/// `[[Note]]`, `[[Note|alias]]` and `![[embeds]]`: forbidden, recorded as links.
@Suite struct WikilinkTests {
    @Test func wikilinksAreForbiddenAndRecorded() throws {
        let (fixture, document) = try expectSpans(
            "⟦See ⟧⟪[[Topic Clusters]]⟫⟦ and ⟧⟪[[pillar-pages#Outline|pillar pages]]⟫⟦ too.⟧\n")
        #expect(zones(.wikilink, in: document) == fixture.marks)
        #expect(document.links.map(\.kind) == [.wikilink, .wikilink])
        #expect(document.links.map(\.destination) == ["Topic Clusters", "pillar-pages#Outline"])
        #expect(document.links.map(\.text) == ["Topic Clusters", "pillar pages"])
        expectSpansClear(of: document, in: fixture)
    }

    @Test func embedsAreImages() throws {
        let (fixture, document) = try expectSpans("⟦A diagram ⟧⟪![[graph.png]]⟫⟦ here.⟧\n")
        #expect(zones(.wikilink, in: document) == fixture.marks)
        #expect(document.links.map(\.kind) == [.image])
    }

    @Test func unclosedWikilinksStayText() throws {
        let (_, document) = try expectSpans("⟦Not [[closed on this line.⟧\n")
        #expect(document.links.isEmpty)
    }
}
