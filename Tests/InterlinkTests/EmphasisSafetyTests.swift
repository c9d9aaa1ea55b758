import Foundation
import Interlink
import InterlinkMarkdown
import Testing

/// A new link must not change the emphasis around it (found by the fuzzer): in `*page speed*s`, the closing
/// `*` closes because it follows a letter; after `*[page speed](…)*s` it follows `)` and precedes a letter, so
/// it no longer closes and the emphasis is gone; or the same emphases pair differently. The rewriter's re-parse
/// check now compares the emphasis outline and the emphasis of every byte of prose outside the new links.
@Suite struct EmphasisSafetyTests {
    static let files = [
        "page-speed.md": "# Page Speed\n\nHow fast pages load.\n",
        "intraword.md": "# Intraword\n\nSome *page speed*s are measured.\n",
        "spaced.md": "# Spaced\n\nSome *page speed* is measured.\n",
        "strong.md": "# Strong\n\nThe a**page speed**b case.\n",
        // `*[*page speed*` reads `*[<em>page speed</em>`; with the link, `<em>[</em><a>page speed</a>*`: as
        // many emphases, paired differently (found by the fuzzer, minimised from 3 KB to these bytes).
        "pairing.md": "# Pairing\n\nA *[*page speed* case.\n",
    ]

    func plan(_ source: String) async throws -> FileRewrite {
        let site = try TemporarySite(Self.files)
        let loaded = await site.load()
        let suggestion = try RewriteFixture.suggestion(
            in: loaded.site, source: source, anchor: "page speed", target: "page-speed.md")
        return try #require(Rewriter(site: loaded.site, style: .relative).plan([suggestion]).first)
    }

    @Test(arguments: ["intraword.md", "strong.md", "pairing.md"])
    func aLinkThatWouldEndTheEmphasisIsNotWritten(source: String) async throws {
        let plan = try await plan(source)
        #expect(plan.applied.isEmpty)
        #expect(plan.rejected.map(\.reason) == ["emphasis around the link would change"])
        #expect(!plan.changes)
    }

    @Test func aLinkInsideOrdinaryEmphasisIsWritten() async throws {
        let plan = try await plan("spaced.md")
        #expect(plan.rejected.isEmpty)
        #expect(
            String(decoding: plan.rewritten, as: UTF8.self)
                == "# Spaced\n\nSome *[page speed](page-speed.md)* is measured.\n")
        let reparsed = try MarkdownParser.parse(plan.rewritten)
        #expect(reparsed.emphasisOutline == "e)")
    }

    @Test func theOutlineFollowsCmarkNesting() throws {
        #expect(try MarkdownParser.parse(Array("*a **b** c* and __d__ and *e*x\n".utf8)).emphasisOutline == "es))s)e)")
        #expect(try MarkdownParser.parse(Array("*a*[b](c)*d\n".utf8)).emphasisOutline == "e)")
    }
}
