import Foundation
import Interlink
import InterlinkMarkdown
import Testing

@testable import Interlink

/// A page's file name written out in prose (`see maintaining-icu.md`) cites that page: the link takes in
/// the extension, and a topic of another page whose file is named otherwise is no mention there.
@Suite struct FileNameMentionTests {
    @Test(arguments: [
        ("see maintaining-icu.md for more", 19, 22), ("ends with guide.MD.", 15, 18), ("a page.html page", 6, 11),
        ("read notes.markdown", 10, 19),
    ])
    func theExtensionAfterAMentionIsFound(text: String, wordEnd: Int, extensionEnd: Int) {
        let bytes = Array(text.utf8)
        #expect(KeywordIndex.fileExtensionEnd(bytes, after: (wordEnd - 3)..<wordEnd) == extensionEnd)
    }

    @Test(arguments: [("Node.js is fast", 4), ("hash.md5 sums", 4), ("the end. More", 7), ("a page.mdbook", 6), ("x.", 1)])
    func otherDotsAreNoExtension(text: String, wordEnd: Int) {
        let bytes = Array(text.utf8)
        #expect(KeywordIndex.fileExtensionEnd(bytes, after: 0..<wordEnd) == nil)
    }

    static let files = [
        "maintaining/maintaining-icu.md": """
            ---
            title: Maintaining ICU
            ---

            How the ICU library is updated.

            """,
        "maintaining/maintaining-v8.md": """
            ---
            title: Maintaining V8
            ---

            When V8 moves to a new ICU, see ⟦maintaining-icu.md⟧ for the special considerations.

            """,
        "release/security.md": """
            ---
            title: Security release process
            ---

            The steps of a security release.

            """,
        "changelog.md": """
            ---
            title: Changelog
            ---

            * doc: perform cleanup on security-release-process.md (#35154)
            * doc: move doc/contributing/maintaining-icu.md into its own folder (#35155)

            """,
    ]

    @Test func aFileNameSeveralFoldersHoldIsAmbiguous() throws {
        var files = Self.files
        files["archive/maintaining-icu.md"] = "---\ntitle: Maintaining ICU (2019)\n---\n\nThe old way.\n"
        let fixture = try SuggestFixture(files)
        let candidates = fixture.suggester().candidates()[fixture.index("maintaining/maintaining-v8.md")]
            .filter { fixture.text("maintaining/maintaining-v8.md", $0.mention.range) == "maintaining-icu.md" }
        #expect(Set(candidates.map(\.target)).count == 2)
        #expect(candidates.allSatisfy { $0.features.ambiguity == 2 && $0.features.isCitation })
    }

    @Test func theFileNameWithItsExtensionIsTheAnchor() throws {
        let fixture = try SuggestFixture(Self.files)
        let suggestion = try #require(fixture.suggestions(from: "maintaining/maintaining-v8.md").first)
        #expect(suggestion.target == "maintaining/maintaining-icu.md")
        #expect(suggestion.anchor == "maintaining-icu.md")
        let mark = try #require(fixture.marks("maintaining/maintaining-v8.md").first)
        #expect(suggestion.offset == mark.lowerBound)
        #expect(suggestion.length == mark.count)
    }

    @Test func aFileNameOfNoPageOrInsideAPathLinksNothing() throws {
        // "security-release-process" is the title of release/security.md, but the file written out is
        // another one; `maintaining-icu.md` stands at the end of a path written out.
        let fixture = try SuggestFixture(Self.files)
        #expect(fixture.suggestions(from: "changelog.md").isEmpty)
    }

    @Test func theLinkIsWrittenOverTheWholeFileName() async throws {
        let site = try TemporarySite(Self.files.mapValues { String(decoding: SuggestFixture.strip($0).bytes, as: UTF8.self) })
        let loaded = await site.load()
        let suggestion = try #require(
            Suggester(site: loaded.site, graph: LinkGraph(site: loaded.site), options: SuggestOptions(minimumScore: 0))
                .suggest().suggestions.first { $0.source == "maintaining/maintaining-v8.md" })
        let plan = try #require(Rewriter(site: loaded.site, style: .relative).plan([suggestion]).first)
        #expect(plan.rejected.isEmpty)
        #expect(suggestion.anchor == "maintaining-icu.md")
        #expect(
            String(decoding: plan.rewritten, as: UTF8.self).contains(
                "see [maintaining-icu.md](maintaining-icu.md) for the special"))
    }
}
