import Foundation
import InterlinkMarkdown

/// Options for reading a site.
public struct LoadOptions: Sendable {
    /// Files larger than this are refused with an error (bytes).
    public var maximumFileSize: Int
    /// A site with more articles than this is refused before any file is read.
    public var maximumArticles: Int
    /// Generator to assume instead of detecting one.
    public var generator: Generator?
    /// Content folders instead of the generator's.
    public var contentDirectories: [String]?
    /// When not empty, only paths matching one of these are articles.
    public var include: [Glob]
    /// Paths matching one of these are not articles.
    public var exclude: [Glob]
    /// Whether documents keep what only rewriting needs (forbidden zones, the emphasis outline). A run
    /// that only suggests drops them once parsing is done, which saves memory on a large site.
    public var keepsRewriteDetails = true
    /// When set, files' bytes are kept in memory only until the files read so far pass this many
    /// bytes: each file read after that moves its bytes to a scratch file in the site's folder as soon
    /// as it is parsed (`SpilledBytes`; where none can be made, the file is read again, and checked to
    /// be the same, when a stage needs its bytes), and once loading ends, on a site over the limit, the
    /// files read before go the same way (`Site.releaseBytes()`). For runs that do not rewrite files.
    public var keepsBytesUpTo: Int? = nil
    /// How long before this run began reading a file's last change must lie for the next run to
    /// trust its stamp (`FileStamp.settlingSeconds`; tests choose their own).
    var stampSettlingSeconds = FileStamp.settlingSeconds

    /// The default `maximumFileSize`: 20 MB.
    public static let defaultMaximumFileSize = 20 * 1024 * 1024
    /// The default `maximumArticles`.
    public static let defaultMaximumArticles = 200_000

    public init(
        maximumFileSize: Int = defaultMaximumFileSize, generator: Generator? = nil, contentDirectories: [String]? = nil,
        include: [Glob] = [], exclude: [Glob] = [], maximumArticles: Int = defaultMaximumArticles
    ) {
        self.maximumFileSize = maximumFileSize
        self.maximumArticles = maximumArticles
        self.generator = generator
        self.contentDirectories = contentDirectories
        self.include = include
        self.exclude = exclude
    }

    /// Options from a configuration file, with explicit command-line choices winning.
    public init(configuration: Configuration, generator: Generator? = nil) {
        self.init(
            maximumFileSize: configuration.maximumFileSize ?? Self.defaultMaximumFileSize,
            generator: generator ?? configuration.generator, contentDirectories: configuration.contentDirectories,
            include: configuration.include, exclude: configuration.exclude,
            maximumArticles: configuration.maximumArticles ?? Self.defaultMaximumArticles)
    }
}

/// Walks a site folder, reads and parses every Markdown article in parallel, and builds the `Site`.
/// A file that cannot be read or parsed becomes a `Diagnostic`; the other files are still loaded.
public enum SiteLoader {
    /// The loaded site and the problems found on the way.
    public struct Result: Sendable {
        /// The site, without the files that failed.
        public let site: Site
        /// One error per file that failed, sorted by path.
        public let diagnostics: [Diagnostic]
        /// With a cache: each article's content hash and, for the files parsed in this run (cache
        /// misses), their parse in the cache's encoding, parallel to `site.articles` (nil where a file
        /// has none). Empty without a cache.
        let cacheRecords: [CacheRecord?]
        /// The fresh parses, on a large site, once moved out of `cacheRecords` (`freshParse(_:)`).
        let keptParses: KeptParts?
        /// With a cache: how many files were taken from it instead of being parsed.
        public let cacheHits: Int
        /// With a cache: how many of those were not even read, their stamp vouching for them.
        public let unreadFiles: Int
        /// The cache the files were looked up in (the one given, or the one opened while walking).
        public let cache: ArticleCache?

        init(
            site: Site, diagnostics: [Diagnostic], cacheRecords: [CacheRecord?] = [], keptParses: KeptParts? = nil,
            cacheHits: Int = 0, unreadFiles: Int = 0, cache: ArticleCache? = nil
        ) {
            self.site = site
            self.diagnostics = diagnostics
            self.cacheRecords = cacheRecords
            self.keptParses = keptParses
            self.cacheHits = cacheHits
            self.unreadFiles = unreadFiles
            self.cache = cache
        }

        /// The parse made in this run of the article at `index`, in the cache's encoding (nil for a
        /// cache hit).
        func freshParse(_ index: Int) -> ArticleCache.RecordBytes? {
            guard index < cacheRecords.count, let record = cacheRecords[index], record.isFresh else { return nil }
            return record.freshParse.map { .made($0[...]) } ?? keptParses?.part(index)
        }
    }

    /// A loaded file's key in the cache, its fresh parse when it missed, and its stamp and content
    /// hash when the next run may trust the stamp (the cache vouched for it, or it was read long
    /// enough after its last change).
    struct CacheRecord: Sendable {
        var hash: ContentHash
        /// The parse made in this run, in the cache's encoding (nil for a cache hit, and once the
        /// loader has moved it to `Result.keptParses`).
        var freshParse: [UInt8]?
        /// Whether the file was parsed in this run (a cache miss).
        var isFresh: Bool
        var stampedFile: ArticleCache.StampedFile? = nil
        /// Whether the file was left unread, its stamp vouching for it.
        var unread = false
    }

    /// Loads the site under `root`, looking its files up in `cache`.
    public static func load(
        root: URL, options: LoadOptions = LoadOptions(), progress: (@Sendable (Int, Int) -> Void)? = nil,
        cache: ArticleCache? = nil
    ) async -> Result {
        var opening: (@Sendable () -> ArticleCache)? = nil
        if let cache { opening = { cache } }
        return await load(root: root, options: options, progress: progress, openingCache: opening)
    }

    /// Loads the site under `root`, looking its files up in the cache `openingCache` opens: it is opened
    /// (the cache file read and checked) on another thread while the site's folders are walked.
    public static func load(
        root: URL, options: LoadOptions = LoadOptions(), progress: (@Sendable (Int, Int) -> Void)? = nil,
        openingCache: (@Sendable () -> ArticleCache)?
    ) async -> Result {
        let opening = openingCache.map { open in Task.detached { open() } }
        var layout = SiteLayout.detect(root: root)
        if let generator = options.generator { layout.generator = generator }
        if let directories = options.contentDirectories {
            layout.contentDirectories = directories.map { $0.split(separator: "/").joined(separator: "/") }
        }
        let paths = StageTimer.shared.measure("walk") { markdownPaths(root: root, layout: layout) }.filter { path in
            layout.publishes(path) && (options.include.isEmpty || options.include.contains { $0.matches(path) })
                && !options.exclude.contains { $0.matches(path) }
        }
        // Bounded memory: a site over the article limit is refused before anything is read.
        if paths.count > options.maximumArticles {
            let diagnostic = Diagnostic(
                path: ".",
                message: "the site has \(paths.count) articles, over the limit of \(options.maximumArticles) "
                    + "(max_articles in \(Configuration.fileName)); nothing was read")
            return Result(
                site: Site(root: root, layout: layout, articles: []), diagnostics: [diagnostic],
                cache: await opening?.value)
        }
        let cache = await opening?.value
        let spill = options.keepsBytesUpTo.map { _ in SpilledBytes(folder: root.path) }
        let loaded = StageTimer.shared.measure("read+parse") {
            parseAll(
                paths: paths, root: root, layout: layout, options: options, progress: progress, cache: cache,
                spill: spill)
        }
        var articles: [Article] = []
        var diagnostics: [Diagnostic] = []
        var records: [CacheRecord?] = []
        var hits = 0
        var unread = 0
        articles.reserveCapacity(loaded.count)
        if cache != nil { records.reserveCapacity(loaded.count) }
        for outcome in loaded {
            switch outcome {
            case .success(let loaded):
                articles.append(loaded.article)
                if cache != nil { records.append(loaded.record) }
                if let record = loaded.record, !record.isFresh { hits += 1 }
                if loaded.record?.unread == true { unread += 1 }
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        let site = StageTimer.shared.measure("site") { Site(root: root, layout: layout, articles: articles) }
        if !records.isEmpty, !site.articles.indices.allSatisfy({ site.articles[$0].path == articles[$0].path }) {
            // The site keeps the loader's order (the paths were sorted); were it to sort them again,
            // the records would follow their articles.
            let byPath = Dictionary(uniqueKeysWithValues: articles.indices.map { (articles[$0].path, records[$0]) })
            records = site.articles.map { byPath[$0.path] ?? nil }
        }
        if let spill, let keptBytes = options.keepsBytesUpTo, site.byteCount > keptBytes {
            // The files read before the limit was passed: their bytes go too.
            StageTimer.shared.measure("release") { site.releaseBytes(into: spill) }
        }
        // On a large site the fresh parses wait for the cache file in a scratch file, not in memory.
        var keptParses: KeptParts? = nil
        if let cache, cache.keepsPartsOnDisk(siteBytes: site.byteCount),
            records.contains(where: { $0?.freshParse != nil })
        {
            let fresh = records
            keptParses = KeptParts(count: fresh.count, onDiskUnder: root) { fresh[$0]?.freshParse }
            if keptParses != nil {
                for index in records.indices { records[index]?.freshParse = nil }
            }
        }
        return Result(
            site: site, diagnostics: diagnostics, cacheRecords: records, keptParses: keptParses, cacheHits: hits,
            unreadFiles: unread, cache: cache)
    }

    /// Relative paths of every Markdown file that is an article of the site, sorted.
    public static func markdownPaths(root: URL, layout: SiteLayout) -> [String] {
        let rootPath = root.standardizedFileURL.path
        let found = layout.contentDirectories.map { directory in
            DirectoryWalker.markdownFiles(
                root: rootPath, start: directory.split(separator: "/").joined(separator: "/"),
                ignored: layout.ignoredDirectories)
        }
        // One folder's walk finds each file once; folders that nest (or repeat) may find one twice.
        // (At 100,000 articles the set that drops repeats took as long as the walk and the sort.)
        guard found.count > 1 else { return (found.first ?? []).sorted() }
        return Set(found.joined()).sorted()
    }

    /// An article and, with a cache, its cache record.
    struct Loaded: Sendable {
        var article: Article
        var record: CacheRecord?
    }

    /// Every file read and parsed (or taken from `cache`) on all cores, in the order of `paths`. The
    /// files are handed out in chunks to as many workers as there are cores: a task per file, added
    /// as the one before finished, cost a switch to the adding task per file.
    private static func parseAll(
        paths: [String], root: URL, layout: SiteLayout, options: LoadOptions,
        progress: (@Sendable (Int, Int) -> Void)?, cache: ArticleCache?, spill: SpilledBytes?
    ) -> [Swift.Result<Loaded, Diagnostic>] {
        let rootPath = root.path
        let done = DoneCounter()
        let bytesRead = DoneCounter()
        let readStart = FileStamp.Instant.now()
        return paths.parallelMap { path in
            let result = loadArticle(
                path: path, rootPath: rootPath, layout: layout, options: options, cache: cache, readStart: readStart)
            if let progress { progress(done.increment(), paths.count) }
            // Past the bytes a run keeps, a file's bytes leave memory as soon as it is parsed.
            if let spill, let keptBytes = options.keepsBytesUpTo, case .success(let loaded) = result,
                loaded.article.contents.isKept, bytesRead.increment(by: loaded.article.contents.count) > keptBytes
            {
                loaded.article.contents.spill(to: spill, root: rootPath, path: path)
            }
            return result
        }
    }

    /// Files (or bytes) done so far, counted from any thread.
    private final class DoneCounter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0

        func increment(by amount: Int = 1) -> Int {
            lock.lock()
            defer { lock.unlock() }
            count += amount
            return count
        }
    }

    /// Reads and parses one file.
    public static func loadArticle(path: String, root: URL, layout: SiteLayout, options: LoadOptions = LoadOptions())
        -> Swift.Result<Article, Diagnostic>
    {
        loadArticle(path: path, rootPath: root.path, layout: layout, options: options, cache: nil).map(\.article)
    }

    /// Reads one file (`path` in the folder `rootPath`) and parses it, or takes its parse from `cache`
    /// when the cache holds these bytes. A file whose stamp (`FileStamp`) is the one the cache holds
    /// for its path is not even read: its bytes are read when a stage needs them. `readStart`: when
    /// this run began reading, for telling which stamps the next run may trust.
    static func loadArticle(
        path: String, rootPath: String, layout: SiteLayout, options: LoadOptions, cache: ArticleCache?,
        readStart: FileStamp.Instant = .now()
    ) -> Swift.Result<Loaded, Diagnostic> {
        let limit = min(options.maximumFileSize, MarkdownParser.maximumFileSize)
        let dialect = MarkdownDialect.of(path: path, layout: layout)
        let fullPath = rootPath + "/" + path
        if let cache, let known = cache.stampedFile(at: path), known.stamp.size <= limit,
            let stamp = FileStamp.of(path: fullPath), stamp == known.stamp
        {
            let hash = ArticleCache.parseKey(known.contentHash, dialect: dialect, shortcodes: layout.shortcodes)
            if let cached = cache.parse(of: hash, byteCount: stamp.size, keepsRewriteDetails: options.keepsRewriteDetails) {
                let contents = ArticleBytes(
                    unreadAt: rootPath, path: path, count: stamp.size, hash: known.contentHash,
                    cacheFile: cache.filePath)
                return .success(
                    Loaded(
                        article: makeArticle(
                            path: path, contents: contents, content: cached, layout: layout,
                            keepsRewriteDetails: options.keepsRewriteDetails),
                        record: CacheRecord(hash: hash, freshParse: nil, isFresh: false, stampedFile: known, unread: true)))
            }
        }
        let bytes: [UInt8]
        let stamp: FileStamp
        switch FileReader.readStamped(fullPath, limit: limit) {
        case .success(let read):
            (bytes, stamp) = read
        case .failure(.tooLarge(let size)):
            return .failure(
                Diagnostic(path: path, message: "file is \(size) bytes, over the limit of \(limit) bytes"))
        case .failure(.system(let message)):
            return .failure(Diagnostic(path: path, message: "cannot read file: \(message)"))
        }
        let content: ParsedContent
        var record: CacheRecord?
        do {
            if let cache {
                let contentHash = ContentHash(bytes)
                let hash = ArticleCache.parseKey(contentHash, dialect: dialect, shortcodes: layout.shortcodes)
                // A stamp taken too soon after the file's last change cannot vouch for it next time.
                let stamped = stamp.isSettled(readStart: readStart, seconds: options.stampSettlingSeconds)
                    && stamp.size == bytes.count
                    ? ArticleCache.StampedFile(stamp: stamp, contentHash: contentHash) : nil
                if let cached = cache.parse(of: hash, byteCount: bytes.count, keepsRewriteDetails: options.keepsRewriteDetails) {
                    content = cached
                    record = CacheRecord(hash: hash, freshParse: nil, isFresh: false, stampedFile: stamped)
                } else {
                    content = try parseContent(path: path, bytes: bytes, dialect: dialect, shortcodes: layout.shortcodes)
                    var writer = BinaryWriter()
                    // Front matter nested too deep for the cache is simply not cached (an empty record misses).
                    let fresh: [UInt8] = (try? content.encode(into: &writer)) != nil ? writer.bytes : []
                    record = CacheRecord(hash: hash, freshParse: fresh, isFresh: true, stampedFile: stamped)
                }
            } else {
                content = try parseContent(path: path, bytes: bytes, dialect: dialect, shortcodes: layout.shortcodes)
            }
        } catch {
            return .failure(error)
        }
        return .success(
            Loaded(
                article: makeArticle(
                    path: path, bytes: bytes, content: content, layout: layout,
                    keepsRewriteDetails: options.keepsRewriteDetails),
                record: record))
    }

    /// Parses bytes already read into an `Article`.
    public static func parseArticle(path: String, bytes: [UInt8], layout: SiteLayout) throws(Diagnostic) -> Article {
        makeArticle(
            path: path, bytes: bytes,
            content: try parseContent(
                path: path, bytes: bytes, dialect: MarkdownDialect.of(path: path, layout: layout), shortcodes: layout.shortcodes),
            layout: layout)
    }

    /// Checks and parses a file's bytes: what does not depend on where the file lives, but for the
    /// dialect its name and site give it.
    static func parseContent(
        path: String, bytes: [UInt8], dialect: MarkdownDialect, shortcodes: ShortcodeRendering = .unknown
    ) throws(Diagnostic) -> ParsedContent {
        let lines = LineTable(bytes)
        if let nul = ByteSearch.firstIndex(of: 0, in: bytes, from: 0, end: bytes.count) {
            let location = lines.location(of: nul)
            throw Diagnostic(
                path: path, line: location.line, column: location.column,
                message: "file contains a NUL byte; binary files are not Markdown")
        }
        if let bad = UTF8Validation.firstInvalidOffset(bytes) {
            let location = lines.location(of: bad)
            throw Diagnostic(
                path: path, line: location.line, column: location.column,
                message: "invalid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)))")
        }
        let block: FrontMatterBlock?
        do {
            block = try FrontMatterBlock.locate(in: bytes)
        } catch {
            throw Diagnostic(path: path, line: error.line, message: error.message)
        }
        let frontMatter = try block.map { block throws(Diagnostic) in
            try FrontMatterParser.parse(block, in: bytes, path: path)
        } ?? FrontMatter()
        let document = MarkdownParser.parse(bytes, frontMatter: block, dialect: dialect, shortcodes: shortcodes)
        return ParsedContent(
            frontMatter: frontMatter, document: document,
            suppressedRanges: SuppressionComments.ranges(in: bytes, document: document))
    }

    /// The article a file's parse makes at `path`: title, URL, aliases, draft and kind.
    static func makeArticle(
        path: String, bytes: [UInt8], content: ParsedContent, layout: SiteLayout, keepsRewriteDetails: Bool = true
    ) -> Article {
        makeArticle(
            path: path, contents: ArticleBytes(bytes), content: content, layout: layout,
            keepsRewriteDetails: keepsRewriteDetails)
    }

    /// The article of a parse, its bytes where `contents` says.
    static func makeArticle(
        path: String, contents: ArticleBytes, content: ParsedContent, layout: SiteLayout, keepsRewriteDetails: Bool = true
    ) -> Article {
        let frontMatter = content.frontMatter
        var document = content.document
        if !keepsRewriteDetails {
            document = MarkdownDocument(
                lines: document.lines, frontMatter: document.frontMatter, spans: document.spans,
                codeSpans: document.codeSpans, headings: document.headings, links: document.links, forbiddenZones: [],
                wordCount: document.wordCount, unmappedTextCount: document.unmappedTextCount)
        }
        let relative = ArticleURL.contentRelativePath(path, layout: layout)
        let stem = ArticleURL.stem(path: path, relative: relative, layout: layout)
        let title = frontMatter.title ?? document.firstH1
            ?? (["index", "_index", "readme"].contains(stem.lowercased())
                ? ArticlePath.stem(of: ArticlePath.directory(of: relative).isEmpty ? "home" : ArticlePath.directory(of: relative))
                : stem).replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        let aliases = frontMatter.aliases
        let isSection = stem == "_index" || (layout.generator == .hugo && stem == "index" && ArticlePath.directory(of: relative).isEmpty)
        let isDraft = frontMatter.isDraft || relative.hasPrefix("_drafts/")
        return Article(
            path: path, contents: contents, frontMatter: frontMatter, document: document, title: title,
            url: ArticleURL.url(path: path, frontMatter: frontMatter, layout: layout),
            aliasURLs: aliases.filter { $0.hasPrefix("/") || $0.hasPrefix("http") } + frontMatter.redirectsFrom,
            aliasNames: aliases.filter { !$0.hasPrefix("/") && !$0.hasPrefix("http") }, isDraft: isDraft,
            kind: isSection ? .section : .page,
            suppressedRanges: content.suppressedRanges)
    }

}
