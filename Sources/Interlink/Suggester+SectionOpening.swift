import InterlinkMarkdown

/// A section named after another page, opened by that page's name: an overview page's "## Generators"
/// followed by "Generators create content on your site", or an API reference's section "KeepAlive"
/// that sums up the guide page "KeepAlive". The section is about the page, and its first paragraph names
/// it as a citation does (`CandidateFeatures.opensSection`); Jekyll's plugin overview links each of its
/// six sections' first word to the page of that name.
extension Suggester {
    /// The most bytes between a heading's end and a mention that opens its section: the first paragraph's
    /// first sentences, and a line of attributes (`{: #id}`) or blank lines before them.
    static let sectionOpeningReach = 400

    /// The hashes `opensSection` compares, kept for one source article's mentions: of its headings (by
    /// index) and of the topics' words (by topic number).
    struct SectionOpeningHashes {
        var headings: [Int: UInt64] = [:]
        var topics: [Int: UInt64] = [:]
    }

    /// Whether the mention at `range`, whose words are `keys` (a page's title or alias), lies in the first
    /// paragraph after a heading of level 2 or deeper whose words are the same. `topic` numbers `keys` in
    /// `hashes`, which keeps what is worked out for the next mention of the same article.
    func opensSection(
        _ range: Range<Int>, keys: [String], topic: Int = -1, in article: Article, hashes: inout SectionOpeningHashes
    ) -> Bool {
        let headings = article.document.headings
        guard !headings.isEmpty else { return false }
        // The last heading ending at or before the mention.
        var low = 0
        var high = headings.count
        while low < high {
            let middle = (low + high) / 2
            if headings[middle].range.upperBound <= range.lowerBound { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return false }
        let heading = headings[low - 1]
        guard heading.level >= 2, range.lowerBound - heading.range.upperBound <= Self.sectionOpeningReach else {
            return false
        }
        // The words first (each hash worked out once), the bytes between only when they are the same.
        let headingKey: UInt64
        if let known = hashes.headings[low - 1] {
            headingKey = known
        } else {
            var text = heading.text
            headingKey = text.withUTF8 { Self.headingKey(Array($0), tokenizer: index.tokenizer) }
            hashes.headings[low - 1] = headingKey
        }
        let topicKey: UInt64
        if topic >= 0, let known = hashes.topics[topic] {
            topicKey = known
        } else {
            topicKey = Self.headingKey(keys)
            if topic >= 0 { hashes.topics[topic] = topicKey }
        }
        return headingKey == topicKey
            && Self.isFirstParagraph(after: heading.range.upperBound, upTo: range.lowerBound, in: article.bytes)
    }

    /// Whether `bytes[start..<end]` is blank lines, at most one attribute line (`{: #id}`), and then the
    /// start of one paragraph (no blank line in it).
    static func isFirstParagraph(after start: Int, upTo end: Int, in bytes: [UInt8]) -> Bool {
        var index = start
        var sawAttributes = false
        // Blank lines, and an attribute line among them.
        while index < end {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                index += 1
                continue
            }
            guard byte == UInt8(ascii: "{"), !sawAttributes,
                let close = bytes[index..<end].firstIndex(of: UInt8(ascii: "}")),
                !bytes[index..<close].contains(0x0A)
            else { break }
            sawAttributes = true
            index = close + 1
        }
        // The paragraph so far: no blank line.
        var lineIsBlank = false
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A {
                if lineIsBlank { return false }
                lineIsBlank = true
            } else if byte != 0x20 && byte != 0x09 && byte != 0x0D {
                lineIsBlank = false
            }
            index += 1
        }
        return true
    }
}
