import Foundation
import Testing

@testable import Interlink

/// A site whose articles' bytes were released (`Site.releaseBytes()`, what `suggest` does on a large
/// site) reads each file again when a stage needs it, and suggests exactly what it does with the bytes
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

    /// `LoadOptions.keepsBytesUpTo`: the loader keeps files' bytes until the files read pass the limit,
    /// and lets go of each later file's as soon as it is parsed; read again, they are the same.
    @Test func theLoaderLetsGoOfBytesPastItsLimit() async throws {
        let site = try ArticleCacheTests.exampleCopy()
        let kept = await SiteLoader.load(root: site.root)
        let before = kept.site.articles.map(\.bytes)
        let total = before.reduce(0) { $0 + $1.count }
        #expect(kept.site.articles.allSatisfy { $0.contents.isKept })
        var options = LoadOptions()
        options.keepsBytesUpTo = 0
        let none = await SiteLoader.load(root: site.root, options: options)
        #expect(none.site.articles.allSatisfy { !$0.contents.isKept })
        #expect(none.site.articles.map(\.bytes) == before)
        options.keepsBytesUpTo = total / 2
        let half = await SiteLoader.load(root: site.root, options: options)
        let keptBytes = half.site.articles.filter { $0.contents.isKept }.reduce(0) { $0 + $1.byteCount }
        // Files are counted as they are parsed, on all cores: those kept are the ones read while the
        // running total was within the limit.
        #expect(keptBytes <= total / 2)
        #expect(half.site.articles.contains { !$0.contents.isKept })
        #expect(half.site.articles.map(\.bytes) == before)
        options.keepsBytesUpTo = total
        let all = await SiteLoader.load(root: site.root, options: options)
        #expect(all.site.articles.allSatisfy { $0.contents.isKept })
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
