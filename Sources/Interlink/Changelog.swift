import InterlinkMarkdown

/// A changelog or release history: five or more of its headings name a release and nothing else
/// ("3.4.3 / 2017-03-21", "v1.2.0", "[1.0.0] - 2017-06-20", "Version 2.1", "2020-01-07, Version 13.6.0
/// (Current), @author"), and they are most (four in five) of the headings at their level. Its entries
/// record what changed, and their authors do not link them to the rest of the site: Jekyll's history page
/// holds 84 releases and not one link to the docs, where Interlink had proposed twenty. No links are
/// proposed from such a page, and it is no dead end.
enum Changelog {
    /// Whether `headings` are those of a changelog.
    static func isChangelog(_ headings: [Heading]) -> Bool {
        // Every release heading holds a digit: most pages have too few such headings to look further.
        guard headings.count >= minimumReleases,
            headings.count(where: { $0.text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } }) >= minimumReleases
        else { return false }
        var releasesByLevel: [Int: Int] = [:]
        for heading in headings where namesRelease(heading.text) { releasesByLevel[heading.level, default: 0] += 1 }
        guard let level = releasesByLevel.keys.min(), let releases = releasesByLevel[level],
            releasesByLevel.values.reduce(0, +) >= minimumReleases
        else { return false }
        let atLevel = headings.count { $0.level == level }
        return releases * 5 >= atLevel * 4
    }

    /// The fewest release headings a changelog has.
    static let minimumReleases = 5

    /// Words a release heading may hold besides its version, dates and handles.
    private static let releaseWords: Set<String> = [
        "version", "release", "released", "v", "unreleased", "current", "lts", "stable", "beta", "alpha", "rc",
        "preview", "latest", "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec",
    ]

    /// Whether `text` names a release and nothing else: a version (`1.2`, `v3.4.3`, `13.6.0-rc.1`), with
    /// only dates, release words ("Version", "(Current)") and `@handles` around it.
    static func namesRelease(_ text: String) -> Bool {
        var sawVersion = false
        let separators: Set<Character> = [" ", "\t", "/", ",", "(", ")", "[", "]", "–", "—", ":", "|", "*", "_"]
        for token in text.split(whereSeparator: { separators.contains($0) }) {
            let word = token.lowercased()
            if word == "-" || word.hasPrefix("@") || releaseWords.contains(word) { continue }
            if isVersion(word) {
                sawVersion = true
                continue
            }
            // Dates and numbers: `2017-03-21`, `21`, `2017`.
            if word.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == ".") }) { continue }
            return false
        }
        return sawVersion
    }

    /// `1.2`, `v3.4.3`, `13.6.0-rc.1`: an optional `v`, then numbers joined by dots (two at least), then
    /// an optional pre-release part.
    private static func isVersion(_ word: String) -> Bool {
        var rest = Substring(word)
        if rest.hasPrefix("v") { rest = rest.dropFirst() }
        let core = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.allSatisfy({ !$0.isEmpty }) else { return false }
        let suffix = rest.dropFirst(core.count)
        return suffix.isEmpty || suffix.hasPrefix("-") || suffix.hasPrefix("+")
    }
}

extension Article {
    /// Whether the article is a changelog (`Changelog`): no links are proposed from it.
    public var isChangelog: Bool { Changelog.isChangelog(document.headings) }
}
