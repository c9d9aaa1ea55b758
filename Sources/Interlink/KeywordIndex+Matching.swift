import InterlinkMarkdown

/// A place in an article's prose where one or more topics are mentioned.
public struct Mention: Sendable, Hashable {
    /// Bytes of the anchor text in the file.
    public var range: Range<Int>
    /// Indices into `KeywordIndex.topics` of the topics the text names (possibly of several targets).
    public var topics: [Int32]
    /// Whether the anchor is a whole inline code span.
    public var isCode: Bool
    /// Block (paragraph, cell row) the mention sits in.
    public var block: Int
    /// Kind of block.
    public var context: BlockContext
    /// Number of words in the anchor.
    public var wordCount: Int
}

extension KeywordIndex {
    /// Every topic mention in the prose and inline code of `article`, in document order. Longest match
    /// wins, leftmost first, and matches never overlap or cross a span boundary.
    public func mentions(in article: Article) -> [Mention] {
        var result: [Mention] = []
        let bytes = article.bytes
        for span in article.document.spans {
            let tokens = tokenizer.tokens(bytes, in: span.range)
            guard !tokens.isEmpty else { continue }
            let ids = tokens.map { wordIDs[$0.key] ?? -1 }
            var start = 0
            while start < tokens.count {
                guard ids[start] >= 0 else {
                    start += 1
                    continue
                }
                // Walk the trie as far as the words go, remembering every node that ends a topic.
                var node: Int32 = 0
                var ends: [(end: Int, node: Int32)] = []
                var position = start
                while position < tokens.count, ids[position] >= 0,
                    position == start || Self.joins(bytes, tokens[position - 1].range.upperBound, tokens[position].range.lowerBound),
                    let next = children[Int(node)][ids[position]]
                {
                    node = next
                    if !terminals[Int(node)].isEmpty { ends.append((position, node)) }
                    position += 1
                }
                var matched = false
                for (end, node) in ends.reversed() {
                    let range = tokens[start].range.lowerBound..<tokens[end].range.upperBound
                    let accepted = terminals[Int(node)].filter { topicIndex in
                        let topic = topics[Int(topicIndex)]
                        return !topic.caseSensitive || Self.sameCase(bytes, tokens[start...end], topic.phrase, tokenizer)
                    }
                    guard !accepted.isEmpty else { continue }
                    result.append(
                        Mention(
                            range: range, topics: accepted, isCode: false, block: span.block, context: span.context,
                            wordCount: end - start + 1))
                    start = end + 1
                    matched = true
                    break
                }
                if !matched { start += 1 }
            }
        }
        for code in article.document.codeSpans {
            guard let found = codeTopics[CodeName.key(code.code)] else { continue }
            result.append(
                Mention(
                    range: code.range, topics: found, isCode: true, block: code.block, context: code.context,
                    wordCount: 1))
        }
        return result.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Whether the bytes between two words let them form one phrase: blanks or joiners such as `-`, `/`,
    /// `.` (as in "go.dev"), but no sentence or clause punctuation.
    static func joins(_ bytes: [UInt8], _ end: Int, _ start: Int) -> Bool {
        guard start - end <= 3 else { return false }
        var sawBlank = false
        var sawDot = false
        for index in end..<start {
            switch bytes[index] {
            case 0x20, 0x09: sawBlank = true
            case UInt8(ascii: "."): sawDot = true
            case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "+"): break
            default: return false
            }
        }
        return !(sawDot && sawBlank)
    }

    /// Exact-case check for acronyms and code names; a plural `s` after the name is allowed ("URLs").
    static func sameCase(_ bytes: [UInt8], _ tokens: ArraySlice<Token>, _ phrase: String, _ tokenizer: Tokenizer) -> Bool {
        let phraseBytes = Array(phrase.utf8)
        let expected = tokenizer.tokens(phraseBytes, in: 0..<phraseBytes.count).map {
            String(decoding: phraseBytes[$0.range], as: UTF8.self)
        }
        let written = tokens.map { String(decoding: bytes[$0.range], as: UTF8.self) }
        // Leading articles dropped from the topic's keys are dropped here too.
        let trimmedExpected = Array(expected.suffix(written.count))
        guard trimmedExpected.count == written.count else { return false }
        return zip(written, trimmedExpected).allSatisfy { word, name in
            word == name || (word.hasSuffix("s") && String(word.dropLast()) == name)
        }
    }
}
