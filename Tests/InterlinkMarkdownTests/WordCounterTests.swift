import Testing

@testable import InterlinkMarkdown

/// `WordCounter` counts runs of letters, digits and multi-byte characters, kept whole by `'` and `-`
/// inside them: checked on written cases and against the rule written out as a branching loop.
@Suite struct WordCounterTests {
    @Test func countsWordsJoinedByApostrophesAndHyphens() {
        #expect(WordCounter.count("") == 0)
        #expect(WordCounter.count("one") == 1)
        #expect(WordCounter.count("don't stop") == 2)
        #expect(WordCounter.count("state-of-the-art design") == 2)
        #expect(WordCounter.count("- item, -x and y- z") == 5)
        #expect(WordCounter.count("a--b ' c") == 2)
        #expect(WordCounter.count("naïve café 東京 2024 @ [x](y)") == 6)
        #expect(WordCounter.count("ZÜRICH_zurich`Zurich") == 3)
    }

    @Test func agreesWithTheRuleOnEveryPairOfBytesAndOnRandomText() {
        // Every two-byte text, then random texts over an alphabet of word bytes, joiners and others.
        for first in UInt8.min...UInt8.max {
            for second in [UInt8(ascii: "a"), UInt8(ascii: "'"), UInt8(ascii: " "), 0x80, UInt8(ascii: "-")] {
                let bytes = [first, second, first]
                #expect(WordCounter.count(bytes) == Self.rule(bytes), "\(bytes)")
            }
        }
        let alphabet: [UInt8] = Array("aZ09'- ._@[`{\u{7F}".utf8) + [0x80, 0xC3, 0xFF, 0x2F, 0x3A, 0x40, 0x5B, 0x60, 0x7B]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let bytes = (0..<Int.random(in: 0...64, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            #expect(WordCounter.count(bytes) == Self.rule(bytes), "\(bytes)")
            #expect(WordCounter.count(bytes[...]) == Self.rule(bytes))
        }
    }

    @Test func eightBytesAtATimeAgreeWithTheRule() {
        // Every byte value at every place of a 24-byte text, between word bytes and between spaces,
        // so that it falls in each of the eight places of a 64-bit word; then random texts, mostly
        // without joiners (the eight-byte path), with a joiner now and then (the byte-by-byte one).
        for byte in UInt8.min...UInt8.max {
            for filler in [UInt8(ascii: "a"), UInt8(ascii: " "), 0xC3] {
                for place in 0..<24 {
                    var bytes = [UInt8](repeating: filler, count: 24)
                    bytes[place] = byte
                    #expect(WordCounter.count(bytes) == Self.rule(bytes), "\(byte) at \(place) among \(filler)")
                }
            }
        }
        let alphabet = Array("aZ09 .,_@[`{/:\n\t".utf8) + [0x80, 0xC3, 0xA9, 0xFF, 0x40, 0x5B, 0x60, 0x7B, 0x2F, 0x3A]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let bytes = (0..<Int.random(in: 0...100, using: &generator)).map { _ in
                Int.random(in: 0..<40, using: &generator) == 0
                    ? (Bool.random(using: &generator) ? UInt8(ascii: "'") : UInt8(ascii: "-"))
                    : alphabet.randomElement(using: &generator)!
            }
            #expect(WordCounter.count(bytes) == Self.rule(bytes), "\(bytes)")
            #expect(WordCounter.count(bytes.dropFirst(3)) == Self.rule(Array(bytes.dropFirst(3))))
        }
    }

    /// The rule as a loop with branches: a word byte outside a word starts one; `'` or `-` inside a
    /// word keeps it going; any other byte ends it.
    static func rule(_ bytes: [UInt8]) -> Int {
        var words = 0
        var inWord = false
        for byte in bytes {
            let isWordByte = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || byte >= 0x80
            if isWordByte {
                if !inWord { words += 1 }
                inWord = true
            } else if !(inWord && (byte == UInt8(ascii: "'") || byte == UInt8(ascii: "-"))) {
                inWord = false
            }
        }
        return words
    }
}
