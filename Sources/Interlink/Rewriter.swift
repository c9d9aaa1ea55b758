import Foundation
import InterlinkMarkdown

/// The new content planned for one file, and what it took to get there.
public struct FileRewrite: Sendable {
    /// Path relative to the site root.
    public let path: String
    /// The bytes as read.
    public let original: [UInt8]
    /// The bytes with the new links.
    public let rewritten: [UInt8]
    /// Suggestions written into `rewritten`, in document order.
    public let applied: [Suggestion]
    /// Suggestions left out, with the reason.
    public let rejected: [Rejection]

    /// Whether anything changes.
    public var changes: Bool { rewritten != original }
}

/// A suggestion that was not written, and why.
public struct Rejection: Sendable, Hashable {
    public let suggestion: Suggestion
    public let reason: String
}

/// Turns suggestions into edits, applies them in memory, and checks the result by parsing it again.
/// Only the anchor spans change; an edit that fails a check is left out and reported.
public struct Rewriter: Sendable {
    public let site: Site
    public let renderer: LinkRenderer

    public init(site: Site, style: LinkStyle) {
        self.site = site
        self.renderer = LinkRenderer(site: site, style: style)
    }

    /// One rewrite per source file that has suggestions, sorted by path.
    public func plan(_ suggestions: [Suggestion]) -> [FileRewrite] {
        let bySource = Dictionary(grouping: suggestions, by: \.source)
        return bySource.keys.sorted().compactMap { path in
            guard let source = site.index(ofPath: path) else { return nil }
            return rewrite(source: source, suggestions: bySource[path] ?? [])
        }
    }

    func rewrite(source: Int, suggestions: [Suggestion]) -> FileRewrite {
        let article = site.articles[source]
        var rejected: [Rejection] = []
        var planned: [(Suggestion, Edit)] = []
        let tableSpans = article.document.spans.filter { $0.context == .tableCell }.map(\.range)
            + article.document.codeSpans.filter { $0.context == .tableCell }.map(\.range)
        for suggestion in suggestions.sorted(by: { $0.offset < $1.offset }) {
            let range = suggestion.offset..<(suggestion.offset + suggestion.length)
            guard let target = site.index(ofPath: suggestion.target) else {
                rejected.append(Rejection(suggestion: suggestion, reason: "target \(suggestion.target) does not exist"))
                continue
            }
            guard range.upperBound <= article.bytes.count, article.text(range) == suggestion.anchor else {
                rejected.append(Rejection(suggestion: suggestion, reason: "the file no longer holds the anchor there"))
                continue
            }
            let anchor = Array(article.bytes[range])
            do {
                let replacement = try renderer.render(
                    anchor: anchor, source: article, target: site.articles[target], fragment: suggestion.fragment,
                    inTable: tableSpans.contains { $0.overlaps(range) })
                if planned.contains(where: { $0.1.range.overlaps(range) }) {
                    rejected.append(Rejection(suggestion: suggestion, reason: "overlaps another suggestion"))
                    continue
                }
                planned.append((suggestion, Edit(range: range, expected: anchor, replacement: replacement)))
            } catch {
                rejected.append(Rejection(suggestion: suggestion, reason: error.description))
            }
        }
        // Apply all; if the re-parse check fails, keep only the edits that pass on their own.
        var accepted = planned
        if verify(article: article, source: source, edits: accepted) != nil {
            accepted = []
            for item in planned {
                if let problem = verify(article: article, source: source, edits: [item]) {
                    rejected.append(Rejection(suggestion: item.0, reason: problem))
                } else {
                    accepted.append(item)
                }
            }
            if let problem = verify(article: article, source: source, edits: accepted) {
                rejected += accepted.map { Rejection(suggestion: $0.0, reason: problem) }
                accepted = []
            }
        }
        let rewritten = (try? Edit.apply(accepted.map(\.1), to: article.bytes)) ?? article.bytes
        return FileRewrite(
            path: article.path, original: article.bytes, rewritten: rewritten, applied: accepted.map(\.0),
            rejected: rejected)
    }

    /// Parses the rewritten file and checks that each new link is there with its anchor as text and
    /// resolves to its target, and that headings, code, HTML and the other links are unchanged.
    /// Returns the problem, or nil when the rewrite is sound.
    func verify(article: Article, source: Int, edits items: [(Suggestion, Edit)]) -> String? {
        guard !items.isEmpty else { return nil }
        let rewritten: [UInt8]
        do {
            rewritten = try Edit.apply(items.map(\.1), to: article.bytes)
        } catch {
            return "the edits do not apply: \(error)"
        }
        let before = article.document
        let after = MarkdownParser.parse(rewritten, frontMatter: before.frontMatter)
        // Where each new link lands in the rewritten file.
        var expected: [Range<Int>: (Suggestion, Edit)] = [:]
        var shift = 0
        for item in items.sorted(by: { $0.1.range.lowerBound < $1.1.range.lowerBound }) {
            let start = item.1.range.lowerBound + shift
            expected[start..<(start + item.1.replacement.count)] = item
            shift += item.1.replacement.count - item.1.range.count
        }
        let resolver = LinkResolver(site: site)
        var oldLinks: [String] = []
        for link in after.links {
            if let (suggestion, _) = expected[link.range] {
                let anchorText = suggestion.anchor.hasPrefix("`")
                    ? String(suggestion.anchor.drop(while: { $0 == "`" }).reversed().drop(while: { $0 == "`" }).reversed())
                        .trimmingCharacters(in: .whitespaces)
                    : suggestion.anchor
                guard link.text == anchorText || link.text.trimmingCharacters(in: .whitespaces) == anchorText else {
                    return "the new link reads \"\(link.text)\", not \"\(anchorText)\""
                }
                guard case .article(let target, _) = resolver.resolve(link, from: source),
                    site.articles[target].path == suggestion.target
                else { return "the new link to \(suggestion.target) does not resolve to it" }
                expected[link.range] = nil
            } else {
                oldLinks.append("\(link.kind.rawValue)|\(link.destination)|\(link.text)")
            }
        }
        if let missing = expected.values.first {
            return "the link for \"\(missing.0.anchor)\" is not parsed as a link"
        }
        let previousLinks = before.links.map { "\($0.kind.rawValue)|\($0.destination)|\($0.text)" }
        guard oldLinks.sorted() == previousLinks.sorted() else { return "other links of the file would change" }
        guard after.headings.map({ "\($0.level)|\($0.text)" }) == before.headings.map({ "\($0.level)|\($0.text)" })
        else { return "headings would change" }
        func blocks(_ document: MarkdownDocument) -> [ForbiddenZone.Kind] {
            document.forbiddenZones.map(\.kind).filter { [.codeBlock, .htmlBlock, .htmlInline, .heading, .thematicBreak].contains($0) }
        }
        guard blocks(after) == blocks(before) else { return "code, HTML or block structure would change" }
        return nil
    }
}
