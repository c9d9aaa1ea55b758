import Foundation
import InterlinkMarkdown

/// Proposes a descriptive anchor for a link whose text says nothing, from the target's topics and the
/// words around the link. Two kinds of proposal:
///
/// - **move**: a phrase naming the target already sits in the same sentence ("We covered nofollow
///   [here](…)"): the link moves onto it ("We covered [nofollow](…) here") and the prose stays exactly
///   as written. Only for generic texts that still read well unlinked ("here", "read more", "this post").
/// - **rewrite**: the link text is replaced by a phrase built around the target's best topic that keeps
///   the sentence grammatical ("click here" → "read about internal linking").
struct AnchorProposer {
    enum Proposal: Hashable {
        /// Move the link onto the mention at this range (its text as written).
        case move(Range<Int>, String)
        /// Replace the link text with this text.
        case rewrite(String)
    }

    let site: Site
    let index: KeywordIndex
    private let topicsByTarget: [Int: [Topic]]

    /// Generic texts that still make sense once they are no longer a link.
    static let movable: Set<String> = [
        "here", "read more", "learn more", "more", "see more", "find out more", "details", "more info",
        "more information", "this post", "this article", "this page", "this guide", "this blog post", "article",
        "post", "page", "blog post", "website", "this",
    ]

    init(site: Site, index: KeywordIndex) {
        self.site = site
        self.index = index
        topicsByTarget = Dictionary(grouping: index.topics.filter { $0.source != .codeName }, by: \.target)
    }

    /// The proposal for the generic link `link` (text `generic`, normalised) in article `source`,
    /// pointing to `target`. `mentions` are the topic mentions of the source article.
    func propose(
        link: MarkdownLink, generic: String, isURL: Bool, source: Int, target: Int, fragment: String?,
        mentions: [Mention]
    ) -> Proposal {
        let article = site.articles[source]
        if !isURL, Self.movable.contains(generic), let mention = nearbyMention(of: target, around: link, in: article, mentions: mentions) {
            return .move(mention, article.text(mention))
        }
        let phrase = isURL ? site.articles[target].title : topicPhrase(for: target, fragment: fragment, around: link, in: article)
        var text = isURL ? phrase : Self.template(for: generic).replacingOccurrences(of: "{}", with: phrase)
        if let first = link.text.first, first.isUppercase, let head = text.first {
            text = head.uppercased() + text.dropFirst()
        }
        return .rewrite(text)
    }

    // MARK: Moving the link

    /// The closest mention of one of the target's topics in the same sentence as the link, with only
    /// plain prose (no markup, code or other link) between them.
    func nearbyMention(of target: Int, around link: MarkdownLink, in article: Article, mentions: [Mention]) -> Range<Int>? {
        guard let syntax = LinkSyntax(link, in: article.bytes), syntax.isInline,
            article.text(syntax.text) == link.text, let block = article.document.block(containing: link.range)
        else { return nil }
        var sentences = SentenceIndex(article: article)
        let sentence = sentences.key(block: block, offset: link.range.lowerBound)
        let prose = article.document.spans.filter { $0.block == block && !$0.emphasized }.map(\.range)
        var best: (distance: Int, range: Range<Int>)? = nil
        for mention in mentions where !mention.isCode && mention.block == block {
            guard mention.topics.contains(where: { index.topics[Int($0)].target == target }) else { continue }
            let range = mention.range
            let gap = range.upperBound <= link.range.lowerBound
                ? range.upperBound..<link.range.lowerBound : link.range.upperBound..<range.lowerBound
            guard range.upperBound <= link.range.lowerBound || range.lowerBound >= link.range.upperBound,
                gap.count <= 200, sentences.key(block: block, offset: range.lowerBound) == sentence,
                Self.covered(range.lowerBound..<range.upperBound, by: prose), Self.covered(gap, by: prose)
            else { continue }
            if best == nil || gap.count < best!.distance { best = (gap.count, range) }
        }
        return best?.range
    }

    /// Whether every byte of `range` lies in one of `spans` (an empty range always does).
    static func covered(_ range: Range<Int>, by spans: [Range<Int>]) -> Bool {
        var position = range.lowerBound
        while position < range.upperBound {
            guard let span = spans.first(where: { $0.contains(position) }) else { return false }
            position = span.upperBound
        }
        return true
    }

    // MARK: Rewriting the text

    /// The phrase to write for the target: the section's heading when the link names one, otherwise
    /// the topic that shares most words with the text around the link, trusting titles most.
    func topicPhrase(for target: Int, fragment: String?, around link: MarkdownLink, in article: Article) -> String {
        let topics = topicsByTarget[target] ?? []
        if let fragment, let heading = topics.first(where: { $0.source == .heading && $0.fragment == fragment }) {
            return readable(heading.phrase, target: target)
        }
        let context = Set(contextKeys(around: link.range, in: article))
        let ranked = topics.filter { $0.fragment == nil }.map { topic -> (Double, Topic) in
            let shared = topic.keys.filter(context.contains).count
            return (topic.weight + 0.3 * Double(shared) / Double(topic.keys.count), topic)
        }
        let best = ranked.max { ($0.0, -$0.1.phrase.count) < ($1.0, -$1.1.phrase.count) }?.1
        return readable(best?.phrase ?? site.articles[target].title, target: target)
    }

    /// Word keys within a few words of a link, on the same line.
    func contextKeys(around range: Range<Int>, in article: Article) -> [String] {
        let bytes = article.bytes
        var start = range.lowerBound
        while start > 0, bytes[start - 1] != 0x0A, range.lowerBound - start < 120 { start -= 1 }
        var end = range.upperBound
        while end < bytes.count, bytes[end] != 0x0A, end - range.upperBound < 120 { end += 1 }
        return index.tokenizer.tokens(bytes, in: start..<range.lowerBound).map(\.key)
            + index.tokenizer.tokens(bytes, in: range.upperBound..<end).map(\.key)
    }

    /// A title-cased phrase is written in lower case when the target's own prose writes it that way
    /// ("Internal Linking" → "internal linking"; "JavaScript SEO" and proper names stay as they are).
    func readable(_ phrase: String, target: Int) -> String {
        let lower = phrase.lowercased()
        guard lower != phrase else { return phrase }
        let body = String(decoding: site.articles[target].bytes, as: UTF8.self)
        return body.contains(lower) ? lower : phrase
    }

    /// The sentence pattern for a generic text, `{}` standing for the topic phrase: the replacement
    /// keeps the grammatical role of what it replaces (a verb phrase stays a verb phrase).
    static func template(for generic: String) -> String {
        switch generic {
        case "click here", "go here", "click", "click this link", "tap here", "follow this link": return "read about {}"
        case "read more", "learn more", "see more", "find out more", "more", "more info", "more information",
            "details", "continue reading":
            return generic + " about {}"
        case "here": return "in our guide to {}"
        case "this post", "this article", "this page", "this guide", "this blog post":
            return "our " + generic.dropFirst("this ".count) + " on {}"
        case "article", "post", "page", "blog post", "website": return generic + " on {}"
        case "this", "link", "this link": return "our guide to {}"
        default: return "{}"
        }
    }
}
