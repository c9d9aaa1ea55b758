import CCmark

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses Markdown files into `MarkdownDocument`s.
public enum MarkdownParser {
    /// The largest file the parser takes (byte offsets are stored in 32 bits); callers refuse larger ones.
    public static let maximumFileSize = Int(UInt32.max)

    /// Parses a whole file: locates front matter, then parses the body with cmark.
    /// - Throws: `FrontMatterDelimiterError` when front matter is opened but never closed.
    public static func parse(
        _ bytes: [UInt8], dialect: MarkdownDialect = .commonMark, shortcodes: ShortcodeRendering = .unknown
    ) throws(FrontMatterDelimiterError) -> MarkdownDocument {
        let frontMatter = try FrontMatterBlock.locate(in: bytes)
        return parse(bytes, frontMatter: frontMatter, dialect: dialect, shortcodes: shortcodes)
    }

    /// Parses a file whose front matter (if any) has already been located. `shortcodes`: how the site's own
    /// Hugo shortcode templates treat their bodies.
    public static func parse(
        _ bytes: [UInt8], frontMatter: FrontMatterBlock?, dialect: MarkdownDialect = .commonMark,
        shortcodes: ShortcodeRendering = .unknown
    ) -> MarkdownDocument {
        var converter = CommonMarkConverter(raw: bytes, frontMatter: frontMatter, dialect: dialect, shortcodes: shortcodes)
        return converter.convert()
    }
}

/// The one place that touches cmark: parses the body, walks the tree with an iterator (no recursion,
/// so 10,000-deep nesting is fine), turns every node of interest into Swift values with byte ranges
/// verified against the raw file, and frees the tree. No cmark pointer leaves this file.
struct CommonMarkConverter {
    private let raw: [UInt8]
    private let lines: LineTable
    private let frontMatter: FrontMatterBlock?
    private let dialect: MarkdownDialect
    private let shortcodes: ShortcodeRendering
    /// How deep in indented container bodies this parse is (0: the file itself).
    private let depth: Int
    private let bodyStart: Int
    /// File line (1-based) of the body's first line.
    private let bodyFirstLine: Int

    private var spans: [TextSpan] = []
    private var codeSpans: [CodeSpan] = []
    private var headings: [Heading] = []
    private var links: [MarkdownLink] = []
    /// Template links that took their text from before the construct scan's reach (`TemplateLinkText`):
    /// the prose and code spans inside them are cut away once the walk is done.
    private var widenedTemplateLinks: [Range<Int>] = []
    /// The reference links such template links replace, by index in `links`: taken out once the walk is done.
    private var replacedLinks: [Int] = []
    private var zones: [ForbiddenZone] = []
    private var wordCount = 0
    private var unmapped = 0
    /// Bodies of paired templates (`TemplateBodies`), in order; `nextTemplateBody` is the first one that
    /// does not end before the paragraph being finished.
    private var templateBodies: [Range<Int>] = []
    private var nextTemplateBody = 0
    /// Code blocks that may be Markdown after all (MkDocs container bodies, MDX's indented text), in order.
    private var codeBlocks: [Range<Int>] = []

    private var blockCounter = 0
    private var containers: [BlockContext] = []
    private var paragraph: ParagraphState?
    private var heading: HeadingState?
    private var openLinks: [OpenLink] = []
    private var emphasisDepth = 0
    private var emphasisOutline: [UInt8] = []
    /// Depth of a strong-emphasis run that opens its paragraph (`**Step one.** Do this…`): a run-in
    /// heading, which readers scan like a heading, so nothing in it is linked.
    private var runInHeadingDepth = 0

    private struct ParagraphState {
        var block: Int
        var context: BlockContext
        var isTable: Bool
        var startLine: Int
        var spans: [TextSpan] = []
        var codeSpans: [CodeSpan] = []
        var deltas: [Int: Int] = [:]
        var htmlDepth = 0
        /// End of the last mapped inline node: later nodes must start at or after it.
        var cursor: Int
    }

    private struct HeadingState {
        var level: Int
        var startLine: Int
        var text = ""
    }

    private struct OpenLink {
        var startLine: Int
        var startColumn: Int
        var destination: String
        var isImage: Bool
        var text = ""
        /// cmark reports a multi-line link as starting on its last line; its first child knows better.
        var firstChildLine: Int?
        /// Positions of the first and last inline nodes inside the link, to rebuild its range when
        /// cmark reports it wrongly (autolinks after a line break get a nonsense position).
        var firstChild: Position?
        var lastChild: Position?
    }

    init(
        raw: [UInt8], frontMatter: FrontMatterBlock?, dialect: MarkdownDialect, shortcodes: ShortcodeRendering = .unknown,
        depth: Int = 0
    ) {
        self.raw = raw
        self.lines = LineTable(raw)
        self.frontMatter = frontMatter
        self.dialect = dialect
        self.shortcodes = shortcodes
        self.depth = depth
        let bomLength = raw.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        self.bodyStart = frontMatter?.range.upperBound ?? bomLength
        self.bodyFirstLine = lines.location(of: bodyStart).line
    }

    mutating func convert() -> MarkdownDocument {
        if let frontMatter {
            zones.append(ForbiddenZone(kind: .frontMatter, range: frontMatter.range))
        }
        templateBodies = TemplateBodies.find(in: raw, range: bodyStart..<raw.count, shortcodes: shortcodes)
        zones.append(contentsOf: templateBodies.map { ForbiddenZone(kind: .templateBody, range: $0) })
        let document: OpaquePointer? = raw.withUnsafeBufferPointer { buffer in
            let body = UnsafeRawPointer(buffer.baseAddress!).advanced(by: bodyStart)
                .assumingMemoryBound(to: CChar.self)
            return cmark_parse_document(body, buffer.count - bodyStart, CMARK_OPT_SOURCEPOS)
        }
        if let document {
            walk(document)
            cmark_node_free(document)
        }
        TemplateLinkText.cut(widenedTemplateLinks, from: &spans, codeSpans: &codeSpans)
        if !replacedLinks.isEmpty {
            let replaced = Set(replacedLinks)
            links = links.indices.filter { !replaced.contains($0) }.map { links[$0] }
        }
        markLinkReferenceDefinitions()
        expandIndentedContainerBodies()
        for index in links.indices {
            let second = links[index].range.lowerBound + 1
            links[index].textOpensWithBacktick = second < raw.count && raw[second] == UInt8(ascii: "`")
        }
        zones.sort { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        return MarkdownDocument(
            lines: lines, frontMatter: frontMatter, spans: spans, codeSpans: codeSpans, headings: headings,
            links: links, forbiddenZones: zones, wordCount: wordCount, unmappedTextCount: unmapped,
            emphasisOutline: String(decoding: emphasisOutline, as: UTF8.self))
    }

    // MARK: Walking

    private mutating func walk(_ document: OpaquePointer) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_ENTER {
                enter(node)
            } else if event == CMARK_EVENT_EXIT {
                exit(node)
            }
        }
    }

    private mutating func enter(_ node: OpaquePointer) {
        let type = cmark_node_get_type(node)
        let position = Position(node)
        if paragraph != nil, heading == nil, Self.inlineTypes.contains(type.rawValue) {
            noteFirstNodeOfLine(node, type: type, position)
            if !openLinks.isEmpty, openLinks[openLinks.count - 1].firstChildLine == nil {
                openLinks[openLinks.count - 1].firstChildLine = position.startLine
            }
            if !openLinks.isEmpty {
                if openLinks[openLinks.count - 1].firstChild == nil { openLinks[openLinks.count - 1].firstChild = position }
                openLinks[openLinks.count - 1].lastChild = position
            }
        }
        switch type {
        case CMARK_NODE_BLOCK_QUOTE:
            containers.append(.blockQuote)
        case CMARK_NODE_ITEM:
            containers.append(.listItem)
        case CMARK_NODE_PARAGRAPH:
            if heading == nil {
                blockCounter += 1
                let isTable = looksLikeTable(startLine: position.startLine, endLine: position.endLine)
                paragraph = ParagraphState(
                    block: blockCounter, context: isTable ? .tableCell : (containers.last ?? .paragraph),
                    isTable: isTable, startLine: position.startLine,
                    cursor: offset(line: position.startLine, column: 1) ?? bodyStart)
            }
        case CMARK_NODE_HEADING:
            heading = HeadingState(level: Int(cmark_node_get_heading_level(node)), startLine: position.startLine)
        case CMARK_NODE_CODE_BLOCK:
            let range = wholeLines(withinContainers(node, position))
            zones.append(ForbiddenZone(kind: .codeBlock, range: range))
            if dialect != .commonMark, depth < IndentedContainerBody.maximumDepth { codeBlocks.append(range) }
        case CMARK_NODE_HTML_BLOCK:
            zones.append(ForbiddenZone(kind: .htmlBlock, range: wholeLines(withinContainers(node, position))))
        case CMARK_NODE_THEMATIC_BREAK:
            zones.append(ForbiddenZone(kind: .thematicBreak, range: wholeLines(position)))
        case CMARK_NODE_TEXT:
            text(node, position)
        case CMARK_NODE_CODE:
            code(node, position)
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            appendReadText(" ")
        case CMARK_NODE_HTML_INLINE:
            htmlInline(node, position)
        case CMARK_NODE_EMPH, CMARK_NODE_STRONG:
            emphasisDepth += 1
            emphasisOutline.append(type == CMARK_NODE_STRONG ? UInt8(ascii: "s") : UInt8(ascii: "e"))
            if runInHeadingDepth > 0 {
                runInHeadingDepth += 1
            } else if type == CMARK_NODE_STRONG, heading == nil, paragraph != nil,
                cmark_node_previous(node) == nil, cmark_node_get_type(cmark_node_parent(node)) == CMARK_NODE_PARAGRAPH
            {
                runInHeadingDepth = 1
            }
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            openLinks.append(
                OpenLink(
                    startLine: position.startLine, startColumn: position.startColumn, destination: destination,
                    isImage: type == CMARK_NODE_IMAGE))
        default:
            break
        }
    }

    private mutating func exit(_ node: OpaquePointer) {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_ITEM:
            _ = containers.popLast()
        case CMARK_NODE_PARAGRAPH:
            if heading == nil { finishParagraph() }
        case CMARK_NODE_HEADING:
            finishHeading(Position(node))
        case CMARK_NODE_EMPH, CMARK_NODE_STRONG:
            emphasisDepth -= 1
            emphasisOutline.append(UInt8(ascii: ")"))
            if runInHeadingDepth > 0 { runInHeadingDepth -= 1 }
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            finishLink(Position(node))
        default:
            break
        }
    }

    // MARK: Inlines

    private mutating func text(_ node: OpaquePointer, _ position: Position) {
        let literal = literalBytes(node)
        appendReadText(literal)
        // `take()` leaves the state uniquely referenced: appending to its arrays never copies them.
        guard heading == nil, openLinks.isEmpty, var state = paragraph.take() else { return }
        defer { paragraph = state }
        guard state.htmlDepth == 0, runInHeadingDepth == 0 else { return }
        guard let range = inlineRange(position, in: &state), range.lowerBound >= state.cursor,
            let runs = TextAligner.identicalRuns(raw: raw, range: range, literal: literal)
        else {
            unmapped += 1
            return
        }
        state.cursor = range.upperBound
        for run in runs {
            state.spans.append(
                TextSpan(range: run, block: state.block, context: state.context, emphasized: emphasisDepth > 0))
        }
    }

    private mutating func code(_ node: OpaquePointer, _ position: Position) {
        let literal = literalBytes(node)
        appendReadText(literal)
        guard heading == nil, var state = paragraph.take() else { return }
        defer { paragraph = state }
        guard let content = inlineRange(position, in: &state), let whole = codeSpanRange(around: content) else {
            return
        }
        zones.append(ForbiddenZone(kind: .codeSpan, range: whole))
        state.cursor = max(state.cursor, whole.upperBound)
        guard openLinks.isEmpty, state.htmlDepth == 0, runInHeadingDepth == 0, position.startLine == position.endLine else { return }
        state.codeSpans.append(
            CodeSpan(
                range: whole, code: String(decoding: literal, as: UTF8.self), block: state.block,
                context: state.context))
    }

    private mutating func htmlInline(_ node: OpaquePointer, _ position: Position) {
        let literal = String(decoding: literalBytes(node), as: UTF8.self)
        guard heading == nil, var state = paragraph.take() else { return }
        defer { paragraph = state }
        if let range = inlineRange(position, in: &state) {
            zones.append(ForbiddenZone(kind: .htmlInline, range: range))
        }
        state.htmlDepth = max(0, state.htmlDepth + HTMLTag.depthChange(literal))
    }

    private mutating func finishLink(_ position: Position) {
        guard let open = openLinks.popLast() else { return }
        appendReadText(open.text)
        if heading != nil {
            headingLink(open, position)
            return
        }
        guard var state = paragraph.take() else { return }
        defer { paragraph = state }
        let start = Position(
            startLine: open.firstChildLine ?? open.startLine, startColumn: open.startColumn, endLine: position.endLine,
            endColumn: position.endColumn)
        var range = inlineRange(start, in: &state).flatMap { looksLikeLink($0) ? $0 : nil }
        if range == nil { range = rebuiltLinkRange(open, in: &state) }
        guard let range else {
            unmapped += 1
            return
        }
        state.cursor = max(state.cursor, range.upperBound)
        recordLink(open, range: range)
    }

    /// The link's range found from its children when cmark's own position for it does not check out:
    /// back from the first child to `[` or `<`, forward from the last child to `]` (and the destination
    /// or label after it) or `>`.
    private func rebuiltLinkRange(_ open: OpenLink, in state: inout ParagraphState) -> Range<Int>? {
        guard let first = open.firstChild, let last = open.lastChild,
            let childStart = inlineRange(first, in: &state)?.lowerBound,
            let childEnd = inlineRange(last, in: &state)?.upperBound
        else { return nil }
        let markers: Set<UInt8> = [UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`")]
        var start = childStart
        while start > 0, markers.contains(raw[start - 1]) { start -= 1 }
        guard start > 0 else { return nil }
        start -= 1
        var end = childEnd
        while end < raw.count, markers.contains(raw[end]) { end += 1 }
        guard end < raw.count else { return nil }
        if raw[start] == UInt8(ascii: "<") {
            return raw[end] == UInt8(ascii: ">") ? start..<(end + 1) : nil
        }
        guard raw[start] == UInt8(ascii: "["), raw[end] == UInt8(ascii: "]") else { return nil }
        if open.isImage {
            guard start > 0, raw[start - 1] == UInt8(ascii: "!") else { return nil }
            start -= 1
        }
        end += 1
        guard end < raw.count else { return start..<end }
        if raw[end] == UInt8(ascii: "(") {
            // Inline destination: to the matching `)`, minding nested parentheses and escapes.
            var depth = 0
            var index = end
            while index < raw.count {
                switch raw[index] {
                case UInt8(ascii: "\\"): index += 1
                case UInt8(ascii: "("): depth += 1
                case UInt8(ascii: ")"):
                    depth -= 1
                    if depth == 0 { return start..<(index + 1) }
                default: break
                }
                index += 1
            }
            return nil
        }
        if raw[end] == UInt8(ascii: "["), let close = raw[end...].firstIndex(of: UInt8(ascii: "]")) {
            return start..<(close + 1)
        }
        return start..<end
    }

    /// A link in a heading is still an existing link (the heading is forbidden as a whole). Headings
    /// have no continuation-line column quirk to correct; a range that does not read as a link is dropped.
    private mutating func headingLink(_ open: OpenLink, _ position: Position) {
        guard let start = offset(line: open.firstChildLine ?? open.startLine, column: open.startColumn),
            let endInclusive = offset(line: position.endLine, column: position.endColumn), endInclusive >= start,
            endInclusive < raw.count, looksLikeLink(start..<(endInclusive + 1))
        else {
            unmapped += 1
            return
        }
        recordLink(open, range: start..<(endInclusive + 1))
    }

    private func looksLikeLink(_ range: Range<Int>) -> Bool {
        let first = raw[range.lowerBound]
        let last = raw[range.upperBound - 1]
        let opensRight = first == UInt8(ascii: "[") || first == UInt8(ascii: "!") || first == UInt8(ascii: "<")
        let closesRight = last == UInt8(ascii: ")") || last == UInt8(ascii: "]") || last == UInt8(ascii: ">")
        return opensRight && closesRight
    }

    private mutating func recordLink(_ open: OpenLink, range: Range<Int>) {
        let kind: MarkdownLink.Kind
        if open.isImage {
            kind = .image
        } else if raw[range.lowerBound] == UInt8(ascii: "<") {
            kind = .autolink
        } else {
            kind = .inline
        }
        let zoneKind: ForbiddenZone.Kind = kind == .image ? .image : (kind == .autolink ? .autolink : .link)
        zones.append(ForbiddenZone(kind: zoneKind, range: range))
        links.append(MarkdownLink(kind: kind, destination: open.destination, text: open.text, range: range))
    }

    /// Link and heading text accumulates what a reader sees.
    /// `appendReadText(_:)` for a node's literal bytes, decoded only when a link or heading is open.
    private mutating func appendReadText(_ literal: [UInt8]) {
        guard !openLinks.isEmpty || heading != nil else { return }
        appendReadText(String(decoding: literal, as: UTF8.self))
    }

    private mutating func appendReadText(_ text: String) {
        if !openLinks.isEmpty {
            openLinks[openLinks.count - 1].text += text
        } else if heading != nil {
            heading!.text += text
        }
    }

    // MARK: Blocks

    private mutating func finishHeading(_ position: Position) {
        guard let state = heading else { return }
        heading = nil
        var position = position
        // cmark ends a setext heading that a paragraph follows at the end of that paragraph's first line
        // (`a` / `---` / `text` reports 1:1-3:4): the heading really ends at its underline, the first
        // line after its first that is all `=` or all `-` (no paragraph line can be one: it would be an underline).
        if position.endLine > position.startLine {
            for line in (position.startLine + 1)...position.endLine where isSetextUnderline(line: line) {
                position.endLine = line
                position.endColumn = Int.max
                break
            }
        }
        let range = wholeLines(position)
        zones.append(ForbiddenZone(kind: .heading, range: range))
        // A `# comment` line in a template body (a shell listing in `{{< highlight >}}`) is no heading.
        if isInTemplateBody(range.lowerBound) { return }
        let (text, customID) = HeadingID.splitCustomID(state.text.trimming(" \t"))
        headings.append(Heading(level: state.level, text: text, range: range, id: customID ?? HeadingID.slug(text)))
        wordCount += WordCounter.count(text)
    }

    /// Whether a body line is `===` or `---` (after container markers and blanks, blanks after).
    private func isSetextUnderline(line: Int) -> Bool {
        guard let start = offset(line: line, column: 1) else { return false }
        var content = raw[start..<lineContentEnd(from: start)].drop { $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: ">") }
        while let last = content.last, last == 0x20 || last == 0x09 { content = content.dropLast() }
        guard let first = content.first, first == UInt8(ascii: "=") || first == UInt8(ascii: "-") else { return false }
        return content.allSatisfy { $0 == first }
    }

    private mutating func finishParagraph() {
        guard var state = paragraph else { return }
        paragraph = nil
        if state.isTable { splitTableCells(&state) }
        var merged: [TextSpan] = []
        for span in state.spans {
            if let last = merged.last, last.range.upperBound == span.range.lowerBound,
                last.emphasized == span.emphasized
            {
                merged[merged.count - 1] = TextSpan(
                    range: last.range.lowerBound..<span.range.upperBound, block: last.block, context: last.context,
                    emphasized: last.emphasized)
            } else {
                merged.append(span)
            }
        }
        let paragraphZones = paragraphConstructs(in: merged, codeSpans: state.codeSpans)
        zones.append(contentsOf: paragraphZones)
        let cuts = paragraphCuts(paragraphZones, over: merged)
        var nextCut = 0
        for span in merged {
            // Template bodies, fences and MDX constructs first (they may reach over several spans), then
            // the constructs inside each remaining piece. Findings come in order and do not overlap: the
            // pieces are the gaps between them.
            var outside: [Range<Int>] = []
            var outsideStart = span.range.lowerBound
            while nextCut < cuts.count, cuts[nextCut].upperBound <= span.range.lowerBound { nextCut += 1 }
            var cutIndex = nextCut
            while cutIndex < cuts.count, cuts[cutIndex].lowerBound < span.range.upperBound {
                let cut = cuts[cutIndex].clamped(to: span.range)
                if cut.lowerBound > outsideStart { outside.append(outsideStart..<cut.lowerBound) }
                outsideStart = max(outsideStart, cut.upperBound)
                cutIndex += 1
            }
            if outsideStart < span.range.upperBound { outside.append(outsideStart..<span.range.upperBound) }
            var pieces: [Range<Int>] = []
            for part in outside {
                var pieceStart = part.lowerBound
                for finding in RawConstructs.find(in: raw, range: part) {
                    zones.append(finding.zone)
                    if let link = finding.link {
                        if let whole = TemplateLinkText.whole(link, links: links, raw: raw) {
                            zones.append(ForbiddenZone(kind: .template, range: whole.link.range))
                            links.append(whole.link)
                            widenedTemplateLinks.append(whole.link.range)
                            if let replaced = whole.replaces { replacedLinks.append(replaced) }
                        } else {
                            links.append(link)
                        }
                    }
                    let cut = finding.zone.range.clamped(to: part)
                    if cut.lowerBound > pieceStart { pieces.append(pieceStart..<cut.lowerBound) }
                    pieceStart = max(pieceStart, cut.upperBound)
                }
                if pieceStart < part.upperBound { pieces.append(pieceStart..<part.upperBound) }
            }
            for piece in pieces where !piece.isEmpty {
                spans.append(
                    TextSpan(range: piece, block: span.block, context: span.context, emphasized: span.emphasized))
                wordCount += WordCounter.count(raw[piece])
            }
        }
        // A code span in a cut (a fence's title, an MDX expression, a template body) is no anchor either.
        var codeCut = 0
        for code in state.codeSpans {
            while codeCut < cuts.count, cuts[codeCut].upperBound <= code.range.lowerBound { codeCut += 1 }
            if codeCut < cuts.count, cuts[codeCut].overlaps(code.range) { continue }
            codeSpans.append(code)
        }
    }

    /// Parses the indented bodies of MkDocs admonitions and content tabs, and in MDX every indented block (code
    /// blocks to cmark), as Markdown of their own and takes what they hold, mapped onto the file's bytes, in
    /// place of the code zone. The file's
    /// link reference definitions are appended to each body, so its reference links resolve as MkDocs
    /// resolves them (a `[text][ref]` left unresolved would read as prose a link could land in).
    private mutating func expandIndentedContainerBodies() {
        guard !codeBlocks.isEmpty else { return }
        var definitions: [UInt8] = [0x0A, 0x0A]
        for zone in zones where zone.kind == .linkReferenceDefinition {
            definitions.append(contentsOf: raw[zone.range])
            definitions.append(0x0A)
        }
        var expanded: Set<Range<Int>> = []
        // Bytes parsed again, at most: the definitions copied into every body could otherwise make a file of
        // many bodies and many definitions quadratic. Bodies past the budget stay code (never linked).
        var budget = 8 * raw.count + 1_000_000
        for block in codeBlocks {
            guard let body = IndentedContainerBody(raw: raw, lines: lines, block: block, requiresOpener: dialect == .mkdocs)
            else { continue }
            // Only a body with a `]` can hold a reference link.
            let tail = body.bytes.contains(UInt8(ascii: "]")) ? definitions : []
            budget -= body.bytes.count + tail.count
            guard budget >= 0 else { break }
            var converter = CommonMarkConverter(
                raw: body.bytes + tail, frontMatter: nil, dialect: dialect, shortcodes: shortcodes, depth: depth + 1)
            let document = converter.convert()
            let limit = body.bytes.count
            let blockBase = blockCounter + 1
            var highestBlock = 0
            for span in document.spans where span.range.upperBound <= limit {
                spans.append(
                    TextSpan(
                        range: body.fileRange(span.range), block: blockBase + span.block, context: span.context,
                        emphasized: span.emphasized))
                highestBlock = max(highestBlock, span.block)
            }
            for code in document.codeSpans where code.range.upperBound <= limit {
                codeSpans.append(
                    CodeSpan(range: body.fileRange(code.range), code: code.code, block: blockBase + code.block, context: code.context))
                highestBlock = max(highestBlock, code.block)
            }
            for heading in document.headings where heading.range.upperBound <= limit {
                headings.append(Heading(level: heading.level, text: heading.text, range: body.fileRange(heading.range), id: heading.id))
            }
            for link in document.links where link.range.upperBound <= limit {
                links.append(
                    MarkdownLink(
                        kind: link.kind, destination: link.destination, template: link.template, text: link.text,
                        range: body.fileRange(link.range)))
            }
            for zone in document.forbiddenZones where zone.range.upperBound <= limit {
                zones.append(ForbiddenZone(kind: zone.kind, range: body.fileRange(zone.range)))
            }
            blockCounter = blockBase + highestBlock
            wordCount += document.wordCount
            unmapped += document.unmappedTextCount
            emphasisOutline.append(contentsOf: document.emphasisOutline.utf8)
            expanded.insert(block)
        }
        guard !expanded.isEmpty else { return }
        zones.removeAll { $0.kind == .codeBlock && expanded.contains($0.range) }
        spans.sort { $0.range.lowerBound < $1.range.lowerBound }
        codeSpans.sort { $0.range.lowerBound < $1.range.lowerBound }
        headings.sort { $0.range.lowerBound < $1.range.lowerBound }
        links.sort { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Whether `offset` lies in a template body (binary search: the bodies are in order and apart).
    private func isInTemplateBody(_ offset: Int) -> Bool {
        var low = 0
        var high = templateBodies.count
        while low < high {
            let middle = (low + high) / 2
            if templateBodies[middle].upperBound <= offset { low = middle + 1 } else { high = middle }
        }
        return low < templateBodies.count && templateBodies[low].contains(offset)
    }

    /// What is cut out of a paragraph's spans before `RawConstructs` looks at them: its `paragraphZones` and
    /// the template bodies over it, merged into ranges in order and apart (so one walk over the spans
    /// cuts them all, however they nest).
    private mutating func paragraphCuts(_ paragraphZones: [ForbiddenZone], over spans: [TextSpan]) -> [Range<Int>] {
        guard let first = spans.first, let last = spans.last else { return [] }
        // Paragraphs come in order: the template bodies before this one are never looked at again.
        while nextTemplateBody < templateBodies.count, templateBodies[nextTemplateBody].upperBound <= first.range.lowerBound {
            nextTemplateBody += 1
        }
        var ranges = paragraphZones.map(\.range)
        var body = nextTemplateBody
        while body < templateBodies.count, templateBodies[body].lowerBound < last.range.upperBound {
            ranges.append(templateBodies[body])
            body += 1
        }
        return ranges.unionInOrder()
    }

    /// Container fences and, in MDX, ESM, expressions and JSX in the paragraph (`ParagraphConstructs`),
    /// sorted; the paragraph ends where its last text or code span's line does.
    private func paragraphConstructs(in spans: [TextSpan], codeSpans: [CodeSpan]) -> [ForbiddenZone] {
        guard let first = spans.first else { return [] }
        let lastByte = max(spans.last?.range.upperBound ?? first.range.upperBound, codeSpans.last?.range.upperBound ?? 0)
        let paragraphEnd = lineContentEnd(from: lastByte)
        return ParagraphConstructs.zones(
            in: raw, lines: lines, spans: spans.map(\.range), paragraphEnd: paragraphEnd, dialect: dialect)
    }

    /// GFM tables are paragraphs to cmark: split prose at cell borders and drop the delimiter row.
    private mutating func splitTableCells(_ state: inout ParagraphState) {
        let delimiterLine = state.startLine + 1
        if let start = offset(line: delimiterLine, column: 1) {
            let end = lineContentEnd(from: start)
            zones.append(ForbiddenZone(kind: .tableDelimiter, range: start..<end))
            state.spans.removeAll { $0.range.lowerBound >= start && $0.range.lowerBound < end }
        }
        state.spans = state.spans.flatMap { span -> [TextSpan] in
            var pieces: [TextSpan] = []
            var pieceStart = span.range.lowerBound
            for index in span.range where raw[index] == UInt8(ascii: "|") {
                pieces.append(
                    TextSpan(range: pieceStart..<index, block: span.block, context: .tableCell, emphasized: span.emphasized))
                pieceStart = index + 1
            }
            pieces.append(
                TextSpan(
                    range: pieceStart..<span.range.upperBound, block: span.block, context: .tableCell,
                    emphasized: span.emphasized))
            return pieces.filter { !$0.range.isEmpty }
        }
    }

    private func looksLikeTable(startLine: Int, endLine: Int) -> Bool {
        guard endLine > startLine, let first = offset(line: startLine, column: 1),
            let second = offset(line: startLine + 1, column: 1)
        else { return false }
        let header = raw[first..<lineContentEnd(from: first)]
        var delimiter = raw[second..<lineContentEnd(from: second)]
        // Inside a block quote the row carries the `>` marker.
        while let head = delimiter.first, head == UInt8(ascii: ">") || head == 0x20 { delimiter = delimiter.dropFirst() }
        let allowed = Set("|:- \t".utf8)
        return header.contains(UInt8(ascii: "|")) && delimiter.contains(UInt8(ascii: "-"))
            && delimiter.allSatisfy { allowed.contains($0) }
            && (delimiter.contains(UInt8(ascii: "|")) || header.contains(UInt8(ascii: "|")))
    }

    /// Link reference definitions leave no node behind; find their lines in the raw text.
    private mutating func markLinkReferenceDefinitions() {
        // Lines and both lists are in file order, so one pass with a cursor into each stays linear.
        let blocked = zones.filter { $0.kind == .codeBlock || $0.kind == .htmlBlock || $0.kind == .frontMatter }
            .map(\.range).sorted { $0.lowerBound < $1.lowerBound }
        var blockCursor = 0
        var blockReach = 0
        var spanCursor = 0
        for lineIndex in 0..<lines.lineCount {
            let start = max(lines.start(ofLineAt: lineIndex), bodyStart)
            guard start < raw.count else { continue }
            while blockCursor < blocked.count, blocked[blockCursor].lowerBound <= start {
                blockReach = max(blockReach, blocked[blockCursor].upperBound)
                blockCursor += 1
            }
            guard blockReach <= start else { continue }
            // A definition's line starts with `[` after at most three spaces: any other line is passed
            // without finding its end (which read every byte of the file again).
            var first = start
            while first < raw.count, first - start < 3, raw[first] == 0x20 { first += 1 }
            guard first < raw.count, raw[first] == UInt8(ascii: "[") else { continue }
            let end = lineContentEnd(from: start)
            guard LinkReferenceDefinition.matches(raw[start..<end]) else { continue }
            while spanCursor < spans.count, spans[spanCursor].range.upperBound <= start { spanCursor += 1 }
            let touchesProse = spans[spanCursor...].prefix { $0.range.lowerBound < end }.contains { $0.range.overlaps(start..<end) }
            if !touchesProse { zones.append(ForbiddenZone(kind: .linkReferenceDefinition, range: start..<end)) }
        }
    }

    // MARK: Positions

    private struct Position {
        var startLine: Int
        var startColumn: Int
        var endLine: Int
        var endColumn: Int

        init(startLine: Int, startColumn: Int, endLine: Int, endColumn: Int) {
            self.startLine = startLine
            self.startColumn = startColumn
            self.endLine = endLine
            self.endColumn = endColumn
        }

        init(_ node: OpaquePointer) {
            startLine = Int(cmark_node_get_start_line(node))
            startColumn = Int(cmark_node_get_start_column(node))
            endLine = Int(cmark_node_get_end_line(node))
            endColumn = Int(cmark_node_get_end_column(node))
        }
    }

    /// Byte offset of a body line and column as cmark reports them.
    private func offset(line: Int, column: Int) -> Int? {
        let fileLine = bodyFirstLine + line - 1
        guard line >= 1, column >= 1, fileLine <= lines.lineCount else { return nil }
        let base = line == 1 ? bodyStart : lines.start(ofLineAt: fileLine - 1)
        let value = base + column - 1
        return value <= raw.count ? value : nil
    }

    private func lineContentEnd(from start: Int) -> Int {
        FrontMatterBlock.endOfLineContent(in: raw, from: start)
    }

    /// `position` ending no later than any container around `node` ends. cmark reports a fenced code
    /// block left open in a list item or block quote as ending at the end of the block that closed the
    /// container (`- a` / blank / fence / code / blank / `Next paragraph.`: the code "ends" at the end of
    /// the paragraph after the list), while the container itself ends where it should.
    private func withinContainers(_ node: OpaquePointer, _ position: Position) -> Position {
        var clamped = position
        var parent = cmark_node_parent(node)
        while let container = parent, cmark_node_get_type(container) != CMARK_NODE_DOCUMENT {
            let end = Position(container)
            if (end.endLine, end.endColumn) < (clamped.endLine, clamped.endColumn), end.endLine >= clamped.startLine {
                clamped.endLine = end.endLine
                clamped.endColumn = end.endColumn
            }
            parent = cmark_node_parent(container)
        }
        return clamped
    }

    /// From the start of the first line to the end of the last line's content.
    private func wholeLines(_ position: Position) -> Range<Int> {
        let start = offset(line: position.startLine, column: 1) ?? bodyStart
        var endLine = position.endLine
        // cmark reports some blocks as ending at column 0 of the line after them.
        if position.endColumn == 0, endLine > position.startLine { endLine -= 1 }
        let lastStart = offset(line: endLine, column: 1) ?? start
        return start..<max(start, lineContentEnd(from: max(lastStart, start)))
    }

    /// The raw range of an inline node. cmark's inline columns on a paragraph's continuation lines
    /// count from where the line's container content would start, ignoring the blanks it stripped
    /// (indented continuation) or the indentation that is missing (lazy continuation). The first node
    /// reported on such a line sits where the raw line's content starts after blanks and `>` markers.
    private func inlineRange(_ position: Position, in state: inout ParagraphState) -> Range<Int>? {
        let startDelta = delta(for: position.startLine, column: position.startColumn, in: &state)
        let endDelta = delta(for: position.endLine, column: nil, in: &state)
        guard let start = offset(line: position.startLine, column: position.startColumn + startDelta),
            let endInclusive = offset(line: position.endLine, column: position.endColumn + endDelta),
            endInclusive >= start, endInclusive < raw.count
        else { return nil }
        return start..<(endInclusive + 1)
    }

    private static let inlineTypes: Set<UInt32> = [
        CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK, CMARK_NODE_IMAGE,
        CMARK_NODE_HTML_INLINE,
    ].map(\.rawValue).reduce(into: []) { $0.insert($1) }

    /// The first node cmark reports on a continuation line fixes that line's column correction,
    /// provided the raw line really opens with what that node opens with (cmark misreports the start
    /// line of nodes that span lines, so a node that does not fit is not trusted).
    private mutating func noteFirstNodeOfLine(_ node: OpaquePointer, type: cmark_node_type, _ position: Position) {
        // Read in place: a copy of the state would copy its arrays on the write below (quadratic in a long paragraph).
        guard let startLine = paragraph?.startLine, position.startLine != startLine,
            paragraph?.deltas[position.startLine] == nil, let lineStart = offset(line: position.startLine, column: 1)
        else { return }
        let lineEnd = lineContentEnd(from: lineStart)
        var contentStart = lineStart
        while contentStart < lineEnd,
            raw[contentStart] == 0x20 || raw[contentStart] == 0x09 || raw[contentStart] == UInt8(ascii: ">")
        {
            contentStart += 1
        }
        guard contentStart < lineEnd else { return }
        let opening = raw[contentStart]
        var reported = position.startColumn
        switch type {
        case CMARK_NODE_TEXT:
            let literal = literalBytes(node)
            guard let first = literal.first,
                first == opening || opening == UInt8(ascii: "\\") || opening == UInt8(ascii: "&")
            else { return }
        case CMARK_NODE_CODE:
            // cmark places a code node after its opening backticks.
            guard opening == UInt8(ascii: "`") else { return }
            var run = 0
            while contentStart + run < lineEnd, raw[contentStart + run] == UInt8(ascii: "`") { run += 1 }
            reported -= run
        case CMARK_NODE_EMPH, CMARK_NODE_STRONG:
            guard opening == UInt8(ascii: "*") || opening == UInt8(ascii: "_") else { return }
        case CMARK_NODE_LINK:
            guard opening == UInt8(ascii: "[") || opening == UInt8(ascii: "<") else { return }
        case CMARK_NODE_IMAGE:
            guard opening == UInt8(ascii: "!") else { return }
        case CMARK_NODE_HTML_INLINE:
            guard opening == UInt8(ascii: "<") else { return }
        default:
            return
        }
        paragraph?.deltas[position.startLine] = (contentStart - lineStart + 1) - reported
    }

    private func delta(for line: Int, column: Int?, in state: inout ParagraphState) -> Int {
        if line == state.startLine { return 0 }
        return state.deltas[line] ?? 0
    }

    /// Widens a code node's content range to the whole span, backtick runs included, and checks them.
    private func codeSpanRange(around content: Range<Int>) -> Range<Int>? {
        let tick = UInt8(ascii: "`")
        var start = content.lowerBound
        var end = content.upperBound
        if raw[start] != tick {
            while start > 0, raw[start - 1] == 0x20 { start -= 1 }
        }
        if start < raw.count, raw[start] == tick {
            // cmark reported the backticks themselves: measure the run forwards.
            var run = 0
            while start + run < raw.count, raw[start + run] == tick { run += 1 }
            end = max(end, start + run)
            if end - start <= 2 * run { return nil }
            return raw[(end - run)..<end].allSatisfy({ $0 == tick }) ? start..<end : nil
        }
        var openRun = 0
        while start - openRun - 1 >= 0, raw[start - openRun - 1] == tick { openRun += 1 }
        guard openRun > 0 else { return nil }
        while end < raw.count, raw[end] == 0x20 { end += 1 }
        var closeRun = 0
        while end + closeRun < raw.count, raw[end + closeRun] == tick { closeRun += 1 }
        guard closeRun == openRun else { return nil }
        return (start - openRun)..<(end + closeRun)
    }

    /// The node's literal as UTF-8 (invalid bytes repaired as `String(cString:)` does). An ASCII
    /// literal, most of them, is copied as it is, without making a `String` first.
    private func literalBytes(_ node: OpaquePointer) -> [UInt8] {
        guard let pointer = cmark_node_get_literal(node) else { return [] }
        let bytes = UnsafeRawBufferPointer(start: pointer, count: strlen(pointer))
        if bytes.allSatisfy({ $0 < 0x80 }) { return Array(bytes) }
        return Array(String(cString: pointer).utf8)
    }
}
