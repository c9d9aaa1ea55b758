import Foundation
import Interlink
import InterlinkMarkdown
import Testing

/// Files that cannot be articles give one error each, naming file, line and column; the other
/// files of the site are always still loaded.
@Suite struct BadInputTests {
    static let goodFiles = [
        "good.md": "# Good\n\nA fine article.\n",
        "more/other.md": "---\ntitle: Other\n---\nAnother fine article.\n",
    ]

    /// Loads a site made of the good files plus `bad.md` with the given bytes.
    private func load(bad bytes: [UInt8], name: String = "bad.md") async throws -> SiteLoader.Result {
        let site = try TemporarySite(Self.goodFiles)
        try site.write(name, bytes: bytes)
        let result = await site.load()
        #expect(result.paths.filter { $0 != name } == ["good.md", "more/other.md"], "the good files still load")
        return result
    }

    @Test func invalidUTF8NamesFileLineAndColumn() async throws {
        let bytes = Array("# Title\n\nSome t".utf8) + [0xFF] + Array("xt.\n".utf8)
        let result = try await load(bad: bytes)
        #expect(result.diagnostics.map(\.description) == ["bad.md:3:7: error: invalid UTF-8 (byte 0xFF)"])
        #expect(!result.paths.contains("bad.md"))
    }

    @Test func truncatedAndOverlongSequencesAreInvalid() async throws {
        // An overlong encoding of "/" (0xC0 0xAF) on line 2, column 3.
        let result = try await load(bad: Array("ok\nab".utf8) + [0xC0, 0xAF] + Array("\n".utf8))
        #expect(result.diagnostics.map(\.description) == ["bad.md:2:3: error: invalid UTF-8 (byte 0xC0)"])
        let truncated = try await load(bad: Array("text ".utf8) + [0xE2, 0x82])
        #expect(truncated.diagnostics.map(\.description) == ["bad.md:1:6: error: invalid UTF-8 (byte 0xE2)"])
    }

    @Test func binaryFileWithMarkdownName() async throws {
        // The NUL opens line 3 (the PNG signature holds `\r\n` and `\n`).
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]
        let result = try await load(bad: png, name: "image.md")
        #expect(
            result.diagnostics.map(\.description) == [
                "image.md:3:1: error: file contains a NUL byte; binary files are not Markdown",
            ])
    }

    @Test func unterminatedFrontMatter() async throws {
        let result = try await load(bad: Array("---\ntitle: Never closed\n\nBody text.\n".utf8))
        #expect(
            result.diagnostics.map(\.description) == [
                "bad.md:1:1: error: front matter opened with '---' is never closed",
            ])
    }

    @Test func unterminatedTOMLFrontMatter() async throws {
        let result = try await load(bad: Array("+++\ntitle = \"x\"\n".utf8))
        #expect(result.diagnostics.map(\.line) == [1])
        #expect(result.diagnostics.first?.message.contains("'+++'") == true)
    }

    @Test func malformedFrontMatter() async throws {
        let result = try await load(bad: Array("---\ntitle: ok\n\tbroken: tab\n---\nBody.\n".utf8))
        let diagnostic = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1)
        #expect(diagnostic.path == "bad.md")
        #expect(diagnostic.line == 3)
        #expect(diagnostic.message.hasPrefix("invalid YAML front matter"))
    }

    @Test func emptyFileLoadsWithNoSpans() async throws {
        let result = try await load(bad: [], name: "empty.md")
        #expect(result.diagnostics.isEmpty)
        let article = try result.article("empty.md")
        #expect(article.document.spans.isEmpty)
        #expect(article.document.wordCount == 0)
        #expect(article.title == "empty")
        #expect(article.url == "/empty")
    }

    @Test(
        .enabled(
            if: getuid() != 0,
            "running as root: chmod 000 does not stop root reading; the read-failure path is tested by the next two tests"
        ))
    func unreadableFile() async throws {
        let site = try TemporarySite(Self.goodFiles)
        try site.write("locked.md", bytes: Array("secret\n".utf8))
        chmod(site.root.appendingPathComponent("locked.md").path, 0o000)
        let result = await site.load()
        #expect(result.paths == ["good.md", "more/other.md"])
        #expect(result.diagnostics.map(\.description) == ["locked.md:1:1: error: cannot read file: permission denied"])
    }

    /// Works as root too: a file that disappears between the walk and the read.
    @Test func fileThatCannotBeReadGivesAnError() throws {
        let site = try TemporarySite(Self.goodFiles)
        let outcome = SiteLoader.loadArticle(
            path: "vanished.md", root: site.root, layout: SiteLayout(generator: .plain))
        guard case .failure(let diagnostic) = outcome else {
            Issue.record("a missing file loaded")
            return
        }
        #expect(diagnostic.description.hasPrefix("vanished.md:1:1: error: cannot read file: "))
    }

    @Test func fileOverTheSizeLimitIsRefused() async throws {
        let site = try TemporarySite(Self.goodFiles)
        try site.write("huge.md", bytes: Array(repeating: UInt8(ascii: "a"), count: 200))
        let result = await site.load(options: LoadOptions(maximumFileSize: 100))
        #expect(result.paths == ["good.md", "more/other.md"])
        #expect(result.diagnostics.map(\.description) == ["huge.md:1:1: error: file is 200 bytes, over the limit of 100 bytes"])
    }

    @Test func folderNamedLikeAMarkdownFileIsNotAnArticle() async throws {
        let site = try TemporarySite(Self.goodFiles)
        try site.makeDirectory("x.md")
        try site.write("x.md/inside.md", bytes: Array("Inside.\n".utf8))
        let result = await site.load()
        #expect(result.diagnostics.isEmpty)
        #expect(result.paths == ["good.md", "more/other.md", "x.md/inside.md"])
    }

    @Test func severalBadFilesGiveOneSortedErrorEach() async throws {
        let site = try TemporarySite(Self.goodFiles)
        try site.write("b-utf8.md", bytes: [0x41, 0xFE])
        try site.write("a-nul.md", bytes: [0x41, 0x00])
        try site.write("c-front.md", bytes: Array("---\nx: 1\n".utf8))
        let result = await site.load()
        #expect(result.paths == ["good.md", "more/other.md"])
        #expect(result.diagnostics.map(\.path) == ["a-nul.md", "b-utf8.md", "c-front.md"])
    }

    // MARK: Front matter

    @Test(arguments: [
        ("---\ntitle: Only Front Matter\n---\n", "Only Front Matter"),
        ("---\ntitle: No Final Newline\n---", "No Final Newline"),
        ("+++\ntitle = \"TOML Only\"\n+++\n", "TOML Only"),
    ])
    func onlyFrontMatterLoadsWithNoProse(text: String, title: String) async throws {
        let result = try await load(bad: Array(text.utf8), name: "only.md")
        #expect(result.diagnostics.isEmpty)
        let article = try result.article("only.md")
        #expect(article.title == title)
        #expect(article.document.spans.isEmpty && article.document.wordCount == 0)
    }

    @Test func veryLargeFrontMatterLoads() async throws {
        // 2 MB of keys: read like any other front matter.
        let keys = (0..<60_000).map { "key\($0): a value about page speed\n" }.joined()
        let result = try await load(bad: Array(("---\ntitle: Large\n" + keys + "---\nBody text.\n").utf8), name: "large.md")
        #expect(result.diagnostics.isEmpty)
        let article = try result.article("large.md")
        #expect(article.title == "Large")
        #expect(article.frontMatter.fields.count == 60_001)
        #expect(article.document.spans.count == 1)
    }

    /// Nine levels of ten aliases each, `a0` to `a8`: a few hundred bytes that expand into a billion values.
    static let aliasLevels: String = {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1..<9 {
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        return yaml
    }()

    /// Parses the front matter of `bytes` on this thread, expecting an error, and checks it took less than a
    /// minute. Timed outside the loader's task group: under a parallel test run the cooperative pool can be busy
    /// with other tests for a minute, which says nothing about the parser. A guard against the blow-up itself
    /// (minutes and gigabytes), not a speed test: generous on purpose.
    static func expectRefusedInTime(_ bytes: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let block = try #require(try FrontMatterBlock.locate(in: bytes), sourceLocation: sourceLocation)
        let started = Date()
        #expect(throws: Diagnostic.self, sourceLocation: sourceLocation) {
            try FrontMatterParser.parse(block, in: bytes, path: "bad.md")
        }
        let scale = Double(ProcessInfo.processInfo.environment["INTERLINK_TEST_TIME_SCALE"] ?? "1") ?? 1
        #expect(Date().timeIntervalSince(started) < 60 * scale, sourceLocation: sourceLocation)
    }

    /// "Billion laughs": nine levels of ten aliases would expand a few hundred bytes into a billion values
    /// (found by the fuzzer's seeds: seconds and gigabytes at seven levels). Yams composes the aliases as shared
    /// values (0.1 s in a debug build); the expansion is Interlink's, and the budget stops it after ten thousand
    /// values. Refused at once, located.
    @Test func yamlAliasesThatExpandBeyondTheFrontMatterAreRefused() async throws {
        let bytes = Array(("---\ntitle: Laughs\n" + Self.aliasLevels + "---\nBody.\n").utf8)
        try Self.expectRefusedInTime(bytes)
        let result = try await load(bad: bytes)
        #expect(
            result.diagnostics.map(\.description) == [
                "bad.md:6:5: error: invalid YAML front matter: its aliases expand to more than 10000 values",
            ])
    }

    /// A key that is an alias of a billion-value collection: Yams hashes every mapping's keys to find duplicates,
    /// and hashes an alias through everything it names, before Interlink's own budget is reached (found by the
    /// fuzzer: minutes). Refused before Yams sees it, at the key.
    @Test func aYamlKeyThatIsAnAliasOfAnExpandingCollectionIsRefused() async throws {
        let bytes = Array(("---\ntitle: Laughs\n" + Self.aliasLevels + "k:\n  - ? *a8\n    : v\n---\nBody.\n").utf8)
        try Self.expectRefusedInTime(bytes)
        let result = try await load(bad: bytes)
        #expect(
            result.diagnostics.map(\.description) == [
                "bad.md:13:5: error: invalid YAML front matter: a mapping key that is an alias or a collection, in a "
                    + "block that uses aliases, is refused (comparing such keys can take exponential time)",
            ])
    }

    @Test func aFewYamlAliasesAreFine() async throws {
        let yaml = "---\ntitle: Aliases\nbase: &base [seo, links]\ntags: *base\nkeywords: *base\n---\nBody.\n"
        let result = try await load(bad: Array(yaml.utf8), name: "aliases.md")
        #expect(result.diagnostics.isEmpty)
        #expect(try result.article("aliases.md").frontMatter.fields["tags"] == .list([.string("seo"), .string("links")]))
    }

    /// 10,000 levels of nesting: both parsers stop at their depth limits (libyaml 1,000, toml++ 256) with an error.
    @Test(arguments: [
        (
            "---\na: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n---\nBody.\n",
            "bad.md:2:5: error: invalid YAML front matter: Maximum nesting level reached, set with yaml_set_max_nest_level())"
        ),
        (
            "+++\na = " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n+++\nBody.\n",
            "bad.md:2:261: error: invalid TOML front matter: Error while parsing value: exceeded maximum nested value depth of 256 (TOML_MAX_NESTED_VALUES)"
        ),
    ])
    func deeplyNestedFrontMatterIsRefused(text: String, error: String) async throws {
        let result = try await load(bad: Array(text.utf8))
        #expect(result.diagnostics.map(\.description) == [error])
    }

    /// toml++ asserts a digit after a date's `T`, a value after an array's `[` or `,`, and a key at the start of a
    /// table header (found by the fuzzer): an abort in a debug build, undefined behaviour in a release one. Such text is an error before it reaches the
    /// parser; in a string or a comment it is text.
    @Test func aTomlDateWithoutItsTimeIsAnErrorNotACrash() async throws {
        let result = try await load(bad: Array("+++\ntitle = \"x\"\ndate = 1979-05-27Th7:32:00\n+++\nBody.\n".utf8))
        #expect(
            result.diagnostics.map(\.description) == [
                "bad.md:3:18: error: invalid TOML front matter: expected a time (hh:mm:ss) after the date's 'T'",
            ])
        let brace = try await load(bad: Array("+++\ntags = [\"a\",\n  # a comment\n}\n+++\nBody.\n".utf8), name: "brace.md")
        #expect(
            brace.diagnostics.map(\.description) == [
                "brace.md:4:1: error: invalid TOML front matter: expected a value or ']' in the array, saw '}'",
            ])
        let header = try await load(bad: Array("+++\ntitle = \"x\"\n[[ .section]]\n+++\nBody.\n".utf8), name: "header.md")
        #expect(
            header.diagnostics.map(\.description) == [
                "header.md:3:4: error: invalid TOML front matter: expected a key in the table header",
            ])
        let quoted = try await load(bad: Array("+++\ntitle = \"1979-05-27Tx\" # 1979-05-27Tx\n+++\nBody.\n".utf8), name: "quoted.md")
        #expect(quoted.diagnostics.isEmpty)
        #expect(try quoted.article("quoted.md").title == "1979-05-27Tx")
    }

    // MARK: Size and shape of the Markdown

    @Test func aTenMegabyteSingleLineLoads() async throws {
        let sentence = "Internal linking and page speed and anchor text, again. "
        let line = String(repeating: sentence, count: 10 * 1024 * 1024 / sentence.utf8.count)
        let result = try await load(bad: Array(line.utf8), name: "line.md")
        #expect(result.diagnostics.isEmpty)
        let article = try result.article("line.md")
        #expect(article.bytes.count > 10_000_000)
        #expect(article.document.lines.lineCount == 1)
        #expect(article.document.spans.map(\.range) == [0..<(line.utf8.count - 1)])
    }

    // MARK: Links and special files

    @Test func aSymbolicLinkToAFileIsReadUnderItsOwnPath() async throws {
        let site = try TemporarySite(Self.goodFiles)
        try site.write("elsewhere/real.md", bytes: Array("# Real\n\nRead through a link.\n".utf8))
        try FileManager.default.createSymbolicLink(
            atPath: site.root.appendingPathComponent("linked.md").path, withDestinationPath: "elsewhere/real.md")
        let result = await site.load()
        #expect(result.diagnostics.isEmpty)
        #expect(try result.article("linked.md").title == "Real")
    }

    @Test func aSymbolicLinkToAFolderIsNotFollowed() async throws {
        let site = try TemporarySite(Self.goodFiles)
        try FileManager.default.createSymbolicLink(
            atPath: site.root.appendingPathComponent("again.md").path, withDestinationPath: "more")
        let result = await site.load()
        #expect(result.diagnostics.isEmpty)
        #expect(result.paths == ["good.md", "more/other.md"])
    }

    /// A link that leads nowhere (a loop, a missing target) is an error naming it, not silently skipped.
    @Test func aSymbolicLinkLoopOrADanglingLinkIsAnError() async throws {
        let site = try TemporarySite(Self.goodFiles)
        try FileManager.default.createSymbolicLink(
            atPath: site.root.appendingPathComponent("loop.md").path, withDestinationPath: "loop.md")
        try FileManager.default.createSymbolicLink(
            atPath: site.root.appendingPathComponent("a-loop.md").path, withDestinationPath: "b-loop.md")
        try FileManager.default.createSymbolicLink(
            atPath: site.root.appendingPathComponent("b-loop.md").path, withDestinationPath: "a-loop.md")
        try FileManager.default.createSymbolicLink(
            atPath: site.root.appendingPathComponent("dangling.md").path, withDestinationPath: "gone.md")
        let result = await site.load()
        #expect(result.paths == ["good.md", "more/other.md"])
        #expect(
            result.diagnostics.map(\.description) == [
                "a-loop.md:1:1: error: cannot read file: Too many levels of symbolic links",
                "b-loop.md:1:1: error: cannot read file: Too many levels of symbolic links",
                "dangling.md:1:1: error: cannot read file: No such file or directory",
                "loop.md:1:1: error: cannot read file: Too many levels of symbolic links",
            ])
    }

    /// A named pipe behind a `.md` link would block a plain `open` for ever; it is refused at once.
    @Test func aNamedPipeIsRefusedNotWaitedOn() async throws {
        let site = try TemporarySite(Self.goodFiles)
        #expect(mkfifo(site.root.appendingPathComponent("pipe").path, 0o644) == 0)
        try FileManager.default.createSymbolicLink(
            atPath: site.root.appendingPathComponent("fifo.md").path, withDestinationPath: "pipe")
        let result = await site.load()
        #expect(result.paths == ["good.md", "more/other.md"])
        #expect(result.diagnostics.map(\.description) == ["fifo.md:1:1: error: cannot read file: not a regular file"])
    }

    // MARK: Limits

    @Test func aSiteOverTheArticleLimitIsRefusedBeforeParsing() async throws {
        let site = try TemporarySite(Self.goodFiles)
        try site.write("third.md", bytes: Array("Third.\n".utf8))
        let result = await site.load(options: LoadOptions(maximumArticles: 2))
        #expect(result.paths.isEmpty)
        #expect(
            result.diagnostics.map(\.description) == [
                ".:1:1: error: the site has 3 articles, over the limit of 2 (max_articles in .interlink.yml); nothing was read",
            ])
        let atTheLimit = await site.load(options: LoadOptions(maximumArticles: 3))
        #expect(atTheLimit.diagnostics.isEmpty && atTheLimit.paths.count == 3)
    }

    @Test func theArticleLimitComesFromTheConfiguration() throws {
        let configuration = try Configuration.parse("max_articles: 5000\n", path: ".interlink.yml")
        #expect(configuration.maximumArticles == 5000)
        #expect(LoadOptions(configuration: configuration).maximumArticles == 5000)
        #expect(LoadOptions(configuration: Configuration()).maximumArticles == 200_000)
        #expect(throws: Diagnostic.self) { try Configuration.parse("max_articles: 0\n", path: ".interlink.yml") }
        #expect(throws: Diagnostic.self) { try Configuration.parse("max_articles: many\n", path: ".interlink.yml") }
    }
}
