import Foundation
import InterlinkMarkdown
import Testing

@testable import Interlink

/// The on-disk index cache: a run that takes parses, word counts, topics and mentions from the cache
/// must give exactly what a run without it gives, whatever happened to the files or the cache.
@Suite struct ArticleCacheTests {
    static let exampleSite = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("ExampleSite")

    /// ExampleSite's files (no hidden ones, so no cache folder), relative path → bytes.
    static func exampleFiles() throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let paths = (FileManager.default.enumerator(atPath: exampleSite.path)?.allObjects as? [String]) ?? []
        for path in paths where !path.hasPrefix(".") && !path.contains("/.") {
            var isDirectory: ObjCBool = false
            let url = exampleSite.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                continue
            }
            files[path] = [UInt8](try Data(contentsOf: url))
        }
        return files
    }

    /// A copy of ExampleSite's Markdown files (no cache folder) in a temporary site.
    static func exampleCopy() throws -> TemporarySite {
        let site = try TemporarySite([:])
        for (path, bytes) in try exampleFiles() { try site.write(path, bytes: bytes) }
        return site
    }

    struct Run {
        var json: String
        var hits: Int
        /// Files taken from the cache by their stamp, without reading them.
        var unread: Int = 0
        var reusedMentions: Bool
        var wrote: Bool
        /// Articles whose word-case tally came from the cache.
        var reusedTallies: Int = 0
        /// Articles whose link resolutions came from the cache.
        var reusedResolutions: Int = 0
        /// Where each article's links point (the link graph), in article order.
        var resolutions: [[LinkResolution]] = []
        /// Whether what the run made for the next cache file waited in scratch files (`KeptParts`).
        var keptOnDisk = false
        /// Whether the files parsed in this run had their parses wait in a scratch file.
        var parsesOnDisk = false
    }

    /// A settling time no file reaches: no stamp is trusted, every file is read (as in these tests,
    /// whose files are all written a moment before; a slow machine must not change what they see).
    static let stampsNeverSettle: Int64 = 1 << 40

    /// One `suggest` run, with the cache (as the CLI does it) or without. `stampsSettleAfter`: how old a
    /// file's last change must be for the next run to trust its stamp (`FileStamp.settlingSeconds`).
    static func suggest(
        _ root: URL, cached: Bool = true, version: String = "test 1", options: SuggestOptions = SuggestOptions(),
        stampsSettleAfter: Int64 = stampsNeverSettle, toleratedStale: Int = 0, residentLimit: Int? = nil
    ) async throws -> Run {
        let context = ArticleCache.context(for: options)
        let cache =
            cached
            ? residentLimit.map { ArticleCache(root: root, toolVersion: version, context: context, residentLimit: $0) }
                ?? ArticleCache(root: root, toolVersion: version, context: context) : nil
        var loadOptions = LoadOptions()
        loadOptions.stampSettlingSeconds = stampsSettleAfter
        let loaded = await SiteLoader.load(root: root, options: loadOptions, cache: cache)
        let reuse = cache?.reuse(for: loaded)
        let known = reuse.flatMap { $0.resolutions.isEmpty ? nil : $0.resolutions.all() }
        let graph = LinkGraph(site: loaded.site, known: known)
        let suggester = Suggester(site: loaded.site, graph: graph, options: options, reuse: reuse)
        let result = suggester.suggest()
        var wrote = false
        if let cache { wrote = cache.update(loaded: loaded, suggester: suggester, toleratedStale: toleratedStale) }
        let json = try SuggestionReport(root: "site", result: result).json()
        return Run(
            json: json, hits: loaded.cacheHits, unread: loaded.unreadFiles, reusedMentions: suggester.reusesMentions,
            wrote: wrote,
            reusedTallies: suggester.memo.wordCaseReused.filter { $0 }.count,
            reusedResolutions: known?.filter { $0 != nil }.count ?? 0,
            resolutions: graph.outgoing.map { $0.map(\.resolution) },
            keptOnDisk: suggester.memo.termCounts.isOnDisk && suggester.memo.topics.isOnDisk
                && suggester.memo.wordCase.isOnDisk,
            parsesOnDisk: loaded.keptParses?.isOnDisk == true)
    }

    static func cacheFile(_ site: TemporarySite) -> URL { ArticleCache.fileURL(root: site.root) }

    @Test func aWarmRunGivesTheSameSuggestionsFromTheCacheAlone() async throws {
        let site = try Self.exampleCopy()
        let uncached = try await Self.suggest(site.root, cached: false)
        #expect(!FileManager.default.fileExists(atPath: Self.cacheFile(site).path))
        let cold = try await Self.suggest(site.root)
        #expect(cold.hits == 0)
        #expect(cold.wrote)
        let warm = try await Self.suggest(site.root)
        let articles = await site.load().site.articles.count
        #expect(warm.hits == articles)
        #expect(warm.reusedMentions)
        #expect(!warm.wrote, "nothing changed, so the file is not rewritten")
        #expect(cold.json == uncached.json)
        #expect(warm.json == uncached.json)
        #expect(uncached.json.contains("\"anchor\""))
        let ignore = try String(contentsOf: site.root.appendingPathComponent(".interlink-cache/.gitignore"), encoding: .utf8)
        #expect(ignore == "*\n")
    }

    /// On a large site a cold run keeps what it makes for the cache file in scratch files: the file it
    /// writes serves the next run exactly as one written from memory does.
    @Test func aColdRunKeepingItsPartsOnDiskWritesAFileThatServesTheNextRun() async throws {
        let site = try Self.exampleCopy()
        let uncached = try await Self.suggest(site.root, cached: false)
        let cold = try await Self.suggest(site.root, residentLimit: 1)
        #expect(cold.keptOnDisk)
        #expect(cold.parsesOnDisk)
        #expect(cold.wrote)
        #expect(cold.json == uncached.json)
        let warm = try await Self.suggest(site.root)
        #expect(!warm.keptOnDisk)
        #expect(warm.hits == (await site.load().site.articles.count))
        #expect(warm.reusedMentions && !warm.wrote)
        #expect(warm.reusedTallies > 0)
        #expect(warm.json == uncached.json)
    }

    /// A cache file larger than the resident limit has its mapped pages dropped again and again while
    /// stages read it; what they read, and the file written after an edit (which copies stored parts
    /// from the dropped pages), are the same as with every page kept.
    @Test func pagesDroppedWhileTheCacheIsReadChangeNothing() async throws {
        let site = try Self.exampleCopy()
        let uncached = try await Self.suggest(site.root, cached: false)
        _ = try await Self.suggest(site.root)
        let warm = try await Self.suggest(site.root, residentLimit: 1)
        #expect(warm.json == uncached.json)
        #expect(warm.keptOnDisk)
        #expect(warm.reusedMentions)
        #expect(warm.reusedTallies > 0)
        #expect(warm.reusedResolutions > 0)
        #expect(!warm.wrote)
        // One file edited: the file is written again from this run's parts and the stored ones.
        let path = "content/posts/anchor-text.md"
        var bytes = [UInt8](try Data(contentsOf: site.root.appendingPathComponent(path)))
        bytes += Array("\nSee also internal linking basics.\n".utf8)
        try site.write(path, bytes: bytes)
        let edited = try await Self.suggest(site.root, residentLimit: 1)
        #expect(edited.wrote)
        #expect(edited.keptOnDisk)
        #expect(edited.parsesOnDisk, "the edited file's parse")
        // The scratch files were removed from the folder as soon as they were made.
        let folder = site.root.appendingPathComponent(ArticleCache.folderName).path
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == [".gitignore", "articles.bin"])
        #expect(edited.hits == warm.hits - 1)
        let again = try await Self.suggest(site.root, residentLimit: 1)
        #expect(again.hits == warm.hits)
        #expect(!again.wrote)
        #expect(again.json == edited.json)
        #expect(again.json == (try await Self.suggest(site.root, cached: false)).json)
    }

    @Test func anEditedFileIsParsedAgainAndItsNewTextCounts() async throws {
        let site = try Self.exampleCopy()
        _ = try await Self.suggest(site.root)
        // A new paragraph that mentions another article's title.
        let path = "content/posts/anchor-text.md"
        var bytes = [UInt8](try Data(contentsOf: site.root.appendingPathComponent(path)))
        bytes += Array("\n\nA word on crawl budget and on the canonical tag, which matter here too.\n".utf8)
        try site.write(path, bytes: bytes)
        let cached = try await Self.suggest(site.root)
        let uncached = try await Self.suggest(site.root, cached: false)
        #expect(cached.json == uncached.json)
        let articles = await site.load().site.articles.count
        #expect(cached.hits == articles - 1)
    }

    @Test func aChangedTitleChangesTheTopicsAndIsNotTakenFromTheCache() async throws {
        let site = try Self.exampleCopy()
        let before = try await Self.suggest(site.root)
        let path = "content/posts/crawl-budget.md"
        let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        let renamed = text.replacingOccurrences(of: "title: \"Crawl Budget\"", with: "title: \"Crawl Budget and Link Equity\"")
        #expect(renamed != text)
        try site.write(path, bytes: Array(renamed.utf8))
        let cached = try await Self.suggest(site.root)
        let uncached = try await Self.suggest(site.root, cached: false)
        #expect(cached.json == uncached.json)
        #expect(!cached.reusedMentions, "the topic index changed, so the stored mentions are stale")
        #expect(cached.json != before.json)
        // The file was written again, the unchanged articles' word counts and topics read back from the
        // old one: the next run takes everything from it and still agrees.
        let next = try await Self.suggest(site.root)
        #expect(next.reusedMentions)
        #expect(!next.wrote)
        #expect(next.json == uncached.json)
    }

    @Test func addedDeletedAndRenamedFilesGiveWhatAnUncachedRunGives() async throws {
        let site = try Self.exampleCopy()
        _ = try await Self.suggest(site.root)
        // Added: a new post that other posts mention.
        try site.write(
            "content/posts/link-equity-basics.md",
            bytes: Array("---\ntitle: Link Equity Basics\n---\n\nWhat link equity is, and how internal links share it.\n".utf8))
        var cached = try await Self.suggest(site.root)
        var uncached = try await Self.suggest(site.root, cached: false)
        #expect(cached.json == uncached.json)
        // Deleted.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/posts/anchor-text.md"))
        cached = try await Self.suggest(site.root)
        uncached = try await Self.suggest(site.root, cached: false)
        #expect(cached.json == uncached.json)
        #expect(!cached.json.contains("content/posts/anchor-text.md"))
        // Renamed: the same bytes at a new path (the parse is reused; URL, file-name topic and links change).
        try FileManager.default.moveItem(
            at: site.root.appendingPathComponent("content/posts/crawl-budget.md"),
            to: site.root.appendingPathComponent("content/posts/budget-for-crawlers.md"))
        cached = try await Self.suggest(site.root)
        uncached = try await Self.suggest(site.root, cached: false)
        #expect(cached.json == uncached.json)
        #expect(!cached.json.contains("content/posts/crawl-budget.md"))
        let articles = await site.load().site.articles.count
        #expect(cached.hits == articles, "a renamed file keeps its parse")
        // And the next run, with nothing changed, takes everything from the cache again.
        let again = try await Self.suggest(site.root)
        #expect(again.json == uncached.json)
        #expect(again.reusedMentions)
        #expect(!again.wrote)
    }

    @Test func aCacheWrittenByAnotherVersionIsIgnored() async throws {
        let site = try Self.exampleCopy()
        _ = try await Self.suggest(site.root, version: "interlink 0.1.0 build A")
        let other = try await Self.suggest(site.root, version: "interlink 0.2.0 build B")
        #expect(other.hits == 0)
        #expect(!other.reusedMentions)
        #expect(other.wrote)
        let same = try await Self.suggest(site.root, version: "interlink 0.2.0 build B")
        #expect(same.hits > 0)
        let uncached = try await Self.suggest(site.root, cached: false)
        #expect(other.json == uncached.json)
        #expect(same.json == uncached.json)
    }

    @Test func otherSettingsDoNotReuseTopics() async throws {
        let site = try Self.exampleCopy()
        _ = try await Self.suggest(site.root)
        var options = SuggestOptions()
        options.topicRules = TopicRules(stopwords: ["budget"], genericAnchors: [], synonyms: [:])
        let cached = try await Self.suggest(site.root, options: options)
        let uncached = try await Self.suggest(site.root, cached: false, options: options)
        #expect(cached.json == uncached.json)
    }

    /// Every way a cache file can be damaged: it is ignored (every file parsed again), the run gives the
    /// uncached result, and the next run writes a good file.
    @Test(arguments: ["truncated", "flipped", "garbage", "empty", "header only", "folder", "table moved", "table cut"])
    func aDamagedCacheIsIgnoredAndRebuilt(_ damage: String) async throws {
        let site = try Self.exampleCopy()
        let uncached = try await Self.suggest(site.root, cached: false)
        _ = try await Self.suggest(site.root)
        let file = Self.cacheFile(site)
        let good = [UInt8](try Data(contentsOf: file))
        var bad: [UInt8]
        switch damage {
        case "truncated": bad = Array(good[0..<(good.count / 2)])
        case "flipped":
            bad = good
            bad[bad.count / 2] ^= 0x40
        case "garbage": bad = (0..<good.count).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }
        case "empty": bad = []
        case "header only": bad = Array(good[0..<40])
        case "table moved", "table cut":
            // Checksummed again, so that only the table's place (8 bytes before the checksum) or its
            // last byte lies.
            bad = Array(good[0..<(good.count - 16)])
            if damage == "table moved" {
                bad[bad.count - 8] = bad[bad.count - 8] &+ 1
            } else {
                bad.remove(at: bad.count - 9)
            }
            let checksum = bad.withUnsafeBytes { ContentHasher.streamed($0) }
            var trailer = BinaryWriter()
            trailer.fixed64(checksum.high)
            trailer.fixed64(checksum.low)
            bad += trailer.bytes
        default: bad = []
        }
        if damage == "folder" {
            try FileManager.default.removeItem(at: file)
            try FileManager.default.createDirectory(at: file, withIntermediateDirectories: false)
        } else {
            try Data(bad).write(to: file)
        }
        let damaged = try await Self.suggest(site.root)
        #expect(damaged.hits == 0)
        #expect(damaged.json == uncached.json)
        if damage != "folder" {
            #expect(damaged.wrote)
            let repaired = try await Self.suggest(site.root)
            #expect(repaired.hits > 0)
            #expect(repaired.json == uncached.json)
        }
    }

    /// A file whose checksum is right but whose content lies (stored mentions naming topics the index
    /// does not have, ranges past the end of the file) must not crash or change the result.
    @Test func aForgedEntryIsRejectedEntryByEntry() async throws {
        let site = try TemporarySite([
            "a.md": "---\ntitle: Crawl Budget\n---\n\nHow search engines spend their crawl budget.\n",
            "b.md": "---\ntitle: Site Speed\n---\n\nSite speed matters for crawl budget.\n",
        ])
        let uncached = try await Self.suggest(site.root, cached: false)
        let bytes = [UInt8](try Data(contentsOf: site.root.appendingPathComponent("b.md")))
        let hash = ContentHash(bytes)
        let forged = DerivedContent(
            path: "b.md", title: "Site Speed", termCounts: nil, topics: nil,
            mentions: ArticleMentions(
                prose: [Mention(range: 0..<4, topics: [999], isCode: false, block: 0, context: .paragraph, wordCount: 1)],
                linkText: []))
        var derived = BinaryWriter()
        forged.encode(into: &derived)
        // A parse part with a span past the end of the file.
        var parse = BinaryWriter()
        parse.uint(0)
        parse.uint(1)
        parse.range(0..<(bytes.count + 10))
        let options = SuggestOptions()
        // Written with the fingerprint this site's index will have, so that the mentions are considered.
        let loaded = await SiteLoader.load(root: site.root)
        let index = KeywordIndex(site: loaded.site, graph: LinkGraph(site: loaded.site))
        ArticleCache.write(
            root: site.root, toolVersion: "test 1", context: ArticleCache.context(for: options),
            indexFingerprint: index.fingerprint, wordCaseFingerprint: nil,
            records: [ArticleCache.Record(hash: hash, parse: parse.bytes, derived: derived.bytes)])
        let cached = try await Self.suggest(site.root)
        #expect(cached.hits == 0)
        #expect(cached.json == uncached.json)
    }

    @Test func aReadOnlySiteIsSuggestedWithoutWritingACache() async throws {
        let site = try Self.exampleCopy()
        let uncached = try await Self.suggest(site.root, cached: false)
        chmod(site.root.path, 0o555)
        defer { chmod(site.root.path, 0o755) }
        // Root ignores permissions: only check when the folder really is read-only for us.
        guard access(site.root.path, W_OK) != 0 else { return }
        let cached = try await Self.suggest(site.root)
        #expect(cached.json == uncached.json)
        #expect(!cached.wrote)
    }

    /// The cache file is hashed as it is written, in pieces: the checksum must be that of the whole.
    @Test(arguments: [0, 1, 7, 8, 9, 15, 16, 17, 24, 31, 32, 33, 40, 63, 64, 65, 100, 1000, 4099])
    func aHashInPiecesIsTheHashOfTheWhole(length: Int) {
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let whole = ContentHash(bytes)
        // Cuts inside a word, on word boundaries of every lane, and inside a four-word block.
        for cuts in [
            [Int](), [0], [1], [3, 5], [7, 8, 9], [2, 3, 4, 5, 6, 7, 8, 13], [length / 2], [8, 16, 24], [16, 33],
            [5, 40, 41], [24, 56, 88], [31, 32, 63, 64],
        ] {
            var hasher = ContentHasher(count: length)
            // The cache file's checksum: the number of bytes known only at the end.
            var streaming = ContentHasher()
            var start = 0
            for cut in cuts where cut >= start && cut <= length {
                hasher.feed(bytes[start..<cut])
                streaming.feed(bytes[start..<cut])
                start = cut
            }
            hasher.feed(bytes[start..<length])
            streaming.feed(bytes[start..<length])
            #expect(hasher.finish() == whole, "cut at \(cuts)")
            #expect(streaming.finish() == bytes.withUnsafeBytes { ContentHasher.streamed($0) }, "cut at \(cuts)")
        }
        // The number of bytes counts: a trailing zero byte changes the streamed hash.
        let longer = bytes + [0]
        #expect(
            bytes.withUnsafeBytes { ContentHasher.streamed($0) } != longer.withUnsafeBytes { ContentHasher.streamed($0) })
    }

    /// A parse read back for suggesting only steps over what only rewriting reads (forbidden zones,
    /// the emphasis outline) and is otherwise the parse read back whole.
    @Test func aParseReadForSuggestingLeavesOutOnlyTheRewriteDetails() throws {
        let text = "---\ntitle: Zones\ntags: [a, b]\n---\n\n# Zones\n\nSome *emphasis* and `code`, a [link](other.md).\n\n```\nblock\n```\n"
        let bytes = Array(text.utf8)
        let content = try SiteLoader.parseContent(path: "zones.md", bytes: bytes, dialect: .commonMark)
        #expect(!content.document.forbiddenZones.isEmpty)
        #expect(!content.document.emphasisOutline.isEmpty)
        var writer = BinaryWriter()
        try content.encode(into: &writer)
        let encoded = writer.bytes
        func decode(_ keeps: Bool, _ bytes: [UInt8], _ file: [UInt8]) throws -> ParsedContent {
            try bytes.withUnsafeBytes { buffer in
                var reader = BinaryReader(buffer)
                return try ParsedContent.decode(&reader, byteCount: file.count, keepsRewriteDetails: keeps)
            }
        }
        let whole = try decode(true, encoded, bytes)
        let lean = try decode(false, encoded, bytes)
        #expect(whole.document.forbiddenZones == content.document.forbiddenZones)
        #expect(whole.document.emphasisOutline == content.document.emphasisOutline)
        #expect(lean.document.forbiddenZones.isEmpty)
        #expect(lean.document.emphasisOutline.isEmpty)
        #expect(lean.document.spans == whole.document.spans)
        #expect(lean.document.links == whole.document.links)
        #expect(lean.document.headings == whole.document.headings)
        #expect(lean.frontMatter.fields == whole.frontMatter.fields)
        #expect(lean.suppressedRanges == whole.suppressedRanges)
        // The front-matter block and the line table come back without the file's bytes.
        for read in [whole, lean] {
            #expect(read.document.frontMatter == content.document.frontMatter)
            #expect(read.document.frontMatter != nil)
            #expect(read.document.lines == LineTable(bytes))
        }
        // Ranges are still checked against the file: a shorter file makes both reads fail.
        let shorter = Array(bytes.prefix(bytes.count / 2))
        #expect(throws: (any Error).self) { try decode(false, encoded, shorter) }
        #expect(throws: (any Error).self) { try decode(true, encoded, shorter) }
    }

    @Test func theBinaryCodingRefusesTruncatedInput() throws {
        var writer = BinaryWriter()
        writer.string("héllo")
        writer.int(-5)
        writer.range(3..<9)
        writer.fixed64(0xDEAD_BEEF)
        let full = writer.bytes
        let values = try full.withUnsafeBytes { buffer throws -> (String, Int, Range<Int>, UInt64, Bool) in
            var reader = BinaryReader(buffer)
            return (try reader.string(), try reader.int(), try reader.range(within: 9), try reader.fixed64(), reader.isAtEnd)
        }
        #expect(values.0 == "héllo")
        #expect(values.1 == -5)
        #expect(values.2 == 3..<9)
        #expect(values.3 == 0xDEAD_BEEF)
        #expect(values.4)
        for length in 0..<full.count {
            let prefix = Array(full[0..<length])
            let complete = prefix.withUnsafeBytes { buffer -> Bool in
                var reader = BinaryReader(buffer)
                do {
                    _ = try reader.string()
                    _ = try reader.int()
                    _ = try reader.range(within: 9)
                    _ = try reader.fixed64()
                    return true
                } catch {
                    return false
                }
            }
            #expect(!complete, "a \(length)-byte prefix read as complete")
        }
        #expect(ContentHash(Array("a".utf8)) != ContentHash(Array("b".utf8)))
        #expect(ContentHash(Array("12345678".utf8)) != ContentHash(Array("123456780".utf8)))
    }

    /// Every byte of a 4-word block and of the words after it reaches the hash: changing any one byte
    /// of 77 changes it, and so does moving a word to another lane (swapping two words).
    @Test func everyByteAndLaneReachesTheHash() {
        let bytes = (0..<77).map { UInt8(truncatingIfNeeded: $0 &* 61 &+ 5) }
        let original = ContentHash(bytes)
        var seen: Set<ContentHash> = [original]
        for index in bytes.indices {
            var changed = bytes
            changed[index] ^= 0x01
            #expect(seen.insert(ContentHash(changed)).inserted, "byte \(index)")
        }
        var swapped = bytes
        for offset in 0..<8 { swapped.swapAt(offset, 8 + offset) }
        #expect(ContentHash(swapped) != original)
        #expect(ContentHash(bytes + [0]) != original)
    }
}

/// A cache file that still serves nearly every article is not written again for a few changed files
/// (`ArticleCache.toleratedStaleEntries`): the next runs read and match those files again, and give
/// what an uncached run gives; past the tolerance, or when the topic index changes, it is written.
@Suite struct ArticleCacheToleranceTests {
    static func append(_ text: String, to path: String, in site: TemporarySite) throws {
        let url = site.root.appendingPathComponent(path)
        try site.write(path, bytes: [UInt8](try Data(contentsOf: url)) + Array(text.utf8))
    }

    @Test func aFewChangedFilesDoNotRewriteTheFile() async throws {
        let site = try ArticleCacheTests.exampleCopy()
        let cold = try await ArticleCacheTests.suggest(site.root, toleratedStale: 1)
        #expect(cold.wrote)
        let articles = await site.load().site.articles.count
        try Self.append("\n\nA word on crawl budget.\n", to: "content/posts/anchor-text.md", in: site)
        let one = try await ArticleCacheTests.suggest(site.root, toleratedStale: 1)
        #expect(!one.wrote, "one stale entry is tolerated")
        #expect(one.hits == articles - 1)
        #expect(one.reusedMentions)
        #expect(one.json == (try await ArticleCacheTests.suggest(site.root, cached: false)).json)
        // Still one stale entry: still not written, still right.
        let again = try await ArticleCacheTests.suggest(site.root, toleratedStale: 1)
        #expect(!again.wrote)
        #expect(again.hits == articles - 1)
        #expect(again.json == one.json)
        // A second changed file is one too many.
        try Self.append("\n\nAnd one on orphan pages.\n", to: "content/posts/crawl-budget.md", in: site)
        let two = try await ArticleCacheTests.suggest(site.root, toleratedStale: 1)
        #expect(two.wrote)
        #expect(two.hits == articles - 2)
        #expect(two.json == (try await ArticleCacheTests.suggest(site.root, cached: false)).json)
        let after = try await ArticleCacheTests.suggest(site.root, toleratedStale: 1)
        #expect(after.hits == articles)
        #expect(!after.wrote)
    }

    /// A changed title changes the topic index: every stored mention is stale, more than any tolerance
    /// short of the whole site.
    @Test func aChangedTopicIndexMakesEveryEntryStale() async throws {
        let site = try ArticleCacheTests.exampleCopy()
        _ = try await ArticleCacheTests.suggest(site.root)
        let articles = await site.load().site.articles.count
        let path = "content/posts/crawl-budget.md"
        let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        try site.write(
            path, bytes: Array(text.replacingOccurrences(of: "title: \"Crawl Budget\"", with: "title: \"Crawl Quota\"").utf8))
        let renamed = try await ArticleCacheTests.suggest(site.root, toleratedStale: articles - 1)
        #expect(!renamed.reusedMentions)
        #expect(renamed.wrote, "every stored mention is stale")
        let next = try await ArticleCacheTests.suggest(site.root, toleratedStale: articles - 1)
        #expect(next.reusedMentions)
    }

    @Test func theToleranceIsOneInAThousand() {
        #expect(ArticleCache.toleratedStaleEntries(articles: 20) == 0)
        #expect(ArticleCache.toleratedStaleEntries(articles: 999) == 0)
        #expect(ArticleCache.toleratedStaleEntries(articles: 10_000) == 10)
        #expect(ArticleCache.toleratedStaleEntries(articles: 100_000) == 100)
    }
}
