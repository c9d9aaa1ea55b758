import InterlinkMarkdown

/// The front-matter fields Interlink uses, read from YAML or TOML.
public struct FrontMatter: Sendable, Hashable {
    /// Every top-level field as read.
    public var fields: [String: FrontMatterValue]

    public init(fields: [String: FrontMatterValue] = [:]) {
        self.fields = fields
    }

    /// `title`.
    public var title: String? { fields["title"]?.text.flatMap { $0.isEmpty ? nil : $0 } }
    /// `aliases`. Values starting with `/` are URL aliases (Hugo); others are alternative names (Obsidian).
    public var aliases: [String] { fields["aliases"]?.strings ?? fields["alias"]?.strings ?? [] }
    /// `redirect_from` (Jekyll's jekyll-redirect-from, also read by Eleventy and MkDocs plugins): old URLs
    /// that redirect to the page, each made root-relative.
    public var redirectsFrom: [String] {
        (fields["redirect_from"]?.strings ?? []).filter { !$0.isEmpty }.map {
            $0.hasPrefix("/") || $0.hasPrefix("http") ? $0 : "/" + $0
        }
    }
    /// The page's short name for menus and sidebars: Hugo `linkTitle`, Docusaurus `sidebar_label`,
    /// or `short_title` / `shortTitle` / `nav_title` / `navTitle` (several themes), in that order of
    /// preference; each distinct one once.
    public var shortTitles: [String] {
        var seen: Set<String> = []
        return Self.shortTitleKeys.compactMap { fields[$0]?.text }
            .filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
    }

    /// Front-matter keys that hold a page's short name (Hugo reads `linktitle` in any case).
    static let shortTitleKeys = [
        "linkTitle", "linktitle", "LinkTitle", "sidebar_label", "short_title", "shortTitle", "nav_title", "navTitle",
    ]

    /// `keywords`.
    public var keywords: [String] { fields["keywords"]?.strings ?? [] }
    /// `tags`.
    public var tags: [String] { fields["tags"]?.strings ?? [] }
    /// `draft: true`, or Jekyll's `published: false`.
    public var isDraft: Bool { fields["draft"]?.bool == true || fields["published"]?.bool == false }
    /// `slug`.
    public var slug: String? { fields["slug"]?.text }
    /// `url` (Hugo) — the page's whole URL.
    public var url: String? { fields["url"]?.text }
    /// `permalink` (Jekyll, Eleventy) — the page's whole URL.
    public var permalink: String? { fields["permalink"]?.text }
    /// `date` as written.
    public var date: String? { fields["date"]?.text }
    /// `categories` / `category` (Jekyll permalinks).
    public var categories: [String] { fields["categories"]?.strings ?? fields["category"]?.strings ?? [] }
    /// Whether the article may receive new links (`interlink: false` or `interlink: {source: false}` say no).
    public var isLinkSource: Bool { optOut("source") }
    /// Whether other articles may link to it (`interlink: false` or `interlink: {target: false}` say no).
    public var isLinkTarget: Bool { optOut("target") }

    private func optOut(_ role: String) -> Bool {
        switch fields["interlink"] {
        case .table(let table)?: return table[role]?.bool ?? true
        case let value?: return value.bool ?? true
        case nil: return true
        }
    }

    /// `id` (Docusaurus document id).
    public var id: String? { fields["id"]?.text }
}
