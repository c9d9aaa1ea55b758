import Foundation
import InterlinkMarkdown

/// Settings of the linking policy and ranking.
public struct SuggestOptions: Sendable {
    /// Suggestions scoring below this are dropped; nil means "calibrate on the site's own links, else the default".
    public var minimumScore: Double?
    /// The most new links proposed for one article.
    public var maximumLinksPerArticle: Int
    /// One new link per this many words of an article.
    public var wordsPerLink: Int
    /// When set, a long article's maximum grows past `maximumLinksPerArticle` to one link per this many
    /// words (a 12,000-word reference page is not held to the ten links of a blog post). Nil when the
    /// maximum was given explicitly: then it holds for every article.
    public var longArticleWordsPerLink: Int?
    /// Source articles to report (paths relative to the root); nil reports every article.
    public var sourcePaths: Set<String>?
    /// Topic rules: extra stopwords, generic anchors and synonyms.
    public var topicRules: TopicRules
    /// Targets never linked to.
    public var neverLinkTo: [Glob]
    /// Sources never given new links.
    public var neverTouch: [Glob]
    /// Ids of suggestions an editor turned down (`.interlink-ignore`).
    public var rejectedIDs: Set<String> = []
    /// When set, only links to this article (path) are proposed: feeding a new post from the old ones.
    public var inboundTarget: String?

    /// The score threshold used when a site has too few links to calibrate on.
    public static let defaultMinimumScore = 0.3
    /// The default maximum of links per article, for articles up to ten times `defaultLongArticleWordsPerLink` words.
    public static let defaultMaximumLinksPerArticle = 10
    /// Past the default maximum, a long article may have one link per this many words.
    public static let defaultLongArticleWordsPerLink = 200

    public init(
        minimumScore: Double? = nil, maximumLinksPerArticle: Int = 10, wordsPerLink: Int = 150,
        longArticleWordsPerLink: Int? = nil, sourcePaths: Set<String>? = nil, topicRules: TopicRules = TopicRules(),
        neverLinkTo: [Glob] = [], neverTouch: [Glob] = []
    ) {
        self.minimumScore = minimumScore
        self.maximumLinksPerArticle = maximumLinksPerArticle
        self.wordsPerLink = wordsPerLink
        self.longArticleWordsPerLink = longArticleWordsPerLink
        self.sourcePaths = sourcePaths
        self.topicRules = topicRules
        self.neverLinkTo = neverLinkTo
        self.neverTouch = neverTouch
    }

    /// The most links an article of `words` words may have: `maximum`, or one per `wordsPerLink` words
    /// when that is more.
    public static func maximumLinks(_ maximum: Int, growingBy wordsPerLink: Int?, words: Int) -> Int {
        guard let wordsPerLink, wordsPerLink > 0 else { return maximum }
        return max(maximum, words / wordsPerLink)
    }

    /// Options from a configuration file; explicit command-line values (non-nil) win.
    public init(
        configuration: Configuration, minimumScore: Double? = nil, maximumLinksPerArticle: Int? = nil,
        sourcePaths: Set<String>? = nil
    ) {
        self.init(
            minimumScore: minimumScore ?? configuration.minimumScore,
            maximumLinksPerArticle: maximumLinksPerArticle ?? configuration.maximumLinksPerArticle
                ?? Self.defaultMaximumLinksPerArticle,
            wordsPerLink: configuration.wordsPerLink ?? 150,
            longArticleWordsPerLink: (maximumLinksPerArticle ?? configuration.maximumLinksPerArticle) == nil
                ? Self.defaultLongArticleWordsPerLink : nil,
            sourcePaths: sourcePaths,
            topicRules: TopicRules(
                stopwords: Set(configuration.stopwords.map { $0.lowercased() }),
                genericAnchors: Set(configuration.genericAnchors.map { $0.lowercased() }),
                synonyms: configuration.synonyms),
            neverLinkTo: configuration.neverLinkTo, neverTouch: configuration.neverTouch)
    }
}

/// A possible link before policy is applied: one mention of one topic of one target.
public struct Candidate: Sendable, Hashable {
    public var source: Int
    public var target: Int
    public var topic: Int32
    public var mention: Mention
    public var features: CandidateFeatures
    public var score: Double
}

/// The signals a candidate is ranked by.
public struct CandidateFeatures: Sendable, Hashable, Codable {
    /// Trust in the topic's source (title, alias, heading…).
    public var topicWeight: Double
    /// How rare the phrase is across the site: 1 when only one article says it, towards 0 when all do.
    public var specificity: Double
    /// TF-IDF cosine of source and target.
    public var relatedness: Double
    /// Where the mention sits in the article, 0 (start) … 1 (end).
    public var position: Double
    /// How many different targets the same phrase names.
    public var ambiguity: Int
    /// How many times the source mentions this target's topics.
    public var mentionsOfTarget: Int
    /// Words in the anchor.
    public var words: Int
    /// Whether the anchor is an inline code span.
    public var isCode: Bool
    /// Block kind of the mention.
    public var context: BlockContext
    /// Whether the topic is a heading of the target (the link goes to a section).
    public var isSection: Bool = false
    /// Whether the mention is written as a name (title case, or the whole title verbatim), not as
    /// a word of the sentence: see `Suggester+Citation.swift`.
    public var isCitation: Bool = false
    /// Whether the anchor is the target's whole title (or an alias) written as a citation: such a
    /// link does not count against the per-article density cap.
    public var citesTitle: Bool = false
    /// Whether the target was published after the source, on a site whose links respect publication
    /// order (see `Chronology`).
    public var pointsForward: Bool = false
    /// Whether the mention is prose whose words stand in the source's own title: it names the
    /// source's subject (see `Suggester+OwnSubject.swift`).
    public var namesOwnSubject: Bool = false
    /// Whether the mention, the target's title or alias, opens a section named after the target: the
    /// section is about the target, and the mention counts as a citation (see
    /// `Suggester+SectionOpening.swift`).
    public var opensSection: Bool = false
    /// Whether the anchor is the whole text of a list item and the target's title or alias: an entry
    /// of a list of articles, linked whatever the per-article caps (see `Suggester+ListEntry.swift`).
    public var isListEntry: Bool = false
    /// Whether the anchor is an entry of a list of pages (three or more items in a row, each naming
    /// a page): a table of contents, whose entries are linked whatever their score's parts say (see
    /// `Suggester+ListEntry.swift`).
    public var isContentsEntry: Bool = false
    /// Whether the anchor is the target's whole title between quotation marks (“Fixing For Loops in
    /// Go 1.22”): a reference the writer spelled out, linked whatever the per-article caps, as a list
    /// entry is (see `Suggester+Citation.swift`).
    public var isQuotedTitle: Bool = false
    /// Whether the anchor is a reference to another post ("our previous post") and the target the post
    /// it most likely means (see `Suggester+PostReference.swift`).
    public var refersToPost: Bool = false

    public init(
        topicWeight: Double, specificity: Double, relatedness: Double, position: Double, ambiguity: Int,
        mentionsOfTarget: Int, words: Int, isCode: Bool, context: BlockContext, isSection: Bool = false,
        isCitation: Bool = false, citesTitle: Bool = false, pointsForward: Bool = false,
        namesOwnSubject: Bool = false
    ) {
        self.topicWeight = topicWeight
        self.specificity = specificity
        self.relatedness = relatedness
        self.position = position
        self.ambiguity = ambiguity
        self.mentionsOfTarget = mentionsOfTarget
        self.words = words
        self.isCode = isCode
        self.context = context
        self.isSection = isSection
        self.isCitation = isCitation
        self.citesTitle = citesTitle
        self.pointsForward = pointsForward
        self.namesOwnSubject = namesOwnSubject
    }
}

/// The suggester: finds candidate links in every article, ranks them, and applies the linking policy.
public struct Suggester: Sendable {
    public let site: Site
    public let graph: LinkGraph
    public let index: KeywordIndex
    public let relatedness: Relatedness
    /// How the site writes each word, for telling a cited name from a term.
    public let wordCase: WordCase
    /// Publication dates, for telling a link back to an earlier post from one forward in time.
    public let chronology: Chronology
    /// Each article's title as word keys, for telling a mention of the source's own subject.
    let titleKeys: [[String]]
    /// Each article's headings as word-key hashes (`headingKeys(of:tokenizer:)`), for the same test.
    let headingKeys: [[UInt64]]
    /// Each article's title as a citation writes it (`citableTitles(of:)`).
    let citableTitles: [[UInt8]]
    /// The target of each topic of the index.
    let topicTargets: [Int]
    public let options: SuggestOptions

    /// What this run computed per article, for the on-disk cache (`ArticleCache`); only kept when the
    /// suggester was given a `SuggestReuse` (that is, when a cache is in use).
    let memo: SuggestMemo
    /// Mentions from an earlier run, when they were found with an index identical to this one.
    let reusedMentions: LentValues<ArticleMentions>?

    /// Whether this suggester takes the mentions of an earlier run (`SuggestReuse`) instead of matching
    /// every article again: true when the earlier run's topic index was the same as this one's.
    public var reusesMentions: Bool { reusedMentions != nil }

    public init(site: Site, graph: LinkGraph, options: SuggestOptions = SuggestOptions(), reuse: SuggestReuse? = nil) {
        self.site = site
        self.graph = graph
        self.options = options
        let tokenizer = Tokenizer()
        // Pages the configuration keeps out of links, and pages published at another page's URL (a link
        // to one leads to the other: `Site.articlesShadowedByURL`).
        let excluded = Set(site.articles.indices.filter { index in
            options.neverLinkTo.contains { $0.matches(site.articles[index].path) }
        }).union(site.articlesShadowedByURL)
        let siteBytes = site.byteCount
        let memo = SuggestMemo(enabled: reuse != nil)
        self.memo = memo
        self.chronology = Chronology(site: site, graph: graph)
        // Relatedness first: its word counts (16 bytes per distinct word of every article) are its
        // largest temporary, and are freed while the heap is still small, before the topic index.
        self.relatedness = StageTimer.shared.measure("relatedness") {
            let stopwords = Relatedness.stopwordHashes
            // Each article's counts decoded from the cache, or counted, in the same task.
            let counted = site.articles.indices.parallelMap { article -> (Relatedness.TermCounts, reused: Bool) in
                if let known = reuse?.termCounts[article] { return (known, true) }
                return (
                    Relatedness.termCounts(of: site.articles[article].loaded(), tokenizer: tokenizer, stopwords: stopwords),
                    false
                )
            }
            let counts = counted.map(\.0)
            if memo.enabled {
                // Only what was counted in this run is kept for the cache file: what came from it is
                // copied or read again from it, so a large site does not hold every article's counts.
                let reused = counted.map(\.reused)
                memo.termCountsReused = reused
                memo.termCounts = KeptParts.keeping(count: counts.count, root: reuse?.scratchRoot) {
                    reused[$0] ? nil : DerivedContent.encoded(termCounts: counts[$0])
                }
            }
            return Relatedness(counts: counts)
        }
        FreedMemory.release(siteBytes: siteBytes)
        let index = StageTimer.shared.measure("index") { () -> KeywordIndex in
            let cached = reuse.flatMap { $0.topics.isEmpty ? nil : $0.topics.all() }
            let own = KeywordIndex.ownTopics(
                site: site, tokenizer: tokenizer, rules: options.topicRules, excludedTargets: excluded,
                cached: cached)
            if memo.enabled {
                // As with word counts above: only the topics extracted in this run are kept.
                let reused = site.articles.indices.map { cached?[$0] != nil }
                memo.topicsReused = reused
                memo.topics = KeptParts.keeping(count: own.count, root: reuse?.scratchRoot) {
                    reused[$0] ? nil : own[$0].map { DerivedContent.encoded(topics: $0) }
                }
            }
            return KeywordIndex(
                site: site, graph: graph, ownTopics: own, tokenizer: tokenizer, rules: options.topicRules,
                excludedTargets: excluded)
        }
        self.index = index
        self.topicTargets = index.topics.map(\.target)
        FreedMemory.release(siteBytes: siteBytes)
        if let reuse {
            let fingerprint = index.fingerprint
            memo.indexFingerprint = fingerprint
            memo.linkFingerprint = reuse.linkFingerprint
            reusedMentions = reuse.indexFingerprint == fingerprint ? reuse.mentions : nil
        } else {
            reusedMentions = nil
        }
        self.wordCase = StageTimer.shared.measure("case") {
            let words = WordCase.countedWords(
                index.topics.filter { [.title, .alias, .heading].contains($0.source) }.map(\.phrase))
            // An article's tally depends on its bytes and the counted words only: an earlier run's
            // tally holds when it counted the same words.
            let fingerprint = reuse.map { _ in WordCase.fingerprint(of: words) }
            let cached = reuse.flatMap { $0.wordCaseFingerprint == fingerprint ? $0.wordCase : nil }
            let counted = site.articles.indices.parallelMap { article -> (WordCase.ArticleTally, reused: Bool) in
                if let known = cached?[article] { return (known, true) }
                return (WordCase.tally(of: site.articles[article].loaded(), words: words), false)
            }
            let tallies = counted.map(\.0)
            if memo.enabled {
                let reused = counted.map(\.reused)
                memo.wordCaseFingerprint = fingerprint
                memo.wordCaseReused = reused
                memo.wordCase = KeptParts.keeping(count: tallies.count, root: reuse?.scratchRoot) {
                    reused[$0] ? nil : DerivedContent.encoded(wordCase: tallies[$0])
                }
            }
            return WordCase(tallies: tallies)
        }
        self.citableTitles = StageTimer.shared.measure("case") { Self.citableTitles(of: site) }
        self.titleKeys = Self.titleKeys(citableTitles: citableTitles, tokenizer: tokenizer)
        self.headingKeys = StageTimer.shared.measure("case") { Self.headingKeys(of: site, tokenizer: tokenizer) }
    }

    /// Every topic mention of every article, and in how many articles each phrase occurs.
    struct MentionTable: Sendable {
        var mentions: [[Mention]]
        var phrases: PhraseFrequency
    }

    /// Finds every topic mention of the site now, instead of on the first call that needs them; after
    /// it, all that `ArticleCache.update(loaded:suggester:)` reads is known.
    public func findMentions() {
        _ = mentionTable()
    }

    func mentionTable() -> MentionTable {
        if let known = memo.mentionTable { return known }
        let table = StageTimer.shared.measure("match") { buildMentionTable() }
        if memo.enabled { memo.mentionTable = table }
        return table
    }

    private func buildMentionTable() -> MentionTable {
        let index = self.index
        let reused = reusedMentions
        // Each article's mentions decoded from the cache, or found, in the same task.
        let matched = site.articles.indices.parallelMap { source -> (ArticleMentions, reused: Bool) in
            if let known = reused?[source], index.accepts(known) { return (known, true) }
            let article = site.articles[source].loaded()
            return (
                ArticleMentions(prose: index.mentions(in: article), linkText: index.mentionsInLinkText(of: article)),
                false
            )
        }
        let found = matched.map(\.0)
        if memo.enabled {
            memo.mentions = found
            memo.mentionsReused = matched.map(\.reused)
        }
        let mentions = found.map(\.prose)
        return MentionTable(
            mentions: mentions,
            phrases: PhraseFrequency(
                found: found, topicCount: index.topics.count, languages: site.languages,
                key: { [index] in Self.phraseKey(topic: $0, isCode: $1, in: index) }))
    }

    /// How rare a phrase that `documentFrequency` articles mention is: 1 when one article says it, towards
    /// 0 when every article does; on a site with translations, every article of `source`'s language
    /// (`PhraseFrequency` counts per language).
    func specificity(documentFrequency: Int, source: Int) -> Double {
        let total = Double(site.languages.articleCount(inLanguageOf: source) ?? site.articles.count)
        guard total > 1 else { return 1 }
        return max(0, min(1, log((total + 1) / Double(max(documentFrequency, 1))) / log(total + 1)))
    }

    /// All candidates of the site, scored, before policy.
    public func candidates() -> [[Candidate]] {
        candidates(mentionTable())
    }

    /// Candidates scoring at least `floor` (all of them when nil).
    func candidates(_ table: MentionTable, floor: Double? = nil) -> [[Candidate]] {
        StageTimer.shared.measure("rank") { scoredCandidates(table, floor: floor) }
    }

    private func scoredCandidates(_ table: MentionTable, floor: Double?) -> [[Candidate]] {
        site.articles.indices.parallelMap { source in scoredCandidates(of: source, table, floor: floor) }
    }

    /// The candidates of one source article scoring at least `floor` (all of them when nil);
    /// `loaded` is the source article with its bytes in memory, when the caller has it already.
    func scoredCandidates(of source: Int, loaded: Article? = nil, _ table: MentionTable, floor: Double?) -> [Candidate] {
        let mentions = table.mentions
        let phrases = table.phrases
        let topics = index.topics
        let languages = site.languages
        let language = languages.number(of: source)
        do {
            let article = loaded ?? site.articles[source].loaded()
            guard article.frontMatter.isLinkSource, !options.neverTouch.contains(where: { $0.matches(article.path) }),
                !article.isChangelog
            else { return [] }
            let alreadyLinked = graph.targets(of: source)
            let bodyStart = article.document.frontMatter?.range.upperBound ?? 0
            let bodyLength = Double(max(article.byteCount - bodyStart, 1))
            var perTarget: [Int: Int] = [:]
            var targets: [Int] = []
            for mention in mentions[source] {
                distinctTargets(of: mention, from: source, into: &targets)
                for target in targets { perTarget[target, default: 0] += 1 }
            }
            var result: [Candidate] = []
            // The enumerations of the source's prose: each enumerated mention's run, by its first byte.
            let enumerationOfStart = Self.enumerationRuns(mentions[source], in: article.bytes)
            // A source mentions a target several times: its similarity is worked out once.
            var similarities: [Int: Double] = [:]
            var sectionHashes = SectionOpeningHashes()
            for mention in mentions[source] {
                distinctTargets(of: mention, from: source, into: &targets)
                targets.removeAll { $0 == source }
                // Written as a file name ("see maintaining-icu.md"): only that file's page, and the link
                // takes in the extension instead of leaving it dangling after the link.
                let fileNameEnd = mention.isCode ? nil : KeywordIndex.fileExtensionEnd(article.bytes, after: mention.range)
                if let fileNameEnd {
                    // The last part of a path written out ("content/posts/page-speed.md") is no link of
                    // its own.
                    if mention.range.lowerBound > 0,
                        [UInt8(ascii: "/"), UInt8(ascii: "\\")].contains(article.bytes[mention.range.lowerBound - 1])
                    {
                        continue
                    }
                    targets.removeAll { !Self.isFileName(article.bytes[mention.range.lowerBound..<fileNameEnd], of: site.articles[$0]) }
                    if targets.isEmpty { continue }
                }
                let specificity = specificity(
                    documentFrequency: phrases.knownArticles(mentioning: mention, language: language)
                        ?? phrases.articles(mentioningKey: phraseKey(mention), language: language) ?? 1,
                    source: source)
                for topicIndex in mention.topics {
                    // The topic's fields are read in place: copying a `Topic` out of the array retained
                    // its phrase, keys and fragment once per mention and topic.
                    let number = Int(topicIndex)
                    let target = topics[number].target
                    guard target != source, languages.same(source, target), !alreadyLinked.contains(target),
                        fileNameEnd == nil || targets.contains(target)
                    else { continue }
                    let topicSource = topics[number].source
                    let longTitle = KeywordIndex.isLongTitle(source: topicSource, keyCount: topics[number].keys.count)
                    let wholeTitlePossible =
                        longTitle
                        || topicSource != .heading && topicSource != .codeName && !mention.isCode
                            && citableTitles[target].count > mention.range.count
                    // Title case, or a file name written hyphens and all (`writesFileName`), make a citation.
                    // A title's trail of levels ("Tutorial - User Guide" of "Tutorial - User Guide - Intro")
                    // written out, separators and all, names the page as a title does.
                    let citesTrail = topicSource == .titlePart && !mention.isCode
                        && Self.spansLevelSeparator(mention.range, in: article.bytes)
                    let titleCasePossible =
                        !mention.isCode && mention.wordCount >= 2
                        && (topicSource == .title || topicSource == .alias || topicSource == .heading || topicSource == .fileName
                            || citesTrail)
                    // Relatedness at its cap (0.25 counts fully), no link forward in time, not the source's
                    // own subject: the most the rest can give.
                    var features = CandidateFeatures(
                        topicWeight: topics[number].weight, specificity: specificity, relatedness: 0.25,
                        position: Double(mention.range.lowerBound - bodyStart) / bodyLength, ambiguity: targets.count,
                        mentionsOfTarget: perTarget[target] ?? 1, words: mention.wordCount,
                        isCode: mention.isCode, context: mention.context, isSection: topicSource == .heading)
                    // The file's name written out, extension and all, cites the page of that name (its
                    // ambiguity the number of folders holding a file of that name, `targets` by now).
                    if fileNameEnd != nil { features.isCitation = true }
                    // The page's name opening the section named after it.
                    if Self.namesWholePage(topicSource), !mention.isCode,
                        opensSection(
                            mention.range, keys: topics[number].keys, topic: number, in: article, hashes: &sectionHashes)
                    {
                        features.isCitation = true
                        features.opensSection = true
                    }
                    // An entry of a list of pages may be lifted above the floor (`markContentsEntries`).
                    let mayBeContentsEntry =
                        !mention.isCode
                        && (mention.context == .listItem && Self.namesPage(topicSource)
                            || Self.namesWholePage(topicSource) && enumerationOfStart[mention.range.lowerBound] != nil)
                    // Under the floor whatever is found below: not worth finding it.
                    if let floor, !mayBeContentsEntry,
                        Self.bestScore(features, wholeTitle: wholeTitlePossible, titleCased: titleCasePossible) < floor
                    {
                        continue
                    }
                    if let known = similarities[target] {
                        features.relatedness = known
                    } else {
                        let similarity = relatedness.similarity(source, target)
                        similarities[target] = similarity
                        features.relatedness = similarity
                    }
                    features.pointsForward = chronology.pointsForward(from: source, to: target)
                    // A release named before its announcement was published is a release still to come.
                    if features.pointsForward, topicSource == .release { continue }
                    features.namesOwnSubject = namesOwnSubject(
                        topics[number].keys, source: source, isSection: topicSource == .heading)
                    // Under the floor whatever the citation checks below find.
                    if let floor, !mayBeContentsEntry,
                        Self.bestScore(features, wholeTitle: wholeTitlePossible, titleCased: titleCasePossible) < floor
                    {
                        continue
                    }
                    var placed = mention
                    if let fileNameEnd {
                        placed.range = mention.range.lowerBound..<fileNameEnd
                    } else if topicSource != .heading, topicSource != .codeName,
                        let (whole, words) = wholeTitle(around: mention, target: target, in: article)
                    {
                        // The whole title stands around the matched part: link it, as a citation.
                        placed.range = whole
                        placed.wordCount = words
                        features.words = words
                        features.topicWeight = max(features.topicWeight, Topic.Source.title.defaultWeight)
                        features.ambiguity = 1
                        features.isCitation = true
                        features.citesTitle = true
                    } else if longTitle {
                        // A title longer than any other anchor, written out whole: a citation.
                        features.ambiguity = 1
                        features.isCitation = true
                        features.citesTitle = true
                    } else if !mention.isCode, mention.wordCount >= 2,
                        topicSource == .title || topicSource == .alias || topicSource == .heading || citesTrail,
                        isTitleCased(mention.range, in: article)
                    {
                        features.isCitation = true
                        features.citesTitle = topicSource == .title || topicSource == .alias
                    }
                    // The release event names the announcement as its title does: a citation of it.
                    if topicSource == .release { features.citesTitle = true }
                    if !features.isCitation, !mention.isCode, writesFileName(placed.range, target: target, in: article) {
                        features.isCitation = true
                    }
                    // A whole title (or alias) of two words or more between quotation marks is a citation
                    // whatever its case: the marks say it is a name.
                    if !mention.isCode,
                        features.citesTitle || placed.wordCount >= 2 && (topicSource == .title || topicSource == .alias),
                        Self.isQuoted(placed.range, in: article)
                    {
                        features.isQuotedTitle = true
                        features.isCitation = true
                        features.citesTitle = true
                    }
                    if mention.context == .listItem,
                        features.citesTitle || Self.namesPage(topicSource) || topicSource == .codeName
                            || topicSource == .heading && mention.wordCount >= 2
                    {
                        features.isListEntry = Self.isWholeListItem(placed.range, block: placed.block, in: article)
                    }
                    result.append(
                        Candidate(
                            source: source, target: target, topic: topicIndex, mention: placed,
                            features: features, score: Self.score(features)))
                }
            }
            if result.contains(where: \.features.isListEntry) { markContentsEntries(&result, source: source, in: article) }
            if !enumerationOfStart.isEmpty { markEnumeratedPages(&result, runOfStart: enumerationOfStart) }
            result += postReferenceCandidates(
                of: source, in: article, mentions: mentions[source], linked: alreadyLinked)
            if let floor { result.removeAll { !($0.score >= floor) } }
            return result
        }
    }

    /// Whether `written` (a file name as prose writes it, `maintaining-icu.md`) is the name of `article`'s
    /// file, compared without regard to case.
    static func isFileName(_ written: ArraySlice<UInt8>, of article: Article) -> Bool {
        let name = article.path.utf8.split(separator: UInt8(ascii: "/")).last ?? []
        func lower(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
        return name.count == written.count && zip(name, written).allSatisfy { lower($0) == lower($1) }
    }

    /// The different targets of a mention's topics (a handful), in `targets`, whose storage is reused.
    /// The articles `mention` may name for `source`: its topics' targets in the source's language (a
    /// title its translations share names one page per language), each once.
    private func distinctTargets(of mention: Mention, from source: Int, into targets: inout [Int]) {
        targets.removeAll(keepingCapacity: true)
        for topic in mention.topics {
            let target = topicTargets[Int(topic)]
            if !targets.contains(target), site.languages.same(source, target) { targets.append(target) }
        }
    }

    func phraseKey(_ mention: Mention) -> String {
        Self.phraseKey(topic: Int(mention.topics[0]), isCode: mention.isCode, in: index)
    }

    /// The phrase key of a mention of topic number `topic` of `index`, in code or not.
    static func phraseKey(topic: Int, isCode: Bool, in index: KeywordIndex) -> String {
        isCode ? "code:" + CodeName.key(index.topics[topic].phrase) : index.topics[topic].keys.joined(separator: " ")
    }

    /// Whether `bytes[range]` holds a separator between the levels of a title
    /// (`KeywordIndex.levelSeparators`: " - ", ": ", " – ", " — ").
    static func spansLevelSeparator(_ range: Range<Int>, in bytes: [UInt8]) -> Bool {
        let mention = bytes[range]
        return KeywordIndex.levelSeparatorBytes.contains { mention.firstRange(of: $0) != nil }
    }

    /// How much a mention of the source's own subject keeps of its score.
    static let ownSubjectFactor = 0.5

    /// The ranking function: a product of signals, each in 0…1.
    public static func score(_ features: CandidateFeatures) -> Double {
        let related = min(1, features.relatedness / 0.25)
        var value = features.topicWeight * pow(features.specificity, 1.0) * pow(related, 0.7)
        value *= 1 - 0.15 * features.position
        // A page named as a page ("see Typing Component Props") is far stronger evidence than the
        // same words used as a term; a section heading used as a term is weaker than a title.
        if features.isCitation {
            value *= 2
        } else if features.isSection {
            value *= 0.6
        }
        // A post links back to what was already published; a link forward in time needs a later edit.
        if features.pointsForward { value *= 0.5 }
        // The source's own subject, named in its prose, refers to the source itself.
        if features.namesOwnSubject { value *= Self.ownSubjectFactor }
        if features.ambiguity > 1 { value *= pow(1 / Double(features.ambiguity), 0.5) }
        if features.words == 1 && !features.isCode { value *= 0.85 }
        switch features.context {
        case .tableCell: value *= 0.8
        case .listItem: value *= 0.95
        case .paragraph, .blockQuote: break
        }
        return min(1, value)
    }

    /// The highest score the citation checks can give a candidate with these features: they only ever
    /// make it a citation (when its words may be `titleCased`), or a citation of the target's whole
    /// title (when one may stand around it: `wholeTitle`), which also gives it a title's weight, no
    /// ambiguity and several words. Infinite outside the signals' ranges, where a change need not
    /// raise the score.
    static func bestScore(_ features: CandidateFeatures, wholeTitle: Bool, titleCased: Bool) -> Double {
        guard features.topicWeight >= 0, features.specificity >= 0, features.position <= 1 else { return .infinity }
        var cited = features
        cited.isCitation = cited.isCitation || titleCased
        var best = score(cited)
        if wholeTitle {
            var whole = features
            whole.words = max(whole.words, 2)
            whole.topicWeight = max(whole.topicWeight, Topic.Source.title.defaultWeight)
            whole.ambiguity = 1
            whole.isCitation = true
            whole.isSection = false
            let score = score(whole)
            if !(score <= best) { best = score }
        }
        return best
    }
}

/// The topic mentions of one article: in its prose (where links may go) and in the text of its
/// existing links (which only count towards how common a phrase is).
public struct ArticleMentions: Sendable, Hashable {
    public var prose: [Mention]
    public var linkText: [Mention]

    public init(prose: [Mention], linkText: [Mention]) {
        self.prose = prose
        self.linkText = linkText
    }
}

/// Per-article results of an earlier run that a suggester may use instead of computing them again
/// (from `ArticleCache`); each is indexed like `Site.articles`, nil where nothing is known. What the
/// cache lends is decoded from its file when a stage asks for it, so that a run holds no more of it
/// at a time than it would have computed itself.
public struct SuggestReuse: Sendable {
    /// Word counts for relatedness.
    public var termCounts: LentValues<Relatedness.TermCounts>
    /// A target's own topics, with `target` set to the article's index in this site.
    public var topics: LentValues<[Topic]>
    /// Mentions, valid only with an index whose fingerprint is `indexFingerprint`.
    public var mentions: LentValues<ArticleMentions>
    /// The fingerprint of the index the mentions were found with.
    public var indexFingerprint: ContentHash?
    /// How each article writes the counted words of `WordCase`, valid only when the counted words have
    /// the fingerprint `wordCaseFingerprint` (`WordCase.fingerprint(of:)`).
    public var wordCase: LentValues<WordCase.ArticleTally>
    /// The fingerprint of the words the tallies counted.
    public var wordCaseFingerprint: ContentHash?
    /// Where each article's links point, in document order (for `LinkGraph.init(site:known:)`), nil
    /// where not known; empty when none is.
    public var resolutions: LentValues<[LinkResolution]>
    /// This run's `LinkResolver.fingerprint(of:)`, worked out once for reading and writing the cache.
    public var linkFingerprint: ContentHash?
    /// The site root in whose cache folder what a run makes for the next cache file waits for it
    /// (`KeptParts`), on a large site; nil: kept in memory.
    var scratchRoot: URL? = nil

    public init(
        termCounts: LentValues<Relatedness.TermCounts>, topics: LentValues<[Topic]>,
        mentions: LentValues<ArticleMentions>, indexFingerprint: ContentHash?,
        wordCase: LentValues<WordCase.ArticleTally> = LentValues(), wordCaseFingerprint: ContentHash? = nil,
        resolutions: LentValues<[LinkResolution]> = LentValues(), linkFingerprint: ContentHash? = nil
    ) {
        self.termCounts = termCounts
        self.topics = topics
        self.mentions = mentions
        self.indexFingerprint = indexFingerprint
        self.wordCase = wordCase
        self.wordCaseFingerprint = wordCaseFingerprint
        self.resolutions = resolutions
        self.linkFingerprint = linkFingerprint
    }
}

/// One kind of value lent per article (`SuggestReuse`): held in an array, or decoded from the cache
/// file each time one is asked for. Reading past the end gives nil.
public struct LentValues<Value: Sendable>: Sendable {
    /// How many articles the values are for (0: none known).
    public let count: Int
    private let value: @Sendable (Int) -> Value?

    /// No values.
    public init() {
        self.init(count: 0) { _ in nil }
    }

    /// Values known already.
    public init(_ values: [Value?]) {
        self.init(count: values.count) { values[$0] }
    }

    /// Values worked out by `value`, each time one is asked for.
    init(count: Int, value: @escaping @Sendable (Int) -> Value?) {
        self.count = count
        self.value = value
    }

    /// Whether no article's value is known.
    public var isEmpty: Bool { count == 0 }

    /// The value for the article at `index` (decoded again on every call when lent by a cache).
    public subscript(index: Int) -> Value? {
        index >= 0 && index < count ? value(index) : nil
    }

    /// Every article's value, on all cores.
    public func all() -> [Value?] {
        (0..<count).parallelMap { self[$0] }
    }
}

/// What a suggester computed, kept for the on-disk cache. Written while the suggester is built and on
/// its first matching pass; read after the run.
final class SuggestMemo: @unchecked Sendable {
    let enabled: Bool
    private let lock = NSLock()
    private var _topics = KeptParts()
    private var _termCounts = KeptParts()
    private var _termCountsReused: [Bool] = []
    private var _topicsReused: [Bool] = []
    private var _mentions: [ArticleMentions]? = nil
    private var _mentionsReused: [Bool] = []
    private var _mentionTable: Suggester.MentionTable? = nil
    private var _indexFingerprint: ContentHash? = nil
    private var _wordCase = KeptParts()
    private var _wordCaseReused: [Bool] = []
    private var _wordCaseFingerprint: ContentHash? = nil
    private var _linkFingerprint: ContentHash? = nil

    init(enabled: Bool) { self.enabled = enabled }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    /// Own topics extracted in this run, encoded for the cache file (`DerivedContent.encoded(topics:)`;
    /// nil for non-targets and where they came from the cache). Encoded as soon as made, the parts kept
    /// for the cache file take a fraction of the memory of the values.
    var topics: KeptParts {
        get { locked { _topics } }
        set { locked { _topics = newValue } }
    }
    /// Word counts made in this run, encoded (nil where they came from the cache).
    var termCounts: KeptParts {
        get { locked { _termCounts } }
        set { locked { _termCounts = newValue } }
    }
    /// Whether each article's word counts came from the cache.
    var termCountsReused: [Bool] {
        get { locked { _termCountsReused } }
        set { locked { _termCountsReused = newValue } }
    }
    /// Whether each article's own topics came from the cache.
    var topicsReused: [Bool] {
        get { locked { _topicsReused } }
        set { locked { _topicsReused = newValue } }
    }
    var mentions: [ArticleMentions]? {
        get { locked { _mentions } }
        set { locked { _mentions = newValue } }
    }
    /// Whether each article's mentions came from the cache.
    var mentionsReused: [Bool] {
        get { locked { _mentionsReused } }
        set { locked { _mentionsReused = newValue } }
    }
    var mentionTable: Suggester.MentionTable? {
        get { locked { _mentionTable } }
        set { locked { _mentionTable = newValue } }
    }
    var indexFingerprint: ContentHash? {
        get { locked { _indexFingerprint } }
        set { locked { _indexFingerprint = newValue } }
    }
    /// Word-case tallies made in this run, encoded (nil where they came from the cache).
    var wordCase: KeptParts {
        get { locked { _wordCase } }
        set { locked { _wordCase = newValue } }
    }
    /// Whether each article's word-case tally came from the cache.
    var wordCaseReused: [Bool] {
        get { locked { _wordCaseReused } }
        set { locked { _wordCaseReused = newValue } }
    }
    /// The fingerprint of the words this run's tallies count.
    var wordCaseFingerprint: ContentHash? {
        get { locked { _wordCaseFingerprint } }
        set { locked { _wordCaseFingerprint = newValue } }
    }
    /// The site's `LinkResolver.fingerprint(of:)`, from `SuggestReuse`.
    var linkFingerprint: ContentHash? {
        get { locked { _linkFingerprint } }
        set { locked { _linkFingerprint = newValue } }
    }
}
