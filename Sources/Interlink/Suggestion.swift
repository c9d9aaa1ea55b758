/// A proposed link: where it goes in the source article, what it says, and where it points.
public struct Suggestion: Sendable, Hashable, Codable {
    /// Stable id from source, target and anchor: unchanged across runs while those are
    /// (used by `interlink reject` and `.interlink-ignore`).
    public var id: String
    /// Source article path, relative to the root.
    public var source: String
    /// 1-based line of the anchor.
    public var line: Int
    /// 1-based column of the anchor, in UTF-8 bytes.
    public var column: Int
    /// 0-based byte offset of the anchor in the file.
    public var offset: Int
    /// Length of the anchor in bytes.
    public var length: Int
    /// The anchor text exactly as written in the source.
    public var anchor: String
    /// The anchor as a reader sees it: a soft line break inside it (a phrase the writer wrapped) read as
    /// one space. One-line messages show this; `anchor` keeps the file's bytes.
    public var readAnchor: String { SoftLineBreak.readText(ArraySlice(Array(anchor.utf8))) }
    /// Target article path, relative to the root.
    public var target: String
    /// What the link would point to (the target's URL, with `#fragment` for a section).
    public var url: String
    /// Section of the target the link points to, if any.
    public var fragment: String?
    /// Ranking score, 0…1.
    public var score: Double
    /// Why the link is proposed, in a sentence. The suggester keeps its parts and the sentence is
    /// written when read (the report's writer reads it once): at 100,000 articles the sentences of
    /// every suggestion were 36 MB of the run's peak.
    public var reason: String {
        get { explanation.text }
        set { explanation = .text(newValue) }
    }
    /// What `reason` is made from.
    var explanation: SuggestionReason

    public init(
        id: String, source: String, line: Int, column: Int, offset: Int, length: Int, anchor: String, target: String,
        url: String, fragment: String?, score: Double, reason: String
    ) {
        self.init(
            id: id, source: source, line: line, column: column, offset: offset, length: length, anchor: anchor,
            target: target, url: url, fragment: fragment, score: score, explanation: .text(reason))
    }

    /// A suggestion whose reason is written from its parts when read.
    init(
        id: String, source: String, line: Int, column: Int, offset: Int, length: Int, anchor: String, target: String,
        url: String, fragment: String?, score: Double, explanation: SuggestionReason
    ) {
        self.id = id
        self.source = source
        self.line = line
        self.column = column
        self.offset = offset
        self.length = length
        self.anchor = anchor
        self.target = target
        self.url = url
        self.fragment = fragment
        self.score = score
        self.explanation = explanation
    }

    enum CodingKeys: String, CodingKey {
        case id, source, line, column, offset, length, anchor, target, url, fragment, score, reason
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.id = try container.decode(String.self, forKey: .id)
        self.source = try container.decode(String.self, forKey: .source)
        self.line = try container.decode(Int.self, forKey: .line)
        self.column = try container.decode(Int.self, forKey: .column)
        self.offset = try container.decode(Int.self, forKey: .offset)
        self.length = try container.decode(Int.self, forKey: .length)
        self.anchor = try container.decode(String.self, forKey: .anchor)
        self.target = try container.decode(String.self, forKey: .target)
        self.url = try container.decode(String.self, forKey: .url)
        self.fragment = try container.decodeIfPresent(String.self, forKey: .fragment)
        self.score = try container.decode(Double.self, forKey: .score)
        self.explanation = .text(try container.decode(String.self, forKey: .reason))
    }

    /// The same keys and values the synthesized encoding wrote when `reason` was a stored string.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(source, forKey: .source)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
        try container.encode(offset, forKey: .offset)
        try container.encode(length, forKey: .length)
        try container.encode(anchor, forKey: .anchor)
        try container.encode(target, forKey: .target)
        try container.encode(url, forKey: .url)
        try container.encodeIfPresent(fragment, forKey: .fragment)
        try container.encode(score, forKey: .score)
        try container.encode(reason, forKey: .reason)
    }
}

/// Why a link is proposed: the sentence itself, or the parts the suggester writes it from. Two
/// reasons are equal when their sentences are.
enum SuggestionReason: Sendable, Hashable {
    case text(String)
    case parts(Parts)

    /// What the sentence of a suggestion made by the suggester says (`Suggester.makeSuggestion`).
    struct Parts: Sendable {
        /// Where the topic comes from.
        var source: Topic.Source
        /// The topic's phrase, or the target's title when the anchor cites it (`citesTitle`); the
        /// topic's or article's own string, shared.
        var quoted: String
        var specificity: Double
        var relatedness: Double
        var ambiguity: Int32
        var citesTitle: Bool
        var isCitation: Bool
        var isListEntry: Bool
        var isQuotedTitle: Bool
        var isContentsEntry: Bool
        var pointsForward: Bool
        var namesOwnSubject: Bool
        var opensSection = false
    }

    var text: String {
        switch self {
        case .text(let text): return text
        case .parts(let parts): return parts.text
        }
    }

    static func == (lhs: SuggestionReason, rhs: SuggestionReason) -> Bool {
        lhs.text == rhs.text
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(text)
    }
}

extension SuggestionReason.Parts {
    var text: String {
        let sourceName: String
        switch source {
        case .title: sourceName = "the target's title"
        case .titlePart: sourceName = "part of the target's title"
        case .alias: sourceName = "an alias of the target"
        case .keyword: sourceName = "a keyword of the target"
        case .fileName: sourceName = "the target's file name"
        case .heading: sourceName = "a heading of the target"
        case .learned: sourceName = "anchor text other pages use for the target"
        case .codeName: sourceName = "an API name the target documents"
        case .release: sourceName = "the release the target announces"
        }
        var parts: [String]
        if citesTitle {
            parts = ["cites the target's title \"\(quoted)\""]
        } else {
            parts = ["matches \(sourceName) \"\(quoted)\""]
            if isCitation && !opensSection { parts[0] += ", written as its name" }
        }
        if opensSection { parts[0] += ", opening the section named after it" }
        if isContentsEntry {
            parts[0] += ", as an entry of a list of pages"
        } else if isListEntry {
            parts[0] += ", as an entry of a list"
        }
        if isQuotedTitle { parts[0] += ", in quotation marks" }
        parts.append("specificity " + FixedDecimal.text(specificity, places: 2))
        parts.append("relatedness " + FixedDecimal.text(relatedness, places: 2))
        if ambiguity > 1 { parts.append("phrase names \(ambiguity) pages") }
        if pointsForward { parts.append("target published later") }
        if namesOwnSubject {
            // A section's name counts as the source's own subject when it names one of its headings too.
            parts.append(source == .heading ? "words of this page's own title or headings" : "words of this page's own title")
        }
        return parts.joined(separator: "; ")
    }
}

extension Suggestion {
    /// The id of a (source, target, anchor) triple: 12 hex digits of a 64-bit FNV-1a hash of
    /// `source`, a 0 byte, `target`, a 0 byte and the anchor lower-cased (`String.lowercased()`). The
    /// anchor is compared case-insensitively, so "Orphan pages" and "orphan pages" are one decision.
    /// Ids are kept in `.interlink-ignore` files: what they hash must never change. Hashed from the
    /// strings' bytes in place (an ASCII anchor lower-cased byte by byte, the same bytes), without
    /// building the joined string and its hex text.
    public static func id(source: String, target: String, anchor: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        @inline(__always) func add(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        for byte in source.utf8 { add(byte) }
        add(0)
        for byte in target.utf8 { add(byte) }
        add(0)
        if anchor.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in anchor.utf8 { add((0x41...0x5A).contains(byte) ? byte | 0x20 : byte) }
        } else {
            for byte in anchor.lowercased().utf8 { add(byte) }
        }
        // The first 12 of the hash's 16 hex digits, leading zeros kept.
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8](repeating: 0, count: 12)
        for place in 0..<12 { text[place] = digits[Int((hash >> UInt64(60 - 4 * place)) & 0xF)] }
        return String(decoding: text, as: UTF8.self)
    }
}
