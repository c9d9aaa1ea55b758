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
    static let formatVersion: UInt64 = 8

    /// The site root the cache belongs to.
    public let root: URL
    /// The running tool's identity; a file written by another one is ignored.
    public let toolVersion: String
    /// A fingerprint of the settings that shape topics and word counts (configuration, layout).
    public let context: ContentHash
    /// The cache file's path (`fileURL(root:)`), worked out once.
    let filePath: String
    /// The size above which the cache file's pages are released as they are read, and above which a
    /// site's Markdown makes a run keep what it makes for the next file on disk (`KeptParts`).
    let residentLimit: Int

    /// The file's bytes, mapped, shared read-only between tasks (nil when no usable file was found).
    private let storage: MappedFile?
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


    /// The cache file of `root`.
    public static func fileURL(root: URL) -> URL {
        root.appendingPathComponent(folderName).appendingPathComponent(fileName)
    }

    /// Opens the cache of `root`. A missing, unreadable, foreign, truncated or corrupt file gives an
    /// empty cache: every look-up misses.
    public init(root: URL, toolVersion: String, context: ContentHash) {
        self.init(root: root, toolVersion: toolVersion, context: context, residentLimit: Self.residentPagesKeptUpTo)
    }

    /// `init(root:toolVersion:context:)`, releasing the file's pages as they are read when it is larger
    /// than `residentLimit` bytes (`MappedFile`) instead of `residentPagesKeptUpTo` (for tests).
    init(root: URL, toolVersion: String, context: ContentHash, residentLimit: Int) {
        self.root = root
        self.residentLimit = residentLimit
        self.toolVersion = toolVersion
        self.context = context
        filePath = Self.fileURL(root: root).path
        let file = MappedFile(
            path: filePath, limit: Int(Int32.max), residentLimit: residentLimit,
            releaseEvery: min(MappedFile.releaseInterval, max(residentLimit / 2, 1)))
        if let file, let parsed = Self.readHeader(file.bytes, toolVersion: toolVersion) {
            storage = file
            entries = parsed.entries
            stamps = parsed.stamps
            derivedUsable = parsed.context == context
            indexFingerprint = parsed.indexFingerprint
            wordCaseFingerprint = parsed.wordCaseFingerprint
            linkFingerprint = parsed.linkFingerprint
            // The checksum read every page; the parts are read again as each stage needs them.
            file.releaseResidentPages()
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

    /// The largest cache file whose pages stay resident once read (a 10,000-article site's is about
    /// 27 MB): on a smaller one, reading the pages again would cost more than keeping them.
    static let residentPagesKeptUpTo = 64 << 20

    /// Whether what a run makes for the next cache file waits for it on disk (`KeptParts`), not in
    /// memory: on a site whose Markdown is over the resident limit.
    func keepsPartsOnDisk(siteBytes: Int) -> Bool { siteBytes > residentLimit }

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
        var reader = BinaryReader(storage[entry.parse])
        defer { storage.noteRead(entry.parse.count) }
        return try? ParsedContent.decode(&reader, byteCount: byteCount, keepsRewriteDetails: keepsRewriteDetails)
    }

    /// The derived part stored for a file with these bytes: the one made at `path` where there is
    /// one, else the first (files with the same bytes share a parse; their derived parts differ by
    /// path). Nil when none is stored, or one of them is corrupt.
    private func derivedEntry(of hash: ContentHash, path: String)
        -> (range: Range<Int>, sections: DerivedContent.Sections)?
    {
        guard let storage, let candidates = entries[hash] else { return nil }
        var chosen: (range: Range<Int>, sections: DerivedContent.Sections)? = nil
        for entry in candidates {
            var reader = BinaryReader(storage[entry.derived])
            // The sections' lengths are read, not the sections: the first page or so.
            storage.noteRead(min(entry.derived.count, 4096))
            guard let sections = try? DerivedContent.Sections(&reader) else { return nil }
            if chosen == nil || sections.path == path { chosen = (entry.derived, sections) }
            if sections.path == path { break }
        }
        return chosen
    }

    /// Raw stored bytes of an entry's parse part, to copy unchanged into the next file.
    func rawParse(of hash: ContentHash) -> RecordBytes? {
        guard let storage, let entry = entries[hash]?.first else { return nil }
        return .stored(storage, entry.parse)
    }

    /// Raw stored bytes of the derived part stored for `path`, to copy unchanged into the next file.
    func rawDerived(of hash: ContentHash, path: String) -> RecordBytes? {
        guard let storage, let entry = derivedEntry(of: hash, path: path), entry.sections.path == path else { return nil }
        return .stored(storage, entry.range)
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

    /// Reads the file's header, and its table of records, which follows the records: the magic, the
    /// format and tool version, the fingerprints, the records' parts, the table, where the table
    /// starts (8 bytes) and a checksum of everything before it (16 bytes).
    private static func readHeader(_ bytes: UnsafeRawBufferPointer, toolVersion: String) -> Header? {
        guard bytes.count >= magic.count + 24, magic.elementsEqual(bytes[0..<magic.count]) else { return nil }
        let checked = UnsafeRawBufferPointer(rebasing: bytes[0..<(bytes.count - 16)])
        var trailer = BinaryReader(bytes, offset: checked.count)
        guard let high = try? trailer.fixed64(), let low = try? trailer.fixed64(),
            ContentHash(high: high, low: low) == ContentHasher.streamed(checked)
        else { return nil }
        let body = UnsafeRawBufferPointer(rebasing: bytes[0..<(checked.count - 8)])
        var reader = BinaryReader(body, offset: magic.count)
        do {
            guard try reader.uint() == formatVersion, try reader.string() == toolVersion else { return nil }
            let context = ContentHash(high: try reader.fixed64(), low: try reader.fixed64())
            var fingerprints: [ContentHash?] = []
            for _ in 0..<3 {
                fingerprints.append(
                    try reader.bool() ? ContentHash(high: try reader.fixed64(), low: try reader.fixed64()) : nil)
            }
            let recordsStart = reader.offset
            var tableStartReader = BinaryReader(checked, offset: body.count)
            let tableStart = try tableStartReader.fixed64()
            guard tableStart >= UInt64(recordsStart), tableStart <= UInt64(body.count) else { return nil }
            reader = BinaryReader(body, offset: Int(tableStart))
            let count = try reader.count()
            var entries: [ContentHash: [Entry]] = [:]
            entries.reserveCapacity(count)
            var stamps: [String: StampedFile] = [:]
            stamps.reserveCapacity(count)
            var offset = recordsStart
            for _ in 0..<count {
                let hash = ContentHash(high: try reader.fixed64(), low: try reader.fixed64())
                // Lengths of parts before the table: each checked against where the table starts.
                let parseLength = try reader.uint()
                guard parseLength <= tableStart - UInt64(offset) else { return nil }
                let parseEnd = offset + Int(parseLength)
                let derivedLength = try reader.uint()
                guard derivedLength <= tableStart - UInt64(parseEnd) else { return nil }
                let derivedEnd = parseEnd + Int(derivedLength)
                entries[hash, default: []].append(Entry(parse: offset..<parseEnd, derived: parseEnd..<derivedEnd))
                offset = derivedEnd
                if try reader.bool() {
                    let path = try reader.string()
                    let contentHash = ContentHash(high: try reader.fixed64(), low: try reader.fixed64())
                    stamps[path] = StampedFile(stamp: try FileStamp.decode(&reader), contentHash: contentHash)
                }
            }
            guard offset == Int(tableStart), reader.isAtEnd else { return nil }
            return Header(
                context: context, indexFingerprint: fingerprints[0], wordCaseFingerprint: fingerprints[1],
                linkFingerprint: fingerprints[2], entries: entries, stamps: stamps)
        } catch {
            return nil
        }
    }

    // MARK: Writing the file

    /// The bytes of one part of a record: made in this run, or a range of the old file, copied as it
    /// is only when written.
    enum RecordBytes: Sendable {
        case made(ArraySlice<UInt8>)
        case stored(MappedFile, Range<Int>)

        var count: Int {
            switch self {
            case .made(let bytes): bytes.count
            case .stored(_, let range): range.count
            }
        }

        func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
            switch self {
            case .made(let bytes): return bytes.withUnsafeBytes(body)
            case .stored(let file, let range):
                defer { file.noteRead(range.count) }
                return body(file[range])
            }
        }
    }

    /// One article's part of the next file.
    struct Record: Sendable {
        var hash: ContentHash
        var parse: RecordBytes
        var derived: RecordBytes
        /// The file's path and stamp, when the next run may trust the stamp.
        var stamped: (path: String, file: StampedFile)?

        init(
            hash: ContentHash, parse: RecordBytes, derived: RecordBytes, stamped: (path: String, file: StampedFile)? = nil
        ) {
            self.hash = hash
            self.parse = parse
            self.derived = derived
            self.stamped = stamped
        }

        init(hash: ContentHash, parse: [UInt8], derived: [UInt8]) {
            self.init(hash: hash, parse: .made(parse[...]), derived: .made(derived[...]))
        }
    }

    /// Writes the cache file for the records given (one per article), atomically. Any failure
    /// (read-only site, full disk) leaves the old file or none; the run goes on without a cache.
    @discardableResult
    static func write(
        root: URL, toolVersion: String, context: ContentHash, indexFingerprint: ContentHash?,
        wordCaseFingerprint: ContentHash?, linkFingerprint: ContentHash? = nil, records: [Record]
    ) -> Bool {
        write(
            root: root, toolVersion: toolVersion, context: context, indexFingerprint: indexFingerprint,
            wordCaseFingerprint: wordCaseFingerprint, linkFingerprint: linkFingerprint, count: records.count,
            batch: records.count
        ) { range in Array(records[range]) }
    }

    /// Writes the cache file for `count` articles, whose records `records` makes `batch` articles at
    /// a time (nil where an article has none): each batch is written before the next is made, so that
    /// a large site's records are never all in memory. The table of records follows them.
    @discardableResult
    static func write(
        root: URL, toolVersion: String, context: ContentHash, indexFingerprint: ContentHash?,
        wordCaseFingerprint: ContentHash?, linkFingerprint: ContentHash?, count: Int, batch: Int,
        records: (Range<Int>) -> [Record?]
    ) -> Bool {
        var writer = BinaryWriter()
        writer.raw(magic)
        writer.uint(formatVersion)
        writer.string(toolVersion)
        writer.fixed64(context.high)
        writer.fixed64(context.low)
        for fingerprint in [indexFingerprint, wordCaseFingerprint, linkFingerprint] {
            writer.bool(fingerprint != nil)
            if let fingerprint {
                writer.fixed64(fingerprint.high)
                writer.fixed64(fingerprint.low)
            }
        }
        var table = BinaryWriter()
        var tableCount = 0
        // Written as it goes; the checksum is worked out on the way.
        var hasher = ContentHasher()
        return writeFile(root: root) { emit in
            var chunk = writer.bytes
            chunk.reserveCapacity(1 << 20)
            var offset = 0
            let step = max(batch, 1)
            for start in stride(from: 0, to: count, by: step) {
                for record in records(start..<min(start + step, count)) {
                    guard let record else { continue }
                    for part in [record.parse, record.derived] {
                        part.withUnsafeBytes { bytes in chunk.append(contentsOf: bytes) }
                    }
                    tableCount += 1
                    table.fixed64(record.hash.high)
                    table.fixed64(record.hash.low)
                    table.uint(UInt64(record.parse.count))
                    table.uint(UInt64(record.derived.count))
                    table.bool(record.stamped != nil)
                    if let (path, file) = record.stamped {
                        table.string(path)
                        table.fixed64(file.contentHash.high)
                        table.fixed64(file.contentHash.low)
                        file.stamp.encode(into: &table)
                    }
                    if chunk.count >= 1 << 20 {
                        hasher.feed(chunk[...])
                        guard emit(chunk[...]) else { return false }
                        offset += chunk.count
                        chunk.removeAll(keepingCapacity: true)
                    }
                }
            }
            // The table, where it starts, and the checksum of everything before the checksum.
            var trailer = BinaryWriter()
            trailer.uint(UInt64(tableCount))
            let tableStart = offset + chunk.count
            chunk.append(contentsOf: trailer.bytes)
            chunk.append(contentsOf: table.bytes)
            trailer = BinaryWriter()
            trailer.fixed64(UInt64(tableStart))
            chunk.append(contentsOf: trailer.bytes)
            hasher.feed(chunk[...])
            let checksum = hasher.finish()
            trailer = BinaryWriter()
            trailer.fixed64(checksum.high)
            trailer.fixed64(checksum.low)
            chunk.append(contentsOf: trailer.bytes)
            return emit(chunk[...])
        }
    }

    /// The cache folder of `root`, made (with its `.gitignore` of `*`) if missing; nil when it cannot
    /// be made or a file has its name.
    static func folder(root: URL) -> URL? {
        let folder = root.appendingPathComponent(folderName)
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if !manager.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard (try? manager.createDirectory(at: folder, withIntermediateDirectories: false)) != nil else { return nil }
        } else if !isDirectory.boolValue {
            return nil
        }
        let ignore = folder.appendingPathComponent(".gitignore")
        if !manager.fileExists(atPath: ignore.path) {
            _ = manager.createFile(atPath: ignore.path, contents: Data("*\n".utf8))
        }
        return folder
    }

    /// Writes the cache file through a temporary file renamed into place; `produce` hands its bytes,
    /// in order, to `emit` and returns false when anything failed (then no file is left).
    private static func writeFile(
        root: URL, _ produce: (_ emit: (ArraySlice<UInt8>) -> Bool) -> Bool
    ) -> Bool {
        guard let folder = folder(root: root) else { return false }
        let target = folder.appendingPathComponent(fileName)
        let temporary = folder.appendingPathComponent(
            ".\(fileName).\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        let complete = produce { bytes in BufferIO.writeAll(bytes, to: descriptor) == nil }
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

    /// What a suggester may take from the cache for the loaded site: where each article's usable parts
    /// lie in the file, decoded when a stage asks for them.
    public func reuse(for loaded: SiteLoader.Result) -> SuggestReuse {
        let articles = loaded.site.articles
        let records = loaded.cacheRecords
        let siteLinkFingerprint = LinkResolver.fingerprint(of: loaded.site)
        let linksUsable = linkFingerprint == siteLinkFingerprint
        let derivedUsable = derivedUsable
        let parts: [LentParts?] = articles.indices.parallelMap { index in
            let article = articles[index]
            guard index < records.count, let record = records[index],
                let (range, sections) = self.derivedEntry(of: record.hash, path: article.path)
            else { return nil }
            func absolute(_ part: Range<Int>?) -> Range<Int>? {
                part.map { (range.lowerBound + $0.lowerBound)..<(range.lowerBound + $0.upperBound) }
            }
            // Counts and topics only where made for this path and title; tallies and resolutions only
            // beside a parse that was read back whole (such an entry is what a run wrote), resolutions
            // only where made at this path, in a site that resolves alike.
            let ownPart = derivedUsable && sections.path == article.path && sections.title == article.title
            let readBack = !record.isFresh
            return LentParts(
                termCounts: ownPart ? absolute(sections.termCounts) : nil,
                topics: ownPart ? absolute(sections.topics) : nil,
                mentions: absolute(sections.mentions),
                wordCase: readBack ? absolute(sections.wordCase) : nil,
                resolutions: linksUsable && readBack && sections.path == article.path
                    ? absolute(sections.resolutions) : nil)
        }
        let byteCounts = articles.map(\.byteCount)
        var reuse = SuggestReuse(
            termCounts: lent(parts, \.termCounts) { bytes, range, _ in try DerivedContent.termCounts(bytes, range) },
            topics: lent(parts, \.topics) { bytes, range, index in
                try DerivedContent.topics(bytes, range, target: index)
            },
            mentions: lent(parts, \.mentions) { bytes, range, index in
                try DerivedContent.mentions(bytes, range, byteCount: byteCounts[index])
            },
            indexFingerprint: indexFingerprint,
            wordCase: lent(parts, \.wordCase) { bytes, range, _ in try DerivedContent.wordCase(bytes, range) },
            wordCaseFingerprint: wordCaseFingerprint,
            resolutions: parts.contains { $0?.resolutions != nil }
                ? lent(parts, \.resolutions) { bytes, range, _ in try DerivedContent.resolutions(bytes, range) }
                : LentValues(),
            linkFingerprint: siteLinkFingerprint)
        if keepsPartsOnDisk(siteBytes: loaded.site.byteCount) { reuse.scratchRoot = root }
        return reuse
    }

    /// Where an article's usable stored parts lie in the cache file.
    struct LentParts: Sendable {
        var termCounts: Range<Int>?
        var topics: Range<Int>?
        var mentions: Range<Int>?
        var wordCase: Range<Int>?
        var resolutions: Range<Int>?
    }

    /// One kind of part, decoded by `decode` (from the file's bytes, the part's range and the
    /// article's index) each time an article's is asked for; a corrupt part reads as unknown.
    private func lent<Value: Sendable>(
        _ parts: [LentParts?], _ part: KeyPath<LentParts, Range<Int>?> & Sendable,
        _ decode: @escaping @Sendable (UnsafeRawBufferPointer, Range<Int>, Int) throws -> Value
    ) -> LentValues<Value> {
        guard let storage else { return LentValues() }
        return LentValues(count: parts.count) { index in
            guard let range = parts[index]?[keyPath: part] else { return nil }
            // A page or so is touched even for a small part.
            defer { storage.noteRead(range.count + 4096) }
            return try? decode(storage.bytes, range, index)
        }
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
        let mentionsReused = memo.mentionsReused
        guard let mentions = memo.mentions, mentionsReused.count == articles.count, topics.count == articles.count,
            termCounts.count == articles.count,
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
            if record.isFresh || !countsReused[index] || topics.has(index) || !wordCaseReused[index]
                || record.stampedFile != stamps[articles[index].path] || !mentionsReused[index]
            {
                stale += 1
            }
        }
        stale += abs(count - stored)
        if stale <= toleratedStale ?? Self.toleratedStaleEntries(articles: articles.count) { return false }
        // On a large site, what the stages before freed on their threads is handed back first: the
        // records are made on other threads, which could not reuse it.
        FreedMemory.release(siteBytes: loaded.site.byteCount)
        let fingerprint = memo.indexFingerprint
        // Made a batch at a time, on all cores, and written before the next batch is made.
        let record = { @Sendable (index: Int) -> Record? in
            let article = articles[index]
            guard let record = cacheRecords[index] else { return nil }
            guard let parse = record.isFresh ? loaded.freshParse(index) : self.rawParse(of: record.hash),
                parse.count > 0
            else { return nil }
            let stamped = record.stampedFile.map { (path: article.path, file: $0) }
            // What this run took whole from the cache is copied as it was stored.
            if linksReused, !record.isFresh, countsReused[index], !topics.has(index), wordCaseReused[index],
                mentionsReused[index], let raw = self.rawDerived(of: record.hash, path: article.path)
            {
                return Record(hash: record.hash, parse: parse, derived: raw, stamped: stamped)
            }
            // Counts, topics and tallies taken from the cache are copied from it as stored (they were
            // decoded only while used); what this run made was encoded when made.
            let stored =
                countsReused[index] || topicsReused[index] || wordCaseReused[index]
                ? self.derivedEntry(of: record.hash, path: article.path) : nil
            func storedSection(_ part: KeyPath<DerivedContent.Sections, Range<Int>?>) -> RecordBytes? {
                guard let storage = self.storage, let (range, sections) = stored, let section = sections[keyPath: part]
                else { return nil }
                return .stored(storage, (range.lowerBound + section.lowerBound)..<(range.lowerBound + section.upperBound))
            }
            let derived = DerivedContent.assemble(
                path: article.path, title: article.title,
                sections: [
                    termCounts.part(index) ?? (countsReused[index] ? storedSection(\.termCounts) : nil),
                    topics.part(index) ?? (topicsReused[index] ? storedSection(\.topics) : nil),
                    .made(DerivedContent.encoded(mentions: mentions[index])[...]),
                    wordCase.part(index) ?? (wordCaseReused[index] ? storedSection(\.wordCase) : nil),
                    .made(DerivedContent.encoded(resolutions: outgoing[index].map(\.resolution))[...]),
                ])
            return Record(hash: record.hash, parse: parse, derived: .made(derived[...]), stamped: stamped)
        }
        return Self.write(
            root: root, toolVersion: toolVersion, context: context, indexFingerprint: fingerprint,
            wordCaseFingerprint: memo.wordCaseFingerprint, linkFingerprint: linkFingerprint, count: articles.count,
            batch: Self.writeBatch
        ) { range in range.parallelMap(record) }
    }

    /// How many articles' records are made before they are written: enough to keep both cores busy,
    /// few enough that a batch is a few megabytes.
    static let writeBatch = 2048
}
