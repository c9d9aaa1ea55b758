import InterlinkMarkdown

extension MarkdownDialect {
    /// The dialect a file is written in: MDX for `.mdx` files, and for every Markdown file of a
    /// Docusaurus site (Docusaurus compiles `.md` as MDX unless told otherwise, so its `.md` files hold
    /// `import` lines, `<Tabs>` and `{…}` too); MkDocs's Python-Markdown for the files of an MkDocs site;
    /// CommonMark otherwise.
    public static func of(path: String, layout: SiteLayout) -> MarkdownDialect {
        if ArticlePath.isMDX(path) || layout.generator == .docusaurus { return .mdx }
        return layout.generator == .mkdocs ? .mkdocs : .commonMark
    }
}
