import Foundation

extension StringProtocol {
    /// The text without the scalars at either end for which `isTrimmed` holds. It walks Unicode
    /// scalars: trimming through `reversed().drop(while:).reversed()` walks `Character`s backwards,
    /// which cost 5% of a whole run when every title was trimmed that way.
    func trimmingScalars(where isTrimmed: (Unicode.Scalar) -> Bool) -> SubSequence {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isTrimmed(scalars[start]) { start = scalars.index(after: start) }
        while start < end {
            let before = scalars.index(before: end)
            guard isTrimmed(scalars[before]) else { break }
            end = before
        }
        return self[start..<end]
    }

    /// `firstIndex(of:)` for any of some ASCII characters, found by reading bytes when the text is
    /// ASCII (where a byte and a `Character` are the same thing) and by `Character`s otherwise, where a
    /// combining mark after the character makes it part of another one. Searching by `Character` costs about 2 µs on
    /// a 60-byte path, which made resolving a site's links cost more than parsing them.
    func firstIndex(ofASCII characters: UInt8...) -> String.Index? where Index == String.Index {
        if utf8.allSatisfy({ $0 < 0x80 }) { return utf8.firstIndex(where: characters.contains) }
        return firstIndex { $0.utf8.count == 1 && characters.contains($0.utf8.first!) }
    }
}

extension String {
    /// The text with whitespace (`CharacterSet.whitespaces`) trimmed from both ends, as Foundation's
    /// `trimmingCharacters(in: .whitespaces)` trims it; the text itself when it starts and ends with an
    /// ASCII byte that is no space.
    func trimmingWhitespace() -> String {
        if let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80,
            first != UInt8(ascii: " "), first != UInt8(ascii: "\t"), last != UInt8(ascii: " "), last != UInt8(ascii: "\t")
        {
            return self
        }
        let whitespace = CharacterSet.whitespaces
        return String(trimmingScalars { whitespace.contains($0) })
    }
}
