/// A proposed link: where it goes in the source article, what it says, and where it points.
public struct Suggestion: Sendable, Hashable, Codable {
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
    /// Target article path, relative to the root.
    public var target: String
    /// What the link would point to (the target's URL, with `#fragment` for a section).
    public var url: String
    /// Section of the target the link points to, if any.
    public var fragment: String?
    /// Ranking score, 0…1.
    public var score: Double
    /// Why the link is proposed, in a sentence.
    public var reason: String
}
