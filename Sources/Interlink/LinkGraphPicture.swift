import Foundation

/// The picture of the internal link graph in the HTML report: an SVG laid out by `GraphLayout`.
/// One node per published article (plus drafts that are linked to, and one node per missing page that
/// broken links point at); beyond `maximumNodes` articles, one node per group (`ArticleGroups`).
struct LinkGraphPicture {
    /// How a node is drawn.
    enum Status: String {
        case entry, orphan, deep, normal, draft, missing, folder
    }

    struct Node {
        var label: String
        var tooltip: String
        var status: Status
        var radius: Double
        /// Whether it has broken links (a red ring).
        var broken: Bool
        /// Whether to write the label next to it.
        var labelled: Bool
        /// Link to the row of the article table, if any.
        var anchor: String?
        /// Orphan share, for folder nodes (0…1).
        var orphanShare: Double = 0
        var order: String
    }

    struct Edge: Hashable {
        var from: Int
        var to: Int
        var broken: Bool
        var count: Int
    }

    var nodes: [Node] = []
    var edges: [Edge] = []
    /// Whether nodes are folders rather than articles.
    var clustered = false
    /// What a node stands for when clustered: "folder" or "group".
    var groupName = "folder"
    /// Whether there are so many nodes that links are drawn lighter.
    var dense = false
    /// Sentence under the picture.
    var caption = ""

    /// Articles drawn one by one up to this many; above it, folders.
    static let maximumNodes = 300

    init(site: Site, graph: LinkGraph, result: AuditResult) {
        let metrics = result.metrics
        let published = site.articles.indices.filter { metrics.published[$0] }
        let rules = Dictionary(grouping: result.findings, by: \.path).mapValues { Set($0.map(\.rule)) }
        if published.count > Self.maximumNodes {
            buildGroups(site: site, result: result, published: published, rules: rules)
        } else {
            buildArticles(site: site, graph: graph, result: result, published: published, rules: rules)
        }
    }

    // MARK: One node per article

    private mutating func buildArticles(
        site: Site, graph: LinkGraph, result: AuditResult, published: [Int], rules: [String: Set<AuditRule>]
    ) {
        let metrics = result.metrics
        let entries = Set(metrics.entries)
        var node: [Int: Int] = [:]
        func add(_ index: Int) {
            guard node[index] == nil else { return }
            let article = site.articles[index]
            let own = rules[article.path] ?? []
            let status: Status = article.isDraft ? .draft
                : entries.contains(index) ? .entry
                : own.contains(.orphan) ? .orphan : own.contains(.deepPage) ? .deep : .normal
            var details = ["\(metrics.inbound[index]) in, \(metrics.outbound[index]) out"]
            if let depth = metrics.depth[index] { details.append("depth \(depth)") } else if !article.isDraft { details.append("unreachable") }
            if article.isDraft { details.append("draft") }
            details += own.map(\.rawValue).sorted()
            node[index] = nodes.count
            nodes.append(
                Node(
                    label: Self.short(article.title), tooltip: "\(article.title)\n\(article.path)\n" + details.joined(separator: " · "),
                    status: status, radius: (status == .entry ? 8 : 5) + 2.4 * sqrt(Double(metrics.inbound[index])),
                    broken: own.contains(.brokenLink), labelled: true, anchor: "article-\(index)", order: article.path))
        }
        for index in published { add(index) }
        var missing: [String: Int] = [:]
        var seen: Set<Edge> = []
        for source in published {
            for link in graph.outgoing[source] where link.link.kind != .image {
                switch link.resolution {
                case .article(let target, _) where target != source:
                    if site.articles[target].isDraft { add(target) }
                    let edge = Edge(from: node[source]!, to: node[target]!, broken: site.articles[target].isDraft, count: 1)
                    if seen.insert(edge).inserted { edges.append(edge) }
                case .broken:
                    let destination = link.link.destination
                    if missing[destination] == nil {
                        missing[destination] = nodes.count
                        nodes.append(
                            Node(
                                label: Self.short(destination), tooltip: "missing page \(destination)\nlinked from \(site.articles[source].path)",
                                status: .missing, radius: 5, broken: false, labelled: true, anchor: nil,
                                order: site.articles[source].path + "~" + destination))
                    }
                    let edge = Edge(from: node[source]!, to: missing[destination]!, broken: true, count: 1)
                    if seen.insert(edge).inserted { edges.append(edge) }
                default:
                    break
                }
            }
        }
        // Labels for every node while they fit; for larger sites, the entry pages, the 25 most linked
        // articles and the missing pages (the others say who they are on hover).
        if nodes.count > 120 {
            let ranked = nodes.indices.filter { nodes[$0].status != .entry && nodes[$0].status != .missing }
                .sorted { (nodes[$0].radius, -$0) > (nodes[$1].radius, -$1) }
            var keep = Set(ranked.prefix(25))
            // Orphans and unlinked articles, the problems the picture is about, keep theirs while they are few.
            var linked = Set<Int>()
            for edge in edges { linked.formUnion([edge.from, edge.to]) }
            let orphans = nodes.indices.filter { nodes[$0].status == .orphan }
            if orphans.count <= 40 { keep.formUnion(orphans) }
            let unlinked = nodes.indices.filter { !linked.contains($0) }
            if unlinked.count <= 60 { keep.formUnion(unlinked) }
            for index in ranked where !keep.contains(index) { nodes[index].labelled = false }
            dense = true
        }
        caption = "Each dot is an article; an arrow is a link. Bigger dots have more articles linking to them."
    }

    // MARK: One node per group of articles

    private mutating func buildGroups(site: Site, result: AuditResult, published: [Int], rules: [String: Set<AuditRule>]) {
        clustered = true
        let metrics = result.metrics
        let grouping = ArticleGroups(site: site, metrics: metrics, published: published)
        let names = grouping.names
        var sizes = Array(repeating: 0, count: names.count)
        var orphans = Array(repeating: 0, count: names.count)
        var broken = Array(repeating: 0, count: names.count)
        var inside = Array(repeating: 0, count: names.count)
        for index in published {
            let group = grouping.group[index]!
            sizes[group] += 1
            let own = rules[site.articles[index].path] ?? []
            if own.contains(.orphan) { orphans[group] += 1 }
            if own.contains(.brokenLink) { broken[group] += 1 }
        }
        var weights: [Edge: Int] = [:]
        for source in published {
            for target in metrics.edges[source] {
                guard let a = grouping.group[source], let b = grouping.group[target] else { continue }
                if a == b {
                    inside[a] += 1
                } else {
                    weights[Edge(from: a, to: b, broken: false, count: 0), default: 0] += 1
                }
            }
        }
        for (group, name) in names.enumerated() {
            let share = Double(orphans[group]) / Double(max(sizes[group], 1))
            nodes.append(
                Node(
                    label: "\(Self.short(name, length: 44)) (\(sizes[group]))",
                    tooltip: "\(name)\n\(sizes[group]) articles, \(orphans[group]) orphans, \(broken[group]) with broken links, \(inside[group]) links inside",
                    status: .folder, radius: 6 + 3 * sqrt(Double(sizes[group])), broken: broken[group] > 0, labelled: true,
                    anchor: nil, orphanShare: share, order: String(format: "%05d", group)))
        }
        edges = weights.map { Edge(from: $0.key.from, to: $0.key.to, broken: false, count: $0.value) }
            .sorted { ($0.from, $0.to) < ($1.from, $1.to) }
        groupName = grouping.byFolder ? "folder" : "group"
        let unit = grouping.byFolder ? "folder" : "group of articles that link to each other"
        caption = "The site has \(published.count) articles, too many to draw one by one: each circle is a \(unit) (its size: the articles in it; its colour: the share of orphans), and a line stands for the links between two of them."
    }

    // MARK: Drawing

    /// The SVG, laid out deterministically.
    func svg(width: Double = 1100) -> String {
        let spacing = clustered ? 90.0 : 60.0
        let layout = GraphLayout(
            count: nodes.count, edges: edges.map { ($0.from, $0.to) }, width: width, spacing: spacing,
            order: nodes.map(\.order))
        let p = layout.positions
        let labels = placeLabels(p, width: width)
        var out = "<svg class=\"graph\(dense ? " dense" : "")\" viewBox=\"0 0 \(Self.n(width)) \(Self.n(layout.height))\" role=\"img\" aria-label=\"Internal link graph\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        out += "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#94a3b8\"/></marker>"
        out += "<marker id=\"arrow-broken\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#dc2626\"/></marker></defs>\n"
        if let top = layout.isolatedTop {
            out += "<text class=\"group-caption\" x=\"\(Self.n(spacing * 0.9))\" y=\"\(Self.n(top + 14))\">Not linked to or from any other article</text>\n"
        }
        out += "<g class=\"edges\">\n"
        for edge in edges {
            let a = p[edge.from], b = p[edge.to]
            let dx = b.x - a.x, dy = b.y - a.y
            let length = max(sqrt(dx * dx + dy * dy), 1e-6)
            // Stop at the rims so the arrow heads show.
            let start = GraphLayout.Point(x: a.x + dx / length * nodes[edge.from].radius, y: a.y + dy / length * nodes[edge.from].radius)
            let end = GraphLayout.Point(
                x: b.x - dx / length * (nodes[edge.to].radius + 2), y: b.y - dy / length * (nodes[edge.to].radius + 2))
            let width = clustered ? 1 + log2(Double(max(edge.count, 1))) : 1.1
            let marker = clustered ? "" : " marker-end=\"url(#\(edge.broken ? "arrow-broken" : "arrow"))\""
            out += "<line class=\"edge\(edge.broken ? " broken" : "")\" data-s=\"\(edge.from)\" data-t=\"\(edge.to)\" x1=\"\(Self.n(start.x))\" y1=\"\(Self.n(start.y))\" x2=\"\(Self.n(end.x))\" y2=\"\(Self.n(end.y))\" stroke-width=\"\(Self.n(width))\"\(marker)>"
            if clustered { out += "<title>\(edge.count) link\(edge.count == 1 ? "" : "s")</title>" }
            out += "</line>\n"
        }
        out += "</g>\n<g class=\"nodes\">\n"
        for (index, node) in nodes.enumerated() {
            let point = p[index]
            var shape: String
            if node.status == .missing {
                let r = node.radius
                shape = "<path class=\"missing\" d=\"M\(Self.n(point.x - r)),\(Self.n(point.y - r)) L\(Self.n(point.x + r)),\(Self.n(point.y + r)) M\(Self.n(point.x + r)),\(Self.n(point.y - r)) L\(Self.n(point.x - r)),\(Self.n(point.y + r))\"/>"
            } else {
                let fill = node.status == .folder ? " style=\"fill:\(Self.folderColour(node.orphanShare))\"" : ""
                shape = "<circle class=\"\(node.status.rawValue)\(node.broken ? " has-broken" : "")\" cx=\"\(Self.n(point.x))\" cy=\"\(Self.n(point.y))\" r=\"\(Self.n(node.radius))\"\(fill)/>"
            }
            shape += "<title>\(HTML.escape(node.tooltip))</title>"
            if let label = labels[index] {
                let anchor = label.anchor == "start" ? "" : " text-anchor=\"\(label.anchor)\""
                shape += "<text x=\"\(Self.n(label.x))\" y=\"\(Self.n(label.y))\"\(anchor)>\(HTML.escape(node.label))</text>"
            }
            let body = node.anchor.map { "<a href=\"#\($0)\">\(shape)</a>" } ?? shape
            out += "<g class=\"node\" data-id=\"\(index)\">\(body)</g>\n"
        }
        out += "</g>\n</svg>\n"
        return out
    }

    /// Where a label goes: its anchor point and `text-anchor`.
    struct LabelPlace {
        var x: Double
        var y: Double
        var anchor: String
    }

    /// Puts each label right, left, above or below its dot, whichever stays inside the drawing and
    /// overlaps no dot and no label placed before it (bigger dots choose first).
    func placeLabels(_ positions: [GraphLayout.Point], width drawingWidth: Double) -> [Int: LabelPlace] {
        struct Box {
            var minX, minY, maxX, maxY: Double
            func overlaps(_ other: Box) -> Bool {
                minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
            }
        }
        var taken = nodes.indices.map { index -> Box in
            let p = positions[index], r = nodes[index].radius
            return Box(minX: p.x - r, minY: p.y - r, maxX: p.x + r, maxY: p.y + r)
        }
        var result: [Int: LabelPlace] = [:]
        let order = nodes.indices.filter { nodes[$0].labelled }.sorted {
            (nodes[$0].radius, -$0) > (nodes[$1].radius, -$1)
        }
        for index in order {
            let p = positions[index], r = nodes[index].radius
            let width = Double(nodes[index].label.count) * 5.9, height = 11.0
            let candidates: [(LabelPlace, Box)] = [
                (LabelPlace(x: p.x + r + 3, y: p.y + 3.5, anchor: "start"),
                 Box(minX: p.x + r + 2, minY: p.y - height / 2, maxX: p.x + r + 4 + width, maxY: p.y + height / 2)),
                (LabelPlace(x: p.x - r - 3, y: p.y + 3.5, anchor: "end"),
                 Box(minX: p.x - r - 4 - width, minY: p.y - height / 2, maxX: p.x - r - 2, maxY: p.y + height / 2)),
                (LabelPlace(x: p.x, y: p.y - r - 4, anchor: "middle"),
                 Box(minX: p.x - width / 2, minY: p.y - r - 4 - height, maxX: p.x + width / 2, maxY: p.y - r - 3)),
                (LabelPlace(x: p.x, y: p.y + r + 11, anchor: "middle"),
                 Box(minX: p.x - width / 2, minY: p.y + r + 1, maxX: p.x + width / 2, maxY: p.y + r + 2 + height)),
            ]
            let inside = candidates.filter { $0.1.minX >= 0 && $0.1.maxX <= drawingWidth }
            let free = inside.first { candidate in !taken.contains { $0.overlaps(candidate.1) } } ?? inside.first ?? candidates[0]
            result[index] = free.0
            taken.append(free.1)
        }
        return result
    }

    /// From the normal colour to amber as the share of orphans grows.
    static func folderColour(_ share: Double) -> String {
        let from = (100.0, 116.0, 139.0), to = (245.0, 158.0, 11.0)
        let t = min(max(share, 0), 1)
        func mix(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * t).rounded()) }
        return "rgb(\(mix(from.0, to.0)),\(mix(from.1, to.1)),\(mix(from.2, to.2)))"
    }

    /// A label short enough to sit next to a dot.
    static func short(_ text: String, length: Int = 26) -> String {
        text.count <= length ? text : String(text.prefix(length - 2)) + "…"
    }

    /// A coordinate with one decimal.
    static func n(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}
