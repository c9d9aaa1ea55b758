/// The name a site puts in most of its titles ("Go" on the Go blog, "Rust" on Rust's), and each title
/// without it: writers cite "the Libz Blitz" and "Fearless Concurrency", not "The Rust Libz Blitz" or
/// "Fearless Concurrency with Rust", because on that site the name goes without saying.
struct SiteNameWords: Sendable {
    /// The site's name words, lower case, without a possessive.
    let words: Set<String>

    /// A site with fewer titles than this is too small to tell its name from a common word.
    static let minimumTitles = 8
    /// A name word is in at least this share of the titles.
    static let minimumShare = 0.25
    /// Prepositions that attach the name at the end of a title ("… with Rust", "… in Go").
    private static let trailingPrepositions: Set<String> = ["with", "in", "for", "on"]

    /// Finds the name words of a site from its titles: capitalised words in at least a quarter of them
    /// (and in at least `minimumTitles`), not stopwords and not the "-ing" verbs that open
    /// announcements ("Announcing", "Introducing").
    init(titles: [String]) {
        // Counted per run of titles on all cores, then summed.
        let runs = stride(from: 0, to: titles.count, by: 512).map { $0..<min($0 + 512, titles.count) }
        let partCounts = runs.parallelMap { run -> [String: Int] in
            var counts: [String: Int] = [:]
            for title in titles[run] {
                var seen = Set<String>()
                for bare in Self.nameCandidates(of: title) where seen.insert(bare).inserted {
                    counts[bare, default: 0] += 1
                }
            }
            return counts
        }
        var titleCounts: [String: Int] = [:]
        for counts in partCounts { titleCounts.merge(counts, uniquingKeysWith: +) }
        let needed = max(Double(Self.minimumTitles), Self.minimumShare * Double(titles.count))
        words = titles.count < Self.minimumTitles ? [] : Set(titleCounts.filter { Double($0.value) >= needed }.keys)
    }

    /// The words of `title` that could be the site's name, in order (repeats kept): capitalised words,
    /// lower-cased and without a possessive, that are not stopwords or "-ing" verbs.
    static func nameCandidates(of title: String) -> [String] {
        if let candidates = asciiNameCandidates(of: title) { return candidates }
        return characterNameCandidates(of: title)
    }

    /// `nameCandidates` read by `Character`s: any title.
    static func characterNameCandidates(of title: String) -> [String] {
        var result: [String] = []
        for word in words(of: title) where isCapitalisedWord(word) {
            let bare = withoutPossessive(word).lowercased()
            guard !Vocabulary.stopwords.contains(bare), !bare.hasSuffix("ing") else { continue }
            result.append(bare)
        }
        return result
    }

    /// `nameCandidates` read as bytes, for a title of ASCII without a carriage return (nearly every
    /// title), where each byte is a `Character` and the case rules are A–Z; nil for any other title.
    static func asciiNameCandidates(of title: String) -> [String]? {
        var title = title
        return title.withUTF8 { bytes -> [String]? in
            guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return nil }
            var result: [String] = []
            var start = 0
            while start < bytes.count {
                while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
                var end = start
                while end < bytes.count, bytes[end] != 0x20, bytes[end] != 0x09 { end += 1 }
                defer { start = end }
                // The word without punctuation at its end, then without a possessive.
                var last = end
                while last > start, Self.trailingPunctuation.contains(bytes[last - 1]) { last -= 1 }
                guard last > start, bytes[start] >= UInt8(ascii: "A"), bytes[start] <= UInt8(ascii: "Z") else { continue }
                if last - start > 2, bytes[last - 2] == UInt8(ascii: "'"), bytes[last - 1] == UInt8(ascii: "s") { last -= 2 }
                let bare = String(
                    decoding: bytes[start..<last].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
                guard !Vocabulary.stopwords.contains(bare), !bare.hasSuffix("ing") else { continue }
                result.append(bare)
            }
            return result
        }
    }

    /// What `trimmed(_:)` takes off a word's end, and the same as bytes.
    private static let trailingPunctuationText = ":;,.!?"
    private static let trailingPunctuation: [UInt8] = Array(trailingPunctuationText.utf8)

    /// `title` without the site's name where it only says which site this is: a leading name
    /// ("Go Concurrency Patterns", "The Rust Libz Blitz"), a leading possessive ("Rust's 2018 roadmap")
    /// or a trailing "with/in/for/on" name ("Text normalization in Go"). Nil when nothing is left to
    /// strip, or when what is left does not read as a name: fewer than two words, or starting with a
    /// stopword, or a bare name followed by a version number ("Go 1.2 is released", where the number
    /// belongs to the name).
    func shortTitle(_ title: String) -> String? {
        guard !words.isEmpty else { return nil }
        var parts = title.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let original = parts.count
        if parts.count > 1, ["the", "a", "an"].contains(parts[0].lowercased()), isName(parts[1]) {
            parts.removeFirst()
        }
        if let first = parts.first, isName(first) {
            let possessive = Self.withoutPossessive(first) != first
            guard parts.count > 1, possessive || Self.isCapitalisedWord(parts[1]) else { return nil }
            parts.removeFirst()
        } else if parts.count > 2, isName(Self.trimmed(parts[parts.count - 1])),
            Self.trailingPrepositions.contains(parts[parts.count - 2].lowercased())
        {
            parts.removeLast(2)
        }
        guard parts.count < original, parts.count >= 2, !Vocabulary.stopwords.contains(parts[0].lowercased()),
            !parts.contains(where: isName)
        else { return nil }
        return parts.joined(separator: " ")
    }

    private func isName(_ word: String) -> Bool {
        Self.isCapitalisedWord(word) && words.contains(Self.withoutPossessive(Self.trimmed(word)).lowercased())
    }

    private static func isCapitalisedWord(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first else { return false }
        return first.properties.isUppercase
    }

    private static func words(of title: String) -> [String] {
        title.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { trimmed(String($0)) }.filter { !$0.isEmpty }
    }

    /// The word without punctuation at its end ("Go:" → "Go").
    private static func trimmed(_ word: String) -> String {
        var end = word.endIndex
        while end > word.startIndex, trailingPunctuationText.contains(word[word.index(before: end)]) { end = word.index(before: end) }
        return String(word[..<end])
    }

    private static func withoutPossessive(_ word: String) -> String {
        for suffix in ["'s", "’s"] where word.hasSuffix(suffix) && word.count > suffix.count {
            return String(word.dropLast(suffix.count))
        }
        return word
    }
}
