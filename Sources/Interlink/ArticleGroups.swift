/// Articles put in groups for the picture of a site too large to draw article by article: by folder
/// when the folders split the site into at least four groups, otherwise (a flat blog) by the links
/// themselves, with a deterministic label propagation that finds the articles linking among each other.
struct ArticleGroups {
    /// Group number of each published article.
    var group: [Int: Int] = [:]
    /// Group names, by number.
    var names: [String] = []
    /// Whether the groups are folders.
    var byFolder = false

    /// The most groups drawn; smaller ones are merged.
    static let maximumGroups = 60

    init(site: Site, metrics: LinkMetrics, published: [Int]) {
        if let folders = Self.folders(site: site, published: published) {
            byFolder = true
            names = Set(folders.values).sorted()
            let number = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
            for (index, name) in folders { group[index] = number[name]! }
        } else {
            communities(site: site, metrics: metrics, published: published)
        }
    }

    /// Folder of each article at the deepest level that gives at most `maximumGroups` folders; nil
    /// when the site has fewer than four folders.
    static func folders(site: Site, published: [Int]) -> [Int: String]? {
        func folder(_ path: String, _ level: Int) -> String {
            let parts = path.split(separator: "/").dropLast()
            return parts.isEmpty ? "(top folder)" : parts.prefix(level).joined(separator: "/") + "/"
        }
        var level = max(1, published.map { site.articles[$0].path.split(separator: "/").count - 1 }.max() ?? 1)
        while level > 1, Set(published.map { folder(site.articles[$0].path, level) }).count > maximumGroups { level -= 1 }
        let folders = Dictionary(uniqueKeysWithValues: published.map { ($0, folder(site.articles[$0].path, level)) })
        let count = Set(folders.values).count
        return count >= 4 && count <= maximumGroups ? folders : nil
    }

    /// Label propagation over links taken both ways, in path order, ties to the smallest label, a fixed
    /// number of rounds; each group is named after its most linked article. Articles without links
    /// form one group; beyond `maximumGroups`, the smallest groups are merged.
    private mutating func communities(site: Site, metrics: LinkMetrics, published: [Int]) {
        var neighbours: [Int: [Int]] = [:]
        for source in published {
            for target in metrics.edges[source] where metrics.published[target] {
                neighbours[source, default: []].append(target)
                neighbours[target, default: []].append(source)
            }
        }
        var label = Dictionary(uniqueKeysWithValues: published.map { ($0, $0) })
        for _ in 0..<30 {
            var changed = false
            for index in published {
                guard let around = neighbours[index], !around.isEmpty else { continue }
                var counts: [Int: Int] = [:]
                for other in around { counts[label[other]!, default: 0] += 1 }
                let best = counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }!.key
                if best != label[index]!, counts[best]! > counts[label[index]!, default: 0] {
                    label[index] = best
                    changed = true
                }
            }
            if !changed { break }
        }
        let unlinked = published.filter { neighbours[$0]?.isEmpty ?? true }
        var members = Dictionary(grouping: published.filter { !(neighbours[$0]?.isEmpty ?? true) }, by: { label[$0]! })
        // The largest groups keep their own circle; the rest share one.
        let ordered = members.keys.sorted { (members[$0]!.count, -$0) > (members[$1]!.count, -$1) }
        let kept = Array(ordered.prefix(Self.maximumGroups - 2))
        let merged = ordered.dropFirst(kept.count).flatMap { members[$0]! }
        members = members.filter { kept.contains($0.key) }
        for key in kept {
            let hub = members[key]!.max { (metrics.inbound[$0], -$0) < (metrics.inbound[$1], -$1) }!
            for index in members[key]! { group[index] = names.count }
            names.append("around “\(site.articles[hub].title)”")
        }
        if !merged.isEmpty {
            for index in merged { group[index] = names.count }
            names.append("small groups")
        }
        if !unlinked.isEmpty {
            for index in unlinked { group[index] = names.count }
            names.append("not linked to or from other articles")
        }
    }
}
