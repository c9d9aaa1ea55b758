import Testing

@testable import InterlinkMarkdown

/// `RawConstructs.nextCandidate` skips to the next byte that may open a construct, sixteen bytes at a
/// time: checked against the byte-by-byte rule at every offset from a block's edge, and end to end.
@Suite struct RawConstructCandidateTests {
    @Test func findsTheSameByteAsTheRuleAtEveryOffset() {
        let openers: [[UInt8]] = ["{", "[", "ht", "HT", "hT", "ww", "Ww", "wW"].map { Array($0.utf8) }
        let nearMisses: [[UInt8]] = ["h", "w", "hx", "wx", "H ", "W.", ";", "K"].map { Array($0.utf8) }
        for opener in openers + nearMisses {
            for offset in 0..<40 {
                for tail in 0..<20 {
                    let bytes = Array(repeating: UInt8(ascii: "x"), count: offset) + opener
                        + Array(repeating: UInt8(ascii: "y"), count: tail)
                    for start in [0, min(offset, 3), offset] {
                        #expect(
                            RawConstructs.nextCandidate(in: bytes, from: start, end: bytes.count)
                                == Self.rule(bytes, from: start, end: bytes.count), "\(opener) at \(offset)+\(tail)")
                    }
                }
            }
        }
    }

    @Test func agreesWithTheRuleOnRandomText() {
        let alphabet = Array("hHtTwWx{[ ;KkvV\u{7B}".utf8) + [0x48 ^ 0x20, 0x5B, 0x7B, 0xC3, 0x80]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let bytes = (0..<Int.random(in: 0...80, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let end = Int.random(in: 0...bytes.count, using: &generator)
            let start = Int.random(in: 0...end, using: &generator)
            #expect(RawConstructs.nextCandidate(in: bytes, from: start, end: end) == Self.rule(bytes, from: start, end: end))
        }
    }

    @Test func aURLAfterALongRunOfProseIsFound() throws {
        // Past the first sixteen-byte blocks, on a block's edge and beside it.
        for padding in 28...36 {
            let prose = String(repeating: "a", count: padding)
            let document = MarkdownParser.parse(Array("\(prose) https://example.com/x and [[Page]]\n".utf8), frontMatter: nil)
            let url = (padding + 1)..<(padding + 22)
            #expect(zones(.bareURL, in: document) == [url])
            #expect(document.links.contains { link in link.kind == MarkdownLink.Kind.wikilink && link.destination == "Page" })
        }
    }

    /// The rule, byte by byte.
    static func rule(_ bytes: [UInt8], from start: Int, end: Int) -> Int {
        var position = start
        while position < end {
            let byte = bytes[position]
            if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") { return position }
            if position + 1 < end {
                let next = bytes[position + 1]
                if (byte == UInt8(ascii: "h") || byte == UInt8(ascii: "H")) && (next == UInt8(ascii: "t") || next == UInt8(ascii: "T")) {
                    return position
                }
                if (byte == UInt8(ascii: "w") || byte == UInt8(ascii: "W")) && (next == UInt8(ascii: "w") || next == UInt8(ascii: "W")) {
                    return position
                }
            }
            position += 1
        }
        return end
    }
}
