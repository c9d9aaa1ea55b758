@testable import Interlink
import Testing

/// `WordCase` counts each word's shape and surface hash in the pass that finds the word: the same
/// counts as finding the words (`forEachWord`) and then reading each one's `shape` and `surfaceHash`.
@Suite struct WordCaseTallyTests {
    static let pieces = ["a", "Go", "GO", "go", "Typing", "typing", "x1", "9", " ", "-", ".", "é", "Émile", "CAFÉ", "cafÉ", "日本", "\n"]

    /// The counts read word by word, as `WordCase.tally` did before its one-pass loop.
    static func referenceTally(_ bytes: [UInt8], _ ranges: [Range<Int>], _ words: WordHashSet) -> [String] {
        var counts: [UInt64: (lower: Int32, capitalised: Int32)] = [:]
        for range in ranges {
            WordCase.forEachWord(bytes, in: range) { word in
                let shape = WordCase.shape(bytes, word)
                let hash = WordCase.surfaceHash(bytes, word)
                guard shape != .other, words.contains(hash) else { return }
                if shape == .lower { counts[hash, default: (0, 0)].lower += 1 } else { counts[hash, default: (0, 0)].capitalised += 1 }
            }
        }
        return counts.keys.sorted().map { "\($0) \(counts[$0]!.lower) \(counts[$0]!.capitalised)" }
    }

    @Test func onePassCountsAsWordByWord() {
        let words = WordCase.countedWords(["Go typing", "Émile", "x1 9", "GO", "CAFÉ"])
        for text in RandomText(pieces: Self.pieces, count: 3_000, maximumPieces: 14, seed: 11) {
            let bytes = Array(text.utf8)
            let middle = bytes.count / 2
            let ranges = [0..<bytes.count, 0..<middle, middle..<bytes.count, min(1, bytes.count)..<bytes.count]
            let counted = WordCase.tally(of: bytes, in: ranges, words: words).map { "\($0.hash) \($0.lower) \($0.capitalised)" }
            #expect(counted == Self.referenceTally(bytes, ranges, words), "\(text.debugDescription)")
        }
    }

    /// The site's counts, merged in an open-addressing table, are the sums a dictionary gives, through
    /// growth, collisions of the home slot (hashes that differ only above the bits it reads) and the
    /// wrapping sums of counts read from a cache.
    @Test func mergedTalliesAreTheSumsOfTheArticles() {
        var generator = SystemRandomNumberGenerator()
        var expected: [UInt64: (lower: Int32, capitalised: Int32)] = [:]
        var tallies: [WordCase.ArticleTally] = []
        for article in 0..<300 {
            var tally: WordCase.ArticleTally = []
            for word in 0..<(article % 40) {
                // Few distinct values in the low bits, so that home slots collide.
                let hash = UInt64(word * 7 + article % 5) << 40 | UInt64(word % 3)
                let lower = Int32.random(in: 0...3, using: &generator)
                let capitalised = article == 7 ? Int32.max : Int32.random(in: 0...2, using: &generator)
                tally.append((hash, lower, capitalised))
                expected[hash, default: (0, 0)].lower &+= lower
                expected[hash, default: (0, 0)].capitalised &+= capitalised
            }
            tallies.append(tally)
        }
        let merged = WordCase(tallies: tallies)
        for (hash, counts) in expected {
            #expect(merged.tally[hash]?.lower == counts.lower)
            #expect(merged.tally[hash]?.capitalised == counts.capitalised)
        }
        #expect(merged.tally[12345] == nil)
        #expect(merged.tally[UInt64.max] == nil)
    }
}
