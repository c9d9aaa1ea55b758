import Foundation

/// The `interlink index` report: every article with its URL, size and resolved links.
/// Its JSON form is a versioned contract documented in `Docs/CLI.md`.
public struct IndexReport: Sendable, Codable, Hashable {
    /// Version of the JSON shape.
    public var version = 1
    /// The site root as given.
    public var root: String
    /// The detected generator.
    public var generator: Generator
    /// One entry per article, sorted by path.
    public var articles: [Entry]
    /// Files that could not be loaded.
    public var errors: [Diagnostic]

    /// One article.
    public struct Entry: Sendable, Codable, Hashable {
        public var path: String
        public var title: String
        public var url: String
        public var aliases: [String]
        public var draft: Bool
        public var kind: Article.Kind
        /// On a site with translations, the article's language (`SiteLanguages`): a tag such as `fr`,
        /// or empty for the pages that name none when the site's default language is not known.
        /// Absent on a site of one language.
        public var language: String?
        public var words: Int
        public var spans: Int
        public var links: [Link]
        public var broken: [Broken]
    }

    /// A link that reaches an article.
    public struct Link: Sendable, Codable, Hashable {
        public var line: Int
        public var column: Int
        public var target: String
        public var fragment: String?
    }

    /// A link that should reach an article and does not.
    public struct Broken: Sendable, Codable, Hashable {
        public var line: Int
        public var column: Int
        public var destination: String
        public var reason: String
    }

    /// Builds the report for a loaded site.
    public init(rootDisplay: String, site: Site, graph: LinkGraph, errors: [Diagnostic]) {
        root = rootDisplay
        generator = site.layout.generator
        self.errors = errors
        articles = site.articles.indices.map { index in
            let article = site.articles[index]
            var links: [Link] = []
            var broken: [Broken] = []
            for resolved in graph.outgoing[index] {
                switch resolved.resolution {
                case .article(let target, let fragment):
                    links.append(
                        Link(
                            line: resolved.location.line, column: resolved.location.column,
                            target: site.articles[target].path, fragment: fragment))
                case .broken(let reason):
                    broken.append(
                        Broken(
                            line: resolved.location.line, column: resolved.location.column,
                            destination: resolved.link.destination, reason: reason))
                case .other:
                    break
                }
            }
            return Entry(
                path: article.path, title: article.title, url: article.url,
                aliases: article.aliasURLs + article.aliasNames, draft: article.isDraft, kind: article.kind,
                language: site.languages.language(of: index), words: article.document.wordCount, spans: article.document.spans.count, links: links, broken: broken)
        }
    }

    /// Pretty, key-sorted JSON with a final newline.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// A human-readable listing.
    public func text() -> String {
        var lines: [String] = ["\(articles.count) articles, generator: \(generator.rawValue)"]
        for entry in articles {
            var flags: [String] = []
            if entry.draft { flags.append("draft") }
            if entry.kind == .section { flags.append("section") }
            if let language = entry.language { flags.append(language.isEmpty ? "default language" : "language " + language) }
            let flagText = flags.isEmpty ? "" : " [" + flags.joined(separator: ", ") + "]"
            lines.append("\(entry.path)  \(entry.url)  \"\(entry.title)\"\(flagText)")
            lines.append("    \(entry.words) words, \(entry.spans) linkable spans, \(entry.links.count) internal links")
            if !entry.aliases.isEmpty { lines.append("    aliases: " + entry.aliases.joined(separator: ", ")) }
            for link in entry.links {
                lines.append("    \(link.line):\(link.column) -> \(link.target)" + (link.fragment.map { "#" + $0 } ?? ""))
            }
            for broken in entry.broken {
                lines.append("    \(broken.line):\(broken.column) broken: \(broken.destination) (\(broken.reason))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
