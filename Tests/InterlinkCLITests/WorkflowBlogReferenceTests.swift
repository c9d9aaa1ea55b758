import Foundation
import Interlink
import Testing

/// The built binary on a small blog: a release named by its event, a reference to the previous post and
/// a title wrapped across a line are suggested, shown on one line each, written by `apply`, and a
/// second `apply` changes nothing.
@Suite struct WorkflowBlogReferenceTests {
    static func post(_ title: String, _ date: String, _ body: String) -> String {
        "---\ntitle: \"\(title)\"\ndate: \(date)\n---\n\n\(body)\n"
    }

    /// Enough words for three links under the density cap (one per 150 words).
    static let filler = Array(
        repeating: "The generator keeps its state in memory, builds stay fast and the numbers follow from the seed.",
        count: 30
    ).joined(separator: " ")

    static let files = [
        "posts/tool-2-0.md": post(
            "Tool 2.0 is released", "2024-02-06",
            "Today we ship version two of the tool: faster builds, a smaller binary and a new random generator."),
        "posts/random-seeds.md": post(
            "Random seeds", "2024-03-01",
            "Random numbers come from a generator seeded at startup; the seed decides the numbers it gives."),
        "posts/crawl-budget.md": post(
            "Crawl Budget Basics", "2024-04-01",
            "Crawlers spend a budget on every host; wasted crawls leave pages unindexed."),
        "posts/notes.md": post(
            "Notes", "2024-06-01",
            "As our previous post explained, the generator is seeded at startup and the seed decides the numbers.\n\n"
                + "Since the Tool 2.0 release builds are faster.\n\n"
                + "Before anything else, plan your crawl\nbudget basics with care, host by host.\n\n" + filler),
    ]

    @Test func theBinarySuggestsWritesAndKeepsThem() throws {
        let site = try WorkflowSite(Self.files)
        let suggestions = try site.suggestions().filter { $0.source == "posts/notes.md" }
        let byTarget = Dictionary(uniqueKeysWithValues: suggestions.map { ($0.target, $0) })
        #expect(byTarget["posts/tool-2-0.md"]?.anchor == "Tool 2.0 release")
        #expect(byTarget["posts/random-seeds.md"]?.anchor == "previous post")
        #expect(byTarget["posts/crawl-budget.md"]?.anchor == "crawl\nbudget basics")

        // Text output: one line per suggestion, the wrapped anchor read with one space.
        let text = try site.run("suggest")
        #expect(text.status == 0, "\(text.stderr)")
        let lines = text.stdout.split(separator: "\n").filter { $0.hasPrefix("posts/notes.md:") }
        #expect(lines.count == suggestions.count)
        #expect(lines.contains { $0.contains("link \"crawl budget basics\" to posts/crawl-budget.md") })

        let applied = try site.run("apply")
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect(!applied.stderr.contains("warning"), "\(applied.stderr)")
        let written = try site.read("posts/notes.md")
        #expect(written.contains("[crawl\nbudget basics]("))
        #expect(written.contains("[previous post]("))
        #expect(written.contains("[Tool 2.0 release]("))
        let again = try site.run("apply")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try site.read("posts/notes.md") == written)
        #expect(try site.suggestions().isEmpty)
    }
}
