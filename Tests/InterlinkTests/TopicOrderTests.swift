@testable import Interlink
import Testing

/// A target's topics are deduplicated by identity and ordered by `KeywordIndex.orderString`; the fast
/// path compares that string segment by segment without making it. Both must give what the strings give.
@Suite struct TopicOrderTests {
    static let keyPool = ["go", "gopher", "g", "go's", "x1", "zeta", "café", "a", "ab", "abc", "z"]
    static let fragmentPool: [String?] = [nil, "", "a", "ab", "a b", "a|b", "go", "go-x", "é", "z~"]
    static let sources: [Topic.Source] = [.title, .titlePart, .alias, .heading, .learned, .codeName, .fileName]

    static func randomTopics(count: Int, seed: inout UInt64) -> [Topic] {
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        return (0..<count).map { _ in
            var keys = (0..<(1 + next(3))).map { _ in keyPool[next(keyPool.count)] }
            let source = sources[next(sources.count)]
            // A code name's one key is its phrase, as the index makes them (so that two topics of one
            // target never tie in the order: equal keys, fragment and source mean one identity).
            let phrase = source == .codeName ? ["useState", "use_state", "ref"][next(3)] : keys.joined(separator: " ")
            if source == .codeName { keys = [phrase] }
            return Topic(
                phrase: phrase,
                keys: keys, target: 0, source: source, fragment: fragmentPool[next(fragmentPool.count)],
                caseSensitive: false, weight: [0.5, 0.8, 1.0][next(3)])
        }
    }

    /// `unique` as it was written with strings: identity and order strings made for every topic.
    static func referenceUnique(_ own: [Topic], learned: [Topic]) -> [Topic] {
        func identity(_ topic: Topic) -> String {
            topic.source == .codeName ? "code:" + CodeName.key(topic.phrase) : topic.keys.joined(separator: " ")
        }
        var best: [String: Topic] = [:]
        for topic in own {
            if let existing = best[identity(topic)], existing.weight >= topic.weight { continue }
            best[identity(topic)] = topic
        }
        for topic in learned where best[identity(topic)] == nil { best[identity(topic)] = topic }
        return best.values.sorted { KeywordIndex.orderString($0) < KeywordIndex.orderString($1) }
    }

    @Test func theFastOrderIsTheOrderOfTheStrings() {
        var seed: UInt64 = 7
        let topics = Self.randomTopics(count: 300, seed: &seed)
        for a in topics {
            for b in topics {
                let fast = KeywordIndex.orderPrecedes(a, KeywordIndex.isASCIIOrder(a), b, KeywordIndex.isASCIIOrder(b))
                #expect(
                    fast == (KeywordIndex.orderString(a) < KeywordIndex.orderString(b)),
                    "\(KeywordIndex.orderString(a)) vs \(KeywordIndex.orderString(b))")
            }
        }
    }

    /// Small lists (found again by a scan) and large ones (by a table) alike, the weights kept included.
    @Test(arguments: [(12, 6), (3, 0), (0, 2), (1, 1), (30, 2), (40, 20), (120, 60)])
    func uniqueKeepsWhatTheStringsKept(own ownCount: Int, learned learnedCount: Int) {
        var seed: UInt64 = 11
        for _ in 0..<200 {
            let own = Self.randomTopics(count: ownCount, seed: &seed)
            let learned = Self.randomTopics(count: learnedCount, seed: &seed).map { topic -> Topic in
                var topic = topic
                if topic.source != .codeName { topic.source = .learned }
                return topic
            }
            let fast = KeywordIndex.unique(own, learned: learned)
            let reference = Self.referenceUnique(own, learned: learned)
            #expect(fast.map(KeywordIndex.orderString) == reference.map(KeywordIndex.orderString))
            #expect(fast == reference, "phrases and weights too")
        }
    }
}
