/// Markdown that cmark reads as an indented code block: the body of an MkDocs admonition (`!!! note`,
/// `??? tip`) or content tab (`=== "Tab"`), indented four spaces under its opener, which MkDocs
/// (Python-Markdown) reads as Markdown; and any indented block in MDX, which has no indented code (JSX
/// children are indented: `<TabItem>` / `    Some text.`). The block's lines, its first line's
/// indentation removed from each, are parsed again as a document of their own, and what that finds is
/// mapped back onto the file's bytes: within a line the bytes are the same, so every offset moves by what
/// was removed before it on its line.
struct IndentedContainerBody {
    /// The body's bytes, indentation removed (line endings kept).
    let bytes: [UInt8]
    /// Where each line starts in `bytes`, and in the file after its removed indentation.
    private let bodyLineStarts: [Int]
    private let fileLineStarts: [Int]

    /// Deepest nesting of bodies that is parsed again (an admonition in an admonition…); deeper ones stay
    /// code, as cmark reads them.
    static let maximumDepth = 8
    /// How far back from the block the opener is looked for: lines of the same body, indented as deep.
    static let maximumLinesBack = 1_000

    /// The Markdown of the indented code block that covers `block` (whole lines of `raw`), or nil when the
    /// block is not Markdown: with `requiresOpener` (MkDocs), the closest line before it indented less
    /// must be an opener indented four columns less; every line must be indented with spaces.
    init?(raw: [UInt8], lines: LineTable, block: Range<Int>, requiresOpener: Bool) {
        guard !block.isEmpty else { return nil }
        let firstLine = lines.location(of: block.lowerBound).line
        let lastLine = lines.location(of: max(block.lowerBound, block.upperBound - 1)).line
        let width = Self.indentation(raw, lines: lines, line: firstLine)
        guard width >= 4 else { return nil }
        if requiresOpener, !Self.hasOpener(raw: raw, lines: lines, firstLine: firstLine, width: width) { return nil }
        var bytes: [UInt8] = []
        var bodyLineStarts: [Int] = []
        var fileLineStarts: [Int] = []
        for line in firstLine...lastLine {
            guard let start = lines.offset(ofLine: line) else { return nil }
            let end = line < lines.lineCount ? (lines.offset(ofLine: line + 1) ?? raw.count) : raw.count
            var removed = 0
            while removed < width, start + removed < end, raw[start + removed] == 0x20 { removed += 1 }
            // A tab in the indentation: columns and bytes part ways; leave the block as cmark reads it.
            if start + removed < end, raw[start + removed] == 0x09, removed < width { return nil }
            bodyLineStarts.append(bytes.count)
            fileLineStarts.append(start + removed)
            // The block ends at its last line's content: that line's ending is not the block's.
            bytes.append(contentsOf: raw[(start + removed)..<(line == lastLine ? max(start + removed, block.upperBound) : end)])
        }
        self.bytes = bytes
        self.bodyLineStarts = bodyLineStarts
        self.fileLineStarts = fileLineStarts
    }

    /// The file offset of a body offset.
    func fileOffset(_ offset: Int) -> Int {
        var low = 0
        var high = bodyLineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if bodyLineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return fileLineStarts[low] + offset - bodyLineStarts[low]
    }

    /// The file range of a body range (its ends may lie on different lines).
    func fileRange(_ range: Range<Int>) -> Range<Int> {
        let start = fileOffset(range.lowerBound)
        return range.isEmpty ? start..<start : start..<(fileOffset(range.upperBound - 1) + 1)
    }

    /// Whether the closest line before `firstLine` indented less than `width` (back over blank lines and lines
    /// of the body, indented at least as deep) is an admonition or tab opener indented four columns less.
    private static func hasOpener(raw: [UInt8], lines: LineTable, firstLine: Int, width: Int) -> Bool {
        var line = firstLine - 1
        var opener: Int? = nil
        while line >= 1, firstLine - line <= Self.maximumLinesBack {
            if !Self.isBlank(raw, lines: lines, line: line) {
                let indentation = Self.indentation(raw, lines: lines, line: line)
                if indentation < width {
                    if indentation == width - 4 { opener = line }
                    break
                }
            }
            line -= 1
        }
        guard let opener, let openerStart = lines.offset(ofLine: opener) else { return false }
        return ParagraphConstructs.opensIndentedContainer(raw, at: openerStart + width - 4)
    }

    private static func indentation(_ raw: [UInt8], lines: LineTable, line: Int) -> Int {
        guard let start = lines.offset(ofLine: line) else { return 0 }
        var index = start
        while index < raw.count, raw[index] == 0x20 { index += 1 }
        return index - start
    }

    private static func isBlank(_ raw: [UInt8], lines: LineTable, line: Int) -> Bool {
        guard let start = lines.offset(ofLine: line) else { return true }
        var index = start
        while index < raw.count, raw[index] == 0x20 || raw[index] == 0x09 { index += 1 }
        return index >= raw.count || raw[index] == 0x0A || raw[index] == 0x0D
    }
}
