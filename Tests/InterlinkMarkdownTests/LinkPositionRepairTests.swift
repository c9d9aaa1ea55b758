import InterlinkMarkdown
import Testing

/// cmark reports some links at nonsense positions (an autolink after a soft line break, for one);
/// their ranges are rebuilt from their children and checked against the raw bytes.
@Suite struct LinkPositionRepairTests {
    private func link(_ text: String, _ written: String) throws -> MarkdownLink {
        let bytes = Array(text.utf8)
        let document = try MarkdownParser.parse(bytes)
        let link = try #require(document.links.first)
        #expect(String(decoding: bytes[link.range], as: UTF8.self) == written)
        #expect(document.unmappedTextCount == 0)
        return link
    }

    @Test func autolinkOnAContinuationLine() throws {
        let found = try link("First line of text\nand <https://example.com/x> here.\n", "<https://example.com/x>")
        #expect(found.kind == .autolink)
        #expect(found.destination == "https://example.com/x")
    }

    @Test func autolinkOnAnIndentedContinuationLine() throws {
        let found = try link("First line\n   see <https://example.com/y>.\n", "<https://example.com/y>")
        #expect(found.kind == .autolink)
    }

    @Test func autolinkOnAFirstLineKeepsItsRange() throws {
        _ = try link("See <https://example.com/z> now.\n", "<https://example.com/z>")
    }

    @Test func inlineLinkOnAContinuationLine() throws {
        _ = try link("First line\nthen [orphan pages](/posts/orphan-pages/) too.\n", "[orphan pages](/posts/orphan-pages/)")
    }

    @Test func textAfterARepairedAutolinkStaysLinkable() throws {
        let bytes = Array("First line\nand <https://example.com/x> orphan pages.\n".utf8)
        let document = try MarkdownParser.parse(bytes)
        let texts = document.spans.map { String(decoding: bytes[$0.range], as: UTF8.self) }
        #expect(texts.contains(" orphan pages."))
        #expect(!texts.contains { $0.contains("https") })
    }
}
