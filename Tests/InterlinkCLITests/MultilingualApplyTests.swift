import Foundation
import Testing

/// `apply` end to end on a Hugo site with two languages: each page gets links to pages of its own
/// language only, written as Hugo resolves them there (the French page's URL under `/fr/`, or a `relref`
/// to the path without the language code), and a second run adds nothing.
@Suite struct MultilingualApplyTests {
    static let files = [
        "hugo.toml": "baseURL = \"https://example.org/\"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
        "content/posts/page-speed.md": "---\ntitle: Page Speed\n---\nHow to make pages fast, and why it pays off.\n",
        "content/posts/page-speed.fr.md": "---\ntitle: Page Speed\n---\nRendre les pages rapides, et pourquoi.\n",
        "content/posts/guide.md": "---\ntitle: Guide\n---\nSome words first. Page speed matters for every reader.\n",
        "content/posts/guide.fr.md": "---\ntitle: Guide\n---\nQuelques mots. La page speed compte pour chaque lecteur.\n",
    ]

    @Test func eachLanguageLinksToItsOwnPages() throws {
        let site = try WorkflowSite(Self.files)
        let output = try site.run("apply", ["--link-style", "url", "--min-score", "0.05"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(try site.read("content/posts/guide.md").contains("[Page speed](/posts/page-speed/) matters"))
        #expect(try site.read("content/posts/guide.fr.md").contains("La [page speed](/fr/posts/page-speed/) compte"))
        #expect(try site.run("apply", ["--link-style", "url", "--min-score", "0.05"]).stderr == "0 links added in 0 files\n")
        let audit = try site.run("audit")
        #expect(!audit.stdout.contains("[broken-link]"), "\(audit.stdout)")
        #expect(!audit.stdout.contains("[anchor-conflict]"), "\(audit.stdout)")
    }

    @Test func aRelrefNamesTheTranslationWithoutItsLanguageCode() throws {
        let site = try WorkflowSite(Self.files)
        let output = try site.run("apply", ["--link-style", "relref", "--min-score", "0.05"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(
            try site.read("content/posts/guide.fr.md")
                .contains("La [page speed]({{< relref \"posts/page-speed.md\" >}}) compte"))
        // Read back in the French page, the reference means the French page: nothing more to add.
        #expect(try site.run("apply", ["--link-style", "relref", "--min-score", "0.05"]).stderr == "0 links added in 0 files\n")
        let index = try site.run("index", ["--format", "json"])
        #expect(index.stdout.contains("\"/fr/posts/page-speed/\""), "\(index.stdout)")
        #expect(index.stdout.contains("\"language\" : \"fr\""), "\(index.stdout)")
    }
}
