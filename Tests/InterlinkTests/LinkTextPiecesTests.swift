import Foundation
import Interlink
import Testing

/// The text of existing links as matching reads it: a link's text wrapped over a line end is still
/// its text (so a phrase `apply` linked across a line end counts as often on the next run).
@Suite struct LinkTextPiecesTests {
    static func pieces(_ markdown: String) throws -> [(text: String, link: Int)] {
        let article = try SiteLoader.parseArticle(path: "a.md", bytes: Array(markdown.utf8), layout: SiteLayout(generator: .plain))
        return article.linkTextPieces.map { (article.text($0.range), $0.link) }
    }

    @Test func aLinkWrittenOnOneLineIsOnePiece() throws {
        let found = try Self.pieces("See [Worker threads](w.md) and [the `fs` module](fs.md).\n")
        // (A link whose text holds code is not written plainly: left out.)
        #expect(found.map(\.text) == ["Worker threads"])
        #expect(found.map(\.link) == [0])
    }

    @Test func aLinkWrappedOverLineEndsIsOnePieceALine() throws {
        #expect(try Self.pieces("See [Worker\nthreads](w.md).\n").map(\.text) == ["Worker", "threads"])
        #expect(try Self.pieces("See [Worker \r\n  threads](w.md).\r\n").map(\.text) == ["Worker", "threads"])
        #expect(try Self.pieces("See [a b\nc d\ne](w.md).\n").map(\.text) == ["a b", "c d", "e"])
        let two = try Self.pieces("[one\ntwo](a.md) [three\nfour](b.md)\n")
        #expect(two.map(\.text) == ["one", "two", "three", "four"])
        #expect(two.map(\.link) == [0, 0, 1, 1])
    }

    /// A wikilink's text is what follows its `|`, or its note's name; a link to a note's section without
    /// a text of its own reads differently in each app and is left out.
    @Test func aWikilinksTextIsAPiece() throws {
        #expect(try Self.pieces("See [[worker-threads|Worker threads]].\n").map(\.text) == ["Worker threads"])
        #expect(try Self.pieces("See [[Worker threads]].\n").map(\.text) == ["Worker threads"])
        #expect(try Self.pieces("See [[Worker threads#Pools]].\n").isEmpty)
    }

    /// Calibration scores a link written as a wikilink as it scores the same link in brackets: its
    /// text is read after the `|` (it was compared from the second `[`, and every wikilink counted as
    /// text not written as a name).
    @Test func calibrationScoresAWikilinkAsTheSameLinkInBrackets() throws {
        func score(_ link: String) throws -> Double {
            let fixture = try SuggestFixture([
                "worker-threads.md": "# Worker Threads\n\nThreads share memory through workers and ports.\n",
                "report.md": "# Report\n\nThe report waits for \(link) to finish their work on workers.\n",
                "cluster.md": "# Cluster\n\nProcesses, not worker threads: a worker thread shares memory, a worker process does not.\n",
            ])
            let suggester = Suggester(site: fixture.site, graph: LinkGraph(site: fixture.site))
            let scores = suggester.existingLinkScores()
            let pair = LinkedPair(
                source: try #require(fixture.site.index(ofPath: "report.md")),
                target: try #require(fixture.site.index(ofPath: "worker-threads.md")))
            return try #require(scores[pair])
        }
        let bracketed = try score("[Worker Threads](worker-threads.md)")
        #expect(bracketed > 0)
        let wiki = try score("[[worker-threads|Worker Threads]]")
        // The same but for the position (the file is two bytes shorter); read from the wrong byte, the
        // title-cased text was no citation and the score half as much.
        #expect(abs(wiki - bracketed) < 0.002, "\(wiki) \(bracketed)")
    }

    /// Text cmark reads differently from the bytes (an escape, an entity) is not taken: no piece.
    @Test func textThatDiffersFromTheBytesIsLeftOut() throws {
        #expect(try Self.pieces("See [a \\* b](w.md).\n").isEmpty)
        #expect(try Self.pieces("See [a &amp;\nb](w.md).\n").isEmpty)
    }

    /// The phrase of a wrapped link counts where it is linked, as it counts in prose.
    @Test func aWrappedLinksPhraseIsAMention() throws {
        let fixture = try SuggestFixture([
            "worker-threads.md": "# Worker threads\n\nThreads.\n",
            "report.md": "# Report\n\nIt waits for [Worker\nthreads](worker-threads.md) to finish.\n",
        ])
        let index = KeywordIndex(site: fixture.site, graph: LinkGraph(site: fixture.site))
        let article = fixture.article("report.md")
        let found = index.mentionsInLinkText(of: article).map { article.text($0.range) }
        #expect(found == ["Worker\nthreads"])
    }
}
