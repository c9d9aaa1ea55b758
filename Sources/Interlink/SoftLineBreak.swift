import InterlinkMarkdown

/// A soft line break inside a paragraph: the writer wrapped the line, and a reader sees one space.
///
/// Many writers wrap prose at a fixed width or put each clause on its own line ("semantic line
/// breaks", as the Go blog does: "the release of⏎Go 1.18 in March"). cmark gives each line its own
/// text node, so each line is its own prose span (`TextSpan`); a phrase wrapped across two lines is
/// still one phrase, and a link's text may hold the break (`[release of⏎Go 1.18](…)` is one link).
///
/// Two spans join when they are consecutive in one block, of one context, neither in a table row nor on
/// a line holding a `|` (a GFM table may interrupt a paragraph, which cmark reads as lines of that
/// paragraph), alike in emphasis, and nothing but a soft line break stands between them: at most one
/// blank, an optional carriage return, a line feed, then blanks (a continuation line's indentation).
/// Two or more blanks before the line end, or a backslash, make a hard line break, and a `>` on the
/// next line is a block quote's marker: neither joins.
enum SoftLineBreak {
    /// Whether `bytes[end..<start]` is a soft line break as described above.
    static func isSoftBreak(_ bytes: [UInt8], from end: Int, to start: Int) -> Bool {
        guard end < start, start <= bytes.count else { return false }
        var index = end
        if bytes[index] == 0x20 { index += 1 }
        if index < start, bytes[index] == 0x0D { index += 1 }
        guard index < start, bytes[index] == 0x0A else { return false }
        index += 1
        while index < start {
            guard bytes[index] == 0x20 || bytes[index] == 0x09 else { return false }
            index += 1
        }
        return true
    }

    /// Whether span `next` continues span `previous` across a soft line break (see the type's comment).
    static func joins(_ previous: TextSpan, _ next: TextSpan, in bytes: [UInt8]) -> Bool {
        previous.block == next.block && previous.block >= 0 && previous.context != .tableCell
            && next.context == previous.context && previous.emphasized == next.emphasized
            && isSoftBreak(bytes, from: previous.range.upperBound, to: next.range.lowerBound)
            && !lineHoldsPipe(bytes, at: previous.range.upperBound - 1) && !lineHoldsPipe(bytes, at: next.range.lowerBound)
    }

    /// Whether the line holding `bytes[index]` holds a `|`: it may be a GFM table's row, which a
    /// generator may read as a table that interrupts the paragraph (cmark, without tables, reads it as
    /// a line of the paragraph), so no phrase is read across its line ends.
    static func lineHoldsPipe(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index >= 0, index < bytes.count else { return false }
        var start = index
        while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
        var end = index
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        return bytes[start..<end].contains(UInt8(ascii: "|"))
    }

    /// Calls `body` with each run of `spans` (indices, in document order) whose consecutive spans join
    /// across soft line breaks (`joins`); a span that joins none is a run of its own.
    static func forEachRun(of spans: [TextSpan], in bytes: [UInt8], _ body: (ClosedRange<Int>) -> Void) {
        var first = 0
        while first < spans.count {
            let run = run(of: spans, from: first, in: bytes)
            body(run)
            first = run.upperBound + 1
        }
    }

    /// The run of `spans` that starts at index `first` (see `forEachRun`), for loops that keep their
    /// state in local variables instead of a closure's captures.
    static func run(of spans: [TextSpan], from first: Int, in bytes: [UInt8]) -> ClosedRange<Int> {
        var last = first
        while last + 1 < spans.count, joins(spans[last], spans[last + 1], in: bytes) { last += 1 }
        return first...last
    }

    /// Whether `range` lies in prose: inside one span, or from one span into a later one of the same run
    /// of spans joined by soft line breaks. `spans` are in document order.
    static func liesInProse(_ range: Range<Int>, spans: [TextSpan], bytes: [UInt8]) -> Bool {
        guard var first = spans.firstIndex(where: { $0.range.contains(range.lowerBound) }) else { return false }
        while range.upperBound > spans[first].range.upperBound {
            let next = first + 1
            guard next < spans.count, joins(spans[first], spans[next], in: bytes),
                range.upperBound > spans[next].range.lowerBound
            else { return false }
            first = next
        }
        return true
    }

    /// The text a reader sees in `bytes`: each soft line break read as one space.
    static func readText(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(0x0A) else { return String(decoding: bytes, as: UTF8.self) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x0D || byte == 0x0A, let after = breakEnd(bytes, at: index) {
                result.append(0x20)
                index = after
            } else {
                result.append(byte)
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Where the soft line break starting at `index` ends (past the next line's indentation), or nil when
    /// none starts there.
    private static func breakEnd(_ bytes: ArraySlice<UInt8>, at index: Int) -> Int? {
        var end = index
        if bytes[end] == 0x20 { end += 1 }
        if end < bytes.endIndex, bytes[end] == 0x0D { end += 1 }
        guard end < bytes.endIndex, bytes[end] == 0x0A else { return nil }
        end += 1
        while end < bytes.endIndex, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
        return end
    }
}
