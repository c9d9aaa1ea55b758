import Foundation
import InterlinkMarkdown

extension Auditor {
    /// The rules about single links: broken-link, draft-link, other-language-link, self-link,
    /// duplicate-link, generic-anchor, and over-linked (which counts them). Drafts are audited too: their links will go live with them.
    func linkFindings(entries: Set<Int>) -> [AuditFinding] {
        var findings: [AuditFinding] = []
        let proposer = AnchorProposer(site: site, index: suggester.index)
        var fragmentTargets: [Int: FragmentTargets] = [:]
        func fragments(of index: Int) -> FragmentTargets {
            if let known = fragmentTargets[index] { return known }
            let computed = FragmentTargets(article: site.articles[index])
            fragmentTargets[index] = computed
            return computed
        }
        for (source, links) in graph.outgoing.enumerated() {
            let article = site.articles[source]
            var firstLink: [String: ResolvedLink] = [:]
            var targets: Set<Int> = []
            var overCap: ResolvedLink? = nil
            var mentions: [Mention]? = nil
            // The maximum `suggest` holds this article to: it grows on a long article by default.
            let maximumLinks = SuggestOptions.maximumLinks(
                options.maximumLinks, growingBy: options.suggest.longArticleWordsPerLink, words: article.document.wordCount)
            // Links a render hook or template resolves (`ignore_links`) are not checked by any rule.
            for resolved in links where resolved.link.kind != .image && !options.ignores(resolved.link.destination) {
                let link = resolved.link
                let location = resolved.location
                func finding(_ rule: AuditRule, _ message: String, target: Int? = nil, fix: AuditFix? = nil) {
                    findings.append(
                        AuditFinding(
                            rule: rule, path: article.path, line: location.line, column: location.column,
                            message: message, target: target.map { site.articles[$0].path }, fix: fix))
                }
                switch resolved.resolution {
                case .broken(let reason):
                    finding(
                        .brokenLink, "link to \"\(link.destination)\" is broken: \(reason)",
                        fix: closestArticle(to: link.destination).map {
                            AuditFix(description: "did you mean \(site.articles[$0].url) (\(site.articles[$0].path))?")
                        })
                case .other:
                    // A same-page `#fragment` must name a heading of this article.
                    if link.kind == .inline, link.destination.hasPrefix("#"), link.destination.count > 1 {
                        let fragment = String(link.destination.dropFirst())
                        let own = fragments(of: source)
                        if !own.contains(fragment, wikilink: false) {
                            finding(
                                .brokenLink, "link to \"#\(fragment)\" is broken: no heading of this article has the id '\(fragment)'",
                                fix: own.closest(to: fragment).map { AuditFix(description: "did you mean #\($0)?") })
                        }
                    }
                case .article(let target, let fragment):
                    let targetArticle = site.articles[target]
                    if let fragment {
                        let known = fragments(of: target)
                        if !known.contains(fragment, wikilink: link.kind == .wikilink) {
                            finding(
                                .brokenLink,
                                "link to \(targetArticle.path)#\(fragment) is broken: no heading of \(targetArticle.path) has the id '\(fragment)'",
                                target: target,
                                fix: known.closest(to: fragment).map { AuditFix(description: "did you mean #\($0)?") })
                        }
                    }
                    if target == source, fragment == nil {
                        finding(
                            .selfLink, "links to itself",
                            target: target, fix: unlinkFix(link, in: article, why: "remove the link and keep its text"))
                        continue
                    }
                    if target != source, targetArticle.isDraft, !article.isDraft {
                        finding(
                            .draftLink,
                            "links to \(targetArticle.path), a draft: the link leads nowhere until it is published",
                            target: target,
                            fix: AuditFix(description: "publish \(targetArticle.path) first, or remove the link until then"))
                    }
                    // A translation that kept the original's link (`/posts/cdn/` in `cdn.fr.md`'s neighbour).
                    if target != source, !site.languages.same(source, target) {
                        let translation = site.languages.translation(of: target, for: source, in: site)
                        if translation != target {
                            let language = site.languages.language(of: source) ?? ""
                            finding(
                                .otherLanguageLink,
                                "links to \(targetArticle.path), a page in another language than this one (\(language))",
                                target: target,
                                fix: AuditFix(
                                    description: "link to its translation \(site.articles[translation].url) (\(site.articles[translation].path)) instead"))
                        }
                    }
                    if target != source {
                        let key = "\(target)#\(fragment.map { $0.removingPercentEncoding ?? $0 } ?? "")"
                        if let first = firstLink[key] {
                            finding(
                                .duplicateLink,
                                "links again to \(targetArticle.path)\(fragment.map { "#" + $0 } ?? "") (first linked at line \(first.location.line))",
                                target: target,
                                fix: unlinkFix(link, in: article, why: "remove this second link and keep its text"))
                            continue
                        }
                        firstLink[key] = resolved
                        if targets.insert(target).inserted, targets.count == maximumLinks + 1 { overCap = resolved }
                    }
                    if let generic = genericAnchor(link, in: article) {
                        if mentions == nil { mentions = suggester.index.mentions(in: article) }
                        let proposal = proposer.propose(
                            link: link, generic: generic.key, isURL: generic.isURL, source: source, target: target,
                            fragment: fragment, mentions: mentions ?? [])
                        finding(
                            .genericAnchor,
                            generic.isURL
                                ? "anchor \"\(link.text)\" is a bare URL and says nothing about \(targetArticle.path)"
                                : "anchor \"\(link.text)\" says nothing about \(targetArticle.path)",
                            target: target, fix: anchorFix(proposal, link: link, in: article, target: target))
                    }
                }
            }
            if let overCap, !entries.contains(source) {
                findings.append(
                    AuditFinding(
                        rule: .overLinked, path: article.path, line: overCap.location.line,
                        column: overCap.location.column,
                        message: maximumLinks == options.maximumLinks
                            ? "links to \(targets.count) articles, more than max_links_per_article (\(maximumLinks)); this is link \(maximumLinks + 1)"
                            : "links to \(targets.count) articles, more than the \(maximumLinks) its length allows (one per \(options.suggest.longArticleWordsPerLink ?? 0) words); this is link \(maximumLinks + 1)",
                        fix: AuditFix(description: "keep the links a reader of this article needs most and remove the others")))
            }
        }
        return findings
    }

    /// The normalised text of a link whose anchor says nothing, and whether it is a bare URL; nil for a
    /// descriptive anchor. The whole text must be generic: "here" inside a longer anchor is fine.
    func genericAnchor(_ link: MarkdownLink, in article: Article) -> (key: String, isURL: Bool)? {
        if link.kind == .autolink { return (link.text.lowercased(), true) }
        if link.kind == .wikilink, !article.text(link.range).contains("|") { return nil }
        let key = Self.normalizedAnchor(link.text)
        guard !key.isEmpty else { return nil }
        if Vocabulary.genericAnchors.contains(key) || options.suggest.topicRules.genericAnchors.contains(key) {
            return (key, false)
        }
        let trimmed = link.text.trimmingCharacters(in: .whitespaces)
        let looksLikeURL = ["http://", "https://", "www."].contains { trimmed.lowercased().hasPrefix($0) }
            || (trimmed == link.destination && !trimmed.contains(" "))
        return looksLikeURL ? (key, true) : nil
    }

    /// Lower case, blanks collapsed, outer punctuation and arrows dropped: "Read more →" → "read more".
    static func normalizedAnchor(_ text: String) -> String {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        let joined = words.joined(separator: " ")
        let strip = CharacterSet(charactersIn: " .,:;!?…\"'“”‘’()«»→←›‹>-–—")
        return joined.trimmingCharacters(in: strip)
    }

    /// The article a broken URL or path most likely meant: the one whose URL or file name is a typo or
    /// two away from the destination's last segment.
    func closestArticle(to destination: String) -> Int? {
        var path = destination
        if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = String(path[..<cut]) }
        let wanted = path.split(separator: "/").last.map { ArticlePath.isMarkdown(String($0)) ? ArticlePath.stem(of: String($0)) : String($0) }?
            .lowercased() ?? ""
        guard wanted.count >= 4 else { return nil }
        var best: (Int, Int)? = nil
        for (index, article) in site.articles.enumerated() where !article.isDraft {
            let names = [article.stem.lowercased(), article.url.split(separator: "/").last.map { $0.lowercased() } ?? ""]
            let distance = names.map { EditDistance.between(wanted, $0) }.min() ?? .max
            if best == nil || distance < best!.1 { best = (index, distance) }
        }
        guard let best, best.1 > 0, best.1 <= max(1, wanted.count / 6) else { return nil }
        return best.0
    }
}
