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

    @Test func asciiLettersAndDigitsAreFlaggedInEveryPlace() {
        for byte in UInt8.min...UInt8.max {
            let expected = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            for place in 0..<8 {
                // The byte among others that are not letters or digits, and among others that are.
                for filler in [UInt8(ascii: " "), UInt8(ascii: "a"), 0xFF] {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[place] = byte
                    let flags = bytes.withUnsafeBufferPointer { ByteWord.asciiLettersAndDigits(ByteWord.load($0.baseAddress!, 0)) }
                    #expect((flags >> UInt64(8 * place + 7)) & 1 == (expected ? 1 : 0), "\(byte) at \(place)")
                }
            }
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
