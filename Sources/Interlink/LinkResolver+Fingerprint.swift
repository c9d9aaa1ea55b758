extension LinkResolver {
    /// A hash of everything resolution reads from a site: the layout (generator, content folders,
    /// hosts, base path, permalink settings) and every article's path, URL, alias URLs, title and
    /// alias names, in order. Two sites with the same fingerprint resolve a link written at the
    /// same path to the same place, so the on-disk cache (`ArticleCache`) may keep resolutions.
    public static func fingerprint(of site: Site) -> ContentHash {
        var writer = BinaryWriter()
        let layout = site.layout
        writer.string(layout.generator.rawValue)
        writer.uint(UInt64(layout.contentDirectories.count))
        for directory in layout.contentDirectories { writer.string(directory) }
        writer.uint(UInt64(layout.siteHosts.count))
        for host in layout.siteHosts { writer.string(host) }
        writer.string(layout.basePath)
        writer.string(layout.jekyllPermalink)
        writer.bool(layout.directoryURLs)
        let ignored = layout.ignoredDirectories.sorted()
        writer.uint(UInt64(ignored.count))
        for directory in ignored { writer.string(directory) }
        writer.uint(UInt64(site.articles.count))
        for article in site.articles {
            writer.string(article.path)
            writer.string(article.url)
            writer.uint(UInt64(article.aliasURLs.count))
            for url in article.aliasURLs { writer.string(url) }
            writer.string(article.title)
            writer.uint(UInt64(article.aliasNames.count))
            for name in article.aliasNames { writer.string(name) }
        }
        return ContentHash(writer.bytes)
    }
}
