/// A phrase that names what an article is about, and so may become the anchor of a link to it.
public struct Topic: Sendable, Hashable {
    /// Where the topic comes from; it sets how much the topic is trusted.
    public enum Source: String, Sendable, Hashable, Codable {
        /// The article's title.
        case title
        /// A part of the title (`Backlinks vs Inbound Links` → `Inbound Links`).
        case titlePart
        /// A front-matter alias naming the article.
        case alias
        /// A front-matter keyword.
        case keyword
        /// The file name (`reactivity-fundamentals.md`).
        case fileName
        /// An H2–H4 heading of the article: links to that section.
        case heading
        /// Anchor text that existing links of the site already use for the article.
        case learned
        /// An API or command name the article documents, matched against inline code.
        case codeName
        /// The release a post announces, named as an event ("the Go 1.14 release"): see `ReleaseTitle`.
        case release
    }

    /// The phrase as its source writes it.
    public var phrase: String
    /// Normalised word keys of the phrase.
    public var keys: [String]
    /// Index of the target article in `Site.articles`.
    public var target: Int
    /// Where the topic comes from.
    public var source: Source
    /// Section to link to (`#id`), for heading topics and learned anchors with a fragment.
    public var fragment: String?
    /// Acronyms and code names match only in their exact case ("BAD" never links "bad").
    public var caseSensitive: Bool
    /// Trust in the source, 0…1.
    public var weight: Double
}

extension Topic.Source {
    /// Default trust per source.
    var defaultWeight: Double {
        switch self {
        case .title: return 1.0
        case .alias: return 0.9
        // A keyword is a term the page wants to be found by (often an SEO list: "hosting, dns, domain"),
        // not a name of the page: weighed as a part of its title.
        case .keyword: return 0.7
        case .learned: return 0.9
        case .codeName: return 0.9
        case .release: return 0.9
        case .titlePart: return 0.7
        case .fileName: return 0.6
        case .heading: return 0.6
        }
    }
}
