@testable import Interlink
import InterlinkMarkdown
import Testing

/// A post announcing a release is cited by the event ("the Go 1.14 release"), never by the bare
/// version, and never before it was announced.
@Suite struct ReleaseTitleTests {
    @Test(arguments: [
        ("Go 1.14 is released", "Go 1.14"), ("Go 1.18 is released!", "Go 1.18"), ("Go version 1 is released", "Go version 1"),
        ("Hugo v0.120.0 released", "Hugo v0.120.0"), ("Announcing Rust 1.30", "Rust 1.30"),
        ("Announcing Rust 1.0 Beta", "Rust 1.0 Beta"), ("Announcing Go 1.18 Beta 2", "Go 1.18 Beta 2"),
        ("Announcing Rust 1.0.0.alpha.2", "Rust 1.0.0.alpha.2"), ("Node.js 20 is now available.", "Node.js 20"),
        ("Releasing Django 5.0", "Django 5.0"), ("Python 3.12 has been released", "Python 3.12"),
        ("Announcing the Zola 0.18 release", nil), ("Announcing the 2019 Go Developer Survey", nil),
        ("Introducing the Go Playground", nil), ("Go 1.21 Release Candidate", nil), ("Rust 2018 is released", nil),
        ("it is released", nil), ("Go is released", nil), ("Go 1.18 Beta 1 is available, with generics", nil),
        ("Smaller Go 1.7 binaries", nil), ("1.5 released", nil),
    ] as [(String, String?)])
    func releaseTitlesNameTheirSubject(title: String, subject: String?) {
        #expect(ReleaseTitle(title: title)?.subject == subject)
    }

    @Test func versionsAreNumbersNotYears() {
        #expect(ReleaseTitle.isVersion("1.14"))
        #expect(ReleaseTitle.isVersion("v0.120.0"))
        #expect(ReleaseTitle.isVersion("3"))
        #expect(!ReleaseTitle.isVersion("2024"))
        #expect(!ReleaseTitle.isVersion("Beta"))
        #expect(!ReleaseTitle.isVersion("v"))
    }

    static func post(_ title: String, date: String, _ body: String) -> String {
        "---\ntitle: \"\(title)\"\ndate: \(date)\n---\n\n\(body)\n"
    }

    static func site() throws -> SuggestFixture {
        try SuggestFixture([
            "blog/go1.14.md": post("Go 1.14 is released", date: "2020-02-25", "Today the Go team is very happy to announce it."),
            "blog/eleven-years.md": post(
                "Eleven years", date: "2020-11-10",
                "Go 1.14 is fast. In February, the ⟦Go 1.14 release⟧ delivered the first production-ready modules."),
            "blog/proposals.md": post(
                "Proposals", date: "2020-01-28", "We are close to the Go 1.14 release, planned for February."),
            "blog/notes.md": post("Notes", date: "2021-03-01", "Go 1.14 and Go 1.15 both changed the linker."),
            "blog/history.md": post(
                "History", date: "2021-04-01", "Six years ago, after the ⟦release of Go 1.14⟧ in February, we wrote it."),
        ])
    }

    @Test func theReleaseEventIsATopicOfTheAnnouncement() throws {
        let fixture = try Self.site()
        let topics = fixture.suggester().index.topics.filter {
            $0.target == fixture.index("blog/go1.14.md") && $0.source == .release
        }
        #expect(
            Set(topics.map(\.phrase))
                == ["Go 1.14 release", "release of Go 1.14", "released Go 1.14", "Go 1.14 in February"])
    }

    /// "We released Go 1.20 in February and Go 1.21 in August": two release events in one sentence, each
    /// named by version and month (the month its announcement was published), both linked.
    @Test func releasesNamedByMonthAreLinkedTogether() throws {
        let fixture = try SuggestFixture([
            "blog/go1.20.md": Self.post("Go 1.20 is released!", date: "2023-02-01", "Announced."),
            "blog/go1.21.md": Self.post("Go 1.21 is released!", date: "2023-08-08", "Announced."),
            "blog/fourteen.md": Self.post(
                "Fourteen years", date: "2023-11-10",
                "We ⟦released Go 1.20⟧ in February and ⟦Go 1.21 in August⟧, focusing on improvements."),
            "blog/other.md": Self.post("Other", date: "2023-12-01", "Go 1.21 in March was no release at all."),
        ])
        let found = fixture.suggestions(minimumScore: 0.3).filter { $0.source == "blog/fourteen.md" }
        #expect(found.map { $0.offset..<($0.offset + $0.length) } == fixture.marks("blog/fourteen.md"))
        #expect(found.map(\.target) == ["blog/go1.20.md", "blog/go1.21.md"])
        let other = fixture.suggester().candidates()[fixture.index("blog/other.md")]
        #expect(!other.contains { $0.target == fixture.index("blog/go1.21.md") })
    }

    @Test func aLaterPostNamingTheReleaseLinksTheAnnouncement() throws {
        let fixture = try Self.site()
        let suggestions = fixture.suggestions()
        for source in ["blog/eleven-years.md", "blog/history.md"] {
            let found = suggestions.filter { $0.source == source && $0.target == "blog/go1.14.md" }
            #expect(found.map { $0.offset..<($0.offset + $0.length) } == fixture.marks(source), "\(source)")
            #expect(found.first?.reason.contains("the release the target announces") == true)
        }
    }

    @Test func aReleaseNamedBeforeItsAnnouncementIsNeverLinked() throws {
        let fixture = try Self.site()
        let candidates = fixture.suggester().candidates()[fixture.index("blog/proposals.md")]
        #expect(!candidates.contains { $0.target == fixture.index("blog/go1.14.md") })
    }

    @Test func theBareVersionIsNoMentionOfTheRelease() throws {
        let fixture = try Self.site()
        let candidates = fixture.suggester().candidates()[fixture.index("blog/notes.md")]
        #expect(!candidates.contains { $0.target == fixture.index("blog/go1.14.md") })
    }
}
