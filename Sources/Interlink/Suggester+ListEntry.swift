import InterlinkMarkdown

/// List entries: a list item whose whole text is another article's title ("- Garbage Collection",
/// "* Buffer") is a reference to that article, as in a table of contents, a "Related posts" list or an
/// Obsidian map of content. Its link is what the writer meant, so it does not count against the
/// per-article caps (`CandidateFeatures.isListEntry`); its score is untouched, so the threshold and
/// calibration hold as for any mention.
extension Suggester {
    /// Whether `range` is the whole text of a one-line list item of `article`: nothing but the list
    /// marker and blanks on its line besides it, and no other prose of the item before or after.
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
        guard index == range.lowerBound else { return false }
        // After: blanks to the end of the line.
        var end = range.upperBound
        while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 || bytes[end] == 0x0D { end += 1 }
        guard end == bytes.count || bytes[end] == 0x0A else { return false }
        // The item's block holds no other prose (a continuation line, a second paragraph) or code.
        let item = range.lowerBound..<end
        return Self.onlyInside(item, block: block, document.spans, \.range, \.block)
            && Self.onlyInside(item, block: block, document.codeSpans, \.range, \.block)
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
