import Interlink
import Testing

/// Word keys: what makes two spellings of a phrase the same phrase.
@Suite struct TokenizerNormalisationTests {
    let tokenizer = Tokenizer()

    /// The words of `text` as (key, text as written).
    private func words(_ text: String) -> [(key: String, written: String)] {
        let bytes = Array(text.utf8)
        return tokenizer.tokens(bytes, in: 0..<bytes.count).map {
            ($0.key, String(decoding: bytes[$0.range], as: UTF8.self))
        }
    }

    @Test(arguments: [
        ("pages", "page"), ("page", "page"), ("policies", "policy"), ("boxes", "box"), ("batches", "batch"),
        ("wishes", "wish"), ("classes", "class"), ("buzzes", "buzz"), ("links", "link"),
    ])
    func pluralAndSingularShareAKey(plural: String, singular: String) {
        #expect(tokenizer.keys(plural) == [singular])
        #expect(tokenizer.keys(singular) == tokenizer.keys(plural))
    }

    @Test(arguments: ["analysis", "status", "class", "bus", "gas", "its", "is"])
    func wordsThatOnlyLookPluralKeepTheirEnding(word: String) {
        #expect(tokenizer.keys(word) == [word])
    }

    @Test func keysIgnoreCase() {
        #expect(tokenizer.keys("Orphan PAGES") == ["orphan", "page"])
        #expect(tokenizer.keys("ORPHAN pages") == tokenizer.keys("orphan page"))
    }

    @Test func possessiveIsDroppedFromKeyAndRange() {
        let straight = words("Rust's borrow checker")
        #expect(straight.map(\.key) == ["rust", "borrow", "checker"])
        #expect(straight.first?.written == "Rust")
        let curly = words("Rust’s borrow checker")
        #expect(curly.map(\.key) == ["rust", "borrow", "checker"])
        #expect(curly.first?.written == "Rust")
    }

    @Test func curlyAndStraightApostrophesInsideAWordAreTheSameKey() {
        #expect(tokenizer.keys("don’t repeat yourself") == tokenizer.keys("don't repeat yourself"))
        #expect(tokenizer.keys("don’t") == ["don't"])
    }

    @Test func quotesAroundAWordAreNotPartOfIt() {
        let quoted = words("the ’orphan’ 'pages'")
        #expect(quoted.map(\.written) == ["the", "orphan", "pages"])
    }

    @Test func hyphenAndSpaceSplitTheSameWords() {
        #expect(tokenizer.keys("pre-commit") == ["pre", "commit"])
        #expect(tokenizer.keys("pre commit") == ["pre", "commit"])
    }

    @Test func rangesAreUTF8ByteRanges() {
        let text = "Ünïcode café naïve"
        let bytes = Array(text.utf8)
        let tokens = tokenizer.tokens(bytes, in: 0..<bytes.count)
        #expect(tokens.map(\.key) == ["ünïcode", "café", "naïve"])
        #expect(tokens.map { String(decoding: bytes[$0.range], as: UTF8.self) } == ["Ünïcode", "café", "naïve"])
    }

    @Test func tokensStayInsideTheGivenRange() {
        let bytes = Array("orphan pages here".utf8)
        let tokens = tokenizer.tokens(bytes, in: 7..<12)
        #expect(tokens.map(\.key) == ["page"])
        #expect(tokens.map(\.range) == [7..<12])
    }
}
