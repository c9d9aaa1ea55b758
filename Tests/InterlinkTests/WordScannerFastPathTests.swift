@testable import Interlink
import Testing

/// `WordScanner` reads plain ASCII words in one go and everything else byte by byte. Both readings
/// must give the same words: this compares the scanner with a byte-by-byte reference reading (the
/// general loop alone) on random text made of the characters where they could differ.
@Suite struct WordScannerFastPathTests {
    /// The general reading only: what `WordScanner.next` did before its ASCII fast path.
    struct ReferenceScanner {
        let bytes: [UInt8]
        let end: Int
        var index: Int
        var word: [UInt8] = []

        mutating func next() -> Range<Int>? {
            word.removeAll()
            var wordStart = -1
            var wordEnd = end
            scan: while index < end {
                let byte = bytes[index]
                if byte < 0x80 {
                    if (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) {
                        if wordStart < 0 { wordStart = index }
                        word.append(byte)
                    } else if (0x41...0x5A).contains(byte) {
                        if wordStart < 0 { wordStart = index }
                        word.append(byte + 0x20)
                    } else if byte == UInt8(ascii: "'"), wordStart >= 0, Tokenizer.letterFollows(bytes, index + 1, end) {
                        word.append(byte)
                    } else if wordStart >= 0 {
                        wordEnd = index
                        index += 1
                        break scan
                    }
                    index += 1
                    continue
                }
                let (scalar, length) = Tokenizer.decode(bytes, at: index, end: end)
                if scalar == "\u{2019}" {
                    if wordStart >= 0, Tokenizer.letterFollows(bytes, index + length, end) {
                        word.append(UInt8(ascii: "'"))
                    } else if wordStart >= 0 {
                        wordEnd = index
                        index += length
                        break scan
                    }
                } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    if wordStart < 0 { wordStart = index }
                    let lower = scalar.properties.lowercaseMapping
                    if lower.unicodeScalars.count == 1, lower.unicodeScalars.first == scalar {
                        word.append(contentsOf: bytes[index..<(index + length)])
                    } else {
                        word.append(contentsOf: lower.utf8)
                    }
                } else if wordStart >= 0 {
                    wordEnd = index
                    index += length
                    break scan
                }
                index += length
            }
            guard wordStart >= 0 else { return nil }
            if index >= end, wordEnd == end { wordEnd = end }
            if word.count > 2, word[word.count - 1] == UInt8(ascii: "s"), word[word.count - 2] == UInt8(ascii: "'") {
                word.removeLast(2)
                wordEnd -= bytes[wordEnd - 2] == UInt8(ascii: "'") ? 2 : 4
            }
            EnglishInflection().stem(&word)
            return wordStart..<wordEnd
        }
    }

    /// The words of `bytes[range]` with their normalised bytes, as the scanner reads them and as the
    /// byte-by-byte reference reads them.
    static func wordsOfBothReadings(
        _ bytes: [UInt8], _ range: Range<Int>
    ) -> (scanned: [(Range<Int>, [UInt8])], reference: [(Range<Int>, [UInt8])]) {
        var scanner = WordScanner(bytes: bytes, range: range)
        var reference = ReferenceScanner(bytes: bytes, end: range.upperBound, index: range.lowerBound)
        var scanned: [(Range<Int>, [UInt8])] = []
        var expected: [(Range<Int>, [UInt8])] = []
        while let found = scanner.next(inflection: EnglishInflection(), english: true) { scanned.append((found, scanner.word)) }
        while let found = reference.next() { expected.append((found, reference.word)) }
        return (scanned, expected)
    }

    /// Each word's range, hash and length as `nextHash` gives them, and as `next` followed by
    /// `Tokenizer.hash` of the word it reads gives them.
    static func hashesOfBothReadings(_ bytes: [UInt8], _ range: Range<Int>) -> (hashed: [String], read: [String]) {
        var hashing = WordScanner(bytes: bytes, range: range)
        var reading = WordScanner(bytes: bytes, range: range)
        var hashed: [String] = []
        var read: [String] = []
        while let found = hashing.nextHash(inflection: EnglishInflection(), english: true) {
            hashed.append("\(found.range) \(found.hash) \(found.length)")
        }
        while let found = reading.next(inflection: EnglishInflection(), english: true) {
            read.append("\(found) \(Tokenizer.hash(reading.word)) \(reading.word.count)")
        }
        return (hashed, read)
    }

    static let pieces = ["a", "B", "z", "Go", "s", "es", "1", " ", "  ", "'", "’", "é", "É", "日", "-", ".", "\n", "ß", "İ", "\u{301}"]

    @Test func bothReadingsGiveTheSameWords() {
        for text in RandomText(pieces: Self.pieces, count: 5_000, maximumPieces: 12, seed: 2_024) {
            let bytes = Array(text.utf8)
            // The whole text, and a range that starts and ends inside it (within one character's bytes too).
            for range in [0..<bytes.count, min(1, bytes.count)..<max(min(1, bytes.count), bytes.count - 1)] {
                let (words, expected) = Self.wordsOfBothReadings(bytes, range)
                #expect(words.map(\.0) == expected.map(\.0), "\(text.debugDescription) \(range)")
                #expect(words.map(\.1) == expected.map(\.1), "\(text.debugDescription) \(range)")
            }
        }
    }

    static let wordPieces = [
        "a", "B", "Go", "s", "S", "es", "ES", "ies", "IES", "ch", "sh", "x", "zz", "ss", "us", "is", "e", "i",
        "tie", "1", " ", "'", "’", "é", "-", "\n", "Ü",
    ]

    /// `nextHash` hashes a plain ASCII word where it lies, stemming it on the way: the same hash and
    /// length as `next` followed by `Tokenizer.hash` of the word it reads, on text made of plural endings.
    @Test func hashingInPlaceIsHashingTheNormalisedWord() {
        for text in RandomText(pieces: Self.wordPieces, count: 20_000, maximumPieces: 9, seed: 7) {
            let bytes = Array(text.utf8)
            for range in [0..<bytes.count, min(1, bytes.count)..<max(min(1, bytes.count), bytes.count - 1)] {
                let (hashed, expected) = Self.hashesOfBothReadings(bytes, range)
                #expect(hashed == expected, "\(text.debugDescription) \(range)")
            }
        }
    }

    static let longWordPieces = [
        "abcdefg", "Internationalization", "ies", "es", "S", "x", "é", "Ü", "'", "’", " ", "9", "-", ".", "\n", "[", "@",
    ]

    /// Words longer than the eight bytes the scanner reads at once, ending at every place of a 64-bit
    /// word, against a non-ASCII byte or an apostrophe or at the range's end: the same words and hashes
    /// as the byte-by-byte reading.
    @Test func longWordsReadEightBytesAtATimeGiveTheSameWordsAndHashes() {
        for text in RandomText(pieces: Self.longWordPieces, count: 5_000, maximumPieces: 14, seed: 88) {
            let bytes = Array(text.utf8)
            for range in [0..<bytes.count, min(3, bytes.count)..<max(min(3, bytes.count), bytes.count - 2)] {
                let (words, expected) = Self.wordsOfBothReadings(bytes, range)
                #expect(words.map(\.0) == expected.map(\.0), "\(text.debugDescription) \(range)")
                #expect(words.map(\.1) == expected.map(\.1), "\(text.debugDescription) \(range)")
                let (hashed, read) = Self.hashesOfBothReadings(bytes, range)
                #expect(hashed == read, "\(text.debugDescription) \(range)")
            }
        }
    }

    @Test func aRangePastTheBytesIsReadOnlyAsFarAsTheBytes() {
        let bytes = Array("internationalization words".utf8)
        var scanner = WordScanner(bytes: bytes, range: 0..<(bytes.count + 16))
        var words: [Range<Int>] = []
        while let found = scanner.nextHash(inflection: EnglishInflection(), english: true) { words.append(found.range) }
        #expect(words == [0..<20, 21..<26])
    }
}
