extension Auditor {
    /// The rules about whole articles: orphan, dead-end and deep-page, each with the links the suggester
    /// proposes to fix it. They apply to published pages; section (list) pages are reached and left
    /// through the generator's navigation, and entry pages are where readers start.
    func structureFindings(_ metrics: LinkMetrics) -> [AuditFinding] {
        let entries = Set(metrics.entries)
        var orphans: [Int] = []
        var deadEnds: [Int] = []
        var deepPages: [Int] = []
        for index in site.articles.indices where metrics.published[index] && site.articles[index].kind == .page {
            let isEntry = entries.contains(index)
            if !isEntry, acceptsLinks(index), metrics.inbound[index] == 0 { orphans.append(index) }
            if takesLinks(index), metrics.outbound[index] == 0 { deadEnds.append(index) }
            if !entries.isEmpty, !isEntry, acceptsLinks(index), metrics.inbound[index] > 0,
                (metrics.depth[index] ?? .max) > options.maximumDepth
            {
                deepPages.append(index)
            }
        }
        let limit = options.proposalsPerFinding
        // Deep pages need links from shallow articles, so ask for more and keep those.
        let proposals = suggester.proposals(
            inboundTo: Set(orphans + deepPages), outboundFrom: Set(deadEnds), limit: max(limit * 8, 24))
        var findings: [AuditFinding] = []
        for index in orphans {
            let links = Array((proposals.inbound[index] ?? []).prefix(limit))
            findings.append(
                AuditFinding(
                    rule: .orphan, path: site.articles[index].path,
                    message: "no other article links to \"\(site.articles[index].title)\"",
                    fix: inboundFix(links, target: index, metrics: metrics)))
        }
        for index in deadEnds {
            let links = Array((proposals.outbound[index] ?? []).prefix(limit))
            let description = links.isEmpty
                ? "link to the related articles a reader should read next"
                : "link " + Self.list(links.map { "\"\($0.readAnchor)\" (line \($0.line)) to \($0.target)" }, total: links.count)
            findings.append(
                AuditFinding(
                    rule: .deadEnd, path: site.articles[index].path,
                    message: "\"\(site.articles[index].title)\" links to no other article",
                    fix: AuditFix(description: description, links: links.isEmpty ? nil : links)))
        }
        for index in deepPages {
            let shallow = (proposals.inbound[index] ?? []).filter { suggestion in
                site.index(ofPath: suggestion.source).flatMap { metrics.depth[$0] }.map { $0 < options.maximumDepth } ?? false
            }
            let message: String
            if let depth = metrics.depth[index] {
                let path = metrics.path(to: index).map { site.articles[$0].path }
                message = "\(depth) clicks from the entry pages (\(path.joined(separator: " → "))), more than max_depth (\(options.maximumDepth))"
            } else {
                let from = metrics.linkingArticles(to: index).map { site.articles[$0].path }
                message = "not reachable from the entry pages through internal links; only \(Self.list(from, total: from.count)) link\(from.count == 1 ? "s" : "") to it, and \(from.count == 1 ? "it is" : "they are") not reachable either"
            }
            findings.append(
                AuditFinding(
                    rule: .deepPage, path: site.articles[index].path, message: message,
                    fix: inboundFix(Array(shallow.prefix(limit)), target: index, metrics: metrics)))
        }
        return findings
    }

    /// "link to it from a.md:3:4 ("anchor"), …", or what to do when the suggester found no place.
    private func inboundFix(_ links: [Suggestion], target: Int, metrics: LinkMetrics) -> AuditFix {
        guard !links.isEmpty else {
            return AuditFix(description: "link to it from a related article (no article mentions its topics yet)")
        }
        let places = links.map { suggestion -> String in
            let depth = site.index(ofPath: suggestion.source).flatMap { metrics.depth[$0] }
            return "\(suggestion.source):\(suggestion.line):\(suggestion.column) (\"\(suggestion.readAnchor)\"\(depth.map { ", depth \($0)" } ?? ""))"
        }
        return AuditFix(description: "link to it from " + Self.list(places, total: places.count), links: links)
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String], total: Int) -> String {
        guard let last = items.last else { return "" }
        let head = items.dropLast()
        let text = head.isEmpty ? last : head.joined(separator: ", ") + " and " + last
        return total > items.count ? text + " and \(total - items.count) more" : text
    }
}
