import Interlink
import Testing

/// A page's menu or sidebar name (Hugo `linkTitle`, Docusaurus `sidebar_label`, …) is another name of
/// the page: a mention of it is a candidate link, unless the name is generic.
@Suite struct ShortTitleTopicTests {
    @Test(arguments: ["linkTitle", "linktitle", "sidebar_label", "short_title", "shortTitle", "nav_title", "navTitle"])
    func aShortTitleIsATopic(key: String) throws {
        let fixture = try SuggestFixture([
            "lifecycle.md": "---\ntitle: Pod Lifecycle and Scheduling Overview\n\(key): Pods\n---\n\nShort.\n",
            "source.md": "---\ntitle: Notes\n---\n\nEvery container runs inside one of the ⟦pods⟧ of a node.\n",
        ])
        let mentions = fixture.mentions(in: "source.md")
        #expect(mentions.map(\.range) == fixture.marks("source.md"))
        #expect(mentions.map(\.targets) == [["lifecycle.md"]])
    }

    @Test func aGenericShortTitleIsNoTopic() throws {
        let fixture = try SuggestFixture([
            "intro.md": "---\ntitle: Pod Lifecycle and Scheduling\nlinkTitle: Next Steps\n---\n\nShort.\n",
            "source.md": "---\ntitle: Notes\n---\n\nThe next steps of the cluster come later.\n",
        ])
        #expect(fixture.mentions(in: "source.md").isEmpty)
    }

    @Test func shortTitlesAreReadOnceEach() throws {
        let matter = FrontMatter(fields: [
            "linkTitle": .string("Pods"), "sidebar_label": .string("pods"), "nav_title": .string("Workloads"),
        ])
        #expect(matter.shortTitles == ["Pods", "Workloads"])
    }
}

/// A folder's index page (a Hugo page bundle `posts/my-post/index.md`, an MkDocs `guide/index.md`)
/// is named by its folder, as its URL is: the folder name is its file-name topic.
@Suite struct IndexPageNameTopicTests {
    @Test(arguments: ["posts/garbage-collection/index.md", "docs/garbage_collection/README.md"])
    func theFolderNamesAnIndexPage(path: String) throws {
        let fixture = try SuggestFixture([
            path: "---\ntitle: How We Rebuilt Our Collector\n---\n\nShort.\n",
            "source.md": "---\ntitle: Notes\n---\n\nPauses come from ⟦garbage collection⟧ in the runtime.\n",
        ])
        let mentions = fixture.mentions(in: "source.md")
        #expect(mentions.map(\.range) == fixture.marks("source.md"))
        #expect(mentions.map(\.targets) == [[path]])
    }

    @Test func aRootIndexPageHasNoFileNameTopic() throws {
        let fixture = try SuggestFixture([
            "index.md": "---\ntitle: Welcome Home\n---\n\nShort.\n",
            "source.md": "---\ntitle: Notes\n---\n\nThe index of the book is long.\n",
        ])
        #expect(fixture.mentions(in: "source.md").isEmpty)
    }
}

/// A root index page without a title is shown as "home", a name nobody wrote: it is no topic, while a
/// home page whose front matter or first heading says "Home" keeps it.
@Suite struct InventedTitleTopicTests {
    static let source = "---\ntitle: Notes\n---\n\nEvery reader starts at the home of the site and reads on.\n"

    @Test func anUntitledRootIndexIsNotNamedHome() throws {
        let fixture = try SuggestFixture([
            "index.md": "* About this documentation\n* Usage and example\n",
            "source.md": Self.source,
        ])
        #expect(fixture.article("index.md").title == "home")
        #expect(fixture.mentions(in: "source.md").isEmpty)
    }

    @Test(arguments: ["---\ntitle: Home\n---\n\nWelcome.\n", "# Home\n\nWelcome.\n"])
    func aWrittenHomeTitleIsATopic(index: String) throws {
        let fixture = try SuggestFixture(["index.md": index, "source.md": Self.source])
        #expect(fixture.mentions(in: "source.md").map(\.targets) == [["index.md"]])
    }
}

/// A file name whose words stand together in the title is the short name its author chose from the
/// title: it weighs as a title part; any other file name keeps the file-name weight.
@Suite struct FileNameInTitleTopicTests {
    static func fileNameWeight(path: String, title: String) throws -> Double? {
        let fixture = try SuggestFixture([path: "---\ntitle: \(title)\n---\n\nShort.\n"])
        let index = KeywordIndex(site: fixture.site, graph: LinkGraph(site: fixture.site))
        return index.topics.first { $0.source == .fileName }?.weight
    }

    @Test func aFileNameInTheTitleWeighsAsATitlePart() throws {
        #expect(try Self.fileNameWeight(path: "race-detector.md", title: "Introducing the Go Race Detector")
            == 0.7, "the title-part weight of Docs/Matching.md")
        #expect(try Self.fileNameWeight(path: "posts/2017-05-05-libz-blitz.md", title: "The Rust Libz Blitz")
            == 0.7, "the title-part weight of Docs/Matching.md")
    }

    @Test func aFileNameOutsideTheTitleKeepsItsWeight() throws {
        #expect(try Self.fileNameWeight(path: "detector.md", title: "Finding Data Races")
            == 0.6, "the file-name weight of Docs/Matching.md")
        // The words must stand together and in order.
        #expect(try Self.fileNameWeight(path: "detector-race.md", title: "The Race Detector")
            == 0.6, "the file-name weight of Docs/Matching.md")
    }
}
