/// A word of prose: its normalised form (for matching) and where it sits in the file.
public struct Token: Sendable, Hashable {
    /// Normalised form: lower case, light inflection removed, possessive dropped, quotes folded.
    public var key: String
    /// Bytes of the word as written (possessive `'s` excluded).
    public var range: Range<Int>
}

/// Light inflection of one language, so that "orphan pages" finds "orphan page" and the reverse.
public protocol Inflection: Sendable {
    /// The form a lower-cased word is matched under.
    func stem(_ word: String) -> String
}

/// English plurals: `-s`, `-es` after sibilants, `-ies` → `-y`. Conservative on purpose: words
/// like "analysis", "status" or "class" keep their ending.
public struct EnglishInflection: Inflection {
    public init() {}

    public func stem(_ word: String) -> String {
        let scalars = word.unicodeScalars
        guard scalars.count > 3, word.last == "s" else { return word }
        if word.hasSuffix("ies"), scalars.count > 4 { return String(word.dropLast(3)) + "y" }
        for ending in ["sses", "ches", "shes", "xes", "zzes"] where word.hasSuffix(ending) {
            return String(word.dropLast(2))
        }
        for ending in ["ss", "us", "is", "'s", "’s"] where word.hasSuffix(ending) { return word }
        return String(word.dropLast())
    }
}

/// Splits UTF-8 prose into words with byte ranges. Letters and digits make words; an apostrophe
/// between letters stays inside a word; everything else separates words.
public struct Tokenizer: Sendable {
    public let inflection: any Inflection

    public init(inflection: any Inflection = EnglishInflection()) {
        self.inflection = inflection
    }

    /// The words of `bytes[range]`.
    public func tokens(_ bytes: [UInt8], in range: Range<Int>) -> [Token] {
        var tokens: [Token] = []
        var index = range.lowerBound
        var wordStart: Int? = nil
        var word = String.UnicodeScalarView()
        func finish(at end: Int) {
            guard let start = wordStart else { return }
            var text = String(word)
            var wordEnd = end
            // Possessive: "Go's" matches "Go"; the anchor stops before the apostrophe.
            // `word` holds every apostrophe folded to `'`; the bytes say how long the written one was
            // (1 byte straight, 3 bytes curly), so the range never ends inside a character.
            if text.hasSuffix("'s") && text.unicodeScalars.count > 2 {
                text = String(text.dropLast(2))
                wordEnd -= bytes[wordEnd - 2] == UInt8(ascii: "'") ? 2 : 4
            }
            while text.hasSuffix("'") {
                wordEnd -= bytes[wordEnd - 1] == UInt8(ascii: "'") ? 1 : 3
                text = String(text.dropLast())
            }
            if !text.isEmpty {
                tokens.append(Token(key: inflection.stem(text.lowercased()), range: start..<wordEnd))
            }
            wordStart = nil
            word = String.UnicodeScalarView()
        }
        while index < range.upperBound {
            let (scalar, length) = Self.decode(bytes, at: index, end: range.upperBound)
            let isWord = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            let isApostrophe = scalar == "'" || scalar == "’"
            if isWord {
                if wordStart == nil { wordStart = index }
                word.append(scalar)
            } else if isApostrophe, wordStart != nil, index + length < range.upperBound,
                Self.decode(bytes, at: index + length, end: range.upperBound).0.properties.isAlphabetic
            {
                word.append("'")
            } else {
                finish(at: index)
            }
            index += length
        }
        finish(at: index)
        return tokens
    }

    /// Normalised keys of a phrase given as a string (topics, anchors).
    public func keys(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return tokens(bytes, in: 0..<bytes.count).map(\.key)
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
