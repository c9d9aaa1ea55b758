/// Settings of `interlink audit`.
public struct AuditOptions: Sendable {
    /// Articles more clicks than this from an entry page are deep pages.
    public var maximumDepth: Int
    /// Articles linking to more distinct articles than this are over-linked (entry pages excepted).
    public var maximumLinks: Int
    /// The pages click depth is counted from; empty means "detect the home and section index pages".
    public var entryPages: [Glob]
    /// Settings of the suggester, which proposes the links that would fix orphans, dead ends and deep
    /// pages, and knows the topics a generic anchor is replaced with.
    public var suggest: SuggestOptions
    /// The most proposed links listed in one fix.
    public var proposalsPerFinding: Int

    /// The default `maximumDepth`.
    public static let defaultMaximumDepth = 3

    public init(
        maximumDepth: Int = AuditOptions.defaultMaximumDepth, maximumLinks: Int = 10, entryPages: [Glob] = [],
        suggest: SuggestOptions = SuggestOptions(), proposalsPerFinding: Int = 3
    ) {
        self.maximumDepth = maximumDepth
        self.maximumLinks = maximumLinks
        self.entryPages = entryPages
        self.suggest = suggest
        self.proposalsPerFinding = proposalsPerFinding
    }

    /// Options from a configuration file; explicit command-line values (non-nil) win. The link cap is
    /// the suggester's `max_links_per_article`: the suggester never takes an article past it, and the
    /// audit flags the articles already past it.
    public init(configuration: Configuration, maximumDepth: Int? = nil, maximumLinks: Int? = nil) {
        let suggest = SuggestOptions(configuration: configuration, maximumLinksPerArticle: maximumLinks)
        self.init(
            maximumDepth: maximumDepth ?? configuration.maximumDepth ?? AuditOptions.defaultMaximumDepth,
            maximumLinks: suggest.maximumLinksPerArticle, entryPages: configuration.entryPages, suggest: suggest)
    }
}
