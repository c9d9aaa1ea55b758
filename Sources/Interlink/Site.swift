import Foundation

/// Every article of a site, with the look-up tables that turn links, names and URLs into articles.
public struct Site: Sendable {
    /// The folder the site was read from.
    public let root: URL
    /// Generator, content folders and URL settings.
    public let layout: SiteLayout
    /// Articles sorted by path.
    public let articles: [Article]
    /// The language of each article, on a site with translations (`SiteLanguages`).
    public let languages: SiteLanguages

    let indexByPath: [String: Int]
    let indexByLowercasedPath: [String: Int]
    let indexByURL: [String: Int]
    let indicesByStem: [String: [Int]]
    let indicesByName: [String: [Int]]
    /// First URL path segments that hold articles (`posts`, `blog`, `guide`…): an unresolved link under
    /// one of them is broken, one elsewhere may point to a page the site builds from other sources.
    let contentSections: Set<String>
    /// The articles whose own URL another article (not a draft) gives itself too, in article order: a
    /// Jekyll `permalink` written twice, Hugo's `a.md` beside `a/_index.md`. The generator publishes one
    /// page at that URL (`index(ofURL:)` reads the later article's), so a link to the other leads to it,
    /// whatever the link's syntax. Empty for Obsidian vaults and plain folders, whose notes are linked
    /// by path and not published at URLs of their own.
    public let articlesShadowedByURL: [Int]

    /// The sites whose Markdown is over this many bytes move their articles' bytes out of memory for
    /// `suggest` (`LoadOptions.keepsBytesUpTo`, `releaseBytes()`): 128 MiB. `INTERLINK_KEEP_BYTES_UP_TO`
    /// sets another limit (0 always moves them).
    public static let defaultKeptBytes = 128 << 20

    /// The bytes of all the site's files.
    public var byteCount: Int { articles.reduce(0) { $0 + $1.byteCount } }

    /// Moves every article's bytes out of memory, in every copy of the site, into a scratch file in
    /// the site's folder (`SpilledBytes`): from now on each use copies them back from it. Where no
    /// scratch file can be made, lets go of them instead: each use reads the file again and checks
    /// that it reads the same (a file that changed stops the run with status 2). At 100,000 articles
    /// the bytes are 386 MB, the largest thing a run holds, and every stage reads one article's bytes
    /// at a time (`Article.loaded()`). Call it while no other thread reads the site.
    public func releaseBytes() {
        releaseBytes(into: SpilledBytes(folder: root.path))
    }

    /// `releaseBytes()`, into `spill` (the loader's, which holds the files it moved while parsing).
    func releaseBytes(into spill: SpilledBytes) {
        let rootPath = root.path
        for article in articles { article.contents.spill(to: spill, root: rootPath, path: article.path) }
    }

    public init(root: URL, layout: SiteLayout, articles: [Article]) {
        self.root = root
        self.layout = layout
        // The loader hands them over sorted already: no second copy of a large site's articles then.
        let sorted = articles.indices.dropFirst().allSatisfy { articles[$0 - 1].path < articles[$0].path }
        self.articles = sorted ? articles : articles.sorted { $0.path < $1.path }
        self.languages = SiteLanguages(articles: self.articles, layout: layout)
        // The keys (lower-cased, URLs normalised: string work) are made on all cores; the tables are
        // filled in article order, as before.
        let basePath = layout.basePath
        let keys = self.articles.parallelMap { article in
            ArticleKeys(
                lowercasedPath: Site.lowercased(article.path),
                urls: ([article.url] + article.aliasURLs).map { ($0 == article.url, Site.urlKey($0)) },
                stem: Site.lowercased(article.stem),
                names: ([article.title] + article.aliasNames).map { Site.lowercased($0) },
                section: Site.section(of: article.url.dropFirst(basePath.count)))
        }
        // Each table is filled in article order by one worker, the tables side by side.
        let articles = self.articles
        let publishes = layout.generator != .obsidian && layout.generator != .plain
        let tables = Tables()
        DispatchQueue.concurrentPerform(iterations: 4) { table in
            switch table {
            case 0:
                var byPath: [String: Int] = [:]
                byPath.reserveCapacity(articles.count)
                // By index, reading the path in place: iterating the articles copied each one.
                for index in articles.indices { byPath[articles[index].path] = index }
                tables.byPath = byPath
            case 1:
                var byLowercasedPath: [String: Int] = [:]
                byLowercasedPath.reserveCapacity(articles.count)
                for index in keys.indices { byLowercasedPath[keys[index].lowercasedPath] = index }
                var sections: Set<String> = []
                for key in keys { if let section = key.section { sections.insert(section) } }
                tables.byLowercasedPath = byLowercasedPath
                tables.sections = sections
            case 2:
                var byURL: [String: Int] = [:]
                byURL.reserveCapacity(articles.count)
                for index in keys.indices {
                    for (isOwn, url) in keys[index].urls {
                        // The article's own URL wins over another article's alias.
                        if byURL[url] == nil || isOwn { byURL[url] = index }
                    }
                }
                tables.byURL = byURL
                if publishes {
                    tables.shadowed = keys.indices.filter { index in
                        keys[index].urls.contains { isOwn, url in
                            guard isOwn, let owner = byURL[url] else { return false }
                            return owner != index && !articles[owner].isDraft
                        }
                    }
                }
            default:
                // Room for one entry per article up front: at 100,000 articles growing them (each resize
                // hashing every key again into fresh pages) was a third of this stage.
                var byStem: [String: [Int]] = [:]
                byStem.reserveCapacity(articles.count)
                var byName: [String: [Int]] = [:]
                byName.reserveCapacity(articles.count)
                for index in keys.indices {
                    byStem[keys[index].stem, default: []].append(index)
                    for name in keys[index].names { byName[name, default: []].append(index) }
                }
                tables.byStem = byStem
                tables.byName = byName
            }
        }
        indexByPath = tables.byPath
        indexByLowercasedPath = tables.byLowercasedPath
        indexByURL = tables.byURL
        indicesByStem = tables.byStem
        indicesByName = tables.byName
        contentSections = tables.sections
        articlesShadowedByURL = tables.shadowed
    }

    /// The look-up tables while they are filled, each by one worker.
    private final class Tables: @unchecked Sendable {
        var byPath: [String: Int] = [:]
        var byLowercasedPath: [String: Int] = [:]
        var byURL: [String: Int] = [:]
        var byStem: [String: [Int]] = [:]
        var byName: [String: [Int]] = [:]
        var sections: Set<String> = []
        var shadowed: [Int] = []
    }

    /// The first segment of a URL path without the base path, lower-cased, when the path has a `/` and
    /// more than one character: the section a page of the site lies in.
    static func section(of trimmed: Substring) -> String? {
        if trimmed.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: a character is a byte (a `\r\n` pair, one character, is neither `/` nor alone).
            let utf8 = trimmed.utf8
            guard utf8.count > 1, utf8.contains(UInt8(ascii: "/")) else { return nil }
            let segment = utf8.split(separator: UInt8(ascii: "/"), maxSplits: 1).first
            return segment.map { Site.lowercased(String(Substring($0))) }
        }
        return trimmed.split(separator: "/").first.flatMap {
            trimmed.contains("/") && trimmed.count > 1 ? $0.lowercased() : nil
        }
    }

    /// What the look-up tables file one article under.
    private struct ArticleKeys: Sendable {
        var lowercasedPath: String
        /// Each URL's key, and whether that URL is the article's own (not an alias).
        var urls: [(Bool, String)]
        var stem: String
        var names: [String]
        var section: String?
    }

    /// The article at a relative path.
    public func article(atPath path: String) -> Article? { indexByPath[path].map { articles[$0] } }

    /// Index of the article at a relative path.
    public func index(ofPath path: String) -> Int? { indexByPath[path] }

    /// Index of the article published at a URL path (trailing slash, `.html` and case ignored).
    public func index(ofURL url: String) -> Int? {
        let key = Site.urlKey(url)
        if let index = indexByURL[key] { return index }
        if !layout.basePath.isEmpty { return indexByURL[Site.urlKey(layout.basePath + url)] }
        return nil
    }

    /// `text.lowercased()`, but `text` itself (sharing its storage) when it has no capital to lower:
    /// most paths are lower case already.
    static func lowercased(_ text: String) -> String {
        let hasUpper = text.utf8.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") || $0 >= 0x80 }
        return hasUpper ? text.lowercased() : text
    }

    /// The normal form of a URL path used as a look-up key.
    static func urlKey(_ url: String) -> String {
        // Without a `%` there is nothing to decode (Foundation's decoding is the costly part).
        var path = url.utf8.contains(UInt8(ascii: "%")) ? url.removingPercentEncoding ?? url : url
        if let cut = path.firstIndex(ofASCII: UInt8(ascii: "#"), UInt8(ascii: "?")) { path = String(path[..<cut]) }
        path = Site.lowercased(path)
        for suffix in ["/index.html", "/index.htm", "/index", ".html", ".htm", ".mdx", ".md"] where path.hasSuffix(suffix) {
            path = String(path.dropLast(suffix.count))
            break
        }
        while path.hasSuffix("/") { path.removeLast() }
        return path.hasPrefix("/") ? path : "/" + path
    }
}
