import InterlinkMarkdown

/// Self-calibration: a site that already links is its own labelled data. Each existing prose link is
/// hidden in turn and scored as if it were a candidate; the threshold that best separates those
/// links from the candidates the authors did not make is the site's operating point.
public struct Calibration: Sendable, Hashable {
    /// The chosen score threshold.
    public var threshold: Double
    /// Existing links used as positive examples.
    public var positives: Int
    /// Share of positives the threshold keeps (recall on the site's own links).
    public var recall: Double
    /// Share of kept candidate pairs that the site already links (a lower bound of precision).
    public var precision: Double
}

/// A (source, target) pair of article indices.
public struct LinkedPair: Hashable, Sendable {
    public var source: Int
    public var target: Int

    public init(source: Int, target: Int) {
        self.source = source
        self.target = target
    }
}

extension Suggester {
    /// The fewest existing prose links worth calibrating on.
    static let minimumCalibrationLinks = 20
    /// Calibration tries thresholds from `calibrationSteps.lowerBound / 20` to `calibrationSteps.upperBound / 20`.
    static let calibrationSteps = 4...14
    /// The lowest threshold calibration can choose.
    static var lowestCalibratedThreshold: Double { Double(calibrationSteps.lowerBound) / 20 }

    /// Calibrates the threshold on the site's existing links; nil when there are too few.
    public func calibrate() -> Calibration? {
        let table = mentionTable()
        return calibrate(candidates(table), table: table)
    }

    func calibrate(_ candidates: [[Candidate]], table: MentionTable) -> Calibration? {
        calibrate(bestScores: candidates.map(Self.bestScorePerTarget), table: table)
    }

    /// The best score of each target among one source's candidates: all that calibration needs of them.
    static func bestScorePerTarget(_ candidates: [Candidate]) -> [Int: Double] {
        var best: [Int: Double] = [:]
        for candidate in candidates { best[candidate.target] = max(best[candidate.target] ?? 0, candidate.score) }
        return best
    }

    /// The score each existing prose link would get from its own text as a candidate, best per
    /// (source, target) pair: the positives of calibration, keyed by article indices.
    public func existingLinkScores() -> [LinkedPair: Double] {
        existingLinkScores(table: mentionTable())
    }

    func existingLinkScores(table: MentionTable) -> [LinkedPair: Double] {
        let byTarget = topicsByTarget()
        let isTarget = index.targetFlags
        // Scored per source on all cores; the best per pair does not depend on the order.
        let scored = site.articles.indices.parallelMap { source in
            linkScores(of: source, topicsByTarget: byTarget, isTarget: isTarget, table: table).scores
        }
        return Self.bestPerPair(scored)
    }

    /// Topic numbers per target, in index order, of the topics a link's own text is scored against.
    /// Indexed by article (empty for an article no such topic targets); the topics' fields are read in
    /// place, not copied out one topic at a time.
    private func topicsByTarget() -> [[Int]] {
        var topicsByTarget = [[Int]](repeating: [], count: site.articles.count)
        let topics = index.topics
        for number in topics.indices where topics[number].source != .learned && topics[number].source != .codeName {
            topicsByTarget[topicTargets[number]].append(number)
        }
        return topicsByTarget
    }

    /// The score of each existing prose link of `source` (`hiddenLinkScore`), in document order, and the
    /// source article with its bytes in memory when one was scored (nil when none was).
    /// `isTarget` says which articles are targets, worked out once (not from a copy of the target per link).
    private func linkScores(of source: Int, topicsByTarget byTarget: [[Int]], isTarget: [Bool], table: MentionTable)
        -> (scores: [(target: Int, score: Double)], article: Article?)
    {
        var found: [(target: Int, score: Double)] = []
        // Its bytes read once, when a link needs them (they may have been released).
        var article: Article? = nil
        for resolved in graph.outgoing[source] {
            guard Self.isCalibrationLink(resolved, from: source, isTarget: isTarget), let target = resolved.targetIndex
            else { continue }
            if article == nil { article = site.articles[source].loaded() }
            found.append(
                (target, hiddenLinkScore(
                    resolved, source: source, article: article!, target: target, topics: byTarget[target],
                    table: table)))
        }
        return (found, article)
    }

    /// The sources calibration reads (parallel to `Site.articles`): every source with a link it can
    /// score, or, on a site with more than `size` of them, the `size` whose paths hash lowest. A
    /// threshold on a 0.05 grid is estimated as well from 2,000 sources' links as from 20,000, and
    /// ranking them all was a whole-site step that every run, the cached pre-commit run too, paid
    /// in full. The sample depends on each source's path only, so it stays put while other files
    /// change.
    func calibrationSample(isTarget: [Bool], size: Int) -> [Bool] {
        // Each linking source's path hash, on all cores (the links are read in place, not copied).
        let hashes = site.articles.indices.parallelMap { source -> UInt64? in
            let links = graph.outgoing[source]
            guard links.indices.contains(where: { Self.isCalibrationLink(links[$0], from: source, isTarget: isTarget) })
            else { return nil }
            return Tokenizer.hash(site.articles[source].path)
        }
        let linking = site.articles.indices.filter { hashes[$0] != nil }
        var inSample = [Bool](repeating: false, count: site.articles.count)
        let chosen = linking.count <= size ? linking
            : linking.map { (hashes[$0]!, site.articles[$0].path, $0) }
                .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.prefix(size).map(\.2)
        for source in chosen { inSample[source] = true }
        return inSample
    }

    /// Whether calibration scores `resolved` as a positive: a prose link (inline, template or
    /// wikilink) to another article that may be a target, whose text is not a generic anchor.
    static func isCalibrationLink(_ resolved: ResolvedLink, from source: Int, isTarget: [Bool]) -> Bool {
        guard let target = resolved.targetIndex, target != source, isTarget[target] else { return false }
        return (resolved.link.kind == .inline || resolved.link.kind == .template || resolved.link.kind == .wikilink)
            && !Vocabulary.isGenericAnchor(resolved.link.text)
    }

    /// The best score per (source, target) pair of the link scores of every source (parallel to
    /// `Site.articles`).
    private static func bestPerPair(_ scored: [[(target: Int, score: Double)]]) -> [LinkedPair: Double] {
        var scores: [LinkedPair: Double] = [:]
        for (source, links) in scored.enumerated() {
            for (target, score) in links {
                let pair = LinkedPair(source: source, target: target)
                scores[pair] = max(scores[pair] ?? 0, score)
            }
        }
        return scores
    }

    /// Calibrates on the best candidate score per (source, target) pair (`bestScores`, parallel to
    /// `Site.articles`), reading the same sample of linking sources as `calibrateOnLinkingSources`, so
    /// that `audit` and `suggest` choose the same threshold.
    func calibrate(
        bestScores: [[Int: Double]], table: MentionTable, sampleSize: Int = Self.calibrationSampleSize
    ) -> Calibration? {
        let inSample = calibrationSample(isTarget: index.targetFlags, size: sampleSize)
        let positives = existingLinkScores(table: table).filter { inSample[$0.key.source] }
        return calibrate(positives: positives) { bestScores[$0] }
    }

    /// Calibrates on the site's links, scoring candidates only in the sources that link (the only
    /// ones whose candidates calibration reads): every other source is never ranked.
    /// On a site where more sources link, calibration reads a sample of this many of them
    /// (`calibrationSample`).
    static let calibrationSampleSize = 2_000

    func calibrateOnLinkingSources(table: MentionTable, sampleSize: Int = Self.calibrationSampleSize) -> Calibration? {
        // Positives: the best score each linked (source, target) pair would get from its own anchor
        // text. The sources that link are ranked in the same pass, while their bytes are in memory
        // (they are read again per stage when the site released them): only the best score per
        // (source, target) pair from the lowest threshold calibration can pick is needed, no candidate
        // is kept. On a site with too few links to calibrate on, that ranking is not used.
        let byTarget = topicsByTarget()
        let isTarget = index.targetFlags
        let floor = Self.lowestCalibratedThreshold
        let inSample = calibrationSample(isTarget: isTarget, size: sampleSize)
        let scored = StageTimer.shared.measure("rank") {
            site.articles.indices.parallelMap { source -> (links: [(target: Int, score: Double)], best: [Int: Double]?) in
                guard inSample[source] else { return ([], nil) }
                let (links, article) = linkScores(of: source, topicsByTarget: byTarget, isTarget: isTarget, table: table)
                guard let article else { return (links, nil) }
                return (links, Self.bestScorePerTarget(scoredCandidates(of: source, loaded: article, table, floor: floor)))
            }
        }
        let positives = StageTimer.shared.measure("calibrate") { Self.bestPerPair(scored.map(\.links)) }
        guard positives.count >= Self.minimumCalibrationLinks else { return nil }
        var best: [Int: [Int: Double]] = [:]
        for (source, result) in scored.enumerated() { if let scores = result.best { best[source] = scores } }
        return StageTimer.shared.measure("calibrate") { calibrate(positives: positives) { best[$0] ?? [:] } }
    }

    /// Calibrates on `positives` (the score of each linked pair's own anchor text) against the best
    /// candidate scores (`bestScores(source)`, target → score) of the sources that link.
    private func calibrate(positives: [LinkedPair: Double], bestScores: (Int) -> [Int: Double]) -> Calibration? {
        let linkedSources = Set(positives.keys.map(\.source))
        guard positives.count >= Self.minimumCalibrationLinks else { return nil }
        // Negatives: candidate pairs, in sources that link, that the authors did not link, counted per
        // threshold they reach (each pair is met once: one source at a time, one score per target),
        // not kept in a table (at 100,000 articles that table was the run's peak).
        let steps = Self.calibrationSteps
        var wrongAtStep = [Int](repeating: 0, count: steps.count)
        for source in linkedSources {
            for (target, score) in bestScores(source) {
                guard positives[LinkedPair(source: source, target: target)] == nil else { continue }
                let negative = max(0, score)
                for (slot, step) in steps.enumerated() where negative >= Double(step) / 20 { wrongAtStep[slot] += 1 }
            }
        }
        var best: Calibration? = nil
        var bestF1 = -1.0
        for (slot, step) in steps.enumerated() {
            let threshold = Double(step) / 20
            let kept = positives.values.filter { $0 >= threshold }.count
            let wrong = wrongAtStep[slot]
            let precision = kept + wrong > 0 ? Double(kept) / Double(kept + wrong) : 0
            let recall = Double(kept) / Double(positives.count)
            let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
            if f1 > bestF1 {
                bestF1 = f1
                best = Calibration(threshold: threshold, positives: positives.count, recall: recall, precision: precision)
            }
        }
        return best
    }


    /// The score the link's own text would get as a mention of its target, learned anchors excluded
    /// (they come from this very link). 0 when the text names none of the target's topics.
    private func hiddenLinkScore(
        _ resolved: ResolvedLink, source: Int, article: Article, target: Int, topics: [Int], table: MentionTable
    ) -> Double {
        let bodyStart = article.document.frontMatter?.range.upperBound ?? 0
        let position = Double(resolved.link.range.lowerBound - bodyStart) / Double(max(article.byteCount - bodyStart, 1))
        let linkStart = resolved.link.range.lowerBound
        if linkStart + 1 < resolved.link.range.upperBound, article.bytes[linkStart] == UInt8(ascii: "["),
            article.bytes[linkStart + 1] == UInt8(ascii: "`")
        {
            return hiddenCodeLinkScore(resolved, source: source, target: target, position: position, table: table)
        }
        let keys = index.tokenizer.keys(resolved.link.text)
        guard !keys.isEmpty else { return 0 }
        var best = 0.0
        // The link's own text, when written plainly (between brackets, or after a wikilink's `|`): is it
        // written as a name?
        let text = Array(resolved.link.text.utf8)
        let start = article.visibleTextStart(of: resolved.link) ?? resolved.link.range.upperBound
        let plain =
            start + text.count <= resolved.link.range.upperBound
            && article.bytes[start..<(start + text.count)].elementsEqual(text)
        let titleCased =
            plain && isTitleCased(start..<(start + text.count), in: article, opening: resolved.link.range.lowerBound)
        // `[graph-visualization](…)`: the target's file name, hyphens and all (`writesFileName`).
        let writesName =
            plain && writesFileName(start..<(start + text.count), target: target, in: article, after: resolved.link.range.upperBound)
        // A link whose text is the target's whole title, with punctuation the matcher does not read
        // across ("Go Concurrency Patterns: Context"), is scored as the whole-title citation it would
        // be proposed as (see `wholeTitle(around:target:in:)`), not as the title part it contains.
        func withoutArticle(_ keys: [String]) -> [String] {
            keys.count > 1 && ["the", "a", "an"].contains(keys[0]) ? Array(keys.dropFirst()) : keys
        }
        let punctuated = text.contains { byte in
            byte < 0x80 && !(byte == 0x20 || Self.joiners.contains(byte) || (0x30...0x39).contains(byte)
                || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte))
        }
        let isWholeTitle = punctuated && keys.count >= 2
            && withoutArticle(keys) == withoutArticle(index.tokenizer.keys(site.articles[target].title))
        // Worked out for the first topic the text names (the same for every one).
        var similarity: Double? = nil
        var sectionHashes = SectionOpeningHashes()
        for number in topics {
            let topic = index.topics[number]
            guard Self.contains(keys, topic.keys) else { continue }
            let related = similarity ?? relatedness.similarity(source, target)
            similarity = related
            let language = site.languages.number(of: source)
            let frequency = table.phrases.knownArticles(mentioningTopic: number, language: language)
                ?? table.phrases.articles(mentioningKey: topic.keys.joined(separator: " "), language: language)
            let cited = isWholeTitle
                || (titleCased && topic.keys.count >= 2 && [.title, .alias, .heading].contains(topic.source))
                || (writesName && topic.keys.count >= 2)
                || (plain && Self.namesWholePage(topic.source)
                    && opensSection(start..<(start + text.count), keys: topic.keys, in: article, hashes: &sectionHashes))
            let features = CandidateFeatures(
                topicWeight: isWholeTitle ? max(topic.weight, Topic.Source.title.defaultWeight) : topic.weight,
                specificity: specificity(documentFrequency: max(frequency ?? 0, 1), source: source),
                relatedness: related, position: position, ambiguity: 1,
                mentionsOfTarget: 1, words: topic.keys.count, isCode: false, context: .paragraph,
                isSection: topic.source == .heading, isCitation: cited, citesTitle: cited && topic.source != .heading,
                pointsForward: chronology.pointsForward(from: source, to: target),
                namesOwnSubject: namesOwnSubject(topic.keys, source: source, isSection: topic.source == .heading))
            best = max(best, Self.score(features))
        }
        return best
    }

    /// The score of a code link (`` [`ref()`](…) ``) as the code mention it would be proposed as: the
    /// target's code-name topics for the code, scored as `scoredCandidates` scores an inline code span.
    /// Without it such a link scored 0, and a documentation site whose links are mostly code names (or
    /// one `apply` linked) calibrated to the lowest threshold.
    private func hiddenCodeLinkScore(
        _ resolved: ResolvedLink, source: Int, target: Int, position: Double, table: MentionTable
    ) -> Double {
        let key = CodeName.key(resolved.link.text)
        guard let numbers = index.codeTopics(forKey: key) else { return 0 }
        var best = 0.0
        for number in numbers where index.topics[Int(number)].target == target {
            let topic = index.topics[Int(number)]
            let language = site.languages.number(of: source)
            let frequency = table.phrases.knownArticles(mentioningTopic: Int(number), language: language)
                ?? table.phrases.articles(mentioningKey: "code:" + CodeName.key(topic.phrase), language: language)
            let features = CandidateFeatures(
                topicWeight: topic.weight,
                specificity: specificity(documentFrequency: max(frequency ?? 0, 1), source: source),
                relatedness: relatedness.similarity(source, target), position: position, ambiguity: 1,
                mentionsOfTarget: 1, words: 1, isCode: true, context: .paragraph,
                pointsForward: chronology.pointsForward(from: source, to: target),
                namesOwnSubject: namesOwnSubject(topic.keys, source: source, isSection: false))
            best = max(best, Self.score(features))
        }
        return best
    }

    /// Bytes that join two words into one phrase for the matcher (`KeywordIndex.joins`), and apostrophes.
    private static let joiners: Set<UInt8> = Set("-_/=+.'".utf8)

    /// Whether `needle` stands in `haystack` as a run of consecutive words (never when empty).
    static func contains(_ haystack: [String], _ needle: [String]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count)
        where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }
}
