import Foundation
import Testing

/// `suggest` keeps its index cache in `.interlink-cache/` by default; `--no-cache` bypasses it. The
/// printed report is byte for byte the same either way (the cache's own tests cover every change).
@Suite struct IndexCacheCommandTests {
    @Test func suggestWritesAGitIgnoredCacheAndPrintsTheSameReportWithIt() throws {
        let site = try SiteCopy.exampleSite()
        try? FileManager.default.removeItem(at: site.url(".interlink-cache"))
        let arguments = ["suggest", "--root", site.root.path, "--format", "json"]
        let uncached = try CommandRunner.run(arguments + ["--no-cache"])
        #expect(uncached.status == 0)
        #expect(!FileManager.default.fileExists(atPath: site.url(".interlink-cache").path), "--no-cache writes nothing")
        let cold = try CommandRunner.run(arguments)
        #expect(try String(contentsOf: site.url(".interlink-cache/.gitignore"), encoding: .utf8) == "*\n")
        #expect(FileManager.default.fileExists(atPath: site.url(".interlink-cache/articles.bin").path))
        let warm = try CommandRunner.run(arguments)
        #expect(cold.stdout == uncached.stdout)
        #expect(warm.stdout == uncached.stdout)
        #expect(warm.stderr.isEmpty, "\(warm.stderr)")
        // The pre-commit case: only some files reported, the rest taken from the cache.
        let one = ["content/posts/anchor-text.md", "content/posts/crawl-budget.md"]
        let someCached = try CommandRunner.run(arguments + one)
        let someUncached = try CommandRunner.run(arguments + one + ["--no-cache"])
        #expect(someCached.stdout == someUncached.stdout)
        #expect(someCached.stdout.contains("content/posts/anchor-text.md"))
    }

    @Test func aCorruptCacheFileIsIgnoredWithoutAWord() throws {
        let site = try SiteCopy.exampleSite()
        let arguments = ["suggest", "--root", site.root.path, "--format", "json"]
        let uncached = try CommandRunner.run(arguments + ["--no-cache"])
        _ = try CommandRunner.run(arguments)
        let file = site.url(".interlink-cache/articles.bin")
        let good = [UInt8](try Data(contentsOf: file))
        try Data(good[0..<(good.count * 2 / 3)]).write(to: file)
        let damaged = try CommandRunner.run(arguments)
        #expect(damaged.status == 0)
        #expect(damaged.stderr.isEmpty, "\(damaged.stderr)")
        #expect(damaged.stdout == uncached.stdout)
        #expect([UInt8](try Data(contentsOf: file)).count > good.count * 2 / 3, "the damaged file was replaced")
    }

    @Test func theCacheFolderIsNeverReadAsContent() throws {
        let site = try SiteCopy.exampleSite()
        _ = try CommandRunner.run(["suggest", "--root", site.root.path, "--format", "json"])
        // A Markdown file inside the cache folder is not an article.
        try Data("# Not an article\n".utf8).write(to: site.url(".interlink-cache/stray.md"))
        let index = try CommandRunner.run(["index", "--root", site.root.path, "--format", "json"])
        #expect(index.status == 0)
        #expect(!index.stdout.contains(".interlink-cache"))
    }
}
