import Foundation
import InterlinkMarkdown

/// The topics of every article, compiled into a token trie so that all prose of the site can be
/// scanned against all topics at once, in time linear in the text.
public struct KeywordIndex: Sendable {
    /// Every topic, in a deterministic order.
    public let topics: [Topic]
    /// Trie over word hashes (`Tokenizer.hash`): the child of a node for a word, all edges in one table
    /// (a dictionary per node would cost a large site hundreds of megabytes).
    let edges: TrieEdgeTable
    /// Topics ending at each trie node (empty for a node where none ends), shared by every mention of
    /// the node: a large site's millions of mentions would otherwise each hold a copy.
    let terminalLists: [[Int32]]
    /// Per node, whether a topic ends there and what its topics ask of a mention
    /// (`NodeFlags`): the matcher reads a byte per node instead of the topics themselves.
    let nodeFlags: [NodeFlags]
    /// Code key (`CodeName.key`) → code-name topics.
    let codeTopics: [String: [Int32]]
    /// The tokenizer used for topics and prose alike.
    public let tokenizer: Tokenizer
    /// Articles that are never targets (configuration).
    public let excludedTargets: Set<Int>
    /// Whether each article may be a target (`isTarget(_:)`, `excludedTargets` not applied), parallel to
    /// `Site.articles`.
    let targetFlags: [Bool]

    /// Builds the index for `site`, using existing links of `graph` as learned anchors.
    public init(
        site: Site, graph: LinkGraph, tokenizer: Tokenizer = Tokenizer(), rules: TopicRules = TopicRules(),
        excludedTargets: Set<Int> = []
    ) {
        let own = Self.ownTopics(site: site, tokenizer: tokenizer, rules: rules, excludedTargets: excludedTargets)
        self.init(site: site, graph: graph, ownTopics: own, tokenizer: tokenizer, rules: rules, excludedTargets: excludedTargets)
    }

    /// Each target's own topics (title, aliases, keywords, file name, headings, synonyms), on all cores;
    /// nil for articles that are not targets. `cached` topics, where given, are used instead of
    /// extracting them again.
    static func ownTopics(
        site: Site, tokenizer: Tokenizer, rules: TopicRules, excludedTargets: Set<Int>, cached: [[Topic]?]? = nil
    ) -> [[Topic]?] {
        return site.articles.indices.parallelMap { index -> [Topic]? in
            guard Self.isTarget(site.articles[index]), !excludedTargets.contains(index) else { return nil }
            if let known = cached?[index] { return known }
            var found = Self.topics(of: site.articles[index], index: index, tokenizer: tokenizer, rules: rules)
            for phrase in rules.synonyms[site.articles[index].path] ?? [] {
                if let topic = Self.makeTopic(
                    phrase, source: .alias, target: index, fragment: nil, weight: nil, tokenizer: tokenizer, rules: rules)
                {
                    found.append(topic)
                }
            }
            return found
        }
    }

    /// Builds the index from each target's own topics (`ownTopics`, parallel to `Site.articles`) and the
    /// learned anchors of `graph`.
    init(
        site: Site, graph: LinkGraph, ownTopics: [[Topic]?], tokenizer: Tokenizer, rules: TopicRules,
        excludedTargets: Set<Int>
    ) {
        self.tokenizer = tokenizer
        self.excludedTargets = excludedTargets
        // Learned anchors, found per source on all cores, then gathered per target.
        let isTarget = site.articles.parallelMap { Self.isTarget($0) }
        self.targetFlags = isTarget
        let learnedBySource: [[Topic]] = site.articles.indices.parallelMap { source in
            Self.learnedTopics(
                source: source, graph: graph, isTarget: isTarget, tokenizer: tokenizer, rules: rules)
                .filter { !excludedTargets.contains($0.target) }
        }
        // Indexed by target (no hashing), in source order.
        var learnedByTarget = [[Topic]](repeating: [], count: site.articles.count)
        for topics in learnedBySource {
            for topic in topics { learnedByTarget[topic.target].append(topic) }
        }
        let learned = learnedByTarget
        let shortTitles = Self.shortTitleTopics(site: site, ownTopics: ownTopics, tokenizer: tokenizer, rules: rules)
        // Each target's topics are deduplicated and ordered on their own: a topic's identity includes
        // its target, so the targets never interact and the work stays local and parallel.
        let perTarget: [[Topic]] = site.articles.indices.parallelMap { index in
            guard let own = ownTopics[index] else { return [] }
            return Self.unique(own + (shortTitles[index].map { [$0] } ?? []), learned: learned[index])
        }
        var unique = [Topic].parallelJoined(consume perTarget)

        var edges = TrieEdgeTable()
        var nodeCount: Int32 = 1
        // The node each topic ends at (-1: a code name, not in the trie), then topics grouped by node.
        var endNode = [Int32](repeating: -1, count: unique.count)
        var codeTopics: [String: [Int32]] = [:]
        // Equal key lists (the same heading in many articles) share one array: the first list that
        // ended at each trie node (equal lists end at the same node), or for code names (not in the
        // trie) the first of each list.
        var codeKeyLists: [[String]: [String]] = [:]
        var nodeKeyLists: [[String]?] = [nil]
        for topicIndex in unique.indices {
            // Fields read in place, not a copy of the whole topic per topic.
            let keys = unique[topicIndex].keys
            if unique[topicIndex].source == .codeName {
                if let shared = codeKeyLists[keys] {
                    unique[topicIndex].keys = shared
                } else {
                    codeKeyLists[keys] = keys
                }
                codeTopics[CodeName.key(unique[topicIndex].phrase), default: []].append(Int32(topicIndex))
                continue
            }
            var node: Int32 = 0
            for key in keys {
                let word = Tokenizer.hash(key)
                if let next = edges.child(node, word) {
                    node = next
                } else {
                    edges.insert(node, word, child: nodeCount)
                    node = nodeCount
                    nodeCount += 1
                    nodeKeyLists.append(nil)
                }
            }
            endNode[topicIndex] = node
            if let shared = nodeKeyLists[Int(node)] {
                // Different lists may end at one node only when their word hashes collide.
                if shared == keys { unique[topicIndex].keys = shared }
            } else {
                nodeKeyLists[Int(node)] = keys
            }
        }
        Self.dropAmbiguousBareNames(from: &codeTopics, topics: unique)
        var starts = [Int32](repeating: 0, count: Int(nodeCount) + 1)
        for node in endNode where node >= 0 { starts[Int(node) + 1] += 1 }
        for node in 0..<Int(nodeCount) { starts[node + 1] += starts[node] }
        var fill = starts
        var flat = [Int32](repeating: 0, count: Int(starts[Int(nodeCount)]))
        for (topicIndex, node) in endNode.enumerated() where node >= 0 {
            flat[Int(fill[Int(node)])] = Int32(topicIndex)
            fill[Int(node)] += 1
        }
        self.topics = unique
        self.edges = edges
        var lists = [[Int32]](repeating: [], count: Int(nodeCount))
        for node in 0..<Int(nodeCount) where starts[node] < starts[node + 1] {
            let first = Int(starts[node])
            let last = Int(starts[node + 1])
            lists[node] = Array(flat[first..<last])
        }
        self.terminalLists = lists
        self.nodeFlags = (0..<Int(nodeCount)).map { node in
            NodeFlags(topics: flat[Int(starts[node])..<Int(starts[node + 1])], of: unique)
        }
        self.codeTopics = codeTopics
    }

    /// Drops the code-name topics of a bare function name (`destroy()`, `ref()`) that the site also
    /// documents as a method of an object somewhere else (`writable.destroy()` on another page or
    /// section): written bare in inline code, the name may mean any of those objects' methods, and a
    /// page that says `destroy()` nearly always means its own object's (a stream page's `destroy` is
    /// `writable.destroy()`, not the `destroy(asyncId)` hook another page documents under that bare
    /// name). Learned ones go too: `[`ref()`][socket.ref]` on one page does not make every `ref()` of the
    /// site that socket's. A bare name whose only method is documented where it points
    /// (`getColorDepth()` for `writeStream.getColorDepth()`) stays; a property (`app.config.x`, no
    /// parentheses) makes no name ambiguous, and a tag (`<component>`) is not a function.
    static func dropAmbiguousBareNames(from codeTopics: inout [String: [Int32]], topics: [Topic]) {
        struct Place: Hashable {
            let target: Int
            let fragment: String?
        }
        var methodPlaces: [String: Set<Place>] = [:]
        for (key, numbers) in codeTopics {
            guard let name = CodeName.memberName(ofKey: key), codeTopics[name] != nil else { continue }
            for number in numbers where topics[Int(number)].phrase.hasSuffix("()") {
                methodPlaces[name, default: []].insert(
                    Place(target: topics[Int(number)].target, fragment: topics[Int(number)].fragment))
            }
        }
        for (name, places) in methodPlaces {
            guard let numbers = codeTopics[name] else { continue }
            let kept = numbers.filter { number in
                let topic = topics[Int(number)]
                return topic.phrase.hasPrefix("<") || places == [Place(target: topic.target, fragment: topic.fragment)]
            }
            codeTopics[name] = kept.isEmpty ? nil : kept
        }
    }

    /// What the topics ending at a trie node ask of a mention before they fit it
    /// (`KeywordIndex.mentions(in:spans:includeCode:)`): a bit each, for a node's topics taken together.
    struct NodeFlags: OptionSet, Sendable {
        let rawValue: UInt8

        /// Some topic ends at the node.
        static let endsTopic = NodeFlags(rawValue: 1)
        /// Some topic there matches only in its own letter case.
        static let caseSensitive = NodeFlags(rawValue: 2)
        /// Some topic there has no parenthesis in its phrase (a mention joined by one does not fit it).
        static let unparenthesised = NodeFlags(rawValue: 4)
        /// Some topic there has no spaced dash in its phrase (a mention joined by one does not fit it).
        static let undashed = NodeFlags(rawValue: 8)

        init(rawValue: UInt8) { self.rawValue = rawValue }

        /// The flags of the topics at `indices` in `all` (read in place: a copy of each topic would
        /// retain its phrase, keys and fragment).
        init(topics indices: ArraySlice<Int32>, of all: [Topic]) {
            var flags: NodeFlags = indices.isEmpty ? [] : .endsTopic
            for index in indices.lazy.map({ Int($0) }) {
                if all[index].caseSensitive { flags.insert(.caseSensitive) }
                if !all[index].phrase.utf8.contains(UInt8(ascii: "(")) { flags.insert(.unparenthesised) }
                if !KeywordIndex.hasSpacedDash(all[index].phrase) { flags.insert(.undashed) }
            }
            self = flags
        }
    }

    /// Each target's title without the site's name (`SiteNameWords`), as a title part: it depends on
    /// every title of the site, so it is found here rather than with the article's own topics (which
    /// the index cache keeps per file).
    static func shortTitleTopics(site: Site, ownTopics: [[Topic]?], tokenizer: Tokenizer, rules: TopicRules) -> [Int: Topic] {
        let titles = ownTopics.map { $0?.first { $0.source == .title }?.phrase }
        let siteName = SiteNameWords(titles: titles.compactMap { $0 })
        guard !siteName.words.isEmpty else { return [:] }
        let found = site.articles.indices.parallelMap { index -> Topic? in
            guard let title = titles[index], let short = siteName.shortTitle(title) else { return nil }
            return makeTopic(
                trimPunctuation(short), source: .titlePart, target: index, fragment: nil, weight: nil,
                tokenizer: tokenizer, rules: rules)
        }
        var result: [Int: Topic] = [:]
        for (index, topic) in found.enumerated() {
            if let topic { result[index] = topic }
        }
        return result
    }

    /// One topic per (keys, kind) of one target, the most trusted source winning, in a deterministic
    /// order (`orderString`). A learned anchor that repeats one of the target's own topics adds nothing
    /// (so the links Interlink writes do not raise the weight of their own topics on the next run).
    static func unique(_ own: [Topic], learned: [Topic]) -> [Topic] {
        let total = own.count + learned.count
        guard total > 1 else { return own + learned }
        // The topics kept, each with its identity; a target has a few dozen topics at most as a rule,
        // found again by a scan (no hashing of key lists), or by a table past `scannedIdentities`.
        var kept: [Topic] = []
        var identities: [TopicIdentity] = []
        kept.reserveCapacity(total)
        identities.reserveCapacity(total)
        var table: [TopicIdentity: Int] = [:]
        let scans = total <= Self.scannedIdentities
        if !scans { table.reserveCapacity(total) }
        func slot(of identity: TopicIdentity) -> Int? {
            scans ? identities.firstIndex(of: identity) : table[identity]
        }
        func add(_ topic: Topic, _ identity: TopicIdentity) {
            if !scans { table[identity] = kept.count }
            kept.append(topic)
            identities.append(identity)
        }
        for topic in own {
            let identity = TopicIdentity(topic)
            if let slot = slot(of: identity) {
                if kept[slot].weight >= topic.weight { continue }
                kept[slot] = topic
            } else {
                add(topic, identity)
            }
        }
        for topic in learned {
            let identity = TopicIdentity(topic)
            if slot(of: identity) == nil { add(topic, identity) }
        }
        return kept.map { (topic: $0, isASCII: isASCIIOrder($0)) }
            .sorted { orderPrecedes($0.topic, $0.isASCII, $1.topic, $1.isASCII) }
            .map(\.topic)
    }

    /// Up to this many topics, `unique` finds an identity again by scanning the ones kept.
    static let scannedIdentities = 32

    /// What makes two topics of one target the same: the same code name, or the same word keys.
    /// (Keys hold letters, digits and apostrophes only, so equal key lists are equal joined phrases.)
    enum TopicIdentity: Hashable {
        case code(String)
        case words([String])

        init(_ topic: Topic) {
            self = topic.source == .codeName ? .code(CodeName.key(topic.phrase)) : .words(topic.keys)
        }
    }

    /// The string a target's topics are ordered by: keys, fragment and source.
    static func orderString(_ topic: Topic) -> String {
        topic.keys.joined(separator: " ") + "|" + (topic.fragment ?? "") + "|" + topic.source.rawValue
    }

    static func isASCIIOrder(_ topic: Topic) -> Bool {
        !topic.keys.isEmpty && topic.keys.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
            && (topic.fragment ?? "").utf8.allSatisfy { $0 < 0x80 }
    }

    /// `orderString(a) < orderString(b)`, found without making the strings when both are ASCII (then
    /// string order is byte order), segment by segment: each key followed by a space or, after the
    /// last, `|`; then the fragment followed by `|`; then the source's name.
    static func orderPrecedes(_ a: Topic, _ aIsASCII: Bool, _ b: Topic, _ bIsASCII: Bool) -> Bool {
        guard aIsASCII, bIsASCII else { return orderString(a) < orderString(b) }
        let bar = Int(UInt8(ascii: "|"))
        let space = Int(UInt8(ascii: " "))
        for index in 0..<min(a.keys.count, b.keys.count) {
            let aNext = index + 1 < a.keys.count ? space : bar
            let bNext = index + 1 < b.keys.count ? space : bar
            switch compareASCII(a.keys[index], aNext, b.keys[index], bNext) {
            case .before: return true
            case .after: return false
            case .unknown: return orderString(a) < orderString(b)
            case .equal: continue
            }
        }
        // Equal keys (and, the separators after them being equal, as many).
        switch compareASCII(a.fragment ?? "", bar, b.fragment ?? "", bar) {
        case .before: return true
        case .after: return false
        case .unknown: return orderString(a) < orderString(b)
        case .equal: break
        }
        switch compareASCII(a.source.rawValue, -1, b.source.rawValue, -1) {
        case .before: return true
        case .after, .equal: return false
        case .unknown: return orderString(a) < orderString(b)
        }
    }

    enum ASCIIOrder { case before, after, equal, unknown }

    /// The byte order of `x` followed by `xNext` and `y` followed by `yNext` (-1: the end, before
    /// any byte). `unknown` when one string is a prefix of the other and the shorter one's next byte is
    /// the longer one's next: the order then depends on what follows.
    static func compareASCII(_ x: String, _ xNext: Int, _ y: String, _ yNext: Int) -> ASCIIOrder {
        var xBytes = x.utf8.makeIterator()
        var yBytes = y.utf8.makeIterator()
        while true {
            switch (xBytes.next(), yBytes.next()) {
            case let (p?, q?):
                if p != q { return p < q ? .before : .after }
            case (nil, nil):
                return xNext == yNext ? .equal : (xNext < yNext ? .before : .after)
            case let (nil, q?):
                return xNext == Int(q) ? .unknown : (xNext < Int(q) ? .before : .after)
            case let (p?, nil):
                return Int(p) == yNext ? .unknown : (Int(p) < yNext ? .before : .after)
            }
        }
    }

    /// The child of trie node `node` for a word hash.
    @inline(__always)
    func child(_ node: Int32, _ word: UInt64) -> Int32? { edges.child(node, word) }

    /// A hash of every topic in order: mentions found with an index of the same fingerprint are the
    /// same, so the on-disk cache may reuse them.
    public var fingerprint: ContentHash {
        // Runs of topics hashed on all cores, then the hashes of the runs in order; each topic's fields
        // read in place.
        let topics = self.topics
        var writer = BinaryWriter()
        writer.uint(UInt64(topics.count))
        writer.runHashes(count: topics.count, run: 2048) { writer, index in
            writer.string(topics[index].phrase)
            let keys = topics[index].keys
            writer.uint(UInt64(keys.count))
            for key in keys { writer.string(key) }
            writer.int(topics[index].target)
            writer.string(topics[index].source.rawValue)
            writer.optionalString(topics[index].fragment)
            writer.bool(topics[index].caseSensitive)
            writer.fixed64(topics[index].weight.bitPattern)
        }
        return ContentHash(writer.bytes)
    }

    private static let englishGenericHeadingKeys = Set(
        Vocabulary.genericHeadings.map { Tokenizer().keys($0).joined(separator: " ") })

    /// Drafts and section (list) pages are never suggested as targets.
    static func isTarget(_ article: Article) -> Bool {
        !article.isDraft && article.kind == .page && article.frontMatter.isLinkTarget
    }

    // MARK: Topic extraction

    static func topics(of article: Article, index: Int, tokenizer: Tokenizer, rules: TopicRules) -> [Topic] {
        let genericHeadingKeys = tokenizer.inflection is EnglishInflection ? englishGenericHeadingKeys
            : Set(Vocabulary.genericHeadings.map { tokenizer.keys($0).joined(separator: " ") })
        var result: [Topic] = []
        func add(_ phrase: String, _ source: Topic.Source, fragment: String? = nil, weight: Double? = nil) {
            let trimmed = Self.trimPunctuation(phrase)
            if let topic = makeTopic(
                trimmed, source: source, target: index, fragment: fragment, weight: weight, tokenizer: tokenizer,
                rules: rules)
            {
                result.append(topic)
            }
        }
        let title = stripMarkup(article.title)
        // A root index page nobody titled is called "home" for display; the word is not its name.
        let titleIsInvented = article.title == "home" && article.frontMatter.title == nil && article.document.firstH1 == nil
        if !titleIsInvented {
            add(title, .title)
            for part in titleParts(title) where part != title { add(part, .titlePart) }
            // A release announcement is cited by the event it announces ("the Go 1.14 release").
            let month = PublicationDate(of: article)?.month
            for phrase in ReleaseTitle(title: title)?.eventPhrases(month: month) ?? [] { add(phrase, .release) }
        }
        for name in article.aliasNames { add(name, .alias) }
        // A menu or sidebar name ("Pods" for "Pod Overview") is another name of the page, unless it
        // is a generic one ("Overview").
        for name in article.frontMatter.shortTitles
        where !genericHeadingKeys.contains(tokenizer.keys(stripMarkup(name)).joined(separator: " ")) {
            add(stripMarkup(name), .alias)
        }
        for keyword in article.frontMatter.keywords { add(keyword, .keyword) }
        // The file name, or the folder's for an index page (`fileNameOfPage`).
        let stem = fileNameOfPage(article)
        if !stem.isEmpty {
            let name = String((JekyllPostName(stem)?.title ?? stem).map { $0 == "-" || $0 == "_" ? " " : $0 })
            // A file name whose words stand together in the title ("race-detector.md" for "Introducing
            // the Go Race Detector") is the part of the title its author chose as the page's short
            // name: it weighs as a title part.
            let namesTitlePart = !titleIsInvented && Suggester.contains(tokenizer.keys(title), tokenizer.keys(name))
            add(name, .fileName, weight: namesTitlePart ? Topic.Source.titlePart.defaultWeight : nil)
        }
        for heading in article.document.headings where (2...4).contains(heading.level) {
            let text = stripMarkup(heading.text)
            guard !genericHeadingKeys.contains(tokenizer.keys(text).joined(separator: " ")) else { continue }
            let codeNames = CodeName.names(inHeading: text)
            if codeNames.isEmpty {
                add(text, .heading, fragment: heading.id)
            }
            for code in codeNames {
                result.append(
                    Topic(
                        phrase: code, keys: [code], target: index, source: .codeName, fragment: heading.id,
                        caseSensitive: true, weight: Topic.Source.codeName.defaultWeight))
                add(CodeName.key(code), .heading, fragment: heading.id)
            }
        }
        // A title that is a name written as code (`useState`, or a package's `create-docusaurus` behind a
        // "📦 " its site puts before every package page) is matched as a whole code span too.
        let titleName = CodeName.withoutDecoration(title)
        if CodeName.looksLikeCode(titleName) || CodeName.isHyphenatedName(titleName) {
            result.append(
                Topic(
                    phrase: titleName, keys: [titleName], target: index, source: .codeName, fragment: nil,
                    caseSensitive: true, weight: Topic.Source.codeName.defaultWeight))
        }
        return result
    }

    /// The name a page's file gives it: its stem (without a language code: `about.fr.md` is "about"),
    /// or for a folder's index page (a Hugo page bundle `posts/my-post/index.md`, an MkDocs or
    /// Docusaurus `guide/index.md`) the folder's name, which is what its URL says.
    static func fileNameOfPage(_ article: Article) -> String {
        // A translation's language code is no part of its name (`about.fr.md`, `index.de.md`).
        let stem = LanguageTag.suffix(ofStem: article.stem)?.stem ?? article.stem
        guard ["index", "_index", "readme"].contains(stem.lowercased()) else { return stem }
        return ArticlePath.directory(of: article.path).split(separator: "/").last.map(String.init) ?? ""
    }

    /// The anchors of `source`'s existing links to targets, as topics of those targets; `isTarget`
    /// tells, per article, `isTarget(_:)`. Read from the parsed links alone (not the file's bytes).
    static func learnedTopics(
        source sourceIndex: Int, graph: LinkGraph, isTarget: [Bool], tokenizer: Tokenizer, rules: TopicRules
    ) -> [Topic] {
        var result: [Topic] = []
        guard !graph.outgoing[sourceIndex].isEmpty else { return result }
        for link in graph.outgoing[sourceIndex] {
            guard case .article(let target, let fragment) = link.resolution, isTarget[target],
                link.link.kind != .image
            else { continue }
            let text = stripMarkup(link.link.text)
            guard !rules.isGeneric(text.lowercased()), !Suggester.isPostReferenceText(text), !Vocabulary.pointsByPlace(text)
            else { continue }
            if link.link.textOpensWithBacktick {
                // `[`ref()`](…)`: a code name, matched against inline code only.
                result.append(
                    Topic(
                        phrase: link.link.text, keys: [link.link.text], target: target, source: .codeName,
                        fragment: fragment, caseSensitive: true, weight: Topic.Source.learned.defaultWeight))
                continue
            }
            if let topic = makeTopic(
                text, source: .learned, target: target, fragment: fragment, weight: nil, tokenizer: tokenizer,
                rules: rules)
            {
                result.append(topic)
            }
        }
        return result
    }

    /// The most words of an anchor made from any topic but a whole title.
    static let maximumAnchorWords = 6
    /// The most words of a title that is matched whole: longer ones are sentences, not names.
    static let maximumTitleWords = 16

    /// Whether a topic (its source and number of keys) is a title too long for an anchor but for a
    /// citation of the whole title.
    static func isLongTitle(source: Topic.Source, keyCount: Int) -> Bool {
        source == .title && keyCount > maximumAnchorWords
    }

    /// A topic, or nil when the phrase would make a poor anchor (too long, only stopwords, a lone common word).
    static func makeTopic(
        _ phrase: String, source: Topic.Source, target: Int, fragment: String?, weight: Double?, tokenizer: Tokenizer,
        rules: TopicRules = TopicRules()
    ) -> Topic? {
        var keys = tokenizer.keys(phrase)
        // Leading articles are not part of a name: "The Nofollow Attribute" also matches "nofollow attribute".
        while let first = keys.first, ["the", "a", "an"].contains(first), keys.count > 1 { keys.removeFirst() }
        // A whole title may be longer than an anchor usually is: written out in another page's prose
        // ("see “Everything You Always Wanted to Know About Type Inference”"), it is a citation.
        let mostWords = source == .title ? maximumTitleWords : maximumAnchorWords
        guard (1...mostWords).contains(keys.count), !keys.allSatisfy(rules.isStopword) else { return nil }
        guard !rules.isGeneric(keys.joined(separator: " ")), !rules.isGeneric(phrase.lowercased()) else { return nil }
        let caseSensitive = isAcronym(phrase) || CodeName.looksLikeCode(phrase)
        if keys.count == 1 {
            let key = keys[0]
            let tooCommon = Vocabulary.commonWords.contains(key) || rules.isStopword(key) || key.unicodeScalars.count < 3
            if tooCommon && !caseSensitive { return nil }
            if key.unicodeScalars.count < 2 { return nil }
        }
        return Topic(
            phrase: phrase, keys: keys, target: target, source: source, fragment: fragment,
            caseSensitive: caseSensitive, weight: weight ?? source.defaultWeight)
    }

    /// All capitals (letters and digits, at least two letters): `SEO`, `URL`, `HTTP2`.
    static func isAcronym(_ phrase: String) -> Bool {
        guard !phrase.utf8.contains(0x20) else { return false }
        let letters = phrase.filter(\.isLetter)
        return letters.count >= 2 && !phrase.contains(" ") && letters.allSatisfy(\.isUppercase)
    }

    /// Title parts around separators: "A vs B", "A: B", "A — B", "A and B" gives A and B. A title that
    /// is a trail of levels ("Tutorial - User Guide - Intro") also gives the trail without its last level
    /// ("Tutorial - User Guide"): what other pages cite the section by.
    static func titleParts(_ title: String) -> [String] {
        var parts = [title]
        for separator in [": ", " – ", " — ", " - ", " vs. ", " vs ", " versus ", " and ", " & ", ", ", "? "]
        where contains(title, separator) {
            parts = parts.flatMap { $0.split(separator: separator, omittingEmptySubsequences: false).map(String.init) }
        }
        if let trail = trailWithoutLastLevel(title) { parts.append(trail) }
        return parts.map { String($0.trimmingScalars(where: \.properties.isWhitespace)) }
            .filter { !$0.isEmpty }
    }

    /// The separators between the levels of a title written as a trail.
    static let levelSeparators = [": ", " – ", " — ", " - "]
    /// `levelSeparators` as UTF-8, for finding one in a mention's bytes.
    static let levelSeparatorBytes = levelSeparators.map { Array($0.utf8) }

    /// "Tutorial - User Guide" of "Tutorial - User Guide - Intro": the title up to its last level
    /// separator, when what comes before it holds one too. Nil for a title of one or two levels.
    static func trailWithoutLastLevel(_ title: String) -> String? {
        guard levelSeparators.contains(where: { contains(title, $0) }) else { return nil }
        let last = levelSeparators.compactMap { title.range(of: $0, options: .backwards)?.lowerBound }.max()
        guard let last else { return nil }
        let trail = String(title[..<last])
        return levelSeparators.contains(where: { contains(trail, $0) }) ? trail : nil
    }

    /// Whether `text` holds `part`, compared as UTF-8 bytes (what `firstRange(of:)` finds, without its cost).
    static func contains(_ text: String, _ part: String) -> Bool {
        var text = text
        var part = part
        return text.withUTF8 { haystack in
            part.withUTF8 { needle in
                guard needle.count <= haystack.count, let first = needle.first else { return needle.isEmpty }
                var start = 0
                while start + needle.count <= haystack.count {
                    guard let found = haystack[start...].firstIndex(of: first) else { return false }
                    if found + needle.count > haystack.count { return false }
                    if memcmp(haystack.baseAddress! + found, needle.baseAddress!, needle.count) == 0 { return true }
                    start = found + 1
                }
                return false
            }
        }
    }

    private static let edgePunctuation = Set(" \t.!?:;,\"'“”‘’")

    /// Trims blanks and sentence punctuation from both ends of a phrase.
    static func trimPunctuation(_ phrase: String) -> String {
        let characters = Substring(phrase)
        let start = characters.firstIndex { !edgePunctuation.contains($0) } ?? characters.endIndex
        let end = characters.lastIndex { !edgePunctuation.contains($0) }.map { characters.index(after: $0) } ?? start
        // Nothing trimmed (nearly always): the phrase itself, sharing its storage with the title or heading.
        if start == characters.startIndex, end == characters.endIndex, start < end { return phrase }
        return start < end ? String(characters[start..<end]) : ""
    }

    /// Removes Markdown punctuation that titles sometimes carry (backticks, emphasis).
    static func stripMarkup(_ text: String) -> String {
        // Without a backtick or asterisk byte, Foundation's searches below cannot find one: skip them.
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "`") || $0 == UInt8(ascii: "*") }),
            text.utf8.first != UInt8(ascii: " "), text.utf8.last != UInt8(ascii: " ")
        {
            return text
        }
        guard text.contains("`") || text.contains("*") || text.first == " " || text.last == " " else { return text }
        return text.replacingOccurrences(of: "`", with: "").replacingOccurrences(of: "**", with: "")
            .trimmingCharacters(in: .whitespaces)
    }
}
