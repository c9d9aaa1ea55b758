@testable import Interlink
import InterlinkMarkdown
import Testing

/// A changelog (most headings of one level name releases) gets no links proposed, and is no dead end.
@Suite struct ChangelogTests {
    @Test(arguments: [
        "3.4.3 / 2017-03-21", "v1.2.0", "[1.0.0] - 2017-06-20", "Version 2.1", "1.0", "13.6.0-rc.1",
        "2020-01-07, Version 13.6.0 (Current), @MylesBorins", "Release 4.0 (March 3, 2019)", "v0.9.1 – beta",
    ])
    func releaseHeadings(text: String) {
        #expect(Changelog.namesRelease(text))
    }

    @Test(arguments: [
        "1.1 Introduction", "Step 2.3: install the theme", "Jekyll 3.4.3", "What's new in 1.42", "2024-01-02",
        "Bug Fixes", "Unreleased", "Go 1.21 is released", "Node.js 20",
    ])
    func otherHeadings(text: String) {
        #expect(!Changelog.namesRelease(text))
    }

    static func headings(_ texts: [(Int, String)]) -> [Heading] {
        texts.enumerated().map { index, heading in
            Heading(level: heading.0, text: heading.1, range: (index * 10)..<(index * 10 + 5), id: "h\(index)")
        }
    }

    /// Releases with sections of their own ("Bug Fixes" under every release), as on Jekyll's history page.
    @Test func releasesWithTheirSectionsAreAChangelog() {
        var texts: [(Int, String)] = []
        for minor in 0..<5 { texts += [(2, "3.\(minor).0 / 2017-0\(minor + 1)-01"), (3, "Bug Fixes"), (3, "Minor Enhancements")] }
        #expect(Changelog.isChangelog(Self.headings(texts)))
        // An "Unreleased" section among them still reads as a changelog (four in five).
        #expect(Changelog.isChangelog(Self.headings([(2, "Unreleased")] + texts)))
    }

    @Test func fewReleasesOrOtherHeadingsAreNoChangelog() {
        // Four releases only.
        #expect(!Changelog.isChangelog(Self.headings((0..<4).map { (2, "v1.\($0).0") })))
        // A release announcement: releases among as many other headings.
        let mixed = (0..<5).flatMap { [(2, "v1.\($0).0"), (2, "Highlights of part \($0)")] }
        #expect(!Changelog.isChangelog(Self.headings(mixed)))
        // A numbered tutorial.
        #expect(!Changelog.isChangelog(Self.headings((1..<8).map { (2, "1.\($0) Step \($0)") })))
    }

    @Test func noLinksAreProposedFromAChangelogAndItIsNoDeadEnd() throws {
        let releases = (0..<6).map { "## 2.\($0).0 / 2020-01-0\($0 + 1)\n\n- Faster page speed checks in the build.\n" }
        let fixture = try SuggestFixture([
            "page-speed.md": "---\ntitle: Page Speed\n---\n\nHow to make pages fast.\n",
            "guide.md": "---\ntitle: Guide\n---\n\nWhy page speed matters.\n",
            "history.md": "---\ntitle: History\n---\n\n" + releases.joined(separator: "\n"),
        ])
        #expect(fixture.site.articles[fixture.index("history.md")].isChangelog)
        #expect(!fixture.site.articles[fixture.index("guide.md")].isChangelog)
        let sources = Set(fixture.suggester().suggest().suggestions.map(\.source))
        #expect(sources == ["guide.md"])
        let auditor = Auditor(site: fixture.site, graph: LinkGraph(site: fixture.site))
        #expect(!auditor.takesLinks(fixture.index("history.md")))
        #expect(auditor.takesLinks(fixture.index("guide.md")))
    }
}
