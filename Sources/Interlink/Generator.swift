/// The static-site generator (or note app) a site is written for. It decides which files are
/// articles, what URL each gets, and which link syntax the site uses.
public enum Generator: String, Sendable, Hashable, Codable, CaseIterable {
    case hugo, jekyll, mkdocs, docusaurus, vitepress, eleventy, obsidian, plain
}
