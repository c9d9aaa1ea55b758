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

    /// The problem with `rewritten`, or nil when it is sound. `removed` lists the links of the original
    /// that the edits replace or take out.
    func problem(
        article: Article, source: Int, rewritten: [UInt8], expected: [ExpectedLink], removed: [MarkdownLink] = []
    ) -> String? {
        let before = article.document
        let after = MarkdownParser.parse(rewritten, frontMatter: before.frontMatter)
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
        return nil
    }

    private static func key(_ link: MarkdownLink) -> String {
        "\(link.kind.rawValue)|\(link.destination)|\(link.text)"
    }
}

