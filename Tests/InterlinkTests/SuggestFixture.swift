import Foundation
import Interlink
import InterlinkMarkdown
import Testing

/// A small site built in memory for suggester tests, whose expected link spots are marked in the
/// text itself: `⟦…⟧` around every place a test expects (the markers are removed before parsing,
/// and each mark becomes a byte range of the file as the suggester sees it).
struct SuggestFixture {
    /// The site, parsed with the real article parser (plain generator).
    let site: Site
    /// Marked byte ranges per article path, in order of their opening marker.
    let marks: [String: [Range<Int>]]

    /// Builds a site from relative path → marked Markdown.
    init(_ files: [String: String], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let layout = SiteLayout(generator: .plain)
        var articles: [Article] = []
        var marks: [String: [Range<Int>]] = [:]
        for (path, text) in files {
            let (bytes, ranges) = Self.strip(text)
            marks[path] = ranges
            do {
                articles.append(try SiteLoader.parseArticle(path: path, bytes: bytes, layout: layout))
            } catch {
                Issue.record("\(path) does not parse: \(error)", sourceLocation: sourceLocation)
                throw error
            }
        }
        site = Site(root: URL(fileURLWithPath: "/fixture"), layout: layout, articles: articles)
        self.marks = marks
    }

    /// Removes `⟦` and `⟧`, returning the bytes and the ranges they enclosed.
    static func strip(_ marked: String) -> (bytes: [UInt8], marks: [Range<Int>]) {
        var bytes: [UInt8] = []
        var open: [(order: Int, start: Int)] = []
        var found: [(Int, Range<Int>)] = []
        var order = 0
        for scalar in marked.unicodeScalars {
            switch scalar {
            case "⟦":
                open.append((order, bytes.count))
                order += 1
            case "⟧":
                let start = open.removeLast()
                found.append((start.order, start.start..<bytes.count))
            default:
                bytes.append(contentsOf: String(scalar).utf8)
            }
        }
        precondition(open.isEmpty, "unbalanced ⟦ in fixture")
        return (bytes, found.sorted { $0.0 < $1.0 }.map(\.1))
    }

    /// The marked ranges of one article.
    func marks(_ path: String) -> [Range<Int>] { marks[path] ?? [] }

    /// The article at `path` (the fixture always holds it).
    func article(_ path: String) -> Article { site.article(atPath: path)! }

    /// Index of the article at `path`.
    func index(_ path: String) -> Int { site.index(ofPath: path)! }

    /// The text of a byte range of an article.
    func text(_ path: String, _ range: Range<Int>) -> String { article(path).text(range) }

    /// A suggester over the fixture. The default threshold of 0 keeps every candidate, so that a
    /// test sees what the policy rules alone do.
    func suggester(minimumScore: Double? = 0, maxLinks: Int = 10, sources: Set<String>? = nil) -> Suggester {
        Suggester(
            site: site, graph: LinkGraph(site: site),
            options: SuggestOptions(minimumScore: minimumScore, maximumLinksPerArticle: maxLinks, sourcePaths: sources))
    }

    /// The suggestions of the whole site.
    func suggestions(minimumScore: Double? = 0, maxLinks: Int = 10) -> [Suggestion] {
        suggester(minimumScore: minimumScore, maxLinks: maxLinks).suggest().suggestions
    }

    /// The suggestions whose source is `path`.
    func suggestions(from path: String, minimumScore: Double? = 0, maxLinks: Int = 10) -> [Suggestion] {
        suggestions(minimumScore: minimumScore, maxLinks: maxLinks).filter { $0.source == path }
    }

    /// Every topic mention in the article at `path`, with the target paths each one names.
    func mentions(in path: String) -> [(range: Range<Int>, text: String, targets: Set<String>, isCode: Bool)] {
        let index = KeywordIndex(site: site, graph: LinkGraph(site: site))
        return index.mentions(in: article(path)).map { mention in
            (
                mention.range, text(path, mention.range),
                Set(mention.topics.map { site.articles[index.topics[Int($0)].target].path }), mention.isCode
            )
        }
    }

    /// The texts of the mentions in `path` that name `target`.
    func mentionTexts(in path: String, of target: String) -> [String] {
        mentions(in: path).filter { $0.targets.contains(target) }.map(\.text)
    }
}

/// Prose that mentions no topic of any fixture: pads an article to a word count without adding
/// sentences that could hold a link. `count` words, in sentences of ten words.
func filler(words count: Int) -> String {
    let vocabulary = [
        "lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit", "sed", "eiusmod",
        "tempor", "incididunt", "labore", "dolore", "magna", "aliqua", "enim", "minim", "veniam", "quis",
    ]
    var sentences: [String] = []
    var words: [String] = []
    for index in 0..<count {
        words.append(vocabulary[(index * 7) % vocabulary.count])
        if words.count == 10 {
            sentences.append(words.joined(separator: " ") + ".")
            words = []
        }
    }
    if !words.isEmpty { sentences.append(words.joined(separator: " ") + ".") }
    return sentences.joined(separator: " ")
}
