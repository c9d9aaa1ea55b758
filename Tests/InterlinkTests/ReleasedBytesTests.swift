import Foundation
import Testing

@testable import Interlink

/// A site whose articles' bytes were released (`Site.releaseBytes()`, what `suggest` does on a large
/// site) reads them back when a stage needs them, and suggests exactly what it does with the bytes
/// kept, with the cache and without.
@Suite struct ReleasedBytesTests {
    /// `suggest` on ExampleSite's files, as JSON; the bytes released after loading when `released`.
    static func suggest(_ root: URL, released: Bool, cached: Bool) async throws -> String {
        let options = SuggestOptions()
        let cache = cached
            ? ArticleCache(root: root, toolVersion: "test 1", context: ArticleCache.context(for: options)) : nil
        let loaded = await SiteLoader.load(root: root, cache: cache)
        if released { loaded.site.releaseBytes() }
        let reuse = cache?.reuse(for: loaded)
        let graph = LinkGraph(site: loaded.site, known: reuse.flatMap { $0.resolutions.isEmpty ? nil : $0.resolutions.all() })
        let suggester = Suggester(site: loaded.site, graph: graph, options: options, reuse: reuse)
        suggester.findMentions()
        let result = suggester.suggest()
        if let cache { _ = cache.update(loaded: loaded, suggester: suggester) }
        return try SuggestionReport(root: "site", result: result).json()
    }

    @Test func releasedBytesAreReadAgainTheSame() async throws {
        let site = try ArticleCacheTests.exampleCopy()
        let loaded = await SiteLoader.load(root: site.root)
        let before = loaded.site.articles.map(\.bytes)
        loaded.site.releaseBytes()
        #expect(loaded.site.articles.allSatisfy { !$0.contents.isKept })
        #expect(loaded.site.articles.map(\.bytes) == before)
        #expect(loaded.site.articles.map(\.byteCount) == before.map(\.count))
        let reloaded = loaded.site.articles.map { $0.loaded() }
        #expect(reloaded.allSatisfy { $0.contents.isKept })
        #expect(reloaded.map(\.bytes) == before)
        #expect(reloaded.map(\.path) == loaded.site.articles.map(\.path))
    }

    /// `LoadOptions.keepsBytesUpTo`: on a site over the limit every file's bytes leave memory (those
    /// read past the limit as soon as parsed, the others once loading ends), moved to a scratch file
    /// that leaves nothing in the site's folder; read back, they are the ones parsed, even once a file
    /// changes. A site within the limit keeps them.
    @Test func theLoaderLetsGoOfBytesPastItsLimit() async throws {
        let site = try ArticleCacheTests.exampleCopy()
        let listing = try FileManager.default.subpathsOfDirectory(atPath: site.root.path).sorted()
        let kept = await SiteLoader.load(root: site.root)
        let before = kept.site.articles.map(\.bytes)
        let total = before.reduce(0) { $0 + $1.count }
        #expect(kept.site.articles.allSatisfy { $0.contents.isKept })
        var options = LoadOptions()
        for limit in [0, total / 2, total - 1] {
            options.keepsBytesUpTo = limit
            let loaded = await SiteLoader.load(root: site.root, options: options)
            #expect(loaded.site.articles.allSatisfy { !$0.contents.isKept })
            #expect(loaded.site.articles.map(\.bytes) == before)
            #expect(try FileManager.default.subpathsOfDirectory(atPath: site.root.path).sorted() == listing)
        }
        options.keepsBytesUpTo = total
        let all = await SiteLoader.load(root: site.root, options: options)
        #expect(all.site.articles.allSatisfy { $0.contents.isKept })
        // Bytes moved out of memory are the ones parsed, whatever happens to the file since.
        options.keepsBytesUpTo = 0
        let moved = await SiteLoader.load(root: site.root, options: options)
        let path = moved.site.articles[0].path
        try site.write(path, bytes: Array("changed\n".utf8))
        #expect(moved.site.articles[0].bytes == before[0])
    }

    @Test func releasedBytesGiveTheSameSuggestions() async throws {
        let site = try ArticleCacheTests.exampleCopy()
        let kept = try await Self.suggest(site.root, released: false, cached: false)
        #expect(kept.contains("\"anchor\""))
        #expect(try await Self.suggest(site.root, released: true, cached: false) == kept)
        // With the cache: cold, then warm (mentions and counts from the cache).
        #expect(try await Self.suggest(site.root, released: true, cached: true) == kept)
        #expect(try await Self.suggest(site.root, released: true, cached: true) == kept)
    }
}
