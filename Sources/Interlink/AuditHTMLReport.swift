/// The audit as one self-contained HTML page (inline style and script, no network): the numbers at the
/// top, what to fix first, a picture of the link graph, the click-depth distribution, and sortable
/// tables of findings and of every article's link counts.
public struct AuditHTMLReport: Sendable {
    /// The numbers and findings shown.
    public let report: AuditReport
    /// The site, for titles and the graph.
    public let site: Site
    /// Its resolved links (broken ones included), for the graph.
    public let graph: LinkGraph
    /// The audit, for depths and components.
    public let result: AuditResult
    /// Shown in the footer.
    public let toolVersion: String

    public init(report: AuditReport, site: Site, graph: LinkGraph, result: AuditResult, toolVersion: String) {
        self.report = report
        self.site = site
        self.graph = graph
        self.result = result
        self.toolVersion = toolVersion
    }

    /// The whole page.
    public func render() -> String {
        let name = siteName
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <link rel="icon" href="data:,">
            <title>\(HTML.escape(name)): internal link audit</title>
            <style>
            \(HTML.style)
            </style>
            </head>
            <body>
            <main>

            """
        html += header(name: name)
        html += cards()
        html += todo()
        html += graphSection()
        html += depthSection()
        html += findingsSection()
        html += articlesSection()
        html += "<footer>Made by interlink \(HTML.escape(toolVersion)) (<code>interlink audit --format html</code>). "
        html += "The same findings are available as text, JSON, SARIF and GitHub annotations.</footer>\n"
        html += "</main>\n<script>\n\(HTML.script)\n</script>\n</body>\n</html>\n"
        return html
    }

    /// The home page's title, else the root folder's name.
    var siteName: String {
        let home = site.layout.basePath + "/"
        if let article = site.articles.first(where: { $0.url == home && !$0.isDraft }), article.title.lowercased() != "home" {
            return article.title
        }
        return site.root.lastPathComponent
    }

    func header(name: String) -> String {
        let summary = report.summary
        var line = "\(summary.articles) published article\(summary.articles == 1 ? "" : "s")"
        if summary.drafts > 0 { line += " and \(summary.drafts) draft\(summary.drafts == 1 ? "" : "s")" }
        line += " in <code>\(HTML.escape(report.root))</code> (\(report.generator.rawValue))"
        return "<header><h1>\(HTML.escape(name)): internal link audit</h1><p>\(line)</p></header>\n"
    }

    func cards() -> String {
        let summary = report.summary
        func count(_ rule: AuditRule) -> Int { summary.findings[rule.rawValue] ?? 0 }
        func card(_ value: Int, _ label: String, bad: Bool = false, warn: Bool = false, good: Bool = false) -> String {
            let kind = bad && value > 0 ? " bad" : (warn && value > 0 ? " warn" : (good ? " good" : ""))
            return "<div class=\"card\(kind)\"><div class=\"value\">\(value)</div><div class=\"label\">\(label)</div></div>\n"
        }
        var html = "<section class=\"cards\">\n"
        html += card(summary.articles, "articles")
        html += card(summary.internalLinks, "internal links")
        html += card(summary.brokenLinks, "broken links", bad: true)
        html += card(summary.orphans, "orphans (no inbound link)", warn: true)
        html += card(summary.deadEnds, "dead ends (no outbound link)", warn: true)
        html += card(count(.genericAnchor), "generic anchors", warn: true)
        html += card(count(.deepPage), "deep or unreachable pages", warn: true)
        html += card(summary.components, summary.components == 1 ? "linked group: everything connects" : "separate linked groups", warn: summary.components > 1, good: summary.components == 1)
        html += "</section>\n"
        return html
    }

    func todo() -> String {
        let counts = report.summary.findings
        let rules = AuditRule.allCases.filter { (counts[$0.rawValue] ?? 0) > 0 }.sorted {
            ($0.severity == .error ? 0 : 1, -(counts[$0.rawValue] ?? 0), $0.rawValue)
                < ($1.severity == .error ? 0 : 1, -(counts[$1.rawValue] ?? 0), $1.rawValue)
        }
        var html = "<h2>What to fix</h2>\n<div class=\"panel\">"
        guard !rules.isEmpty else { return html + "<p>No problems found: every link works and every article is linked.</p></div>\n" }
        html += "<ul class=\"todo\">\n"
        for rule in rules {
            let count = counts[rule.rawValue] ?? 0
            html += "<li><span class=\"sev \(rule.severity.rawValue)\">\(rule.severity.rawValue)</span>"
            html += "<span class=\"count\">\(count)</span><span class=\"rule\">\(rule.rawValue)</span>"
            html += "<span class=\"what\">\(HTML.escape(rule.summary))\(rule.isFixable ? " <em>interlink audit --fix</em> repairs these." : "")</span>"
            html += "<button class=\"show\" data-filter=\"\(rule.rawValue)\">show</button></li>\n"
        }
        return html + "</ul></div>\n"
    }

    func graphSection() -> String {
        let picture = LinkGraphPicture(site: site, graph: graph, result: result)
        func dot(_ fill: String, stroke: String = "#fff", width: Double = 1.5, dash: Bool = false) -> String {
            "<svg width=\"14\" height=\"14\" viewBox=\"0 0 14 14\"><circle cx=\"7\" cy=\"7\" r=\"5\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"\(width)\"\(dash ? " stroke-dasharray=\"2 2\"" : "")/></svg>"
        }
        var legend = "<div class=\"legend\">"
        if picture.clustered {
            legend += "<span>\(dot("#64748b"))\(picture.groupName) with no orphans</span><span>\(dot("#f59e0b"))\(picture.groupName) of orphans</span>"
            legend += "<span>\(dot("#64748b", stroke: "#dc2626", width: 3))has broken links</span>"
        } else {
            legend += "<span>\(dot("#2563eb"))entry page</span><span>\(dot("#64748b"))article</span>"
            legend += "<span>\(dot("#f59e0b"))orphan</span><span>\(dot("#a78bfa"))deep or unreachable</span>"
            legend += "<span>\(dot("#64748b", stroke: "#dc2626", width: 3))has broken links</span>"
            legend += "<span><svg width=\"14\" height=\"14\" viewBox=\"0 0 14 14\"><path d=\"M3,3 L11,11 M11,3 L3,11\" stroke=\"#dc2626\" stroke-width=\"3\" stroke-linecap=\"round\"/></svg>missing page</span>"
            legend += "<span>\(dot("#fff", stroke: "#94a3b8", dash: true))draft</span>"
        }
        legend += "</div>\n"
        return "<h2>Link graph</h2>\n<div class=\"graph-wrap\">\n\(legend)\(picture.svg())<p class=\"caption\">\(HTML.escape(picture.caption)) Point at a dot to see its links; click it to find it in the table.</p>\n</div>\n"
    }

    func depthSection() -> String {
        let summary = report.summary
        var html = "<h2>Click depth</h2>\n<div class=\"panel\">"
        guard !report.settings.entryPages.isEmpty else {
            return html + "<p>No entry page was found (no home page or section index page), so click depth is not measured. Name the pages readers start from with <code>entry_pages</code> in <code>.interlink.yml</code>.</p></div>\n"
        }
        let entries = report.settings.entryPages
        html += "<p>Clicks needed to reach each article from the entry pages (\(entries.prefix(4).map { "<code>\(HTML.escape($0))</code>" }.joined(separator: ", "))\(entries.count > 4 ? " and \(entries.count - 4) more" : "")), following the links written in the articles. More than \(report.settings.maxDepth) makes a deep page.</p>\n"
        let largest = max((summary.depths.map(\.articles) + [summary.unreachable]).max() ?? 1, 1)
        html += "<div class=\"bars\">\n"
        for entry in summary.depths {
            let label = entry.depth == 0 ? "0 (entry pages)" : "\(entry.depth) click\(entry.depth == 1 ? "" : "s")"
            let over = entry.depth > report.settings.maxDepth ? " over" : ""
            html += "<span>\(label)</span><div class=\"bar\(over)\" style=\"width:\(percent(entry.articles, of: largest))%\"></div><span>\(entry.articles)</span>\n"
        }
        if summary.unreachable > 0 {
            html += "<span>unreachable</span><div class=\"bar none\" style=\"width:\(percent(summary.unreachable, of: largest))%\"></div><span>\(summary.unreachable)</span>\n"
        }
        return html + "</div></div>\n"
    }

    func findingsSection() -> String {
        let counts = report.summary.findings
        var html = "<section id=\"findings-section\"><h2>Findings (\(report.findings.count))</h2>\n<div class=\"chips\"><button class=\"chip active\" data-filter=\"all\">all</button>"
        for rule in AuditRule.allCases where (counts[rule.rawValue] ?? 0) > 0 {
            html += "<button class=\"chip\" data-filter=\"\(rule.rawValue)\">\(rule.rawValue) (\(counts[rule.rawValue]!))</button>"
        }
        html += "</div>\n<table id=\"findings\" class=\"sortable\"><thead><tr><th>Severity</th><th>Rule</th><th>Where</th><th>Problem</th><th>Fix</th></tr></thead>\n<tbody>\n"
        // Errors first, then rule by rule, then by place (the JSON keeps the order by place).
        let order = Dictionary(uniqueKeysWithValues: AuditRule.allCases.enumerated().map { ($1, $0) })
        let sorted = report.findings.enumerated().sorted {
            ($0.element.severity == .error ? 0 : 1, order[$0.element.rule]!, $0.offset)
                < ($1.element.severity == .error ? 0 : 1, order[$1.element.rule]!, $1.offset)
        }.map(\.element)
        for finding in sorted {
            let anchor = site.index(ofPath: finding.path).map { "#article-\($0)" } ?? "#"
            let place = "\(finding.path):\(finding.line):\(finding.column)"
            html += "<tr data-rule=\"\(finding.rule.rawValue)\"><td data-sort=\"\(finding.severity == .error ? 0 : 1)\"><span class=\"sev \(finding.severity.rawValue)\">\(finding.severity.rawValue)</span></td>"
            html += "<td class=\"rule\">\(finding.rule.rawValue)</td>"
            html += "<td data-sort=\"\(HTML.escape(finding.path))\(String(format: ":%06d:%06d", finding.line, finding.column))\"><a class=\"path\" href=\"\(anchor)\">\(HTML.escape(place))</a></td>"
            html += "<td>\(HTML.escape(finding.message))</td><td class=\"fix\">\(HTML.escape(finding.fix?.description ?? ""))</td></tr>\n"
        }
        return html + "</tbody></table></section>\n"
    }

    func articlesSection() -> String {
        var html = "<h2>Articles (\(report.articles.count))</h2>\n<table id=\"articles\" class=\"sortable\"><thead><tr><th>Article</th>"
        html += "<th class=\"num\" data-type=\"number\">Linked from</th><th class=\"num\" data-type=\"number\">Links to</th>"
        html += "<th class=\"num\" data-type=\"number\">Depth</th><th class=\"num\" data-type=\"number\">Broken links</th><th class=\"num\" data-type=\"number\">Findings</th></tr></thead>\n<tbody>\n"
        for entry in report.articles {
            let index = site.index(ofPath: entry.path) ?? 0
            var title = HTML.escape(entry.title)
            if entry.entry { title += " <span class=\"path\">(entry page)</span>" }
            if entry.draft { title += " <span class=\"path\">(draft)</span>" }
            let depth = entry.depth.map(String.init) ?? (entry.draft ? "draft" : "unreachable")
            let zero = { (value: Int) in value == 0 && !entry.draft && !entry.entry ? " class=\"num zero\"" : " class=\"num\"" }
            html += "<tr id=\"article-\(index)\"><td data-sort=\"\(HTML.escape(entry.path))\">\(title)<br><span class=\"path\">\(HTML.escape(entry.path))</span></td>"
            html += "<td\(zero(entry.inbound))>\(entry.inbound)</td><td\(zero(entry.outbound))>\(entry.outbound)</td>"
            html += "<td class=\"num\" data-sort=\"\(entry.depth ?? 9999)\">\(depth)</td>"
            html += "<td class=\"num\">\(entry.broken)</td><td class=\"num\">\(entry.findings)</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    private func percent(_ value: Int, of total: Int) -> String {
        String(Int((Double(value) / Double(total) * 100).rounded()))
    }
}
