/// How a site writes each word: how often in lower case and how often capitalised. A writer who
/// capitalises a word the site usually writes in lower case ("see Typing Component Props") is
/// quoting a name, such as the title of a page or a section, not using the word as a term.
/// Measured on the site itself, so proper nouns (always capitalised) and languages that capitalise
/// every noun never count as quoting.
///
/// Words are compared as written (ASCII letters folded to lower case, no stemming), and only the
/// words of topics that can be cited (titles, aliases, headings) are counted, in one light byte scan
/// of the prose: no tokenizer pass. A word that starts with a non-ASCII letter is never counted, so
/// such a word is never evidence of a citation.
public struct WordCase: Sendable {
    struct Tally: Sendable {
        var lower: Int32 = 0
        var capitalised: Int32 = 0
    }

    /// One article's share of the counts: for each counted word it writes (by surface hash, in hash
    /// order), how often in lower case and how often capitalised. Depends only on the article's bytes
    /// and parse and on the set of counted words, so the on-disk cache keeps it (`ArticleCache`).
    public typealias ArticleTally = [(hash: UInt64, lower: Int32, capitalised: Int32)]

    /// Surface hash (`surfaceHash`) → how the site writes the word.
    let tally: Table

    /// Counts, in the prose and link texts of `site`, the words of `phrases`.
    public init(site: Site, phrases: [String]) {
        let words = Self.countedWords(phrases)
        self.init(tallies: site.articles.parallelMap { Self.tally(of: $0, words: words) })
    }

    /// The counts of a site from those of its articles.
    public init(tallies: [ArticleTally]) {
        var merged = Table(capacity: tallies.reduce(0) { max($0, $1.count) } * 2)
        for tally in tallies {
            for entry in tally { merged.add(entry.hash, lower: entry.lower, capitalised: entry.capitalised) }
        }
        tally = merged
    }

    /// Surface hash → `Tally`, by open addressing (linear probing): the hashes are hashes already, and a
    /// `Dictionary` would hash each again with SipHash, which cost more than the rest of the merge.
    struct Table: Sendable {
        private var keys: [UInt64]
        private var tallies: [Tally]
        private var used: [Bool]
        private var mask: Int
        private var count = 0

        init(capacity: Int) {
            let slots = wordHashSlots(capacity: capacity)
            keys = [UInt64](repeating: 0, count: slots)
            tallies = [Tally](repeating: Tally(), count: slots)
            used = [Bool](repeating: false, count: slots)
            mask = slots - 1
        }

        /// Adds counts to those of `hash` (wrapping: tallies read from a cache file are not trusted to
        /// stay small).
        mutating func add(_ hash: UInt64, lower: Int32, capitalised: Int32) {
            var slot = wordHashHome(hash, mask: mask)
            while used[slot] {
                if keys[slot] == hash {
                    tallies[slot].lower &+= lower
                    tallies[slot].capitalised &+= capitalised
                    return
                }
                slot = (slot + 1) & mask
            }
            used[slot] = true
            keys[slot] = hash
            tallies[slot] = Tally(lower: lower, capitalised: capitalised)
            count += 1
            if isOverLoaded(count, slots: mask + 1) { grow() }
        }

        /// The counts of `hash`, nil when no article wrote it.
        subscript(hash: UInt64) -> Tally? {
            var slot = wordHashHome(hash, mask: mask)
            while used[slot] {
                if keys[slot] == hash { return tallies[slot] }
                slot = (slot + 1) & mask
            }
            return nil
        }

        private mutating func grow() {
            let old = (keys: keys, tallies: tallies, used: used)
            var bigger = Table(capacity: count * 2)
            for slot in old.used.indices where old.used[slot] {
                bigger.add(old.keys[slot], lower: old.tallies[slot].lower, capitalised: old.tallies[slot].capitalised)
            }
            self = bigger
        }
    }

    /// The words counted for `phrases` (the titles, aliases and headings that can be cited), by surface hash.
    public static func countedWords(_ phrases: [String]) -> WordHashSet {
        var wanted: [UInt64] = []
        for phrase in phrases {
            let bytes = Array(phrase.utf8)
            forEachWord(bytes, in: 0..<bytes.count) { wanted.append(surfaceHash(bytes, $0)) }
        }
        return WordHashSet(wanted)
    }

    /// A hash of a set of counted words: tallies made for sets with the same fingerprint are the same.
    public static func fingerprint(of words: WordHashSet) -> ContentHash {
        var writer = BinaryWriter()
        for word in words.sorted() { writer.fixed64(word) }
        return ContentHash(writer.bytes)
    }

    /// How `article` writes each of `words`, in its prose and link texts.
    public static func tally(of article: Article, words: WordHashSet) -> ArticleTally {
        tally(of: article.bytes, in: article.document.spans.map(\.range) + article.linkTextRanges, words: words)
    }

    /// How the text of `ranges` of `bytes` writes each of `words`.
    static func tally(of bytes: [UInt8], in ranges: [Range<Int>], words: WordHashSet) -> ArticleTally {
        let (lower, capitalised) = bytes.withUnsafeBufferPointer { buffer in
            var lower = WordHashCounts()
            var capitalised = WordHashCounts()
            for range in ranges { count(buffer, range, words, &lower, &capitalised) }
            return (lower, capitalised)
        }
        // Both lists in hash order, merged.
        let lowerEntries = lower.sortedEntries()
        let capitalisedEntries = capitalised.sortedEntries()
        var result: ArticleTally = []
        result.reserveCapacity(lowerEntries.count + capitalisedEntries.count)
        var (next, nextCapitalised) = (0, 0)
        while next < lowerEntries.count || nextCapitalised < capitalisedEntries.count {
            let hash = min(
                next < lowerEntries.count ? lowerEntries[next].hash : .max,
                nextCapitalised < capitalisedEntries.count ? capitalisedEntries[nextCapitalised].hash : .max)
            var entry = (hash: hash, lower: Int32(0), capitalised: Int32(0))
            if next < lowerEntries.count, lowerEntries[next].hash == hash {
                entry.lower = lowerEntries[next].count
                next += 1
            }
            if nextCapitalised < capitalisedEntries.count, capitalisedEntries[nextCapitalised].hash == hash {
                entry.capitalised = capitalisedEntries[nextCapitalised].count
                nextCapitalised += 1
            }
            result.append(entry)
        }
        return result
    }

    /// Counts the words of `buffer[range]` that are among `words` and not `.other`: each word's
    /// `shape` and `surfaceHash` found in the one pass that finds the word (`forEachWord`).
    private static func count(
        _ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ words: WordHashSet,
        _ lower: inout WordHashCounts, _ capitalised: inout WordHashCounts
    ) {
        @inline(__always) func inWord(_ byte: UInt8) -> Bool {
            byte >= 0x80 || (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        }
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            guard inWord(buffer[index]) else {
                index += 1
                continue
            }
            let first = buffer[index]
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            hash ^= UInt64((0x41...0x5A).contains(first) ? first | 0x20 : first)
            hash = hash &* 0x0000_0100_0000_01B3
            // Whether a lower-case letter or a non-ASCII byte follows the first letter (`shape`).
            var lowerFollows = false
            index += 1
            while index < end, inWord(buffer[index]) {
                let byte = buffer[index]
                if (0x61...0x7A).contains(byte) || byte >= 0x80 { lowerFollows = true }
                hash ^= UInt64((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
                hash = hash &* 0x0000_0100_0000_01B3
                index += 1
            }
            if (0x61...0x7A).contains(first) {
                if words.contains(hash) { lower.add(hash) }
            } else if (0x41...0x5A).contains(first), lowerFollows {
                if words.contains(hash) { capitalised.add(hash) }
            }
        }
    }

    /// Whether the site writes the word at `range` of `bytes` in lower case more often than capitalised.
    public func isUsuallyLowercase(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        guard let counts = tally[Self.surfaceHash(bytes, range)] else { return false }
        return counts.lower > counts.capitalised
    }

    enum Shape {
        /// Starts with a lower-case ASCII letter.
        case lower
        /// An upper-case ASCII first letter followed by at least one lower-case letter ("Typing").
        case capitalised
        /// All capitals (`SEO`), digits, or a non-ASCII first letter.
        case other
    }

    /// The shape of the word at `range` of `bytes`.
    static func shape(_ bytes: [UInt8], _ range: Range<Int>) -> Shape {
        guard let first = range.first.map({ bytes[$0] }) else { return .other }
        if (0x61...0x7A).contains(first) { return .lower }
        guard (0x41...0x5A).contains(first) else { return .other }
        for index in range.dropFirst() where (0x61...0x7A).contains(bytes[index]) || bytes[index] >= 0x80 {
            return .capitalised
        }
        return .other
    }

    /// Calls `body` with each word of `bytes[range]`: a run of ASCII letters and digits and of
    /// non-ASCII bytes (so accented letters stay inside their word).
    static func forEachWord(_ bytes: [UInt8], in range: Range<Int>, _ body: (Range<Int>) -> Void) {
        var start: Int? = nil
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            let inWord = byte >= 0x80 || (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte)
                || (0x61...0x7A).contains(byte)
            if inWord {
                if start == nil { start = index }
            } else if let begun = start {
                body(begun..<index)
                start = nil
            }
            index += 1
        }
        if let begun = start { body(begun..<range.upperBound) }
    }

    /// 64-bit FNV-1a of the word with ASCII letters folded to lower case.
    static func surfaceHash(_ bytes: [UInt8], _ range: Range<Int>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in range {
            let byte = bytes[index]
            hash ^= UInt64((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
