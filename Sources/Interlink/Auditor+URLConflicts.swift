extension Auditor {
    /// `url-conflict`: each published page whose URL another page gives itself too, naming the page
    /// that URL leads to (`Site.articlesShadowedByURL`; not on Obsidian vaults and plain folders).
    func urlConflicts(_ metrics: LinkMetrics) -> [AuditFinding] {
        site.articlesShadowedByURL.compactMap { index in
            guard metrics.published[index] else { return nil }
            let article = site.articles[index]
            guard let owner = site.index(ofURL: article.url), owner != index else { return nil }
            let other = site.articles[owner]
            return AuditFinding(
                rule: .urlConflict, path: article.path,
                message: "published at \(article.url), the URL of \(other.path) too: the site holds one of them there, and links to it lead to \(other.path)",
                target: other.path,
                fix: AuditFix(
                    description: "give one of the two another URL (its permalink, url or slug), or remove the one left over"))
        }
    }
}
