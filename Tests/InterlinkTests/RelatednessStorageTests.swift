import Testing

@testable import Interlink

/// The relatedness vectors keep their word ids in 16 bits on a site of at most 65,536 distinct words
/// and in 32 bits above; both must give exactly the same similarities.
@Suite struct RelatednessStorageTests {
    /// Two articles sharing some words, and a third whose own words only pad the vocabulary.
    static func counts(padding: Int) -> [Relatedness.TermCounts] {
        func list(_ hashes: [UInt64], count: Int32 = 1) -> Relatedness.TermCounts {
            hashes.sorted().map { (hash: $0, count: count) }
        }
        let shared: [UInt64] = [0x1000_0000_0000_0001, 0x5000_0000_0000_0002, 0xA000_0000_0000_0003]
        let first = list(shared + [0x2000_0000_0000_0004, 0xF000_0000_0000_0005], count: 2)
        let second = list(shared + [0x3000_0000_0000_0006])
        // Padding words spread over the whole hash space, so that their ids fall between the others'.
        let pad = list((0..<padding).map { UInt64($0) &* 0x0001_0000_0000_0001 &+ 7 })
        return [first, second, pad]
    }

    @Test func narrowAndWideIDsGiveTheSameSimilarities() {
        let narrow = Relatedness(counts: Self.counts(padding: 10))
        let wide = Relatedness(counts: Self.counts(padding: 70_000))
        #expect(!narrow.narrowIDs.isEmpty && narrow.wideIDs.isEmpty)
        #expect(wide.narrowIDs.isEmpty && !wide.wideIDs.isEmpty)
        for (first, second) in [(0, 1), (1, 0), (0, 0), (1, 1), (0, 2), (2, 1)] {
            #expect(narrow.similarity(first, second) == wide.similarity(first, second))
        }
        #expect(abs(narrow.similarity(0, 0) - 1) < 1e-6)
        #expect(narrow.similarity(0, 1) > 0 && narrow.similarity(0, 1) < 1)
        #expect(narrow.similarity(0, 2) == 0)
    }

    @Test func articlesWithoutWordsAreUnrelated() {
        let relatedness = Relatedness(counts: [[], [(hash: 1, count: 1)], []])
        #expect(relatedness.similarity(0, 1) == 0)
        #expect(relatedness.similarity(0, 2) == 0)
        #expect(relatedness.similarity(1, 1) > 0.99)
    }

    @Test func similarityIsTheDotProductOfTheStoredVectorsSummedInWordOrder() {
        // Random articles over a small vocabulary, so that they share words in every pattern; the
        // similarity must be, bit for bit, the sum over shared word ids in ascending order.
        var generator = SystemRandomNumberGenerator()
        let vocabulary = (0..<60).map { _ in UInt64.random(in: 1...UInt64.max, using: &generator) }
        let counts: [Relatedness.TermCounts] = (0..<40).map { _ in
            let words = Set((0..<Int.random(in: 0...30, using: &generator)).map { _ in vocabulary.randomElement(using: &generator)! })
            return words.sorted().map { (hash: $0, count: Int32.random(in: 1...5, using: &generator)) }
        }
        let relatedness = Relatedness(counts: counts)
        func vector(_ article: Int) -> [(id: Int, weight: Float)] {
            (relatedness.vectorStarts[article]..<relatedness.vectorStarts[article + 1]).map {
                (Int(relatedness.narrowIDs[$0]), relatedness.weights[$0])
            }
        }
        for first in counts.indices {
            for second in counts.indices {
                let right = Dictionary(uniqueKeysWithValues: vector(second).map { ($0.id, $0.weight) })
                var sum: Float = 0
                for (id, weight) in vector(first).sorted(by: { $0.id < $1.id }) {
                    if let other = right[id] { sum += weight * other }
                }
                #expect(relatedness.similarity(first, second) == Double(sum), "\(first), \(second)")
            }
        }
    }
}
