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
        var planned: [(item: Suggestion, edit: LinkEditVerifier.CheckedEdit)] = []
        let tableSpans = article.document.tableCellRanges
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
                // An anchor must sit inside one run of prose whose bytes are what a reader sees, or be one whole
                // code span: the re-parse check cannot see an anchor that crosses emphasis (`*a* b` would lose
                // its emphasis) or one in a heading or a link reference definition. A literal backtick in prose
                // is refused too: inside link text cmark can pair it with a backtick run elsewhere (found by the
                // fuzzer), so the link would not read as its anchor.
                // A phrase wrapped across a soft line break is one run of prose (`SoftLineBreak`).
                guard SoftLineBreak.liesInProse(range, spans: article.document.spans, bytes: article.bytes)
                    && !anchor.contains(UInt8(ascii: "`"))
                    || article.document.codeSpans.contains(where: { $0.range == range })
                else {
                    rejected.append(
                        Rejection(suggestion: suggestion, reason: "the anchor is not plain prose (it crosses markup, or sits in a heading, link, code or HTML)"))
                    continue
                }
                if planned.contains(where: { $0.edit.edit.range.overlaps(range) }) {
                    rejected.append(Rejection(suggestion: suggestion, reason: "overlaps another suggestion"))
                    continue
                }
                // A code anchor reads as its code: `[`ref()`](…)` reads "ref()".
                let anchorText = suggestion.anchor.hasPrefix("`")
                    ? String(suggestion.anchor.drop(while: { $0 == "`" }).reversed().drop(while: { $0 == "`" }).reversed())
                        .trimmingCharacters(in: .whitespaces)
                    : SoftLineBreak.readText(article.bytes[range])
                let newLink = LinkEditVerifier.ExpectedLink(
                    range: 0..<replacement.count, text: anchorText, target: target, label: suggestion.anchor)
                planned.append(
                    (suggestion,
                     LinkEditVerifier.CheckedEdit(
                        edit: Edit(range: range, expected: anchor, replacement: replacement), added: [newLink])))
            } catch {
                rejected.append(Rejection(suggestion: suggestion, reason: error.description))
            }
        }
        // Apply all; if the re-parse check fails, keep only the edits that pass on their own.
        let (accepted, failed) = LinkEditVerifier(site: site).select(planned, article: article, source: source)
        rejected += failed.map { Rejection(suggestion: $0.item, reason: $0.reason) }
        let rewritten = (try? Edit.apply(accepted.map(\.edit), to: article.bytes)) ?? article.bytes
        return FileRewrite(
            path: article.path, original: article.bytes, rewritten: rewritten, applied: accepted.map(\.item),
            rejected: rejected)
    }
}
