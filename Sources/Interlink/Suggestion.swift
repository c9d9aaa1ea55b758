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

    public init(
        id: String, source: String, line: Int, column: Int, offset: Int, length: Int, anchor: String, target: String,
        url: String, fragment: String?, score: Double, reason: String
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
        self.reason = reason
    }
}

extension Suggestion {
    /// The id of a (source, target, anchor) triple: 12 hex digits of a 64-bit FNV-1a hash. The anchor
    /// is compared case-insensitively, so "Orphan pages" and "orphan pages" are one decision.
    public static func id(source: String, target: String, anchor: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in Array("\(source)\u{0}\(target)\u{0}\(anchor.lowercased())".utf8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(String(repeating: "0", count: max(0, 16 - hex.count)) + hex).prefix(12).description
    }
}
