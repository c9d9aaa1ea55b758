import Foundation
import Interlink
import Testing

/// Feeding a new post from the old ones: `suggest --inbound FILE` and `apply --inbound FILE` on a copy
/// of ExampleSite with a newly added article that several existing articles mention.
@Suite(.serialized) struct WorkflowInboundTests {
    static let newPath = "content/posts/redirect-chains.md"

    static let newArticle = """
        ---
        title: "Redirect Chains"
        date: 2024-06-01
        tags: [technical-seo]
        ---

        A redirect chain is a series of redirects between the URL a link points to and the page that finally
        answers: `/a` sends a 301 to `/b`, which sends another 301 to `/c`. Every hop costs a crawler a request
        from its crawl budget, slows visitors down, and can lose link equity along the way. Chains grow after
        migrations, when old redirects are never updated to the new final URL.

        Find redirect chains with a crawl of the site or in the server logs, then point each internal link and
        each old redirect straight at the final URL, so that every redirect is a single hop.

        """

    static func copyWithNewArticle() throws -> SiteCopy {
        let copy = try SiteCopy.exampleSite()
        try copy.write(newPath, Array(newArticle.utf8))
        return copy
    }

    static func inbound(_ copy: SiteCopy, _ extra: [String] = []) throws -> (CommandRunner.Output, [Suggestion]) {
        let output = try CommandRunner.run(
            ["suggest", "--root", copy.root.path, "--inbound", newPath, "--format", "json"] + extra, in: copy.root)
        let report = try JSONDecoder().decode(SuggestionReport.self, from: Data(output.stdout.utf8))
        return (output, report.suggestions)
    }

    @Test func suggestInboundListsTheArticlesThatShouldLinkToTheNewOneBestFirst() throws {
        let copy = try Self.copyWithNewArticle()
        let (output, suggestions) = try Self.inbound(copy)
        #expect(output.status == 0)
        #expect(output.stderr == "")
        #expect(!suggestions.isEmpty)
        for suggestion in suggestions {
            #expect(suggestion.target == Self.newPath)
            #expect(suggestion.source != Self.newPath)
            #expect(suggestion.url == "/posts/redirect-chains/")
            #expect(suggestion.anchor.lowercased().contains("redirect chain"), "\(suggestion.anchor)")
            // The anchor is really at its place in the existing article.
            let bytes = try copy.bytes(suggestion.source)
            #expect(String(decoding: bytes[suggestion.offset..<(suggestion.offset + suggestion.length)], as: UTF8.self) == suggestion.anchor)
        }
        // Ranked: best first.
        let scores = suggestions.map(\.score)
        #expect(scores == scores.sorted(by: >))
        // At most one place per existing article.
        #expect(Set(suggestions.map(\.source)).count == suggestions.count)
        // Every article of the site that mentions the new title in prose is listed (bold run-in labels
        // such as "**Redirect chains.** …" read as headings and are never linked).
        let mentioning = try FileManager.default.contentsOfDirectory(atPath: copy.url("content/posts").path)
            .map { "content/posts/" + $0 }.filter { $0 != Self.newPath }
            .filter {
                String(decoding: try copy.bytes($0), as: UTF8.self)
                    .replacingOccurrences(of: #"\*\*[^*]+\*\*"#, with: "", options: .regularExpression)
                    .lowercased().contains("redirect chains")
            }
        #expect(Set(suggestions.map(\.source)) == Set(mentioning))

        // The text format shows the same, in the same order.
        let text = try CommandRunner.run(["suggest", "--root", copy.root.path, "--inbound", Self.newPath], in: copy.root)
        let lines = text.stdout.split(separator: "\n")
        #expect(lines.count == suggestions.count)
        for (line, suggestion) in zip(lines, suggestions) {
            #expect(line.hasPrefix("\(suggestion.source):\(suggestion.line):\(suggestion.column): suggestion: "))
        }
    }

    @Test func inboundOnlyNarrowsTheWholeSiteRun() throws {
        let copy = try Self.copyWithNewArticle()
        let (_, inbound) = try Self.inbound(copy, ["--min-score", "0.2"])
        let all = try CommandRunner.run(
            ["suggest", "--root", copy.root.path, "--format", "json", "--min-score", "0.2"], in: copy.root)
        let whole = try JSONDecoder().decode(SuggestionReport.self, from: Data(all.stdout.utf8)).suggestions
        let toNew = whole.filter { $0.target == Self.newPath }
        // What the whole-site run proposes towards the new article, --inbound proposes too.
        #expect(Set(toNew.map(\.id)).isSubset(of: Set(inbound.map(\.id))))
        #expect(inbound.allSatisfy { $0.target == Self.newPath })
    }

    @Test func applyInboundWritesThemAndARerunAddsNothing() throws {
        let copy = try Self.copyWithNewArticle()
        let (_, suggestions) = try Self.inbound(copy)
        #expect(!suggestions.isEmpty)
        let before = copy.snapshot()

        let apply = try CommandRunner.run(["apply", "--root", copy.root.path, "--inbound", Self.newPath], in: copy.root)
        #expect(apply.status == 0, "\(apply.stderr)")
        let summary = try ApplySummary.parse(apply.stderr)
        #expect(summary.links == suggestions.count)
        let after = copy.snapshot()
        #expect(SiteCopy.changed(before, after) == Set(suggestions.map(\.source)).sorted())
        #expect(after[Self.newPath] == before[Self.newPath])
        for suggestion in suggestions {
            let added = AddedLinks(original: before[suggestion.source]!, rewritten: after[suggestion.source]!)
            #expect(added.problems.isEmpty, "\(suggestion.source): \(added.problems)")
            #expect(added.restored == before[suggestion.source], "\(suggestion.source) changed beyond the new link")
            #expect(added.links.count == 1)
            #expect(added.links.first?.destination == "/posts/redirect-chains/")
            #expect(added.links.first?.text == suggestion.anchor)
        }

        let (rerun, again) = try Self.inbound(copy)
        #expect(rerun.status == 0)
        #expect(again.isEmpty, "\(again.map(\.triple))")
        let second = try CommandRunner.run(["apply", "--root", copy.root.path, "--inbound", Self.newPath], in: copy.root)
        #expect(second.status == 0)
        #expect(try ApplySummary.parse(second.stderr).links == 0)
        #expect(copy.snapshot() == after)
    }

    @Test func inboundNeedsAnArticleOfTheSite() throws {
        let copy = try Self.copyWithNewArticle()
        let missing = try CommandRunner.run(
            ["suggest", "--root", copy.root.path, "--inbound", "content/posts/nope.md"], in: copy.root)
        #expect(missing.status != 0)
        #expect(missing.stdout == "")
        #expect(missing.stderr.contains("nope.md"))
    }
}
