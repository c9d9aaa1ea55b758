import InterlinkMarkdown

/// A post that points at another post without naming it: "in our previous post", "an earlier blog
/// post", "last year's blog post", "a follow-up post".
///
/// Such words are a link the writer meant and did not make; no topic can find them, since they name
/// no subject. The words say which way in time to look (back, or forward for a follow-up) and the
/// posts' texts say which post: the one most related to the source (`Relatedness`) among the
/// `referenceWindow` posts nearest in time in that direction. The choice must be clear: the best post's
/// relatedness is at least `minimumReferenceRelatedness` and `referenceMargin` times the next best's;
/// otherwise nothing is proposed. A plural ("previous posts") points at several posts, which one link
/// cannot, and "this post" is the source itself: neither is a reference. A reference followed by
/// the name of its subject ("the recent post on the Libz Blitz") is left to that name's own
/// candidates, which know the post for sure. Only dated posts (`Chronology`) take part.
extension Suggester {
    /// `Candidate.topic` of a reference to another post, which matches no topic.
    public static let postReferenceTopic: Int32 = -1
    /// How many posts nearest in time, in the reference's direction, may be the one it means.
    static let referenceWindow = 100
    /// The least relatedness of the post a reference is linked to.
    static let minimumReferenceRelatedness = 0.1
    /// How many times more related than the next best the chosen post must be.
    static let referenceMargin = 1.2
    /// The trust in a reference's words, as `Topic.Source.weight` is for a topic.
    static let referenceWeight = 0.9

    /// Which way in time a reference points.
    enum ReferenceDirection: Sendable, Equatable {
        case earlier
        case later
    }

    /// A reference to another post in an article's prose: the words to link ("previous post") and
    /// which way they point.
    struct PostReference: Sendable, Equatable {
        var range: Range<Int>
        var words: Int
        var direction: ReferenceDirection
        var block: Int
        var context: BlockContext
        /// Where the words after "on" or "about" (and an article) begin, when they follow the reference
        /// ("the recent post on the Libz Blitz"): a topic mention there names the post itself.
        var subjectStart: Int?
    }

    /// Words that say a post is another, earlier one.
    private static let earlierWords: Set<String> = ["previous", "earlier", "recent", "last", "prior"]
    /// Words that say a post is a later one.
    private static let laterWords: Set<String> = ["follow-up", "followup"]
    /// What the reference calls the post (singular only: see the extension's comment).
    private static let postNouns: Set<String> = ["post", "article", "blogpost", "write-up", "writeup"]

    /// The references to other posts in the prose of `article`, in document order. The words of a
    /// reference stand next to each other: blanks between them, or a soft line break (a writer who wraps
    /// lines writes "an⏎earlier blog post"; `SoftLineBreak`), never punctuation.
    static func postReferences(in article: Article) -> [PostReference] {
        let bytes = article.bytes
        let spans = article.document.spans
        var result: [PostReference] = []
        SoftLineBreak.forEachRun(of: spans, in: bytes) { run in
            guard run.contains(where: { mayNamePost(bytes, in: spans[$0].range) }) else { return }
            var words: [(text: String, range: Range<Int>)] = []
            for index in run { words += lowercaseWords(bytes, in: spans[index].range) }
            // Whether word `at` follows word `at - 1` with only blanks or a soft line break between.
            func follows(_ at: Int) -> Bool {
                let end = words[at - 1].range.upperBound
                let start = words[at].range.lowerBound
                return end < start
                    && (bytes[end..<start].allSatisfy { $0 == 0x20 || $0 == 0x09 }
                        || SoftLineBreak.isSoftBreak(bytes, from: end, to: start))
            }
            var index = 0
            while index < words.count {
                var end = index
                var direction: ReferenceDirection? = nil
                while end < words.count, end == index || follows(end) {
                    let word = words[end].text
                    if earlierWords.contains(word) {
                        direction = direction ?? .earlier
                        end += 1
                        // "last year's" is one modifier of two words.
                        if word == "last", end < words.count, follows(end),
                            ["year's", "year’s", "week's", "week’s", "month's", "month’s"].contains(words[end].text)
                        {
                            end += 1
                        }
                    } else if laterWords.contains(word) {
                        direction = .later
                        end += 1
                    } else {
                        break
                    }
                }
                guard let found = direction, end > index else {
                    index += 1
                    continue
                }
                var noun = end
                if noun < words.count, words[noun].text == "blog", follows(noun) { noun += 1 }
                if noun < words.count, follows(noun), postNouns.contains(words[noun].text),
                    !article.suppressedRanges.contains(where: { $0.overlaps(words[index].range.lowerBound..<words[noun].range.upperBound) })
                {
                    var subject = noun + 1
                    if subject < words.count, ["on", "about"].contains(words[subject].text) {
                        subject += 1
                        if subject < words.count, ["the", "a", "an", "our", "my"].contains(words[subject].text) { subject += 1 }
                    } else {
                        subject = words.count
                    }
                    result.append(
                        PostReference(
                            range: words[index].range.lowerBound..<words[noun].range.upperBound, words: noun - index + 1,
                            direction: found, block: spans[run.lowerBound].block, context: spans[run.lowerBound].context,
                            subjectStart: subject < words.count ? words[subject].range.lowerBound : nil))
                    index = noun + 1
                } else {
                    index = end
                }
            }
        }
        return result
    }

    /// Whether `bytes[range]` holds a post noun (`postNouns`, any case) as a whole word: a span's words
    /// are only listed when it may hold a reference (a plain byte loop; listing them makes a string per
    /// word, and most spans of a blog hold "write" or "post" somewhere, as in "writes" or "postgres").
    static func mayNamePost(_ bytes: [UInt8], in range: Range<Int>) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            func isWordByte(_ at: Int) -> Bool {
                let byte = buffer[at] | 0x20
                return (0x61...0x7A).contains(byte) || (0x30...0x39).contains(buffer[at]) || buffer[at] == UInt8(ascii: "-")
                    || buffer[at] >= 0x80
            }
            func isWord(_ at: Int, _ word: StaticString) -> Bool {
                let count = word.utf8CodeUnitCount
                guard at + count <= range.upperBound else { return false }
                let pointer = word.utf8Start
                for offset in 0..<count where buffer[at + offset] | 0x20 != pointer[offset] { return false }
                return at + count == range.upperBound || !isWordByte(at + count)
            }
            var index = range.lowerBound
            while index < range.upperBound {
                let byte = buffer[index] | 0x20
                if byte == UInt8(ascii: "p") || byte == UInt8(ascii: "a") || byte == UInt8(ascii: "b")
                    || byte == UInt8(ascii: "w"), index == range.lowerBound || !isWordByte(index - 1)
                {
                    switch byte {
                    case UInt8(ascii: "p"): if isWord(index, "post") { return true }
                    case UInt8(ascii: "a"): if isWord(index, "article") { return true }
                    case UInt8(ascii: "b"): if isWord(index, "blogpost") { return true }
                    default: if isWord(index, "write-up") || isWord(index, "writeup") { return true }
                    }
                }
                index += 1
            }
            return false
        }
    }

    /// Whether a link's whole text is a reference to a post ("previous post", "our earlier posts", "a
    /// follow-up article"), plurals included: such text names no subject, so it is never a learned anchor
    /// of the post it points to (one written by `apply` would otherwise send every "previous post" of the
    /// site to that post on the next run).
    public static func isPostReferenceText(_ text: String) -> Bool {
        // Nearly every link text is ASCII and ends in a word that is no post noun: told from that word's
        // bytes, without splitting the text into words.
        if text.utf8.withContiguousStorageIfAvailable({ asciiLastWordMayNamePost($0) }) == false { return false }
        let bytes = Array(text.utf8)
        var words = lowercaseWords(bytes, in: 0..<bytes.count).map(\.text)
        while let first = words.first, ["a", "an", "the", "my", "our", "this", "that", "his", "her", "their"].contains(first) {
            words.removeFirst()
        }
        guard words.count >= 2, var noun = words.popLast() else { return false }
        if noun.hasSuffix("s"), postNouns.contains(String(noun.dropLast())) { noun.removeLast() }
        guard postNouns.contains(noun) else { return false }
        if words.last == "blog" { words.removeLast() }
        if words.count >= 2, words[words.count - 2] == "last",
            ["year's", "year’s", "week's", "week’s", "month's", "month’s"].contains(words[words.count - 1])
        {
            words.removeLast()
        }
        return !words.isEmpty && words.allSatisfy { earlierWords.contains($0) || laterWords.contains($0) }
    }

    /// For ASCII text, whether its last word (as `lowercaseWords` reads words) is one of `postNouns` or
    /// its plural; nil for other text.
    static func asciiLastWordMayNamePost(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        func isWordByte(_ byte: UInt8) -> Bool {
            (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "'")
        }
        var end = bytes.count
        while end > 0, !isWordByte(bytes[end - 1]) { end -= 1 }
        var start = end
        while start > 0, isWordByte(bytes[start - 1]) { start -= 1 }
        // A word never ends with a hyphen or an apostrophe.
        while end > start, bytes[end - 1] == UInt8(ascii: "-") || bytes[end - 1] == UInt8(ascii: "'") { end -= 1 }
        let word = String(decoding: bytes[start..<end].map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
        return postNouns.contains(word) || word.hasSuffix("s") && postNouns.contains(String(word.dropLast()))
    }

    /// The words of `bytes[range]` in lower case (ASCII letters folded), with their ranges: runs of
    /// letters, digits, hyphens and apostrophes (straight or curly).
    static func lowercaseWords(_ bytes: [UInt8], in range: Range<Int>) -> [(text: String, range: Range<Int>)] {
        var result: [(text: String, range: Range<Int>)] = []
        var index = range.lowerBound
        var start: Int? = nil
        func isCurlyApostrophe(_ at: Int) -> Bool {
            at + 2 < range.upperBound && bytes[at] == 0xE2 && bytes[at + 1] == 0x80 && bytes[at + 2] == 0x99
        }
        func close(_ end: Int) {
            guard let from = start else { return }
            var last = end
            // A word never ends with a hyphen or an apostrophe ("posts'" is "posts").
            while last > from, bytes[last - 1] == UInt8(ascii: "-") || bytes[last - 1] == UInt8(ascii: "'") { last -= 1 }
            if last > from {
                let text = String(decoding: bytes[from..<last].map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
                result.append((text, from..<last))
            }
            start = nil
        }
        while index < range.upperBound {
            let byte = bytes[index]
            let isWordByte = (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "'")
            if isWordByte {
                if start == nil { start = index }
                index += 1
            } else if start != nil, isCurlyApostrophe(index) {
                index += 3
            } else {
                close(index)
                index += 1
            }
        }
        close(range.upperBound)
        return result
    }

    /// The candidates of `source`'s references to other posts: each reference linked to the post it
    /// most likely means, when one stands out (see the extension's comment) and is not in `linked` (the
    /// source's existing link targets). Which post a reference means does not depend on the links:
    /// once it is linked, a second "previous post" in the same source means the same post, and a run
    /// after `apply` proposes nothing new.
    /// A reference followed by the subject's name ("the recent post on the Libz Blitz") is left to the
    /// name's own candidates: `mentions` are the source's topic mentions.
    func postReferenceCandidates(of source: Int, in article: Article, mentions: [Mention], linked: Set<Int>)
        -> [Candidate]
    {
        guard let position = chronology.timeOrderPosition[source] else { return [] }
        let references = Self.postReferences(in: article).filter { reference in
            guard let subject = reference.subjectStart else { return true }
            return !mentions.contains { $0.range.lowerBound == subject }
        }
        guard !references.isEmpty else { return [] }
        let bodyStart = article.document.frontMatter?.range.upperBound ?? 0
        let bodyLength = Double(max(article.byteCount - bodyStart, 1))
        var result: [Candidate] = []
        var chosen: [ReferenceDirection: (target: Int, relatedness: Double)?] = [:]
        for reference in references {
            if chosen[reference.direction] == nil {
                chosen[reference.direction] = mostRelatedPost(to: source, from: position, direction: reference.direction)
            }
            guard let (target, similarity) = chosen[reference.direction] ?? nil, !linked.contains(target) else { continue }
            var features = CandidateFeatures(
                topicWeight: Self.referenceWeight, specificity: 1, relatedness: similarity,
                position: Double(reference.range.lowerBound - bodyStart) / bodyLength, ambiguity: 1,
                mentionsOfTarget: 1, words: reference.words, isCode: false, context: reference.context)
            features.refersToPost = true
            let mention = Mention(
                range: reference.range, topics: [], isCode: false, block: reference.block, context: reference.context,
                wordCount: reference.words)
            result.append(
                Candidate(
                    source: source, target: target, topic: Self.postReferenceTopic, mention: mention,
                    features: features, score: Self.score(features)))
        }
        return result
    }

    /// The post most related to `source` among the `referenceWindow` posts before (or after) it in time,
    /// when it stands out; nil otherwise.
    private func mostRelatedPost(to source: Int, from position: Int, direction: ReferenceDirection) -> (Int, Double)? {
        let order = chronology.timeOrder
        let step = direction == .earlier ? -1 : 1
        var best: (target: Int, relatedness: Double)? = nil
        var second = 0.0
        var seen = 0
        var at = position + step
        while at >= 0, at < order.count, seen < Self.referenceWindow {
            let target = order[at]
            at += step
            guard KeywordIndex.isTarget(site.articles[target]), site.languages.same(source, target),
                !index.excludedTargets.contains(target)
            else { continue }
            seen += 1
            let similarity = relatedness.similarity(source, target)
            if similarity > (best?.relatedness ?? -1) {
                second = best?.relatedness ?? second
                best = (target, similarity)
            } else if similarity > second {
                second = similarity
            }
        }
        guard let best, best.relatedness >= Self.minimumReferenceRelatedness,
            best.relatedness >= Self.referenceMargin * second
        else { return nil }
        return best
    }
}
