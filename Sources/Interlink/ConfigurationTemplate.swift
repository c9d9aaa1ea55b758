/// The commented `.interlink.yml` that `interlink init` writes.
public enum ConfigurationTemplate {
    /// A config naming the detected generator and link style, every other key commented out with its default.
    public static func text(layout: SiteLayout, style: LinkStyle) -> String {
        let content = layout.contentDirectories.map { $0.isEmpty ? "." : $0 }
        return """
            # Interlink configuration. Every key is optional; see Docs/Configuration.md.

            # Detected from the site's files; remove to detect again on every run.
            generator: \(layout.generator.rawValue)
            # Syntax of new links: relative, url, relref, liquid or wikilink.
            link_style: \(style.rawValue)

            # Folders holding the articles (default: the generator's).
            # content: [\(content.joined(separator: ", "))]
            # Only these files are articles / these files are not (globs, relative to the site root).
            # include: ["**/*.md"]
            # exclude: ["drafts/**"]

            # At most this many new links per article, and about one per this many words.
            # max_links_per_article: 10
            # words_per_link: 150
            # Drop suggestions scoring below this (0 to 1); by default calibrated on the site's own links.
            # min_score: 0.3

            # Anchors that never make a link, and words never used alone as an anchor.
            # generic_anchors: ["see here"]
            # stopwords: ["stuff"]
            # More phrases that name an article.
            # synonyms:
            #   content/posts/orphan-pages.md: ["pages nobody links to"]
            # Never link to these; never add links to these.
            # never_link_to: ["content/legal/**"]
            # never_touch: ["content/archive/**"]
            # Files larger than this (bytes) are refused; a site with more articles than this is refused.
            # max_file_size: 20971520
            # max_articles: 200000

            # interlink audit: pages more clicks than this from the entry pages are deep pages,
            # and the pages depth is counted from (default: the home page and section index pages).
            # max_depth: 3
            # entry_pages: ["content/_index.md", "content/about.md"]
            # Links a render hook or template resolves are not checked (* matches anything);
            # findings of these rules are not reported.
            # ignore_links: ["g", "/functions/*"]
            # disabled_rules: [deep-page]

            """
    }
}
