@testable import Interlink
import InterlinkMarkdown
import Testing

/// A page's name opening the section named after it ("## Generators" then "Generators create content")
/// names the page the section is about: a citation (`CandidateFeatures.opensSection`).
@Suite struct SectionOpeningTests {
    static func page(_ title: String, _ body: String) -> String {
        "---\ntitle: \(title)\n---\n\n\(body)\n"
    }

    static let site: [String: String] = [
        "generators.md": page("Generators", "Generators make pages from data while the site builds."),
        "converters.md": page("Converters", "Converters turn one markup language into HTML while the site builds."),
        "overview.md": page(
            "Plugins",
            """
            Plugins extend the build in several ways.

            ## Generators

            {: #generators}
            Generators create content on your site while it builds.

            ## Markup

            Converters change a markup language into another format.

            ## Converters

            Some plugins are simple.

            Converters also run for every page of the site.
            """),
    ]

    static func candidate(_ fixture: SuggestFixture, to target: String) throws -> Candidate {
        let found = fixture.suggester().candidates()[fixture.index("overview.md")].filter { $0.target == fixture.index(target) }
        return try #require(found.max { $0.score < $1.score })
    }

    @Test func thePagesNameOpeningItsSectionIsACitation() throws {
        let fixture = try SuggestFixture(Self.site)
        let generators = try Self.candidate(fixture, to: "generators.md")
        #expect(generators.features.opensSection)
        #expect(generators.features.isCitation)
        let suggestion = fixture.suggester().suggest().suggestions.first { $0.target == "generators.md" }
        #expect(suggestion?.reason.contains("opening the section named after it") == true)
    }

    /// Under a heading of other words, or past the section's first paragraph, the name is a mention.
    @Test func elsewhereTheNameIsAMention() throws {
        let fixture = try SuggestFixture(Self.site)
        let converters = try Self.candidate(fixture, to: "converters.md")
        #expect(!converters.features.opensSection)
        #expect(!converters.features.isCitation)
    }

    @Test(arguments: [
        ("\n\nText then the name.", true),
        ("\n\n{: #id .class}\nThe name.", true),
        ("\nThe first line,\nand the name on the next.", true),
        ("\n\nA paragraph.\n\nThe name.", false),
        ("\n\n- An item.\n\nThe name.", false),
    ])
    func theFirstParagraphAfterTheHeading(text: String, expected: Bool) {
        let bytes = Array(("## Heading" + text).utf8)
        let end = bytes.count - Array("name.".utf8).count
        #expect(Suggester.isFirstParagraph(after: 10, upTo: end, in: bytes) == expected)
    }
}
