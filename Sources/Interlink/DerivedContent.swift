import InterlinkMarkdown

/// What the suggester derived from one file in an earlier run.
///
/// Stored as the path and title, then each part as a length-prefixed section (absent parts as a
/// `false` flag), so that a run decodes each part only in the stage that needs it (`Sections`).
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

    /// Where each stored part lies in the derived bytes (nil: not stored).
    struct Sections: Sendable {
        var path: String
        var title: String
        var termCounts: Range<Int>?
        var topics: Range<Int>?
        var mentions: Range<Int>?
        var wordCase: Range<Int>?
        var resolutions: Range<Int>?

        /// Reads the path, the title and where the parts lie, stepping over the parts.
        init(_ reader: inout BinaryReader) throws(BinaryReader.Corrupt) {
            path = try reader.string()
            title = try reader.string()
            termCounts = try reader.bool() ? try reader.section() : nil
            topics = try reader.bool() ? try reader.section() : nil
            mentions = try reader.bool() ? try reader.section() : nil
            wordCase = try reader.bool() ? try reader.section() : nil
            resolutions = try reader.bool() ? try reader.section() : nil
            guard reader.isAtEnd else { throw BinaryReader.Corrupt() }
        }
    }

    func encode(into writer: inout BinaryWriter) {
        writer.raw(
            Self.assemble(
                path: path, title: title,
                sections: [
                    termCounts.map { .made(Self.encoded(termCounts: $0)[...]) },
                    topics.map { .made(Self.encoded(topics: $0)[...]) },
                    mentions.map { .made(Self.encoded(mentions: $0)[...]) },
                    wordCase.map { .made(Self.encoded(wordCase: $0)[...]) },
                    resolutions.map { .made(Self.encoded(resolutions: $0)[...]) },
                ]))
    }

    /// A derived part from its path, title and the bytes of its five sections in stored order (word
    /// counts, topics, mentions, word case, resolutions; nil where absent), each made by the matching
    /// `encoded` function or copied from a stored part.
    static func assemble(path: String, title: String, sections: [ArticleCache.RecordBytes?]) -> [UInt8] {
        precondition(sections.count == 5, "a derived part has five sections")
        var writer = BinaryWriter()
        writer.string(path)
        writer.string(title)
        for section in sections {
            writer.bool(section != nil)
            guard let section else { continue }
            writer.uint(UInt64(section.count))
            section.withUnsafeBytes { writer.raw($0) }
        }
        return writer.bytes
    }

    static func encoded(termCounts: Relatedness.TermCounts) -> [UInt8] {
        var writer = BinaryWriter()
        writer.uint(UInt64(termCounts.count))
        for (hash, count) in termCounts {
            writer.fixed64(hash)
            writer.int(Int(count))
        }
        return writer.bytes
    }

    static func encoded(topics: [Topic]) -> [UInt8] {
        var writer = BinaryWriter()
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
        return writer.bytes
    }

    static func encoded(mentions: ArticleMentions) -> [UInt8] {
        var writer = BinaryWriter()
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
        return writer.bytes
    }

    static func encoded(wordCase: WordCase.ArticleTally) -> [UInt8] {
        var writer = BinaryWriter()
        writer.uint(UInt64(wordCase.count))
        for entry in wordCase {
            writer.fixed64(entry.hash)
            writer.int(Int(entry.lower))
            writer.int(Int(entry.capitalised))
        }
        return writer.bytes
    }

    static func encoded(resolutions: [LinkResolution]) -> [UInt8] {
        var writer = BinaryWriter()
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
        return writer.bytes
    }

    /// Decodes every stored part. `target` is the article's index in this run's site, `byteCount`
    /// its file's length, which every stored range must fit.
    static func decode(_ reader: inout BinaryReader, target: Int, byteCount: Int) throws(BinaryReader.Corrupt)
        -> DerivedContent
    {
        let bytes = reader.bytes
        let sections = try Sections(&reader)
        return DerivedContent(
            path: sections.path, title: sections.title,
            termCounts: try sections.termCounts.map { range throws(BinaryReader.Corrupt) in
                try termCounts(bytes, range)
            },
            topics: try sections.topics.map { range throws(BinaryReader.Corrupt) in
                try topics(bytes, range, target: target)
            },
            mentions: try sections.mentions.map { range throws(BinaryReader.Corrupt) in
                try mentions(bytes, range, byteCount: byteCount)
            },
            wordCase: try sections.wordCase.map { range throws(BinaryReader.Corrupt) in try wordCase(bytes, range) },
            resolutions: try sections.resolutions.map { range throws(BinaryReader.Corrupt) in
                try resolutions(bytes, range)
            })
    }

    /// Reads a part whole from `range` of `bytes`.
    private static func reading<Value>(
        _ bytes: UnsafeRawBufferPointer, _ range: Range<Int>,
        _ read: (inout BinaryReader) throws(BinaryReader.Corrupt) -> Value
    ) throws(BinaryReader.Corrupt) -> Value {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else { throw BinaryReader.Corrupt() }
        var reader = BinaryReader(UnsafeRawBufferPointer(rebasing: bytes[range]))
        let value = try read(&reader)
        guard reader.isAtEnd else { throw BinaryReader.Corrupt() }
        return value
    }

    static func termCounts(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) throws(BinaryReader.Corrupt)
        -> Relatedness.TermCounts
    {
        try hashOrdered(bytes, range) { (hash, reader: inout BinaryReader) throws(BinaryReader.Corrupt) in
            (hash: hash, count: Int32(try reader.int(atMost: Int(Int32.max))))
        }
    }

    /// A list stored in ascending order of distinct word hashes, as relatedness's counts and
    /// `WordCase.tally(of:words:)` make them and their readers expect (any other order is corrupt):
    /// each entry's hash, then what `entry` reads after it.
    private static func hashOrdered<Entry>(
        _ bytes: UnsafeRawBufferPointer, _ range: Range<Int>,
        _ entry: (UInt64, inout BinaryReader) throws(BinaryReader.Corrupt) -> Entry
    ) throws(BinaryReader.Corrupt) -> [Entry] {
        try reading(bytes, range) { (reader: inout BinaryReader) throws(BinaryReader.Corrupt) in
            var list: [Entry] = []
            let count = try reader.count()
            list.reserveCapacity(count)
            var previous: UInt64? = nil
            for _ in 0..<count {
                let hash = try reader.fixed64()
                if let previous, previous >= hash { throw BinaryReader.Corrupt() }
                previous = hash
                list.append(try entry(hash, &reader))
            }
            return list
        }
    }

    static func topics(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>, target: Int)
        throws(BinaryReader.Corrupt) -> [Topic]
    {
        try reading(bytes, range) { (reader: inout BinaryReader) throws(BinaryReader.Corrupt) in
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
            return list
        }
    }

    static func mentions(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>, byteCount: Int)
        throws(BinaryReader.Corrupt) -> ArticleMentions
    {
        try reading(bytes, range) { (reader: inout BinaryReader) throws(BinaryReader.Corrupt) in
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
            return ArticleMentions(prose: lists[0], linkText: lists[1])
        }
    }

    static func wordCase(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) throws(BinaryReader.Corrupt)
        -> WordCase.ArticleTally
    {
        try hashOrdered(bytes, range) { (hash, reader: inout BinaryReader) throws(BinaryReader.Corrupt) in
            (hash: hash, lower: Int32(try reader.int(atMost: Int(Int32.max))),
             capitalised: Int32(try reader.int(atMost: Int(Int32.max))))
        }
    }

    static func resolutions(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) throws(BinaryReader.Corrupt)
        -> [LinkResolution]
    {
        try reading(bytes, range) { (reader: inout BinaryReader) throws(BinaryReader.Corrupt) in
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
            return list
        }
    }
}
