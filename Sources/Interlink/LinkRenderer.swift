import Foundation
import InterlinkMarkdown

/// Writes the Markdown of a new link in a given style.
public struct LinkRenderer: Sendable {
    public let site: Site
    public let style: LinkStyle

    public init(site: Site, style: LinkStyle) {
        self.site = site
        self.style = style
    }

    /// Why a suggestion cannot be written as a link.
    public enum Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        /// The anchor holds `[`, `]`, or `|` in a table row, which would break the link.
        case unsafeAnchor(String)

        public var description: String {
            switch self {
            case .unsafeAnchor(let anchor): return "anchor \"\(anchor)\" holds characters that would break the link"
            }
        }
    }

    /// The replacement bytes for an anchor in `source` linking to `target`.
    public func render(anchor: [UInt8], source: Article, target: Article, fragment: String?, inTable: Bool)
        throws(Refusal) -> [UInt8]
    {
        let text = String(decoding: anchor, as: UTF8.self)
        let isCode = text.hasPrefix("`")
        if !isCode, text.contains("[") || text.contains("]") { throw .unsafeAnchor(text) }
        if isCode, text.contains("]") || text.contains("[") { throw .unsafeAnchor(text) }
        if inTable, text.contains("|") { throw .unsafeAnchor(text) }
        // A wikilink ends at its line, its text is no Markdown (a code span in it hides the `]]`), and in a
        // table row its `|` would end the cell: there it is written as the Markdown link the vault also reads.
        if style == .wikilink, inTable || !Self.fitsWikilink(anchor) {
            return try LinkRenderer(site: site, style: Self.markdownStyle(for: site.layout.generator))
                .render(anchor: anchor, source: source, target: target, fragment: fragment, inTable: inTable)
        }
        switch style {
        case .wikilink:
            let name = wikilinkName(of: target)
            let heading = fragment.flatMap { id in target.document.headings.first(where: { $0.id == id })?.text }
            let destination = name + (heading.map { "#" + $0 } ?? "")
            if heading == nil, text == name { return Array("[[\(destination)]]".utf8) }
            return Array("[[\(destination)|".utf8) + anchor + Array("]]".utf8)
        case .relref:
            var path = ArticleURL.contentRelativePath(target.path, layout: site.layout)
            // Hugo looks a reference up among the pages of the linking page's language: a translation is
            // named without its language code (`posts/cdn.md` for `posts/cdn.fr.md`).
            if site.layout.generator == .hugo, let languages = site.layout.languages {
                let stem = languages.language(ofPath: target.path).stem
                let directory = ArticlePath.directory(of: path)
                let fileExtension = path.split(separator: ".").last.map { "." + $0 } ?? ""
                path = (directory.isEmpty ? "" : directory + "/") + stem + fileExtension
            }
            let reference = path + (fragment.map { "#" + $0 } ?? "")
            return Array("[".utf8) + anchor + Array("]({{< relref \"\(reference)\" >}})".utf8)
        case .liquid:
            let relative = ArticleURL.contentRelativePath(target.path, layout: site.layout)
            let isPost = relative.hasPrefix("_posts/") && JekyllPostName(ArticlePath.stem(of: relative)) != nil
            let tag = isPost ? "{% post_url \(ArticlePath.stem(of: relative)) %}" : "{% link \(target.path) %}"
            return Array("[".utf8) + anchor + Array("](\(tag))".utf8)
        case .url:
            return Array("[".utf8) + anchor + Array("](\(Self.destination(target.url, fragment: fragment)))".utf8)
        case .relative:
            let path = Self.relativePath(from: source.path, to: target.path)
            return Array("[".utf8) + anchor + Array("](\(Self.destination(path, fragment: fragment)))".utf8)
        }
    }

    /// Whether a wikilink can hold `anchor` as its text: on one line, with no code span.
    static func fitsWikilink(_ anchor: [UInt8]) -> Bool {
        !anchor.contains(0x0A) && !anchor.contains(UInt8(ascii: "`"))
    }

    /// The Markdown link style written where a wikilink cannot be: a relative `.md` path, which Obsidian
    /// and plain folders read, or the URL on the generators that publish pages at URLs of their own.
    static func markdownStyle(for generator: Generator) -> LinkStyle {
        switch generator {
        case .hugo, .jekyll, .eleventy: return .url
        case .obsidian, .mkdocs, .docusaurus, .vitepress, .plain: return .relative
        }
    }

    /// The note name Obsidian resolves: the file name, or the path when the name is not unique.
    func wikilinkName(of target: Article) -> String {
        let unique = (site.indicesByStem[target.stem.lowercased()]?.count ?? 0) <= 1
        if unique { return target.stem }
        let path = target.path
        return String(path[..<(path.lastIndex(of: ".") ?? path.endIndex)])
    }

    /// A link destination: spaces and parentheses would end it, so such a destination goes in `<…>`.
    static func destination(_ path: String, fragment: String?) -> String {
        let full = path + (fragment.map { "#" + $0 } ?? "")
        if full.contains(" ") || full.contains("(") || full.contains(")") { return "<\(full)>" }
        return full
    }

    /// `posts/a.md` → `posts/b.md` is `b.md`; `guide/x.md` → `api/y.md` is `../api/y.md`.
    static func relativePath(from source: String, to target: String) -> String {
        let from = ArticlePath.directory(of: source).split(separator: "/")
        let to = target.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        let ups = Array(repeating: "..", count: from.count - common)
        return (ups + to[common...].map(String.init)).joined(separator: "/")
    }
}
