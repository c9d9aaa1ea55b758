import Foundation
import Testing

/// `interlink index --root ExampleSite` in its default text form.
@Suite struct ExampleSiteTextTests {
    @Test func textListingSummarisesEveryArticle() throws {
        let output = try CommandRunner.run(["index", "--root", "ExampleSite"])
        #expect(output.status == 0)
        #expect(output.stderr == "")
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "46 articles, generator: hugo")
        #expect(lines.filter { $0.hasPrefix("content/") }.count == 46)
        #expect(lines.contains("content/posts/seo-for-ai-answers.md  /posts/seo-for-ai-answers/  \"SEO for AI Answers\" [draft]"))
        #expect(lines.contains("content/posts/backlinks-vs-inbound-links.md  /posts/backlinks-inbound-links/  \"Backlinks vs Inbound Links\""))
        #expect(lines.contains { $0.hasPrefix("    18:108 broken: /posts/link-sculpting/ (") })
    }

    @Test func aRootThatIsNotAFolderIsAUsageError() throws {
        let output = try CommandRunner.run(["index", "--root", "ExampleSite/hugo.toml"])
        #expect(output.status == 64)
        #expect(output.stderr.contains("--root 'ExampleSite/hugo.toml' is not a folder."))
        #expect(output.stdout == "")
    }
}
