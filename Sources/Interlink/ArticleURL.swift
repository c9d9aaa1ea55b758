import Foundation

/// Computes the URL a generator publishes an article at, from its path and front matter.
public enum ArticleURL {
    /// The article's primary root-relative URL.
    public static func url(path: String, frontMatter: FrontMatter, layout: SiteLayout) -> String {
        let relative = contentRelativePath(path, layout: layout)
        let language = layout.languages?.language(ofPath: path)
        // MkDocs' language folders (`docs/fr/`) are no part of the URL.
        let directory = ArticlePath.directory(of: layout.languages?.languageFolder(of: path)?.inside ?? relative)
        // The language found above already took the language code off the stem.
        let stem = language?.stem ?? ArticlePath.stem(of: relative)
        let isIndex = ["index", "_index", "readme"].contains(stem.lowercased())
        var url: String
        switch layout.generator {
        case .hugo:
            if let explicit = frontMatter.url, explicit.hasPrefix("/") {
                url = explicit
            } else if isIndex {
                url = join(directory) + "/"
            } else {
                url = join(directory, frontMatter.slug ?? stem) + "/"
            }
            url = url.lowercased()
        case .jekyll:
            url = jekyllURL(relative: relative, frontMatter: frontMatter, layout: layout)
        case .mkdocs:
            if isIndex {
                url = join(directory) + "/"
            } else {
                url = layout.directoryURLs ? join(directory, stem) + "/" : join(directory, stem) + ".html"
            }
        case .docusaurus:
            url = docusaurusURL(path: path, relative: relative, frontMatter: frontMatter, layout: layout)
        case .eleventy:
            url = isIndex ? join(directory) + "/" : join(directory, stem) + "/"
        case .vitepress, .obsidian, .plain:
            url = isIndex ? join(directory) + "/" : join(directory, stem)
        }
        if layout.generator != .hugo, layout.generator != .docusaurus, let permalink = frontMatter.permalink,
            permalink.hasPrefix("/"), !permalink.contains(":")
        {
            url = permalink
        }
        if url == "//" { url = "/" }
        // A configured language's pages are published under `/CODE/` (Hugo's and MkDocs' translations);
        // a Hugo page's explicit `url` is where it is, whatever its language.
        if let language, let languages = layout.languages,
            layout.generator == .mkdocs || layout.generator == .hugo && frontMatter.url?.hasPrefix("/") != true
        {
            url = languages.urlPrefix(of: language.code) + url
        }
        return layout.basePath + url
    }

    /// The file's name without its extension and, on a site with configured languages, without the
    /// language code a translation's name carries (`about.fr.md` → `about`), which is no part of its URL.
    public static func stem(path: String, relative: String, layout: SiteLayout) -> String {
        if let languages = layout.languages { return languages.language(ofPath: path).stem }
        return ArticlePath.stem(of: relative)
    }

    /// The path inside the generator's content folder (`content/posts/a.md` → `posts/a.md` for Hugo).
    public static func contentRelativePath(_ path: String, layout: SiteLayout) -> String {
        let directories = layout.contentDirectories
        // Nearly every site has one content folder: no sorting (an array made per call) then.
        if directories.count == 1 {
            let directory = directories[0]
            if !directory.isEmpty, path.hasPrefix(directory + "/") { return String(path.dropFirst(directory.count + 1)) }
            return path
        }
        for directory in directories.sorted(by: { $0.count > $1.count }) where !directory.isEmpty {
            if path.hasPrefix(directory + "/") { return String(path.dropFirst(directory.count + 1)) }
        }
        return path
    }

    /// `/` and the parts' non-empty segments joined by `/`.
    static func join(_ parts: String...) -> String {
        // Nearly every part is plain (its segments are the text between its slashes, none empty) or
        // empty: joined as it is, without splitting it into characters.
        if parts.allSatisfy({ $0.isEmpty || ArticlePath.isPlain($0) }) {
            return "/" + parts.filter { !$0.isEmpty }.joined(separator: "/")
        }
        let segments = parts.flatMap { $0.split(separator: "/") }
        return "/" + segments.joined(separator: "/")
    }

    // MARK: Jekyll

    private static func jekyllURL(relative: String, frontMatter: FrontMatter, layout: SiteLayout) -> String {
        if let permalink = frontMatter.permalink, permalink.hasPrefix("/") {
            return permalink
        }
        if let url = jekyllCollectionURL(relative: relative, frontMatter: frontMatter, layout: layout) {
            return url
        }
        let stem = ArticlePath.stem(of: relative)
        let isPost = relative.hasPrefix("_posts/") || relative.contains("/_posts/")
            || relative.hasPrefix("_drafts/")
        let pretty = layout.jekyllPermalink == "pretty" || layout.jekyllPermalink.hasSuffix("/")
        guard isPost, let post = JekyllPostName(stem) else {
            let directory = ArticlePath.directory(of: relative)
            if stem.lowercased() == "index" { return join(directory) + "/" }
            return pretty ? join(directory, stem) + "/" : join(directory, stem) + ".html"
        }
        let categories = frontMatter.categories.map { $0.lowercased().replacingOccurrences(of: " ", with: "-") }
        let title = frontMatter.slug ?? post.title
        let pattern: String
        switch layout.jekyllPermalink {
        case "date": pattern = "/:categories/:year/:month/:day/:title:output_ext"
        case "pretty": pattern = "/:categories/:year/:month/:day/:title/"
        case "ordinal": pattern = "/:categories/:year/:y_day/:title:output_ext"
        case "none": pattern = "/:categories/:title:output_ext"
        default: pattern = layout.jekyllPermalink
        }
        var url = pattern
        for (key, value) in [
            (":categories", categories.joined(separator: "/")), (":year", post.year), (":month", post.month),
            (":day", post.day), (":title", title), (":slug", title), (":output_ext", ".html"),
        ] {
            url = url.replacingOccurrences(of: key, with: value)
        }
        return "/" + url.split(separator: "/").joined(separator: "/") + (url.hasSuffix("/") ? "/" : "")
    }

    /// The URL of a document of a Jekyll collection (`_docs/cli/build.md` in the collection `docs`), from
    /// its pattern: `:collection`, `:path` (the path in the collection's folder, without extension),
    /// `:name` (the file's name, lower case, blanks as hyphens), `:title` and `:slug` (the `slug` front
    /// matter, else the file's name with blanks as hyphens, its case kept for `:title`), `:output_ext`.
    /// Nil for a file of no collection.
    private static func jekyllCollectionURL(relative: String, frontMatter: FrontMatter, layout: SiteLayout) -> String? {
        guard !layout.jekyllCollections.isEmpty else { return nil }
        var inFolder = Substring(relative)
        if !layout.jekyllCollectionsDirectory.isEmpty {
            guard inFolder.hasPrefix(layout.jekyllCollectionsDirectory + "/") else { return nil }
            inFolder = inFolder.dropFirst(layout.jekyllCollectionsDirectory.count + 1)
        }
        guard inFolder.hasPrefix("_"), let slash = inFolder.firstIndex(of: "/") else { return nil }
        let label = inFolder[inFolder.index(after: inFolder.startIndex)..<slash]
        guard let collection = layout.jekyllCollections.first(where: { $0.label == label }) else { return nil }
        let inCollection = String(inFolder[inFolder.index(after: slash)...])
        let stem = ArticlePath.stem(of: inCollection)
        let directory = ArticlePath.directory(of: inCollection)
        let path = directory.isEmpty ? stem : directory + "/" + stem
        let hyphenated = stem.replacingOccurrences(of: " ", with: "-")
        let name = hyphenated.lowercased()
        var url = collection.pattern(siteStyle: layout.jekyllPermalink)
        for (key, value) in [
            (":collection", String(label)), (":path", path), (":name", name), (":title", frontMatter.slug ?? hyphenated),
            (":slug", frontMatter.slug ?? name), (":output_ext", ".html"),
        ] {
            url = url.replacingOccurrences(of: key, with: value)
        }
        return "/" + url.split(separator: "/").joined(separator: "/") + (url.hasSuffix("/") ? "/" : "")
    }

    // MARK: Docusaurus

    private static func docusaurusURL(path: String, relative: String, frontMatter: FrontMatter, layout: SiteLayout)
        -> String
    {
        let section = path.split(separator: "/").first.map(String.init) ?? ""
        let directory = ArticlePath.directory(of: relative).split(separator: "/").map { stripNumberPrefix(String($0)) }
        var stem = stripNumberPrefix(ArticlePath.stem(of: relative))
        if section == "blog", let post = JekyllPostName(ArticlePath.stem(of: relative)) { stem = post.title }
        let prefix = section == "docs" ? "/docs" : (section == "blog" ? "/blog" : "")
        if let slug = frontMatter.slug {
            if slug.hasPrefix("/") { return prefix + (slug == "/" ? "/" : slug) }
            return join(prefix, directory.joined(separator: "/"), slug)
        }
        if let id = frontMatter.id { stem = id }
        if ["index", "readme"].contains(stem.lowercased()) { return join(prefix, directory.joined(separator: "/")) + "/" }
        return join(prefix, directory.joined(separator: "/"), stem)
    }

    private static func stripNumberPrefix(_ name: String) -> String {
        let digits = name.prefix(while: \.isNumber)
        guard !digits.isEmpty else { return name }
        let rest = name.dropFirst(digits.count)
        guard let separator = rest.first, separator == "-" || separator == "_" || separator == "." else { return name }
        return String(rest.dropFirst())
    }
}

/// `2024-01-02-some-title` split into its date and title.
struct JekyllPostName {
    let year: String
    let month: String
    let day: String
    let title: String

    init?(_ stem: String) {
        // Most stems are plain ASCII (a byte is a `Character` there, without a carriage return) and not
        // dated: such a stem without its hyphens at 4, 7 and 10 is no post name, told without splitting.
        let bytes = stem.utf8
        if bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            let hyphen = UInt8(ascii: "-")
            guard bytes.count >= 11 else { return nil }
            let start = bytes.startIndex
            guard bytes[bytes.index(start, offsetBy: 4)] == hyphen, bytes[bytes.index(start, offsetBy: 7)] == hyphen,
                bytes[bytes.index(start, offsetBy: 10)] == hyphen
            else { return nil }
        }
        let parts = stem.split(separator: "-", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts[0...2].allSatisfy({ $0.allSatisfy(\.isNumber) })
        else { return nil }
        year = String(parts[0])
        month = String(parts[1])
        day = String(parts[2])
        title = String(parts[3])
    }
}
