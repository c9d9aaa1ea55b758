import Testing

@testable import Interlink

/// Link text that points by place ("this configuration", "these docs") is descriptive only next to
/// what it points at: it is never learned as an anchor of its target, while a text that names its
/// target is.
@Suite struct DeicticAnchorTests {
    @Test(arguments: [
        ("this configuration", true), ("These docs", true), ("the following guide", true), ("That’s it", true),
        ("here", true), ("Above", true), ("single executable applications", false), ("Thistle gardens", false),
        ("the configuration file", false), ("", false), ("the", false), ("THE Following", true), ("(this) page", true),
        ("“this” page", true), ("Thé following", false),
    ])
    func textThatPointsByPlace(text: String, points: Bool) {
        #expect(Vocabulary.pointsByPlace(text) == points)
    }

    @Test func textThatPointsByPlaceIsNoLearnedAnchor() throws {
        let fixture = try SuggestFixture([
            "sea.md": """
                ---
                title: Single executable applications
                ---

                ## Preparation blobs

                How the blob is generated.

                """,
            "building.md": """
                ---
                title: Building
                ---

                The debugger supports [this configuration](sea.md#preparation-blobs) and the
                [preparation blob format](sea.md#preparation-blobs) since 2020.

                """,
            "cli.md": """
                ---
                title: CLI
                ---

                Flags change this configuration; the ⟦preparation blob format⟧ is fixed.

                """,
        ])
        let target = try #require(fixture.site.articles.firstIndex { $0.path == "sea.md" })
        let learned = fixture.suggester().index.topics.filter { $0.target == target && $0.source == .learned }
        #expect(learned.map(\.phrase) == ["preparation blob format"])
        let anchors = fixture.suggestions(from: "cli.md").map(\.anchor)
        #expect(!anchors.contains("this configuration"))
        #expect(anchors.contains("preparation blob format"))
    }
}
