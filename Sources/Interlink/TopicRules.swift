/// Site-specific additions to the built-in word lists (from the configuration).
public struct TopicRules: Sendable, Hashable {
    /// More words never used as an anchor alone (lower case).
    public var stopwords: Set<String>
    /// More anchors that say nothing (lower case).
    public var genericAnchors: Set<String>
    /// Extra phrases naming a target, keyed by the target's path.
    public var synonyms: [String: [String]]

    public init(stopwords: Set<String> = [], genericAnchors: Set<String> = [], synonyms: [String: [String]] = [:]) {
        self.stopwords = stopwords
        self.genericAnchors = genericAnchors
        self.synonyms = synonyms
    }

    func isStopword(_ key: String) -> Bool {
        Vocabulary.stopwords.contains(key) || stopwords.contains(key)
    }

    func isGeneric(_ phrase: String) -> Bool {
        Vocabulary.genericAnchors.contains(phrase) || genericAnchors.contains(phrase)
    }
}
