import Foundation
import Interlink
import InterlinkMarkdown

/// What the fuzzer checks on every input, shared by the libFuzzer target (`InterlinkFuzz`) and the
/// regression tests, so that a crash once found is checked the same way forever.
///
/// An input is one to three articles separated by NUL bytes (the bytes between are kept exactly; a third
/// piece may hold more NULs and is then refused like any binary file). Each piece goes through the Markdown
/// layer on its own, then through the whole pipeline next to a few fixed articles it can link to:
/// `SiteLoader.parseArticle` → `Site` → `LinkGraph` → `Suggester` (threshold near zero) → `Rewriter.plan`,
/// plus one synthetic suggestion per prose span so that every span is tried as an anchor.
///
/// Invariants, each a line in the result when broken:
/// - the Markdown layer's ranges are inside the file; spans are valid UTF-8, hold no line break, never touch
///   a forbidden zone, and read exactly as cmark's text; code spans open and close with backticks;
/// - a file with a NUL byte or invalid UTF-8 is refused with a located error, never loaded;
/// - every suggestion's bytes are its anchor, at its line and column;
/// - every suggestion given to the rewriter is either applied or rejected, once;
/// - the rewritten file is the original with each applied anchor replaced by its link, and replacing each
///   link by its anchor gives back the original exactly;
/// - the rewritten file parses to the same headings and the same links (shifted) plus the new ones, each
///   reading as its anchor (a soft line break in it read as one space); with `[text](destination)` styles cmark's own tree is the same once the new
///   link nodes are taken out.
public enum FuzzHarness {
    /// The byte that separates the articles of one input.
    public static let separator: UInt8 = 0

    /// Where the pieces of an input live: one folder deeper each, so relative links climb folders.
    public static let piecePaths = ["a.md", "sub/b.md", "sub/deeper/c.md"]

    /// Articles every input may link to, with titles, a section heading, TOML and YAML front matter, and a
    /// path with a space (a destination written in `<…>`).
    static let fixedArticles: [(path: String, text: String)] = [
        (
            "fixed/page-speed.md",
            "---\ntitle: Page Speed\naliases: [/speed/]\n---\nPage speed is how fast a page loads.\n"
        ),
        (
            "fixed/internal-links.md",
            "# Internal Links\n\nLinks between the pages of one site.\n\n## Anchor Text\n\nThe words of a link.\n"
        ),
        ("fixed/block-quotes.md", "# Block Quotes\n\nQuoted text.\n"),
        ("fixed/emphasis.md", "+++\ntitle = \"Emphasis\"\n+++\nStars and underscores.\n"),
        ("fixed/code spans.md", "# Code Spans\n\nBackticks around `code`.\n"),
    ]

    /// The fixed articles, loaded once per generator (a TOML parse leaks a few bytes in TOMLKit, and
    /// libFuzzer runs a leak check after every input that leaks).
    static let fixedLoaded: [Generator: [Article]] = {
        var result: [Generator: [Article]] = [:]
        for generator in Generator.allCases {
            let layout = SiteLayout(generator: generator, contentDirectories: [""])
            result[generator] = fixedArticles.map { fixed in
                guard
                    let article = try? SiteLoader.parseArticle(
                        path: fixed.path, bytes: Array(fixed.text.utf8), layout: layout)
                else { fatalError("fixed article \(fixed.path) does not load") }
                return article
            }
        }
        return result
    }()

    /// The site layout and link style an input is run with: picked by the input's length, so that the
    /// bytes stay exactly as given and every style gets its share.
    static func setting(for input: [UInt8]) -> (LinkStyle, SiteLayout) {
        let styles: [(LinkStyle, Generator)] = [
            (.relative, .plain), (.url, .hugo), (.relref, .hugo), (.liquid, .jekyll), (.wikilink, .obsidian),
            (.relative, .mkdocs), (.relative, .docusaurus),
        ]
        let (style, generator) = styles[input.count % styles.count]
        return (style, SiteLayout(generator: generator, contentDirectories: [""]))
    }

    /// Splits an input into its articles.
    public static func pieces(of input: [UInt8]) -> [[UInt8]] {
        input.split(separator: separator, maxSplits: piecePaths.count - 1, omittingEmptySubsequences: false)
            .map(Array.init)
    }

    /// What one input went through, for judging seeds.
    public struct Report: Sendable {
        /// The broken invariants (empty when all hold).
        public var problems: [String] = []
        /// Pieces loaded as articles, of all pieces.
        public var loaded = 0, pieces = 0
        /// Suggestions made by the suggester, and links written by the rewriter (both batches) or refused.
        public var suggestions = 0, applied = 0, rejected = 0
    }

    /// Runs one input through everything and returns the broken invariants (empty when all hold).
    public static func check(_ input: [UInt8]) -> [String] { run(input).problems }

    /// Runs one input through everything.
    public static func run(_ input: [UInt8]) -> Report {
        var report = Report()
        var problems = Problems()
        let pieces = pieces(of: input)
        let (style, layout) = setting(for: input)

        // The Markdown layer alone, on any bytes at all.
        for (index, piece) in pieces.enumerated() {
            problems.context = piecePaths[index]
            DocumentChecks.check(
                piece, dialect: MarkdownDialect.of(path: piecePaths[index], layout: layout), problems: &problems)
        }

        // The loader: refuses what it must, locates what it refuses.
        var articles: [Article] = []
        for (index, piece) in pieces.enumerated() {
            let path = piecePaths[index]
            problems.context = path
            do {
                let article = try SiteLoader.parseArticle(path: path, bytes: piece, layout: layout)
                if piece.contains(0) { problems.add("a file with a NUL byte was loaded") }
                if String(validating: piece, as: UTF8.self) == nil {
                    problems.add("a file with invalid UTF-8 was loaded")
                }
                articles.append(article)
            } catch {
                if error.path != path { problems.add("the error names \(error.path)") }
                let lines = LineTable(piece)
                if error.line < 1 || error.line > lines.lineCount || error.column < 1 {
                    problems.add("the error is located outside the file: \(error)")
                }
                if piece.contains(0), !error.message.contains("NUL") {
                    problems.add("a file with a NUL byte was refused for another reason: \(error)")
                }
            }
        }
        let loadedPaths = Set(articles.map(\.path))
        report.pieces = pieces.count
        report.loaded = articles.count
        articles += fixedLoaded[layout.generator] ?? []
        let site = Site(root: URL(fileURLWithPath: "/nonexistent/interlink-fuzz"), layout: layout, articles: articles)
        let graph = LinkGraph(site: site)

        // The suggester, with a threshold near zero so that it proposes whatever it can.
        problems.context = "suggest"
        let suggester = Suggester(
            site: site, graph: graph,
            options: SuggestOptions(minimumScore: 0.001, maximumLinksPerArticle: 50, wordsPerLink: 1))
        let suggestions = suggester.suggest().suggestions.filter { loadedPaths.contains($0.source) }
        report.suggestions = suggestions.count
        for suggestion in suggestions {
            guard let article = site.article(atPath: suggestion.source) else { continue }
            let range = suggestion.offset..<(suggestion.offset + suggestion.length)
            guard range.lowerBound >= 0, range.upperBound <= article.bytes.count else {
                problems.add("suggestion \(suggestion.anchor) at \(range) is outside the file")
                continue
            }
            if !article.bytes[range].elementsEqual(suggestion.anchor.utf8) {
                problems.add("suggestion \"\(suggestion.anchor)\" does not match the bytes at \(range)")
            }
            let location = article.document.lines.location(of: suggestion.offset)
            if (location.line, location.column) != (suggestion.line, suggestion.column) {
                problems.add(
                    "suggestion \"\(suggestion.anchor)\" says \(suggestion.line):\(suggestion.column), is at \(location)"
                )
            }
        }

        // The rewriter, with the suggester's suggestions and then with one anchor in every span.
        let rewriter = Rewriter(site: site, style: style)
        for batch in [suggestions, syntheticSuggestions(site: site, sources: loadedPaths)] where !batch.isEmpty {
            for plan in rewriter.plan(batch) {
                problems.context = "\(plan.path) (\(style.rawValue))"
                guard let source = site.index(ofPath: plan.path) else { continue }
                report.applied += plan.applied.count
                report.rejected += plan.rejected.count
                RewriteChecks.check(
                    plan, given: batch.filter { $0.source == plan.path }, site: site, source: source, style: style,
                    renderer: rewriter.renderer, problems: &problems)
            }
        }
        report.problems = problems.list
        return report
    }

    /// One suggestion per prose span (its first word, or the whole span) and per code span, each to a fixed
    /// article, sometimes to its section.
    static func syntheticSuggestions(site: Site, sources: Set<String>) -> [Suggestion] {
        let targets = fixedArticles.compactMap { site.article(atPath: $0.path) }
        var result: [Suggestion] = []
        for article in site.articles where sources.contains(article.path) {
            var anchors: [Range<Int>] = []
            for (index, span) in article.document.spans.prefix(24).enumerated() {
                var range = span.range
                while range.lowerBound < range.upperBound, article.bytes[range.lowerBound] == 0x20 {
                    range = (range.lowerBound + 1)..<range.upperBound
                }
                if index % 3 != 0, let space = article.bytes[range].firstIndex(where: { $0 == 0x20 || $0 == 0x09 }) {
                    range = range.lowerBound..<space
                }
                while range.lowerBound < range.upperBound, [0x20, 0x09].contains(article.bytes[range.upperBound - 1]) {
                    range = range.lowerBound..<(range.upperBound - 1)
                }
                if !range.isEmpty { anchors.append(range) }
            }
            anchors += article.document.codeSpans.prefix(4).map(\.range)
            for (index, range) in anchors.enumerated() {
                let target = targets[index % targets.count]
                let fragment = index % 4 == 1 ? target.document.headings.last.map(\.id) : nil
                let location = article.document.lines.location(of: range.lowerBound)
                let anchor = article.text(range)
                if let suggestion = makeSuggestion(
                    source: article.path, line: location.line, column: location.column, offset: range.lowerBound,
                    length: range.count, anchor: anchor, target: target.path,
                    url: target.url + (fragment.map { "#" + $0 } ?? ""), fragment: fragment)
                {
                    result.append(suggestion)
                }
            }
        }
        return result
    }

    /// A `Suggestion` built through its `Codable` form (the library builds them only from candidates).
    static func makeSuggestion(
        source: String, line: Int, column: Int, offset: Int, length: Int, anchor: String, target: String,
        url: String, fragment: String?
    ) -> Suggestion? {
        var object: [String: Any] = [
            "id": Suggestion.id(source: source, target: target, anchor: anchor), "source": source, "line": line,
            "column": column, "offset": offset, "length": length, "anchor": anchor, "target": target, "url": url,
            "score": 1.0, "reason": "fuzz",
        ]
        if let fragment { object["fragment"] = fragment }
        guard let data = try? JSONSerialization.data(withJSONObject: object) else { return nil }
        return try? JSONDecoder().decode(Suggestion.self, from: data)
    }
}

/// The broken invariants of one input, each prefixed with where it was found.
struct Problems {
    var list: [String] = []
    var context = ""

    mutating func add(_ message: String) {
        // One input can break an invariant many times; the first few say enough.
        if list.count < 20 { list.append("\(context): \(message)") }
    }
}
