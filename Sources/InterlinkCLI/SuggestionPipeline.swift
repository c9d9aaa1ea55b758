import ArgumentParser
import Foundation
import Interlink

/// Loading a site and running the suggester, shared by `suggest`, `apply`, `diff` and `reject`.
struct SuggestionPipeline {
    let configuration: Configuration
    let loaded: SiteLoader.Result
    let graph: LinkGraph
    let suggester: Suggester
    let result: SuggestResult

    /// Loads the configuration, `.interlink-ignore` and the site, and runs the suggester.
    static func run(
        site: SiteOptions, paths: [String], inbound: String?, minScore: Double?, maxLinks: Int?,
        includeRejected: Bool = false, useCache: Bool = false, rewrites: Bool = true
    ) async throws -> SuggestionPipeline {
        let configuration = try site.configuration()
        let ignore: IgnoreFile
        do {
            ignore = try IgnoreFile.load(root: site.rootURL)
        } catch {
            StandardError.write(error.description + "\n")
            throw exitFailure
        }
        let progress = Progress.onTerminal()
        // The on-disk cache (`.interlink-cache/`): its settings fingerprint covers what shapes topics.
        // It is read while the site's folders are walked.
        let root = site.rootURL
        let context = ArticleCache.context(for: SuggestOptions(configuration: configuration))
        var opening: (@Sendable () -> ArticleCache)? = nil
        if useCache {
            opening = { @Sendable in
                StageTimer.shared.measure("cache-read") {
                    ArticleCache(root: root, toolVersion: InterlinkVersion.cacheIdentity, context: context)
                }
            }
        }
        // Only suggesting: no stage needs more than one article's bytes at a time, so on a large site
        // they leave memory once parsed, and each stage copies them back from a scratch file.
        let loaded = await site.load(
            configuration, progress: progress, openingCache: opening, keepsRewriteDetails: rewrites,
            keepsBytesUpTo: rewrites ? nil : keptBytes)
        let cache = loaded.cache
        progress?.finish("indexing \(loaded.site.articles.count) articles")
        // What the cache holds for this site is lent to the link graph and the suggester, each stage
        // decoding its part when it needs it (the link graph the resolutions, here).
        let reuse = cache.map { cache in StageTimer.shared.measure("cache-reuse") { cache.reuse(for: loaded) } }
        let graph = StageTimer.shared.measure("links") {
            LinkGraph(site: loaded.site, known: reuse.flatMap { $0.resolutions.isEmpty ? nil : $0.resolutions.all() })
        }
        let sources = try SourceSelection.paths(paths, site: loaded.site, root: site.rootURL)
        var options = SuggestOptions(
            configuration: configuration, minimumScore: minScore, maximumLinksPerArticle: maxLinks, sourcePaths: sources)
        if !includeRejected { options.rejectedIDs = ignore.ids }
        if let inbound {
            guard let path = try SourceSelection.paths([inbound], site: loaded.site, root: site.rootURL)?.first,
                loaded.site.index(ofPath: path) != nil
            else { throw ValidationError("--inbound '\(inbound)' is not an article of the site.") }
            options.inboundTarget = path
        }
        let suggester = Suggester(site: loaded.site, graph: graph, options: options, reuse: reuse)
        // The next cache file needs only what matching finds: it is written on another thread while
        // ranking, calibration and the policy go on (its stage's times overlap theirs), except on a
        // large site, where it is written once they are done, so that the memory each takes is not
        // added up.
        var writing: Task<Void, Never>? = nil
        let writesAfterwards = loaded.site.byteCount > keptBytes
        if let cache, !loaded.site.articles.isEmpty {
            suggester.findMentions()
            if !writesAfterwards {
                writing = Task.detached {
                    StageTimer.shared.measure("cache-write") { _ = cache.update(loaded: loaded, suggester: suggester) }
                }
            }
        }
        let result = suggester.suggest()
        await writing?.value
        if writesAfterwards, let cache, !loaded.site.articles.isEmpty {
            StageTimer.shared.measure("cache-write") { _ = cache.update(loaded: loaded, suggester: suggester) }
        }
        progress?.clear()
        return SuggestionPipeline(
            configuration: configuration, loaded: loaded, graph: graph, suggester: suggester, result: result)
    }
}

/// The largest site (its Markdown, in bytes) whose files `suggest` keeps in memory for the whole run:
/// `Site.defaultKeptBytes`, or `INTERLINK_KEEP_BYTES_UP_TO` (0: always move them out of memory).
private var keptBytes: Int {
    ProcessInfo.processInfo.environment["INTERLINK_KEEP_BYTES_UP_TO"].flatMap { Int($0) } ?? Site.defaultKeptBytes
}

/// A one-line progress report on standard error, shown only when it is a terminal.
final class Progress: @unchecked Sendable {
    private let lock = NSLock()
    private var lastUpdate = Date.distantPast

    static func onTerminal() -> Progress? {
        isatty(STDERR_FILENO) == 1 ? Progress() : nil
    }

    /// Called from parsing tasks: files parsed so far of the total.
    func update(_ done: Int, _ total: Int) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard done == total || now.timeIntervalSince(lastUpdate) > 0.1 else { return }
        lastUpdate = now
        StandardError.write("\r\u{1B}[Kparsed \(done)/\(total) files")
    }

    func finish(_ message: String) {
        StandardError.write("\r\u{1B}[K\(message)…")
    }

    func clear() {
        StandardError.write("\r\u{1B}[K")
    }
}
