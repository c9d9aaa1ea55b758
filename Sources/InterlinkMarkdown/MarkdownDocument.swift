/// A Markdown file as Interlink sees it: the places where a link may go, the places where one may
/// never go, and the links and headings it already has. Every range is a byte range in the
/// original file (front matter and BOM included), checked against the raw bytes.
public struct MarkdownDocument: Sendable {
    /// Line starts of the whole file, for reporting ranges as lines and columns.
    public let lines: LineTable
    /// The front-matter block, if the file has one.
    public let frontMatter: FrontMatterBlock?
    /// Runs of prose whose raw bytes are exactly the text a reader sees; the only places a link may be added.
    public let spans: [TextSpan]
    /// Inline code spans in prose: never linked inside, but a whole span may become an anchor.
    public let codeSpans: [CodeSpan]
    /// Headings in document order.
    public let headings: [Heading]
    /// Links the file already has (inline, reference, autolinks, wikilinks, template links).
    public let links: [MarkdownLink]
    /// Places where nothing may be inserted.
    public let forbiddenZones: [ForbiddenZone]
    /// Words of prose (spans and headings), a measure of article length.
    public let wordCount: Int
    /// Text nodes whose raw bytes could not be matched to cmark's text, and so were left unlinkable.
    public let unmappedTextCount: Int
    /// Emphasis and strong emphasis as cmark nests them, in document order: `e` opens emphasis, `s` strong
    /// emphasis, `)` closes the innermost. A new link must leave it alone: `a*b*` becomes `a*[b](x)*`, where
    /// the closing `*` no longer closes anything (it follows punctuation and precedes a letter).
    public let emphasisOutline: String

    public init(
        lines: LineTable, frontMatter: FrontMatterBlock?, spans: [TextSpan], codeSpans: [CodeSpan],
        headings: [Heading], links: [MarkdownLink], forbiddenZones: [ForbiddenZone], wordCount: Int,
        unmappedTextCount: Int, emphasisOutline: String = ""
    ) {
        self.emphasisOutline = emphasisOutline
        self.lines = lines
        self.frontMatter = frontMatter
        // Kept as long as the site is: without the spare room appending left in them.
        self.spans = spans.fitted()
        self.codeSpans = codeSpans.fitted()
        self.headings = headings.fitted()
        self.links = links.fitted()
        self.forbiddenZones = forbiddenZones
        self.wordCount = wordCount
        self.unmappedTextCount = unmappedTextCount
    }

    /// The first level-1 heading's text, used as a title fallback.
    public var firstH1: String? { headings.first(where: { $0.level == 1 })?.text }
}

/// The kind of block a prose span sits in; ranking and policy treat them differently.
public enum BlockContext: String, Sendable, Hashable, Codable {
    /// A top-level paragraph.
    case paragraph
    /// A paragraph inside a list item.
    case listItem
    /// A paragraph inside a block quote.
    case blockQuote
    /// A cell of a GFM table (cmark sees the table as a paragraph).
    case tableCell
}

/// A run of prose text on one line whose raw bytes equal what a reader sees.
///
/// Stored in 16 bytes (32-bit offsets): a large site holds millions of spans. Files are limited to
/// 4 GiB (`MarkdownParser.maximumFileSize`).
public struct TextSpan: Sendable, Hashable {
    private let start: UInt32
    private let end: UInt32
    private let blockIndex: Int32
    /// Where the block sits.
    public let context: BlockContext
    /// Whether the span sits inside emphasis or strong emphasis.
    public let emphasized: Bool

    /// Byte range in the file.
    public var range: Range<Int> { Int(start)..<Int(end) }
    /// Index of the block (paragraph, cell row) the span belongs to, in document order.
    public var block: Int { Int(blockIndex) }

    public init(range: Range<Int>, block: Int, context: BlockContext, emphasized: Bool) {
        self.start = UInt32(range.lowerBound)
        self.end = UInt32(range.upperBound)
        self.blockIndex = Int32(block)
        self.context = context
        self.emphasized = emphasized
    }
}

/// An inline code span in prose.
public struct CodeSpan: Sendable, Hashable {
    /// Byte range of the whole span, backticks included.
    public let range: Range<Int>
    /// The code as cmark reads it (backticks and padding removed).
    public let code: String
    /// Index of the block it belongs to.
    public let block: Int
    /// Where the block sits.
    public let context: BlockContext

    public init(range: Range<Int>, code: String, block: Int, context: BlockContext) {
        self.range = range
        self.code = code
        self.block = block
        self.context = context
    }
}

/// A heading with the id a generator gives it, for `#fragment` checks and section links.
public struct Heading: Sendable, Hashable {
    /// 1 to 6.
    public let level: Int
    /// Plain text of the heading.
    public let text: String
    /// Byte range of the whole heading block.
    public let range: Range<Int>
    /// The fragment id (`{#custom}` when given, otherwise a GitHub-style slug of the text).
    public let id: String

    public init(level: Int, text: String, range: Range<Int>, id: String) {
        self.level = level
        self.text = text
        self.range = range
        self.id = id
    }
}

/// A link already in the file.
public struct MarkdownLink: Sendable, Hashable {
    /// The syntax the link uses.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// `[text](dest)` or a reference link `[text][ref]`.
        case inline
        /// `<https://…>`.
        case autolink
        /// `[[Note]]` or `[[Note|text]]`.
        case wikilink
        /// `[text]({{< relref "x.md" >}})`, `[text]({% link x.md %})` and similar generator templates.
        case template
        /// An image; never a link target of ours, but a forbidden zone.
        case image
    }

    /// The syntax the link uses.
    public let kind: Kind
    /// The destination as written (for template links: the template's argument, e.g. `posts/a.md`).
    public let destination: String
    /// For template links: the template's name (`ref`, `relref`, `link`, `post_url`, or
    /// `liquidDestination`).
    public let template: String?
    /// The link text as a reader sees it.
    public let text: String
    /// Byte range of the whole link.
    public let range: Range<Int>
    /// Whether the byte after the link's first is a backtick: the text of `` [`name()`](…) `` opens
    /// with a code span (set by the parser from the file's bytes, so that a stage can tell without them).
    public internal(set) var textOpensWithBacktick = false

    public init(kind: Kind, destination: String, template: String? = nil, text: String, range: Range<Int>) {
        self.kind = kind
        self.destination = destination
        self.template = template
        self.text = text
        self.range = range
    }

    /// The template name of a `[text](…)` link whose destination holds Liquid output tags, such as
    /// `({{ '/docs/x/' | relative_url }})` or `({{ site.baseurl }}/docs/x/)`: cmark reads such a link as
    /// text (its destination holds blanks), Jekyll as a link. Its `destination` is the destination as
    /// written; the resolver works out the URL. Not a name Liquid could give a tag.
    public static let liquidDestination = "{{ }}"

    /// The link with `textOpensWithBacktick` as given (for a link read back from a cache).
    public func withTextOpeningWithBacktick(_ opens: Bool) -> MarkdownLink {
        var link = self
        link.textOpensWithBacktick = opens
        return link
    }
}

/// A place where nothing may be linked.
public struct ForbiddenZone: Sendable, Hashable {
    /// What the place is.
    public enum Kind: String, Sendable, Hashable, Codable {
        case frontMatter, heading, codeBlock, htmlBlock, htmlInline, link, image, autolink, bareURL
        case linkReferenceDefinition, template, wikilink, codeSpan, tableDelimiter, thematicBreak
        /// A container's fence line and title (`::: tip Title`, `!!! note "Title"`).
        case containerFence
        /// The body of a paired template that is not the page's Markdown (`{{< highlight >}}…`, `{% raw %}…`).
        case templateBody
        /// MDX: an ESM block, a `{…}` expression, a JSX tag cmark does not take for HTML.
        case esm, mdxExpression, jsx
        /// TeX math (`$…$`, `$$…$$`, `\(…\)`, `\[…\]`), which KaTeX or MathJax renders.
        case math
        /// An Obsidian comment `%%…%%`, which the page never shows.
        case comment
        /// A kramdown attribute list `{: .class #id}` (Jekyll), which sets attributes, not text.
        case attributeList
    }

    /// What the place is.
    public let kind: Kind
    /// Its byte range.
    public let range: Range<Int>

    public init(kind: Kind, range: Range<Int>) {
        self.kind = kind
        self.range = range
    }
}

extension MarkdownDocument {
    /// The ranges of the prose and code spans in GFM table cells, where a link's text may hold no `|`
    /// (and a wikilink, whose `|` would end the cell, is written as a Markdown link).
    public var tableCellRanges: [Range<Int>] {
        spans.filter { $0.context == .tableCell }.map(\.range)
            + codeSpans.filter { $0.context == .tableCell }.map(\.range)
    }

    /// The block (paragraph, cell row) holding the given range: the block of the prose right before or
    /// after it, since links and code sit between spans of their block.
    public func block(containing range: Range<Int>) -> Int? {
        // Spans and code spans are each in document order: binary-search the neighbours.
        func lastEnding<T>(atOrBefore offset: Int, in items: [T], _ span: (T) -> Range<Int>) -> T? {
            var low = 0
            var high = items.count
            while low < high {
                let middle = (low + high) / 2
                if span(items[middle]).upperBound <= offset { low = middle + 1 } else { high = middle }
            }
            return low > 0 ? items[low - 1] : nil
        }
        func firstStarting<T>(atOrAfter offset: Int, in items: [T], _ span: (T) -> Range<Int>) -> T? {
            var low = 0
            var high = items.count
            while low < high {
                let middle = (low + high) / 2
                if span(items[middle]).lowerBound < offset { low = middle + 1 } else { high = middle }
            }
            return low < items.count ? items[low] : nil
        }
        let before = [
            lastEnding(atOrBefore: range.lowerBound, in: spans, \.range).map { ($0.block, $0.range) },
            lastEnding(atOrBefore: range.lowerBound, in: codeSpans, \.range).map { ($0.block, $0.range) },
        ].compactMap { $0 }.max { $0.1.upperBound < $1.1.upperBound }
        let after = [
            firstStarting(atOrAfter: range.upperBound, in: spans, \.range).map { ($0.block, $0.range) },
            firstStarting(atOrAfter: range.upperBound, in: codeSpans, \.range).map { ($0.block, $0.range) },
        ].compactMap { $0 }.min { $0.1.lowerBound < $1.1.lowerBound }
        // The neighbour must sit on the same line, or the range is in another block: a link that opens
        // a paragraph has the previous paragraph before it, on an earlier line, and its own prose after.
        let line = lines.location(of: range.lowerBound).line
        if let before, lines.location(of: before.1.upperBound).line == line { return before.0 }
        if let after, lines.location(of: after.1.lowerBound).line == line { return after.0 }
        return nil
    }
}

extension Array {
    /// The same elements in storage of exactly their count (itself when it already has no spare room).
    func fitted() -> [Element] {
        guard capacity > count else { return self }
        return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = buffer.initialize(fromContentsOf: self)
        }
    }
}
