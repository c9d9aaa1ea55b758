/// Numbers about the published link graph: who links to whom, how far each article is from the entry
/// pages, and which articles hang together. Drafts are not published: links from them do not count,
/// links to them lead nowhere, and they have no depth.
public struct LinkMetrics: Sendable {
    /// Whether each article (parallel to `Site.articles`) is published.
    public let published: [Bool]
    /// Distinct published articles, other than itself, linking to each article.
    public let inbound: [Int]
    /// Distinct published articles, other than itself, each article links to.
    public let outbound: [Int]
    /// Links between different published articles, each occurrence.
    public let internalLinks: Int
    /// Clicks from the nearest entry page through internal links; nil when unreachable (or a draft).
    public let depth: [Int?]
    /// The entry pages depth is counted from.
    public let entries: [Int]
    /// Component number of each published article in the undirected link graph (nil for drafts),
    /// numbered from the largest component down.
    public let component: [Int?]
    /// Number of articles in each component, largest first.
    public let componentSizes: [Int]
    /// The article each one is first reached from when counting depth.
    let parent: [Int?]
    /// Published link edges, source → distinct targets.
    let edges: [[Int]]
    /// The same edges reversed, target → distinct sources.
    let incoming: [[Int]]

    /// Computes the numbers for `site` from the resolved links of `graph`.
    public init(site: Site, graph: LinkGraph, entries: [Int]) {
        let count = site.articles.count
        let published = site.articles.map { !$0.isDraft }
        var edges: [[Int]] = Array(repeating: [], count: count)
        var inbound = Array(repeating: 0, count: count)
        var internalLinks = 0
        for source in 0..<count where published[source] {
            var seen: Set<Int> = []
            for link in graph.outgoing[source] {
                guard let target = link.targetIndex, target != source, published[target] else { continue }
                internalLinks += 1
                guard seen.insert(target).inserted else { continue }
                edges[source].append(target)
                inbound[target] += 1
            }
        }
        self.internalLinks = internalLinks
        var incoming: [[Int]] = Array(repeating: [], count: count)
        for (source, targets) in edges.enumerated() {
            for target in targets { incoming[target].append(source) }
        }
        self.published = published
        self.edges = edges
        self.incoming = incoming
        self.inbound = inbound
        self.outbound = edges.map(\.count)
        self.entries = entries.filter { published[$0] }

        // Breadth-first from every entry page at once.
        var depth: [Int?] = Array(repeating: nil, count: count)
        var parent: [Int?] = Array(repeating: nil, count: count)
        var queue = self.entries
        for entry in queue { depth[entry] = 0 }
        var head = 0
        while head < queue.count {
            let current = queue[head]
            head += 1
            for target in edges[current] where depth[target] == nil {
                depth[target] = depth[current]! + 1
                parent[target] = current
                queue.append(target)
            }
        }
        self.depth = depth
        self.parent = parent

        // Weakly connected components, with union-find.
        var root = Array(0..<count)
        func find(_ node: Int) -> Int {
            var node = node
            while root[node] != node {
                root[node] = root[root[node]]
                node = root[node]
            }
            return node
        }
        for source in 0..<count {
            for target in edges[source] {
                let (a, b) = (find(source), find(target))
                if a != b { root[max(a, b)] = min(a, b) }
            }
        }
        var members: [Int: [Int]] = [:]
        for index in 0..<count where published[index] { members[find(index), default: []].append(index) }
        let ordered = members.values.sorted { ($0.count, -$0[0]) > ($1.count, -$1[0]) }
        var component: [Int?] = Array(repeating: nil, count: count)
        for (number, group) in ordered.enumerated() {
            for index in group { component[index] = number }
        }
        self.component = component
        self.componentSizes = ordered.map(\.count)
    }

    /// The shortest click path from an entry page to `index`, entry page first; empty when unreachable.
    public func path(to index: Int) -> [Int] {
        guard depth[index] != nil else { return [] }
        var path = [index]
        var current = index
        while let previous = parent[current] {
            path.append(previous)
            current = previous
        }
        return path.reversed()
    }

    /// Published articles linking to `index` (other than itself).
    public func linkingArticles(to index: Int) -> [Int] {
        incoming[index]
    }
}
