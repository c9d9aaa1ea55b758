import Foundation
import Interlink
import Testing

/// `interlink index --root ExampleSite --format json`, run as a user would run it.
@Suite(.serialized) struct ExampleSiteJSONTests {
    /// One run shared by the tests of this suite.
    static let output = Result { try CommandRunner.run(["index", "--root", "ExampleSite", "--format", "json"]) }

    private func report() throws -> IndexReport {
        let output = try Self.output.get()
        return try JSONDecoder().decode(IndexReport.self, from: Data(output.stdout.utf8))
    }

    private func entry(_ path: String) throws -> IndexReport.Entry {
        try #require(try report().articles.first { $0.path == path }, "no entry for \(path)")
    }

    @Test func exitsCleanlyWithNothingOnStandardError() throws {
        let output = try Self.output.get()
        #expect(output.status == 0)
        #expect(output.stderr == "")
    }

    @Test func topLevelShapeIsTheVersionedContract() throws {
        let output = try Self.output.get()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["version", "root", "generator", "articles", "errors"])
        #expect(object["version"] as? Int == 1)
        #expect(object["root"] as? String == "ExampleSite")
        #expect(object["generator"] as? String == "hugo")
        let first = try #require((object["articles"] as? [[String: Any]])?.first)
        #expect(
            Set(first.keys) == [
                "path", "title", "url", "aliases", "draft", "kind", "words", "spans", "links", "broken",
            ])
    }

    @Test func listsEveryArticleSortedByPath() throws {
        let report = try report()
        #expect(report.articles.count == 46)
        #expect(report.articles.map(\.path) == report.articles.map(\.path).sorted())
        #expect(report.errors.isEmpty)
    }

    @Test func slugGivesTheURL() throws {
        #expect(try entry("content/posts/backlinks-vs-inbound-links.md").url == "/posts/backlinks-inbound-links/")
        #expect(try entry("content/_index.md").url == "/")
        #expect(try entry("content/posts/_index.md").kind == .section)
    }

    @Test func linkAuditsHasExactlyOneBrokenLink() throws {
        let audits = try entry("content/posts/link-audits.md")
        #expect(audits.broken.map(\.destination) == ["/posts/link-sculpting/"])
        #expect(audits.broken.map { "\($0.line):\($0.column)" } == ["18:108"])
        let brokenElsewhere = try report().articles.filter { !$0.broken.isEmpty }.map(\.path)
        #expect(brokenElsewhere == ["content/posts/link-audits.md"])
    }

    @Test func relrefResolvesToItsTarget() throws {
        let clusters = try entry("content/posts/topic-clusters.md")
        let link = try #require(clusters.links.first { $0.target == "content/posts/pillar-pages.md" })
        let source = try String(
            contentsOf: CommandRunner.repositoryRoot.appendingPathComponent("ExampleSite/content/posts/topic-clusters.md"),
            encoding: .utf8)
        let line = source.split(separator: "\n", omittingEmptySubsequences: false)[link.line - 1]
        let written = line.utf8.dropFirst(link.column - 1)
        #expect(String(decoding: written, as: UTF8.self).hasPrefix("[pillar pages]({{< relref \"posts/pillar-pages.md\" >}})"))
    }

    @Test func draftIsFlagged() throws {
        #expect(try entry("content/posts/seo-for-ai-answers.md").draft)
        #expect(try !entry("content/posts/link-audits.md").draft)
    }

    @Test func crlfArticleLoads() throws {
        let bytes = try Data(
            contentsOf: CommandRunner.repositoryRoot.appendingPathComponent("ExampleSite/content/posts/pagination.md"))
        #expect(bytes.contains(0x0D), "the fixture must stay a CRLF file")
        let pagination = try entry("content/posts/pagination.md")
        #expect(pagination.url == "/posts/pagination/")
        #expect(pagination.words >= 300)
        #expect(pagination.spans > 10)
    }
}
