@testable import Interlink
import InterlinkMarkdown
import Testing

/// "Our previous post", "a follow-up post": a post pointing at another without naming it is linked
/// to the most related post in that direction in time, when one stands out.
@Suite struct PostReferenceTests {
    static func post(_ title: String, date: String?, _ body: String) -> String {
        let dateLine = date.map { "date: \($0)\n" } ?? ""
        return "---\ntitle: \"\(title)\"\n\(dateLine)---\n\n\(body)\n"
    }

    static let randomText =
        "Random numbers from math/rand come from a generator seeded at startup. The generator's state, its seed and its period decide the numbers."
    static let secureText =
        "A secure generator seeds from the operating system. Its state is hidden, so the numbers of the generator cannot be predicted from its seed."
    static let cookingText = "Bake the bread at a high heat with steam, then let the loaf cool on a rack before slicing."

    /// Two dated posts on random numbers and one on baking (file names that make no topic); `source` is dated between them.
    static func site(_ source: String, sourceDate: String? = "2024-05-01", folder: String = "blog") throws -> SuggestFixture {
        try SuggestFixture([
            "\(folder)/b1.md": post("Bread", date: "2024-04-20", cookingText),
            "\(folder)/b2.md": post("Evolving the generator", date: "2024-03-01", randomText),
            "\(folder)/b3.md": post("Secure randomness", date: "2024-06-01", secureText),
            "\(folder)/source.md": post("Seeds", date: sourceDate, source + " " + randomText),
        ])
    }

    static func suggestions(_ fixture: SuggestFixture, folder: String = "blog") -> [Suggestion] {
        fixture.suggestions().filter { $0.source == "\(folder)/source.md" }
    }

    @Test func aPreviousPostIsTheMostRelatedEarlierPost() throws {
        let fixture = try Self.site("As our ⟦previous post⟧ explained, seeds matter.")
        let found = Self.suggestions(fixture)
        #expect(found.map(\.target) == ["blog/b2.md"])
        #expect(found.map { $0.offset..<($0.offset + $0.length) } == fixture.marks("blog/source.md"))
        #expect(found.first?.reason.hasPrefix("refers to an earlier post") == true)
    }

    @Test func aFollowUpPostIsTheMostRelatedLaterPost() throws {
        let fixture = try Self.site("A ⟦follow-up post⟧ will cover secure seeds.")
        let found = Self.suggestions(fixture)
        #expect(found.map(\.target) == ["blog/b3.md"])
        #expect(found.map { $0.offset..<($0.offset + $0.length) } == fixture.marks("blog/source.md"))
        #expect(found.first?.reason.hasPrefix("refers to a later post") == true)
    }

    @Test(arguments: [
        "As our ⟦previous post⟧ said,", "In an ⟦earlier blog post⟧ we said", "Our ⟦last year's blog post⟧ said",
        "Our ⟦last year’s post⟧ said", "The ⟦recent article⟧ said", "See the ⟦Previous Post⟧.",
        "In an ⟦earlier\nblog post⟧ we said", "- In an ⟦earlier blog\n  post⟧ we said",
    ])
    func referencePhrasesAreFound(sentence: String) throws {
        let fixture = try SuggestFixture(["blog/a.md": Self.post("A", date: nil, sentence)])
        let found = Suggester.postReferences(in: fixture.article("blog/a.md"))
        #expect(found.map(\.range) == fixture.marks("blog/a.md"))
        #expect(found.allSatisfy { $0.direction == .earlier })
    }

    @Test(arguments: [
        "Previous posts covered it.", "This post covers it.", "A post covers it.", "The last word on posts.",
        "The previous version posted it.", "Our later post covers it.", "`previous post`",
        "Our previous (post) said.", "The previous. Post it now.", "The previous  \npost, after a hard break.",
        "> The previous\n> post, in a quote.",
    ])
    func otherWordsAreNoReference(sentence: String) throws {
        let fixture = try SuggestFixture(["blog/a.md": Self.post("A", date: nil, sentence)])
        #expect(Suggester.postReferences(in: fixture.article("blog/a.md")).isEmpty)
    }

    @Test func undatedArticlesHaveNoReferences() throws {
        let fixture = try Self.site("As our previous post explained, seeds matter.", folder: "docs")
        #expect(Self.suggestions(fixture, folder: "docs").isEmpty)
    }

    /// The post a reference means is already linked: nothing is proposed, not the next best post (a
    /// second run after `apply` would otherwise link "the previous post" somewhere else).
    @Test func aReferenceToALinkedPostIsNoLink() throws {
        // Long enough for a link of its own next to the existing one (one per 150 words).
        let filler = Array(repeating: Self.randomText, count: 15).joined(separator: " ")
        let fixture = try Self.site(
            "As our previous post explained, see [seeds](b2.md). \(filler) The previous post also said more.",
            sourceDate: "2024-07-01")
        let suggester = fixture.suggester()
        #expect(suggester.linkCap(for: fixture.article("blog/source.md")) >= 2)
        let found = Self.suggestions(fixture)
        #expect(!found.contains { $0.target == "blog/b2.md" || $0.reason.hasPrefix("refers to") })
    }

    /// Two earlier posts as related as each other: which one the writer meant is a guess, not a link.
    @Test func noPostStandsOutNoLink() throws {
        let fixture = try SuggestFixture([
            "blog/b1.md": Self.post("One", date: "2024-03-01", Self.randomText),
            "blog/b2.md": Self.post("Two", date: "2024-03-02", Self.randomText),
            "blog/source.md": Self.post("Seeds", date: "2024-05-01", "As our previous post said. " + Self.randomText),
        ])
        #expect(Self.suggestions(fixture).isEmpty)
    }

    /// An unrelated earlier post is no reference's target, however near in time.
    @Test func anUnrelatedPostIsNoTarget() throws {
        let fixture = try SuggestFixture([
            "blog/b1.md": Self.post("Bread", date: "2024-04-20", Self.cookingText),
            "blog/source.md": Self.post("Seeds", date: "2024-05-01", "As our previous post said. " + Self.randomText),
        ])
        #expect(Self.suggestions(fixture).isEmpty)
    }

    /// "The recent post on Secure Randomness": the name says which post, and its own candidate links it.
    @Test func aReferenceFollowedByItsSubjectsNameIsLeftToTheName() throws {
        let fixture = try Self.site("The recent post on ⟦Secure Randomness⟧ explains seeds.", sourceDate: "2024-07-01")
        let found = Self.suggestions(fixture)
        #expect(found.map(\.target) == ["blog/b3.md"])
        #expect(found.map { $0.offset..<($0.offset + $0.length) } == fixture.marks("blog/source.md"))
        let candidates = fixture.suggester().candidates()[fixture.index("blog/source.md")]
        #expect(!candidates.contains { $0.features.refersToPost })
    }

    @Test(arguments: [
        ("previous post", true), ("our earlier blog posts", true), ("a follow-up article", true),
        ("last year's blog post", true), ("Recent Post", true), ("post", false), ("previous", false),
        ("previous version", false), ("the posts", false), ("recent post on generics", false),
        ("earlier write-ups.", true), ("Previous POST-", true), ("our previous post’s", false), ("last year’s post", true),
        ("earlier articles!", true), ("earlier post 2", false),
    ])
    func linkTextsThatReferToAPostAreKnown(text: String, isReference: Bool) {
        #expect(Suggester.isPostReferenceText(text) == isReference)
    }

    /// A link written by `apply` ("our [previous post](b2.md)") teaches no anchor: the next run must not
    /// send another post's "previous post" to the same page.
    @Test func referenceTextIsNoLearnedAnchor() throws {
        let fixture = try Self.site("As our [previous post](b2.md) explained, seeds matter.")
        let topics = fixture.suggester().index.topics.filter { $0.target == fixture.index("blog/b2.md") }
        #expect(!topics.contains { $0.source == .learned })
    }

    @Test(arguments: [
        ("our previous POST", true), ("an Article.", true), ("a write-up", true), ("Blogpost", true), ("pos", false),
        ("articles", false), ("writes", false), ("postgres", false), ("compost", false), ("post-mortem", false),
        ("nothing here", false), ("", false),
    ])
    func spansThatMayNameAPostAreFound(text: String, may: Bool) {
        let bytes = Array(text.utf8)
        #expect(Suggester.mayNamePost(bytes, in: 0..<bytes.count) == may)
    }

    @Test func lowercaseWordsKeepHyphensAndApostrophes() {
        let bytes = Array("Last year’s FOLLOW-UP post's end-".utf8)
        let words = Suggester.lowercaseWords(bytes, in: 0..<bytes.count).map(\.text)
        #expect(words == ["last", "year’s", "follow-up", "post's", "end"])
    }
}
