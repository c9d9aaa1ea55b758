import InterlinkMarkdown

/// An existing link, located and resolved.
public struct ResolvedLink: Sendable, Hashable {
    /// The link as written.
    public let link: MarkdownLink
    /// Where it starts in its file.
    public let location: SourceLocation
    /// Where it points.
    public let resolution: LinkResolution

    /// The target article's index when the link reaches one.
    public var targetIndex: Int? {
        if case .article(let index, _) = resolution { return index }
        return nil
    }
}

/// Every existing link of the site, resolved once and shared by the index, suggester and audit.
public struct LinkGraph: Sendable {
    /// Links per article, parallel to `Site.articles`, in document order.
    public let outgoing: [[ResolvedLink]]

    /// Resolves every link of every article of `site`. `known`, parallel to `Site.articles` where given,
    /// holds resolutions made earlier (the on-disk cache) for the article's links in document order,
    /// valid only when made for the same links at the same path in a site with the same
    /// `LinkResolver.fingerprint(of:)`; an article without them, or whose list does not fit, is resolved.
    public init(site: Site, known: [[LinkResolution]?]? = nil) {
        let resolver = LinkResolver(site: site)
        let count = site.articles.count
        outgoing = site.articles.indices.parallelMap { source in
            let article = site.articles[source]
            let links = article.document.links.sorted { $0.range.lowerBound < $1.range.lowerBound }
            var resolutions = known?[source]
            if let list = resolutions, list.count != links.count || list.contains(where: { resolution in
                if case .article(let index, _) = resolution { return index < 0 || index >= count }
                return false
            }) {
                resolutions = nil
            }
            return links.indices.map { number in
                let link = links[number]
                return ResolvedLink(
                    link: link, location: article.document.lines.location(of: link.range.lowerBound),
                    resolution: resolutions?[number] ?? resolver.resolve(link, from: source))
            }
        }
    }

    /// Indices of the articles that `source` links to.
    public func targets(of source: Int) -> Set<Int> {
        Set(outgoing[source].compactMap(\.targetIndex))
    }
}
