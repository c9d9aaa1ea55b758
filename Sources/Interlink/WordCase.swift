/// How a site writes each word: how often in lower case and how often capitalised. A writer who
/// capitalises a word the site usually writes in lower case ("see Typing Component Props") is
/// quoting a name, such as the title of a page or a section, not using the word as a term.
/// Measured on the site itself, so proper nouns (always capitalised) and languages that capitalise
/// every noun never count as quoting.
public struct WordCase: Sendable {
    struct Tally: Sendable {
        var lower: Int32 = 0
        var capitalised: Int32 = 0
    }

    /// Word hash (`Tokenizer.hash` of the normalised word) → how the site writes it.
    let tally: [UInt64: Tally]

    /// Counts every word of the prose (and link texts) of `site`.
    public init(site: Site, tokenizer: Tokenizer) {
        let perArticle: [[UInt64: Tally]] = site.articles.parallelMap { article in
            var tally: [UInt64: Tally] = [:]
            let bytes = article.bytes
            for range in article.document.spans.map(\.range) + article.linkTextRanges {
                tokenizer.forEachWordHash(bytes, in: range) { hash, word, _ in
                    switch Self.shape(bytes, word) {
                    case .lower: tally[hash, default: Tally()].lower += 1
                    case .capitalised: tally[hash, default: Tally()].capitalised += 1
                    case .other: break
                    }
                }
            }
            return tally
        }
        var merged: [UInt64: Tally] = [:]
        for tally in perArticle {
            for (hash, counts) in tally {
                merged[hash, default: Tally()].lower += counts.lower
                merged[hash, default: Tally()].capitalised += counts.capitalised
            }
        }
        tally = merged
    }

    /// Whether the site writes the word in lower case more often than capitalised.
    public func isUsuallyLowercase(_ hash: UInt64) -> Bool {
        guard let counts = tally[hash] else { return false }
        return counts.lower > counts.capitalised
    }

    enum Shape {
        /// Starts with a lower-case letter.
        case lower
        /// An upper-case first letter followed by at least one lower-case letter ("Typing").
        case capitalised
        /// All capitals (`SEO`, `I`), digits, or a script without case.
        case other
    }

    /// The shape of the word at `range` of `bytes`.
    static func shape(_ bytes: [UInt8], _ range: Range<Int>) -> Shape {
        guard !range.isEmpty else { return .other }
        let (first, length) = Tokenizer.decode(bytes, at: range.lowerBound, end: range.upperBound)
        if first.properties.isLowercase { return .lower }
        guard first.properties.isUppercase else { return .other }
        var index = range.lowerBound + length
        while index < range.upperBound {
            let (scalar, size) = Tokenizer.decode(bytes, at: index, end: range.upperBound)
            if scalar.properties.isLowercase { return .capitalised }
            index += size
        }
        return .other
    }
}
