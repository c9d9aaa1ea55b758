import InterlinkMarkdown

/// A word of prose: its normalised form (for matching) and where it sits in the file.
public struct Token: Sendable, Hashable {
    /// Normalised form: lower case, light inflection removed, possessive dropped, apostrophes folded.
    public var key: String
    /// Bytes of the word as written (possessive `'s` excluded).
    public var range: Range<Int>
    /// `Tokenizer.hash(key)`: what matching and relatedness compare.
    public var hash: UInt64 { Tokenizer.hash(key) }
}

/// Light inflection of one language, so that "orphan pages" finds "orphan page" and the reverse.
public protocol Inflection: Sendable {
    /// Reduces a lower-cased word, given as UTF-8 bytes, to the form it is matched under.
    func stem(_ word: inout [UInt8])
}

extension Inflection {
    /// The form a lower-cased word is matched under.
    public func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        stem(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// English plurals: `-s`, `-es` after sibilants, `-ies` → `-y`. Conservative on purpose: words
/// like "analysis", "status" or "class" keep their ending.
public struct EnglishInflection: Inflection {
    public init() {}

    public func stem(_ word: inout [UInt8]) {
        guard word.last == UInt8(ascii: "s") else { return }
        let scalars = word.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        guard scalars > 3 else { return }
        func ends(_ suffix: StaticString) -> Bool {
            let count = suffix.utf8CodeUnitCount
            guard word.count >= count else { return false }
            let start = suffix.utf8Start
            for offset in 0..<count where word[word.count - count + offset] != start[offset] { return false }
            return true
        }
        if ends("ies"), scalars > 4 {
            word.removeLast(3)
            word.append(UInt8(ascii: "y"))
            return
        }
        if ends("sses") || ends("ches") || ends("shes") || ends("xes") || ends("zzes") {
            word.removeLast(2)
            return
        }
        if ends("ss") || ends("us") || ends("is") || ends("'s") { return }
        word.removeLast()
    }
}

/// Splits UTF-8 prose into words with byte ranges, straight from the bytes and without allocating
/// per word. Letters and digits (of any script) make words; an apostrophe (`'` or `’`) followed by a
/// letter stays inside a word; everything else separates words. A word's normalised form is lower
/// case with apostrophes folded to `'`, a possessive `'s` dropped, then stemmed by the inflection.
public struct Tokenizer: Sendable {
    public let inflection: any Inflection
    private let english: Bool

    public init(inflection: any Inflection = EnglishInflection()) {
        self.inflection = inflection
        self.english = inflection is EnglishInflection
    }

    /// Calls `body` with each word's normalised bytes and its range in the file.
    public func forEachWord(
        _ bytes: [UInt8], in range: Range<Int>, _ body: (_ normalized: [UInt8], _ range: Range<Int>) -> Void
    ) {
        var scanner = WordScanner(bytes: bytes, range: range)
        while let wordRange = scanner.next(inflection: inflection, english: english) {
            body(scanner.word, wordRange)
        }
    }

    /// The words of `bytes[range]`, each as its range and the hash (`Tokenizer.hash`) and length of its
    /// normalised form: the hot path of matching and relatedness. An iterator, for a loop instead of a
    /// closure (a closure's captured variables cost an exclusivity check on every access).
    func wordHashes(_ bytes: [UInt8], in range: Range<Int>) -> WordHashes {
        WordHashes(scanner: WordScanner(bytes: bytes, range: range), inflection: inflection, english: english)
    }

    /// The words of `bytes[range]` with their normalised forms.
    public func tokens(_ bytes: [UInt8], in range: Range<Int>) -> [Token] {
        var tokens: [Token] = []
        forEachWord(bytes, in: range) { normalized, range in
            tokens.append(Token(key: String(decoding: normalized, as: UTF8.self), range: range))
        }
        return tokens
    }

    /// Normalised keys of a phrase given as a string (topics, anchors).
    public func keys(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        var keys: [String] = []
        forEachWord(bytes, in: 0..<bytes.count) { normalized, _ in keys.append(String(decoding: normalized, as: UTF8.self)) }
        return keys
    }

    /// 64-bit FNV-1a of a normalised word.
    public static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// 64-bit FNV-1a of a normalised word given as a string.
    public static func hash(_ key: String) -> UInt64 { hash(key.utf8) }

    static func letterFollows(_ bytes: [UInt8], _ index: Int, _ end: Int) -> Bool {
        guard index < end else { return false }
        let byte = bytes[index]
        if byte < 0x80 { return (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        return decode(bytes, at: index, end: end).0.properties.isAlphabetic
    }

    /// Decodes one scalar; invalid bytes decode as U+FFFD of length 1.
    static func decode(_ bytes: [UInt8], at index: Int, end: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC0...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF7: length = 4; value = UInt32(lead & 0x07)
        default: return ("\u{FFFD}", 1)
        }
        guard index + length <= end else { return ("\u{FFFD}", 1) }
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}

/// The words of a range of bytes, each as its range and the hash and length of its normalised form.
struct WordHashes: IteratorProtocol {
    var scanner: WordScanner
    let inflection: any Inflection
    let english: Bool

    mutating func next() -> (range: Range<Int>, hash: UInt64, length: Int)? {
        scanner.nextHash(inflection: inflection, english: english)
    }
}

/// The word-by-word state of `Tokenizer`: one reusable buffer for the normalised word, no closures.
struct WordScanner {
    let bytes: [UInt8]
    let end: Int
    var index: Int
    /// The current word's normalised bytes.
    var word: [UInt8] = []

    init(bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        // Never past the bytes: the plain-word path reads eight bytes at a time without bounds checks.
        self.end = min(range.upperBound, bytes.count)
        self.index = range.lowerBound
        word.reserveCapacity(32)
    }

    /// Advances to the next word; returns its range in the file, with `word` holding its normalised form.
    mutating func next(inflection: any Inflection, english: Bool) -> Range<Int>? {
        word.removeAll(keepingCapacity: true)
        if let range = nextASCIIWord() {
            if english { EnglishInflection().stem(&word) } else { inflection.stem(&word) }
            return range
        }
        return nextGeneralWord(inflection: inflection, english: english)
    }

    /// `next` for a word that is not plain ASCII, read byte by byte from `index` into the empty `word`.
    private mutating func nextGeneralWord(inflection: any Inflection, english: Bool) -> Range<Int>? {
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
        // Possessive: "Go's" matches "Go"; the anchor stops before the apostrophe.
        if word.count > 2, word[word.count - 1] == UInt8(ascii: "s"), word[word.count - 2] == UInt8(ascii: "'") {
            word.removeLast(2)
            wordEnd -= bytes[wordEnd - 2] == UInt8(ascii: "'") ? 2 : 4
        }
        if english { EnglishInflection().stem(&word) } else { inflection.stem(&word) }
        return wordStart..<wordEnd
    }

    /// Advances to the next word like `next`, and returns its range with the hash (`Tokenizer.hash`)
    /// and length of its normalised form. A plain ASCII word under English inflection is hashed where
    /// it lies, lower-cased and stemmed on the way, without being copied into `word` (which then
    /// holds nothing of it); any other word is read by `next`. `WordScannerFastPathTests` compares
    /// the two.
    mutating func nextHash(inflection: any Inflection, english: Bool) -> (range: Range<Int>, hash: UInt64, length: Int)? {
        guard english else {
            guard let range = next(inflection: inflection, english: false) else { return nil }
            return (range, Tokenizer.hash(word), word.count)
        }
        if let found = nextASCIIWordHash() { return found }
        word.removeAll(keepingCapacity: true)
        guard let range = nextGeneralWord(inflection: inflection, english: true) else { return nil }
        return (range, Tokenizer.hash(word), word.count)
    }

    /// The next word when it is a plain ASCII word (see `nextASCIIWord`), with `index` moved past it and
    /// the byte that ends it, and the hash and length of its normalised form (lower-cased, then stemmed
    /// as `EnglishInflection.stem` does). The word's end is found eight bytes at a time
    /// (`ByteWord.asciiLettersAndDigits`), so that most words end without a mispredicted branch per
    /// byte, then its bytes are hashed. Nil otherwise, with `index` at the word's first byte or where
    /// the separators ended.
    private mutating func nextASCIIWordHash() -> (range: Range<Int>, hash: UInt64, length: Int)? {
        let (found, stop, hash, length) = bytes.withUnsafeBufferPointer {
            buffer -> (Range<Int>?, Int, UInt64, Int) in
            var position = index
            while position < end {
                let byte = buffer[position]
                guard byte < 0x80 else { return (nil, position, 0, 0) }
                if Self.isASCIIWordByte(byte) { break }
                position += 1
            }
            let start = position
            var ended = false
            if let base = buffer.baseAddress {
                while position + 8 <= end {
                    let others = ~ByteWord.asciiLettersAndDigits(ByteWord.load(base, position)) & ByteWord.highBits
                    if others != 0 {
                        position += others.trailingZeroBitCount / 8
                        ended = true
                        break
                    }
                    position += 8
                }
            }
            if !ended { while position < end, Self.isASCIIWordByte(buffer[position]) { position += 1 } }
            if position < end, buffer[position] >= 0x80 || buffer[position] == UInt8(ascii: "'") {
                return (nil, start, 0, 0)
            }
            guard start < position else { return (nil, position, 0, 0) }
            let count = position - start
            // `| 0x20` lower-cases an ASCII letter and leaves a digit as it is.
            @inline(__always) func lowered(_ offset: Int) -> UInt64 { UInt64(buffer[start + offset] | 0x20) }
            let prime: UInt64 = 0x0000_0100_0000_01B3
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            guard count > 3, lowered(count - 1) == UInt64(UInt8(ascii: "s")) else {
                for offset in 0..<count { hash = (hash ^ lowered(offset)) &* prime }
                return (start..<position, position, hash, count)
            }
            // Stemming drops at most three bytes: the hash after the word but its last three, two and
            // one bytes, then after the whole word.
            for offset in 0..<(count - 3) { hash = (hash ^ lowered(offset)) &* prime }
            let hash3 = hash
            let hash2 = (hash3 ^ lowered(count - 3)) &* prime
            let hash1 = (hash2 ^ lowered(count - 2)) &* prime
            hash = (hash1 ^ lowered(count - 1)) &* prime
            @inline(__always) func before(_ offset: Int) -> UInt8 { UInt8(truncatingIfNeeded: lowered(count - 1 - offset)) }
            let (e, h, c, x, z, s) = (
                UInt8(ascii: "e"), UInt8(ascii: "h"), UInt8(ascii: "c"), UInt8(ascii: "x"), UInt8(ascii: "z"), UInt8(ascii: "s")
            )
            if count > 4, before(1) == e, before(2) == UInt8(ascii: "i") {
                // "-ies" → "-y".
                return (start..<position, position, (hash3 ^ UInt64(UInt8(ascii: "y"))) &* prime, count - 2)
            }
            if before(1) == e,
                (before(2) == s && before(3) == s) || (before(2) == h && (before(3) == c || before(3) == s))
                    || before(2) == x || (before(2) == z && before(3) == z)
            {
                return (start..<position, position, hash2, count - 2)
            }
            if before(1) == s || before(1) == UInt8(ascii: "u") || before(1) == UInt8(ascii: "i") {
                return (start..<position, position, hash, count)
            }
            return (start..<position, position, hash1, count - 1)
        }
        guard let found else {
            index = stop
            return nil
        }
        // The byte after the word separates it: consumed, as the general reading does.
        index = min(stop + 1, end)
        return (found, hash, length)
    }

    /// The common case, most words of most prose: ASCII separators, then a word of ASCII letters and
    /// digits ended by an ASCII byte that is neither (nor an apostrophe) or by the end. Copies the
    /// word lower-cased into `word` in one go and returns its range; returns nil, with `index` at the
    /// word's first byte (or where the separators ended), for anything else, which `next` reads byte
    /// by byte (`WordScannerFastPathTests` compares the two readings).
    private mutating func nextASCIIWord() -> Range<Int>? {
        guard let found = nextASCIIWordHash()?.range else { return nil }
        word.append(contentsOf: bytes[found])
        word.withUnsafeMutableBufferPointer { letters in
            for offset in letters.indices where (0x41...0x5A).contains(letters[offset]) { letters[offset] += 0x20 }
        }
        return found
    }

    /// An ASCII letter or digit (`| 0x20` folds A–Z onto a–z and moves no other byte into a–z).
    @inline(__always)
    private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        ((byte | 0x20) &- 0x61 < 26) || (byte &- 0x30 < 10)
    }
}
