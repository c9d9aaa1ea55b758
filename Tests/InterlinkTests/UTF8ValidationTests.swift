@testable import Interlink
import Testing

/// `UTF8Validation` skips ASCII eight bytes at a time: it finds the same first invalid byte as
/// reading one scalar at a time, wherever that byte falls in the eight.
@Suite struct UTF8ValidationTests {
    /// The first invalid offset by Swift's own decoder: the offset where decoding first fails.
    static func reference(_ bytes: [UInt8]) -> Int? {
        var offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += String(scalar).utf8.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    static let pieces: [[UInt8]] = [
        Array("abcdefgh".utf8), Array("a".utf8), Array("é".utf8), Array("日".utf8), Array("😀".utf8), [0x80], [0xC3],
        [0xE6, 0x97], [0xF0, 0x9F, 0x98], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF],
        Array("\n   ".utf8),
    ]

    /// Every piece after every number of ASCII bytes from 0 to 19, then a piece and ASCII again.
    @Test func firstInvalidByteIsTheDecodersFirstError() {
        for prefix in 0..<20 {
            for piece in Self.pieces {
                for second in Self.pieces {
                    let bytes = Array(repeating: UInt8(ascii: "x"), count: prefix) + piece + second + Array("tail".utf8)
                    #expect(UTF8Validation.firstInvalidOffset(bytes) == Self.reference(bytes), "\(bytes)")
                }
            }
        }
        #expect(UTF8Validation.firstInvalidOffset(Array("plain ASCII text, longer than eight".utf8)) == nil)
        #expect(UTF8Validation.firstInvalidOffset(Array("0123456789".utf8) + [0xFF]) == 10)
    }
}
