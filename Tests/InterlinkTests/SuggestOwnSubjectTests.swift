@testable import Interlink
import InterlinkMarkdown
import Testing

/// A mention of the source's own subject (words of its own title) refers to the source itself, so it
/// is weak evidence for a link to another page with that name.
@Suite struct SuggestOwnSubjectTests {
    static func page(_ title: String, _ body: String) -> String {
        "---\ntitle: \"\(title)\"\n---\n\n\(body)\n"
    }

    static let site: [String: String] = [
        "summit.md": page("Contributors Summit", "The first contributors summit met in Denver."),
        "workshop.md": page("Contributor Workshop", "A contributor workshop for new contributors."),
        "summit-2019.md": page(
            "Contributors Summit 2019",
            "This year's Contributors Summit had a contributor workshop, and the summit was larger."),
    ]

    static func best(_ fixture: SuggestFixture, to target: String) throws -> Candidate {
        let found = fixture.suggester().candidates()[fixture.index("summit-2019.md")]
            .filter { $0.target == fixture.index(target) }
        return try #require(found.max { $0.score < $1.score })
    }

    @Test func aMentionOfTheSourceOwnTitleScoresHalf() throws {
        let fixture = try SuggestFixture(Self.site)
        let own = try Self.best(fixture, to: "summit.md")
        #expect(own.features.namesOwnSubject)
        var unpenalised = own.features
        unpenalised.namesOwnSubject = false
        #expect(abs(own.score - Suggester.score(unpenalised) * 0.5) < 1e-12)
        let suggestion = fixture.suggester().suggest().suggestions.first {
            $0.source == "summit-2019.md" && $0.target == "summit.md"
        }
        #expect(suggestion?.reason.hasSuffix("words of this page's own title") == true)
    }

    @Test func otherMentionsAreNotTheSourceSubject() throws {
        let fixture = try SuggestFixture(Self.site)
        #expect(try !Self.best(fixture, to: "workshop.md").features.namesOwnSubject)
    }

    /// A guide page about `<KeepAlive>` links the API reference of `<KeepAlive>`: a code name is compared
    /// as written, not as the title's words.
    @Test func inlineCodeIsNeverTheSourceSubject() throws {
        let fixture = try SuggestFixture([
            "api.md": Self.page("Built-in Components", "## `<KeepAlive>`\n\nCaches components."),
            "guide.md": Self.page("KeepAlive", "Wrap the view in `<KeepAlive>` to cache it."),
        ])
        let found = fixture.suggester().candidates()[fixture.index("guide.md")]
        let code = try #require(found.first { $0.features.isCode })
        #expect(!code.features.namesOwnSubject)
    }
}

/// A source's own section names its own subject, when the mention would link another page's section
/// of the same name (an advisory's "registry credentials" is its own section "Registry Credentials");
/// a section named like another page's title is not (a reference section "KeepAlive" links that page).
@Suite struct SuggestOwnSectionTests {
    static func page(_ title: String, _ body: String) -> String {
        "---\ntitle: \"\(title)\"\n---\n\n\(body)\n"
    }

    static let site: [String: String] = [
        "advisory-2019.md": page(
            "Security advisory for the standard library",
            "The error type check was unsound.\n\n## Registry Credentials\n\nEvery release since 1.0 leaked them."),
        "advisory-cargo.md": page(
            "Security advisory for Cargo",
            "Cargo fetched registry packages unsafely.\n\n## Registry Credentials\n\n"
                + "Users should rotate their registry credentials and update Cargo and the registry packages."),
        "release.md": page(
            "Cargo registry packages", "How Cargo fetches registry packages, and where it keeps registry credentials."),
    ]

    static func best(_ fixture: SuggestFixture, from source: String, to target: String) throws -> Candidate {
        let found = fixture.suggester().candidates()[fixture.index(source)].filter { $0.target == fixture.index(target) }
        return try #require(found.max { $0.score < $1.score })
    }

    @Test func aSectionNamedLikeOneOfTheSourceHeadingsScoresHalf() throws {
        let fixture = try SuggestFixture(Self.site)
        let own = try Self.best(fixture, from: "advisory-cargo.md", to: "advisory-2019.md")
        #expect(own.features.isSection)
        #expect(own.features.namesOwnSubject)
        var unpenalised = own.features
        unpenalised.namesOwnSubject = false
        #expect(abs(own.score - Suggester.score(unpenalised) * Suggester.ownSubjectFactor) < 1e-12)
        let reason = fixture.suggester().makeSuggestion(own).reason
        #expect(reason.hasSuffix("words of this page's own title or headings"))
    }

    /// The same section named from a page without such a heading is no subject of its own.
    @Test func aPageWithoutThatHeadingIsNotPenalised() throws {
        let fixture = try SuggestFixture(Self.site)
        let other = try Self.best(fixture, from: "release.md", to: "advisory-2019.md")
        #expect(other.features.isSection)
        #expect(!other.features.namesOwnSubject)
    }

    /// A heading of the source that is another page's title: the page is linked as before.
    @Test func aHeadingNamedLikeAnotherPageTitleIsNotTheSourceSubject() throws {
        let fixture = try SuggestFixture([
            "api.md": Self.page("Built-in Components", "## KeepAlive\n\nThe KeepAlive component caches inactive components."),
            "guide.md": Self.page("KeepAlive", "Caching inactive component instances."),
        ])
        let found = try Self.best(fixture, from: "api.md", to: "guide.md")
        #expect(!found.features.isSection)
        #expect(!found.features.namesOwnSubject)
    }
}

@Suite struct HeadingKeyTests {
    /// The table's byte-level hash is the hash of the joined keys the candidates are compared by.
    @Test(arguments: ["Affected Versions", "Virtual DOM", "Caf\u{e9}s, Bars & the Users' Guides", "", "  x  "])
    func theBytesHashAsTheJoinedKeys(_ text: String) {
        let tokenizer = Tokenizer()
        #expect(
            Suggester.headingKey(Array(text.utf8), tokenizer: tokenizer)
                == Suggester.headingKey(tokenizer.keys(text)))
    }
}
