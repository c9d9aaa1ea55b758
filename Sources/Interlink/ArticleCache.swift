import Foundation
import InterlinkMarkdown

/// The on-disk index cache: what reading, parsing, topic extraction, word counting and matching found
/// in each file, so that a run after a small change only does that work for the files that changed.
///
/// One file, `.interlink-cache/articles.bin` in the site root (the folder holds a `.gitignore` of `*`).
/// Entries are keyed by a hash of the file's bytes: a changed file misses, an unchanged one hits
/// wherever it now lives (renames keep their parse). What depends on more than the bytes is checked
/// too: an entry's topics and word counts are used only for the same path, title and settings, and its
/// mentions only when this run's topic index has the same fingerprint as the run that wrote them.
/// A file written by another tool version, a truncated or corrupt file (a checksum covers it all)
/// is ignored as a whole and replaced after the run. Writes go to a temporary file renamed into place.
public struct ArticleCache: Sendable {
    /// The cache folder's name in the site root.
    public static let folderName = ".interlink-cache"
    static let fileName = "articles.bin"
    static let magic = Array("INTERLINK-CACHE\n".utf8)
    /// Bumped whenever the layout of the file changes.
    static let formatVersion: UInt64 = 7

    /// The site root the cache belongs to.
    public let root: URL
    /// The running tool's identity; a file written by another one is ignored.
    public let toolVersion: String
    /// A fingerprint of the settings that shape topics and word counts (configuration, layout).
    public let context: ContentHash
    /// The cache file's path (`fileURL(root:)`), worked out once.
    let filePath: String

    private let storage: Storage?
    private let entries: [ContentHash: [Entry]]
    /// The files the last run could vouch for by their stamp, by path.
    private let stamps: [String: StampedFile]
    /// Whether the stored topics and word counts were made with this `context`.
    private let derivedUsable: Bool
    /// The topic-index fingerprint of the run that wrote the stored mentions.
    let indexFingerprint: ContentHash?
    /// The fingerprint of the words counted by the stored word-case tallies (`WordCase.fingerprint(of:)`).
    let wordCaseFingerprint: ContentHash?
    /// The `LinkResolver.fingerprint(of:)` of the site whose link resolutions are stored.
    let linkFingerprint: ContentHash?

    /// A file the cache knows by its stamp: what `stat` said of it when a run read it (long enough
    /// after its last change, `FileStamp.isSettled`), and the hash of the bytes read then.
    struct StampedFile: Sendable, Hashable {
        var stamp: FileStamp
        var contentHash: ContentHash
    }

    /// Where an entry's two parts lie in the file.
    struct Entry: Sendable {
        var parse: Range<Int>
        var derived: Range<Int>
    }

    /// The file's bytes, shared read-only between parse tasks.
    final class Storage: Sendable {
        let bytes: [UInt8]
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    /// The cache file of `root`.
    public static func fileURL(root: URL) -> URL {
        root.appendingPathComponent(folderName).appendingPathComponent(fileName)
    }

    /// Opens the cache of `root`. A missing, unreadable, foreign, truncated or corrupt file gives an
    /// empty cache: every look-up misses.
    public init(root: URL, toolVersion: String, context: ContentHash) {
        self.root = root
        self.toolVersion = toolVersion
        self.context = context
        filePath = Self.fileURL(root: root).path
        let bytes: [UInt8]
        switch FileReader.read(filePath, limit: Int(Int32.max)) {
        case .success(let read): bytes = read
        case .failure: bytes = []
        }
        if let parsed = Self.readHeader(bytes, toolVersion: toolVersion) {
            storage = Storage(bytes)
            entries = parsed.entries
            stamps = parsed.stamps
            derivedUsable = parsed.context == context
            indexFingerprint = parsed.indexFingerprint
            wordCaseFingerprint = parsed.wordCaseFingerprint
            linkFingerprint = parsed.linkFingerprint
        } else {
            storage = nil
            entries = [:]
            stamps = [:]
            derivedUsable = false
            indexFingerprint = nil
            wordCaseFingerprint = nil
            linkFingerprint = nil
        }
    }

    /// Number of entries (articles) read from the file.
    public var count: Int { entries.values.reduce(0) { $0 + $1.count } }

    /// The stamp and content hash stored for the file at `path`, if its last run could vouch for it.
    func stampedFile(at path: String) -> StampedFile? { stamps[path] }

    // MARK: Look-ups

    /// The parse of a file with these bytes, if the cache holds one.
    /// The key a file's parse is stored under: its content hash, set apart for MDX and MkDocs, which parse
    /// the same bytes into other spans (a site that becomes a Docusaurus site parses its `.md` files again),
    /// and for the Hugo shortcode templates read (an edited template changes which bodies are prose).
    static func parseKey(_ hash: ContentHash, dialect: MarkdownDialect, shortcodes: ShortcodeRendering = .unknown)
        -> ContentHash
    {
        var hash = hash
        if !shortcodes.fingerprint.isEmpty {
            // The site's shortcode templates decide which template bodies are prose.
            let salt = ContentHash(Array(shortcodes.fingerprint.utf8))
            hash = ContentHash(high: hash.high ^ salt.high, low: hash.low ^ salt.low)
        }
        return switch dialect {
        case .commonMark: hash
        case .mdx: ContentHash(high: hash.high ^ 0x6D64_7800_0000_0001, low: hash.low ^ 0x6D64_7800_0000_0001)
        case .mkdocs: ContentHash(high: hash.high ^ 0x6D6B_646F_6373_0002, low: hash.low ^ 0x6D6B_646F_6373_0002)
        }
    }

    /// `keepsRewriteDetails`: whether the forbidden zones and the emphasis outline, which only
    /// rewriting reads, are read back too (else they are stepped over and left empty).
    /// `byteCount` is the file's length, which every stored range must fit.
    func parse(of hash: ContentHash, byteCount: Int, keepsRewriteDetails: Bool = true) -> ParsedContent? {
        guard let storage, let entry = entries[hash]?.first else { return nil }
        return storage.bytes.withUnsafeBytes { buffer -> ParsedContent? in
            var reader = BinaryReader(UnsafeRawBufferPointer(rebasing: buffer[entry.parse]))
            return try? ParsedContent.decode(&reader, byteCount: byteCount, keepsRewriteDetails: keepsRewriteDetails)
        }
    }

    /// What a previous run found in a file with these bytes: word counts and topics when they were made
    /// for the same path and title, mentions when made with the same topic index (checked by the
    /// suggester). `target` is the article's index in this run's site.
    func derived(of hash: ContentHash, path: String, title: String, target: Int, byteCount: Int) -> DerivedContent? {
        guard let storage, let candidates = entries[hash] else { return nil }
        return storage.bytes.withUnsafeBytes { buffer -> DerivedContent? in
            // Files with the same bytes share a parse; their derived parts differ by path.
            var chosen: DerivedContent? = nil
            for entry in candidates {
                var reader = BinaryReader(UnsafeRawBufferPointer(rebasing: buffer[entry.derived]))
                guard let derived = try? DerivedContent.decode(&reader, target: target, byteCount: byteCount) else {
                    return nil
                }
                if chosen == nil || derived.path == path { chosen = derived }
                if derived.path == path { break }
            }
            guard var derived = chosen else { return nil }
            if !derivedUsable || derived.path != path || derived.title != title {
                derived.termCounts = nil
                derived.topics = nil
            }
            return derived
        }
    }

    /// Raw stored bytes of an entry's parse part, to copy unchanged into the next file.
    func rawParse(of hash: ContentHash) -> ArraySlice<UInt8>? {
        guard let storage, let entry = entries[hash]?.first else { return nil }
        return storage.bytes[entry.parse]
    }

    /// Raw stored bytes of the derived part stored for `path`, to copy unchanged into the next file.
    func rawDerived(of hash: ContentHash, path: String) -> ArraySlice<UInt8>? {
        guard let storage, let candidates = entries[hash] else { return nil }
        for entry in candidates {
            let stored: String? = storage.bytes.withUnsafeBytes { buffer in
                var reader = BinaryReader(UnsafeRawBufferPointer(rebasing: buffer[entry.derived]))
                return try? reader.string()
            }
            if stored == path { return storage.bytes[entry.derived] }
        }
        return nil
    }

    // MARK: Reading the file

    private struct Header {
        var context: ContentHash
        var indexFingerprint: ContentHash?
        var wordCaseFingerprint: ContentHash?
        var linkFingerprint: ContentHash?
        var entries: [ContentHash: [Entry]]
        var stamps: [String: StampedFile]
    }

    private static func readHeader(_ bytes: [UInt8], toolVersion: String) -> Header? {
        guard bytes.count >= magic.count + 16, Array(bytes[0..<magic.count]) == magic else { return nil }
        return bytes.withUnsafeBytes { buffer -> Header? in
            // The last 16 bytes are a hash of everything before them.
            let checksum = ContentHash(buffer: UnsafeRawBufferPointer(rebasing: buffer[0..<(bytes.count - 16)]))
            var trailer = BinaryReader(buffer, offset: bytes.count - 16)
            guard let high = try? trailer.fixed64(), let low = try? trailer.fixed64(),
                ContentHash(high: high, low: low) == checksum
            else { return nil }
            var reader = BinaryReader(UnsafeRawBufferPointer(rebasing: buffer[0..<(bytes.count - 16)]), offset: magic.count)
            do {
                guard try reader.uint() == formatVersion, try reader.string() == toolVersion else { return nil }
                let context = ContentHash(high: try reader.fixed64(), low: try reader.fixed64())
                var fingerprint: ContentHash? = nil
                if try reader.bool() { fingerprint = ContentHash(high: try reader.fixed64(), low: try reader.fixed64()) }
                var wordCaseFingerprint: ContentHash? = nil
                if try reader.bool() {
                    wordCaseFingerprint = ContentHash(high: try reader.fixed64(), low: try reader.fixed64())
                }
                var linkFingerprint: ContentHash? = nil
                if try reader.bool() { linkFingerprint = ContentHash(high: try reader.fixed64(), low: try reader.fixed64()) }
                let count = try reader.count()
                var table: [(ContentHash, Int, Int)] = []
                table.reserveCapacity(count)
                var stamps: [String: StampedFile] = [:]
                stamps.reserveCapacity(count)
                for _ in 0..<count {
                    let hash = ContentHash(high: try reader.fixed64(), low: try reader.fixed64())
                    table.append((hash, try reader.count(), try reader.count()))
                    if try reader.bool() {
                        let path = try reader.string()
                        let contentHash = ContentHash(high: try reader.fixed64(), low: try reader.fixed64())
                        stamps[path] = StampedFile(stamp: try FileStamp.decode(&reader), contentHash: contentHash)
                    }
                }
                var entries: [ContentHash: [Entry]] = [:]
                entries.reserveCapacity(count)
                var offset = reader.offset
                for (hash, parseLength, derivedLength) in table {
                    let parseEnd = offset + parseLength
                    let derivedEnd = parseEnd + derivedLength
                    guard derivedEnd <= bytes.count - 16 else { return nil }
                    entries[hash, default: []].append(Entry(parse: offset..<parseEnd, derived: parseEnd..<derivedEnd))
                    offset = derivedEnd
                }
                guard offset == bytes.count - 16 else { return nil }
                return Header(
                    context: context, indexFingerprint: fingerprint, wordCaseFingerprint: wordCaseFingerprint,
                    linkFingerprint: linkFingerprint, entries: entries, stamps: stamps)
            } catch {
                return nil
            }
        }
    }

    // MARK: Writing the file

    /// One article's part of the next file.
    struct Record: Sendable {
        var hash: ContentHash
        /// Slices of the old file's bytes where copied unchanged: nothing is copied until written.
        var parse: ArraySlice<UInt8>
        var derived: ArraySlice<UInt8>
        /// The file's path and stamp, when the next run may trust the stamp.
        var stamped: (path: String, file: StampedFile)?

        init(
            hash: ContentHash, parse: ArraySlice<UInt8>, derived: ArraySlice<UInt8>,
            stamped: (path: String, file: StampedFile)? = nil
        ) {
            self.hash = hash
            self.parse = parse
            self.derived = derived
            self.stamped = stamped
        }

        init(hash: ContentHash, parse: [UInt8], derived: [UInt8]) {
            self.init(hash: hash, parse: parse[...], derived: derived[...])
        }
    }

    /// Writes the cache file for the records given (one per article), atomically. Any failure
    /// (read-only site, full disk) leaves the old file or none; the run goes on without a cache.
    @discardableResult
    static func write(
        root: URL, toolVersion: String, context: ContentHash, indexFingerprint: ContentHash?,
        wordCaseFingerprint: ContentHash?, linkFingerprint: ContentHash? = nil, records: [Record]
    ) -> Bool {
        var writer = BinaryWriter()
        writer.raw(magic)
        writer.uint(formatVersion)
        writer.string(toolVersion)
        writer.fixed64(context.high)
        writer.fixed64(context.low)
        writer.bool(indexFingerprint != nil)
        if let indexFingerprint {
            writer.fixed64(indexFingerprint.high)
            writer.fixed64(indexFingerprint.low)
        }
        writer.bool(wordCaseFingerprint != nil)
        if let wordCaseFingerprint {
            writer.fixed64(wordCaseFingerprint.high)
            writer.fixed64(wordCaseFingerprint.low)
        }
        writer.bool(linkFingerprint != nil)
        if let linkFingerprint {
            writer.fixed64(linkFingerprint.high)
            writer.fixed64(linkFingerprint.low)
        }
        writer.uint(UInt64(records.count))
        for record in records {
            writer.fixed64(record.hash.high)
            writer.fixed64(record.hash.low)
            writer.uint(UInt64(record.parse.count))
            writer.uint(UInt64(record.derived.count))
            writer.bool(record.stamped != nil)
            if let (path, file) = record.stamped {
                writer.string(path)
                writer.fixed64(file.contentHash.high)
                writer.fixed64(file.contentHash.low)
                file.stamp.encode(into: &writer)
            }
        }
        let header = writer.bytes
        // Written as it goes, never assembled whole in memory; the checksum is worked out on the way.
        var hasher = ContentHasher(
            count: records.reduce(header.count) { $0 + $1.parse.count + $1.derived.count })
        return writeFile(root: root) { emit in
            hasher.feed(header[...])
            guard emit(header[...]) else { return false }
            var chunk: [UInt8] = []
            chunk.reserveCapacity(1 << 20)
            for record in records {
                hasher.feed(record.parse)
                hasher.feed(record.derived)
                chunk.append(contentsOf: record.parse)
                chunk.append(contentsOf: record.derived)
                if chunk.count >= 1 << 20 {
                    guard emit(chunk[...]) else { return false }
                    chunk.removeAll(keepingCapacity: true)
                }
            }
            let checksum = hasher.finish()
            var trailer = BinaryWriter()
            trailer.fixed64(checksum.high)
            trailer.fixed64(checksum.low)
            chunk.append(contentsOf: trailer.bytes)
            return emit(chunk[...])
        }
    }

    /// Writes the cache file through a temporary file renamed into place; `produce` hands its bytes,
    /// in order, to `emit` and returns false when anything failed (then no file is left).
    private static func writeFile(
        root: URL, _ produce: (_ emit: (ArraySlice<UInt8>) -> Bool) -> Bool
    ) -> Bool {
        let folder = root.appendingPathComponent(folderName)
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if !manager.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard (try? manager.createDirectory(at: folder, withIntermediateDirectories: false)) != nil else { return false }
        } else if !isDirectory.boolValue {
            return false
        }
        let ignore = folder.appendingPathComponent(".gitignore")
        if !manager.fileExists(atPath: ignore.path) {
            _ = manager.createFile(atPath: ignore.path, contents: Data("*\n".utf8))
        }
        let target = folder.appendingPathComponent(fileName)
        let temporary = folder.appendingPathComponent(
            ".\(fileName).\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        let complete = produce { bytes in
            bytes.withUnsafeBytes { buffer -> Bool in
                var written = 0
                while written < buffer.count {
                    let count = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                    if count < 0 {
                        if errno == EINTR { continue }
                        return false
                    }
                    written += count
                }
                return true
            }
        }
        close(descriptor)
        guard complete, rename(temporary.path, target.path) == 0 else {
            unlink(temporary.path)
            return false
        }
        return true
    }
}

/// What parsing one file produces that does not depend on where the file lives.
struct ParsedContent: Sendable {
    var frontMatter: FrontMatter
    var document: MarkdownDocument
    var suppressedRanges: [Range<Int>]

    /// Front matter nested deeper than this is not cached (and a deeper stored value is corrupt).
    static let maximumDepth = 64

    struct TooDeep: Error {}

    func encode(into writer: inout BinaryWriter) throws(TooDeep) {
        writer.uint(UInt64(frontMatter.fields.count))
        for key in frontMatter.fields.keys.sorted() {
            writer.string(key)
            try Self.encode(frontMatter.fields[key]!, into: &writer, depth: 0)
        }
        writer.uint(UInt64(document.spans.count))
        for span in document.spans {
            writer.range(span.range)
            writer.int(span.block)
            writer.uint(span.context.cacheCode)
            writer.bool(span.emphasized)
        }
        writer.uint(UInt64(document.codeSpans.count))
        for code in document.codeSpans {
            writer.range(code.range)
            writer.string(code.code)
            writer.int(code.block)
            writer.uint(code.context.cacheCode)
        }
        writer.uint(UInt64(document.headings.count))
        for heading in document.headings {
            writer.int(heading.level)
            writer.string(heading.text)
            writer.range(heading.range)
            writer.string(heading.id)
        }
        writer.uint(UInt64(document.links.count))
        for link in document.links {
            writer.uint(link.kind.cacheCode)
            writer.string(link.destination)
            writer.optionalString(link.template)
            writer.string(link.text)
            writer.range(link.range)
            writer.bool(link.textOpensWithBacktick)
        }
        writer.uint(UInt64(document.forbiddenZones.count))
        for zone in document.forbiddenZones {
            writer.string(zone.kind.rawValue)
            writer.range(zone.range)
        }
        writer.int(document.wordCount)
        writer.int(document.unmappedTextCount)
        writer.string(document.emphasisOutline)
        writer.uint(UInt64(suppressedRanges.count))
        for range in suppressedRanges { writer.range(range) }
        // The front-matter block and the line table, so that a file known unchanged by its stamp
        // is not read to find them again.
        writer.bool(document.frontMatter != nil)
        if let block = document.frontMatter {
            writer.uint(block.format == .yaml ? 0 : 1)
            writer.range(block.range)
            writer.range(block.contentRange)
            writer.int(block.contentFirstLine)
        }
        let lines = document.lines
        writer.uint(UInt64(lines.lineCount))
        var previous = 0
        for index in 0..<lines.lineCount {
            let start = lines.start(ofLineAt: index)
            writer.uint(UInt64(start - previous))
            previous = start
        }
    }

    private static func encode(_ value: FrontMatterValue, into writer: inout BinaryWriter, depth: Int) throws(TooDeep) {
        guard depth < maximumDepth else { throw TooDeep() }
        switch value {
        case .string(let text):
            writer.uint(0)
            writer.string(text)
        case .bool(let flag):
            writer.uint(1)
            writer.bool(flag)
        case .number(let number):
            writer.uint(2)
            writer.fixed64(number.bitPattern)
        case .list(let items):
            writer.uint(3)
            writer.uint(UInt64(items.count))
            for item in items { try encode(item, into: &writer, depth: depth + 1) }
        case .table(let table):
            writer.uint(4)
            writer.uint(UInt64(table.count))
            for key in table.keys.sorted() {
                writer.string(key)
                try encode(table[key]!, into: &writer, depth: depth + 1)
            }
        }
    }

    /// Reads a parse back; every range must lie inside the file's `byteCount` bytes (the file itself
    /// is not needed: its front-matter block and line table are stored too). Without
    /// `keepsRewriteDetails`, the forbidden zones and the emphasis outline are stepped over (their
    /// ranges still checked) and left empty.
    static func decode(_ reader: inout BinaryReader, byteCount: Int, keepsRewriteDetails: Bool = true) throws
        -> ParsedContent
    {
        let limit = byteCount
        var fields: [String: FrontMatterValue] = [:]
        for _ in 0..<(try reader.count()) {
            let key = try reader.string()
            fields[key] = try decodeValue(&reader, depth: 0)
        }
        var spans: [TextSpan] = []
        let spanCount = try reader.count()
        spans.reserveCapacity(spanCount)
        for _ in 0..<spanCount {
            let range = try reader.range(within: limit)
            // A span keeps its block in 32 bits: a damaged value is a miss, not a trap.
            let block = try reader.int()
            guard Int32(exactly: block) != nil else { throw BinaryReader.Corrupt() }
            spans.append(
                TextSpan(
                    range: range, block: block, context: try BlockContext(cacheCode: try reader.uint()),
                    emphasized: try reader.bool()))
        }
        var codeSpans: [CodeSpan] = []
        let codeSpansCount = try reader.count()
        codeSpans.reserveCapacity(codeSpansCount)
        for _ in 0..<codeSpansCount {
            codeSpans.append(
                CodeSpan(
                    range: try reader.range(within: limit), code: try reader.string(), block: try reader.int(),
                    context: try BlockContext(cacheCode: try reader.uint())))
        }
        var headings: [Heading] = []
        let headingsCount = try reader.count()
        headings.reserveCapacity(headingsCount)
        for _ in 0..<headingsCount {
            headings.append(
                Heading(
                    level: try reader.int(atMost: 6), text: try reader.string(), range: try reader.range(within: limit),
                    id: try reader.string()))
        }
        var links: [MarkdownLink] = []
        let linksCount = try reader.count()
        links.reserveCapacity(linksCount)
        for _ in 0..<linksCount {
            let kind = try MarkdownLink.Kind(cacheCode: try reader.uint())
            links.append(
                MarkdownLink(
                    kind: kind, destination: try reader.string(), template: try reader.optionalString(),
                    text: try reader.string(), range: try reader.range(within: limit)
                ).withTextOpeningWithBacktick(try reader.bool()))
        }
        var zones: [ForbiddenZone] = []
        let zoneCount = try reader.count()
        if keepsRewriteDetails {
            zones.reserveCapacity(zoneCount)
            for _ in 0..<zoneCount {
                guard let kind = ForbiddenZone.Kind(rawValue: try reader.string()) else { throw BinaryReader.Corrupt() }
                zones.append(ForbiddenZone(kind: kind, range: try reader.range(within: limit)))
            }
        } else {
            for _ in 0..<zoneCount {
                try reader.skipString()
                _ = try reader.range(within: limit)
            }
        }
        let wordCount = try reader.int(atMost: Int(Int32.max))
        let unmapped = try reader.int(atMost: Int(Int32.max))
        let outline: String
        if keepsRewriteDetails {
            outline = try reader.string()
        } else {
            try reader.skipString()
            outline = ""
        }
        var suppressed: [Range<Int>] = []
        for _ in 0..<(try reader.count()) { suppressed.append(try reader.range(within: limit)) }
        var block: FrontMatterBlock? = nil
        if try reader.bool() {
            let format: FrontMatterBlock.Format
            switch try reader.uint() {
            case 0: format = .yaml
            case 1: format = .toml
            default: throw BinaryReader.Corrupt()
            }
            block = FrontMatterBlock(
                format: format, range: try reader.range(within: limit), contentRange: try reader.range(within: limit),
                contentFirstLine: try reader.int(atMost: Int(Int32.max)))
        }
        let lineCount = try reader.count()
        guard lineCount >= 1, lineCount <= limit + 1 else { throw BinaryReader.Corrupt() }
        var starts = [UInt32]()
        starts.reserveCapacity(lineCount)
        var start: UInt64 = 0
        for _ in 0..<lineCount {
            let delta = try reader.uint()
            guard delta <= UInt64(limit) - start else { throw BinaryReader.Corrupt() }
            start += delta
            starts.append(UInt32(start))
        }
        guard reader.isAtEnd, let lines = LineTable(starts: starts, byteCount: limit) else { throw BinaryReader.Corrupt() }
        let document = MarkdownDocument(
            lines: lines, frontMatter: block, spans: spans, codeSpans: codeSpans, headings: headings,
            links: links, forbiddenZones: zones, wordCount: wordCount, unmappedTextCount: unmapped,
            emphasisOutline: outline)
        return ParsedContent(frontMatter: FrontMatter(fields: fields), document: document, suppressedRanges: suppressed)
    }

    private static func decodeValue(_ reader: inout BinaryReader, depth: Int) throws(BinaryReader.Corrupt) -> FrontMatterValue {
        guard depth < maximumDepth else { throw BinaryReader.Corrupt() }
        switch try reader.uint() {
        case 0: return .string(try reader.string())
        case 1: return .bool(try reader.bool())
        case 2: return .number(Double(bitPattern: try reader.fixed64()))
        case 3:
            var items: [FrontMatterValue] = []
            for _ in 0..<(try reader.count()) { items.append(try decodeValue(&reader, depth: depth + 1)) }
            return .list(items)
        case 4:
            var table: [String: FrontMatterValue] = [:]
            for _ in 0..<(try reader.count()) {
                let key = try reader.string()
                table[key] = try decodeValue(&reader, depth: depth + 1)
            }
            return .table(table)
        default: throw BinaryReader.Corrupt()
        }
    }
}

/// What the suggester derived from one file in an earlier run.
struct DerivedContent: Sendable {
    var path: String
    var title: String
    var termCounts: Relatedness.TermCounts?
    var topics: [Topic]?
    var mentions: ArticleMentions?
    /// How the file writes the words `WordCase` counts; depends on the bytes and the counted words only.
    var wordCase: WordCase.ArticleTally?
    /// Where the file's links point, in document order, when it lies at `path` of a site with the
    /// file's `linkFingerprint`.
    var resolutions: [LinkResolution]?

    func encode(into writer: inout BinaryWriter) {
        writer.string(path)
        writer.string(title)
        writer.bool(termCounts != nil)
        if let termCounts {
            writer.uint(UInt64(termCounts.count))
            for (hash, count) in termCounts {
                writer.fixed64(hash)
                writer.int(Int(count))
            }
        }
        writer.bool(topics != nil)
        if let topics {
            writer.uint(UInt64(topics.count))
            for topic in topics {
                writer.string(topic.phrase)
                writer.uint(UInt64(topic.keys.count))
                for key in topic.keys { writer.string(key) }
                writer.uint(topic.source.cacheCode)
                writer.optionalString(topic.fragment)
                writer.bool(topic.caseSensitive)
                writer.fixed64(topic.weight.bitPattern)
            }
        }
        writer.bool(mentions != nil)
        if let mentions {
            // Each distinct list of topics once, then the mentions by list number: an article mentions
            // the same topics again and again, and decoding then makes one array per list, not per mention.
            var listNumbers: [[Int32]: Int] = [:]
            var lists: [[Int32]] = []
            for mention in mentions.prose + mentions.linkText where listNumbers[mention.topics] == nil {
                listNumbers[mention.topics] = lists.count
                lists.append(mention.topics)
            }
            writer.uint(UInt64(lists.count))
            for list in lists {
                writer.uint(UInt64(list.count))
                for topic in list { writer.int(Int(topic)) }
            }
            for list in [mentions.prose, mentions.linkText] {
                writer.uint(UInt64(list.count))
                for mention in list {
                    writer.range(mention.range)
                    writer.uint(UInt64(listNumbers[mention.topics]!))
                    writer.bool(mention.isCode)
                    writer.int(mention.block)
                    writer.uint(mention.context.cacheCode)
                    writer.int(mention.wordCount)
                }
            }
        }
        writer.bool(wordCase != nil)
        if let wordCase {
            writer.uint(UInt64(wordCase.count))
            for entry in wordCase {
                writer.fixed64(entry.hash)
                writer.int(Int(entry.lower))
                writer.int(Int(entry.capitalised))
            }
        }
        writer.bool(resolutions != nil)
        if let resolutions {
            writer.uint(UInt64(resolutions.count))
            for resolution in resolutions {
                switch resolution {
                case .article(let index, let fragment):
                    writer.uint(0)
                    writer.int(index)
                    writer.optionalString(fragment)
                case .broken(let reason):
                    writer.uint(1)
                    writer.string(reason)
                case .other:
                    writer.uint(2)
                }
            }
        }
    }

    static func decode(_ reader: inout BinaryReader, target: Int, byteCount: Int) throws -> DerivedContent {
        let path = try reader.string()
        let title = try reader.string()
        var termCounts: Relatedness.TermCounts? = nil
        if try reader.bool() {
            var counts: Relatedness.TermCounts = []
            let count = try reader.count()
            counts.reserveCapacity(count)
            var previous: UInt64? = nil
            for _ in 0..<count {
                let hash = try reader.fixed64()
                // Sorted and distinct, as relatedness expects.
                if let previous, previous >= hash { throw BinaryReader.Corrupt() }
                previous = hash
                counts.append((hash: hash, count: Int32(try reader.int(atMost: Int(Int32.max)))))
            }
            termCounts = counts
        }
        var topics: [Topic]? = nil
        if try reader.bool() {
            var list: [Topic] = []
            let count = try reader.count()
            list.reserveCapacity(count)
            for _ in 0..<count {
                let phrase = try reader.string()
                var keys: [String] = []
                let keyCount = try reader.count()
                keys.reserveCapacity(keyCount)
                for _ in 0..<keyCount { keys.append(try reader.string()) }
                let source = try Topic.Source(cacheCode: try reader.uint())
                list.append(
                    Topic(
                        phrase: phrase, keys: keys, target: target, source: source, fragment: try reader.optionalString(),
                        caseSensitive: try reader.bool(), weight: Double(bitPattern: try reader.fixed64())))
            }
            topics = list
        }
        var mentions: ArticleMentions? = nil
        if try reader.bool() {
            var topicLists: [[Int32]] = []
            let listCount = try reader.count()
            topicLists.reserveCapacity(listCount)
            for _ in 0..<listCount {
                var found: [Int32] = []
                let count = try reader.count()
                found.reserveCapacity(count)
                for _ in 0..<count { found.append(Int32(try reader.int(atMost: Int(Int32.max)))) }
                topicLists.append(found)
            }
            var lists: [[Mention]] = []
            for _ in 0..<2 {
                var list: [Mention] = []
                let count = try reader.count()
                list.reserveCapacity(count)
                for _ in 0..<count {
                    let range = try reader.range(within: byteCount)
                    let number = try reader.uint()
                    guard number < UInt64(topicLists.count) else { throw BinaryReader.Corrupt() }
                    let found = topicLists[Int(number)]
                    let isCode = try reader.bool()
                    let block = try reader.int()
                    guard Int32(exactly: block) != nil else { throw BinaryReader.Corrupt() }
                    let context = try BlockContext(cacheCode: try reader.uint())
                    list.append(
                        Mention(
                            range: range, topics: found, isCode: isCode, block: block, context: context,
                            wordCount: try reader.int(atMost: Int(Int32.max))))
                }
                lists.append(list)
            }
            mentions = ArticleMentions(prose: lists[0], linkText: lists[1])
        }
        var wordCase: WordCase.ArticleTally? = nil
        if try reader.bool() {
            var tally: WordCase.ArticleTally = []
            let count = try reader.count()
            tally.reserveCapacity(count)
            var previous: UInt64? = nil
            for _ in 0..<count {
                let hash = try reader.fixed64()
                // Sorted and distinct, as `WordCase.tally(of:words:)` makes them.
                if let previous, previous >= hash { throw BinaryReader.Corrupt() }
                previous = hash
                tally.append(
                    (hash: hash, lower: Int32(try reader.int(atMost: Int(Int32.max))),
                     capitalised: Int32(try reader.int(atMost: Int(Int32.max)))))
            }
            wordCase = tally
        }
        var resolutions: [LinkResolution]? = nil
        if try reader.bool() {
            var list: [LinkResolution] = []
            let count = try reader.count()
            list.reserveCapacity(count)
            for _ in 0..<count {
                switch try reader.uint() {
                case 0: list.append(.article(try reader.int(atMost: Int(Int32.max)), fragment: try reader.optionalString()))
                case 1: list.append(.broken(try reader.string()))
                case 2: list.append(.other)
                default: throw BinaryReader.Corrupt()
                }
            }
            resolutions = list
        }
        guard reader.isAtEnd else { throw BinaryReader.Corrupt() }
        return DerivedContent(
            path: path, title: title, termCounts: termCounts, topics: topics, mentions: mentions, wordCase: wordCase,
            resolutions: resolutions)
    }
}

extension ArticleCache {
    /// The fingerprint of the settings that shape topics: stopwords, generic anchors, synonyms.
    public static func context(for options: SuggestOptions) -> ContentHash {
        var writer = BinaryWriter()
        let rules = options.topicRules
        for word in rules.stopwords.sorted() { writer.string(word) }
        writer.string("|")
        for anchor in rules.genericAnchors.sorted() { writer.string(anchor) }
        writer.string("|")
        for path in rules.synonyms.keys.sorted() {
            writer.string(path)
            for phrase in rules.synonyms[path] ?? [] { writer.string(phrase) }
        }
        return ContentHash(writer.bytes)
    }

    /// How many articles the cache file may fail to serve before a run writes it again: one in a
    /// thousand (none on a site under 1,000 articles, where writing it costs next to nothing). A few
    /// files changed since it was written cost each later run a few milliseconds (read, parse and
    /// match again), while writing the whole file costs a 10,000-article site some 50 ms of CPU in a
    /// pre-commit run, on the other core while the suggestions are ranked. A changed topic index,
    /// word-case vocabulary or link resolution makes every entry stale, so the file is written then.
    static func toleratedStaleEntries(articles: Int) -> Int { articles / 1000 }

    /// What a suggester may take from the cache for the loaded site.
    public func reuse(for loaded: SiteLoader.Result) -> SuggestReuse {
        let articles = loaded.site.articles
        let records = loaded.cacheRecords
        let siteLinkFingerprint = LinkResolver.fingerprint(of: loaded.site)
        let linksUsable = linkFingerprint == siteLinkFingerprint
        let derived: [DerivedContent?] = articles.indices.parallelMap { index in
            let article = articles[index]
            guard index < records.count, let record = records[index] else { return nil }
            return self.derived(
                of: record.hash, path: article.path, title: article.title, target: index, byteCount: article.byteCount)
        }
        return SuggestReuse(
            termCounts: derived.map { $0?.termCounts }, topics: derived.map { $0?.topics },
            mentions: derived.map { $0?.mentions }, indexFingerprint: indexFingerprint,
            wordCase: articles.indices.map { index in
                // Only beside a parse that was read back whole: such an entry is what a run wrote.
                index < records.count && records[index]?.freshParse == nil ? derived[index]?.wordCase : nil
            }, wordCaseFingerprint: wordCaseFingerprint,
            resolutions: linksUsable
                ? articles.indices.map { index in
                    // Made at this path, beside a parse read back whole, in a site that resolves alike.
                    guard index < records.count, records[index]?.freshParse == nil, let stored = derived[index],
                        stored.path == articles[index].path
                    else { return nil }
                    return stored.resolutions
                } : [],
            linkFingerprint: siteLinkFingerprint)
    }

    /// Writes what this run read and computed, unless the file still serves this site nearly as well
    /// (`toleratedStaleEntries`). Returns whether a file was written. Failing to write (a read-only
    /// site) is silent: the cache is an aid.
    @discardableResult
    public func update(loaded: SiteLoader.Result, suggester: Suggester) -> Bool {
        update(loaded: loaded, suggester: suggester, toleratedStale: nil)
    }

    /// `update(loaded:suggester:)`, tolerating `toleratedStale` stale entries instead of
    /// `toleratedStaleEntries(articles:)` when given (for tests).
    @discardableResult
    func update(loaded: SiteLoader.Result, suggester: Suggester, toleratedStale: Int?) -> Bool {
        let articles = loaded.site.articles
        let memo = suggester.memo
        let topics = memo.topics
        let termCounts = memo.termCounts
        let countsReused = memo.termCountsReused
        let topicsReused = memo.topicsReused
        let wordCase = memo.wordCase
        let wordCaseReused = memo.wordCaseReused
        guard let mentions = memo.mentions, topics.count == articles.count, termCounts.count == articles.count,
            countsReused.count == articles.count, topicsReused.count == articles.count,
            wordCase.count == articles.count, wordCaseReused.count == articles.count
        else {
            return false
        }
        // Stored resolutions were made for this site when the fingerprints agree; otherwise every
        // derived part is written again with this run's.
        let linkFingerprint = memo.linkFingerprint ?? LinkResolver.fingerprint(of: loaded.site)
        let linksReused = linkFingerprint == self.linkFingerprint
        let outgoing = suggester.graph.outgoing
        let cacheRecords = loaded.cacheRecords
        guard cacheRecords.count == articles.count else { return false }
        // How many articles the file no longer serves as it stands: a file parsed again, what was
        // derived from it made again, its stamp not the stored one; and entries gone or added.
        var stale = linksReused ? 0 : articles.count
        var stored = 0
        for index in articles.indices {
            guard let record = cacheRecords[index] else { continue }
            stored += 1
            if record.freshParse != nil || !countsReused[index] || topics[index] != nil || !wordCaseReused[index]
                || record.stampedFile != stamps[articles[index].path] || suggester.reusedMentions?[index] == nil
            {
                stale += 1
            }
        }
        stale += abs(count - stored)
        if stale <= toleratedStale ?? Self.toleratedStaleEntries(articles: articles.count) { return false }
        let fingerprint = memo.indexFingerprint
        let records: [Record?] = articles.indices.parallelMap { index in
            let article = articles[index]
            guard let record = cacheRecords[index] else { return nil }
            let parse = record.freshParse.map { $0[...] } ?? self.rawParse(of: record.hash) ?? []
            guard !parse.isEmpty else { return nil }
            let stamped = record.stampedFile.map { (path: article.path, file: $0) }
            // What this run took whole from the cache is copied as it was stored.
            if linksReused, record.freshParse == nil, countsReused[index], topics[index] == nil, wordCaseReused[index],
                let reusedMentions = suggester.reusedMentions, reusedMentions[index] != nil,
                let raw = self.rawDerived(of: record.hash, path: article.path)
            {
                return Record(hash: record.hash, parse: parse, derived: raw, stamped: stamped)
            }
            // Counts, topics and tallies taken from the cache are read from it again (they were not
            // kept in memory).
            let stored =
                countsReused[index] || topicsReused[index] || wordCaseReused[index]
                ? self.derived(
                    of: record.hash, path: article.path, title: article.title, target: index,
                    byteCount: article.byteCount) : nil
            var writer = BinaryWriter()
            DerivedContent(
                path: article.path, title: article.title,
                termCounts: termCounts[index] ?? (countsReused[index] ? stored?.termCounts : nil),
                topics: topics[index] ?? (topicsReused[index] ? stored?.topics : nil), mentions: mentions[index],
                wordCase: wordCase[index] ?? (wordCaseReused[index] ? stored?.wordCase : nil),
                resolutions: outgoing[index].map(\.resolution)
            ).encode(into: &writer)
            return Record(hash: record.hash, parse: parse, derived: writer.bytes[...], stamped: stamped)
        }
        return Self.write(
            root: root, toolVersion: toolVersion, context: context, indexFingerprint: fingerprint,
            wordCaseFingerprint: memo.wordCaseFingerprint, linkFingerprint: linkFingerprint,
            records: records.compactMap { $0 })
    }
}
