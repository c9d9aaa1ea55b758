import Testing

@testable import Interlink

/// `SentenceIndex.sentenceEnds` looks at eight bytes at a time: it must find what the byte-by-byte
/// rule finds (after each `.`, `!` or `?` that ends the range or is followed by a space), wherever
/// the marks fall in a 64-bit word and wherever the range starts and ends.
@Suite struct SentenceEndsTests {
    static func rule(_ bytes: [UInt8], _ range: Range<Int>) -> [Int] {
        var found: [Int] = []
        for index in range where [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?")].contains(bytes[index]) {
            if index + 1 >= range.upperBound || bytes[index + 1] == 0x20 { found.append(index + 1) }
        }
        return found
    }

    static func found(_ bytes: [UInt8], _ range: Range<Int>) -> [Int] {
        var found: [Int] = []
        bytes.withUnsafeBufferPointer { SentenceIndex.sentenceEnds(in: $0, range, into: &found) }
        return found
    }

    @Test func findsTheEndsTheRuleFinds() {
        #expect(Self.found(Array("One. Two! Three? e.g. x.y done.".utf8), 0..<31) == [4, 9, 16, 21, 31])
        for mark in ".!?,".utf8 {
            for place in 0..<20 {
                for follower in [UInt8(ascii: " "), UInt8(ascii: "a")] {
                    var bytes = [UInt8](repeating: UInt8(ascii: "w"), count: 20)
                    bytes[place] = mark
                    if place + 1 < bytes.count { bytes[place + 1] = follower }
                    for range in [0..<20, 0..<(place + 1), min(place, 3)..<20] {
                        #expect(Self.found(bytes, range) == Self.rule(bytes, range), "\(mark) at \(place) in \(range)")
                    }
                }
            }
        }
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ab .!?\n\u{7F}".utf8) + [0x2E ^ 0x80, 0xC3, 0x21 + 1, 0x3F - 1]
        for _ in 0..<3_000 {
            let bytes = (0..<Int.random(in: 1...70, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let end = Int.random(in: 0...bytes.count, using: &generator)
            let start = Int.random(in: 0...end, using: &generator)
            #expect(Self.found(bytes, start..<end) == Self.rule(bytes, start..<end), "\(bytes) \(start)..<\(end)")
        }
    }

    @Test func aRangePastTheBytesIsReadOnlyAsFarAsTheBytes() {
        // The eight-byte reads never go past the buffer, whatever range a caller passes.
        let bytes = Array("Ends here. And here".utf8)
        #expect(Self.found(bytes, 0..<(bytes.count + 20)) == [10])
        #expect(Self.found(bytes, (bytes.count + 1)..<(bytes.count + 9)).isEmpty)
    }
}
