import Foundation
import Interlink
import InterlinkMarkdown
import Testing

/// Helpers for rewriter tests: hand-made suggestions at an exact place, and the inverse of a rewrite
/// (the new link syntax taken out again), so a test can check that only the anchor spans changed.
enum RewriteFixture {
    /// A suggestion linking the `occurrence`-th (0-based) appearance of `anchor` in `source` to `target`.
    static func suggestion(
        in site: Site, source: String, anchor: String, target: String, fragment: String? = nil, occurrence: Int = 0,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> Suggestion {
        let article = try #require(site.article(atPath: source), "no article at \(source)", sourceLocation: sourceLocation)
        let offsets = occurrences(of: Array(anchor.utf8), in: article.bytes)
        let offset = try #require(
            offsets.count > occurrence ? offsets[occurrence] : nil,
            "\"\(anchor)\" does not occur \(occurrence + 1) time(s) in \(source)", sourceLocation: sourceLocation)
        let location = article.document.lines.location(of: offset)
        let url = (site.article(atPath: target)?.url ?? "/missing/") + (fragment.map { "#" + $0 } ?? "")
        return try make(
            source: source, line: location.line, column: location.column, offset: offset, length: anchor.utf8.count,
            anchor: anchor, target: target, url: url, fragment: fragment)
    }

    /// A `Suggestion` from its fields (it has no public memberwise initialiser, but it is `Codable`).
    static func make(
        source: String, line: Int, column: Int, offset: Int, length: Int, anchor: String, target: String, url: String,
        fragment: String?
    ) throws -> Suggestion {
        var fields: [String: Any] = [
            "id": Suggestion.id(source: source, target: target, anchor: anchor), "source": source, "line": line, "column": column, "offset": offset, "length": length, "anchor": anchor,
            "target": target, "url": url, "score": 1.0, "reason": "test",
        ]
        if let fragment { fields["fragment"] = fragment }
        return try JSONDecoder().decode(Suggestion.self, from: JSONSerialization.data(withJSONObject: fields))
    }

    /// Byte offsets where `needle` starts in `haystack`.
    static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        guard !needle.isEmpty, haystack.count >= needle.count else { return [] }
        return (0...(haystack.count - needle.count)).filter { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    /// `bytes` with every occurrence of `link` replaced by `anchor`: the rewrite undone.
    static func removing(_ link: String, keeping anchor: String, from bytes: [UInt8]) -> [UInt8] {
        let needle = Array(link.utf8)
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if index + needle.count <= bytes.count, bytes[index..<(index + needle.count)].elementsEqual(needle) {
                result += Array(anchor.utf8)
                index += needle.count
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }

    /// The anchor bytes inside the raw bytes of a link Interlink writes: `[anchor](…)`, `[anchor]({{< … >}})`,
    /// `[[Note|anchor]]` or `[[anchor]]`.
    static func anchor(ofLink raw: [UInt8]) -> [UInt8]? {
        let open = UInt8(ascii: "["), close = UInt8(ascii: "]"), pipe = UInt8(ascii: "|")
        if raw.starts(with: [open, open]), raw.count >= 4 {
            let inner = Array(raw[2..<(raw.count - 2)])
            if let bar = inner.firstIndex(of: pipe) { return Array(inner[(bar + 1)...]) }
            return inner
        }
        guard raw.first == open, raw.last == UInt8(ascii: ")") else { return nil }
        // The text ends at the last `](` before the destination (our destinations never hold `](`).
        let pattern: [UInt8] = [close, UInt8(ascii: "(")]
        guard let split = occurrences(of: pattern, in: raw).last else { return nil }
        return Array(raw[1..<split])
    }

    /// `rewritten` with the links at `ranges` replaced by their anchors.
    static func removingLinks(at ranges: [Range<Int>], from rewritten: [UInt8]) -> [UInt8]? {
        var result = rewritten
        for range in ranges.sorted(by: { $0.lowerBound > $1.lowerBound }) {
            guard let anchor = anchor(ofLink: Array(rewritten[range])) else { return nil }
            result.replaceSubrange(range, with: anchor)
        }
        return result
    }

    /// Loads a one-generator site written from raw bytes.
    static func load(_ files: [String: [UInt8]]) async throws -> (TemporarySite, SiteLoader.Result) {
        let site = try TemporarySite([:])
        for (path, bytes) in files { try site.write(path, bytes: bytes) }
        let result = await site.load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        return (site, result)
    }
}
