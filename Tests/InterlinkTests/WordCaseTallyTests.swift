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
}
