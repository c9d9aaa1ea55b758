/// The pages a reader starts from, which click depth is counted from.
public enum EntryPages {
    /// The entry pages of `site`: the articles matching `configured`, or, when nothing is configured,
    /// the ones the generator makes the starting points of navigation: the home page (the article
    /// published at the site's root URL: Hugo's `content/_index.md`, an `index.md` or `README.md` at
    /// the content root) and the section index pages (`_index.md`, `index.md`, `README.md` of a folder).
    /// Drafts are never entry pages. Returns the indices (sorted) and the configured patterns that
    /// matched no article.
    public static func detect(site: Site, configured: [Glob] = []) -> (entries: [Int], unmatched: [Glob]) {
        if !configured.isEmpty {
            var entries: Set<Int> = []
            var unmatched: [Glob] = []
            for glob in configured {
                let matches = site.articles.indices.filter { glob.matches(site.articles[$0].path) }
                if matches.isEmpty { unmatched.append(glob) }
                entries.formUnion(matches.filter { !site.articles[$0].isDraft })
            }
            return (entries.sorted(), unmatched)
        }
        let home = site.layout.basePath + "/"
        let entries = site.articles.indices.filter { index in
            let article = site.articles[index]
            guard !article.isDraft else { return false }
            return article.url == home || article.kind == .section || isFolderIndex(article.path)
        }
        return (entries, [])
    }

    /// `_index.md`, `index.md` or `README.md` (any case, `.md` or `.markdown`), or a translation of one
    /// (`_index.fr.md`).
    static func isFolderIndex(_ path: String) -> Bool {
        let stem = ArticlePath.stem(of: path)
        return ["index", "_index", "readme"].contains((LanguageTag.suffix(ofStem: stem)?.stem ?? stem).lowercased())
    }
}
