/// The Markdown a site generator reads a file as.
public enum MarkdownDialect: Sendable, Hashable {
    /// CommonMark as cmark reads it, plus what `RawConstructs` and `ParagraphConstructs` protect on every
    /// site (generator templates, wikilinks, bare URLs, container fences).
    case commonMark
    /// MDX (`.mdx` files, and the Markdown files of a Docusaurus site, which it compiles as MDX by default):
    /// also ESM `import`/`export` blocks, `{…}` expressions and JSX tags, none of which may hold a link;
    /// and no indented code: an indented block is Markdown (`IndentedContainerBody`).
    case mdx
    /// Python-Markdown as MkDocs runs it: an admonition's or content tab's body indented under its opener
    /// is Markdown, not the indented code block cmark reads (`IndentedContainerBody`).
    case mkdocs
}

/// Constructs that cmark reads as paragraph text but a generator reads line by line or as code:
/// container fences (VitePress and Docusaurus `::: tip Title` / `:::note[Title]`, Pandoc divs, MkDocs
/// `!!! note "Title"`, `??? note` and `=== "Tab"`, Obsidian callouts and GitHub alerts `> [!note] Title`),
/// whose titles are labels, not prose; and in MDX the ESM blocks
/// (`import Tabs from '@theme/Tabs';`), `{…}` expressions and JSX tags cmark does not take for HTML
/// (`<TabItem value="npm" label={"npm"}>`), where a link would break the page's build.
enum ParagraphConstructs {
    /// The zones in a paragraph whose text spans are `spans` (in order), the paragraph's bytes ending at
    /// `paragraphEnd`. A construct starts in a text span and may end anywhere before `paragraphEnd` (an
    /// expression's `}` can follow an emphasis or a code span); one never closed runs to `paragraphEnd`.
    static func zones(
        in raw: [UInt8], lines: LineTable, spans: [Range<Int>], paragraphEnd: Int, dialect: MarkdownDialect
    ) -> [ForbiddenZone] {
        var zones = lineZones(in: raw, lines: lines, spans: spans, paragraphEnd: paragraphEnd, dialect: dialect)
        if dialect == .mdx {
            zones += mdxInlineZones(in: raw, spans: spans, around: zones, paragraphEnd: paragraphEnd)
            zones.sort { $0.range.lowerBound < $1.range.lowerBound }
        }
        // Only a paragraph holding one of the constructs' first bytes is looked at more closely (a
        // backslash escape before its first span included: cmark leaves escapes out of the spans).
        if let first = spans.first, InlineConstructs.mayHold(raw, from: max(0, first.lowerBound - 2), to: paragraphEnd) {
            zones += InlineConstructs.zones(in: raw, spans: spans, around: zones, paragraphEnd: paragraphEnd)
            zones.sort { $0.range.lowerBound < $1.range.lowerBound }
        }
        return zones
    }

    // MARK: Lines

    private static func lineZones(
        in raw: [UInt8], lines: LineTable, spans: [Range<Int>], paragraphEnd: Int, dialect: MarkdownDialect
    ) -> [ForbiddenZone] {
        var zones: [ForbiddenZone] = []
        var lastLine = 0
        for span in spans where !span.isEmpty {
            let first = lines.location(of: span.lowerBound).line
            let last = lines.location(of: span.upperBound - 1).line
            let from = max(first, lastLine + 1)
            guard from <= last else { continue }
            lastLine = last
            for line in from...last {
                guard let lineStart = lines.offset(ofLine: line) else { continue }
                if dialect == .mdx, startsESM(raw, at: lineStart, end: paragraphEnd) {
                    // ESM runs to the blank line that ends the paragraph.
                    zones.append(ForbiddenZone(kind: .esm, range: lineStart..<max(lineStart, paragraphEnd)))
                    return zones
                }
                var start = lineStart
                var quoted = false
                while start < raw.count, [0x20, 0x09, UInt8(ascii: ">")].contains(raw[start]) {
                    quoted = quoted || raw[start] == UInt8(ascii: ">")
                    start += 1
                }
                if isFence(raw, at: start) || (quoted && isCalloutMarker(raw, at: start)) {
                    let end = FrontMatterBlock.endOfLineContent(in: raw, from: start)
                    zones.append(ForbiddenZone(kind: .containerFence, range: start..<end))
                }
            }
        }
        return zones
    }

    /// `:::` (three colons or more); `!!!` / `???` followed by a blank, `+` or the line's end (MkDocs
    /// admonitions and details); `///` followed by a blank or the line's end (pymdownx blocks,
    /// `/// note | Title`); `===` then `+` or `!` at most, a blank and a quoted title (MkDocs content
    /// tabs: a bare `===` line is a setext underline, which cmark never hands over as text).
    private static func isFence(_ raw: [UInt8], at start: Int) -> Bool {
        guard start + 3 <= raw.count else { return false }
        let first = raw[start]
        guard [UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "="), UInt8(ascii: "/")].contains(first),
            raw[start + 1] == first, raw[start + 2] == first
        else { return false }
        if first == UInt8(ascii: ":") { return true }
        if first == UInt8(ascii: "=") {
            var index = start + 3
            if index < raw.count, raw[index] == UInt8(ascii: "+") || raw[index] == UInt8(ascii: "!") { index += 1 }
            guard index < raw.count, raw[index] == 0x20 || raw[index] == 0x09 else { return false }
            while index < raw.count, raw[index] == 0x20 || raw[index] == 0x09 { index += 1 }
            return index < raw.count && raw[index] == UInt8(ascii: "\"")
        }
        guard start + 3 < raw.count else { return true }
        if first == UInt8(ascii: "/") { return [0x20, 0x09, 0x0A, 0x0D].contains(raw[start + 3]) }
        return [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "+")].contains(raw[start + 3])
    }

    /// Whether the line content at `start` opens a container whose body is indented under it: an MkDocs
    /// admonition (`!!!`), details block (`???`) or content tab (`=== "Tab"`).
    static func opensIndentedContainer(_ raw: [UInt8], at start: Int) -> Bool {
        guard start < raw.count, raw[start] != UInt8(ascii: ":"), raw[start] != UInt8(ascii: "/") else { return false }
        return isFence(raw, at: start)
    }

    /// `[!note]`, `[!WARNING]-` at the start of a block quote's line: an Obsidian callout or a GitHub
    /// alert, whose title is a label.
    private static func isCalloutMarker(_ raw: [UInt8], at start: Int) -> Bool {
        guard start + 3 < raw.count, raw[start] == UInt8(ascii: "["), raw[start + 1] == UInt8(ascii: "!") else {
            return false
        }
        var index = start + 2
        while index < raw.count, (0x41...0x5A).contains(raw[index]) || (0x61...0x7A).contains(raw[index])
            || raw[index] == UInt8(ascii: "-")
        {
            index += 1
        }
        return index > start + 2 && index < raw.count && raw[index] == UInt8(ascii: "]")
    }

    /// `import` or `export` at the very start of a line, then a blank or `{` (MDX's ESM).
    private static func startsESM(_ raw: [UInt8], at start: Int, end: Int) -> Bool {
        for keyword in ["import", "export"] {
            let bytes = Array(keyword.utf8)
            // The keyword and the byte after it, inside the file and the paragraph.
            guard start + bytes.count < raw.count, start + bytes.count <= end,
                raw[start..<(start + bytes.count)].elementsEqual(bytes)
            else { continue }
            let next = raw[start + bytes.count]
            if next == 0x20 || next == 0x09 || next == UInt8(ascii: "{") || next == UInt8(ascii: "*") { return true }
        }
        return false
    }

    // MARK: MDX expressions and JSX

    private static func mdxInlineZones(
        in raw: [UInt8], spans: [Range<Int>], around lineZones: [ForbiddenZone], paragraphEnd: Int
    ) -> [ForbiddenZone] {
        var zones: [ForbiddenZone] = []
        var passed = 0
        // The line zones are in order and apart: one cursor walks them (linear, however many there are).
        var lineZone = 0
        for span in spans {
            var index = max(span.lowerBound, passed)
            while index < span.upperBound {
                while lineZone < lineZones.count, lineZones[lineZone].range.upperBound <= index { lineZone += 1 }
                if lineZone < lineZones.count, lineZones[lineZone].range.contains(index) {
                    index = lineZones[lineZone].range.upperBound
                    continue
                }
                let byte = raw[index]
                var end: Int? = nil
                var kind = ForbiddenZone.Kind.mdxExpression
                if byte == UInt8(ascii: "{") {
                    end = closingBrace(in: raw, after: index, end: paragraphEnd)
                } else if byte == UInt8(ascii: "<"), index + 1 < raw.count, opensJSXTag(raw[index + 1]) {
                    end = tagEnd(in: raw, after: index, end: paragraphEnd)
                    kind = .jsx
                }
                if let end {
                    zones.append(ForbiddenZone(kind: kind, range: index..<end))
                    passed = end
                    index = end
                } else {
                    index += 1
                }
            }
        }
        return zones
    }

    /// A letter (a component or element name), `/` (a closing tag) or `>` (a fragment) after `<`.
    private static func opensJSXTag(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == UInt8(ascii: "/")
            || byte == UInt8(ascii: ">")
    }

    /// The offset after the `}` closing the `{` at `open` (nested braces and quoted strings counted), or
    /// `end` when none does.
    private static func closingBrace(in raw: [UInt8], after open: Int, end: Int) -> Int {
        var depth = 0
        var quote: UInt8? = nil
        var index = open
        while index < end {
            let byte = raw[index]
            if let open = quote {
                if byte == UInt8(ascii: "\\") { index += 2; continue }
                // Only template strings run over lines: an apostrophe in a comment must not hide the brace.
                if byte == open || (byte == 0x0A && open != UInt8(ascii: "`")) { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "`") {
                quote = byte
            } else if byte == UInt8(ascii: "/"), index + 1 < end, raw[index + 1] == UInt8(ascii: "*") {
                // A comment (`{/* … */}`, MDX's comment syntax) may hold anything, apostrophes included.
                index = ByteSearch.firstIndex(of: Array("*/".utf8), in: raw, from: index + 2, end: end).map { $0 + 2 } ?? end
                continue
            } else if byte == UInt8(ascii: "{") {
                depth += 1
            } else if byte == UInt8(ascii: "}") {
                depth -= 1
                if depth == 0 { return index + 1 }
            }
            index += 1
        }
        return max(end, open + 1)
    }

    /// The offset after the `>` ending the tag that opens at `open`: quoted attribute values and `{…}`
    /// expressions may hold `>`. `end` when nothing ends it.
    private static func tagEnd(in raw: [UInt8], after open: Int, end: Int) -> Int {
        var index = open + 1
        var quote: UInt8? = nil
        while index < end {
            let byte = raw[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "{") {
                index = closingBrace(in: raw, after: index, end: end)
                continue
            } else if byte == UInt8(ascii: ">") {
                return index + 1
            }
            index += 1
        }
        return max(end, open + 1)
    }
}
