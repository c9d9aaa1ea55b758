import Foundation

/// How much two articles are about the same things: cosine similarity of TF-IDF word vectors built
/// from their prose, title and headings.
public struct Relatedness: Sendable {
    /// One article's word counts: (word hash, count), sorted by word hash.
    public typealias TermCounts = [(hash: UInt64, count: Int32)]

    /// Sparse unit vectors, one per article, all in flat arrays (one allocation each instead of one per
    /// article): article `a`'s word ids are `[vectorStarts[a]..<vectorStarts[a + 1]]` of the id array,
    /// sorted, and its weights the same slice of `weights`. Word ids number the site's distinct word
    /// hashes in ascending order, so the order is that of the hashes. The ids are kept in 16 bits
    /// (`narrowIDs`) when the site has at most 65,536 distinct words, else in 32 (`wideIDs`); the
    /// other array is empty.
    let narrowIDs: [UInt16]
    let wideIDs: [UInt32]
    let weights: [Float]
    let vectorStarts: [Int]

    /// Builds the vectors for every article of `site`, on all cores.
    public init(site: Site, tokenizer: Tokenizer) {
        let stopwords = Self.stopwordHashes
        self.init(counts: site.articles.parallelMap { Self.termCounts(of: $0, tokenizer: tokenizer, stopwords: stopwords) })
    }

    static let stopwordHashes = WordHashSet(Vocabulary.stopwords.map { Tokenizer.hash($0) })

    /// The words an article is about: its prose and link texts once, its title three times, its headings.
    public static func termCounts(of article: Article, tokenizer: Tokenizer) -> TermCounts {
        termCounts(of: article, tokenizer: tokenizer, stopwords: stopwordHashes)
    }

    static func termCounts(of article: Article, tokenizer: Tokenizer, stopwords: WordHashSet) -> TermCounts {
        var tally = WordHashCounts(capacity: 512)
        func add(_ bytes: [UInt8], _ range: Range<Int>, times: Int32) {
            var words = tokenizer.wordHashes(bytes, in: range)
            while let word = words.next() {
                guard word.length > 1, !stopwords.contains(word.hash) else { continue }
                tally.add(word.hash, times)
            }
        }
        for span in article.document.spans { add(article.bytes, span.range, times: 1) }
        for range in article.linkTextRanges { add(article.bytes, range, times: 1) }
        let title = Array(article.title.utf8)
        add(title, 0..<title.count, times: 3)
        for heading in article.document.headings {
            let text = Array(heading.text.utf8)
            add(text, 0..<text.count, times: 1)
        }
        return tally.sortedEntries()
    }

    /// Builds the vectors from every article's word counts (parallel to `Site.articles`).
    public init(counts: [TermCounts]) {
        // Document frequency and word ids, in shards by the hash's top bits: each shard is a contiguous
        // run of every (sorted) count list, so the shards are counted on all cores without sharing.
        let shardCount = 1 << Self.shardBits
        let shift = UInt64(64 - Self.shardBits)
        // Where each shard's run starts in each list (`shardCount + 1` per list), found in one pass per
        // list: each shard's worker then goes straight to its runs (a binary search per list and shard
        // was a cache miss per step).
        let stride = shardCount + 1
        var bounds = [UInt32](repeating: 0, count: counts.count * stride)
        bounds.withUnsafeMutableBufferPointer { buffer in
            let slices = BoundSlices(bounds: buffer)
            _ = counts.indices.parallelMap { article in
                counts[article].withUnsafeBufferPointer { list in
                    let row = article * stride
                    var position = 0
                    for which in 0..<shardCount {
                        slices.bounds[row + which] = UInt32(position)
                        while position < list.count, list[position].hash >> shift == UInt64(which) { position += 1 }
                    }
                    slices.bounds[row + shardCount] = UInt32(position)
                }
                return true
            }
        }
        let runs = bounds
        let shards: [WordTable] = (0..<shardCount).parallelMap { which in
            var frequency = WordTable()
            for article in counts.indices {
                let start = Int(runs[article * stride + which])
                let end = Int(runs[article * stride + which + 1])
                guard start < end else { continue }
                counts[article].withUnsafeBufferPointer { list in
                    for position in start..<end { frequency.count(list[position].hash) }
                }
            }
            return frequency
        }
        bounds = []
        var nextID: UInt32 = 0
        var numbered: [WordTable] = []
        numbered.reserveCapacity(shardCount)
        for var table in shards {
            table.number(from: &nextID)
            numbered.append(table)
        }
        let total = Double(max(counts.count, 1))
        let words = Words(numbered, total: total)
        numbered = []
        var starts = [Int](repeating: 0, count: counts.count + 1)
        for (article, list) in counts.enumerated() { starts[article + 1] = starts[article] + list.count }
        if nextID <= UInt32(UInt16.max) + 1 {
            (narrowIDs, weights) = Self.vectors(counts: counts, words: words, starts: starts, as: UInt16.self)
            wideIDs = []
        } else {
            (wideIDs, weights) = Self.vectors(counts: counts, words: words, starts: starts, as: UInt32.self)
            narrowIDs = []
        }
        vectorStarts = starts
    }

    /// The vectors' word ids (as `ID`) and weights, each article's slice written on its own, on all cores.
    private static func vectors<ID: FixedWidthInteger & UnsignedInteger & Sendable>(
        counts: [TermCounts], words: Words, starts: [Int], as _: ID.Type
    ) -> ([ID], [Float]) {
        let entryCount = starts[counts.count]
        var ids = [ID](repeating: 0, count: entryCount)
        var values = [Float](repeating: 0, count: entryCount)
        // `1 + log(count)` for the small counts nearly every word has, worked out once (the same values).
        let countWeights = (0..<64).map { 1 + log(Double($0)) }
        ids.withUnsafeMutableBufferPointer { idBuffer in
            values.withUnsafeMutableBufferPointer { weightBuffer in
                let slices = VectorSlices(ids: idBuffer, weights: weightBuffer)
                _ = counts.indices.parallelMap { article in
                    let base = starts[article]
                    var sum: Float = 0
                    counts[article].withUnsafeBufferPointer { list in
                        for offset in 0..<list.count {
                            let (hash, count) = list[offset]
                            let slot = words.slot(of: hash)
                            let countWeight =
                                count >= 0 && Int(count) < countWeights.count
                                ? countWeights[Int(count)] : 1 + log(Double(count))
                            let weight = Float(countWeight * words.inverseFrequencies[slot])
                            slices.ids[base + offset] = ID(words.ids[slot])
                            slices.weights[base + offset] = weight
                            sum += weight * weight
                        }
                    }
                    let norm = sqrt(sum)
                    if norm > 0 {
                        for index in base..<(base + counts[article].count) { slices.weights[index] /= norm }
                    }
                    return true
                }
            }
        }
        return (ids, values)
    }

    /// Every shard's `WordTable` in flat arrays (no table copied out of an array per word looked up),
    /// with each word's inverse document frequency, `log((total + 1) / frequency)`, worked out once.
    struct Words: Sendable {
        let keys: [UInt64]
        let frequencies: [Int32]
        let ids: [UInt32]
        let inverseFrequencies: [Double]
        /// Where each shard's slots start, and its slot mask.
        let offsets: [Int]
        let masks: [Int]

        init(_ tables: [WordTable], total: Double) {
            var keys: [UInt64] = []
            var frequencies: [Int32] = []
            var ids: [UInt32] = []
            var offsets: [Int] = []
            var masks: [Int] = []
            for table in tables {
                offsets.append(keys.count)
                masks.append(table.keys.count - 1)
                keys.append(contentsOf: table.keys)
                frequencies.append(contentsOf: table.frequencies)
                ids.append(contentsOf: table.ids)
            }
            self.keys = keys
            self.frequencies = frequencies
            self.ids = ids
            self.offsets = offsets
            self.masks = masks
            inverseFrequencies = frequencies.map { $0 > 0 ? log((total + 1) / Double($0)) : 0 }
        }

        /// The slot of a counted word.
        @inline(__always)
        func slot(of hash: UInt64) -> Int {
            let shard = Int(hash >> UInt64(64 - Relatedness.shardBits))
            let offset = offsets[shard]
            let mask = masks[shard]
            var slot = wordHashHome(hash, mask: mask)
            while keys[offset + slot] != hash || frequencies[offset + slot] == 0 { slot = (slot + 1) & mask }
            return offset + slot
        }
    }

    /// The shard bounds' storage while they are found, each article's row by one worker.
    private struct BoundSlices: @unchecked Sendable {
        let bounds: UnsafeMutableBufferPointer<UInt32>
    }

    /// The flat arrays' storage while the vectors are written, each article's slice by one worker.
    private struct VectorSlices<ID>: @unchecked Sendable {
        let ids: UnsafeMutableBufferPointer<ID>
        let weights: UnsafeMutableBufferPointer<Float>
    }

    /// One shard's words: document frequency (`WordHashCounts`) and, once numbered, word id per word hash.
    struct WordTable: Sendable {
        private(set) var counted = WordHashCounts(capacity: 179)
        private(set) var ids: [UInt32] = []
        var keys: [UInt64] { counted.keys }
        /// 0 marks an empty slot: every counted word has a frequency of at least 1.
        var frequencies: [Int32] { counted.counts }

        /// Adds one article to the document frequency of `hash`.
        mutating func count(_ hash: UInt64) { counted.add(hash) }

        /// Numbers the words in ascending hash order from `next`, which ends past the last.
        mutating func number(from next: inout UInt32) {
            ids = [UInt32](repeating: 0, count: counted.keys.count)
            for slot in counted.usedSlots.sorted(by: { counted.keys[$0] < counted.keys[$1] }) {
                ids[slot] = next
                next += 1
            }
        }
    }

    /// The shards of the document-frequency count: 8, a few per core. Every shard's worker reads every
    /// article's list (a reference-count round trip each, a cache miss on a large site): with 32 the
    /// stage took 10 % more time at 100,000 articles, with the same result (ids are numbered in hash
    /// order whatever the shards).
    static let shardBits = 3

    /// Cosine similarity of two articles, 0…1.
    public func similarity(_ first: Int, _ second: Int) -> Double {
        wideIDs.isEmpty
            ? narrowIDs.withUnsafeBufferPointer { dot(first, second, ids: $0) }
            : wideIDs.withUnsafeBufferPointer { dot(first, second, ids: $0) }
    }

    /// The dot product of two articles' unit vectors, summed in word order.
    @inline(__always)
    private func dot<ID: FixedWidthInteger>(_ first: Int, _ second: Int, ids: UnsafeBufferPointer<ID>) -> Double {
        weights.withUnsafeBufferPointer { weights in
            var i = vectorStarts[first]
            let iEnd = vectorStarts[first + 1]
            var j = vectorStarts[second]
            let jEnd = vectorStarts[second + 1]
            var sum: Float = 0
            while i < iEnd, j < jEnd {
                let left = ids[i]
                let right = ids[j]
                if left == right {
                    sum += weights[i] * weights[j]
                    i += 1
                    j += 1
                } else if left < right {
                    i += 1
                } else {
                    j += 1
                }
            }
            return Double(sum)
        }
    }
}
