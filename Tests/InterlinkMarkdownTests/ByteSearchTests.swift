import InterlinkMarkdown
import Testing

/// `ByteSearch.firstIndex` finds what a byte-by-byte search finds, in any part of the bytes.
@Suite struct ByteSearchTests {
    static func reference(_ needle: [UInt8], _ bytes: [UInt8], _ start: Int, _ end: Int) -> Int? {
        guard !needle.isEmpty else { return nil }
        var index = start
        while index + needle.count <= end {
            if Array(bytes[index..<(index + needle.count)]) == needle { return index }
            index += 1
        }
        return nil
    }

    @Test func findsWhatAByteByByteSearchFinds() {
        let alphabet = Array("<!-->}%a".utf8)
        let needles: [[UInt8]] = [Array("<!--".utf8), Array("-->".utf8), Array("}}".utf8), Array("%}".utf8), [0x61], []]
        var state: UInt64 = 5
        for _ in 0..<400 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let count = Int(state >> 59)
            var bytes: [UInt8] = []
            for _ in 0..<count {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            for needle in needles {
                for start in 0...count {
                    for end in start...count {
                        #expect(
                            ByteSearch.firstIndex(of: needle, in: bytes, from: start, end: end)
                                == Self.reference(needle, bytes, start, end))
                    }
                    #expect(ByteSearch.firstIndex(of: needle, in: bytes, from: start) == Self.reference(needle, bytes, start, count))
                }
            }
        }
    }
}

extension ByteSearchTests {
    @Test func findsTheFirstByteWhereAByteByByteSearchDoes() {
        let bytes = Array("a{b{{c%}d}".utf8)
        for start in 0...bytes.count + 1 {
            for end in 0...bytes.count + 1 {
                for byte in [UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "z")] {
                    let expected = start < min(end, bytes.count)
                        ? (start..<min(end, bytes.count)).first { bytes[$0] == byte } : nil
                    #expect(ByteSearch.firstIndex(of: byte, in: bytes, from: start, end: end) == expected)
                }
            }
        }
    }
}
