import Foundation
import InterlinkMarkdown

/// Where an existing link points.
public enum LinkResolution: Sendable, Hashable {
    /// To an article of the site (index into `Site.articles`), with an optional `#fragment`.
    case article(Int, fragment: String?)
    /// An internal-looking link that reaches no article; the reason says why.
    case broken(String)
    /// A link to another site, an asset, a same-page `#fragment`, or a page the site builds from
    /// something other than Markdown: not an article link, not broken.
    case other
}

/// Resolves the links written in articles to the articles they point to, the way each generator does:
/// relative `.md` paths, root-relative URLs, Hugo `ref`/`relref`, Jekyll `link`/`post_url`, and wikilinks.
public struct LinkResolver: Sendable {
    /// The site links are resolved in.
    public let site: Site

    public init(site: Site) {
        self.site = site
    }

    /// Resolves `link`, written in the article at index `source`.
    public func resolve(_ link: MarkdownLink, from source: Int) -> LinkResolution {
        switch link.kind {
        case .image:
            return .other
        case .wikilink:
            return resolveWikilink(link.destination)
        case .template:
            return resolveTemplate(name: link.template ?? "", argument: link.destination, from: source)
        case .inline, .autolink:
            return resolveDestination(link.destination, from: source)
        }
    }

    // MARK: URLs and paths

    /// Resolves a Markdown link destination.
    public func resolveDestination(_ destination: String, from source: Int) -> LinkResolution {
        var target = destination.trimmingWhitespace()
        if target.hasPrefix("<"), target.hasSuffix(">") { target = String(target.dropFirst().dropLast()) }
        // `({{site.baseurl}}/x/)`: Liquid without blanks, which cmark reads as an ordinary destination.
        if target.utf8.contains(UInt8(ascii: "{")), target.contains("{{") || target.contains("{%") {
            return resolveLiquid(target, from: source)
        }
        guard !target.isEmpty, !target.hasPrefix("#") else { return .other }
        if let schemeEnd = target.firstIndex(ofASCII: UInt8(ascii: ":")), target[..<schemeEnd].firstIndex(ofASCII: UInt8(ascii: "/")) == nil {
            let scheme = target[..<schemeEnd].lowercased()
            guard scheme == "http" || scheme == "https", let url = URL(string: target), let host = url.host?.lowercased(),
                site.layout.siteHosts.contains(host)
            else { return .other }
            target = url.path.isEmpty ? "/" : url.path
            if let fragment = url.fragment { target += "#" + fragment }
        } else if target.hasPrefix("//") {
            return .other
        }
        let (path, fragment) = splitFragment(target)
        // Without a `%` there is nothing to decode (Foundation's decoding is the costly part).
        let decoded = path.utf8.contains(UInt8(ascii: "%")) ? path.removingPercentEncoding ?? path : path
        let sourceArticle = site.articles[source]
        if ArticlePath.isMarkdown(decoded) {
            if let index = resolveFile(decoded, from: sourceArticle) {
                return .article(
                    site.languages.translation(of: index, for: source, in: site, written: decoded), fragment: fragment)
            }
            return .broken("no Markdown file at '\(decoded)'")
        }
        if decoded.hasPrefix("/") {
            if let index = site.index(ofURL: decoded) ?? resolveFileWithoutExtension(decoded, from: sourceArticle) {
                return .article(index, fragment: fragment)
            }
            return looksLikeContent(decoded) ? .broken("no article is published at '\(decoded)'") : .other
        }
        // Relative: first as a URL against the article's URL, then as a file path next to it.
        if let index = resolveRelativeURL(decoded, from: sourceArticle)
            ?? resolveFileWithoutExtension(decoded, from: sourceArticle)
            ?? resolveFileWithoutExtension(decoded + "/index", from: sourceArticle)
        {
            return .article(index, fragment: fragment)
        }
        let extensionName = (decoded as NSString).pathExtension.lowercased()
        if extensionName.isEmpty || extensionName == "html" || extensionName == "htm" {
            return .broken("no article at relative URL '\(decoded)'")
        }
        return .other
    }

    private func splitFragment(_ target: String) -> (String, String?) {
        var path = target
        var fragment: String? = nil
        if let hash = path.firstIndex(ofASCII: UInt8(ascii: "#")) {
            fragment = String(path[path.index(after: hash)...])
            path = String(path[..<hash])
        }
        if let query = path.firstIndex(ofASCII: UInt8(ascii: "?")) { path = String(path[..<query]) }
        return (path, fragment.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// A `.md` path: relative to the article's folder, or, with a leading `/`, to the root or a content folder.
    private func resolveFile(_ path: String, from article: Article) -> Int? {
        var candidates: [String] = []
        if path.hasPrefix("/") {
            candidates.append(String(path.dropFirst()))
            candidates += site.layout.contentDirectories.filter { !$0.isEmpty }.map { $0 + path }
        } else {
            candidates.append(ArticlePath.directory(of: article.path) + "/" + path)
            candidates += site.layout.contentDirectories.map { $0.isEmpty ? path : $0 + "/" + path }
        }
        for candidate in candidates {
            guard let normalized = ArticlePath.normalize(candidate) else { continue }
            if let index = site.indexByPath[normalized] ?? site.indexByLowercasedPath[normalized.lowercased()] {
                return index
            }
        }
        return nil
    }

    private func resolveRelativeURL(_ path: String, from article: Article) -> Int? {
        let base = article.url.hasSuffix("/") ? article.url : ArticlePath.directory(of: article.url)
        guard let normalized = ArticlePath.normalize(base + "/" + path) else { return nil }
        return site.index(ofURL: "/" + normalized)
    }

    private func looksLikeContent(_ path: String) -> Bool {
        let extensionName = (path as NSString).pathExtension.lowercased()
        guard extensionName.isEmpty || extensionName == "html" || extensionName == "htm" else { return false }
        let base = site.layout.basePath
        // A link may be written with or without the base path (`index(ofURL:)` accepts both).
        let hasBase = !base.isEmpty && (path == base || path.hasPrefix(base + "/"))
        let trimmed = hasBase ? path.dropFirst(base.count) : Substring(path)
        guard let first = trimmed.split(separator: "/").first else { return false }
        return site.contentSections.contains(first.lowercased())
    }

    /// A file named by a path written without its extension (`../guide/intro` for `intro.md` or `intro.mdx`).
    private func resolveFileWithoutExtension(_ path: String, from article: Article) -> Int? {
        resolveFile(path + ".md", from: article) ?? resolveFile(path + ".mdx", from: article)
    }

    // MARK: Templates

    private func resolveTemplate(name: String, argument: String, from source: Int) -> LinkResolution {
        let (path, fragment) = splitFragment(argument)
        let article = site.articles[source]
        switch name {
        case "ref", "relref":
            // Hugo: a path in the content folder, relative to the page, or a unique file name.
            let withExtension = ArticlePath.isMarkdown(path) ? path : path + ".md"
            if path.isEmpty { return .other }
            if let index = resolveFile(withExtension.hasPrefix("/") ? withExtension : "/" + withExtension, from: article)
                ?? resolveFile(withExtension, from: article)
                ?? resolveFile(path + "/_index.md", from: article) ?? resolveFile(path + "/index.md", from: article)
                ?? uniqueStem(ArticlePath.stem(of: path), from: source)
            {
                // Hugo looks the path up among the pages of the linking page's language.
                return .article(
                    site.languages.translation(of: index, for: source, in: site, written: path), fragment: fragment)
            }
            return .broken("\(name) '\(argument)' matches no article")
        case "link":
            if let index = site.indexByPath[ArticlePath.normalize(path) ?? path] {
                return .article(index, fragment: fragment)
            }
            return .broken("{% link \(argument) %} matches no file")
        case MarkdownLink.liquidDestination:
            return resolveLiquid(argument, from: source)
        case "post_url":
            let stem = ArticlePath.stem(of: path).lowercased()
            if let candidates = site.indicesByStem[stem],
                let index = candidates.first(where: { site.articles[$0].path.contains("_posts/") }) ?? candidates.first
            {
                return .article(index, fragment: fragment)
            }
            return .broken("{% post_url \(argument) %} matches no post")
        default:
            return .other
        }
    }

    /// A destination written with Liquid (`LiquidDestination`): the URL or tag it stands for, resolved.
    private func resolveLiquid(_ destination: String, from source: Int) -> LinkResolution {
        switch LiquidDestination.evaluate(destination, basePath: site.layout.basePath) {
        case .url(let url): return resolveDestination(url, from: source)
        case .tag(let name, let argument): return resolveTemplate(name: name, argument: argument, from: source)
        case .unknown: return .other
        }
    }

    /// The one article whose file is named `stem`; of the articles in `source`'s language, when the site
    /// has translations (each language's folder holds a `cdn.md`).
    private func uniqueStem(_ stem: String, from source: Int) -> Int? {
        guard var candidates = site.indicesByStem[stem.lowercased()] else { return nil }
        if candidates.count > 1 { candidates.removeAll { !site.languages.same($0, source) } }
        return candidates.count == 1 ? candidates[0] : nil
    }

    // MARK: Wikilinks

    private func resolveWikilink(_ destination: String) -> LinkResolution {
        let (name, fragment) = splitFragment(destination)
        if name.isEmpty { return .other }
        let bare = ArticlePath.isMarkdown(name) ? String(name[..<name.lastIndex(of: ".")!]) : name
        if let index = site.indexByLowercasedPath[(bare + ".md").lowercased()] { return .article(index, fragment: fragment) }
        for directory in site.layout.contentDirectories where !directory.isEmpty {
            if let index = site.indexByLowercasedPath[(directory + "/" + bare + ".md").lowercased()] {
                return .article(index, fragment: fragment)
            }
        }
        let stem = ArticlePath.stem(of: bare + ".md").lowercased()
        if let candidates = site.indicesByStem[stem], let first = candidates.first {
            return .article(first, fragment: fragment)
        }
        if let candidates = site.indicesByName[bare.lowercased()], let first = candidates.first {
            return .article(first, fragment: fragment)
        }
        // `[[TOC]]` and similar markers are not links outside note apps.
        return site.layout.generator == .obsidian ? .broken("no note named '\(bare)'") : .other
    }
}
