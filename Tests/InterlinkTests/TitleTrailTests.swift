@testable import Interlink
import Testing

/// A title written as a trail of levels ("Tutorial - User Guide - Intro") is cited by the trail without
/// its last level ("read the Tutorial - User Guide"), as FastAPI's docs cite their sections.
@Suite struct TitleTrailTests {
    @Test func aTrailOfThreeLevelsGivesTheTrailWithoutItsLastLevel() {
        let parts = KeywordIndex.titleParts("Tutorial - User Guide - Intro")
        #expect(parts.contains("Tutorial - User Guide"))
        #expect(parts.contains("User Guide"))
        #expect(KeywordIndex.titleParts("Advanced: Security – Scopes").contains("Advanced: Security"))
    }

    @Test(arguments: ["Sub Applications - Mounts", "Go: Modules", "Plain Title", "Cats and Dogs"])
    func aTitleOfOneOrTwoLevelsGivesNoTrail(title: String) {
        #expect(KeywordIndex.trailWithoutLastLevel(title) == nil)
    }

    static let site: [String: String] = [
        "tutorial/index.md": "# Tutorial - User Guide - Intro\n\nThis tutorial shows every feature, step by step.\n",
        "advanced/index.md": "# Advanced\n\nThe main Tutorial - User Guide should be enough for most of the features.\n",
        "other.md": "# Other\n\nA user guide for the tutorial, in lower case.\n",
    ]

    @Test func theTrailWrittenOutIsACitationOfThePage() throws {
        let fixture = try SuggestFixture(Self.site)
        let found = fixture.suggester().candidates()[fixture.index("advanced/index.md")]
            .filter { $0.target == fixture.index("tutorial/index.md") }
        let best = try #require(found.max { $0.score < $1.score })
        #expect(fixture.text("advanced/index.md", best.mention.range) == "Tutorial - User Guide")
        #expect(best.features.isCitation)
    }

    @Test func aLevelSeparatorIsFoundInsideTheMentionOnly() {
        let bytes = Array("A - B: C x – y plain".utf8)
        #expect(Suggester.spansLevelSeparator(0..<5, in: bytes))
        #expect(Suggester.spansLevelSeparator(4..<9, in: bytes))
        #expect(Suggester.spansLevelSeparator(9..<bytes.count, in: bytes))
        #expect(!Suggester.spansLevelSeparator(0..<2, in: bytes))
        #expect(!Suggester.spansLevelSeparator(16..<bytes.count, in: bytes))
    }
}
