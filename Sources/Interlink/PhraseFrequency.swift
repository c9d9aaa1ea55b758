/// In how many articles each phrase is mentioned (linked mentions included), for the specificity of
/// a candidate; on a site with translations, in how many articles of each language (`SiteLanguages`),
/// so that a phrase its translations repeat is as specific as on a site of one language. Phrases are
/// numbered once, by their key string (`Suggester.phraseKey`), and each topic remembers its number, so
/// counting and looking up a mention costs an array read instead of joining its words into a string
/// and hashing it.
struct PhraseFrequency: Sendable {
    /// Phrase key → number.
    private var numbers: [String: Int32] = [:]
    /// Per topic of the index, the number of its phrase as a prose mention and as a code mention
    /// (-1 until a mention of it is counted).
    private var plain: [Int32]
    private var code: [Int32]
    /// How many languages are counted apart (1 on a site of one language).
    private let languageCount: Int
    /// Per phrase number and language (`number * languageCount + language`), the articles that mention it.
    private var articles: [Int] = []

    /// Counts the phrases of `found` (per article, each phrase once), for an index of `topicCount`
    /// topics; `key` gives a mention's phrase key; each article's mentions count for its language.
    init(found: [ArticleMentions], topicCount: Int, languages: SiteLanguages = .single, key: (Mention) -> String) {
        plain = Array(repeating: -1, count: topicCount)
        code = Array(repeating: -1, count: topicCount)
        languageCount = languages.count
        // Per phrase number, the last article that counted it: each article counts a phrase once.
        var lastCounted: [Int] = []
        for (article, entry) in found.enumerated() {
            let language = languages.number(of: article)
            // Linked mentions count too: linking a phrase does not make it rarer.
            for mention in entry.prose {
                count(mention, in: article, language: language, lastCounted: &lastCounted, key: key)
            }
            for mention in entry.linkText {
                count(mention, in: article, language: language, lastCounted: &lastCounted, key: key)
            }
        }
    }

    /// Counts `article` for the phrase of `mention` unless it was counted for it already.
    private mutating func count(
        _ mention: Mention, in article: Int, language: Int, lastCounted: inout [Int], key: (Mention) -> String
    ) {
        let number = Int(number(of: mention, key: key))
        if number == lastCounted.count { lastCounted.append(-1) }
        if lastCounted[number] != article {
            lastCounted[number] = article
            articles[number * languageCount + language] += 1
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
            number = Int32(numbers.count)
            numbers[phrase] = number
            articles.append(contentsOf: repeatElement(0, count: languageCount))
        }
        if mention.isCode { code[topic] = number } else { plain[topic] = number }
        return number
    }

    /// The number of articles (of language number `language`) mentioning the phrase of `mention`, when
    /// a mention of the same topic was counted (every mention counted was); nil otherwise: then
    /// `articles(mentioningKey:)` answers.
    func knownArticles(mentioning mention: Mention, language: Int = 0) -> Int? {
        let topic = Int(mention.topics[0])
        let known = mention.isCode ? code[topic] : plain[topic]
        return known >= 0 ? articles[Int(known) * languageCount + language] : nil
    }

    /// The number of articles (of language number `language`) mentioning the phrase of topic `topic` in
    /// prose, when a mention of it was counted; nil otherwise: then `articles(mentioningKey:)` answers.
    func knownArticles(mentioningTopic topic: Int, language: Int = 0) -> Int? {
        let known = plain[topic]
        return known >= 0 ? articles[Int(known) * languageCount + language] : nil
    }

    /// The number of articles (of language number `language`) mentioning the phrase whose key is `key`,
    /// nil when no article of any language does.
    func articles(mentioningKey key: String, language: Int = 0) -> Int? {
        numbers[key].map { articles[Int($0) * languageCount + language] }
    }
}
