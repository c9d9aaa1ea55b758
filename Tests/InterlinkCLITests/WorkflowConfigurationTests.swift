import Foundation
import Interlink
import Testing

/// `.interlink.yml` used as a site owner uses it: through the `interlink` binary.
@Suite struct WorkflowConfigurationTests {
    static func page(_ title: String, _ body: String) -> String { WorkflowSite.page(title, body) }

    /// A small plain site. The baseline config keeps every candidate (`min_score: 0`) and lets short
    /// articles take several links (`words_per_link: 1`); each test adds one key to it.
    static let files: [String: String] = [
        "crawl-budget.md": page("Crawl Budget", "Crawl budget is how many URLs a crawler fetches from one host per day."),
        "orphan-pages.md": page("Orphan Pages", "Orphan pages have no inbound internal links, so a crawler never finds them."),
        "link-velocity.md": page("Link Velocity", "Link velocity is how fast a site gains inbound links from other hosts."),
        "pagination.md": page("Pagination", "Pagination splits a long list of URLs across numbered pages a crawler follows."),
        "notes.md": page(
            "Notes",
            "Plan your crawl budget before a crawler fetches every URL. Fix orphan pages with inbound internal links. "
                + "Watch your link velocity as a site gains inbound links. Split long lists of URLs with pagination so a crawler follows them."),
        "drafts/idea.md": page("Idea", "A crawl budget idea: a crawler that fetches every URL once."),
        "extra.md": page("Extra", "Find unlinked pages with a crawler that follows inbound internal links."),
    ]

    static let baselineConfig = "min_score: 0\nwords_per_link: 1\n"

    static let baseline: Set<String> = [
        "notes.md -> crawl-budget.md \"crawl budget\"",
        "notes.md -> orphan-pages.md \"orphan pages\"",
        "notes.md -> link-velocity.md \"link velocity\"",
        "notes.md -> pagination.md \"pagination\"",
        "drafts/idea.md -> crawl-budget.md \"crawl budget\"",
    ]

    /// The suggestions of the site with the baseline config plus `extra`.
    static func suggestions(adding extra: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Set<String> {
        let site = try WorkflowSite(files.merging([".interlink.yml": baselineConfig + extra]) { _, new in new })
        return Set(try site.suggestions(sourceLocation: sourceLocation).map(\.triple))
    }

    @Test func theBaselineSuggestsEveryMention() throws {
        #expect(try Self.suggestions(adding: "") == Self.baseline)
        // Without a config file the calibrated threshold and the word-based cap apply: fewer links.
        let site = try WorkflowSite(Self.files)
        let unconfigured = Set(try site.suggestions().map(\.triple))
        #expect(unconfigured.isSubset(of: Self.baseline))
        #expect(unconfigured.count < Self.baseline.count)
    }

    @Test func maxLinksPerArticleCapsEachArticle() throws {
        let capped = try Self.suggestions(adding: "max_links_per_article: 1\n")
        let fromNotes = capped.filter { $0.hasPrefix("notes.md ") }
        #expect(fromNotes.count == 1)
        #expect(capped.isSubset(of: Self.baseline))
        #expect(capped.contains("drafts/idea.md -> crawl-budget.md \"crawl budget\""))
        #expect(try Self.suggestions(adding: "max_links_per_article: 0\n").isEmpty)
    }

    @Test func neverLinkToRemovesTheTarget() throws {
        let result = try Self.suggestions(adding: "never_link_to: [crawl-budget.md]\n")
        #expect(result == Self.baseline.filter { !$0.contains("-> crawl-budget.md") })
        let glob = try Self.suggestions(adding: "never_link_to: [\"*-pages.md\", \"link-*\"]\n")
        #expect(glob == Self.baseline.filter { !$0.contains("-> orphan-pages.md") && !$0.contains("-> link-velocity.md") })
    }

    @Test func neverTouchLeavesTheSourceAlone() throws {
        let result = try Self.suggestions(adding: "never_touch: [notes.md]\n")
        #expect(result == Self.baseline.filter { !$0.hasPrefix("notes.md ") })
        let folder = try Self.suggestions(adding: "never_touch: [drafts/]\n")
        #expect(folder == Self.baseline.filter { !$0.hasPrefix("drafts/") })
    }

    @Test func synonymsAddPhrasesForATarget() throws {
        let result = try Self.suggestions(adding: "synonyms:\n  orphan-pages.md: [\"unlinked pages\"]\n")
        #expect(result == Self.baseline.union(["extra.md -> orphan-pages.md \"unlinked pages\""]))
    }

    @Test func excludeRemovesArticlesAsSourcesAndTargets() throws {
        let folder = try Self.suggestions(adding: "exclude: [drafts/]\n")
        #expect(folder == Self.baseline.filter { !$0.hasPrefix("drafts/") })
        let target = try Self.suggestions(adding: "exclude: [\"drafts/**\", link-velocity.md]\n")
        #expect(target == Self.baseline.filter { !$0.hasPrefix("drafts/") && !$0.contains("-> link-velocity.md") })
    }

    @Test func includeKeepsOnlyMatchingArticles() throws {
        let result = try Self.suggestions(adding: "include: [notes.md, crawl-budget.md, pagination.md]\n")
        #expect(result == ["notes.md -> crawl-budget.md \"crawl budget\"", "notes.md -> pagination.md \"pagination\""])
    }

    @Test func genericAnchorsAreNeverAnchors() throws {
        let result = try Self.suggestions(adding: "generic_anchors: [\"Link Velocity\"]\n")
        #expect(result == Self.baseline.filter { !$0.contains("\"link velocity\"") })
    }

    @Test func stopwordsAreNeverAnAnchorAlone() throws {
        let result = try Self.suggestions(adding: "stopwords: [pagination]\n")
        #expect(result == Self.baseline.filter { !$0.contains("-> pagination.md") })
    }

    @Test func minScoreDropsWeakerSuggestions() throws {
        let site = try WorkflowSite(Self.files.merging([".interlink.yml": "words_per_link: 1\nmin_score: 0.99\n"]) { _, new in new })
        let output = try site.run("suggest", ["--format", "json"])
        #expect(output.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(object["minimumScore"] as? Double == 0.99)
        #expect(object["threshold"] as? String == "given")
        #expect((object["suggestions"] as? [Any])?.isEmpty == true)
        // A threshold between the scores keeps exactly those at or above it.
        let all = try WorkflowSite(Self.files.merging([".interlink.yml": Self.baselineConfig]) { _, new in new }).suggestions()
        let scores = all.map(\.score).sorted()
        let cut = (scores[1] + scores[2]) / 2
        try site.write(".interlink.yml", "words_per_link: 1\nmin_score: \(cut)\n")
        let kept = try site.suggestions()
        #expect(Set(kept.map(\.triple)) == Set(all.filter { $0.score >= cut }.map(\.triple)))
        #expect(kept.count == all.count - 2)
        // The command line wins over the file.
        #expect(Set(try site.suggestions(["--min-score", "0"]).map(\.triple)) == Self.baseline)
    }

    // MARK: Where the file is found

    @Test func theConfigIsFoundAboveTheCurrentFolderWhenTheRootHasNone() throws {
        let tree = try WorkflowSite(
            Dictionary(uniqueKeysWithValues: Self.files.map { ("site/" + $0.key, $0.value) }).merging([
                ".interlink.yml": Self.baselineConfig + "never_touch: [notes.md]\n"
            ]) { _, new in new }, siteFolder: "site")
        // Run from inside the site: the walk up finds the file in the folder above the root.
        let output = try tree.run("suggest", ["--format", "json"], in: tree.root.appendingPathComponent("drafts"))
        #expect(output.status == 0, "\(output.stderr)")
        let found = try JSONDecoder().decode(SuggestionReport.self, from: Data(output.stdout.utf8)).suggestions
        #expect(Set(found.map(\.triple)) == Self.baseline.filter { !$0.hasPrefix("notes.md ") })
        // A file in the root wins over it.
        try tree.write(".interlink.yml", Self.baselineConfig)
        #expect(Set(try tree.suggestions().map(\.triple)) == Self.baseline)
        // --config names one explicitly.
        try tree.write("other.yml", Self.baselineConfig + "max_links_per_article: 0\n")
        #expect(try tree.suggestions(["--config", tree.root.appendingPathComponent("other.yml").path]).isEmpty)
    }

    // MARK: Errors

    @Test(arguments: [
        ("min_score: 0\nmax_link: 3\n", 2, 1, "unknown key 'max_link'"),
        ("max_links_per_article: lots\n", 1, 24, "'max_links_per_article' must be a whole number"),
        ("min_score: 2\n", 1, 12, "'min_score' must be between 0 and 1"),
        ("generator: [hugo\n", 2, 1, "invalid YAML"),
        ("synonyms: [a]\n", 1, 11, "'synonyms' must map target paths"),
    ])
    func aBadConfigStopsWithExitTwoAndALocatedError(_ yaml: String, _ line: Int, _ column: Int, _ message: String) throws {
        let site = try WorkflowSite(Self.files.merging([".interlink.yml": yaml]) { _, new in new })
        for format in ["text", "json", "sarif", "github"] {
            let output = try site.run("suggest", ["--format", format])
            #expect(output.status == 2)
            #expect(output.stdout == "", "nothing on stdout when the config is bad (\(format))")
            #expect(output.stderr.hasPrefix(".interlink.yml:\(line):\(column): error: "), "\(output.stderr)")
            #expect(output.stderr.contains(message), "\(output.stderr)")
            #expect(output.stderr.hasSuffix("\n"))
            #expect(output.stderr.split(separator: "\n").count == 1)
        }
        // Every command that reads the site refuses it the same way, and writes nothing.
        let before = try site.read("notes.md")
        for command in ["apply", "diff", "reject"] {
            let output = try site.run(command, command == "reject" ? ["0123456789ab"] : [])
            #expect(output.status == 2, "\(command)")
            #expect(output.stderr.hasPrefix(".interlink.yml:\(line):\(column): error: "), "\(command): \(output.stderr)")
        }
        #expect(try site.read("notes.md") == before)
        #expect(!site.exists(".interlink-ignore"))
    }

    @Test func aBadConfigNamedWithConfigIsShownAsGiven() throws {
        let site = try WorkflowSite(Self.files.merging(["conf/custom.yml": "words_per_link: 0\n"]) { _, new in new })
        let output = try site.run("suggest", ["--config", "conf/custom.yml"], in: site.root)
        #expect(output.status == 2)
        #expect(output.stdout == "")
        #expect(output.stderr.hasPrefix("conf/custom.yml:1:17: error: 'words_per_link' must be a whole number of at least 1"))
    }

    // MARK: interlink init

    /// A Hugo site whose links are relative `.md` links: not Hugo's usual style, so the style written
    /// can only come from detection.
    static let hugoSite: [String: String] = [
        "hugo.toml": "baseURL = \"https://example.org/\"\ntitle = \"Test\"\n",
        "content/posts/a.md": page("Alpha", "See [Beta](b.md), [Gamma](c.md) and [Delta](d.md)."),
        "content/posts/b.md": page("Beta", "Back to [Alpha](a.md)."),
        "content/posts/c.md": page("Gamma", "Back to [Alpha](a.md)."),
        "content/posts/d.md": page("Delta", "Back to [Alpha](a.md) and [Beta](b.md)."),
    ]

    @Test func initWritesAConfigThatParsesBackWithTheDetectedGeneratorAndStyle() throws {
        let site = try WorkflowSite(Self.hugoSite)
        let output = try site.run("init")
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains(".interlink.yml"))
        let text = try site.read(".interlink.yml")
        let configuration = try Configuration.parse(text, path: ".interlink.yml")
        #expect(configuration.generator == .hugo)
        #expect(configuration.linkStyle == .relative)
        // Every other key is there, commented out, so a user can find it.
        for key in Configuration.keys where key != "generator" && key != "link_style" {
            #expect(text.contains("# \(key):"), "\(key) is not in the template")
        }
        // The commented-out keys are valid when uncommented.
        let uncommented = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            for key in Configuration.keys where line.hasPrefix("# \(key):") { return String(line.dropFirst(2)) }
            if line.hasPrefix("#   ") { return String(line.dropFirst(2)) }
            return String(line)
        }.joined(separator: "\n")
        let full = try Configuration.parse(uncommented, path: ".interlink.yml")
        #expect(full.maximumLinksPerArticle != nil && full.minimumScore != nil && !full.synonyms.isEmpty)
        // And the site runs with it.
        let suggest = try site.run("suggest")
        #expect(suggest.status == 0, "\(suggest.stderr)")
    }

    @Test func initDetectsThePlainGeneratorsStyleToo() throws {
        let site = try WorkflowSite(Self.files)
        #expect(try site.run("init").status == 0)
        let configuration = try Configuration.parse(try site.read(".interlink.yml"), path: ".interlink.yml")
        #expect(configuration.generator == .plain)
        #expect(configuration.linkStyle == .relative)
    }

    @Test func initRefusesToOverwriteWithoutForce() throws {
        let site = try WorkflowSite(Self.hugoSite.merging([".interlink.yml": "# mine\nmin_score: 0.5\n"]) { _, new in new })
        let refused = try site.run("init")
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("already exists"))
        #expect(refused.stderr.contains("--force"))
        #expect(try site.read(".interlink.yml") == "# mine\nmin_score: 0.5\n")

        let forced = try site.run("init", ["--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        let configuration = try Configuration.parse(try site.read(".interlink.yml"), path: ".interlink.yml")
        #expect(configuration.generator == .hugo)
        #expect(configuration.minimumScore == nil)
    }
}
