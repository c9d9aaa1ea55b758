import Testing

@testable import Interlink

/// A list item whose whole text is another article's title is an entry of a list of articles (a table
/// of contents, "Related posts", a map of content): linked whatever the per-article caps.
@Suite struct SuggestListEntryTests {
    static let names = [
        "Crawl Budget", "Orphan Pages", "Link Velocity", "Anchor Text", "Redirect Chains", "Canonical Tags",
        "Sitemap Files", "Robots Rules", "Hreflang Tags", "Structured Data", "Page Speed", "Duplicate Content",
    ]

    /// Twelve targets, each a page about its title, and a contents page listing them as `items` says.
    static func site(items: (String) -> String) throws -> SuggestFixture {
        var files: [String: String] = [:]
        for name in names {
            let file = name.lowercased().replacingOccurrences(of: " ", with: "-") + ".md"
            files[file] = "---\ntitle: \(name)\n---\n\n\(name) matters for every site and its crawler.\n"
        }
        files["contents.md"] =
            "---\ntitle: Contents\n---\n\nEvery guide of the site:\n\n" + names.map(items).joined(separator: "\n") + "\n"
        return try SuggestFixture(files)
    }

    @Test(arguments: ["- ", "* ", "+ ", "1. ", "2) "])
    func everyEntryOfAListOfTitlesIsLinked(marker: String) throws {
        let fixture = try Self.site { marker + $0 }
        #expect(fixture.article("contents.md").document.wordCount < 150, "the density cap alone would allow one link")
        let suggestions = fixture.suggestions(from: "contents.md", maxLinks: 10)
        #expect(suggestions.count == Self.names.count)
        #expect(suggestions.allSatisfy { $0.reason.contains("as an entry of a list") })
        // Each entry links the page it names.
        #expect(suggestions.allSatisfy { $0.target == $0.anchor.lowercased().replacingOccurrences(of: " ", with: "-") + ".md" })
    }

    @Test func seeAlsoLinesOfAnAPIReferenceAreEntries() throws {
        let fixture = try Self.site { "- **See also** Guide - \($0)" }
        let suggestions = fixture.suggestions(from: "contents.md", maxLinks: 10)
        #expect(suggestions.count == Self.names.count)
        #expect(suggestions.allSatisfy { $0.reason.contains("as an entry of a list") })
    }

    @Test func codeNamesAndSectionsStandingAloneInAnItemAreEntries() throws {
        var files: [String: String] = [:]
        var items: [String] = []
        for number in 1...6 {
            files["api-\(number).md"] =
                "---\ntitle: API \(number)\n---\n\n## `useThing\(number)()`\n\nReturns thing \(number).\n\n"
                + "## Caching Strategy \(number)\n\nHow thing \(number) is cached.\n"
            items.append("- `useThing\(number)()`")
            items.append("- Guide - Caching Strategy \(number)")
        }
        files["contents.md"] = "---\ntitle: Contents\n---\n\nWhat to read:\n\n" + items.joined(separator: "\n") + "\n"
        let fixture = try SuggestFixture(files)
        let suggestions = fixture.suggestions(from: "contents.md", maxLinks: 3)
        // Twelve entries, two per target page: the best of each pair is linked, past the maximum of 3.
        #expect(suggestions.count == 6)
        #expect(suggestions.allSatisfy { $0.reason.contains("as an entry of a list") })
    }

    /// Pages named by words every page of the site uses (so their mentions score low), and an index
    /// page whose body is `index`.
    static func commonWordSite(index: String) throws -> SuggestFixture {
        let words = ["Buffer", "Path", "Stream", "Timers"]
        var files: [String: String] = [:]
        for word in words {
            files[word.lowercased() + ".md"] = "---\ntitle: \(word)\n---\n\nThe \(word.lowercased()) module.\n"
        }
        for number in 1...6 {
            files["note-\(number).md"] =
                "---\ntitle: Note \(number)\n---\n\nA buffer, a path, a stream and timers, as in note \(number).\n"
        }
        files["index.md"] = "---\ntitle: Contents\n---\n\n" + index
        return try SuggestFixture(files)
    }

    @Test func theEntriesOfAListOfPagesAreLiftedAboveTheThreshold() throws {
        let fixture = try Self.commonWordSite(index: "* ⟦Buffer⟧\n* ⟦Path⟧\n\n* ⟦Stream⟧\n* ⟦Timers⟧\n")
        // Each entry on its own scores under a threshold of 0.5 (common words, an index page).
        let raw = try Self.commonWordSite(index: "* Buffer\n\nThen some prose.\n\n* Path\n")
        #expect(raw.suggestions(from: "index.md", minimumScore: 0.5).isEmpty)
        let suggestions = fixture.suggestions(from: "index.md", minimumScore: 0.5)
        #expect(suggestions.map(\.offset) == fixture.marks("index.md").map(\.lowerBound))
        #expect(suggestions.allSatisfy { $0.reason.contains("as an entry of a list of pages") })
        #expect(suggestions.allSatisfy { $0.score >= Suggester.contentsEntryScore })
    }

    @Test(arguments: [
        "* Buffer\n* Path\n",  // two items are no table of contents
        "* Buffer\n* the path we took\n* Stream\n",  // an item that names no page breaks the run
        "* Buffer\n\nProse between.\n\n* Path\n* Stream\n",
    ])
    func aRunOfFewerThanThreeEntriesIsNotLifted(index: String) throws {
        let fixture = try Self.commonWordSite(index: index)
        #expect(fixture.suggestions(from: "index.md", minimumScore: 0.5).isEmpty)
    }

    @Test func anItemAlreadyLinkedCountsInTheRun() throws {
        let fixture = try Self.commonWordSite(index: "* [Buffer](buffer.md)\n* ⟦Path⟧\n* ⟦Stream⟧\n")
        let suggestions = fixture.suggestions(from: "index.md", minimumScore: 0.5)
        #expect(suggestions.map(\.offset) == fixture.marks("index.md").map(\.lowerBound))
        // Without the linked item the two left are no table of contents.
        let two = try Self.commonWordSite(index: "* Buffer, the first\n* Path\n* Stream\n")
        #expect(two.suggestions(from: "index.md", minimumScore: 0.5).isEmpty)
    }

    @Test func anItemWithMoreThanTheTitleIsNoEntry() throws {
        let fixture = try Self.site { "- \($0) for crawlers" }
        let suggestions = fixture.suggestions(from: "contents.md", maxLinks: 10)
        #expect(suggestions.count == 1, "held to the density cap of a short article")
    }

    @Test func anItemContinuedOnTheNextLineIsNoEntry() throws {
        let fixture = try Self.site { "- \($0)\n  and more" }
        #expect(fixture.suggestions(from: "contents.md", maxLinks: 10).count < Self.names.count)
    }

    @Test func aParagraphOfTitlesIsNoList() throws {
        let fixture = try Self.site { $0 + "." }
        #expect(fixture.suggestions(from: "contents.md", maxLinks: 10).count <= 10)
    }

    @Test(arguments: [
        ("- ⟦Crawl Budget⟧\n", true), ("  * ⟦Crawl Budget⟧  \n", true), ("10. ⟦Crawl Budget⟧\n", true),
        ("- ⟦Crawl Budget⟧ basics\n", false), ("- the ⟦Crawl Budget⟧\n", false), ("-⟦Crawl Budget⟧\n", false),
        // A bold run-in label and short qualifiers set off by a dash or colon: an API's "See also" line.
        ("- **See also** ⟦Crawl Budget⟧\n", true), ("- Guide - ⟦Crawl Budget⟧\n", true),
        ("- **See also** Guide - ⟦Crawl Budget⟧ - basics\n", true), ("- Options: ⟦Crawl Budget⟧\n", true),
        ("- SEO Guide – ⟦Crawl Budget⟧\n", true), ("- ⟦Crawl Budget⟧ — `robots.txt`\n", true),
        ("- **See also** the ⟦Crawl Budget⟧\n", false), ("- Read this, then - ⟦Crawl Budget⟧\n", false),
        ("- one two three four five - ⟦Crawl Budget⟧\n", false), ("- ⟦Crawl Budget⟧: basics\n", false),
        ("- Guide -⟦Crawl Budget⟧\n", false), ("- ⟦Crawl Budget⟧ - see the guide, then act\n", false),
        ("- **See also ⟦Crawl Budget⟧\n", false),
    ])
    func wholeListItems(text: String, whole: Bool) throws {
        let fixture = try SuggestFixture(["a.md": "---\ntitle: Notes\n---\n\n" + text])
        let article = fixture.article("a.md")
        let range = try #require(fixture.marks("a.md").first)
        let block = try #require(article.document.spans.first { $0.range.overlaps(range) }?.block)
        #expect(Suggester.isWholeListItem(range, block: block, in: article) == whole)
    }
}
