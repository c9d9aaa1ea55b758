/// In how many articles each phrase is mentioned (linked mentions included), for the specificity of
/// a candidate. Phrases are numbered once, by their key string (`Suggester.phraseKey`), and each topic
/// remembers its number, so counting and looking up a mention costs an array read instead of
/// joining its words into a string and hashing it.
struct PhraseFrequency: Sendable {
    /// Phrase key → number.
    private var numbers: [String: Int32] = [:]
    /// Per topic of the index, the number of its phrase as a prose mention and as a code mention
    /// (-1 until a mention of it is counted).
    private var plain: [Int32]
    private var code: [Int32]
    /// Per phrase number, the articles that mention it.
    private var articles: [Int] = []

    /// Counts the phrases of `found` (per article, each phrase once), for an index of `topicCount`
    /// topics; `key` gives a mention's phrase key.
    init(found: [ArticleMentions], topicCount: Int, key: (Mention) -> String) {
        plain = Array(repeating: -1, count: topicCount)
        code = Array(repeating: -1, count: topicCount)
        var seen: Set<Int32> = []
        for entry in found {
            seen.removeAll(keepingCapacity: true)
            // Linked mentions count too: linking a phrase does not make it rarer.
            for mention in entry.prose { seen.insert(number(of: mention, key: key)) }
            for mention in entry.linkText { seen.insert(number(of: mention, key: key)) }
            for number in seen { articles[Int(number)] += 1 }
        }
    }

    /// The number of a mention's phrase, given one if it has none yet.
    private mutating func number(of mention: Mention, key: (Mention) -> String) -> Int32 {
        let topic = Int(mention.topics[0])
        let known = mention.isCode ? code[topic] : plain[topic]
        if known >= 0 { return known }
        let phrase = key(mention)
        let number: Int32
        if let existing = numbers[phrase] {
            number = existing
        } else {
            number = Int32(articles.count)
            numbers[phrase] = number
            articles.append(0)
        }
        if mention.isCode { code[topic] = number } else { plain[topic] = number }
        return number
    }

    /// The number of articles mentioning the phrase of `mention`, nil when none does.
    func articles(mentioning mention: Mention, key: (Mention) -> String) -> Int? {
        let topic = Int(mention.topics[0])
        let known = mention.isCode ? code[topic] : plain[topic]
        if known >= 0 { return articles[Int(known)] }
        return numbers[key(mention)].map { articles[Int($0)] }
    }

    /// The number of articles mentioning `phrase`, the plain phrase key of topic `topic`; nil when
    /// none does.
    func articles(mentioningTopic topic: Int, phrase: () -> String) -> Int? {
        let known = plain[topic]
        if known >= 0 { return articles[Int(known)] }
        return numbers[phrase()].map { articles[Int($0)] }
    }
}
