import Foundation
import Interlink
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
}
