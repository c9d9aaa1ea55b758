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

    /// Resolves every link of every article of `site`.
    public init(site: Site) {
        let resolver = LinkResolver(site: site)
        outgoing = site.articles.indices.parallelMap { source in
            let article = site.articles[source]
            return article.document.links.sorted { $0.range.lowerBound < $1.range.lowerBound }.map { link in
                ResolvedLink(
                    link: link, location: article.document.lines.location(of: link.range.lowerBound),
                    resolution: resolver.resolve(link, from: source))
            }
        }
    }

    /// Indices of the articles that `source` links to.
    public func targets(of source: Int) -> Set<Int> {
        Set(outgoing[source].compactMap(\.targetIndex))
    }
}
