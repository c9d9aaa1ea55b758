import Foundation

/// What an audit found, and the numbers behind it.
public struct AuditResult: Sendable {
    /// Every finding, sorted by path, line, column and rule.
    public var findings: [AuditFinding]
    /// Inbound and outbound links, click depth and components.
    public var metrics: LinkMetrics
    /// Configured entry-page patterns that matched no article.
    public var unmatchedEntryPages: [Glob]
    /// Internal links that reach a published article (each occurrence, self-links excluded).
    public var internalLinks: Int
    /// The settings the audit ran with.
    public var options: AuditOptions
}

/// Runs every `AuditRule` over a site. The rules read the resolved link graph; the suggester proposes
/// the links that fix orphans, dead ends and deep pages, and the topics generic anchors are rewritten to.
public struct Auditor: Sendable {
    /// The site audited.
    public let site: Site
    /// Its links, resolved.
    public let graph: LinkGraph
    /// Limits and entry pages.
    public let options: AuditOptions
    /// The suggester, built once and shared by the rules that propose links or anchors.
    public let suggester: Suggester
    /// The pages another page's URL shadows (`Site.articlesShadowedByURL`): no link reaches them, and
    /// `url-conflict` says why, not `orphan` or `deep-page`.
    let shadowedByURL: Set<Int>

    /// An auditor for `site`; builds the suggester (the keyword index) once.
    public init(site: Site, graph: LinkGraph, options: AuditOptions = AuditOptions()) {
        self.site = site
        self.graph = graph
        self.options = options
        self.suggester = Suggester(site: site, graph: graph, options: options.suggest)
        self.shadowedByURL = Set(site.articlesShadowedByURL)
    }

    /// Runs the audit.
    public func run() -> AuditResult {
        let detected = EntryPages.detect(site: site, configured: options.entryPages)
        let metrics = LinkMetrics(site: site, graph: graph, entries: detected.entries)
        var findings = linkFindings(entries: Set(metrics.entries))
        findings += anchorConflicts()
        findings += structureFindings(metrics)
        findings += urlConflicts(metrics)
        if !options.disabledRules.isEmpty { findings.removeAll { options.disabledRules.contains($0.rule) } }
        findings.sort(by: Self.byPlace)
        return AuditResult(
            findings: findings, metrics: metrics, unmatchedEntryPages: detected.unmatched,
            internalLinks: metrics.internalLinks, options: options)
    }

    /// Path, line, column, then rule.
    static func byPlace(_ a: AuditFinding, _ b: AuditFinding) -> Bool {
        if a.path != b.path { return a.path < b.path }
        if a.line != b.line { return a.line < b.line }
        if a.column != b.column { return a.column < b.column }
        return a.rule.rawValue < b.rule.rawValue
    }

    /// Whether the article may be linked to (front-matter opt-out and `never_link_to` say no): such
    /// pages are never orphans or deep pages.
    func acceptsLinks(_ index: Int) -> Bool {
        let article = site.articles[index]
        return article.frontMatter.isLinkTarget && !options.suggest.neverLinkTo.contains { $0.matches(article.path) }
            && !shadowedByURL.contains(index)
    }

    /// Whether the article may be given links (front-matter opt-out and `never_touch` say no, and a
    /// changelog takes none): such pages are never dead ends.
    func takesLinks(_ index: Int) -> Bool {
        let article = site.articles[index]
        return article.frontMatter.isLinkSource && !options.suggest.neverTouch.contains { $0.matches(article.path) }
            && !article.isChangelog
    }
}
