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
