extension LinkResolver {
    /// A hash of everything resolution reads from a site: the layout (generator, content folders,
    /// hosts, base path, permalink settings, Jekyll collections, Hugo's languages) and every article's path, URL, alias URLs, language, title and
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
        writer.uint(UInt64(layout.jekyllCollections.count))
        for collection in layout.jekyllCollections {
            writer.string(collection.label)
            writer.string(collection.permalink ?? "")
        }
        writer.string(layout.jekyllCollectionsDirectory)
        // Configured languages decide URLs, and which translation a `relref` or `.md` path means.
        if let languages = layout.languages {
            writer.uint(UInt64(languages.codes.count))
            for code in languages.codes { writer.string(code) }
            writer.string(languages.defaultCode)
            for (directory, code) in languages.contentDirectories.sorted(by: { $0.key < $1.key }) {
                writer.string(directory)
                writer.string(code)
            }
            writer.bool(languages.defaultInSubdirectory)
            writer.string(languages.languageFoldersIn ?? "\u{0}")
        } else {
            writer.uint(0)
        }
        let ignored = layout.ignoredDirectories.sorted()
        writer.uint(UInt64(ignored.count))
        for directory in ignored { writer.string(directory) }
        writer.uint(UInt64(site.articles.count))
        // Runs of articles hashed on all cores, then the hashes of the runs in order; by index, each
        // field read in place (iterating the articles copied each one).
        let articles = site.articles
        let languages = site.languages
        writer.runHashes(count: articles.count, run: 1024) { writer, index in
            writer.string(articles[index].path)
            writer.string(articles[index].url)
            let aliasURLs = articles[index].aliasURLs
            writer.uint(UInt64(aliasURLs.count))
            for url in aliasURLs { writer.string(url) }
            writer.uint(UInt64(languages.number(of: index)))
            writer.string(articles[index].title)
            let aliasNames = articles[index].aliasNames
            writer.uint(UInt64(aliasNames.count))
            for name in aliasNames { writer.string(name) }
        }
        return ContentHash(writer.bytes)
    }
}
