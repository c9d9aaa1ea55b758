import Testing

@testable import InterlinkMarkdown

/// `ByteWord` finds byte values eight at a time; the searches built on it (`InlineConstructs.mayHold`
/// here; `RawConstructCandidateTests`, `WordCounterTests` and `SentenceEndsTests` for the others)
/// must agree with a byte-by-byte loop.
@Suite struct ByteWordTests {
    @Test func zeroBytesIsNonzeroExactlyForAZeroByteAndItsLowestBitIsTheFirst() {
        var generator = SystemRandomNumberGenerator()
        let values: [UInt8] = [0, 1, 0x7F, 0x80, 0xFF, 0x2E, 0x01]
        for _ in 0..<20_000 {
            let bytes = (0..<8).map { _ in values.randomElement(using: &generator)! }
            let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << UInt64(8 * $1.offset) }
            let flags = ByteWord.zeroBytes(word)
            let first = bytes.firstIndex(of: 0)
            #expect((flags != 0) == (first != nil), "\(bytes)")
            if let first { #expect(flags.trailingZeroBitCount / 8 == first, "\(bytes)") }
            bytes.withUnsafeBufferPointer { #expect(ByteWord.load($0.baseAddress!, 0) == word) }
        }
    }

    @Test func mayHoldAgreesWithTheByteByByteRule() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ab $\\%{}[x".utf8) + [0xC3, 0x24 ^ 0x80, 0x5C + 1, 0x7B - 1]
        for _ in 0..<5_000 {
            let bytes = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                Int.random(in: 0..<8, using: &generator) == 0 ? alphabet.randomElement(using: &generator)! : UInt8(ascii: "a")
            }
            let end = Int.random(in: 0...bytes.count, using: &generator)
            let start = Int.random(in: 0...end, using: &generator)
            let expected = bytes[start..<end].contains { InlineConstructs.isFirstByte($0) }
            #expect(InlineConstructs.mayHold(bytes, from: start, to: end) == expected, "\(bytes) \(start)..<\(end)")
        }
    }
}
