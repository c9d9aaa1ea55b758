import Foundation
import InterlinkMarkdown

/// The `#fragment`s an article answers to: its heading ids (a repeated heading gets `-1`, `-2`… as
/// generators number them) and the `id` / `name` attributes of its raw HTML.
struct FragmentTargets {
    /// Every id, exactly as generated.
    let ids: Set<String>
    /// Heading texts in lower case, for wikilinks (`[[Note#Heading text]]`).
    let headingTexts: Set<String>
    /// Ids in document order, for "did you mean" proposals.
    let ordered: [String]

    init(article: Article) {
        var ids: Set<String> = []
        var ordered: [String] = []
        var seen: [String: Int] = [:]
        for heading in article.document.headings {
            let count = seen[heading.id, default: 0]
            seen[heading.id] = count + 1
            let id = count == 0 ? heading.id : "\(heading.id)-\(count)"
            if ids.insert(id).inserted { ordered.append(id) }
        }
        for zone in article.document.forbiddenZones where zone.kind == .htmlBlock || zone.kind == .htmlInline {
            for id in Self.htmlIDs(in: article.text(zone.range)) where ids.insert(id).inserted { ordered.append(id) }
        }
        self.ids = ids
        self.ordered = ordered
        self.headingTexts = Set(article.document.headings.map { $0.text.lowercased() })
    }

    /// Whether a link's fragment lands somewhere in the article. Fragments that are not element ids
    /// (text fragments `:~:text=`, Obsidian block references `^id`) are not checked.
    func contains(_ fragment: String, wikilink: Bool) -> Bool {
        let decoded = fragment.removingPercentEncoding ?? fragment
        if decoded.hasPrefix(":~:") || decoded.hasPrefix("^") { return true }
        if ids.contains(decoded) || ids.contains(fragment) { return true }
        if wikilink {
            return headingTexts.contains(decoded.lowercased()) || ids.contains(HeadingID.slug(decoded))
        }
        return false
    }

    /// The id closest to `fragment` (case, a typo or two), if one is close enough to be meant.
    func closest(to fragment: String) -> String? {
        let wanted = (fragment.removingPercentEncoding ?? fragment).lowercased()
        let scored = ordered.map { ($0, EditDistance.between(wanted, $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(2, wanted.count / 4) ? best.0 : nil
    }

    /// `id="…"` and `name="…"` attribute values in a piece of HTML.
    static func htmlIDs(in html: String) -> [String] {
        var result: [String] = []
        let pattern = #"(?i)\b(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')"#
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(html.startIndex..., in: html)
        for match in expression.matches(in: html, range: range) {
            for group in 1...2 {
                if let value = Range(match.range(at: group), in: html), !html[value].isEmpty {
                    result.append(String(html[value]))
                }
            }
        }
        return result
    }
}

/// Levenshtein distance over characters, for "did you mean" proposals.
enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
