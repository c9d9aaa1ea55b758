import Foundation
import InterlinkMarkdown

/// One Markdown file of the site, read and parsed.
public struct Article: Sendable {
    /// What role the page plays on the site.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// An ordinary article.
        case page
        /// A section or list page (`_index.md`, a folder's `index.md` in some generators).
        case section
    }

    /// Everything the article holds, behind one reference: an article is copied often (into closures,
    /// loops and results), and a copy then costs one retain instead of one per field.
    private let storage: Storage
    /// The bytes read again for a `loaded()` copy (nil otherwise): the copy shares its article's
    /// storage instead of copying every field into a new one (at 100,000 articles each stage's copies
    /// retained some thirty references per article, most of them cache misses).
    private let loadedContents: ArticleBytes?

    /// Path relative to the site root, `/`-separated.
    public var path: String { storage.path }
    /// The raw bytes of the file, exactly as read (read again from the file, and checked to be the
    /// same, once the site has released them: `Site.releaseBytes()`; see `loaded()`).
    public var bytes: [UInt8] { contents.bytes }
    /// How many bytes the file has (known without reading it again).
    public var byteCount: Int { contents.count }
    /// Where the bytes are: a reference, so that every copy of the article lets go of them at once.
    var contents: ArticleBytes { loadedContents ?? storage.contents }
    /// Parsed front matter (empty when the file has none).
    public var frontMatter: FrontMatter { storage.frontMatter }
    /// The parsed Markdown.
    public var document: MarkdownDocument { storage.document }
    /// Title: front matter, else the first H1, else the file name.
    public var title: String { storage.title }
    /// The URL the generator publishes the article at (root-relative, e.g. `/posts/a/`).
    public var url: String { storage.url }
    /// Other URLs that reach the article (Hugo `aliases`, redirects).
    public var aliasURLs: [String] { storage.aliasURLs }
    /// Alternative names (Obsidian `aliases`), not URLs.
    public var aliasNames: [String] { storage.aliasNames }
    /// Whether the article is a draft or otherwise unpublished.
    public var isDraft: Bool { storage.isDraft }
    /// Page or section.
    public var kind: Kind { storage.kind }
    /// Byte ranges where `<!-- interlink-disable -->` comments switch suggestions off.
    public var suppressedRanges: [Range<Int>] { storage.suppressedRanges }

    /// The article's fields; never changed once made.
    private final class Storage: Sendable {
        let path: String
        let contents: ArticleBytes
        let frontMatter: FrontMatter
        let document: MarkdownDocument
        let title: String
        let url: String
        let aliasURLs: [String]
        let aliasNames: [String]
        let isDraft: Bool
        let kind: Kind
        let suppressedRanges: [Range<Int>]

        init(
            path: String, contents: ArticleBytes, frontMatter: FrontMatter, document: MarkdownDocument, title: String,
            url: String, aliasURLs: [String], aliasNames: [String], isDraft: Bool, kind: Kind,
            suppressedRanges: [Range<Int>]
        ) {
            self.path = path
            self.contents = contents
            self.frontMatter = frontMatter
            self.document = document
            self.title = title
            self.url = url
            self.aliasURLs = aliasURLs
            self.aliasNames = aliasNames
            self.isDraft = isDraft
            self.kind = kind
            self.suppressedRanges = suppressedRanges
        }
    }

    public init(
        path: String, bytes: [UInt8], frontMatter: FrontMatter, document: MarkdownDocument, title: String, url: String,
        aliasURLs: [String], aliasNames: [String], isDraft: Bool, kind: Kind, suppressedRanges: [Range<Int>] = []
    ) {
        storage = Storage(
            path: path, contents: ArticleBytes(bytes), frontMatter: frontMatter, document: document, title: title,
            url: url, aliasURLs: aliasURLs, aliasNames: aliasNames, isDraft: isDraft, kind: kind,
            suppressedRanges: suppressedRanges)
        loadedContents = nil
    }

    /// An article whose bytes are where `contents` says (kept, or still in the file).
    init(
        path: String, contents: ArticleBytes, frontMatter: FrontMatter, document: MarkdownDocument, title: String,
        url: String, aliasURLs: [String], aliasNames: [String], isDraft: Bool, kind: Kind,
        suppressedRanges: [Range<Int>]
    ) {
        storage = Storage(
            path: path, contents: contents, frontMatter: frontMatter, document: document, title: title,
            url: url, aliasURLs: aliasURLs, aliasNames: aliasNames, isDraft: isDraft, kind: kind,
            suppressedRanges: suppressedRanges)
        loadedContents = nil
    }

    private init(_ article: Article, contents: ArticleBytes) {
        storage = article.storage
        loadedContents = contents
    }

    /// The article with its bytes in memory: itself, or, when its site released them, a copy holding
    /// them read once again. A stage that reads an article's bytes more than once takes this first.
    public func loaded() -> Article {
        contents.isKept ? self : Article(self, contents: ArticleBytes(contents.bytes))
    }

    /// The file name without folders and extension.
    public var stem: String { ArticlePath.stem(of: path) }

    /// Byte ranges of the visible text of existing links (`[text](…)`, `[[Note|text]]`), where that text
    /// is written plainly: one range per line it is written on (`linkTextPieces`).
    public var linkTextRanges: [Range<Int>] { linkTextPieces.map(\.range) }

    /// The visible text of existing links (`[text](…)`, reference and template links, `[[Note|text]]`
    /// and `[[Note]]`: `visibleTextStart(of:)`) where it is written plainly, as ranges of the file with
    /// the number of their link (its index in `document.links`):
    /// one range per line, as a link's text wrapped over a soft line break (`[Worker⏎threads](…)`, which
    /// cmark reads as "Worker threads") is written on two. Matching joins a link's pieces as it joins
    /// prose lines, so that a phrase counts as often once `apply` has linked it across a line end.
    public var linkTextPieces: [(range: Range<Int>, link: Int)] {
        let bytes = self.bytes
        var pieces: [(range: Range<Int>, link: Int)] = []
        for (number, link) in document.links.enumerated() {
            guard !link.text.isEmpty, let start = Self.visibleTextStart(of: link, in: bytes) else { continue }
            let end = link.range.upperBound
            var linkPieces: [Range<Int>] = []
            var pieceStart = start
            var index = start
            var matched = true
            for byte in link.text.utf8 {
                // The space cmark reads for a line end: blanks, `\r`, `\n`, blanks.
                if byte == 0x20, let next = Self.lineBreakEnd(bytes, from: index, before: end) {
                    if index > pieceStart { linkPieces.append(pieceStart..<index) }
                    index = next
                    pieceStart = next
                    continue
                }
                guard index < end, bytes[index] == byte else {
                    matched = false
                    break
                }
                index += 1
            }
            guard matched else { continue }
            if index > pieceStart { linkPieces.append(pieceStart..<index) }
            for piece in linkPieces { pieces.append((piece, number)) }
        }
        return pieces
    }

    /// Where the text a reader sees of `link` begins in the file: after the `[` of `[text](…)` (and of
    /// reference and template links), after the `|` of `[[Note|text]]`, after the `[[` of `[[Note]]`;
    /// nil for other links (autolinks, images, `[[Note#Section]]`, whose text each app writes its way).
    func visibleTextStart(of link: MarkdownLink) -> Int? {
        Self.visibleTextStart(of: link, in: bytes)
    }

    /// `visibleTextStart(of:)` in the article's `bytes`, read once by the caller: an article whose site
    /// released its bytes reads them again on each use of `bytes`.
    private static func visibleTextStart(of link: MarkdownLink, in bytes: [UInt8]) -> Int? {
        switch link.kind {
        case .inline, .template:
            return bytes[link.range.lowerBound] == UInt8(ascii: "[") ? link.range.lowerBound + 1 : nil
        case .wikilink:
            return LinkSyntax(link, in: bytes)?.text.lowerBound
        case .autolink, .image:
            return nil
        }
    }

    /// Where the line break at `bytes[index...]` ends: blanks, an optional `\r`, a `\n`, then the next
    /// line's blanks; nil when none is there (before `end`).
    private static func lineBreakEnd(_ bytes: [UInt8], from index: Int, before end: Int) -> Int? {
        var index = index
        while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        if index < end, bytes[index] == 0x0D { index += 1 }
        guard index < end, bytes[index] == 0x0A else { return nil }
        index += 1
        while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        return index
    }

    /// The text of a byte range of the file.
    public func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
}

/// An article's bytes: kept in memory; or moved to a scratch file (`spill(to:root:path:)`) and copied
/// back from it on each use; or, once released (`release(root:path:)`), read again from the file on
/// each use and checked against the length and `ContentHash` they had. Moved or released only while
/// nothing reads them (the loader, once it has parsed them; between stages): the bytes are not
/// guarded by a lock.
final class ArticleBytes: @unchecked Sendable {
    private var kept: [UInt8]?
    let count: Int
    /// Where the bytes were moved, and where in it they lie.
    private var spilled: SpilledBytes?
    private var spilledRange = 0..<0
    /// Where to read the bytes again (the site's folder and the path in it), and their hash; set when
    /// released.
    private var root: String = ""
    private var path: String = ""
    private var hash = ContentHash(high: 0, low: 0)
    /// For bytes a cache vouched for: its file, removed should they not match.
    private var cacheFile: String? = nil

    init(_ bytes: [UInt8]) {
        kept = bytes
        count = bytes.count
    }

    /// Bytes not read in this run: a cache vouched for the file by its stamp (`FileStamp`), and
    /// knows their length and hash. Read, and checked, when a stage first needs them. Should they
    /// not match, the stamp lied (a clock set back, say): the cache file `cacheFile` is removed
    /// before the run stops, so that the next run reads every file.
    init(unreadAt root: String, path: String, count: Int, hash: ContentHash, cacheFile: String) {
        kept = nil
        self.count = count
        self.root = root
        self.path = path
        self.hash = hash
        self.cacheFile = cacheFile
    }

    var isKept: Bool { kept != nil }

    var bytes: [UInt8] {
        if let kept { return kept }
        if let spilled {
            guard let bytes = spilled.bytes(in: spilledRange) else {
                fail("cannot read back the bytes interlink set aside")
            }
            return bytes
        }
        return reread()
    }

    /// Moves the bytes out of memory into `spill`; where it takes no more, releases them instead (the
    /// file at `path` under `root` is read again on each use).
    func spill(to spill: SpilledBytes, root: String, path: String) {
        guard let kept else { return }
        if let range = spill.append(kept) {
            spilled = spill
            spilledRange = range
            self.path = path
            self.kept = nil
        } else {
            release(root: root, path: path)
        }
    }

    /// Lets go of the bytes; later uses read them again from the file at `path` under `root`.
    func release(root: String, path: String) {
        guard let kept else { return }
        hash = ContentHash(kept)
        self.root = root
        self.path = path
        self.kept = nil
    }

    private func reread() -> [UInt8] {
        guard let bytes = FileReader.readAgain(root + "/" + path, count: count), ContentHash(bytes) == hash else {
            if let cacheFile { unlink(cacheFile) }
            fail("the file changed (or went) while interlink was reading the site; run it again")
        }
        return bytes
    }

    /// Stops the process with status 2: a file read twice must read the same both times.
    private func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((Diagnostic(path: path, message: message).description + "\n").utf8))
        exit(2)
    }
}

/// Small helpers on `/`-separated relative paths.
public enum ArticlePath {
    /// `a/b/c.md` → `c`.
    public static func stem(of path: String) -> String {
        if isPlain(path) {
            // Read as bytes: the same as below for such a path, without splitting it into characters.
            let utf8 = path.utf8
            let start = utf8.lastIndex(of: UInt8(ascii: "/")).map(utf8.index(after:)) ?? utf8.startIndex
            let end = utf8[start...].lastIndex(of: UInt8(ascii: ".")) ?? utf8.endIndex
            return String(path[start..<end])
        }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return name }
        return String(name[..<dot])
    }

    /// `a/b/c.md` → `a/b` (empty for a top-level file).
    public static func directory(of path: String) -> String {
        if isPlain(path) {
            let utf8 = path.utf8
            guard let slash = utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
            return String(path[..<slash])
        }
        let parts = path.split(separator: "/")
        return parts.dropLast().joined(separator: "/")
    }

    /// Whether `path` is ASCII with no empty segment (no leading, trailing or double `/`): nearly every
    /// path, and one whose segments are simply the bytes between its slashes.
    static func isPlain(_ path: String) -> Bool {
        var previous = UInt8(ascii: "/")
        for byte in path.utf8 {
            guard byte < 0x80, !(byte == UInt8(ascii: "/") && previous == byte) else { return false }
            previous = byte
        }
        return previous != UInt8(ascii: "/")
    }

    /// Resolves `.` and `..` segments; nil when `..` climbs above the root.
    public static func normalize(_ path: String) -> String? {
        path.utf8.allSatisfy({ $0 < 0x80 }) ? normalizeASCII(path) : normalizeByCharacters(path)
    }

    /// `normalize` read by `Character`s: any path.
    static func normalizeByCharacters(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// `normalize` for an ASCII path, read as bytes: splitting into `Character`s cost 2 µs a path,
    /// and every link of the site normalises one to three.
    private static func normalizeASCII(_ path: String) -> String? {
        var parts: [Range<Int>] = []
        let bytes = Array(path.utf8)
        var start = 0
        for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "/") {
            defer { start = end + 1 }
            let length = end - start
            if length == 0 || (length == 1 && bytes[start] == UInt8(ascii: ".")) { continue }
            if length == 2, bytes[start] == UInt8(ascii: "."), bytes[start + 1] == UInt8(ascii: ".") {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(start..<end)
            }
        }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for part in parts {
            if !result.isEmpty { result.append(UInt8(ascii: "/")) }
            result.append(contentsOf: bytes[part])
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Whether the path names a Markdown file (`.md`, `.markdown`, or MDX's `.mdx`).
    public static func isMarkdown(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown") || lower.hasSuffix(".mdx")
    }

    /// Whether the path names an MDX file.
    public static func isMDX(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".mdx")
    }
}
