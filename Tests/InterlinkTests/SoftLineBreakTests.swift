import Foundation
@testable import Interlink
import InterlinkMarkdown
import Testing

/// A phrase the writer wrapped across a soft line break ("the release of⏎Go 1.18") is one phrase: it is
/// matched, linked and written as one, and a hard line break, a block quote's marker, a table row or
/// emphasis still end it.
@Suite struct SoftLineBreakTests {
    static func site(_ body: String) throws -> SuggestFixture {
        try SuggestFixture([
            "crawl-budget.md": "---\ntitle: Crawl Budget Basics\n---\n\nShort.\n",
            "source.md": "---\ntitle: Notes\n---\n\n\(body)\n",
        ])
    }

    @Test(arguments: [
        "Plan your ⟦crawl\nbudget basics⟧ early.", "Plan your ⟦crawl budget\nbasics⟧ early.",
        "Plan your ⟦crawl \nbudget basics⟧ early.", "- Plan your ⟦crawl\n  budget basics⟧ early.",
        "Plan your ⟦crawl\r\nbudget basics⟧ early.", "1. Plan your ⟦crawl\n   budget\n   basics⟧ early.",
    ])
    func aPhraseWrappedAcrossASoftBreakIsOneMention(body: String) throws {
        let fixture = try Self.site(body)
        let mentions = fixture.mentions(in: "source.md")
        #expect(mentions.map(\.range) == fixture.marks("source.md"))
        #expect(mentions.map(\.targets) == [["crawl-budget.md"]])
    }

    @Test(arguments: [
        "Plan your crawl  \nbudget basics early.", "Plan your crawl\\\nbudget basics early.",
        "> Plan your crawl\n> budget basics early.", "| crawl |\n| budget basics |", "Plan your *crawl*\nbudget basics.",
        "Plan your crawl,\nbudget basics early.", "- Plan your crawl\n- budget basics early.",
        "Plan your crawl\n\nbudget basics early.", "Plan your crawl\nbudget basics | early\n--- | ---\nx | y",
    ])
    func otherBreaksEndThePhrase(body: String) throws {
        let fixture = try Self.site(body)
        #expect(!fixture.mentions(in: "source.md").contains { $0.text.contains("crawl") && $0.text.contains("budget") })
    }

    @Test(arguments: [
        ("a\nb", true), ("a \nb", true), ("a\r\nb", true), ("a\n   b", true), ("a\n\tb", true), ("a  \nb", false),
        ("a\\\nb", false), ("a\n> b", false), ("a\n\nb", false), ("a b", false),
    ])
    func softBreaksAreTold(text: String, isSoft: Bool) {
        let bytes = Array(text.utf8)
        let end = 1
        let start = bytes.count - 1
        #expect(SoftLineBreak.isSoftBreak(bytes, from: end, to: start) == isSoft)
    }

    @Test func aReaderSeesOneSpace() {
        #expect(SoftLineBreak.readText(ArraySlice(Array("release of\n   Go 1.18".utf8))) == "release of Go 1.18")
        #expect(SoftLineBreak.readText(ArraySlice(Array("a \r\nb".utf8))) == "a b")
        #expect(SoftLineBreak.readText(ArraySlice(Array("plain words".utf8))) == "plain words")
    }

    /// The one-line messages (text output, `apply` warnings, the ignore file) show the anchor as read.
    @Test func oneLineMessagesShowTheReadAnchor() throws {
        let suggestion = try RewriteFixture.make(
            source: "a.md", line: 3, column: 5, offset: 20, length: 17, anchor: "crawl\n  budget basics",
            target: "b.md", url: "/b/", fragment: nil)
        #expect(suggestion.readAnchor == "crawl budget basics")
        #expect(!suggestion.finding.message.contains("\n"))
        var ignore = IgnoreFile()
        ignore.add(suggestion)
        #expect(ignore.text.split(separator: "\n").contains { $0.hasSuffix("\"crawl budget basics\"") })
    }

    static let crawlBudget = ["crawl-budget.md": "# Crawl Budget Basics\n\nShort.\n"]

    /// `source.md` holding `text`, beside `targets` (path → Markdown), rewritten with `links` (anchor →
    /// target path) in `style`; every link must be written.
    static func rewritten(
        _ text: String, targets: [String: String], links: [(anchor: String, target: String)], style: LinkStyle,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) async throws -> String {
        var files = targets.mapValues { Array($0.utf8) }
        files["source.md"] = Array(text.utf8)
        let (temporary, result) = try await RewriteFixture.load(files)
        defer { withExtendedLifetime(temporary) {} }
        let suggestions = try links.map {
            try RewriteFixture.suggestion(in: result.site, source: "source.md", anchor: $0.anchor, target: $0.target)
        }
        let plan = try #require(
            Rewriter(site: result.site, style: style).plan(suggestions).first, sourceLocation: sourceLocation)
        #expect(plan.rejected.isEmpty, "\(plan.rejected.map(\.reason))", sourceLocation: sourceLocation)
        return String(decoding: plan.rewritten, as: UTF8.self)
    }

    @Test(arguments: ["\n", "\r\n"])
    func aWrappedAnchorIsWrittenAsOneLink(newline: String) async throws {
        let text = "# Notes\(newline)\(newline)Plan your crawl\(newline)  budget basics early.\(newline)"
        let anchor = "crawl\(newline)  budget basics"
        let written = try await Self.rewritten(
            text, targets: Self.crawlBudget, links: [(anchor, "crawl-budget.md")], style: .relative)
        #expect(written == "# Notes\(newline)\(newline)Plan your [\(anchor)](crawl-budget.md) early.\(newline)")
    }

    /// A wikilink cannot span lines: a wrapped anchor is written as the Markdown link the vault also
    /// reads (a relative path), and an anchor on one line stays a wikilink.
    @Test func aWrappedAnchorIsWrittenAsAMarkdownLinkInTheWikilinkStyle() async throws {
        let text = "# Notes\n\nPlan your crawl\nbudget basics early. Crawl budget basics again.\n"
        let wrapped = try await Self.rewritten(
            text, targets: Self.crawlBudget, links: [("crawl\nbudget basics", "crawl-budget.md")], style: .wikilink)
        #expect(wrapped == "# Notes\n\nPlan your [crawl\nbudget basics](crawl-budget.md) early. Crawl budget basics again.\n")
        let plain = try await Self.rewritten(
            text, targets: Self.crawlBudget, links: [("Crawl budget basics", "crawl-budget.md")], style: .wikilink)
        #expect(plain == "# Notes\n\nPlan your crawl\nbudget basics early. [[crawl-budget|Crawl budget basics]] again.\n")
    }

    /// A code span in a wikilink's text hides its `]]` from Markdown: a code anchor is written as a
    /// Markdown link too.
    @Test func aCodeAnchorIsWrittenAsAMarkdownLinkInTheWikilinkStyle() async throws {
        let text = "# Notes\n\nCall `crawlBudget()` early.\n"
        let (temporary, result) = try await RewriteFixture.load([
            "crawl-budget.md": Array("# crawlBudget()\n\nShort.\n".utf8), "source.md": Array(text.utf8),
        ])
        defer { withExtendedLifetime(temporary) {} }
        let suggestion = try RewriteFixture.suggestion(
            in: result.site, source: "source.md", anchor: "`crawlBudget()`", target: "crawl-budget.md")
        let plan = try #require(Rewriter(site: result.site, style: .wikilink).plan([suggestion]).first)
        #expect(plan.rejected.isEmpty, "\(plan.rejected.map(\.reason))")
        #expect(
            String(decoding: plan.rewritten, as: UTF8.self) == "# Notes\n\nCall [`crawlBudget()`](crawl-budget.md) early.\n")
        #expect(LinkRenderer.markdownStyle(for: .obsidian) == .relative)
        // In a table row a wikilink's `|` would end the cell.
        let renderer = LinkRenderer(site: result.site, style: .wikilink)
        let source = try #require(result.site.article(atPath: "source.md"))
        let target = try #require(result.site.article(atPath: "crawl-budget.md"))
        #expect(
            try renderer.render(anchor: Array("budget".utf8), source: source, target: target, fragment: nil, inTable: true)
                == Array("[budget](crawl-budget.md)".utf8))
        #expect(
            try renderer.render(anchor: Array("budget".utf8), source: source, target: target, fragment: nil, inTable: false)
                == Array("[[crawl-budget|budget]]".utf8))
        #expect(LinkRenderer.markdownStyle(for: .hugo) == .url)
    }

    /// A code anchor in a `relref` (and a wrapped one): Hugo renders the shortcode before the Markdown
    /// and reads one link; the parser reads it so too, so the link is written and verified.
    @Test func aCodeOrWrappedAnchorIsWrittenAsARelref() async throws {
        let text = "# Notes\n\nCall `crawlBudget()` early, and plan your crawl\nbudget basics.\n"
        let written = try await Self.rewritten(
            text,
            targets: ["crawl-budget.md": "# crawlBudget()\n\nShort.\n", "basics.md": "# Crawl Budget Basics\n\nShort.\n"],
            links: [("`crawlBudget()`", "crawl-budget.md"), ("crawl\nbudget basics", "basics.md")], style: .relref)
        #expect(
            written
                == "# Notes\n\nCall [`crawlBudget()`]({{< relref \"crawl-budget.md\" >}}) early, and plan your [crawl\nbudget basics]({{< relref \"basics.md\" >}}).\n")
    }

    /// A link from the end of one list item into the next crosses blocks: refused.
    @Test func anAnchorAcrossBlocksIsRefused() async throws {
        let text = "# Notes\n\n- Plan your crawl\n- budget basics early.\n"
        let (temporary, result) = try await RewriteFixture.load([
            "crawl-budget.md": Array("# Crawl Budget Basics\n\nShort.\n".utf8), "source.md": Array(text.utf8),
        ])
        defer { withExtendedLifetime(temporary) {} }
        let suggestion = try RewriteFixture.suggestion(
            in: result.site, source: "source.md", anchor: "crawl\n- budget basics", target: "crawl-budget.md")
        let plan = try #require(Rewriter(site: result.site, style: .relative).plan([suggestion]).first)
        #expect(plan.applied.isEmpty)
        #expect(plan.rewritten == plan.original)
    }

    /// On a site written with semantic line breaks, the suggester finds and `apply` writes the wrapped title.
    @Test func theSuggesterLinksAWrappedTitle() throws {
        let fixture = try Self.site("Before anything else, plan your ⟦crawl\nbudget basics⟧ with care.")
        let found = fixture.suggestions().filter { $0.source == "source.md" }
        #expect(found.map { $0.offset..<($0.offset + $0.length) } == fixture.marks("source.md"))
        #expect(found.map(\.readAnchor) == ["crawl budget basics"])
    }
}
