import InterlinkMarkdown

/// List entries: a list item whose whole text is another article's title ("- Garbage Collection",
/// "* Buffer") is a reference to that article, as in a table of contents, a "Related posts" list or an
/// Obsidian map of content. So is an item that only qualifies the name ("- Guide - Teleport",
/// "- **See also** Guide - KeepAlive", "- Options: Rendering - template"), as API references write
/// their "See also" lines. Its link is what the writer meant, so it does not count against the
/// per-article caps (`CandidateFeatures.isListEntry`); its score is untouched, so the threshold and
/// calibration hold as for any mention.
extension Suggester {
    /// Whether `range` is the whole text of a one-line list item of `article`: nothing but the list
    /// marker and blanks on its line besides it, and no other prose of the item before or after;
    /// allowed around it are a bold run-in label (`**See also**`) and short qualifiers set off by a
    /// dash or colon (`Guide - `, ` - template`: `isQualifier(_:from:to:)`, `qualifierStart(_:from:to:)`).
    static func isWholeListItem(_ range: Range<Int>, block: Int, in article: Article) -> Bool {
        let document = article.document
        let bytes = article.bytes
        let location = document.lines.location(of: range.lowerBound)
        guard let lineStart = document.lines.offset(ofLine: location.line) else { return false }
        // Before: blanks, a marker (`-`, `*`, `+`, `1.`, `1)`), blanks.
        var index = lineStart
        while index < range.lowerBound, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        if index < range.lowerBound, [UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+")].contains(bytes[index]) {
            index += 1
        } else {
            let digits = index
            while index < range.lowerBound, (0x30...0x39).contains(bytes[index]) { index += 1 }
            guard index > digits, index < range.lowerBound, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")")
            else { return false }
            index += 1
        }
        guard index < range.lowerBound, bytes[index] == 0x20 || bytes[index] == 0x09 else { return false }
        while index < range.lowerBound, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        let itemStart = index
        index = Self.afterRunInLabel(bytes, from: index, to: range.lowerBound)
        // Else a qualifier before the name: "Guide - Teleport".
        guard index == range.lowerBound || Self.isQualifier(bytes, from: index, to: range.lowerBound) else {
            return false
        }
        // After: a qualifier set off by a dash (" - template"), then blanks to the end of the line.
        var end = range.upperBound
        var lineEnd = end
        while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
        if let qualified = Self.qualifierStart(bytes, from: end, to: lineEnd) { end = qualified }
        guard Self.onlyBlanksToLineEnd(bytes, from: end) else { return false }
        while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 || bytes[end] == 0x0D { end += 1 }
        // The item's block holds no other prose (a continuation line, a second paragraph) or code.
        let item = itemStart..<end
        return Self.onlyInside(item, block: block, document.spans, \.range, \.block)
            && Self.onlyInside(item, block: block, document.codeSpans, \.range, \.block)
    }

    /// Whether a topic of this source names a page as a whole (its title, a part of it, an alias or
    /// its file name), as the entries of a table of contents do.
    static func namesPage(_ source: Topic.Source) -> Bool {
        [.title, .titlePart, .alias, .fileName].contains(source)
    }

    /// The least score of an entry of a table of contents: that of a strong candidate, so that the
    /// site's threshold (default or calibrated) and `--min-score` below it keep it. Entries keep
    /// their order above it (`liftedScore`): of two pages an entry may name, the better one wins.
    static let contentsEntryScore = 0.6

    /// A score mapped from 0…1 onto `contentsEntryScore`…1, order kept.
    static func liftedScore(_ score: Double) -> Double {
        contentsEntryScore + (1 - contentsEntryScore) * min(max(score, 0), 1)
    }

    /// Marks the candidates at `positions` as entries of a list of pages, their scores lifted onto
    /// `contentsEntryScore`…1 (`liftedScore`).
    static func liftAsContentsEntries(_ candidates: inout [Candidate], at positions: [Int]) {
        for position in positions {
            candidates[position].features.isContentsEntry = true
            candidates[position].score = liftedScore(candidates[position].score)
        }
    }

    /// Marks the entries of tables of contents among one source's candidates and raises their score
    /// to `contentsEntryScore` or more. A table of contents is a run of three or more list items on
    /// consecutive lines (a blank line between items allowed), each of them naming a page: a list
    /// entry naming a page (`namesPage`), or an existing internal link standing alone in its item;
    /// at least two of them are candidates, for two different pages. Generators' index pages and
    /// "Related posts" lists look like this; the words of such an entry ("Buffer", "Path") are often
    /// too common for their specificity, and an index page too broad for relatedness, to score well.
    func markContentsEntries(_ candidates: inout [Candidate], source: Int, in article: Article) {
        let lines = article.document.lines
        var entryLines: [Int: [Int]] = [:]  // line → indices of candidates naming a page there
        for (position, candidate) in candidates.enumerated()
        where candidate.features.isListEntry && !candidate.features.isCode && candidate.topic != Self.postReferenceTopic
            && (candidate.features.citesTitle || Self.namesPage(index.topics[Int(candidate.topic)].source))
        {
            entryLines[lines.location(of: candidate.mention.range.lowerBound).line, default: []].append(position)
        }
        guard entryLines.count >= 2 else { return }
        var itemLines = Set(entryLines.keys)
        for link in graph.outgoing[source] where link.targetIndex != nil {
            guard Self.isAloneInListItem(link.link.range, in: article) else { continue }
            itemLines.insert(link.location.line)
        }
        let sorted = itemLines.sorted()
        var runStart = 0
        for end in 1...sorted.count {
            let continues =
                end < sorted.count
                && (sorted[end] == sorted[end - 1] + 1
                    || sorted[end] == sorted[end - 1] + 2 && Self.isBlank(line: sorted[end - 1] + 1, in: article))
            guard !continues else { continue }
            let run = sorted[runStart..<end]
            runStart = end
            let entries = run.flatMap { entryLines[$0] ?? [] }
            guard run.count >= 3, Set(entries.map { candidates[$0].target }).count >= 2 else { continue }
            Self.liftAsContentsEntries(&candidates, at: entries)
        }
    }

    /// Whether `range` (an existing link) is all there is on its line besides a list marker and blanks.
    static func isAloneInListItem(_ range: Range<Int>, in article: Article) -> Bool {
        let bytes = article.bytes
        let line = article.document.lines.location(of: range.lowerBound).line
        guard let lineStart = article.document.lines.offset(ofLine: line) else { return false }
        var index = lineStart
        while index < range.lowerBound, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        guard index + 2 <= range.lowerBound,
            [UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+")].contains(bytes[index])
        else { return false }
        index += 1
        while index < range.lowerBound, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        return index == range.lowerBound && onlyBlanksToLineEnd(bytes, from: range.upperBound)
    }

    /// Whether line `line` (1-based) of `article` holds only blanks.
    static func isBlank(line: Int, in article: Article) -> Bool {
        guard let start = article.document.lines.offset(ofLine: line) else { return false }
        return onlyBlanksToLineEnd(article.bytes, from: start)
    }

    /// Whether nothing but blanks (and a carriage return) stands from `start` to the end of its line.
    static func onlyBlanksToLineEnd(_ bytes: [UInt8], from start: Int) -> Bool {
        var index = start
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D { index += 1 }
        return index == bytes.count || bytes[index] == 0x0A
    }

    /// Past a bold run-in label and the blanks after it (`**See also** `, `__Related:__ `), or `start`.
    static func afterRunInLabel(_ bytes: [UInt8], from start: Int, to limit: Int) -> Int {
        guard start + 4 < limit, bytes[start] == bytes[start + 1],
            bytes[start] == UInt8(ascii: "*") || bytes[start] == UInt8(ascii: "_")
        else { return start }
        let mark = bytes[start]
        var index = start + 2
        while index + 1 < limit, !(bytes[index] == mark && bytes[index + 1] == mark) {
            guard bytes[index] != 0x0A, index - start <= 40 else { return start }
            index += 1
        }
        guard index + 1 < limit, index > start + 2 else { return start }
        index += 2
        guard index < limit, bytes[index] == 0x20 || bytes[index] == 0x09 else { return start }
        while index < limit, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        return index
    }

    /// The separators that set a qualifier off a name: a spaced hyphen or dash, or a colon.
    private static let qualifierSeparators: [[UInt8]] = [
        Array(" - ".utf8), Array(" – ".utf8), Array(" — ".utf8), Array(": ".utf8),
    ]

    /// Whether `bytes[start..<limit]` is a short qualifier (one to four words, no sentence
    /// punctuation) and a separator (`Guide - `, `Options: `).
    static func isQualifier(_ bytes: [UInt8], from start: Int, to limit: Int) -> Bool {
        qualifierSeparators.contains { separator in
            let qualifierEnd = limit - separator.count
            return qualifierEnd > start && bytes[qualifierEnd..<limit].elementsEqual(separator)
                && isShortQualifier(bytes, start..<qualifierEnd)
        }
    }

    /// When `bytes[start..<limit]` is a separator and a short qualifier (` - template`), `limit`; else nil.
    static func qualifierStart(_ bytes: [UInt8], from start: Int, to limit: Int) -> Int? {
        var end = limit
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D { end -= 1 }
        for separator in qualifierSeparators where separator != Array(": ".utf8) && end - start > separator.count {
            guard bytes[start..<(start + separator.count)].elementsEqual(separator),
                isShortQualifier(bytes, (start + separator.count)..<end)
            else { continue }
            return end
        }
        return nil
    }

    /// One to four words of letters, digits, blanks, code marks and the punctuation of names (`-`,
    /// `.`, `_`, `:`, `<`, `>`, `$`, `@`): no sentence (no `. `, `,`, `;`, `(`).
    private static func isShortQualifier(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        guard !range.isEmpty, range.count <= 60, bytes[range.lowerBound] != 0x20 else { return false }
        var words = 1
        for index in range {
            let byte = bytes[index]
            if byte == 0x20 {
                words += 1
                if index > range.lowerBound, bytes[index - 1] == UInt8(ascii: ".") { return false }
            } else if byte < 0x80, !(byte.isASCIILetterOrDigit || "-._:<>$@`'/".utf8.contains(byte)) {
                return false
            }
        }
        return words <= 4
    }

    /// Whether the items of `block` in `items` (in document order) all lie inside `range`: the
    /// neighbours of `range` are found by binary search, so a long article costs no more than a short one.
    private static func onlyInside<T>(
        _ range: Range<Int>, block: Int, _ items: [T], _ itemRange: (T) -> Range<Int>, _ itemBlock: (T) -> Int
    ) -> Bool {
        var low = 0
        var high = items.count
        while low < high {
            let middle = (low + high) / 2
            if itemRange(items[middle]).upperBound <= range.lowerBound { low = middle + 1 } else { high = middle }
        }
        if low > 0, itemBlock(items[low - 1]) == block { return false }
        var index = low
        while index < items.count, itemRange(items[index]).lowerBound < range.upperBound { index += 1 }
        return index == items.count || itemBlock(items[index]) != block
    }
}

extension UInt8 {
    /// An ASCII letter or digit.
    fileprivate var isASCIILetterOrDigit: Bool {
        (0x30...0x39).contains(self) || (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self)
    }
}
