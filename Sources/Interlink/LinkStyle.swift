/// The syntax new links are written in.
public enum LinkStyle: String, Sendable, Hashable, Codable, CaseIterable {
    /// `[anchor](../other/post.md)`: relative path to the target file (plain folders, MkDocs, Docusaurus, VitePress).
    case relative
    /// `[anchor](/posts/other/)`: the URL the generator publishes the target at (Hugo, Jekyll, Eleventy).
    case url
    /// `[anchor]({{< relref "posts/other.md" >}})`: Hugo's checked cross-reference.
    case relref
    /// `[anchor]({% link other.md %})` or `[anchor]({% post_url 2024-01-02-name %})`: Jekyll's checked links.
    case liquid
    /// `[[Other]]` or `[[Other|anchor]]`: Obsidian and other note apps.
    case wikilink
}

extension LinkStyle {
    /// The style a site's existing internal links mostly use (three or more), else the style of its
    /// internal-looking links that reach no article (a partial checkout, a sample of a blog whose
    /// links point at posts left out: still how its authors write links), else its generator's
    /// usual style.
    public static func detect(site: Site, graph: LinkGraph) -> LinkStyle {
        let resolved = graph.outgoing.lazy.joined().filter { $0.targetIndex != nil }
        if let style = mostUsed(resolved, site: site) { return style }
        let broken = graph.outgoing.lazy.joined().filter {
            if case .broken = $0.resolution { return true }
            return false
        }
        if let style = mostUsed(broken, site: site) { return style }
        switch site.layout.generator {
        case .hugo, .jekyll, .eleventy: return .url
        case .obsidian: return .wikilink
        case .mkdocs, .docusaurus, .vitepress, .plain: return .relative
        }
    }

    /// The style most of `links` use, when three or more do.
    private static func mostUsed<Links: Sequence>(_ links: Links, site: Site) -> LinkStyle? where Links.Element == ResolvedLink {
        var counts: [LinkStyle: Int] = [:]
        for resolved in links {
            let link = resolved.link
            switch link.kind {
            case .wikilink: counts[.wikilink, default: 0] += 1
            case .template:
                counts[(link.template == "ref" || link.template == "relref") ? .relref : .liquid, default: 0] += 1
            case .inline:
                let destination = link.destination.split(separator: "#", maxSplits: 1).first.map(String.init) ?? ""
                if ArticlePath.isMarkdown(destination) {
                    counts[.relative, default: 0] += 1
                } else if destination.hasPrefix("/") || destination.hasPrefix("http") {
                    counts[.url, default: 0] += 1
                } else if site.layout.generator == .vitepress || site.layout.generator == .plain {
                    counts[.relative, default: 0] += 1
                } else {
                    counts[.url, default: 0] += 1
                }
            case .autolink, .image:
                break
            }
        }
        guard let (style, count) = counts.max(by: { ($0.value, $0.key.rawValue) < ($1.value, $1.key.rawValue) }), count >= 3
        else { return nil }
        return style
    }
}
