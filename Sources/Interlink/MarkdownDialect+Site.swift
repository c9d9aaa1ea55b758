import InterlinkMarkdown

extension MarkdownDialect {
    /// The dialect a file is written in: on a Docusaurus site what its `markdown.format` says (by default
    /// MDX for every file: its `.md` files hold `import` lines, `<Tabs>` and `{…}` too; with `detect`,
    /// MDX for `.mdx` files only; with `md`, none); elsewhere MDX for `.mdx` files, MkDocs's
    /// Python-Markdown for the files of an MkDocs site, CommonMark otherwise.
    public static func of(path: String, layout: SiteLayout) -> MarkdownDialect {
        if layout.generator == .docusaurus {
            switch layout.markdownFormat {
            case .mdx: return .mdx
            case .detect: return ArticlePath.isMDX(path) ? .mdx : .commonMark
            case .md: return .commonMark
            }
        }
        if ArticlePath.isMDX(path) { return .mdx }
        return layout.generator == .mkdocs ? .mkdocs : .commonMark
    }
}
