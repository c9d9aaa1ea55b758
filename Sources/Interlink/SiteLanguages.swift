/// The language each article of a site is written in, when the site holds translations: a page links
/// only to pages in its own language, and a title its translations share names one page per language
/// (not several pages, which made every mention of it ambiguous).
///
/// Where the language comes from, first found first:
/// - the languages a site's configuration declares (`ConfiguredLanguages`: Hugo's content folders and
///   `about.fr.md`, the language folders or suffixes of MkDocs' `i18n` plugin);
/// - a file name's language suffix (`about.fr.md`, as Hugo and mkdocs-static-i18n write translations),
///   when half the files of that suffix have a twin (`about.md` or `about.de.md` in the same folder);
/// - a top-level folder of the content named with a language code (`zh/guide/intro.md`, as VitePress,
///   MkDocs and plain sites hold translations), when two thirds of its files (two at least) have a twin
///   at the same path outside it or in another such folder, or when such folders stand side by side,
///   one of them `en/`, holding two thirds of the pages (translations whose files are named in their
///   own language, as in Obsidian's help vault);
/// - front matter `lang`, `language` or `locale`, when pages name at least two languages (counting the
///   site's configured default for pages that name none).
///
/// A file-name code or folder name is an ISO 639-1 code, maybe with a region (`pt-br`). Pages with no
/// language of their own are in the site's default language (Hugo's `defaultContentLanguage`, Jekyll's
/// `default_lang` or `lang`), or else in one of their own. A tag with a region is the bare language when
/// the site has no other region of it (`en-US` and `en` are one language; `pt-br` and `pt-pt` two).
public struct SiteLanguages: Sendable {
    /// Each article's language number (an index into `tags`); empty on a site of one language.
    private let numbers: [UInt16]
    /// The languages by number; an empty tag is the language of the pages that name none, when the
    /// site's default is not known. Empty on a site of one language.
    public let tags: [String]

    /// A site of one language.
    public static let single = SiteLanguages(numbers: [], tags: [])

    private init(numbers: [UInt16], tags: [String]) {
        self.numbers = numbers
        self.tags = tags
        var counts = [Int](repeating: 0, count: tags.count)
        for number in numbers { counts[Int(number)] += 1 }
        articleCounts = counts
    }

    /// How many articles each language has, by number (empty on a site of one language).
    private let articleCounts: [Int]
    /// On a site with configured languages, the articles that translate one page, by the page's path in
    /// its language's content without the language code (`ConfiguredLanguages.translationKey`).
    private var translations: [String: [Int]] = [:]

    /// Whether the site holds pages in more than one language.
    public var isMultilingual: Bool { !numbers.isEmpty }

    /// How many languages the site has (1 on a site of one language).
    public var count: Int { max(tags.count, 1) }

    /// The number of the language of the article at `index` (0 on a site of one language).
    @inline(__always)
    public func number(of index: Int) -> Int {
        numbers.isEmpty ? 0 : Int(numbers[index])
    }

    /// How many articles are in the language of the article at `index`; nil on a site of one language.
    public func articleCount(inLanguageOf index: Int) -> Int? {
        numbers.isEmpty ? nil : articleCounts[Int(numbers[index])]
    }

    /// The language of the article at `index`: nil on a site of one language, empty when it is the
    /// language of pages that name none and the site's default is not known.
    public func language(of index: Int) -> String? {
        numbers.isEmpty ? nil : tags[Int(numbers[index])]
    }

    /// Whether two articles are in the same language (always, on a site of one language).
    @inline(__always)
    public func same(_ first: Int, _ second: Int) -> Bool {
        numbers.isEmpty || numbers[first] == numbers[second]
    }

    /// The languages of `articles` (sorted by path) of a site laid out as `layout`.
    public init(articles: [Article], layout: SiteLayout) {
        var tags: [String?]
        var translations: [String: [Int]] = [:]
        if let configured = layout.languages {
            tags = []
            tags.reserveCapacity(articles.count)
            for (index, article) in articles.enumerated() {
                tags.append(configured.language(ofPath: article.path).code)
                let key = configured.translationKey(
                    ofPath: article.path, contentRelative: ArticleURL.contentRelativePath(article.path, layout: layout))
                translations[key, default: []].append(index)
            }
        } else {
            let relative = articles.map { ArticleURL.contentRelativePath($0.path, layout: layout) }
            tags = Self.suffixLanguages(relative)
            let folders = Self.folderLanguages(relative)
            for index in tags.indices where tags[index] == nil { tags[index] = folders[index] }
            let declared = Self.frontMatterLanguages(articles, defaultLanguage: layout.defaultLanguage)
            for index in tags.indices where tags[index] == nil { tags[index] = declared[index] }
            let fallback = layout.defaultLanguage.flatMap { LanguageTag.normalized($0) } ?? ""
            if tags.contains(where: { $0 != nil }) {
                for index in tags.indices where tags[index] == nil { tags[index] = fallback }
            }
        }
        let canonical = Self.canonicalForms(Set(tags.compactMap { $0 }))
        let distinct = Set(canonical.values).sorted()
        guard distinct.count > 1 else {
            self = .single
            return
        }
        let number = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, UInt16($0)) })
        self.init(numbers: tags.map { number[canonical[$0 ?? ""] ?? ""] ?? 0 }, tags: distinct)
        self.translations = translations.filter { $0.value.count > 1 }
    }

    /// The translation of the article at `target` into the language of the article at `source`, on a
    /// site with configured languages (Hugo, MkDocs' `i18n` plugin), where `ref`, `relref` and `.md`
    /// paths resolve in the linking page's language (`about.md` written in `about.fr.md`'s neighbour
    /// means `about.fr.md`); `target` itself when it is in that language or has no such translation.
    /// `written`: the path as the link writes it; one that names the target's language itself
    /// (`../en/setup.md` in a French page of MkDocs' language folders, `setup.en.md`) means that page
    /// and is read as written (`Self.path(_:namesLanguage:)`).
    public func translation(of target: Int, for source: Int, in site: Site, written: String? = nil) -> Int {
        guard !translations.isEmpty, !same(source, target) else { return target }
        if let written, let tag = language(of: target), Self.path(written, namesLanguage: tag) { return target }
        let layout = site.layout
        guard let configured = layout.languages else { return target }
        let path = site.articles[target].path
        let key = configured.translationKey(ofPath: path, contentRelative: ArticleURL.contentRelativePath(path, layout: layout))
        return translations[key]?.first { same($0, source) } ?? target
    }

    /// Whether the link path `written` names the language `tag` itself: a folder of that language on
    /// its way (`../en/guide/setup.md`, `/fr/setup.md`) or that language's suffix on its file name
    /// (`setup.en.md`), the tag compared in its canonical form (`en-US` names `en` on a site whose only
    /// English is `en`).
    static func path(_ written: String, namesLanguage tag: String) -> Bool {
        guard !tag.isEmpty else { return false }
        func names(_ text: some StringProtocol) -> Bool {
            guard let normalized = LanguageTag.normalized(text) else { return false }
            return normalized == tag || normalized.hasPrefix(tag + "-") || tag.hasPrefix(normalized + "-")
        }
        let parts = written.split(separator: "/")
        guard let file = parts.last else { return false }
        if parts.dropLast().contains(where: { names($0) }) { return true }
        let stem = ArticlePath.stem(of: String(file))
        return LanguageTag.suffix(ofStem: stem).map { names($0.tag) } ?? false
    }

    /// Each tag's canonical form: a tag with a region is its bare language when no other region of that
    /// language occurs (`en-us` → `en`).
    static func canonicalForms(_ tags: Set<String>) -> [String: String] {
        var regions: [String: Set<String>] = [:]
        for tag in tags {
            let primary = String(tag.split(separator: "-", maxSplits: 1).first ?? "")
            if tag != primary { regions[primary, default: []].insert(tag) }
        }
        var result: [String: String] = [:]
        for tag in tags {
            let primary = String(tag.split(separator: "-", maxSplits: 1).first ?? "")
            result[tag] = tag != primary && regions[primary]?.count == 1 ? primary : tag
        }
        return result
    }

    /// The language of each file whose name ends in a language code (`about.fr.md`) used by translations:
    /// at least half of the files with that code have a twin, a file of the same name without a code or
    /// with another one, in the same folder.
    static func suffixLanguages(_ paths: [String]) -> [String?] {
        var suffixed: [Int: (bare: String, tag: String)] = [:]
        for (index, path) in paths.enumerated() where Self.fileNameHasTwoDots(path) {
            let stem = ArticlePath.stem(of: path)
            if let (bare, tag) = LanguageTag.suffix(ofStem: stem) {
                suffixed[index] = (Self.twinKey(directory: ArticlePath.directory(of: path), stem: bare), tag)
            }
        }
        guard !suffixed.isEmpty else { return [String?](repeating: nil, count: paths.count) }
        // How many files share each name once the codes are taken off.
        var names: [String: Int] = [:]
        for (index, path) in paths.enumerated() {
            let key = suffixed[index]?.bare ?? Self.twinKey(path)
            names[key, default: 0] += 1
        }
        var twinned: [String: (files: Int, twins: Int)] = [:]
        for (_, entry) in suffixed {
            let twins = names[entry.bare, default: 0] > 1 ? 1 : 0
            twinned[entry.tag, default: (0, 0)].files += 1
            twinned[entry.tag, default: (0, 0)].twins += twins
        }
        var result = [String?](repeating: nil, count: paths.count)
        for (index, entry) in suffixed {
            if let counts = twinned[entry.tag], counts.twins * 2 >= counts.files { result[index] = entry.tag }
        }
        return result
    }

    /// Whether the file name at the end of `path` holds two dots or more (`about.fr.md`), read from its end.
    static func fileNameHasTwoDots(_ path: String) -> Bool {
        var dots = 0
        for byte in path.utf8.reversed() {
            if byte == UInt8(ascii: "/") { break }
            if byte == UInt8(ascii: "."), dots == 1 { return true }
            if byte == UInt8(ascii: ".") { dots = 1 }
        }
        return false
    }

    /// The language of each file in a top-level folder named with a language code (`zh/guide/intro.md`)
    /// that holds translations: at least two and two thirds of its files have a twin at the same path
    /// outside every such folder or in another one (a folder name is a weaker sign than a file-name
    /// suffix: `it/` or `ml/` may be a section that shares a page name or two with the rest); or, twins
    /// or not, such folders stand side by side, one of them `en`, and hold two thirds of the pages.
    static func folderLanguages(_ paths: [String]) -> [String?] {
        func split(_ path: String) -> (folder: String, rest: String)? {
            guard let slash = path.firstIndex(of: "/") else { return nil }
            return (String(path[..<slash]), String(path[path.index(after: slash)...]))
        }
        var candidates: [Int: (tag: String, rest: String)] = [:]
        for (index, path) in paths.enumerated() where LanguageTag.mayStartWithCode(path.utf8) {
            if let (folder, rest) = split(path), let tag = LanguageTag.normalized(folder, knownPrimary: true) {
                candidates[index] = (tag, Self.twinKey(rest))
            }
        }
        guard !candidates.isEmpty else { return [String?](repeating: nil, count: paths.count) }
        // Where each path (without its folder, when that is a candidate) occurs: the folders' tags, or
        // "" outside them.
        var places: [String: Set<String>] = [:]
        for (index, path) in paths.enumerated() {
            if let candidate = candidates[index] {
                places[candidate.rest, default: []].insert(candidate.tag)
            } else {
                places[Self.twinKey(path), default: []].insert("")
            }
        }
        var counts: [String: (files: Int, twins: Int)] = [:]
        for (_, candidate) in candidates {
            counts[candidate.tag, default: (0, 0)].files += 1
            if (places[candidate.rest]?.count ?? 0) > 1 { counts[candidate.tag, default: (0, 0)].twins += 1 }
        }
        // Folders side by side, one of them English, holding two thirds of the site between them (`en/`,
        // `zh/`, `ja/` of a vault whose translations name their notes in their own language): languages
        // without twins.
        let sideBySide = counts.count >= 2 && counts.keys.contains { $0 == "en" || $0.hasPrefix("en-") }
            && counts.values.reduce(0) { $0 + $1.files } * 3 >= paths.count * 2
        var result = [String?](repeating: nil, count: paths.count)
        for (index, candidate) in candidates {
            if let count = counts[candidate.tag], sideBySide || count.twins >= 2 && count.twins * 3 >= count.files * 2 {
                result[index] = candidate.tag
            }
        }
        return result
    }

    /// A path as twins share it: its stem lower case, without its extension.
    private static func twinKey(_ path: String) -> String {
        twinKey(directory: ArticlePath.directory(of: path), stem: ArticlePath.stem(of: path))
    }

    /// The key of a file named `stem` (without extension or language code) in `directory`, which its
    /// twins and translations share: `guide/intro`.
    static func twinKey(directory: String, stem: String) -> String {
        (directory.isEmpty ? "" : directory + "/") + stem.lowercased()
    }

    /// The front matter keys that name a page's language, in the order they are read.
    static let frontMatterKeys = ["lang", "language", "locale"]

    /// Each article's front matter language (`lang`, `language` or `locale`), when the site's pages name
    /// at least two (the default language counting for pages that name none); nil otherwise.
    static func frontMatterLanguages(_ articles: [Article], defaultLanguage: String?) -> [String?] {
        let declared: [String?] = articles.parallelMap { article in
            let fields = article.frontMatter.fields
            guard !fields.isEmpty else { return nil }
            for key in Self.frontMatterKeys {
                if let text = fields[key]?.text, let tag = LanguageTag.normalized(text) { return tag }
            }
            return nil
        }
        var distinct = Set(declared.compactMap { $0 })
        if let defaultLanguage = defaultLanguage.flatMap({ LanguageTag.normalized($0) }), declared.contains(nil) {
            distinct.insert(defaultLanguage)
        }
        guard Set(canonicalForms(distinct).values).count > 1 else { return declared.map { _ in nil } }
        return declared
    }
}
