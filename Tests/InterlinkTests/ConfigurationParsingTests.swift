import Foundation
import Interlink
import Testing

/// `.interlink.yml`: every key read into its field, and every error located at the line and column
/// of the offending key or value.
@Suite struct ConfigurationParsingTests {
    /// Parses `text` as `.interlink.yml`, failing the test on an error.
    static func parse(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Configuration {
        do {
            return try Configuration.parse(text, path: ".interlink.yml")
        } catch {
            Issue.record("unexpected error: \(error)", sourceLocation: sourceLocation)
            throw error
        }
    }

    /// The error `text` gives, failing the test when it parses.
    static func error(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Diagnostic {
        let result = Result { () throws(Diagnostic) -> Configuration in
            try Configuration.parse(text, path: "site/.interlink.yml")
        }
        switch result {
        case .failure(let diagnostic): return diagnostic
        case .success(let configuration):
            Issue.record("parsed without error: \(configuration)", sourceLocation: sourceLocation)
            throw CancellationError()
        }
    }

    // MARK: Every key

    static let everyKey = """
        # A config using every key.
        content: [content, notes]
        include: ["**/*.md", "pages/*.markdown"]
        exclude:
          - drafts/
          - "*.draft.md"
        generator: hugo
        link_style: relref
        max_links_per_article: 4
        words_per_link: 90
        min_score: 0.42
        generic_anchors: ["see here", "this guide"]
        stopwords: [stuff, things]
        synonyms:
          content/posts/orphan-pages.md: ["pages nobody links to", "unlinked pages"]
          content/posts/crawl-budget.md: [crawl allowance]
        never_link_to: ["content/legal/**"]
        never_touch: ["content/archive/**", "changelog.md"]
        max_file_size: 1048576
        max_articles: 50000
        max_depth: 4
        entry_pages: ["content/_index.md", "content/about.md"]
        ignore_links: [g, "/functions/*"]
        disabled_rules: [deep-page]

        """

    @Test func everyKeyIsReadIntoItsField() throws {
        let configuration = try Self.parse(Self.everyKey)
        #expect(configuration.contentDirectories == ["content", "notes"])
        #expect(configuration.maximumArticles == 50000)
        #expect(configuration.include.map(\.pattern) == ["**/*.md", "pages/*.markdown"])
        #expect(configuration.exclude.map(\.pattern) == ["drafts/", "*.draft.md"])
        #expect(configuration.generator == .hugo)
        #expect(configuration.linkStyle == .relref)
        #expect(configuration.maximumLinksPerArticle == 4)
        #expect(configuration.wordsPerLink == 90)
        #expect(configuration.minimumScore == 0.42)
        #expect(configuration.genericAnchors == ["see here", "this guide"])
        #expect(configuration.stopwords == ["stuff", "things"])
        #expect(
            configuration.synonyms == [
                "content/posts/orphan-pages.md": ["pages nobody links to", "unlinked pages"],
                "content/posts/crawl-budget.md": ["crawl allowance"],
            ])
        #expect(configuration.neverLinkTo.map(\.pattern) == ["content/legal/**"])
        #expect(configuration.neverTouch.map(\.pattern) == ["content/archive/**", "changelog.md"])
        #expect(configuration.maximumFileSize == 1_048_576)
        #expect(configuration.maximumDepth == 4)
        #expect(configuration.entryPages.map(\.pattern) == ["content/_index.md", "content/about.md"])
        #expect(configuration.ignoreLinks.map(\.pattern) == ["g", "/functions/*"])
        #expect(configuration.disabledRules == [.deepPage])
        #expect(configuration.path == ".interlink.yml")
    }

    @Test func theEveryKeyFixtureReallyUsesEveryKnownKey() throws {
        // A key added to `Configuration.keys` without a test here fails this.
        let used = Self.everyKey.split(separator: "\n").compactMap { line -> String? in
            guard let first = line.first, first.isLetter, let colon = line.firstIndex(of: ":") else { return nil }
            return String(line[..<colon])
        }
        #expect(Set(used) == Set(Configuration.keys))
        #expect(used.count == Configuration.keys.count)
    }

    @Test func anEmptyOrCommentOnlyFileIsTheDefaults() throws {
        for text in ["", "\n", "# nothing here\n", "---\n", "---\n# only a comment\n", "~\n"] {
            let configuration = try Self.parse(text)
            var expected = Configuration()
            expected.path = ".interlink.yml"
            #expect(configuration == expected, "\(text.debugDescription)")
        }
    }

    @Test func theDefaultsAreEmpty() {
        let configuration = Configuration()
        #expect(configuration.contentDirectories == nil)
        #expect(configuration.include.isEmpty && configuration.exclude.isEmpty)
        #expect(configuration.generator == nil && configuration.linkStyle == nil)
        #expect(configuration.maximumLinksPerArticle == nil && configuration.wordsPerLink == nil)
        #expect(configuration.minimumScore == nil && configuration.maximumFileSize == nil)
        #expect(configuration.synonyms.isEmpty && configuration.neverLinkTo.isEmpty && configuration.neverTouch.isEmpty)
    }

    // MARK: Targeted reads

    @Test func aSingleStringIsAListOfOne() throws {
        let configuration = try Self.parse("exclude: drafts/**\nstopwords: stuff\ncontent: docs\n")
        #expect(configuration.exclude.map(\.pattern) == ["drafts/**"])
        #expect(configuration.stopwords == ["stuff"])
        #expect(configuration.contentDirectories == ["docs"])
    }

    @Test(arguments: Generator.allCases) func everyGeneratorNameIsAccepted(_ generator: Generator) throws {
        #expect(try Self.parse("generator: \(generator.rawValue)\n").generator == generator)
    }

    @Test(arguments: LinkStyle.allCases) func everyLinkStyleNameIsAccepted(_ style: LinkStyle) throws {
        #expect(try Self.parse("link_style: \(style.rawValue)\n").linkStyle == style)
    }

    @Test func numbersAtTheirBoundsAreAccepted() throws {
        #expect(try Self.parse("min_score: 0\n").minimumScore == 0)
        #expect(try Self.parse("min_score: 1\n").minimumScore == 1)
        #expect(try Self.parse("min_score: 0.5\n").minimumScore == 0.5)
        #expect(try Self.parse("max_links_per_article: 0\n").maximumLinksPerArticle == 0)
        #expect(try Self.parse("words_per_link: 1\n").wordsPerLink == 1)
        #expect(try Self.parse("max_file_size: 1\n").maximumFileSize == 1)
    }

    @Test func configurationValuesBecomeSuggestAndLoadOptions() throws {
        let configuration = try Self.parse(Self.everyKey)
        let suggest = SuggestOptions(configuration: configuration)
        #expect(suggest.minimumScore == 0.42)
        #expect(suggest.maximumLinksPerArticle == 4)
        #expect(suggest.wordsPerLink == 90)
        #expect(suggest.topicRules.stopwords == ["stuff", "things"])
        #expect(suggest.topicRules.genericAnchors == ["see here", "this guide"])
        #expect(suggest.topicRules.synonyms == configuration.synonyms)
        #expect(suggest.neverLinkTo == configuration.neverLinkTo)
        #expect(suggest.neverTouch == configuration.neverTouch)
        // Command-line values win over the file.
        let explicit = SuggestOptions(configuration: configuration, minimumScore: 0.1, maximumLinksPerArticle: 2)
        #expect(explicit.minimumScore == 0.1)
        #expect(explicit.maximumLinksPerArticle == 2)
        // Without a file, the built-in defaults.
        let none = SuggestOptions(configuration: Configuration())
        #expect(none.minimumScore == nil && none.maximumLinksPerArticle == 10 && none.wordsPerLink == 150)

        let load = LoadOptions(configuration: configuration)
        #expect(load.generator == .hugo)
        #expect(load.contentDirectories == ["content", "notes"])
        #expect(load.include == configuration.include && load.exclude == configuration.exclude)
        #expect(load.maximumFileSize == 1_048_576)
        #expect(LoadOptions(configuration: configuration, generator: .jekyll).generator == .jekyll)
        #expect(LoadOptions(configuration: Configuration()).maximumFileSize == 20 * 1024 * 1024)
    }

    @Test func stopwordsAndGenericAnchorsAreComparedInLowerCase() throws {
        let configuration = try Self.parse("stopwords: [Stuff]\ngeneric_anchors: [See Here]\n")
        let options = SuggestOptions(configuration: configuration)
        #expect(options.topicRules.stopwords == ["stuff"])
        #expect(options.topicRules.genericAnchors == ["see here"])
    }

    // MARK: Errors

    @Test func anUnknownKeyNamesItsLineAndColumnAndTheKnownKeys() throws {
        let error = try Self.error("generator: hugo\n\nmax_link: 3\n")
        #expect(error.path == "site/.interlink.yml")
        #expect(error.line == 3)
        #expect(error.column == 1)
        #expect(error.severity == .error)
        #expect(error.message.contains("unknown key 'max_link'"))
        for key in Configuration.keys { #expect(error.message.contains(key)) }
        #expect(error.description.hasPrefix("site/.interlink.yml:3:1: error: unknown key 'max_link'"))
    }

    @Test func anUnknownKeyAfterCommentsIsLocatedOnItsOwnLine() throws {
        let error = try Self.error("# comment\nmin_score: 0.5\n# another\nmaxLinks: 2\n")
        #expect((error.line, error.column) == (4, 1))
        #expect(error.message.contains("'maxLinks'"))
    }

    /// A wrong value: the text, where the error is expected (line, column), and words of the message.
    struct BadValue: Sendable, CustomTestStringConvertible {
        var yaml: String
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { yaml.debugDescription }
    }

    static let badValues: [BadValue] = [
        // Strings
        BadValue(yaml: "generator: [hugo]\n", line: 1, column: 12, message: "'generator' must be a string"),
        BadValue(yaml: "link_style:\n  kind: url\n", line: 2, column: 3, message: "'link_style' must be a string"),
        // Lists of strings, for every list key
        BadValue(yaml: "content: {a: b}\n", line: 1, column: 10, message: "'content' must be a list of strings"),
        BadValue(yaml: "include:\n  a: b\n", line: 2, column: 3, message: "'include' must be a list of strings"),
        BadValue(yaml: "exclude: [ok, [nested]]\n", line: 1, column: 15, message: "'exclude' must be a list of strings"),
        BadValue(yaml: "generic_anchors: {a: b}\n", line: 1, column: 18, message: "'generic_anchors' must be a list of strings"),
        BadValue(yaml: "stopwords:\n  - fine\n  - {bad: item}\n", line: 3, column: 5, message: "'stopwords' must be a list of strings"),
        BadValue(yaml: "never_link_to: {a: b}\n", line: 1, column: 16, message: "'never_link_to' must be a list of strings"),
        BadValue(yaml: "never_touch: [[a]]\n", line: 1, column: 15, message: "'never_touch' must be a list of strings"),
        // Whole numbers with a minimum
        BadValue(yaml: "max_links_per_article: -1\n", line: 1, column: 24, message: "'max_links_per_article' must be a whole number of at least 0"),
        BadValue(yaml: "max_links_per_article: 2.5\n", line: 1, column: 24, message: "'max_links_per_article' must be a whole number"),
        BadValue(yaml: "max_links_per_article: many\n", line: 1, column: 24, message: "'max_links_per_article' must be a whole number"),
        BadValue(yaml: "words_per_link: 0\n", line: 1, column: 17, message: "'words_per_link' must be a whole number of at least 1"),
        BadValue(yaml: "words_per_link: [150]\n", line: 1, column: 17, message: "'words_per_link' must be a whole number"),
        BadValue(yaml: "max_file_size: 0\n", line: 1, column: 16, message: "'max_file_size' must be a whole number of at least 1"),
        BadValue(yaml: "max_file_size: 20MB\n", line: 1, column: 16, message: "'max_file_size' must be a whole number"),
        BadValue(yaml: "max_depth: 0\n", line: 1, column: 12, message: "'max_depth' must be a whole number of at least 1"),
        BadValue(yaml: "entry_pages: {a: b}\n", line: 1, column: 14, message: "'entry_pages' must be a list of strings"),
        // Numbers, and the score's range
        BadValue(yaml: "min_score: high\n", line: 1, column: 12, message: "'min_score' must be a number"),
        BadValue(yaml: "min_score: [0.5]\n", line: 1, column: 12, message: "'min_score' must be a number"),
        BadValue(yaml: "min_score: 1.5\n", line: 1, column: 12, message: "'min_score' must be between 0 and 1"),
        BadValue(yaml: "min_score: -0.1\n", line: 1, column: 12, message: "'min_score' must be between 0 and 1"),
        // Names
        BadValue(yaml: "generator: gatsby\n", line: 1, column: 12, message: "'generator' must be one of hugo, jekyll"),
        BadValue(yaml: "link_style: markdown\n", line: 1, column: 13, message: "'link_style' must be one of relative"),
        // Synonyms
        BadValue(yaml: "synonyms: [a, b]\n", line: 1, column: 11, message: "'synonyms' must map target paths to lists of phrases"),
        BadValue(yaml: "synonyms: pages\n", line: 1, column: 11, message: "'synonyms' must map target paths to lists of phrases"),
        BadValue(yaml: "synonyms:\n  a.md: {x: y}\n", line: 2, column: 9, message: "'synonyms.a.md' must be a list of strings"),
    ]

    @Test(arguments: badValues) func aValueOfTheWrongTypeIsLocated(_ bad: BadValue) throws {
        let error = try Self.error(bad.yaml)
        #expect(error.path == "site/.interlink.yml")
        #expect((error.line, error.column) == (bad.line, bad.column), "\(error)")
        #expect(error.message.contains(bad.message), "\(error.message)")
        #expect(error.description.hasPrefix("site/.interlink.yml:\(bad.line):\(bad.column): error: "))
    }

    @Test func theBadNameIsQuotedWithTheChoices() throws {
        let generator = try Self.error("generator: gatsby\n")
        #expect(generator.message.hasSuffix("not 'gatsby'"))
        for name in Generator.allCases.map(\.rawValue) { #expect(generator.message.contains(name)) }
        let style = try Self.error("link_style: markdown\n")
        #expect(style.message.hasSuffix("not 'markdown'"))
        for name in LinkStyle.allCases.map(\.rawValue) { #expect(style.message.contains(name)) }
    }

    @Test func invalidYAMLIsAnErrorAtTheProblem() throws {
        let unclosed = try Self.error("min_score: 0.5\ngenerator: [hugo\n")
        #expect(unclosed.message.hasPrefix("invalid YAML: "))
        #expect(unclosed.line == 3)
        let badIndent = try Self.error("min_score: 0.5\nstopwords: a\n  b: c\n")
        #expect(badIndent.message.hasPrefix("invalid YAML: "))
        #expect((badIndent.line, badIndent.column) == (3, 4))
        let badToken = try Self.error("generator: @hugo\n")
        #expect(badToken.message.hasPrefix("invalid YAML: "))
        #expect((badToken.line, badToken.column) == (1, 12))
        #expect(badToken.description.hasPrefix("site/.interlink.yml:1:12: error: invalid YAML: "))
    }

    /// A key that is an alias of a collection Yams would hash through (nine levels: a billion nodes): refused at
    /// the key, at once.
    @Test func anAliasedKeyIsRefusedBeforeYamsHashesIt() throws {
        let error = try Self.error(BadInputTests.aliasLevels + "stopwords:\n  ? *a8\n  : v\n")
        #expect(error.message.hasPrefix("invalid YAML: a mapping key that is an alias or a collection"))
        #expect((error.line, error.column) == (11, 3))
    }

    @Test func aDocumentThatIsNotAMappingIsAnError() throws {
        for text in ["- generator\n- hugo\n", "just a sentence\n", "42\n"] {
            let error = try Self.error(text)
            #expect(error.message.contains("must be a mapping"), "\(text.debugDescription): \(error)")
            #expect(error.line == 1)
        }
    }

    // MARK: Reading and finding the file

    @Test func loadReadsTheFileAndReportsItsDisplayPath() throws {
        let site = try TemporarySite([".interlink.yml": "max_links_per_article: 3\n"])
        let configuration = try Configuration.load(
            site.root.appendingPathComponent(".interlink.yml"), displayPath: ".interlink.yml")
        #expect(configuration.maximumLinksPerArticle == 3)
        #expect(configuration.path == ".interlink.yml")

        try site.write(".interlink.yml", bytes: Array("stopwords: [a]\nbogus: 1\n".utf8))
        #expect {
            try Configuration.load(site.root.appendingPathComponent(".interlink.yml"), displayPath: "shown.yml")
        } throws: { error in
            (error as? Diagnostic)?.description.hasPrefix("shown.yml:2:1: error: unknown key 'bogus'") == true
        }
        #expect {
            try Configuration.load(site.root.appendingPathComponent("missing.yml"), displayPath: "missing.yml")
        } throws: { error in
            (error as? Diagnostic)?.path == "missing.yml"
        }
    }

    @Test func locatePrefersTheSiteRoot() throws {
        let tree = try TemporarySite([
            ".interlink.yml": "# outer\n",
            "site/.interlink.yml": "# root\n",
            "site/content/posts/a.md": "# A\n",
            "site/content/posts/.interlink.yml": "# current folder\n",
        ])
        let found = Configuration.locate(
            root: tree.root.appendingPathComponent("site"),
            currentDirectory: tree.root.appendingPathComponent("site/content/posts"))
        #expect(found?.standardizedFileURL.path == tree.root.appendingPathComponent("site/.interlink.yml").path)
    }

    @Test func withoutOneInTheRootLocateWalksUpFromTheCurrentFolder() throws {
        let tree = try TemporarySite([
            "work/.interlink.yml": "# above\n",
            "work/deeper/.interlink.yml": "# nearest\n",
            "work/deeper/here/inner/a.md": "# A\n",
            "site/content/a.md": "# A\n",
        ])
        let root = tree.root.appendingPathComponent("site")
        // The nearest one above the current folder wins over one further up.
        let nearest = Configuration.locate(
            root: root, currentDirectory: tree.root.appendingPathComponent("work/deeper/here/inner"))
        #expect(nearest?.standardizedFileURL.path == tree.root.appendingPathComponent("work/deeper/.interlink.yml").path)
        // One in the current folder itself.
        let inCurrent = Configuration.locate(root: root, currentDirectory: tree.root.appendingPathComponent("work"))
        #expect(inCurrent?.standardizedFileURL.path == tree.root.appendingPathComponent("work/.interlink.yml").path)
        // The root's own folder is where the walk starts when the current folder is the root.
        try tree.write("site/content/.interlink.yml", bytes: Array("# content\n".utf8))
        let fromContent = Configuration.locate(root: root, currentDirectory: tree.root.appendingPathComponent("site/content"))
        #expect(fromContent?.standardizedFileURL.path == tree.root.appendingPathComponent("site/content/.interlink.yml").path)
    }

    @Test func locateFindsNothingWhenNoFolderHasOne() throws {
        let tree = try TemporarySite(["site/a.md": "# A\n"])
        // Only meaningful when no folder above the temporary folder holds one.
        var folder = tree.root
        var anyAbove = false
        while folder.path != "/" {
            folder.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(".interlink.yml").path) { anyAbove = true }
        }
        try #require(!anyAbove, "a .interlink.yml above the temporary folder")
        #expect(Configuration.locate(root: tree.root.appendingPathComponent("site"), currentDirectory: tree.root) == nil)
    }
}
