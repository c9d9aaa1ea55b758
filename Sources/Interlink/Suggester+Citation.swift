import InterlinkMarkdown

/// Citations: a mention written as the name of a page rather than as a word of the sentence.
///
/// Writers who point at another page name it the way its title or heading is written: "see Typing
/// Component Props", "as explained in Go Concurrency Patterns: Context". Two signs of that are
/// measured: words the site usually writes in lower case are capitalised (title case), and the
/// whole title is there verbatim, punctuation and all, around a part of it that matched. A citation
/// is much stronger evidence for a link than the same words used as a term ("the component props").
extension Suggester {
    /// Whether `range` of `article` (a mention or a link text) capitalises, past the first word of
    /// a sentence, a word the site usually writes in lower case. `opening`: where the text's place in
    /// its sentence is read from, when not its first byte (a wikilink's text, after `[[Note|`, stands
    /// where the link does).
    func isTitleCased(_ range: Range<Int>, in article: Article, opening: Int? = nil) -> Bool {
        let bytes = article.bytes
        var first = true
        let skipFirst = Self.startsSentence(at: opening ?? range.lowerBound, in: article)
        var cited = false
        WordCase.forEachWord(bytes, in: range) { word in
            defer { first = false }
            guard !cited, !(first && skipFirst) else { return }
            if WordCase.shape(bytes, word) == .capitalised, wordCase.isUsuallyLowercase(bytes, word) { cited = true }
        }
        return cited
    }

    /// Whether the text before `offset` ends a sentence or a line (so a capital there says nothing):
    /// sentence punctuation, a line break, a list marker, a heading or quote marker, or the start
    /// of the body, with blanks, emphasis and opening quotes or brackets skipped.
    static func startsSentence(at offset: Int, in article: Article) -> Bool {
        let bytes = article.bytes
        let bodyStart = article.document.frontMatter?.range.upperBound ?? 0
        var index = offset - 1
        while index >= bodyStart {
            switch bytes[index] {
            case 0x20, 0x09, UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "\""), UInt8(ascii: "'"),
                UInt8(ascii: "("), UInt8(ascii: "["):
                index -= 1
            case 0x9C where index >= bodyStart + 2 && bytes[index - 2] == 0xE2 && bytes[index - 1] == 0x80,
                0x98 where index >= bodyStart + 2 && bytes[index - 2] == 0xE2 && bytes[index - 1] == 0x80:
                index -= 3  // “ or ‘
            case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), 0x0A, 0x0D,
                UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: ">"), UInt8(ascii: "#"), UInt8(ascii: "|"):
                return true
            default:
                return false
            }
        }
        return true
    }

    /// The range of the target's whole title when it stands verbatim (case aside) around `mention`
    /// in the same prose span and has more words than the mention (a leading "The" or "An" aside):
    /// "Go Concurrency Patterns: Context" around the matched part "Go Concurrency Patterns". Returns
    /// the range and its number of words; nil otherwise.
    func wholeTitle(around mention: Mention, target: Int, in article: Article) -> (Range<Int>, Int)? {
        guard !mention.isCode else { return nil }
        let title = citableTitles[target]
        guard title.count > mention.range.count, title.count <= 200,
            let span = Self.span(containing: mention.range, in: article.document.spans)
        else { return nil }
        let bytes = article.bytes
        let earliest = max(span.range.lowerBound, mention.range.upperBound - title.count)
        guard earliest <= mention.range.lowerBound else { return nil }
        for start in earliest...mention.range.lowerBound {
            let end = start + title.count
            guard end <= span.range.upperBound else { break }
            guard start == span.range.lowerBound || !Self.isWordCharacter(bytes, endingAt: start),
                end == span.range.upperBound || !Self.isWordCharacter(bytes, startingAt: end, end: span.range.upperBound)
            else { continue }
            var same = true
            for offset in 0..<title.count where Self.folded(bytes[start + offset]) != Self.folded(title[offset]) {
                same = false
                break
            }
            guard same else { continue }
            var keys = index.tokenizer.tokens(bytes, in: start..<end).map(\.key)
            let words = keys.count
            while let first = keys.first, ["the", "a", "an"].contains(first), keys.count > 1 { keys.removeFirst() }
            return keys.count > mention.wordCount ? (start..<end, words) : nil
        }
        return nil
    }

    /// Whether `range` writes the target's file name as it is spelt, hyphens and all:
    /// `graph-visualization` for `graph-visualization.md` titled "Graph Visualization" — a note's slug
    /// typed as it is (what is left of a `[[graph-visualization]]` wikilink), not words of the sentence.
    /// A compound that the title itself hyphenates ("Follow-up") is an ordinary word, and a one-word
    /// file name says nothing.
    /// `after`: where the text that follows begins (past a link's destination), `range.upperBound` when nil.
    func writesFileName(_ range: Range<Int>, target: Int, in article: Article, after: Int? = nil) -> Bool {
        let bytes = article.bytes
        // Nearly every mention has no hyphen: answered before the target's name is looked at.
        guard range.count >= 3, bytes[range].contains(UInt8(ascii: "-")) else { return false }
        let name = KeywordIndex.fileNameOfPage(site.articles[target])
        guard name.utf8.count == range.count, bytes[range].elementsEqual(name.utf8) else { return false }
        // Two words hyphenated before a noun are an ordinary compound ("a link-building campaign"): a
        // two-word name is a citation only where no word follows it (end of a line or list item, or
        // punctuation); a longer one ("publish-to-github-pages") is no compound anyone writes.
        if bytes[range].filter({ $0 == UInt8(ascii: "-") }).count < 2 {
            let end = after ?? range.upperBound
            var next = end
            while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x09 { next += 1 }
            if next > end, next < bytes.count, Self.isWordCharacter(bytes, startingAt: next, end: bytes.count) {
                return false
            }
        }
        return !KeywordIndex.contains(String(decoding: citableTitles[target], as: UTF8.self).lowercased(), name.lowercased())
    }

    /// Whether `range` stands between quotation marks: `"…"`, `“…”`, `‘…’`, `«…»` (or `'…'`), with
    /// at most one sentence mark before the closing one (“Go Turns 10.”).
    static func isQuoted(_ range: Range<Int>, in article: Article) -> Bool {
        let bytes = article.bytes
        let pairs: [([UInt8], [UInt8])] = [
            ([0x22], [0x22]), ([0x27], [0x27]), ([0xE2, 0x80, 0x9C], [0xE2, 0x80, 0x9D]),
            ([0xE2, 0x80, 0x98], [0xE2, 0x80, 0x99]), ([0xC2, 0xAB], [0xC2, 0xBB]),
        ]
        var end = range.upperBound
        if end < bytes.count, [UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "!"), UInt8(ascii: "?"),
            UInt8(ascii: ";"), UInt8(ascii: ":")].contains(bytes[end]) {
            end += 1
        }
        for (open, close) in pairs {
            guard range.lowerBound >= open.count, end + close.count <= bytes.count,
                bytes[(range.lowerBound - open.count)..<range.lowerBound].elementsEqual(open),
                bytes[end..<(end + close.count)].elementsEqual(close)
                    || bytes[range.upperBound..<(range.upperBound + close.count)].elementsEqual(close)
            else { continue }
            return true
        }
        return false
    }

    /// Each article's title as a citation of it is written: markup stripped, edge punctuation
    /// trimmed, in UTF-8 bytes (parallel to `Site.articles`; worked out once, not per mention).
    static func citableTitles(of site: Site) -> [[UInt8]] {
        site.articles.parallelMap { Array(KeywordIndex.trimPunctuation(KeywordIndex.stripMarkup($0.title)).utf8) }
    }

    /// The prose span holding `range`, by binary search (spans are in document order).
    static func span(containing range: Range<Int>, in spans: [TextSpan]) -> TextSpan? {
        var low = 0
        var high = spans.count
        while low < high {
            let middle = (low + high) / 2
            if spans[middle].range.upperBound < range.upperBound { low = middle + 1 } else { high = middle }
        }
        guard low < spans.count, spans[low].range.lowerBound <= range.lowerBound,
            range.upperBound <= spans[low].range.upperBound
        else { return nil }
        return spans[low]
    }

    private static func folded(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
    }

    /// Whether a letter or digit starts at `index`.
    private static func isWordCharacter(_ bytes: [UInt8], startingAt index: Int, end: Int) -> Bool {
        let scalar = Tokenizer.decode(bytes, at: index, end: end).0
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Whether a letter or digit ends just before `index`.
    private static func isWordCharacter(_ bytes: [UInt8], endingAt index: Int) -> Bool {
        var start = index - 1
        while start > 0, (0x80...0xBF).contains(bytes[start]) { start -= 1 }
        return isWordCharacter(bytes, startingAt: start, end: index)
    }
}
