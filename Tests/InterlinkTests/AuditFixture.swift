import Foundation
import Interlink
import InterlinkMarkdown
import Testing

/// A site whose expected audit findings are written into its text: `⟦rule⟧` right before the link a
/// finding points at, or at the very start of a file for findings about the whole article (line 1,
/// column 1). The markers are removed before the files are written.
struct AuditFixture {
    /// One expected (or actual) finding, by place.
    struct Spot: Hashable, CustomStringConvertible, Comparable {
        var rule: String
        var path: String
        var line: Int
        var column: Int

        var description: String { "\(path):\(line):\(column) [\(rule)]" }

        static func < (a: Spot, b: Spot) -> Bool {
            (a.path, a.line, a.column, a.rule) < (b.path, b.line, b.column, b.rule)
        }
    }

    let site: TemporarySite
    /// Every marked spot.
    let expected: Set<Spot>

    init(_ marked: [String: String]) throws {
        var files: [String: String] = [:]
        var expected: Set<Spot> = []
        for (path, text) in marked {
            let (clean, marks) = Self.strip(text)
            files[path] = clean
            let lines = LineTable(Array(clean.utf8))
            for (rule, offset) in marks {
                let location = lines.location(of: offset)
                expected.insert(Spot(rule: rule, path: path, line: location.line, column: location.column))
            }
        }
        site = try TemporarySite(files)
        self.expected = expected
    }

    /// Loads the site and audits it.
    func audit(_ options: AuditOptions = AuditOptions()) async -> (result: AuditResult, site: Site, graph: LinkGraph) {
        let loaded = await site.load()
        let graph = LinkGraph(site: loaded.site)
        return (Auditor(site: loaded.site, graph: graph, options: options).run(), loaded.site, graph)
    }

    /// The places of findings, for comparing with `expected`.
    static func spots(_ findings: [AuditFinding]) -> Set<Spot> {
        Set(findings.map { Spot(rule: $0.rule.rawValue, path: $0.path, line: $0.line, column: $0.column) })
    }

    /// Removes `⟦rule⟧` markers, returning the text and (rule, byte offset) of each.
    static func strip(_ marked: String) -> (String, [(String, Int)]) {
        var result = ""
        var marks: [(String, Int)] = []
        var rest = Substring(marked)
        while let open = rest.firstIndex(of: "⟦") {
            result += rest[..<open]
            let afterOpen = rest[rest.index(after: open)...]
            let close = afterOpen.firstIndex(of: "⟧")!
            marks.append((String(afterOpen[..<close]), result.utf8.count))
            rest = afterOpen[afterOpen.index(after: close)...]
        }
        result += rest
        return (result, marks)
    }
}

extension AuditFixture {
    /// A Hugo site with one planted case of every rule, and look-alikes that must not be flagged:
    /// "here" inside a longer anchor, fragment links to headings that exist (on other pages and the
    /// same page), two links to different sections of one page, a draft nobody links to, an article
    /// exactly `max_depth` clicks deep, a plural of an anchor pointing to the same page, and an entry
    /// page with more links than the cap. Run with `maximumLinks: 4`.
    static let planted: [String: String] = [
        "hugo.toml": "baseURL = \"https://fixture.example/\"\ntitle = \"Fixture\"\n",
        "content/_index.md": """
            ---
            title: Fixture Home
            ---
            Welcome. Start with [the hub](/posts/hub/) or read about [crawl budget](/posts/crawl-budget/).
            There is also [a page about itself](/posts/self/), [one with repeats](/posts/dup/),
            [notes on linking](/posts/linking/) and [a list of links](/posts/link-list/).

            """,
        "content/posts/_index.md": "---\ntitle: Posts\n---\nEvery post.\n",
        "content/posts/hub.md": """
            ---
            title: Hub
            ---
            The hub leads on to [the second level](/posts/level2/) and to [a page that stops](/posts/dead-end/).

            ## Getting around

            Use the links above.

            """,
        "content/posts/level2.md": """
            ---
            title: Level Two
            ---
            Go further down to [the third level](/posts/level3/). Or read
            [here is our guide to crawl budget](/posts/crawl-budget/), which is long.

            ## Alpha

            First part.

            ## Beta

            Second part.

            """,
        "content/posts/level3.md": """
            ---
            title: Level Three
            ---
            The bottom is [one more level down](/posts/deep/).

            Search engines ration their visits; we explain crawl budget ⟦generic-anchor⟧[here](/posts/crawl-budget/).

            """,
        "content/posts/deep.md": """
            ⟦deep-page⟧---
            title: Deep Page
            ---
            Four clicks from home. Back to [the hub](/posts/hub/).

            """,
        "content/posts/dead-end.md": """
            ⟦dead-end⟧---
            title: Dead End
            ---
            This page links nowhere at all.

            """,
        "content/posts/orphan.md": """
            ⟦orphan⟧---
            title: Orphan Article
            ---
            Nobody links here. It says ⟦anchor-conflict⟧[crawl budget](/posts/hub/) but means the hub.

            """,
        "content/posts/lonely-draft.md": """
            ---
            title: Lonely Draft
            draft: true
            ---
            A draft nobody links to, and that links nowhere.

            """,
        "content/posts/unpublished.md": """
            ---
            title: Unpublished Piece
            draft: true
            ---
            Not out yet.

            """,
        "content/posts/crawl-budget.md": """
            ---
            title: Crawl Budget
            ---
            See the ⟦draft-link⟧[upcoming piece](/posts/unpublished/) and this ⟦broken-link⟧[gone page](/posts/missing-page/).
            A ⟦broken-link⟧[missing section](/posts/hub/#no-such-heading) next to a real one: [getting around](/posts/hub/#getting-around).
            Two sections of one page: [alpha](/posts/level2/#alpha) and [beta](/posts/level2/#beta).
            On this page: [why it matters](#why-it-matters) and ⟦broken-link⟧[nowhere](#nowhere).

            ## Why it matters

            Budgets are finite: crawl budget is what a search engine is willing to spend on a site.

            """,
        "content/posts/self.md": """
            ---
            title: Self Reference
            ---
            This is ⟦self-link⟧[this very article](/posts/self/); [the details below](/posts/self/#details) are fine.
            Crawl budgets are covered in [Crawl budgets](/posts/crawl-budget/). Back to [the hub](/posts/hub/).

            ## Details

            More.

            """,
        "content/posts/dup.md": """
            ---
            title: Duplicates
            ---
            First [the hub](/posts/hub/), then, much later, ⟦duplicate-link⟧[hub page](/posts/hub/) again.

            """,
        "content/posts/linking.md": """
            ---
            title: Internal Linking
            ---
            To learn how search engines spend their visits, ⟦generic-anchor⟧[click here](/posts/crawl-budget/).

            The dead end lives at ⟦generic-anchor⟧<https://fixture.example/posts/dead-end/>.

            """,
        "content/posts/link-list.md": """
            ---
            title: Link List
            ---
            - [Hub](/posts/hub/)
            - [Crawl Budget](/posts/crawl-budget/)
            - [Dead End](/posts/dead-end/)
            - [Duplicates](/posts/dup/)
            - ⟦over-linked⟧[Self Reference](/posts/self/)

            """,
    ]

    /// The options the planted site is audited with.
    static let plantedOptions = AuditOptions(maximumLinks: 4)
}
