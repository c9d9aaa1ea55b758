extension Auditor {
    /// One use of an anchor text across the site.
    private struct AnchorUse {
        var source: Int
        var link: ResolvedLink
        var target: Int
    }

    /// anchor-conflict: the same anchor text (compared by word keys, so "Orphan pages" and "orphan page"
    /// are one) links to different articles. The article the anchor names (one of its own topics: title,
    /// alias, keyword, file name) is the right one; failing that, the one most links agree on. The links
    /// to the other articles are flagged. Generic anchors are left to generic-anchor, and links from
    /// drafts do not count.
    func anchorConflicts() -> [AuditFinding] {
        var uses: [String: [AnchorUse]] = [:]
        let tokenizer = suggester.index.tokenizer
        for (source, links) in graph.outgoing.enumerated() where !site.articles[source].isDraft {
            let article = site.articles[source]
            for resolved in links where resolved.link.kind != .image && !options.ignores(resolved.link.destination) {
                guard let target = resolved.targetIndex, target != source, genericAnchor(resolved.link, in: article) == nil
                else { continue }
                let bytes = Array(resolved.link.text.utf8)
                var key = tokenizer.tokens(bytes, in: 0..<bytes.count).map(\.key).joined(separator: " ")
                guard !key.isEmpty else { continue }
                // Translations share anchors ("Page Caching" in English and French): one key per language.
                if let language = site.languages.language(of: source) { key = language + "\u{1}" + key }
                uses[key, default: []].append(AnchorUse(source: source, link: resolved, target: target))
            }
        }
        var named: [String: Set<Int>] = [:]
        for topic in suggester.index.topics where [.title, .titlePart, .alias, .keyword, .fileName].contains(topic.source) {
            let key = topic.keys.joined(separator: " ")
            let language = site.languages.language(of: topic.target)
            named[language.map { $0 + "\u{1}" + key } ?? key, default: []].insert(topic.target)
        }
        var findings: [AuditFinding] = []
        for (key, group) in uses {
            let counts = Dictionary(grouping: group, by: \.target).mapValues(\.count)
            guard counts.count > 1 else { continue }
            let naming = named[key] ?? []
            let preferred = counts.keys.max { a, b in
                (naming.contains(a) ? 1 : 0, counts[a]!, -a) < (naming.contains(b) ? 1 : 0, counts[b]!, -b)
            }!
            let preferredPath = site.articles[preferred].path
            for use in group where use.target != preferred {
                let article = site.articles[use.source]
                let targetPath = site.articles[use.target].path
                let elsewhere = counts[preferred]!
                findings.append(
                    AuditFinding(
                        rule: .anchorConflict, path: article.path, line: use.link.location.line,
                        column: use.link.location.column,
                        message: "anchor \"\(use.link.link.text)\" links to \(targetPath) here, but to \(preferredPath) from \(elsewhere) other link\(elsewhere == 1 ? "" : "s")",
                        target: targetPath,
                        fix: AuditFix(
                            description: "use an anchor that names \(targetPath) (\"\(site.articles[use.target].title)\"), or link \(preferredPath) as the other links do")))
            }
        }
        return findings
    }
}
