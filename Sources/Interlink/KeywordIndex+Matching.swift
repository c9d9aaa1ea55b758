import InterlinkMarkdown

/// A place in an article's prose where one or more topics are mentioned.
public struct Mention: Sendable, Hashable {
    // Stored in 32 bytes (32-bit offsets and counts): a large site holds millions of mentions. Files
    // are limited to 4 GiB (`MarkdownParser.maximumFileSize`).
    private var start: UInt32
    private var end: UInt32
    /// Indices into `KeywordIndex.topics` of the topics the text names (possibly of several targets).
    /// Mentions of the same trie node share one array (`KeywordIndex.terminalLists`).
    public var topics: [Int32]
    private var blockIndex: Int32
    private var words: Int32
    /// Whether the anchor is a whole inline code span.
    public var isCode: Bool
    /// Kind of block.
    public var context: BlockContext

    /// Bytes of the anchor text in the file.
    public var range: Range<Int> {
        get { Int(start)..<Int(end) }
        set {
            start = UInt32(newValue.lowerBound)
            end = UInt32(newValue.upperBound)
        }
    }
    /// Block (paragraph, cell row) the mention sits in.
    public var block: Int {
        get { Int(blockIndex) }
        set { blockIndex = Int32(newValue) }
    }
    /// Number of words in the anchor.
    public var wordCount: Int {
        get { Int(words) }
        set { words = Int32(newValue) }
    }

    /// A mention; `range` must lie within 4 GiB, `block` and `wordCount` within 32 bits.
    public init(range: Range<Int>, topics: [Int32], isCode: Bool, block: Int, context: BlockContext, wordCount: Int) {
        self.start = UInt32(range.lowerBound)
        self.end = UInt32(range.upperBound)
        self.topics = topics
        self.blockIndex = Int32(block)
        self.words = Int32(wordCount)
        self.isCode = isCode
        self.context = context
    }
}

extension KeywordIndex {
    /// Every topic mention in the prose and inline code of `article`, in document order. Longest match
    /// wins, leftmost first, and matches never overlap or cross a span boundary.
    public func mentions(in article: Article) -> [Mention] {
        let found = mentions(in: article, spans: article.document.spans, includeCode: true)
        guard !article.suppressedRanges.isEmpty else { return found }
        return found.filter { mention in !article.suppressedRanges.contains { $0.overlaps(mention.range) } }
    }

    /// Mentions inside the text of the article's existing links: not places for new links, but they
    /// still count when measuring how common a phrase is.
    public func mentionsInLinkText(of article: Article) -> [Mention] {
        // Each link's pieces in a block of their own, the link's number: the lines of one link's text join
        // as prose lines do, two links never.
        let spans = article.linkTextPieces.map {
            TextSpan(range: $0.range, block: $0.link, context: .paragraph, emphasized: false)
        }
        var result = mentions(in: article, spans: spans, includeCode: false)
        // `[`ref()`](…)`: a linked code name (and `[`ref()`]({{< relref "…" >}})`).
        for link in article.document.links where link.kind == .inline || link.kind == .template {
            let start = link.range.lowerBound + 1
            guard start < link.range.upperBound, article.bytes[start] == UInt8(ascii: "`"),
                let found = codeTopics[CodeName.key(link.text)]
            else { continue }
            result.append(
                Mention(range: link.range, topics: found, isCode: true, block: -1, context: .paragraph, wordCount: 1))
        }
        return result
    }

    /// A word of a run of spans, as matching reads it: its hash, its bytes, and which span holds it.
    private struct RunWord {
        var hash: UInt64
        var range: Range<Int>
        var span: Int32
    }

    func mentions(in article: Article, spans: [TextSpan], includeCode: Bool) -> [Mention] {
        var result: [Mention] = []
        let bytes = article.bytes
        // Each word of a run of spans joined by soft line breaks (matched as one text), with its span,
        // in one array: one append per word (three arrays checked their uniqueness three times).
        var words: [RunWord] = []
        var nextRun = 0
        while nextRun < spans.count {
            let run = SoftLineBreak.run(of: spans, from: nextRun, in: bytes)
            nextRun = run.upperBound + 1
            words.removeAll(keepingCapacity: true)
            for spanIndex in run {
                var scanner = tokenizer.wordHashes(bytes, in: spans[spanIndex].range)
                while let word = scanner.next() {
                    words.append(RunWord(hash: word.hash, range: word.range, span: Int32(spanIndex)))
                }
            }
            // Two words join within a span by `joins`, across spans only by a soft line break between them.
            func wordsJoin(_ position: Int) -> Bool {
                words[position].span == words[position - 1].span
                    ? Self.joins(bytes, words[position - 1].range.upperBound, words[position].range.lowerBound)
                    : SoftLineBreak.isSoftBreak(
                        bytes, from: words[position - 1].range.upperBound, to: words[position].range.lowerBound)
            }
            var start = 0
            while start < words.count {
                guard child(0, words[start].hash) != nil else {
                    start += 1
                    continue
                }
                // Walk the trie as far as the words go, remembering every node that ends a topic.
                var node: Int32 = 0
                var ends: [(end: Int, node: Int32)] = []
                var position = start
                while position < words.count,
                    position == start || wordsJoin(position),
                    let next = child(node, words[position].hash)
                {
                    node = next
                    if nodeFlags[Int(node)].contains(.endsTopic) { ends.append((position, node)) }
                    position += 1
                }
                var matched = false
                for (end, node) in ends.reversed() {
                    let span = spans[Int(words[end].span)]
                    var range = words[start].range.lowerBound..<words[end].range.upperBound
                    // A closing parenthesis right after the last word belongs to the name: "(Dropped)".
                    if range.upperBound < span.range.upperBound, bytes[range.upperBound] == UInt8(ascii: ")"),
                        !Self.balancedParentheses(bytes, range)
                    {
                        range = range.lowerBound..<(range.upperBound + 1)
                    }
                    guard Self.balancedParentheses(bytes, range), !Self.splitsCompound(bytes, range),
                        !Self.isInWrittenPath(bytes, range)
                    else { continue }
                    // `@docusaurus/plugin-debug` written as prose names the package whole.
                    if let scope = Self.packageScopeStart(
                        bytes, before: range.lowerBound, from: spans[Int(words[start].span)].range.lowerBound),
                        (result.last?.range.upperBound ?? 0) <= scope
                    {
                        range = scope..<range.upperBound
                    }
                    let all = terminalLists[Int(node)]
                    // Parentheses and a spaced en or em dash join only a name written with them: "An orphan
                    // (pages)" and "an orphan — pages" are no mention of "Orphan Pages".
                    let punctuation = Self.joiningPunctuation(bytes, range)
                    // Fields read in place: a copy of the topic would retain its phrase, keys and fragment.
                    func fits(_ topicIndex: Int32) -> Bool {
                        let index = Int(topicIndex)
                        if punctuation.parenthesis, !topics[index].phrase.utf8.contains(UInt8(ascii: "(")) { return false }
                        if punctuation.dash, !Self.hasSpacedDash(topics[index].phrase) { return false }
                        return !topics[index].caseSensitive
                            || Self.sameCase(bytes, words[start...end].map(\.range)[...], topics[index].phrase, tokenizer)
                    }
                    // Nearly always every topic fits, as the node's flags tell without reading the topics: the
                    // node's shared list, not a new array per mention.
                    let flags = nodeFlags[Int(node)]
                    let fitsAll = !flags.contains(.caseSensitive)
                        && !(punctuation.parenthesis && flags.contains(.unparenthesised))
                        && !(punctuation.dash && flags.contains(.undashed))
                    let accepted = fitsAll || all.allSatisfy(fits) ? all : all.filter(fits)
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
        for code in includeCode ? article.document.codeSpans : [] {
            let key = CodeName.key(code.code)
            guard let found = codeTopics(forKey: key) else { continue }
            result.append(
                Mention(
                    range: code.range, topics: found, isCode: true, block: code.block, context: code.context,
                    wordCount: 1))
        }
        // In place, and only when code mentions were added: a sorted copy retained every mention's
        // topic list once more (on a large site, a cache miss each).
        if !(result.indices.dropFirst().allSatisfy { result[$0 - 1].range.lowerBound <= result[$0].range.lowerBound }) {
            result.sort { $0.range.lowerBound < $1.range.lowerBound }
        }
        return result
    }

    /// The code-name topics for a code key (`CodeName.key`), or for the key without its package scope
    /// (`@docusaurus/plugin-debug` names `plugin-debug`); nil when there are none.
    func codeTopics(forKey key: String) -> [Int32]? {
        codeTopics[key] ?? CodeName.unscoped(key).flatMap { codeTopics[$0] }
    }

    /// Whether stored mentions fit this index: every mention names at least one topic, all of them
    /// topics of this index (a cache file that passed its checksum could still be stale or forged).
    func accepts(_ mentions: ArticleMentions) -> Bool {
        let count = topics.count
        return (mentions.prose + mentions.linkText).allSatisfy { mention in
            !mention.topics.isEmpty && mention.topics.allSatisfy { $0 >= 0 && Int($0) < count }
        }
    }

    /// Where the `@scope/` of a scoped package name before `start` begins (`@docusaurus/` before
    /// `plugin-debug`), not before `lower`; nil when no scope stands right before `start`.
    static func packageScopeStart(_ bytes: [UInt8], before start: Int, from lower: Int) -> Int? {
        guard start - 2 >= lower, bytes[start - 1] == UInt8(ascii: "/") else { return nil }
        var index = start - 2
        while index >= lower {
            let byte = bytes[index]
            if byte == UInt8(ascii: "@") {
                // The `@` starts a word: at the span's start or after a byte that is no name character.
                guard index < start - 2 else { return nil }
                if index == lower { return index }
                let before = bytes[index - 1]
                let isName = before >= 0x80 || (0x30...0x39).contains(before) || (0x41...0x5A).contains(before)
                    || (0x61...0x7A).contains(before) || before == UInt8(ascii: "_")
                return isName ? nil : index
            }
            guard (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
            else { return nil }
            index -= 1
        }
        return nil
    }

    /// Where the extension of a page's file (`.md`, `.mdx`, `.markdown`, `.html`, `.htm`) right after
    /// `range` ends, when no more of a word follows it: "security-release-process" in "cleanup on
    /// security-release-process.md" is a file name written out. Nil otherwise.
    static func fileExtensionEnd(_ bytes: [UInt8], after range: Range<Int>) -> Int? {
        let end = range.upperBound
        guard end + 3 <= bytes.count, bytes[end] == UInt8(ascii: ".") else { return nil }
        var stop = end + 1
        while stop < bytes.count, stop - end <= 9, (0x61...0x7A).contains(bytes[stop] | 0x20) { stop += 1 }
        if stop < bytes.count {
            let next = bytes[stop]
            if next >= 0x80 || (0x30...0x39).contains(next) || (0x41...0x5A).contains(next) || (0x61...0x7A).contains(next)
                || next == UInt8(ascii: "_")
            {
                return nil
            }
        }
        let extensionBytes = bytes[(end + 1)..<stop].map { $0 | 0x20 }
        return Self.pageFileExtensions.contains { $0.elementsEqual(extensionBytes) } ? stop : nil
    }

    /// The extensions of page files that `fileExtensionEnd` recognises, in lower case.
    static let pageFileExtensions: [[UInt8]] = ["md", "mdx", "markdown", "html", "htm"].map { Array($0.utf8) }

    /// Whether `range` begins or ends inside a hyphenated compound or a snake-case name: "plugin" in
    /// `plugin-sitemap`, "JSON" in "JSON-RPC", "openapi" in "conditional_openapi". A compound is one
    /// word, and a match stops only at word boundaries.
    static func splitsCompound(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        func isWordByte(_ index: Int) -> Bool {
            guard index >= 0, index < bytes.count else { return false }
            let byte = bytes[index]
            return byte >= 0x80 || (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        }
        func isJoiner(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") }
        let start = range.lowerBound
        let end = range.upperBound
        return (start >= 2 && isJoiner(bytes[start - 1]) && isWordByte(start - 2))
            || (end + 1 < bytes.count && isJoiner(bytes[end]) && isWordByte(end + 1))
    }

    /// Whether `range` lies in a path written out in prose: a run of bytes without blanks that starts
    /// with `/`, `./`, `../` or `~/`, or holds two slashes or more ("../../docs_src/conditional_openapi/
    /// tutorial001.py", "fastapi/openapi/docs.py"). Its words are a file's or folder's names, not a
    /// mention; one slash between words ("async/await", "CI/CD") is prose.
    static func isInWrittenPath(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        let slash = UInt8(ascii: "/")
        let backslash = UInt8(ascii: "\\")
        // Only a slash next to the match, or one inside it, can make a path: most matches stop here.
        let touches = (range.lowerBound > 0 && [slash, backslash].contains(bytes[range.lowerBound - 1]))
            || (range.upperBound < bytes.count && [slash, backslash].contains(bytes[range.upperBound]))
        guard touches || bytes[range].contains(slash) else { return false }
        var start = range.lowerBound
        while start > 0, range.lowerBound - start < 512, !isBlank(bytes[start - 1]) { start -= 1 }
        var end = range.upperBound
        while end < bytes.count, end - range.upperBound < 512, !isBlank(bytes[end]) { end += 1 }
        var token = bytes[start..<end]
        // Punctuation around a path written in a sentence: "(see ../guide/setup.md)", "`{* a/b.py *}`".
        while let first = token.first, [UInt8(ascii: "("), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "["),
            UInt8(ascii: "{"), UInt8(ascii: "*"), UInt8(ascii: "<")].contains(first)
        {
            token = token.dropFirst()
        }
        if token.first == slash || token.first == backslash { return true }
        if token.starts(with: Array("./".utf8)) || token.starts(with: Array("../".utf8)) || token.starts(with: Array("~/".utf8)) {
            return true
        }
        return token.lazy.filter { $0 == slash || $0 == backslash }.count >= 2
    }

    /// Whether the bytes between two words let them form one phrase: blanks or joiners such as `-`, `/`,
    /// `.` (as in "go.dev"), but no sentence or clause punctuation.
    static func joins(_ bytes: [UInt8], _ end: Int, _ start: Int) -> Bool {
        var end = end
        // A possessive `'s` / `’s` that the tokenizer left out of the word before belongs to the phrase:
        // "Go's declaration syntax" is the title "Go's Declaration Syntax".
        if end + 2 < start, bytes[end] == UInt8(ascii: "'"), bytes[end + 1] == UInt8(ascii: "s") {
            end += 2
        } else if end + 4 < start, bytes[end..<(end + 4)].elementsEqual([0xE2, 0x80, 0x99, UInt8(ascii: "s")]) {
            end += 4
        }
        // An en or em dash between blanks is a title's separator written the typographer's way:
        // "Type Inference – And a Little Bit More" for the title "Type Inference - And a Little Bit More".
        guard start - end <= 3 || start - end == 5 && isSpacedDash(bytes, end) else { return false }
        var sawBlank = false
        var sawDot = false
        var index = end
        while index < start {
            switch bytes[index] {
            case 0x20, 0x09: sawBlank = true
            case UInt8(ascii: "."): sawDot = true
            // Words joined by underscores alone are one snake-case name ("conditional_openapi"), not a
            // phrase; an underscore beside a blank closes or opens emphasis ("the _Go_ blog").
            case UInt8(ascii: "_") where start - end == 1: return false
            case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "+"): break
            // "Half-Open (Dropped) Connections": a title's parentheses; `balancedParentheses` checks the match.
            case UInt8(ascii: "("), UInt8(ascii: ")"): break
            case 0xE2 where start - end == 5: index += 2  // the dash checked above
            default: return false
            }
            index += 1
        }
        return !(sawDot && sawBlank)
    }

    /// Whether `bytes[range]` holds a parenthesis, and an en or em dash.
    static func joiningPunctuation(_ bytes: [UInt8], _ range: Range<Int>) -> (parenthesis: Bool, dash: Bool) {
        var parenthesis = false
        var dash = false
        for index in range {
            switch bytes[index] {
            case UInt8(ascii: "("), UInt8(ascii: ")"): parenthesis = true
            case 0xE2 where index + 2 < range.upperBound && bytes[index + 1] == 0x80
                && (bytes[index + 2] == 0x93 || bytes[index + 2] == 0x94):
                dash = true
            default: break
            }
        }
        return (parenthesis, dash)
    }

    /// Whether a phrase separates its parts with a spaced hyphen or dash ("Type Inference - And More").
    /// Read as bytes: the index asks it of every topic (`NodeFlags`), and `String.contains` searches
    /// through Foundation.
    static func hasSpacedDash(_ phrase: String) -> Bool {
        var phrase = phrase
        return phrase.withUTF8 { bytes in
            var index = 0
            while index + 2 < bytes.count {
                if bytes[index] == UInt8(ascii: " ") {
                    // " - ", or " – " / " — " (U+2013 / U+2014: E2 80 93 / E2 80 94).
                    if bytes[index + 1] == UInt8(ascii: "-"), bytes[index + 2] == UInt8(ascii: " ") { return true }
                    if index + 4 < bytes.count, bytes[index + 1] == 0xE2, bytes[index + 2] == 0x80,
                        bytes[index + 3] == 0x93 || bytes[index + 3] == 0x94, bytes[index + 4] == UInt8(ascii: " ")
                    {
                        return true
                    }
                }
                index += 1
            }
            return false
        }
    }

    /// Whether every parenthesis in `bytes[range]` is closed there, and none closed before it opened.
    static func balancedParentheses(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var depth = 0
        for index in range {
            if bytes[index] == UInt8(ascii: "(") {
                depth += 1
            } else if bytes[index] == UInt8(ascii: ")") {
                depth -= 1
                if depth < 0 { return false }
            }
        }
        return depth == 0
    }

    /// Whether `bytes[at...]` is a blank, an en or em dash, and a blank.
    private static func isSpacedDash(_ bytes: [UInt8], _ at: Int) -> Bool {
        at + 5 <= bytes.count && bytes[at] == 0x20 && bytes[at + 4] == 0x20 && bytes[at + 1] == 0xE2
            && bytes[at + 2] == 0x80 && (bytes[at + 3] == 0x93 || bytes[at + 3] == 0x94)
    }

    /// Exact-case check for acronyms and code names; a plural `s` after the name is allowed ("URLs").
    static func sameCase(_ bytes: [UInt8], _ tokens: ArraySlice<Range<Int>>, _ phrase: String, _ tokenizer: Tokenizer) -> Bool {
        let phraseBytes = Array(phrase.utf8)
        let expected = tokenizer.tokens(phraseBytes, in: 0..<phraseBytes.count).map {
            String(decoding: phraseBytes[$0.range], as: UTF8.self)
        }
        let written = tokens.map { String(decoding: bytes[$0], as: UTF8.self) }
        // Leading articles dropped from the topic's keys are dropped here too.
        let trimmedExpected = Array(expected.suffix(written.count))
        guard trimmedExpected.count == written.count else { return false }
        return zip(written, trimmedExpected).allSatisfy { word, name in
            word == name || (word.hasSuffix("s") && String(word.dropLast()) == name)
        }
    }
}
