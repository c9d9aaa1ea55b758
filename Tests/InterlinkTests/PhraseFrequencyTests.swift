import Testing

@testable import Interlink

/// In how many articles each phrase is mentioned: counted on all cores in chunks of articles, it must
/// give what one plain count over every article gives.
@Suite struct PhraseFrequencyTests {
    /// A mention of `topic` (its first topic; `others` after it), in code or not.
    static func mention(_ topic: Int32, others: [Int32] = [], code: Bool = false) -> Mention {
        Mention(range: 0..<1, topics: [topic] + others, isCode: code, block: 0, context: .paragraph, wordCount: 1)
    }

    /// Topic `topic`'s phrase key: topics 0–9 share phrases in pairs ("phrase 0" for topics 0 and 1),
    /// and a code mention has a key of its own.
    static func key(_ topic: Int, _ isCode: Bool) -> String {
        (isCode ? "code:" : "") + "phrase \(topic / 2)"
    }

    /// The count the frequency must give: per key, the articles with a mention (prose or link text) of it.
    static func plainCount(_ found: [ArticleMentions]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for entry in found {
            let keys = Set((entry.prose + entry.linkText).map { key(Int($0.topics[0]), $0.isCode) })
            for phrase in keys { counts[phrase, default: 0] += 1 }
        }
        return counts
    }

    @Test func countsEachArticleOncePerPhraseWithLinkTextAndSharedKeys() {
        let found = [
            // Topics 0 and 1 share "phrase 0": the article counts once for it.
            ArticleMentions(prose: [Self.mention(0), Self.mention(1), Self.mention(0)], linkText: []),
            // Only in link text: counts too.
            ArticleMentions(prose: [], linkText: [Self.mention(1)]),
            // A code mention of topic 0 is another phrase than its prose mention.
            ArticleMentions(prose: [Self.mention(0, code: true)], linkText: []),
            ArticleMentions(prose: [], linkText: []),
        ]
        let frequency = PhraseFrequency(found: found, topicCount: 4, key: Self.key)
        #expect(frequency.knownArticles(mentioning: Self.mention(0)) == 2)
        #expect(frequency.knownArticles(mentioning: Self.mention(1)) == 2)
        #expect(frequency.knownArticles(mentioning: Self.mention(0, code: true)) == 1)
        #expect(frequency.knownArticles(mentioningTopic: 1) == 2)
        // Topic 2 is never mentioned: not known by topic, nor by its key.
        #expect(frequency.knownArticles(mentioning: Self.mention(2)) == nil)
        #expect(frequency.articles(mentioningKey: "phrase 1") == nil)
        #expect(frequency.articles(mentioningKey: "phrase 0") == 2)
        #expect(frequency.articles(mentioningKey: "code:phrase 0") == 1)
    }

    /// Many articles (more than one chunk each), mentions drawn at random: the same counts as one plain
    /// count, for every topic and key, prose and code.
    @Test func chunkedCountEqualsPlainCount() {
        var generator = SplitMix(seed: 7)
        let topicCount = 40
        let found = (0..<997).map { _ -> ArticleMentions in
            func draw() -> [Mention] {
                (0..<Int(generator.next() % 6)).map { _ in
                    Self.mention(
                        Int32(generator.next() % UInt64(topicCount)), others: [Int32(generator.next() % 40)],
                        code: generator.next() % 5 == 0)
                }
            }
            return ArticleMentions(prose: draw(), linkText: draw())
        }
        let frequency = PhraseFrequency(found: found, topicCount: topicCount, key: Self.key)
        let expected = Self.plainCount(found)
        #expect(expected.count > 20)
        for topic in 0..<topicCount {
            for code in [false, true] {
                let phrase = Self.key(topic, code)
                #expect(frequency.knownArticles(mentioning: Self.mention(Int32(topic), code: code)) == expected[phrase])
                #expect(frequency.articles(mentioningKey: phrase) == expected[phrase])
            }
        }
    }
}
