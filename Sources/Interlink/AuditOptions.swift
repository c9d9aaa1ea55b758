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
    /// Links whose destination matches one of these are not checked by any rule.
    public var ignoredLinks: [LinkPattern]
    /// Rules whose findings are not reported.
    public var disabledRules: Set<AuditRule>

    /// The default `maximumDepth`.
    public static let defaultMaximumDepth = 3

    public init(
        maximumDepth: Int = AuditOptions.defaultMaximumDepth, maximumLinks: Int = 10, entryPages: [Glob] = [],
        suggest: SuggestOptions = SuggestOptions(), proposalsPerFinding: Int = 3, ignoredLinks: [LinkPattern] = [],
        disabledRules: Set<AuditRule> = []
    ) {
        self.maximumDepth = maximumDepth
        self.maximumLinks = maximumLinks
        self.entryPages = entryPages
        self.suggest = suggest
        self.proposalsPerFinding = proposalsPerFinding
        self.ignoredLinks = ignoredLinks
        self.disabledRules = disabledRules
    }

    /// Options from a configuration file; explicit command-line values (non-nil) win. The link cap is
    /// the suggester's `max_links_per_article`: the suggester never takes an article past it, and the
    /// audit flags the articles already past it. Rules disabled on the command line are added to the
    /// configuration's.
    public init(
        configuration: Configuration, maximumDepth: Int? = nil, maximumLinks: Int? = nil, disabling: Set<AuditRule> = []
    ) {
        let suggest = SuggestOptions(configuration: configuration, maximumLinksPerArticle: maximumLinks)
        self.init(
            maximumDepth: maximumDepth ?? configuration.maximumDepth ?? AuditOptions.defaultMaximumDepth,
            maximumLinks: suggest.maximumLinksPerArticle, entryPages: configuration.entryPages, suggest: suggest,
            ignoredLinks: configuration.ignoreLinks, disabledRules: configuration.disabledRules.union(disabling))
    }

    /// Whether a link with this destination (as written) is left unchecked.
    func ignores(_ destination: String) -> Bool {
        !ignoredLinks.isEmpty && ignoredLinks.contains { $0.matches(destination) }
    }
}
