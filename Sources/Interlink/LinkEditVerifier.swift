import Foundation
import InterlinkMarkdown

/// The check every rewrite passes before it is written (`apply` and `audit --fix` alike): the new
/// bytes are parsed again with cmark, every link the edits write must be there, read as expected and
/// resolve to its target; the links the edits remove must be gone; and every other link, the
/// headings, code, HTML, block structure and emphasis must be exactly as before.
struct LinkEditVerifier {
    /// A link an edit writes, as it must appear in the rewritten file.
    struct ExpectedLink {
        /// Byte range of the whole link in the rewritten file.
        var range: Range<Int>
        /// The text the link must read.
        var text: String
        /// The article it must resolve to.
        var target: Int
        /// How messages name the link (its anchor as written).
        var label: String
    }

    let site: Site

    /// The problem with `rewritten` (the article with `edits` applied), or nil when it is sound. `removed`
    /// lists the links of the original that the edits replace or take out.
    ///
    /// The prose outside the edited ranges must also keep its emphasis, byte for byte: whether cmark pairs
    /// a `*` or `_` depends on the characters next to it, which a link's brackets change (`*a *b c*` can pair
    /// differently once `b` is `[b](…)`).
    func problem(
        article: Article, source: Int, rewritten: [UInt8], edits: [Edit], expected: [ExpectedLink],
        removed: [MarkdownLink] = []
    ) -> String? {
        let before = article.document
        let after = MarkdownParser.parse(
            rewritten, frontMatter: before.frontMatter, dialect: MarkdownDialect.of(path: article.path, layout: site.layout),
            shortcodes: site.layout.shortcodes)
        var pending = Dictionary(expected.map { ($0.range, $0) }, uniquingKeysWith: { first, _ in first })
        let resolver = LinkResolver(site: site)
        var otherLinks: [String] = []
        for link in after.links {
            if let expectation = pending[link.range] {
                guard link.text == expectation.text || link.text.trimmingCharacters(in: .whitespaces) == expectation.text
                else { return "the new link reads \"\(link.text)\", not \"\(expectation.text)\"" }
                guard case .article(let target, _) = resolver.resolve(link, from: source), target == expectation.target
                else { return "the new link to \(site.articles[expectation.target].path) does not resolve to it" }
                pending[link.range] = nil
            } else {
                otherLinks.append(Self.key(link))
            }
        }
        if let missing = expected.first(where: { pending[$0.range] != nil }) {
            return "the link for \"\(missing.label)\" is not parsed as a link"
        }
        var previousLinks = before.links.map(Self.key)
        for link in removed {
            if let index = previousLinks.firstIndex(of: Self.key(link)) { previousLinks.remove(at: index) }
        }
        guard otherLinks.sorted() == previousLinks.sorted() else { return "other links of the file would change" }
        guard after.headings.map({ "\($0.level)|\($0.text)" }) == before.headings.map({ "\($0.level)|\($0.text)" })
        else { return "headings would change" }
        func blocks(_ document: MarkdownDocument) -> [ForbiddenZone.Kind] {
            document.forbiddenZones.map(\.kind).filter { [.codeBlock, .htmlBlock, .htmlInline, .heading, .thematicBreak].contains($0) }
        }
        guard blocks(after) == blocks(before) else { return "code, HTML or block structure would change" }
        guard after.emphasisOutline == before.emphasisOutline else { return "emphasis around the link would change" }
        if Self.prose(before.spans, cutting: edits, shifted: true) != Self.prose(after.spans, cutting: edits, shifted: false) {
            return "emphasis around the link would change"
        }
        return nil
    }

    /// The prose of a file as (range, emphasized) pieces in the rewritten file's offsets, the edited ranges cut
    /// out, adjacent pieces alike merged. `shifted`: `spans` are the original's, moved by the edits before them;
    /// otherwise they are the rewritten file's, and the cuts are where the replacements landed.
    private static func prose(_ spans: [TextSpan], cutting edits: [Edit], shifted: Bool) -> [ProsePiece] {
        let sorted = edits.sorted { $0.range.lowerBound < $1.range.lowerBound }
        var cuts: [(range: Range<Int>, shift: Int)] = []
        var shift = 0
        for edit in sorted {
            let start = edit.range.lowerBound + (shifted ? 0 : shift)
            let end = shifted ? edit.range.upperBound : start + edit.replacement.count
            shift += edit.replacement.count - edit.range.count
            cuts.append((start..<end, shift))
        }
        var pieces: [ProsePiece] = []
        var cut = 0
        for span in spans {
            var start = span.range.lowerBound
            while start < span.range.upperBound {
                while cut < cuts.count, cuts[cut].range.upperBound <= start { cut += 1 }
                var end = span.range.upperBound
                if cut < cuts.count, cuts[cut].range.lowerBound < end { end = max(start, cuts[cut].range.lowerBound) }
                if end > start {
                    let move = shifted ? (cut > 0 ? cuts[cut - 1].shift : 0) : 0
                    let range = (start + move)..<(end + move)
                    if let last = pieces.last, last.range.upperBound == range.lowerBound, last.emphasized == span.emphasized {
                        pieces[pieces.count - 1].range = last.range.lowerBound..<range.upperBound
                    } else {
                        pieces.append(ProsePiece(range: range, emphasized: span.emphasized))
                    }
                }
                start = cut < cuts.count && cuts[cut].range.lowerBound < span.range.upperBound
                    ? max(end, cuts[cut].range.upperBound) : span.range.upperBound
            }
        }
        return pieces
    }

    private struct ProsePiece: Equatable {
        var range: Range<Int>
        var emphasized: Bool
    }

    private static func key(_ link: MarkdownLink) -> String {
        "\(link.kind.rawValue)|\(link.destination)|\(link.text)"
    }
}

