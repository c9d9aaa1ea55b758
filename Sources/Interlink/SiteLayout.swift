import Foundation
import InterlinkMarkdown
import TOMLKit
import Yams

/// What Interlink knows about a site's generator and configuration: where content lives, how URLs
/// are formed, and which hosts mean "this site".
public struct SiteLayout: Sendable, Hashable {
    /// The detected generator.
    public var generator: Generator
    /// Folders (relative to the root, `/`-separated, no trailing slash; empty for the root itself)
    /// whose Markdown files are articles.
    public var contentDirectories: [String]
    /// Host names whose absolute URLs point into this site (from `baseURL`, `url`, `site_url`).
    public var siteHosts: [String]
    /// URL path prefix the site is served under (e.g. `/docs` for a `baseURL` of `https://x.org/docs/`).
    public var basePath: String
    /// Jekyll's `permalink` setting (`date`, `pretty`, or a pattern).
    public var jekyllPermalink: String
    /// Jekyll's collections other than posts, sorted by label.
    public var jekyllCollections: [JekyllCollection] = []
    /// Jekyll's `collections_dir`: the folder the collections' `_label` folders live in (empty: the root).
    public var jekyllCollectionsDirectory = ""
    /// Jekyll's `exclude:` and `include:`, which with the leading-underscore rule decide which files are pages.
    public var jekyllPages = JekyllPages()
    /// MkDocs' `use_directory_urls`.
    public var directoryURLs: Bool
    /// Build-output and dependency folders never walked.
    public var ignoredDirectories: Set<String>
    /// Hugo: how the site's own shortcode templates treat their bodies (`HugoShortcodeTemplates`).
    public var shortcodes: ShortcodeRendering = .unknown
    /// Docusaurus's `markdown.format`: which files it compiles as MDX.
    public var markdownFormat: MarkdownFormat = .mdx
    /// The languages the configuration declares, when more than one (`ConfiguredLanguages`): Hugo's,
    /// or MkDocs' `i18n` plugin's.
    public var languages: ConfiguredLanguages?
    /// The language of pages that do not name theirs, when the configuration says (Hugo's
    /// `defaultContentLanguage`, Jekyll's `default_lang` or `lang`).
    public var defaultLanguage: String?

    /// Docusaurus's `markdown.format` setting.
    public enum MarkdownFormat: String, Sendable, Hashable {
        /// Every Markdown file is MDX (the default).
        case mdx
        /// `.mdx` files are MDX, `.md` files CommonMark.
        case detect
        /// Every file is CommonMark.
        case md
    }

    public init(
        generator: Generator, contentDirectories: [String] = [""], siteHosts: [String] = [], basePath: String = "",
        jekyllPermalink: String = "date", directoryURLs: Bool = true,
        ignoredDirectories: Set<String> = SiteLayout.commonIgnoredDirectories
    ) {
        self.generator = generator
        self.contentDirectories = contentDirectories
        self.siteHosts = siteHosts
        self.basePath = basePath
        self.jekyllPermalink = jekyllPermalink
        self.directoryURLs = directoryURLs
        self.ignoredDirectories = ignoredDirectories
    }

    /// A Hugo site's configuration in a configuration folder (`config/_default/hugo.toml`), with no
    /// configuration file at the root.
    static let hugoConfigurationFolderFiles = ["hugo", "config"].flatMap { name in
        ["toml", "yaml", "yml"].map { "config/_default/\(name).\($0)" }
    }

    /// Folders no generator treats as content.
    public static let commonIgnoredDirectories: Set<String> = [
        "node_modules", "vendor", "_site", "public", "dist", "build", "resources", "__pycache__", "venv",
    ]
}

extension SiteLayout {
    /// Detects the generator from its configuration files and folders in `root`.
    public static func detect(root: URL) -> SiteLayout {
        let files = FileManager.default
        func exists(_ name: String) -> Bool { files.fileExists(atPath: root.appendingPathComponent(name).path) }
        func read(_ name: String) -> String? {
            try? String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
        }
        func firstExisting(_ names: [String]) -> String? { names.first(where: exists) }

        if let config = firstExisting(["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json"])
            ?? (exists("content") ? firstExisting(["config.toml", "config.yaml", "config.yml"]) : nil)
            ?? firstExisting(Self.hugoConfigurationFolderFiles)
        {
            let settings = ConfigTree(text: read(config) ?? "", name: config)
            let contentDir = settings.string("contentDir").map { $0.split(separator: "/").joined(separator: "/") } ?? "content"
            var layout = SiteLayout(generator: .hugo, contentDirectories: [contentDir])
            layout.defaultLanguage = settings.string("defaultContentLanguage")
            if let languages = ConfiguredLanguages.hugo(root: root, configuration: config) {
                layout.languages = languages
                // Each language's own content folder is content too.
                let folders = Set(languages.contentDirectories.keys).subtracting(layout.contentDirectories)
                layout.contentDirectories += folders.sorted()
            }
            layout.apply(baseURL: settings.string("baseURL") ?? settings.string("baseurl"))
            layout.shortcodes = HugoShortcodeTemplates.read(root: root)
            return layout
        }
        if let config = firstExisting(["_config.yml", "_config.yaml"]) ?? (exists("_posts") ? "_posts" : nil) {
            // Composed once for the scalar settings, the collections and the pages.
            let mapping = config == "_posts" ? nil : read(config).flatMap(YAMLAliasedKeys.topLevelMapping(of:))
            let settings = ConfigTree(mapping: mapping)
            var layout = SiteLayout(generator: .jekyll)
            layout.jekyllPermalink = settings.string("permalink") ?? "date"
            layout.defaultLanguage = settings.string("default_lang") ?? settings.string("lang")
            if let mapping {
                layout.jekyllCollections = JekyllCollection.read(settings: mapping)
                layout.jekyllPages = JekyllPages.read(settings: mapping)
                layout.jekyllCollectionsDirectory =
                    settings.string("collections_dir").map { $0.split(separator: "/").joined(separator: "/") } ?? ""
            }
            layout.apply(baseURL: settings.string("url"), basePath: settings.string("baseurl"))
            return layout
        }
        if let config = firstExisting(["mkdocs.yml", "mkdocs.yaml"]) {
            let mapping = read(config).flatMap(YAMLAliasedKeys.topLevelMapping(of:))
            let settings = ConfigTree(mapping: mapping)
            let docsDirectory = (settings.string("docs_dir") ?? "docs").split(separator: "/").joined(separator: "/")
            var layout = SiteLayout(generator: .mkdocs, contentDirectories: [docsDirectory])
            layout.languages = ConfiguredLanguages.mkdocs(mapping, docsDirectory: docsDirectory)
            layout.directoryURLs = settings.string("use_directory_urls").map { $0 != "false" } ?? true
            layout.ignoredDirectories.insert("site")
            layout.apply(baseURL: settings.string("site_url"))
            return layout
        }
        if let config = firstExisting(["docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs"]) {
            var layout = SiteLayout(
                generator: .docusaurus, contentDirectories: ["docs", "blog", "src/pages"].filter(exists))
            if layout.contentDirectories.isEmpty { layout.contentDirectories = [""] }
            layout.apply(baseURL: JavaScriptConfig.string("url", in: read(config) ?? ""))
            if let format = JavaScriptConfig.string("format", in: read(config) ?? "").flatMap(MarkdownFormat.init(rawValue:)) {
                layout.markdownFormat = format
            }
            layout.ignoredDirectories.insert(".docusaurus")
            return layout
        }
        if exists(".vitepress") || exists("docs/.vitepress") || exists("src/.vitepress") {
            let directory = exists(".vitepress") ? "" : (exists("docs/.vitepress") ? "docs" : "src")
            return SiteLayout(generator: .vitepress, contentDirectories: [directory])
        }
        if firstExisting([".eleventy.js", "eleventy.config.js", "eleventy.config.mjs", "eleventy.config.cjs"]) != nil {
            return SiteLayout(generator: .eleventy)
        }
        if exists(".obsidian") {
            return SiteLayout(generator: .obsidian)
        }
        return SiteLayout(generator: .plain)
    }

    /// Whether the file at `path` (relative to the root) is one the generator publishes as a page: for Jekyll,
    /// `JekyllPages`; for Docusaurus, none in or named with a leading `_` (its content plugins' default
    /// `exclude`: `**/_*.{md,mdx}`, `**/_*/**`, the partials pages import); for Eleventy, none in its
    /// default includes, layouts and data folders (`_includes`, `_layouts`, `_data`), which it never
    /// renders as pages; for the others, every Markdown file walked.
    public func publishes(_ path: String) -> Bool {
        switch generator {
        case .jekyll:
            return jekyllPages.publishes(path, collections: jekyllCollections, collectionsDirectory: jekyllCollectionsDirectory)
        case .docusaurus:
            return !path.split(separator: "/").contains { $0.hasPrefix("_") }
        case .eleventy:
            return !path.split(separator: "/").dropLast().contains { ["_includes", "_layouts", "_data"].contains($0) }
        default:
            return true
        }
    }

    mutating func apply(baseURL: String?, basePath explicitPath: String? = nil) {
        if let baseURL, let url = URL(string: baseURL), let host = url.host {
            siteHosts = [host.lowercased()]
            if host.hasPrefix("www.") { siteHosts.append(String(host.dropFirst(4))) } else { siteHosts.append("www." + host) }
            let path = url.path
            if path.count > 1 { basePath = "/" + path.split(separator: "/").joined(separator: "/") }
        }
        if let explicitPath, !explicitPath.isEmpty, explicitPath != "/" {
            basePath = "/" + explicitPath.split(separator: "/").joined(separator: "/")
        }
    }
}

/// Reads a string property from a JavaScript or TypeScript config (`url: 'https://…'`).
enum JavaScriptConfig {
    static func string(_ key: String, in source: String) -> String? {
        for line in source.split(separator: "\n") {
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            guard trimmed.hasPrefix(key + ":") else { continue }
            let rest = trimmed.dropFirst(key.count + 1).drop(while: { $0 == " " })
            guard let quote = rest.first, quote == "'" || quote == "\"" || quote == "`" else { continue }
            let value = rest.dropFirst().prefix(while: { $0 != quote })
            return String(value)
        }
        return nil
    }
}
