import Foundation
import Testing

@testable import Interlink

/// The word-case tallies in the index cache (how each file writes the words of citable titles): a
/// file's tally is reused while the site counts the same words, and the citations of a cached run are
/// always those of an uncached one, whichever file is edited, added, deleted or renamed.
@Suite struct ArticleCacheWordCaseTests {
    static func page(_ title: String, _ body: String) -> String {
        "---\ntitle: \"\(title)\"\n---\n\n\(body)\n"
    }

    /// The guide writes "typing", "component" and "props" in lower case; the notes cite its section
    /// "Typing Component Props" in title case, which is a citation only while the site usually writes
    /// those words in lower case.
    static let files = [
        "guide.md": page(
            "Component Guide",
            """
            A component declares its props, and each component passes props down. Careful typing of props \
            helps, and static typing catches mistakes in every component.

            ## Typing Component Props

            With typing, component props are checked before the component runs.
            """),
        "notes.md": page(
            "Notes",
            """
            Each component gets typing component props right. For the details of props, read \
            Typing Component Props in the guide.
            """),
    ]

    /// A page that writes the section's words capitalised, outnumbering the guide's lower case.
    static let capitalising = page(
        "Typing", String(repeating: "We like Typing Component Props a lot. ", count: 8))

    static func suggest(_ root: URL, cached: Bool = true) async throws -> ArticleCacheTests.Run {
        try await ArticleCacheTests.suggest(root, cached: cached)
    }

    static let citation = "written as its name"

    @Test func talliesAreReusedAndCitationsFollowEveryFileOfTheSite() async throws {
        let site = try TemporarySite(Self.files)
        let uncached = try await Self.suggest(site.root, cached: false)
        #expect(uncached.json.contains(Self.citation))
        let cold = try await Self.suggest(site.root)
        #expect(cold.reusedTallies == 0)
        let warm = try await Self.suggest(site.root)
        #expect(warm.reusedTallies == 2)
        #expect(cold.json == uncached.json)
        #expect(warm.json == uncached.json)

        // Added: another file's capitals outweigh the guide's lower case, so the notes no longer cite.
        // Its title adds no new counted word, so the other files' tallies still hold.
        try site.write("typing.md", bytes: Array(Self.capitalising.utf8))
        var cached = try await Self.suggest(site.root)
        var plain = try await Self.suggest(site.root, cached: false)
        #expect(cached.json == plain.json)
        #expect(cached.reusedTallies == 2)
        #expect(!plain.json.contains(Self.citation))

        // Edited: the added file writes the words in lower case now; only its tally is made again.
        try site.write(
            "typing.md", bytes: Array(Self.page("Typing", "We like typing component props a lot.").utf8))
        cached = try await Self.suggest(site.root)
        plain = try await Self.suggest(site.root, cached: false)
        #expect(cached.json == plain.json)
        #expect(cached.reusedTallies == 2)
        #expect(plain.json.contains(Self.citation))

        // Edited back, then deleted: its tally goes with it.
        try site.write("typing.md", bytes: Array(Self.capitalising.utf8))
        _ = try await Self.suggest(site.root)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("typing.md"))
        cached = try await Self.suggest(site.root)
        plain = try await Self.suggest(site.root, cached: false)
        #expect(cached.json == plain.json)
        #expect(cached.json.contains(Self.citation))

        // Renamed: the same bytes at another path keep their tally.
        try FileManager.default.moveItem(
            at: site.root.appendingPathComponent("notes.md"), to: site.root.appendingPathComponent("reading.md"))
        cached = try await Self.suggest(site.root)
        plain = try await Self.suggest(site.root, cached: false)
        #expect(cached.json == plain.json)
        #expect(cached.reusedTallies == 2)
        #expect(cached.json.contains("reading.md"))
    }

    @Test func aNewCountedWordMakesEveryTallyAgain() async throws {
        let site = try TemporarySite(Self.files)
        _ = try await Self.suggest(site.root)
        // A title with a word no title had: every file must be counted for it.
        try site.write(
            "guide.md",
            bytes: Array(Self.files["guide.md"]!.replacingOccurrences(of: "Component Guide", with: "Careful Guide").utf8))
        let cached = try await Self.suggest(site.root)
        let plain = try await Self.suggest(site.root, cached: false)
        #expect(cached.reusedTallies == 0)
        #expect(cached.json == plain.json)
        // The file now written holds tallies for the new words: the next run reuses them all.
        let next = try await Self.suggest(site.root)
        #expect(next.reusedTallies == 2)
        #expect(next.json == plain.json)
        #expect(!next.wrote)
    }

    @Test func aTallyBesideADamagedParseIsNotTrusted() async throws {
        let site = try TemporarySite(Self.files)
        let uncached = try await Self.suggest(site.root, cached: false)
        let bytes = [UInt8](try Data(contentsOf: site.root.appendingPathComponent("notes.md")))
        // Every word of the notes forged as written a thousand times in capitals, beside a parse part
        // that does not decode: the tally must not be used.
        let loaded = await SiteLoader.load(root: site.root)
        let index = KeywordIndex(site: loaded.site, graph: LinkGraph(site: loaded.site))
        let words = WordCase.countedWords(
            index.topics.filter { [.title, .alias, .heading].contains($0.source) }.map(\.phrase))
        let forged = DerivedContent(
            path: "notes.md", title: "Notes", termCounts: nil, topics: nil, mentions: nil,
            wordCase: words.sorted().map { (hash: $0, lower: 0, capitalised: 1000) })
        var derived = BinaryWriter()
        forged.encode(into: &derived)
        ArticleCache.write(
            root: site.root, toolVersion: "test 1", context: ArticleCache.context(for: SuggestOptions()),
            indexFingerprint: nil, wordCaseFingerprint: WordCase.fingerprint(of: words),
            records: [ArticleCache.Record(hash: ContentHash(bytes), parse: [0xFF], derived: derived.bytes)])
        let cached = try await Self.suggest(site.root)
        #expect(cached.reusedTallies == 0)
        #expect(cached.json == uncached.json)
    }
}
