import Foundation
import InterlinkMarkdown

/// The outcome of a suggestion run.
public struct SuggestResult: Sendable {
    /// Accepted suggestions, sorted by source path and offset.
    public var suggestions: [Suggestion]
    /// The score threshold used.
    public var minimumScore: Double
    /// How the threshold was chosen.
    public var thresholdOrigin: String

    public init(suggestions: [Suggestion], minimumScore: Double, thresholdOrigin: String) {
        self.suggestions = suggestions
        self.minimumScore = minimumScore
        self.thresholdOrigin = thresholdOrigin
    }
}

extension Suggester {
    /// Ranks candidates and applies the linking policy: no self-links or drafts, one link per target,
    /// none to targets already linked, a per-article cap, no two new links in one sentence, and a
    /// minimum score.
    public func suggest() -> SuggestResult {
        let table = mentionTable()
        var threshold: Double
        var origin: String
        if let given = options.minimumScore {
            (threshold, origin) = (given, "given")
        } else {
            let calibration = calibrateOnLinkingSources(table: table)
            if let calibration {
                (threshold, origin) = (calibration.threshold, "calibrated")
            } else {
                (threshold, origin) = (SuggestOptions.defaultMinimumScore, "default")
            }
        }
        if options.inboundTarget != nil, options.minimumScore == nil {
            // Feeding one page: the editor asked for its links, so show the weaker places too, ranked.
            threshold /= 2
            origin += ", halved for --inbound"
        }
        FreedMemory.release(siteBytes: site.byteCount)
        return StageTimer.shared.measure("policy") {
            applyPolicy(table, threshold: threshold, origin: origin)
        }
    }

    /// The policy, one source at a time on all cores: its candidates at the threshold are scored again
    /// (cheaper than keeping every candidate of a large site in memory) and chosen from.
    private func applyPolicy(_ table: MentionTable, threshold: Double, origin: String) -> SuggestResult {
        let inbound = options.inboundTarget.flatMap { site.index(ofPath: $0) }
        let articleCount = site.articles.count
        // Sources go in batches, each batch's suggestions appended in source order to one array reserved
        // for `maximumLinksPerArticle` per source (long articles and list entries may take more, and
        // the array then grows; on a typical site it never does): its pages that are
        // never written are never resident, and no second, joined copy of every source's suggestions
        // is made (at 100,000 articles that copy was 40 MB on top of the suggestions).
        var suggestions: [Suggestion] = []
        let sourceCount = options.sourcePaths.map { min($0.count, articleCount) } ?? articleCount
        let most = sourceCount.multipliedReportingOverflow(by: max(0, options.maximumLinksPerArticle))
        if !most.overflow, most.partialValue <= Self.largestSuggestionReservation {
            suggestions.reserveCapacity(most.partialValue)
        }
        for batchStart in stride(from: 0, to: articleCount, by: Self.policyBatch) {
            let batch = batchStart..<min(batchStart + Self.policyBatch, articleCount)
            for list in suggestionsOfSources(batch, table, threshold: threshold, inbound: inbound) {
                suggestions.append(contentsOf: list)
            }
        }
        if inbound != nil {
            // Feeding one article: the best places first.
            suggestions.sort { ($0.score, $1.source, $1.offset) > ($1.score, $0.source, $0.offset) }
        }
        return SuggestResult(suggestions: suggestions, minimumScore: threshold, thresholdOrigin: origin)
    }

    /// Sources per batch of the policy.
    static let policyBatch = 4096
    /// The most suggestions the policy reserves room for up front (1 GiB of them).
    static let largestSuggestionReservation = (1 << 30) / MemoryLayout<Suggestion>.stride

    /// The suggestions of each source of `sources`, on all cores.
    private func suggestionsOfSources(_ sources: Range<Int>, _ table: MentionTable, threshold: Double, inbound: Int?)
        -> [[Suggestion]]
    {
        sources.parallelMap { source in
            if let paths = options.sourcePaths, !paths.contains(site.articles[source].path) { return [] }
            // Its bytes read once (they may have been released: `Site.releaseBytes()`).
            let article = site.articles[source].loaded()
            var candidates = scoredCandidates(of: source, loaded: article, table, floor: threshold)
            if !options.rejectedIDs.isEmpty {
                candidates.removeAll { candidate in
                    options.rejectedIDs.contains(
                        Suggestion.id(
                            source: article.path, target: site.articles[candidate.target].path,
                            anchor: article.text(candidate.mention.range)))
                }
            }
            if let inbound { candidates.removeAll { $0.target != inbound } }
            return select(candidates, in: article, minimumScore: threshold).map { makeSuggestion($0, source: article) }
        }
    }

    /// The links chosen for one article, in document order.
    func select(_ candidates: [Candidate], in article: Article, minimumScore: Double) -> [Candidate] {
        // Best first; a target whose best mention is blocked (sentence taken, overlap) falls back to its next.
        let ranked = candidates.filter { $0.score >= minimumScore }.sorted {
            ($0.score, -$0.mention.range.lowerBound, -$0.target) > ($1.score, -$1.mention.range.lowerBound, -$1.target)
        }
        // Existing internal links count against the cap and take their sentence, so a second run
        // over a rewritten file proposes nothing new.
        let source = candidates.first?.source
        let existing = source.map { graph.outgoing[$0].filter { $0.targetIndex != nil } } ?? []
        let linkedTargets = Set(existing.compactMap(\.targetIndex)).count
        let cap = linkCap(for: article) - linkedTargets
        // Citations of another article's whole title ("as we wrote in Go Modules in 2019") do not
        // count against the density cap, which keeps topical links sparse; the hard maximum holds.
        let hardCap = maximumLinks(for: article) - linkedTargets
        var sentences = SentenceIndex(article: article)
        var chosen: [Candidate] = []
        var counted = 0
        var usedSentences = Set(existing.map { sentences.key(block: article.document.block(containing: $0.link.range), offset: $0.link.range.lowerBound) })
        // A sentence that cites several articles by their whole titles ("see the posts “An Introduction
        // to Generics” and “When to Use Generics”") is a reading list: each citation may be linked.
        var citingSentences: Set<SentenceIndex.Key> = []
        var chosenTargets: Set<Int> = []
        var entries = 0
        for candidate in ranked {
            // An entry of a list of articles, or a title quoted whole, is linked whatever the caps.
            let entry = candidate.features.isListEntry || candidate.features.isQuotedTitle
            guard entry || chosen.count - entries < hardCap else { continue }
            // An item of an enumeration of pages ("admonitions, annotations, code blocks and diagrams")
            // shares its sentence with the others, as citations in a reading list do.
            let exempt = candidate.features.citesTitle || entry || candidate.features.isContentsEntry
            guard exempt || counted < cap else { continue }
            let sentence = sentences.key(of: candidate.mention)
            guard !chosenTargets.contains(candidate.target), !usedSentences.contains(sentence),
                exempt || !citingSentences.contains(sentence),
                !chosen.contains(where: { $0.mention.range.overlaps(candidate.mention.range) })
            else { continue }
            chosen.append(candidate)
            if entry { entries += 1 }
            if !exempt { counted += 1 }
            chosenTargets.insert(candidate.target)
            if exempt { citingSentences.insert(sentence) } else { usedSentences.insert(sentence) }
        }
        return chosen.sorted { $0.mention.range.lowerBound < $1.mention.range.lowerBound }
    }

    /// About one new link per `wordsPerLink` words, at least one, at most `maximumLinks(for:)`.
    func linkCap(for article: Article) -> Int {
        min(maximumLinks(for: article), max(1, article.document.wordCount / max(options.wordsPerLink, 1)))
    }

    /// The most links an article may have: `maximumLinksPerArticle`, or on a long article with the
    /// default maximum, one per `longArticleWordsPerLink` words when that is more.
    func maximumLinks(for article: Article) -> Int {
        SuggestOptions.maximumLinks(
            options.maximumLinksPerArticle, growingBy: options.longArticleWordsPerLink, words: article.document.wordCount)
    }

    func makeSuggestion(_ candidate: Candidate) -> Suggestion {
        makeSuggestion(candidate, source: site.articles[candidate.source])
    }

    /// The suggestion of `candidate`, whose source article is `source`.
    func makeSuggestion(_ candidate: Candidate, source: Article) -> Suggestion {
        // The topic's and the target's fields read in place: a copy of a `Topic` retained its phrase,
        // keys and fragment, a cache miss each on a large site.
        let topic = candidate.topic == Self.postReferenceTopic ? nil : Int(candidate.topic)
        let fragment = topic.flatMap { index.topics[$0].fragment }
        let location = source.document.lines.location(of: candidate.mention.range.lowerBound)
        // Without a fragment the target's own string (shared, not copied per suggestion).
        let targetURL = site.articles[candidate.target].url
        let url = fragment.map { targetURL + "#" + $0 } ?? targetURL
        let targetPath = site.articles[candidate.target].path
        let anchor = source.text(candidate.mention.range)
        let explanation: SuggestionReason
        if let topic {
            explanation = reason(candidate, topic: topic)
        } else {
            explanation = .text(
                String(
                    format: "refers to %@ post; of the posts around it, \"%@\" is the most related (relatedness %.2f)",
                    (chronology.timeOrderPosition[candidate.target] ?? 0) > (chronology.timeOrderPosition[candidate.source] ?? 0)
                        ? "a later" : "an earlier", site.articles[candidate.target].title,
                    candidate.features.relatedness))
        }
        return Suggestion(
            id: Suggestion.id(source: source.path, target: targetPath, anchor: anchor), source: source.path, line: location.line, column: location.column,
            offset: candidate.mention.range.lowerBound, length: candidate.mention.range.count,
            anchor: anchor, target: targetPath, url: url, fragment: fragment,
            score: (candidate.score * 1000).rounded() / 1000, explanation: explanation)
    }

    /// What the suggestion's reason is written from, when it is read (`SuggestionReason.Parts.text`),
    /// for a candidate of topic number `topic`.
    func reason(_ candidate: Candidate, topic: Int) -> SuggestionReason {
        let features = candidate.features
        let source = index.topics[topic].source
        let citesTitle = features.citesTitle && (source == .titlePart || source == .fileName)
        return .parts(
            SuggestionReason.Parts(
                source: source, quoted: citesTitle ? site.articles[candidate.target].title : index.topics[topic].phrase,
                specificity: features.specificity, relatedness: features.relatedness,
                ambiguity: Int32(clamping: features.ambiguity), citesTitle: citesTitle,
                isCitation: features.isCitation, isListEntry: features.isListEntry,
                isQuotedTitle: features.isQuotedTitle, isContentsEntry: features.isContentsEntry,
                pointsForward: features.pointsForward, namesOwnSubject: features.namesOwnSubject,
                opensSection: features.opensSection))
    }

    /// The threshold: given, calibrated on the site's own links, or the default.
    func chooseThreshold(_ candidates: [[Candidate]], table: MentionTable) -> (Double, String) {
        if let given = options.minimumScore { return (given, "given") }
        if let calibration = calibrate(candidates, table: table) {
            return (calibration.threshold, "calibrated")
        }
        return (SuggestOptions.defaultMinimumScore, "default")
    }
}

/// Sentence boundaries inside blocks, so that two new links never share a sentence. A block's
/// boundaries are found the first time a key in it is asked for: most blocks of an article hold no
/// candidate, and scanning every span of every article for them was 1% of a whole run.
struct SentenceIndex {
    struct Key: Hashable {
        var block: Int
        var sentence: Int
    }

    private let bytes: [UInt8]
    private let spans: [TextSpan]
    private var boundaries: [Int: [Int]] = [:]

    init(article: Article) {
        bytes = article.bytes
        spans = article.document.spans
    }

    /// The ends of the sentences of `block`: after a `.`, `!` or `?` that ends its span or is followed by a space.
    private func findBoundaries(of block: Int) -> [Int] {
        var found: [Int] = []
        bytes.withUnsafeBufferPointer { bytes in
            for span in spans where span.block == block { Self.sentenceEnds(in: bytes, span.range, into: &found) }
        }
        return found
    }

    /// Appends the sentence ends of `bytes[range]`: the offset after each `.`, `!` or `?` that ends
    /// the range or is followed by a space. Eight bytes are looked at a time (`ByteWord`): the marks
    /// are a byte in dozens, and the byte-by-byte loop was 1 % of a `suggest` run.
    static func sentenceEnds(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into found: inout [Int]) {
        // Eight bytes are read at a time without bounds checks: never past the bytes.
        let range = range.clamped(to: 0..<bytes.count)
        var index = range.lowerBound
        if let base = bytes.baseAddress {
            while index + 8 <= range.upperBound {
                let chunk = ByteWord.load(base, index)
                let marks =
                    ByteWord.bytes(chunk, equalTo: UInt8(ascii: ".")) | ByteWord.bytes(chunk, equalTo: UInt8(ascii: "!"))
                    | ByteWord.bytes(chunk, equalTo: UInt8(ascii: "?"))
                // Nonzero exactly when one of the eight is a mark: those eight are read byte by byte.
                if marks == 0 {
                    index += 8
                    continue
                }
                for position in index..<(index + 8) { sentenceEnd(at: position, in: bytes, range, into: &found) }
                index += 8
            }
        }
        while index < range.upperBound {
            sentenceEnd(at: index, in: bytes, range, into: &found)
            index += 1
        }
    }

    @inline(__always)
    private static func sentenceEnd(at index: Int, in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into found: inout [Int]) {
        let byte = bytes[index]
        guard byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") else { return }
        let next = index + 1
        if next >= range.upperBound || bytes[next] == 0x20 { found.append(next) }
    }

    mutating func key(of mention: Mention) -> Key {
        key(block: mention.block, offset: mention.range.lowerBound)
    }

    mutating func key(block: Int?, offset: Int) -> Key {
        guard let block else { return Key(block: -1, sentence: offset) }
        let list: [Int]
        if let known = boundaries[block] {
            list = known
        } else {
            list = findBoundaries(of: block)
            boundaries[block] = list
        }
        // Boundaries are found in document order, so they are sorted: count those at or before `offset`.
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle] <= offset { low = middle + 1 } else { high = middle }
        }
        return Key(block: block, sentence: low)
    }
}
