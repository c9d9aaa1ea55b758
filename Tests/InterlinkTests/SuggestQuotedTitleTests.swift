@testable import Interlink
import InterlinkMarkdown
import Testing

/// Whole titles written out in prose: a title longer than any other anchor is still matched whole
/// (and only whole), a typographer's dash stands for the title's hyphen, and a title between quotation
/// marks is linked whatever the per-article caps. Each test fails when its rule is removed.
@Suite struct SuggestQuotedTitleTests {
    static let longTitle = "Scaling gopls for the growing Go ecosystem"
    static let dashedTitle = "Everything You Wanted to Know About Type Inference - And a Little Bit More"

    static func targets() -> [String: String] {
        [
            "server-index.md": SuggestCitationTests.page(longTitle, "The language server keeps an index on disk."),
            "inference.md": SuggestCitationTests.page(dashedTitle, "Type arguments are inferred from the call."),
        ]
    }

    @Test func aTitleOfMoreThanSixWordsIsMatchedWholeAsACitation() throws {
        let fixture = try SuggestFixture(
            Self.targets().merging([
                "notes.md": SuggestCitationTests.page(
                    "Notes", "The index cut startup time. ⟦Scaling gopls for the growing Go ecosystem⟧ explains how.")
            ]) { _, new in new })
        let suggestions = fixture.suggestions(from: "notes.md")
        #expect(suggestions.map(\.offset) == fixture.marks("notes.md").map(\.lowerBound))
        #expect(suggestions.map(\.anchor) == [Self.longTitle])
        let candidate = try #require(
            SuggestCitationTests.candidates(fixture, from: "notes.md", to: "server-index.md").first)
        #expect(candidate.features.isCitation && candidate.features.citesTitle)
        // Part of it is no topic: the title is a name only when written whole.
        let part = try SuggestFixture(
            Self.targets().merging([
                "notes.md": SuggestCitationTests.page("Notes", "We are scaling gopls for the growing user base.")
            ]) { _, new in new })
        #expect(part.suggestions(from: "notes.md").isEmpty)
    }

    @Test func aLongHeadingIsStillNoTopic() throws {
        // Only a title may pass the six words of an anchor; a heading that long is a sentence.
        let fixture = try SuggestFixture([
            "guide.md": SuggestCitationTests.page(
                "Guide", "Intro.\n\n## How we made the build of every package much faster\n\nDetails."),
            "notes.md": SuggestCitationTests.page(
                "Notes", "Read how we made the build of every package much faster last spring."),
        ])
        #expect(fixture.suggestions(from: "notes.md").isEmpty)
    }

    @Test(arguments: ["–", "—"])
    func aSpacedDashInProseMatchesTheTitleHyphen(dash: String) throws {
        let fixture = try SuggestFixture(
            Self.targets().merging([
                "notes.md": SuggestCitationTests.page(
                    "Notes",
                    "Two posts this year, among them ⟦Everything You Wanted to Know About Type Inference \(dash) And a Little Bit More⟧."
                )
            ]) { _, new in new })
        let suggestions = fixture.suggestions(from: "notes.md")
        #expect(suggestions.map(\.target) == ["inference.md"])
        #expect(suggestions.map(\.offset) == fixture.marks("notes.md").map(\.lowerBound))
        #expect(suggestions.map(\.length) == fixture.marks("notes.md").map(\.count))
    }

    @Test func anUnspacedDashDoesNotJoinWords() {
        let bytes = Array("type–and".utf8)
        #expect(!KeywordIndex.joins(bytes, 4, 7))
        let spaced = Array("type – and".utf8)
        #expect(KeywordIndex.joins(spaced, 4, 9))
        let tooFar = Array("type  –  and".utf8)
        #expect(!KeywordIndex.joins(tooFar, 4, 11))
    }

    static let readingListTargets = [
        "a.md": SuggestCitationTests.page("Crawl Budget Basics", "A crawler has a budget for each host."),
        "b.md": SuggestCitationTests.page("Orphan Page Fixes", "Give every orphan page an inbound link."),
        "c.md": SuggestCitationTests.page("Link Velocity Explained", "How fast a host gains inbound links."),
    ]

    @Test func titlesInQuotationMarksAreLinkedWhateverTheMaximum() throws {
        let quoted = try SuggestFixture(
            Self.readingListTargets.merging([
                "notes.md": SuggestCitationTests.page(
                    "Notes",
                    """
                    Last year we wrote “⟦Crawl Budget Basics⟧” for a crawler. Then came "⟦Orphan Page Fixes⟧" for \
                    each orphan page. Finally we wrote “⟦Link Velocity Explained⟧.”
                    """)
            ]) { _, new in new })
        let suggestions = quoted.suggestions(from: "notes.md", maxLinks: 1)
        #expect(suggestions.map(\.offset) == quoted.marks("notes.md").map(\.lowerBound))
        #expect(suggestions.allSatisfy { $0.reason.contains("in quotation marks") })
        // Without the quotation marks the maximum holds.
        let plain = try SuggestFixture(
            Self.readingListTargets.merging([
                "notes.md": SuggestCitationTests.page(
                    "Notes",
                    """
                    Last year we wrote Crawl Budget Basics for a crawler. Then came Orphan Page Fixes for \
                    each orphan page. Finally we wrote Link Velocity Explained.
                    """)
            ]) { _, new in new })
        let capped = plain.suggestions(from: "notes.md", maxLinks: 1)
        #expect(capped.count == 1)
        #expect(!capped.contains { $0.reason.contains("in quotation marks") })
    }

    @Test(arguments: [
        ("“⟦T⟧”", true), ("\"⟦T⟧\"", true), ("‘⟦T⟧’", true), ("«⟦T⟧»", true), ("“⟦T⟧.”", true),
        ("“⟦T⟧”.", true), ("“⟦T⟧", false), ("⟦T⟧”", false), ("(⟦T⟧)", false), ("“⟦T⟧ is”", false),
    ])
    func quotationMarks(text: String, quoted: Bool) throws {
        let fixture = try SuggestFixture(["a.md": SuggestCitationTests.page("A", "Before \(text) after.")])
        let range = try #require(fixture.marks("a.md").first)
        #expect(Suggester.isQuoted(range, in: fixture.article("a.md")) == quoted)
    }
}
