import Interlink
import Testing

/// Words of a path written out, or of a snake-case name, are a file's or an identifier's, not a mention
/// of a page: "../../docs_src/conditional_openapi/tutorial001.py" names no page "Conditional OpenAPI".
@Suite struct WrittenPathMatchingTests {
    static let targets: [String: String] = [
        "conditional-openapi.md": "---\ntitle: Conditional OpenAPI\n---\n\nShort.\n",
        "openapi-docs.md": "---\ntitle: OpenAPI docs\n---\n\nShort.\n",
        "async.md": "---\ntitle: Async Await\n---\n\nShort.\n",
        "response.md": "---\ntitle: Response\n---\n\nShort.\n",
    ]

    static func fixture(_ text: String) throws -> SuggestFixture {
        var files = targets
        files["source.md"] = "---\ntitle: Notes\n---\n\n\(text)\n"
        return try SuggestFixture(files)
    }

    @Test(arguments: [
        "{* ../../docs_src/conditional_openapi/tutorial001.py hl[6,11] *}",
        "Copy fastapi/openapi/docs.py into place.",
        "The file lives in ./conditional/openapi now.",
        "Open /conditional/openapi/ in a browser.",
        "Open ~/conditional/openapi today.",
        "On Windows: C:\\docs\\conditional\\openapi\\main.py here.",
        "Set conditional_openapi to true.",
        "Set the response_class of the route.",
    ])
    func wordsOfAPathOrASnakeCaseNameAreNoMention(_ text: String) throws {
        let mentions = try Self.fixture(text).mentions(in: "source.md")
        #expect(mentions.isEmpty, "\(mentions.map(\.text))")
    }

    @Test(arguments: [
        "With ⟦conditional OpenAPI⟧ the docs can be hidden.",
        "Python's ⟦async/await⟧ syntax.",
        "The _⟦conditional OpenAPI⟧_ switch.",
        "A plain ⟦response⟧, see (⟦OpenAPI docs⟧).",
    ])
    func proseAroundSlashesAndEmphasisStillMatches(_ text: String) throws {
        let fixture = try Self.fixture(text)
        let mentions = fixture.mentions(in: "source.md")
        #expect(mentions.map(\.range) == fixture.marks("source.md"), "\(mentions.map(\.text))")
    }

    /// The steps of a tutorial ("Try it") are headings every page of the kind has: no section topic.
    @Test func aTutorialStepHeadingIsNoTopic() throws {
        let fixture = try SuggestFixture([
            "websockets.md": "---\ntitle: WebSockets\n---\n\n## Try it\n\nRun it.\n\n## Handling disconnections\n\nText.\n",
            "source.md": "---\ntitle: Notes\n---\n\nTry it now, and read about ⟦handling disconnections⟧.\n",
        ])
        let mentions = fixture.mentions(in: "source.md")
        #expect(mentions.map(\.range) == fixture.marks("source.md"))
    }

    /// A front-matter keyword is a term the page wants to be found by, weighed as a part of its title,
    /// below an alias (a name of the page).
    @Test func aKeywordWeighsLessThanAnAlias() throws {
        let fixture = try SuggestFixture([
            "hosting.md": "---\ntitle: Hosting on Workers\naliases: [edge hosting]\nkeywords: [custom domains]\n---\n\nText.\n",
            "source.md": "---\ntitle: Notes\n---\n\nAbout edge hosting and custom domains.\n",
        ])
        let index = KeywordIndex(site: fixture.site, graph: LinkGraph(site: fixture.site))
        let topics = index.topics.filter { $0.target == fixture.index("hosting.md") }
        let keyword = try #require(topics.first { $0.source == .keyword })
        let alias = try #require(topics.first { $0.source == .alias })
        let titlePart = try #require(topics.first { $0.source == .title })
        #expect(keyword.weight == 0.7)
        #expect(keyword.weight < alias.weight && alias.weight < titlePart.weight)
    }
}
