import Foundation
import InterlinkMarkdown
import Testing

@testable import Interlink

/// Files the index cache vouches for by their stamp (`FileStamp`: device, inode, size, modification
/// and status-change times) are not read at all; any change to a file, even one that keeps its size
/// and modification time, makes it read again, and a stamp taken too soon after a change is not trusted.
@Suite struct ArticleCacheStampTests {
    /// Every stamp counts as settled, however recent the change (the tests' files were just written).
    static let always: Int64 = -(1 << 40)

    /// Sets a file's modification time (as `touch -d` would), which also moves its status-change time to now.
    static func setModified(_ url: URL, seconds: Int) {
        var times = [timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, url.path, &times, 0) == 0)
    }

    static func modifiedSeconds(_ url: URL) -> Int {
        var info = stat()
        stat(url.path, &info)
        return Int(info.st_mtim.tv_sec)
    }

    @Test func aWarmRunLeavesEveryFileItsStampVouchesForUnread() async throws {
        let site = try ArticleCacheTests.exampleCopy()
        let uncached = try await ArticleCacheTests.suggest(site.root, cached: false)
        let cold = try await ArticleCacheTests.suggest(site.root, stampsSettleAfter: Self.always)
        #expect(cold.unread == 0)
        let warm = try await ArticleCacheTests.suggest(site.root, stampsSettleAfter: Self.always)
        let articles = await site.load().site.articles.count
        #expect(warm.unread == articles)
        #expect(warm.hits == articles)
        #expect(warm.reusedMentions)
        #expect(!warm.wrote, "nothing changed, stamps included, so the file is not rewritten")
        #expect(warm.json == uncached.json)
        #expect(cold.json == uncached.json)
    }

    /// Same size, same modification time, other bytes (an editor or `touch -r` restoring the time): the
    /// status-change time still differs, so the file is read, and its new text counts.
    @Test func aFileChangedBehindItsOldModificationTimeIsReadAgain() async throws {
        let site = try TemporarySite([
            "a.md": "---\ntitle: Crawl Budget\n---\n\nHow search engines spend what they may fetch.\n",
            "b.md": "---\ntitle: Site Speed\n---\n\nSite speed matters for quiet budget.\n",
        ])
        let b = site.root.appendingPathComponent("b.md")
        Self.setModified(b, seconds: 1_600_000_000)
        let before = try await ArticleCacheTests.suggest(site.root, stampsSettleAfter: Self.always)
        let warm = try await ArticleCacheTests.suggest(site.root, stampsSettleAfter: Self.always)
        #expect(warm.unread == 2)
        let old = Array("Site speed matters for quiet budget.".utf8)
        let new = Array("Site speed matters for crawl budget.".utf8)
        #expect(old.count == new.count)
        var bytes = [UInt8](try Data(contentsOf: b))
        let start = try #require(bytes.indices.first { bytes[$0...].starts(with: old) })
        bytes.replaceSubrange(start..<(start + old.count), with: new)
        try site.write("b.md", bytes: bytes)
        Self.setModified(b, seconds: 1_600_000_000)
        #expect(Self.modifiedSeconds(b) == 1_600_000_000)
        let after = try await ArticleCacheTests.suggest(site.root, stampsSettleAfter: Self.always)
        let uncached = try await ArticleCacheTests.suggest(site.root, cached: false)
        #expect(after.unread == 1, "a.md is unchanged; b.md must be read")
        #expect(after.json == uncached.json)
        #expect(after.json != before.json, "the new text mentions the other article")
        #expect(after.json.contains("crawl budget"))
    }

    /// Two files that swap names keep their sizes and times, but not their inodes: both are read.
    @Test func filesThatSwapNamesAreReadAgain() async throws {
        let site = try ArticleCacheTests.exampleCopy()
        _ = try await ArticleCacheTests.suggest(site.root, stampsSettleAfter: Self.always)
        _ = try await ArticleCacheTests.suggest(site.root, stampsSettleAfter: Self.always)
        let manager = FileManager.default
        let a = site.root.appendingPathComponent("content/posts/crawl-budget.md")
        let b = site.root.appendingPathComponent("content/posts/anchor-text.md")
        let parked = site.root.appendingPathComponent("content/parked.txt")
        try manager.moveItem(at: a, to: parked)
        try manager.moveItem(at: b, to: a)
        try manager.moveItem(at: parked, to: b)
        let swapped = try await ArticleCacheTests.suggest(site.root, stampsSettleAfter: Self.always)
        let uncached = try await ArticleCacheTests.suggest(site.root, cached: false)
        let articles = await site.load().site.articles.count
        #expect(swapped.unread == articles - 2)
        #expect(swapped.json == uncached.json)
    }

    /// A file changed less than the settling time before a run read it is read again by the next run:
    /// here its modification time lies in the future (a clock ahead, or a change a moment ago).
    @Test func aStampTakenTooSoonAfterAChangeIsNotTrusted() async throws {
        let site = try ArticleCacheTests.exampleCopy()
        let path = "content/posts/crawl-budget.md"
        let url = site.root.appendingPathComponent(path)
        Self.setModified(url, seconds: Int(Date().timeIntervalSince1970) + 3600)
        _ = try await ArticleCacheTests.suggest(site.root, stampsSettleAfter: FileStamp.settlingSeconds)
        // Every other file may or may not have settled (this machine may be slow); this one cannot have.
        var options = LoadOptions()
        options.stampSettlingSeconds = FileStamp.settlingSeconds
        let cache = ArticleCache(
            root: site.root, toolVersion: "test 1", context: ArticleCache.context(for: SuggestOptions()))
        #expect(cache.stampedFile(at: path) == nil)
        let loaded = await SiteLoader.load(root: site.root, options: options, cache: cache)
        let index = try #require(loaded.site.index(ofPath: path))
        #expect(loaded.cacheRecords[index]?.unread == false)
        #expect(loaded.site.articles[index].contents.isKept)
    }

    /// An unread article's bytes are read when a stage asks for them, and are the file's.
    @Test func anUnreadArticlesBytesAreReadOnDemand() async throws {
        let site = try ArticleCacheTests.exampleCopy()
        _ = try await ArticleCacheTests.suggest(site.root, stampsSettleAfter: Self.always)
        _ = try await ArticleCacheTests.suggest(site.root, stampsSettleAfter: Self.always)
        let cache = ArticleCache(
            root: site.root, toolVersion: "test 1", context: ArticleCache.context(for: SuggestOptions()))
        let loaded = await SiteLoader.load(root: site.root, cache: cache)
        #expect(loaded.unreadFiles == loaded.site.articles.count)
        for article in loaded.site.articles {
            #expect(!article.contents.isKept)
            let file = [UInt8](try Data(contentsOf: site.root.appendingPathComponent(article.path)))
            #expect(article.byteCount == file.count)
            #expect(article.bytes == file)
            #expect(article.document.lines == LineTable(file))
        }
    }

    /// Should a stamp ever vouch for bytes the file no longer has (a clock set back), the first stage
    /// that reads them stops the run with status 2 and removes the cache file, so that the next run
    /// reads every file again.
    @Test func bytesTheirStampLiedAboutStopTheRunAndRemoveTheCache() async throws {
        let site = try TemporarySite(["a.md": "# A\n\nText.\n"])
        let cacheFile = site.root.appendingPathComponent("articles.bin")
        try Data("a cache".utf8).write(to: cacheFile)
        let root = site.root.path
        let cachePath = cacheFile.path
        let right = ContentHash(Array("# A\n\nText.\n".utf8))
        // The right hash: read and given back, nothing removed.
        let bytes = ArticleBytes(unreadAt: root, path: "a.md", count: 11, hash: right, cacheFile: cachePath)
        #expect(bytes.bytes == Array("# A\n\nText.\n".utf8))
        #expect(FileManager.default.fileExists(atPath: cachePath))
        await #expect(processExitsWith: .exitCode(2)) { [root = root as String, cachePath = cachePath as String] in
            let lied = ArticleBytes(
                unreadAt: root, path: "a.md", count: 11, hash: ContentHash(high: 1, low: 2), cacheFile: cachePath)
            _ = lied.bytes
        }
        #expect(!FileManager.default.fileExists(atPath: cachePath))
    }

    @Test func aStampSettlesOnlyWhenBothTimesLieBeforeTheMargin() {
        let start = FileStamp.Instant(seconds: 1_000, nanoseconds: 500)
        func stamp(modified: Int64, changed: Int64) -> FileStamp {
            FileStamp(
                device: 1, inode: 2, size: 3, modified: FileStamp.Instant(seconds: modified, nanoseconds: 0),
                changed: FileStamp.Instant(seconds: changed, nanoseconds: 0))
        }
        #expect(stamp(modified: 996, changed: 996).isSettled(readStart: start, seconds: 3))
        #expect(!stamp(modified: 998, changed: 996).isSettled(readStart: start, seconds: 3))
        #expect(!stamp(modified: 996, changed: 998).isSettled(readStart: start, seconds: 3))
        // The margin ends at 997.000000500: a change at 997.000000000 is before it, one at that very
        // instant is not.
        #expect(stamp(modified: 997, changed: 997).isSettled(readStart: start, seconds: 3))
        var atTheLimit = stamp(modified: 996, changed: 996)
        atTheLimit.changed = FileStamp.Instant(seconds: 997, nanoseconds: 500)
        #expect(!atTheLimit.isSettled(readStart: start, seconds: 3))
        #expect(stamp(modified: 2_000, changed: 2_000).isSettled(readStart: start, seconds: Self.always))
        #expect(!stamp(modified: 0, changed: 0).isSettled(readStart: start, seconds: ArticleCacheTests.stampsNeverSettle))
        #expect(!stamp(modified: 0, changed: 0).isSettled(readStart: start, seconds: Int64.max))
        #expect(stamp(modified: 0, changed: 0).isSettled(readStart: FileStamp.Instant(seconds: -10, nanoseconds: 0), seconds: Int64.min))
    }

    @Test func aStampIsWhatStatSaysAndSurvivesTheCacheEncoding() throws {
        let site = try TemporarySite(["a.md": "# A\n\nText.\n"])
        let path = site.root.appendingPathComponent("a.md").path
        let stamp = try #require(FileStamp.of(path: path))
        #expect(stamp.size == 11)
        let read = try FileReader.readStamped(path, limit: 100).get()
        #expect(read.stamp == stamp)
        #expect(read.bytes == Array("# A\n\nText.\n".utf8))
        #expect(FileStamp.of(path: site.root.path) == nil, "a folder has no stamp")
        #expect(FileStamp.of(path: path + ".missing") == nil)
        var writer = BinaryWriter()
        stamp.encode(into: &writer)
        let decoded = try writer.bytes.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer)
            return try FileStamp.decode(&reader)
        }
        #expect(decoded == stamp)
        // Rewritten in place with the same bytes: the status-change time moves on.
        usleep(50_000)
        try Data("# A\n\nText.\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(FileStamp.of(path: path) != stamp)
    }
}
