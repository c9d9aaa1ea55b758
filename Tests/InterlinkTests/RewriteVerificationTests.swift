import Foundation
import Interlink
import InterlinkMarkdown
import Testing

/// The re-parse check and the other refusals: an edit that would not come out as the intended link, or
/// would change anything else, is not written and is reported in `rejected`; the file stays as it was.
@Suite struct RewriteVerificationTests {
    static let target = "# Pillar Pages\n\nA pillar page.\n"

    /// Plans the listed occurrences of `anchor` in `source` as links to `pillar.md`.
    static func plan(
        _ text: String, anchor: String = "pillar pages", occurrences: [Int] = [0], style: LinkStyle = .relative,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) async throws -> FileRewrite {
        let (temporary, result) = try await RewriteFixture.load([
            "pillar.md": Array(target.utf8), "other.md": Array("# Other\n\nText.\n".utf8), "source.md": Array(text.utf8),
        ])
        defer { withExtendedLifetime(temporary) {} }
        let suggestions = try occurrences.map {
            try RewriteFixture.suggestion(
                in: result.site, source: "source.md", anchor: anchor, target: "pillar.md", occurrence: $0,
                sourceLocation: sourceLocation)
        }
        return try #require(Rewriter(site: result.site, style: style).plan(suggestions).first, sourceLocation: sourceLocation)
    }

    /// Checks that nothing was written and every suggestion was rejected with a reason.
    static func expectRejected(
        _ plan: FileRewrite, count: Int = 1, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        #expect(plan.applied.isEmpty, sourceLocation: sourceLocation)
        #expect(plan.rejected.count == count, sourceLocation: sourceLocation)
        #expect(plan.rejected.allSatisfy { !$0.reason.isEmpty }, sourceLocation: sourceLocation)
        #expect(plan.rewritten == plan.original, sourceLocation: sourceLocation)
        #expect(!plan.changes, sourceLocation: sourceLocation)
    }

    @Test func anchorAfterAnExclamationMarkWouldBecomeAnImage() async throws {
        let plan = try await Self.plan("Wow!pillar pages are great.\n")
        Self.expectRejected(plan)
    }

    @Test func anchorAfterABackslashWouldBeEscaped() async throws {
        let plan = try await Self.plan("A path like C:\\pillar pages here.\n")
        Self.expectRejected(plan)
    }

    @Test func anchorInsideACodeSpanIsNotALink() async throws {
        let plan = try await Self.plan("Run `pillar pages` now.\n")
        Self.expectRejected(plan)
    }

    @Test func anchorInsideAnExistingLinkWouldBreakThatLink() async throws {
        let plan = try await Self.plan("See [all about pillar pages](other.md).\n")
        Self.expectRejected(plan)
    }

    @Test func anchorInsideAnHTMLAttributeIsNotALink() async throws {
        let plan = try await Self.plan("A <span title=\"pillar pages\">tip</span>.\n")
        Self.expectRejected(plan)
    }

    // Cases the re-parse check alone lets through (the link reads as the anchor and resolves), refused
    // because the anchor is not inside one run of plain prose.

    @Test func anchorCrossingEmphasisWouldDestroyTheEmphasis() async throws {
        // `*[pillar* pages](pillar.md)` shows literal asterisks where "pillar" was emphasised.
        Self.expectRejected(try await Self.plan("Read *pillar* pages now.\n", anchor: "pillar* pages"))
        Self.expectRejected(try await Self.plan("Read **pillar** pages now.\n", anchor: "pillar** pages"))
    }

    @Test func anchorInALinkReferenceDefinitionWouldDestroyTheDefinition() async throws {
        // `[[pillar pages](pillar.md)]: other.md` is no longer a definition but a paragraph.
        Self.expectRejected(try await Self.plan("Text.\n\n[pillar pages]: other.md\n"))
    }

    @Test(arguments: ["# About pillar pages\n\nText.\n", "About pillar pages\n===\n\nText.\n"])
    func anchorInAHeadingIsRefused(text: String) async throws {
        Self.expectRejected(try await Self.plan(text))
    }

    @Test func aWholeCodeSpanMayBeAnAnchor() async throws {
        let plan = try await Self.plan("Use `pillar pages` today.\n", anchor: "`pillar pages`")
        #expect(plan.applied.count == 1, "\(plan.rejected.map(\.reason))")
        #expect(String(decoding: plan.rewritten, as: UTF8.self) == "Use [`pillar pages`](pillar.md) today.\n")
    }

    @Test func anchorHoldingAPipeInATableRowIsRefused() async throws {
        let text = "| Topic | Notes |\n| --- | --- |\n| pillar | pages |\n"
        let plan = try await Self.plan(text, anchor: "pillar | pages")
        Self.expectRejected(plan)
        #expect(plan.rejected.first?.reason.contains("would break the link") == true)
    }

    @Test func aPipeOutsideATableIsFine() async throws {
        let plan = try await Self.plan("Either pillar | pages works.\n", anchor: "pillar | pages")
        #expect(plan.applied.count == 1)
        #expect(String(decoding: plan.rewritten, as: UTF8.self) == "Either [pillar | pages](pillar.md) works.\n")
    }

    @Test func anchorHoldingABracketIsRefused() async throws {
        let plan = try await Self.plan("About [draft] pillar pages.\n", anchor: "[draft] pillar pages")
        Self.expectRejected(plan)
        #expect(plan.rejected.first?.reason.contains("would break the link") == true)
    }

    @Test func aBadEditIsDroppedAndTheGoodOnesAreKept() async throws {
        let text = "Wow!pillar pages here, and plain pillar pages there, and `pillar pages` in code.\n"
        let plan = try await Self.plan(text, occurrences: [0, 1, 2])
        #expect(plan.applied.map(\.offset) == [text.utf8.count - "pillar pages there, and `pillar pages` in code.\n".utf8.count])
        #expect(plan.rejected.count == 2)
        #expect(
            String(decoding: plan.rewritten, as: UTF8.self)
                == "Wow!pillar pages here, and plain [pillar pages](pillar.md) there, and `pillar pages` in code.\n")
    }

    @Test func overlappingSuggestionsKeepOnlyTheFirst() async throws {
        let (temporary, result) = try await RewriteFixture.load([
            "pillar.md": Array(Self.target.utf8), "other.md": Array("# Other\n".utf8),
            "source.md": Array("Good pillar pages work.\n".utf8),
        ])
        defer { withExtendedLifetime(temporary) {} }
        let first = try RewriteFixture.suggestion(in: result.site, source: "source.md", anchor: "pillar pages", target: "pillar.md")
        let second = try RewriteFixture.suggestion(in: result.site, source: "source.md", anchor: "pages work", target: "other.md")
        let plan = try #require(Rewriter(site: result.site, style: .relative).plan([second, first]).first)
        #expect(plan.applied == [first])
        #expect(plan.rejected.map(\.suggestion) == [second])
        #expect(String(decoding: plan.rewritten, as: UTF8.self) == "Good [pillar pages](pillar.md) work.\n")
    }

    @Test func aSuggestionWhoseAnchorMovedIsRefused() async throws {
        let (temporary, result) = try await RewriteFixture.load([
            "pillar.md": Array(Self.target.utf8), "source.md": Array("About pillar pages.\n".utf8),
        ])
        defer { withExtendedLifetime(temporary) {} }
        var stale = try RewriteFixture.suggestion(in: result.site, source: "source.md", anchor: "pillar pages", target: "pillar.md")
        stale.offset += 1
        let plan = try #require(Rewriter(site: result.site, style: .relative).plan([stale]).first)
        Self.expectRejected(plan)
    }

    @Test func aSuggestionWhoseTargetWasDeletedIsRefusedAndTheOthersAreWritten() async throws {
        let site = try TemporarySite([
            "pillar.md": Self.target, "gone.md": "# Gone\n\nSoon deleted.\n",
            "source.md": "About pillar pages and gone pages.\n",
        ])
        let before = await site.load()
        let toPillar = try RewriteFixture.suggestion(in: before.site, source: "source.md", anchor: "pillar pages", target: "pillar.md")
        let toGone = try RewriteFixture.suggestion(in: before.site, source: "source.md", anchor: "gone pages", target: "gone.md")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("gone.md"))
        let after = await site.load()
        let plan = try #require(Rewriter(site: after.site, style: .relative).plan([toPillar, toGone]).first)
        #expect(plan.applied == [toPillar])
        #expect(plan.rejected.map(\.suggestion) == [toGone])
        #expect(plan.rejected.first?.reason.contains("gone.md") == true)
        #expect(String(decoding: plan.rewritten, as: UTF8.self) == "About [pillar pages](pillar.md) and gone pages.\n")
    }

    @Test(arguments: [LinkStyle.relative, .url, .wikilink])
    func anchorAfterAnExclamationMarkIsRefusedInEveryStyle(style: LinkStyle) async throws {
        let plan = try await Self.plan("Wow!pillar pages are great.\n", style: style)
        Self.expectRejected(plan)
    }
}
