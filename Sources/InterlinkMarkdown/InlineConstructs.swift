/// Inline constructs that cmark reads as text and generators do not: TeX math (`$x$`, `$$…$$`,
/// `\(…\)`, `\[…\]`, rendered by KaTeX or MathJax on Hugo, MkDocs, Docusaurus, Jekyll and Obsidian
/// sites), Obsidian comments (`%%…%%`) and kramdown attribute lists (`{: .note}`). A link inside any of
/// them breaks the formula, is never shown, or breaks the attributes: each is a forbidden zone, on every
/// site (in prose they hardly ever occur by chance: dollar amounts do not pair as math, see `isMathOpener`).
enum InlineConstructs {
    /// Whether a construct may start with `byte` (`$`, `\`, `%` or `{`): a comparison, not a set
    /// lookup, as it runs on every byte of a paragraph.
    @inline(__always)
    static func isFirstByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "$") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "{")
    }

    /// Whether `raw[start..<end]` holds a byte a construct may start with: it runs over every
    /// paragraph of the site, eight bytes at a time (`ByteWord`).
    static func mayHold(_ raw: [UInt8], from start: Int, to end: Int) -> Bool {
        guard start < end, end <= raw.count else { return false }
        return raw.withUnsafeBufferPointer { bytes in
            var index = start
            if let base = bytes.baseAddress {
                while index + 8 <= end {
                    let chunk = ByteWord.load(base, index)
                    let firstBytes =
                        ByteWord.bytes(chunk, equalTo: UInt8(ascii: "$")) | ByteWord.bytes(chunk, equalTo: UInt8(ascii: "\\"))
                        | ByteWord.bytes(chunk, equalTo: UInt8(ascii: "%")) | ByteWord.bytes(chunk, equalTo: UInt8(ascii: "{"))
                    if firstBytes != 0 { return true }
                    index += 8
                }
            }
            while index < end {
                if isFirstByte(bytes[index]) { return true }
                index += 1
            }
            return false
        }
    }

    /// The zones opening in `spans` (in order) and closing before `paragraphEnd`, outside the zones
    /// already found (`existing`, in order and apart). Linear: each closer is searched for once from
    /// where the previous search of its kind stopped (a closer does not depend on its opener).
    static func zones(
        in raw: [UInt8], spans: [Range<Int>], around existing: [ForbiddenZone], paragraphEnd: Int
    ) -> [ForbiddenZone] {
        var zones: [ForbiddenZone] = []
        var passed = 0
        var other = 0
        var closers = ClosingSearch(raw: raw, end: paragraphEnd)
        for span in spans {
            var index = max(span.lowerBound, passed)
            // cmark leaves a backslash escape out of the text spans: `\(` right before a span opens math.
            if index == span.lowerBound, index >= 2, raw[index - 2] == UInt8(ascii: "\\"),
                raw[index - 1] == UInt8(ascii: "(") || raw[index - 1] == UInt8(ascii: "["), index - 2 >= passed
            {
                index -= 2
            }
            while index < span.upperBound {
                while other < existing.count, existing[other].range.upperBound <= index { other += 1 }
                if other < existing.count, existing[other].range.contains(index) {
                    index = existing[other].range.upperBound
                    continue
                }
                guard isFirstByte(raw[index]), let (kind, end) = construct(at: index, in: raw, closers: &closers) else {
                    // A backslash escapes the byte after it (`\$5`).
                    index += raw[index] == UInt8(ascii: "\\") ? 2 : 1
                    continue
                }
                zones.append(ForbiddenZone(kind: kind, range: index..<end))
                passed = end
                index = end
            }
        }
        return zones
    }

    /// The construct opening at `index` and the offset after its closer; nil when none opens there or
    /// it is never closed.
    private static func construct(
        at index: Int, in raw: [UInt8], closers: inout ClosingSearch
    ) -> (ForbiddenZone.Kind, Int)? {
        func byte(_ offset: Int) -> UInt8? { offset < raw.count ? raw[offset] : nil }
        switch raw[index] {
        case UInt8(ascii: "$"):
            if byte(index + 1) == UInt8(ascii: "$") {
                return closers.next(.displayDollars, after: index + 2).map { (.math, $0) }
            }
            guard isMathOpener(raw, at: index) else { return nil }
            return closers.next(.dollar, after: index + 1).map { (.math, $0) }
        case UInt8(ascii: "\\"):
            if byte(index + 1) == UInt8(ascii: "(") { return closers.next(.parenthesis, after: index + 2).map { (.math, $0) } }
            if byte(index + 1) == UInt8(ascii: "[") { return closers.next(.bracket, after: index + 2).map { (.math, $0) } }
            return nil
        case UInt8(ascii: "%"):
            guard byte(index + 1) == UInt8(ascii: "%") else { return nil }
            return closers.next(.percents, after: index + 2).map { (.comment, $0) }
        default:
            // `{:` then a blank, `.`, `#` or a letter: kramdown's attribute list, closed on its line.
            guard byte(index + 1) == UInt8(ascii: ":"), let next = byte(index + 2),
                next == 0x20 || next == UInt8(ascii: ".") || next == UInt8(ascii: "#")
                    || (0x41...0x5A).contains(next) || (0x61...0x7A).contains(next)
            else { return nil }
            let end = closers.braceOrLineEnd(from: index + 2)
            return end < closers.end && raw[end] == UInt8(ascii: "}") ? (.attributeList, end + 1) : nil
        }
    }

    /// Pandoc's rule for inline math: the opening `$` has a non-blank right after it (`$5 and $10` has
    /// one, but `$10` cannot close: a blank stands before it), the closing `$` a non-blank right before
    /// it and no digit right after it.
    static func isMathOpener(_ raw: [UInt8], at index: Int) -> Bool {
        guard index + 1 < raw.count else { return false }
        return !isBlank(raw[index + 1])
    }

    /// A blank, tab or line ending: what may not stand inside an inline formula's dollars.
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// The closers of each kind, searched forward once: a closer found is kept for every opener before
    /// it, and a search that found none ends all later ones of its kind.
    struct ClosingSearch {
        enum Closer: Int, CaseIterable { case dollar, displayDollars, parenthesis, bracket, percents }

        let raw: [UInt8]
        let end: Int
        /// Per closer (by raw value): where the last search found one and the offset after it; `end + 1`
        /// when none is left, -1 before the first search.
        private var found = [(at: Int, after: Int)](repeating: (-1, -1), count: Closer.allCases.count)
        /// The first `}` or line feed at or after where it was last looked for (`end` when none).
        private var braceOrLineFeed = -1

        /// The first `}` or line feed at or after `start` (`end` when none): where an attribute list
        /// closes, or fails to.
        mutating func braceOrLineEnd(from start: Int) -> Int {
            if braceOrLineFeed >= start { return braceOrLineFeed }
            var index = start
            while index < end, raw[index] != 0x0A, raw[index] != UInt8(ascii: "}") { index += 1 }
            braceOrLineFeed = index
            return index
        }

        init(raw: [UInt8], end: Int) {
            self.raw = raw
            self.end = end
        }

        /// The offset after the first closer of `kind` starting at or after `start`; nil when none does.
        mutating func next(_ kind: Closer, after start: Int) -> Int? {
            let known = found[kind.rawValue]
            if known.at >= start { return known.at > end ? nil : known.after }
            var index = start
            while index < end {
                if let after = closes(kind, at: index) {
                    found[kind.rawValue] = (index, after)
                    return after
                }
                // An escaped byte closes nothing (`\$`), except the backslash closers themselves.
                index += raw[index] == UInt8(ascii: "\\") && kind != .parenthesis && kind != .bracket ? 2 : 1
            }
            found[kind.rawValue] = (end + 1, end + 1)
            return nil
        }

        private func closes(_ kind: Closer, at index: Int) -> Int? {
            func byte(_ offset: Int) -> UInt8? { offset < end ? raw[offset] : nil }
            switch kind {
            case .dollar:
                guard raw[index] == UInt8(ascii: "$"), index > 0, !InlineConstructs.isBlank(raw[index - 1]) else {
                    return nil
                }
                if let next = byte(index + 1), (0x30...0x39).contains(next) { return nil }
                return index + 1
            case .displayDollars:
                return raw[index] == UInt8(ascii: "$") && byte(index + 1) == UInt8(ascii: "$") ? index + 2 : nil
            case .parenthesis:
                return raw[index] == UInt8(ascii: "\\") && byte(index + 1) == UInt8(ascii: ")") ? index + 2 : nil
            case .bracket:
                return raw[index] == UInt8(ascii: "\\") && byte(index + 1) == UInt8(ascii: "]") ? index + 2 : nil
            case .percents:
                return raw[index] == UInt8(ascii: "%") && byte(index + 1) == UInt8(ascii: "%") ? index + 2 : nil
            }
        }
    }
}
