import InterlinkMarkdown
import Testing

/// A Markdown fixture whose expected places are marked in the text itself, so a test never
/// hard-codes an offset:
///
/// - `⟦…⟧` around text that must be exactly one linkable span (`MarkdownDocument.spans`);
/// - `⟪…⟫` around any other expected range (a code span, a link, a forbidden zone), which the
///   test compares with whatever collection it checks.
///
/// The markers are removed to get the input; every range is a byte range in that input. Markers
/// may nest (a `⟪link⟫` may hold nothing linkable, a `⟪cell row⟫` may hold several `⟦spans⟧`).
struct MarkedFixture {
    /// The file as the parser sees it, markers removed.
    let bytes: [UInt8]
    /// Byte ranges marked with `⟦…⟧`, in order of their opening marker.
    let spans: [Range<Int>]
    /// Byte ranges marked with `⟪…⟫`, in order of their opening marker.
    let marks: [Range<Int>]

    init(_ marked: String) {
        var bytes: [UInt8] = []
        var spanOpen: [(order: Int, start: Int)] = []
        var markOpen: [(order: Int, start: Int)] = []
        var spans: [(Int, Range<Int>)] = []
        var marks: [(Int, Range<Int>)] = []
        var order = 0
        for scalar in marked.unicodeScalars {
            switch scalar {
            case "⟦":
                spanOpen.append((order, bytes.count))
                order += 1
            case "⟧":
                let open = spanOpen.removeLast()
                spans.append((open.order, open.start..<bytes.count))
            case "⟪":
                markOpen.append((order, bytes.count))
                order += 1
            case "⟫":
                let open = markOpen.removeLast()
                marks.append((open.order, open.start..<bytes.count))
            default:
                bytes.append(contentsOf: String(scalar).utf8)
            }
        }
        precondition(spanOpen.isEmpty && markOpen.isEmpty, "unbalanced marker in fixture")
        self.bytes = bytes
        self.spans = spans.sorted { $0.0 < $1.0 }.map(\.1)
        self.marks = marks.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// Parses the fixture (front matter located first, as the loader does).
    func parse(dialect: MarkdownDialect = .commonMark) throws -> MarkdownDocument {
        try MarkdownParser.parse(bytes, dialect: dialect)
    }

    /// The text of a byte range of the input.
    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The texts of the `⟦…⟧` spans.
    var spanTexts: [String] { spans.map(text) }

    /// The texts of the `⟪…⟫` marks.
    var markTexts: [String] { marks.map(text) }
}

/// Parses `marked` and checks that its linkable spans are exactly the `⟦…⟧` ranges: no more, no
/// fewer, same bytes. Texts are compared first so that a failure reads as words, then ranges.
@discardableResult
func expectSpans(
    _ marked: String, dialect: MarkdownDialect = .commonMark, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> (MarkedFixture, MarkdownDocument) {
    let fixture = MarkedFixture(marked)
    let document = try fixture.parse(dialect: dialect)
    let actual = document.spans.map(\.range)
    #expect(actual.map(fixture.text) == fixture.spanTexts, sourceLocation: sourceLocation)
    #expect(actual == fixture.spans, sourceLocation: sourceLocation)
    #expect(document.unmappedTextCount == 0, "unmapped text nodes", sourceLocation: sourceLocation)
    return (fixture, document)
}

/// Checks that no span overlaps any forbidden zone and every span is one line of prose.
func expectSpansClear(
    of document: MarkdownDocument, in fixture: MarkedFixture,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    for span in document.spans {
        let clash = document.forbiddenZones.first { $0.range.overlaps(span.range) }
        #expect(
            clash == nil, "span '\(fixture.text(span.range))' overlaps \(String(describing: clash))",
            sourceLocation: sourceLocation)
        #expect(!fixture.bytes[span.range].contains(0x0A) && !fixture.bytes[span.range].contains(0x0D),
            sourceLocation: sourceLocation)
    }
}

/// The ranges of the zones of one kind, in order.
func zones(_ kind: ForbiddenZone.Kind, in document: MarkdownDocument) -> [Range<Int>] {
    document.forbiddenZones.filter { $0.kind == kind }.map(\.range)
}
