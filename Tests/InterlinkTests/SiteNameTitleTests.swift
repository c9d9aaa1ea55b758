@testable import Interlink
import Testing

/// A project blog puts its own name in most titles ("Rust's 2018 roadmap", "The Rust Libz Blitz");
/// its writers cite those posts without the name. The title without the site's name is a title part.
@Suite struct SiteNameTitleTests {
    /// Titles of a project blog: "Rust" in most of them.
    static let rustTitles = [
        "Announcing Rust 1.2", "Announcing Rust 1.3", "Rust 1.0: Scheduling the trains", "Rust in 2016",
        "Rust turns three", "Rust's 2018 roadmap", "The Rust Libz Blitz", "Fearless Concurrency with Rust",
        "Rust's language ergonomics initiative", "Rust Once, Run Everywhere", "Incremental Compilation",
        "Shape of errors to come",
    ]

    @Test func theNameIsAWordOfMostTitles() {
        #expect(SiteNameWords(titles: Self.rustTitles).words == ["rust"])
    }

    @Test func aFewTitlesNameNothing() {
        #expect(SiteNameWords(titles: Array(Self.rustTitles.prefix(7))).words.isEmpty)
    }

    @Test func announcementVerbsAreNoName() {
        let titles = (1...10).map { "Announcing Widget \($0).0" } + ["Announcing our new home", "Plans"]
        #expect(SiteNameWords(titles: titles).words == ["widget"])
    }

    @Test(arguments: [
        ("The Rust Libz Blitz", "Libz Blitz"),
        ("Rust's 2018 roadmap", "2018 roadmap"),
        ("Rust's language ergonomics initiative", "language ergonomics initiative"),
        ("Fearless Concurrency with Rust", "Fearless Concurrency"),
        ("Rust Concurrency Patterns", "Concurrency Patterns"),
    ])
    func theTitleWithoutTheName(title: String, short: String) {
        #expect(SiteNameWords(titles: Self.rustTitles).shortTitle(title) == short)
    }

    @Test(arguments: [
        "Rust 1.2 is released",  // the version number belongs to the name
        "Rust turns three",  // what follows the name is no name of its own
        "Rust in 2016",  // what is left starts with a stopword
        "Announcing Rust 1.2",  // the name is not at an edge
        "Rust's roadmap",  // one word is left
        "Incremental Compilation",  // no name to strip
    ])
    func noShortTitle(title: String) {
        #expect(SiteNameWords(titles: Self.rustTitles).shortTitle(title) == nil)
    }

    /// End to end through the index: "Libz Blitz" in prose names "The Rust Libz Blitz" on a site whose
    /// titles say "Rust", and names nothing on a site too small to tell.
    @Test(arguments: [true, false])
    func aMentionWithoutTheName(manyTitles: Bool) throws {
        var files = [
            "posts/crate-review.md": "---\ntitle: The Rust Libz Blitz\n---\n\nShort.\n",
            "posts/source.md": "---\ntitle: Looking back\n---\n\nThis year the ⟦Libz Blitz⟧ reviewed crates.\n",
        ]
        let count = manyTitles ? 9 : 5
        for number in 1...count {
            files["posts/release-\(number).md"] = "---\ntitle: Announcing Rust 1.\(number)\n---\n\nShort.\n"
        }
        let fixture = try SuggestFixture(files)
        let texts = fixture.mentionTexts(in: "posts/source.md", of: "posts/crate-review.md")
        if manyTitles {
            #expect(fixture.mentions(in: "posts/source.md").map(\.range) == fixture.marks("posts/source.md"))
            #expect(texts == ["Libz Blitz"])
        } else {
            #expect(texts.isEmpty)
        }
    }
}

/// The name candidates of an ASCII title are read as bytes; they must be what reading it by
/// `Character`s gives.
@Suite struct SiteNameCandidateTests {
    static let pieces = [
        "Go", "go", "Rust's", "Rust’s", "The", "Announcing", "Why", "A's", "'s", "X", "Go:", "Go!?", "Gopher,", "IO",
        "Ünïcode", "HTTP/2", "v1.2", "and", "in", "Go;.", "Z's.", "Bring", "AI", "C++", "Tabs", "", "Ok's",
    ]
    static let separators = [" ", "  ", "\t", " \t "]

    @Test func theByteReadingIsTheCharacterReading() throws {
        var seed: UInt64 = 5
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        var asciiTitles = 0
        for _ in 0..<3000 {
            var title = next(4) == 0 ? " " : ""
            for index in 0..<(1 + next(7)) {
                if index > 0 { title += Self.separators[next(Self.separators.count)] }
                title += Self.pieces[next(Self.pieces.count)]
            }
            let byCharacters = SiteNameWords.characterNameCandidates(of: title)
            #expect(SiteNameWords.nameCandidates(of: title) == byCharacters, "\(title)")
            if let bytes = SiteNameWords.asciiNameCandidates(of: title) {
                asciiTitles += 1
                #expect(bytes == byCharacters, "\(title)")
            }
        }
        #expect(asciiTitles > 1000)
        #expect(SiteNameWords.asciiNameCandidates(of: "Go\r\nRust") == nil)
        #expect(SiteNameWords.asciiNameCandidates(of: "Café Go") == nil)
        #expect(SiteNameWords.asciiNameCandidates(of: "The Go Blog's Gopher: Announcing Tabs!") == ["go", "blog", "gopher", "tabs"])
    }
}
