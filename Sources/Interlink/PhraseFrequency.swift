/// In how many articles each phrase is mentioned (linked mentions included), for the specificity of
/// a candidate; on a site with translations, in how many articles of each language (`SiteLanguages`),
/// so that a phrase its translations repeat is as specific as on a site of one language. Phrases are
/// numbered once, by their key string (`Suggester.phraseKey`), and each topic remembers its phrase's
/// count, so looking up a mention costs one array read instead of joining its words into a string and
/// hashing it (and instead of two: on a large site each read is a cache miss, and the policy makes one
/// per candidate).
struct PhraseFrequency: Sendable {
    /// Phrase key → number.
    private let numbers: [String: Int32]
    /// Per topic of the index, as a prose mention and as a code mention (`pair`), and language
    /// (`pair * languageCount + language`): the articles that mention its phrase, or -1 when no mention
    /// of it was counted.
    private let pairArticles: [Int32]
    /// How many languages are counted apart (1 on a site of one language).
    private let languageCount: Int
    /// Per phrase number and language (`number * languageCount + language`), the articles that mention it.
    private let articles: [Int]

    /// Counts the phrases of `found` (per article, each phrase once), for an index of `topicCount`
    /// topics; `key` gives the phrase key of a mention of a topic (in code or not); each article's
    /// mentions count for its language.
    ///
    /// On all cores, in three steps: which topics are mentioned (one bit per topic and kind, per chunk
    /// of articles), their phrases numbered (the keys made on all cores, numbered in topic order), and
    /// the articles counted per chunk and summed. At 100,000 articles the one loop this replaced was a
    /// tenth of the matching stage, on one core.
    init(
        found: [ArticleMentions], topicCount: Int, languages: SiteLanguages = .single,
        key: @Sendable (_ topic: Int, _ isCode: Bool) -> String
    ) {
        let languageCount = languages.count
        self.languageCount = languageCount
        let chunks = Self.chunks(articleCount: found.count)
        // One bit per pair (`pair(topic:isCode:)`): a topic as a prose mention and as a code mention.
        let words = (2 * topicCount + 63) / 64
        let seenPerChunk = chunks.parallelMap { chunk -> [UInt64] in
            var seen = [UInt64](repeating: 0, count: words)
            for article in chunk {
                Self.forEachPair(in: found[article]) { pair in seen[pair >> 6] |= 1 << UInt64(pair & 63) }
            }
            return seen
        }
        var pairs: [Int] = []
        for word in 0..<words {
            var bits = seenPerChunk.reduce(0) { $0 | $1[word] }
            while bits != 0 {
                pairs.append(word << 6 + bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
        // Each pair's key, from its topic and kind (`pair(topic:isCode:)` undone).
        let keys = pairs.parallelMap { key($0 >> 1, $0 & 1 == 1) }
        var numbers: [String: Int32] = [:]
        numbers.reserveCapacity(pairs.count)
        // Per pair number, its phrase number (pairs of one phrase share it).
        var numberOfPair = [Int32](repeating: -1, count: 2 * topicCount)
        for (pair, phrase) in zip(pairs, keys) {
            let number: Int32
            if let existing = numbers[phrase] {
                number = existing
            } else {
                number = Int32(numbers.count)
                numbers[phrase] = number
            }
            numberOfPair[pair] = number
        }
        let phraseCount = numbers.count
        let phraseOfPair = numberOfPair
        let counted = chunks.parallelMap { chunk -> [Int32] in
            var counts = [Int32](repeating: 0, count: phraseCount * languageCount)
            // Per phrase, the last article that counted it: each article counts a phrase once.
            var lastCounted = [Int32](repeating: -1, count: phraseCount)
            for article in chunk {
                let language = languages.number(of: article)
                Self.forEachPair(in: found[article]) { pair in
                    let number = Int(phraseOfPair[pair])
                    if lastCounted[number] != Int32(article) {
                        lastCounted[number] = Int32(article)
                        counts[number * languageCount + language] += 1
                    }
                }
            }
            return counts
        }
        var articles = [Int](repeating: 0, count: phraseCount * languageCount)
        for counts in counted {
            for index in articles.indices { articles[index] += Int(counts[index]) }
        }
        var pairArticles = [Int32](repeating: -1, count: 2 * topicCount * languageCount)
        for pair in pairs {
            let number = Int(numberOfPair[pair])
            for language in 0..<languageCount {
                pairArticles[pair * languageCount + language] = Int32(articles[number * languageCount + language])
            }
        }
        self.numbers = numbers
        self.pairArticles = pairArticles
        self.articles = articles
    }

    /// The article ranges counted apart: a few per core, so that a chunk of long articles does not
    /// hold up the others.
    private static func chunks(articleCount: Int) -> [Range<Int>] {
        let count = Swift.max(1, Swift.min(articleCount, 4))
        return (0..<count).map { (articleCount * $0 / count)..<(articleCount * ($0 + 1) / count) }
    }

    /// The pair number of a topic as a prose mention or as a code mention: the topic's number twice,
    /// plus one for code.
    private static func pair(topic: Int, isCode: Bool) -> Int {
        topic << 1 | (isCode ? 1 : 0)
    }

    /// The pair number of a mention: its first topic's (`pair(topic:isCode:)`).
    private static func pair(of mention: Mention) -> Int {
        pair(topic: Int(mention.topics[0]), isCode: mention.isCode)
    }

    /// Calls `body` with the pair number (`pair(of:)`) of each mention of `entry`, prose and link text
    /// (linked mentions count too: linking a phrase does not make it rarer).
    private static func forEachPair(in entry: ArticleMentions, _ body: (Int) -> Void) {
        func visit(_ mentions: UnsafeBufferPointer<Mention>) {
            for index in mentions.indices {
                body(pair(of: mentions[index]))
            }
        }
        entry.prose.withUnsafeBufferPointer(visit)
        entry.linkText.withUnsafeBufferPointer(visit)
    }

    /// The number of articles (of language number `language`) mentioning the phrase of `mention`, when
    /// a mention of the same topic was counted (every mention counted was); nil otherwise: then
    /// `articles(mentioningKey:)` answers.
    func knownArticles(mentioning mention: Mention, language: Int = 0) -> Int? {
        let known = pairArticles[Self.pair(of: mention) * languageCount + language]
        return known >= 0 ? Int(known) : nil
    }

    /// The number of articles (of language number `language`) mentioning the phrase of topic `topic` in
    /// prose, when a mention of it was counted; nil otherwise: then `articles(mentioningKey:)` answers.
    func knownArticles(mentioningTopic topic: Int, language: Int = 0) -> Int? {
        let known = pairArticles[Self.pair(topic: topic, isCode: false) * languageCount + language]
        return known >= 0 ? Int(known) : nil
    }

    /// The number of articles (of language number `language`) mentioning the phrase whose key is `key`,
    /// nil when no article of any language does.
    func articles(mentioningKey key: String, language: Int = 0) -> Int? {
        numbers[key].map { articles[Int($0) * languageCount + language] }
    }
}
