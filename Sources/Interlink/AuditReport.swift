import Foundation

/// The `interlink audit` report. Its JSON form is a versioned contract documented in `Docs/CLI.md`.
public struct AuditReport: Sendable, Codable {
    /// Version of the JSON shape.
    public var version = 1
    /// The site root as given.
    public var root: String
    /// The detected (or configured) generator.
    public var generator: Generator
    /// The settings the audit ran with.
    public var settings: Settings
    /// Site-wide numbers.
    public var summary: Summary
    /// Every finding, sorted by path, line, column and rule.
    public var findings: [AuditFinding]
    /// One entry per article, sorted by path.
    public var articles: [ArticleNumbers]
    /// Files that could not be loaded.
    public var errors: [Diagnostic]

    /// The limits and entry pages used.
    public struct Settings: Sendable, Codable, Hashable {
        /// `max_depth`.
        public var maxDepth: Int
        /// `max_links_per_article`, the over-linked cap.
        public var maxLinks: Int
        /// The entry pages depth is counted from (paths).
        public var entryPages: [String]
    }

    /// Site-wide numbers.
    public struct Summary: Sendable, Codable, Hashable {
        /// Published articles (pages and section pages).
        public var articles: Int
        /// Drafts (not published; not in the link graph).
        public var drafts: Int
        /// Links between different published articles (each occurrence).
        public var internalLinks: Int
        /// Broken links, fragments included.
        public var brokenLinks: Int
        /// Orphans.
        public var orphans: Int
        /// Dead ends.
        public var deadEnds: Int
        /// Connected parts of the link graph (links taken in both directions); 1 means everything hangs together.
        public var components: Int
        /// Articles in the largest component.
        public var largestComponent: Int
        /// How many published articles sit at each click depth, from 0 (the entry pages) up.
        public var depths: [DepthCount]
        /// Published articles no entry page reaches (all of them when there is no entry page).
        public var unreachable: Int
        /// Findings per rule id (every rule listed, zeros included).
        public var findings: [String: Int]
    }

    /// Number of articles at one click depth.
    public struct DepthCount: Sendable, Codable, Hashable {
        /// Clicks from the nearest entry page.
        public var depth: Int
        /// Published articles that many clicks away.
        public var articles: Int
    }

    /// The link numbers of one article.
    public struct ArticleNumbers: Sendable, Codable, Hashable {
        /// Path relative to the site root.
        public var path: String
        /// The article's title.
        public var title: String
        /// The URL it is published at.
        public var url: String
        /// Whether it is a draft (drafts have no numbers in the graph).
        public var draft: Bool
        /// Whether it is an entry page.
        public var entry: Bool
        /// Distinct published articles linking to it.
        public var inbound: Int
        /// Distinct published articles it links to.
        public var outbound: Int
        /// Its broken links.
        public var broken: Int
        /// Clicks from the nearest entry page; null when unreachable.
        public var depth: Int?
        /// Findings in or about it.
        public var findings: Int

        enum CodingKeys: String, CodingKey {
            case path, title, url, draft, entry, inbound, outbound, broken, depth, findings
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(path, forKey: .path)
            try container.encode(title, forKey: .title)
            try container.encode(url, forKey: .url)
            try container.encode(draft, forKey: .draft)
            try container.encode(entry, forKey: .entry)
            try container.encode(inbound, forKey: .inbound)
            try container.encode(outbound, forKey: .outbound)
            try container.encode(broken, forKey: .broken)
            // Always present: null says "unreachable".
            try container.encode(depth, forKey: .depth)
            try container.encode(findings, forKey: .findings)
        }
    }

    /// Builds the report. `selection`, when given, limits findings and articles to these paths (the
    /// summary still describes the whole site).
    public init(
        rootDisplay: String, site: Site, result: AuditResult, errors: [Diagnostic], selection: Set<String>? = nil
    ) {
        root = rootDisplay
        generator = site.layout.generator
        self.errors = errors
        let metrics = result.metrics
        let entries = Set(metrics.entries)
        settings = Settings(
            maxDepth: result.options.maximumDepth, maxLinks: result.options.maximumLinks,
            entryPages: metrics.entries.map { site.articles[$0].path })
        let all = result.findings
        findings = selection.map { paths in all.filter { paths.contains($0.path) } } ?? all
        let perPath = Dictionary(grouping: all, by: \.path)
        articles = site.articles.indices.compactMap { index in
            let article = site.articles[index]
            if let selection, !selection.contains(article.path) { return nil }
            let own = perPath[article.path] ?? []
            return ArticleNumbers(
                path: article.path, title: article.title, url: article.url, draft: article.isDraft,
                entry: entries.contains(index), inbound: metrics.inbound[index], outbound: metrics.outbound[index],
                broken: own.filter { $0.rule == .brokenLink }.count, depth: metrics.depth[index], findings: own.count)
        }
        var byRule = Dictionary(uniqueKeysWithValues: AuditRule.allCases.map { ($0.rawValue, 0) })
        for finding in all { byRule[finding.rule.rawValue, default: 0] += 1 }
        let published = site.articles.indices.filter { metrics.published[$0] }
        let depthCounts = Dictionary(grouping: published.compactMap { metrics.depth[$0] }, by: { $0 }).mapValues(\.count)
        summary = Summary(
            articles: published.count, drafts: site.articles.count - published.count,
            internalLinks: result.internalLinks, brokenLinks: byRule[AuditRule.brokenLink.rawValue] ?? 0,
            orphans: byRule[AuditRule.orphan.rawValue] ?? 0, deadEnds: byRule[AuditRule.deadEnd.rawValue] ?? 0,
            components: metrics.componentSizes.count, largestComponent: metrics.componentSizes.first ?? 0,
            depths: depthCounts.keys.sorted().map { DepthCount(depth: $0, articles: depthCounts[$0]!) },
            unreachable: published.filter { metrics.depth[$0] == nil }.count, findings: byRule)
    }

    /// Pretty, key-sorted JSON with a final newline.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// One line of numbers, for the end of the text output.
    public func summaryLine() -> String {
        let counts = AuditRule.allCases.compactMap { rule -> String? in
            let count = summary.findings[rule.rawValue] ?? 0
            return count == 0 ? nil : "\(count) \(rule.rawValue)"
        }
        let depthText = settings.entryPages.isEmpty
            ? "no entry page, depth not measured"
            : "\(summary.unreachable) unreachable from \(settings.entryPages.count) entry page\(settings.entryPages.count == 1 ? "" : "s")"
        return "audit: \(summary.articles) articles, \(summary.internalLinks) internal links, \(summary.components) component\(summary.components == 1 ? "" : "s"), \(depthText); "
            + (counts.isEmpty ? "no findings" : counts.joined(separator: ", "))
    }
}
