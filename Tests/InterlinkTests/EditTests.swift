import Interlink
import Testing

/// Edits as values: applied from the highest offset down, each checked against the bytes it expects.
@Suite struct EditTests {
    static let text = Array("alpha beta gamma".utf8)

    static func edit(_ range: Range<Int>, _ expected: String, _ replacement: String) -> Edit {
        Edit(range: range, expected: Array(expected.utf8), replacement: Array(replacement.utf8))
    }

    @Test func editsGivenLowestFirstStillApplyAtTheirOriginalOffsets() throws {
        // Growing the first range would shift the later ones if they were applied in the order given.
        let edits = [
            Self.edit(0..<5, "alpha", "[alpha](a.md)"),
            Self.edit(6..<10, "beta", "[beta](b.md)"),
            Self.edit(11..<16, "gamma", "[gamma](c.md)"),
        ]
        let expected = "[alpha](a.md) [beta](b.md) [gamma](c.md)"
        #expect(String(decoding: try Edit.apply(edits, to: Self.text), as: UTF8.self) == expected)
        #expect(String(decoding: try Edit.apply(edits.reversed(), to: Self.text), as: UTF8.self) == expected)
        #expect(String(decoding: try Edit.apply([edits[1], edits[2], edits[0]], to: Self.text), as: UTF8.self) == expected)
    }

    @Test func shrinkingEditsAlsoKeepTheirOffsets() throws {
        let edits = [Self.edit(0..<5, "alpha", "a"), Self.edit(11..<16, "gamma", "g")]
        #expect(try Edit.apply(edits, to: Self.text) == Array("a beta g".utf8))
    }

    @Test func adjacentEditsAreNotAnOverlap() throws {
        let edits = [Self.edit(0..<5, "alpha", "A"), Self.edit(5..<6, " ", "_"), Self.edit(6..<10, "beta", "B")]
        #expect(try Edit.apply(edits, to: Self.text) == Array("A_B gamma".utf8))
    }

    @Test func noEditsGiveTheSameBytes() throws {
        #expect(try Edit.apply([], to: Self.text) == Self.text)
    }

    @Test func bytesThatDifferFromTheExpectedAnchorAreAMismatch() {
        #expect(throws: EditError.mismatch(range: 6..<10)) {
            try Edit.apply([Self.edit(0..<5, "alpha", "A"), Self.edit(6..<10, "BETA", "B")], to: Self.text)
        }
    }

    @Test func aRangePastTheEndIsAMismatch() {
        #expect(throws: EditError.mismatch(range: 14..<20)) {
            try Edit.apply([Self.edit(14..<20, "mma!!!", "x")], to: Self.text)
        }
    }

    @Test func overlappingEditsAreRefused() {
        #expect(throws: EditError.overlap(0..<7, 6..<10)) {
            try Edit.apply([Self.edit(6..<10, "beta", "B"), Self.edit(0..<7, "alpha b", "A")], to: Self.text)
        }
        // A range inside another one.
        #expect(throws: EditError.self) {
            try Edit.apply(
                [Self.edit(0..<16, "alpha beta gamma", "x"), Self.edit(6..<10, "beta", "B"), Self.edit(12..<13, "a", "A")],
                to: Self.text)
        }
        // The same range twice.
        #expect(throws: EditError.self) {
            try Edit.apply([Self.edit(6..<10, "beta", "B"), Self.edit(6..<10, "beta", "C")], to: Self.text)
        }
    }

    @Test func multiByteBytesAreComparedExactly() throws {
        let bytes = Array("café au lait".utf8)
        // "café" is 5 bytes: the edit must name the bytes, not the characters.
        #expect(try Edit.apply([Self.edit(0..<5, "café", "[café](c.md)")], to: bytes) == Array("[café](c.md) au lait".utf8))
        #expect(throws: EditError.mismatch(range: 0..<4)) {
            try Edit.apply([Self.edit(0..<4, "cafe", "x")], to: bytes)
        }
    }
}
