@testable import Interlink
import InterlinkMarkdown
import Testing

/// Publication order: a post links back to what was already published, so a candidate pointing to a
/// later post is weaker, unless the site's own links show that it links forward freely.
@Suite struct SuggestChronologyTests {
    static func post(_ title: String, date: String?, _ body: String) -> String {
        let dateLine = date.map { "date: \($0)\n" } ?? ""
        return "---\ntitle: \"\(title)\"\n\(dateLine)---\n\n\(body)\n"
    }

    /// A source from 2021 mentioning two targets with identical wording, one older and one newer.
    static func site(sourceDate: String? = "2021-06-01", extra: [String: String] = [:]) throws -> SuggestFixture {
        var files = [
            "posts/older.md": post("Garbage Collector", date: "2020-03-01", "How the garbage collector frees memory."),
            "posts/newer.md": post("Escape Analysis", date: "2022-09-15", "How escape analysis keeps values on the stack."),
            "posts/source.md": post(
                "Notes", date: sourceDate,
                "Memory: the garbage collector and escape analysis decide where values live.\n\n"
                    + "The garbage collector runs concurrently; escape analysis runs at compile time."),
        ]
        files.merge(extra) { $1 }
        return try SuggestFixture(files)
    }

    static func best(_ fixture: SuggestFixture, to target: String) throws -> Candidate {
        let found = fixture.suggester().candidates()[fixture.index("posts/source.md")].filter { $0.target == fixture.index(target) }
        return try #require(found.max { $0.score < $1.score })
    }

    @Test func aLinkForwardInTimeScoresHalfOfTheSameLinkBack() throws {
        let fixture = try Self.site()
        let back = try Self.best(fixture, to: "posts/older.md")
        let forward = try Self.best(fixture, to: "posts/newer.md")
        #expect(!back.features.pointsForward)
        #expect(forward.features.pointsForward)
        var unpenalised = forward.features
        unpenalised.pointsForward = false
        #expect(abs(forward.score - Suggester.score(unpenalised) * 0.5) < 1e-12)
    }

    @Test func theReasonSaysTheTargetWasPublishedLater() throws {
        let fixture = try SuggestFixture([
            "posts/newer.md": Self.post("Escape Analysis", date: "2022-09-15", "Keeps values on the stack."),
            "posts/older.md": Self.post("Garbage Collector", date: "2020-03-01", "Frees memory."),
            "posts/a.md": Self.post("A", date: "2021-06-01", "Values live where escape analysis puts them."),
            "posts/b.md": Self.post("B", date: "2021-06-01", "Memory is freed by the garbage collector."),
        ])
        let reasons = Dictionary(
            uniqueKeysWithValues: fixture.suggestions().map { ($0.source, $0.reason) })
        #expect(reasons["posts/a.md"]?.hasSuffix("; target published later") == true)
        #expect(reasons["posts/b.md"].map { !$0.contains("published later") } == true)
    }

    @Test func undatedArticlesAreNeitherForwardNorBack() throws {
        let fixture = try Self.site(sourceDate: nil)
        #expect(try !Self.best(fixture, to: "posts/newer.md").features.pointsForward)
    }

    /// Documentation pages with dates (Hugo's archetype gives every page one) are no posts: their
    /// links may point forward.
    @Test func datedPagesOutsidePostFoldersAreNotOrdered() throws {
        let fixture = try SuggestFixture([
            "docs/older.md": Self.post("Garbage Collector", date: "2020-03-01", "Frees memory."),
            "docs/newer.md": Self.post("Escape Analysis", date: "2022-09-15", "Keeps values on the stack."),
            "docs/source.md": Self.post("Notes", date: "2021-06-01", "The garbage collector and escape analysis."),
        ])
        let chronology = Chronology(site: fixture.site, graph: LinkGraph(site: fixture.site))
        #expect(chronology.dates.allSatisfy { $0 == nil })
        let forward = fixture.suggester().candidates()[fixture.index("docs/source.md")]
            .filter { $0.target == fixture.index("docs/newer.md") }
        #expect(!forward.isEmpty && forward.allSatisfy { !$0.features.pointsForward })
    }

    @Test(arguments: ["posts/a.md", "en/blog/a.md", "_posts/a.md", "News/a.md", "2024-01-02-a.md", "x/2024-01-02-a.md"])
    func postsAreFoundByFolderOrFileName(path: String) throws {
        let fixture = try SuggestFixture([path: Self.post("A", date: nil, "Text.")])
        #expect(Chronology.isPost(fixture.article(path)))
    }

    @Test(arguments: ["docs/a.md", "a.md", "blogging/a.md", "posts.md"])
    func otherArticlesAreNoPosts(path: String) throws {
        let fixture = try SuggestFixture([path: Self.post("A", date: nil, "Text.")])
        #expect(!Chronology.isPost(fixture.article(path)))
    }

    /// The byte-wise folder check agrees with lower-casing every folder of the path.
    @Test func postFoldersAreFoundAsSplittingThePathWould() {
        let paths = [
            "posts/a.md", "a/POSTS/b.md", "blogs/x/y.md", "x/News/y.md", "_posts.md", "x/news", "post/a", "a//posts/b.md",
            "ünï/posts/a.md", "Blög/a.md", "BLOG/a.md", "docs/blogging/a.md", "x/_Posts/2024-01-01-a.md", "a/b/c/d/e.md",
            "newsletter/a.md", "new/a.md", "posts", "/posts/a.md",
        ]
        for path in paths {
            let split = path.split(separator: "/").dropLast().contains { Chronology.postFolders.contains($0.lowercased()) }
            #expect(Chronology.isInPostFolder(path) == split, "\(path)")
        }
    }

    @Test func aJekyllFileNameDatesAPost() throws {
        let fixture = try SuggestFixture([
            "_posts/2019-01-05-old.md": Self.post("Old", date: nil, "Old."),
            "_posts/2023-07-08-new.md": Self.post("New", date: nil, "New."),
        ])
        let chronology = Chronology(site: fixture.site, graph: LinkGraph(site: fixture.site))
        #expect(chronology.dates[fixture.index("_posts/2019-01-05-old.md")] == PublicationDate(year: 2019, month: 1, day: 5))
        #expect(chronology.pointsForward(
            from: fixture.index("_posts/2019-01-05-old.md"), to: fixture.index("_posts/2023-07-08-new.md")))
    }

    /// A site whose own dated links often point forward (docs kept up to date) switches the signal off;
    /// one whose links point back keeps it.
    @Test(arguments: [(forward: 10, back: 15, applies: false), (forward: 3, back: 22, applies: true)])
    func theSiteOwnLinksDecideWhetherDatesMatter(forward: Int, back: Int, applies: Bool) throws {
        var extra: [String: String] = [:]
        for number in 0..<forward {
            extra["posts/f\(number).md"] = Self.post("F\(number)", date: "2000-01-01", "See [later](newer.md).")
        }
        for number in 0..<back {
            extra["posts/b\(number).md"] = Self.post("B\(number)", date: "2030-01-01", "See [earlier](older.md).")
        }
        let fixture = try Self.site(extra: extra)
        let chronology = Chronology(site: fixture.site, graph: LinkGraph(site: fixture.site))
        #expect(chronology.appliesToSite == applies)
        #expect(try Self.best(fixture, to: "posts/newer.md").features.pointsForward == applies)
    }

    /// Front matter as generators write it: YAML dates with and without a time (Jekyll's
    /// `2019-03-19 10:00:00 +0000`), quoted, and TOML dates and date-times.
    @Test(arguments: [
        "---\ndate: 2019-03-19\n---\n", "---\ndate: 2019-03-19 10:00:00 +0000\n---\n",
        "---\ndate: 2019-03-19T10:00:00+02:00\n---\n", "---\ndate: \"2019-03-19\"\n---\n",
        "+++\ndate = 2019-03-19\n+++\n", "+++\ndate = 2019-03-19T10:00:00Z\n+++\n", "+++\ndate = \"2019-03-19\"\n+++\n",
    ])
    func frontMatterDatesAreRead(frontMatter: String) throws {
        let fixture = try SuggestFixture(["blog/post.md": frontMatter + "\nText.\n"])
        let chronology = Chronology(site: fixture.site, graph: LinkGraph(site: fixture.site))
        #expect(chronology.dates[fixture.index("blog/post.md")] == PublicationDate(year: 2019, month: 3, day: 19))
    }

    @Test(arguments: [
        ("2024-04-09", PublicationDate(year: 2024, month: 4, day: 9)),
        ("2024-4-9", PublicationDate(year: 2024, month: 4, day: 9)),
        ("2024-04-09T10:00:00Z", PublicationDate(year: 2024, month: 4, day: 9)),
        ("2024-04-09 10:00", PublicationDate(year: 2024, month: 4, day: 9)),
        ("\"2024-12-31\"", PublicationDate(year: 2024, month: 12, day: 31)),
    ])
    func datesAreRead(text: String, expected: PublicationDate) {
        #expect(PublicationDate(parsing: text) == expected)
    }

    @Test(arguments: ["", "yesterday", "2024", "2024-13-01", "2024-04-32", "24-04-09", "2024-04-09x", "2024/04/09"])
    func otherTextIsNoDate(text: String) {
        #expect(PublicationDate(parsing: text) == nil)
    }
}
