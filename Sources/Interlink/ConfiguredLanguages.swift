import Foundation
import TOMLKit
import Yams

/// The languages a site's configuration declares, which decide the language of every page and where it
/// is published: Hugo's `[languages.fr]`, or the `i18n` plugin of MkDocs (mkdocs-static-i18n).
///
/// - a page in a language's own `contentDir` (`content/fr/`, Hugo) is in that language;
/// - on an MkDocs site whose translations are in folders (`docs_structure: folder`), a page in a
///   language's folder (`docs/fr/`) is in that language, and the folder is no part of its URL;
/// - otherwise a file named with a language's code (`about.fr.md`, `post/index.fr.md`) is in it, and
///   the code is no part of its URL;
/// - every other page is in the default language (Hugo's `defaultContentLanguage`, `en` when unset;
///   the MkDocs language marked `default: true`, else the first);
/// - pages are published under `/CODE/`, the default language's at the root unless Hugo's
///   `defaultContentLanguageInSubdir` is true.
public struct ConfiguredLanguages: Sendable, Hashable {
    /// The languages' codes, lower case, sorted.
    public var codes: [String]
    /// The default language's code.
    public var defaultCode: String
    /// The content folders of languages that have their own (`contentDir`), relative to the root, and
    /// their language.
    public var contentDirectories: [String: String] {
        didSet { directoriesLongestFirst = Self.longestFirst(contentDirectories) }
    }
    /// `contentDirectories` longest path first (a nested folder before the one holding it), sorted once
    /// rather than on every page's `language(ofPath:)`.
    private var directoriesLongestFirst: [ContentFolder]
    /// Whether the default language's pages are published under `/CODE/` too.
    public var defaultInSubdirectory: Bool
    /// MkDocs with `docs_structure: folder`: the content folder whose first-level folders are the
    /// languages (`docs` for `docs/fr/`).
    public var languageFoldersIn: String?

    public init(
        codes: [String], defaultCode: String, contentDirectories: [String: String] = [:],
        defaultInSubdirectory: Bool = false, languageFoldersIn: String? = nil
    ) {
        self.codes = codes
        self.defaultCode = defaultCode
        self.contentDirectories = contentDirectories
        self.directoriesLongestFirst = Self.longestFirst(contentDirectories)
        self.defaultInSubdirectory = defaultInSubdirectory
        self.languageFoldersIn = languageFoldersIn
    }

    /// A language's content folder.
    private struct ContentFolder: Sendable, Hashable {
        var path: String
        var code: String
    }

    private static func longestFirst(_ directories: [String: String]) -> [ContentFolder] {
        directories.map { ContentFolder(path: $0.key, code: $0.value) }
            .sorted { ($0.path.utf8.count, $1.path) > ($1.path.utf8.count, $0.path) }
    }

    /// The language of the file at `path` (relative to the root), and its stem without the language
    /// code a translation's file name carries (`about.fr` → `about`).
    public func language(ofPath path: String) -> (code: String, stem: String) {
        let stem = ArticlePath.stem(of: path)
        for folder in directoriesLongestFirst where path.hasPrefix(folder.path + "/") {
            return (folder.code, stem)
        }
        if let (code, _) = languageFolder(of: path) { return (code, stem) }
        if let (bare, tag) = LanguageTag.suffix(ofStem: stem), codes.contains(tag) { return (tag, bare) }
        return (defaultCode, stem)
    }

    /// What the translations of one page share: its path in its language's content, lower case, without
    /// the language's folder or code and without extension (`posts/cdn` for `content/fr/posts/cdn.md`,
    /// `content/posts/cdn.fr.md` and `docs/fr/posts/cdn.md`). `contentRelative` is the path inside the
    /// site's content folder.
    func translationKey(ofPath path: String, contentRelative: String) -> String {
        SiteLanguages.twinKey(
            directory: ArticlePath.directory(of: languageFolder(of: path)?.inside ?? contentRelative),
            stem: language(ofPath: path).stem)
    }

    /// On an MkDocs site whose languages are folders, the language of the file at `path` and its path
    /// inside its language's folder (`docs/fr/guide/a.md` → (`fr`, `guide/a.md`)).
    func languageFolder(of path: String) -> (code: String, inside: String)? {
        guard let root = languageFoldersIn else { return nil }
        let prefix = root.isEmpty ? "" : root + "/"
        guard path.hasPrefix(prefix) else { return nil }
        let relative = path.dropFirst(prefix.count)
        guard let slash = relative.firstIndex(of: "/"), let code = LanguageTag.normalized(relative[..<slash]),
            codes.contains(code)
        else { return nil }
        return (code, String(relative[relative.index(after: slash)...]))
    }

    /// The URL prefix of a language's pages (`/fr`, or empty for the default language at the root).
    public func urlPrefix(of code: String) -> String {
        code == defaultCode && !defaultInSubdirectory ? "" : "/" + code
    }
}

extension ConfiguredLanguages {
    /// The languages of a Hugo configuration: its `languages` table, or the top-level tables of a
    /// `languages.toml`/`.yaml` beside it in a configuration folder (`config/_default/`). Nil when it
    /// declares at most one language.
    static func hugo(root: URL, configuration name: String) -> ConfiguredLanguages? {
        func text(_ name: String) -> String? {
            try? String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
        }
        guard let main = text(name).map({ ConfigTree(text: $0, name: name) }) else { return nil }
        var languages = main.table("languages")
        if languages.isEmpty {
            let folder = ArticlePath.directory(of: name)
            for file in ["languages.toml", "languages.yaml", "languages.yml"] {
                let path = folder.isEmpty ? file : folder + "/" + file
                if let content = text(path) {
                    languages = ConfigTree(text: content, name: path).tables()
                    break
                }
            }
        }
        var codes: [String] = []
        var directories: [String: String] = [:]
        for (key, settings) in languages {
            guard let code = LanguageTag.normalized(key) else { continue }
            codes.append(code)
            if let directory = settings["contentDir"] {
                let trimmed = directory.split(separator: "/").joined(separator: "/")
                if !trimmed.isEmpty { directories[trimmed] = code }
            }
        }
        guard codes.count > 1 else { return nil }
        let defaultCode = main.string("defaultContentLanguage").flatMap { LanguageTag.normalized($0) } ?? "en"
        return ConfiguredLanguages(
            codes: codes.sorted(), defaultCode: defaultCode, contentDirectories: directories,
            defaultInSubdirectory: main.string("defaultContentLanguageInSubdir") == "true")
    }
}

extension ConfiguredLanguages {
    /// The languages of an MkDocs site's `i18n` plugin (mkdocs-static-i18n): its `languages` (each a
    /// `locale`, one maybe `default: true`; before version 1, a mapping of codes beside
    /// `default_language`) and `docs_structure` (`suffix`, the default, or `folder`).
    /// Nil without the plugin or with at most one language. `mapping` is `mkdocs.yml`'s, composed.
    static func mkdocs(_ mapping: Node.Mapping?, docsDirectory: String) -> ConfiguredLanguages? {
        guard let plugins = mapping?["plugins"] else { return nil }
        // `plugins:` is a list of names and one-key mappings, or a mapping of names.
        var settings: Node.Mapping? = plugins.mapping?["i18n"]?.mapping
        for entry in plugins.sequence ?? [] where settings == nil {
            settings = entry.mapping?["i18n"]?.mapping
        }
        guard let settings, let languages = settings["languages"] else { return nil }
        var codes: [String] = []
        var defaultCode = settings["default_language"]?.scalar.flatMap { LanguageTag.normalized($0.string) }
        // Version 1: a list of `{locale: fr, default: true, …}`; before it, a mapping of codes to names
        // beside `default_language`.
        for language in languages.sequence ?? [] {
            guard let entry = language.mapping, let locale = entry["locale"]?.scalar?.string,
                let code = LanguageTag.normalized(locale)
            else { continue }
            codes.append(code)
            if entry["default"]?.scalar?.string == "true" { defaultCode = code }
        }
        for (key, _) in languages.mapping ?? [:] {
            if let name = key.scalar?.string, let code = LanguageTag.normalized(name) { codes.append(code) }
        }
        if let defaultCode, !codes.contains(defaultCode) { codes.append(defaultCode) }
        guard Set(codes).count > 1 else { return nil }
        let folders = settings["docs_structure"]?.scalar?.string == "folder"
        return ConfiguredLanguages(
            codes: Set(codes).sorted(), defaultCode: defaultCode ?? codes[0],
            languageFoldersIn: folders ? docsDirectory : nil)
    }
}

/// A generator's TOML or YAML configuration, read two levels deep: top-level scalars, and the scalar
/// settings of top-level tables (`[languages.fr]` → `languages` → `fr` → its settings).
struct ConfigTree {
    private var root: [String: ConfigTreeValue] = [:]

    private enum ConfigTreeValue {
        case scalar(String)
        case table([String: ConfigTreeValue])
    }

    init(text: String, name: String) {
        if name.hasSuffix(".toml") {
            guard TOMLParserTraps.first(in: Array(text.utf8)) == nil, let table = try? TOMLTable(string: text) else { return }
            root = Self.read(table, depth: 0)
        } else if name.hasSuffix(".yml") || name.hasSuffix(".yaml") {
            root = Self.read(YAMLAliasedKeys.topLevelMapping(of: text), depth: 0)
        }
    }

    /// A YAML file's top-level mapping, already composed.
    init(mapping: Node.Mapping?) {
        root = Self.read(mapping, depth: 0)
    }

    private static func read(_ table: TOMLTable, depth: Int) -> [String: ConfigTreeValue] {
        var values: [String: ConfigTreeValue] = [:]
        for key in table.keys {
            guard let value = table[key] else { continue }
            if let nested = value.table {
                if depth < 2 { values[key] = .table(read(nested, depth: depth + 1)) }
            } else if let scalar = value.string ?? value.bool.map({ String($0) }) ?? value.int.map({ String($0) }) {
                values[key] = .scalar(scalar)
            }
        }
        return values
    }

    private static func read(_ mapping: Node.Mapping?, depth: Int) -> [String: ConfigTreeValue] {
        var values: [String: ConfigTreeValue] = [:]
        for (key, value) in mapping ?? [:] {
            guard let key = key.scalar?.string else { continue }
            if let nested = value.mapping {
                if depth < 2 { values[key] = .table(read(nested, depth: depth + 1)) }
            } else if let scalar = value.scalar?.string {
                values[key] = .scalar(scalar)
            }
        }
        return values
    }

    /// A top-level scalar setting.
    func string(_ key: String) -> String? {
        if case .scalar(let value) = root[key] { return value }
        return nil
    }

    /// The tables of a top-level table (`languages` → `fr` → its scalar settings).
    func table(_ key: String) -> [String: [String: String]] {
        guard case .table(let table) = root[key] else { return [:] }
        return Self.scalars(of: table)
    }

    /// The top-level tables, each with its scalar settings.
    func tables() -> [String: [String: String]] { Self.scalars(of: root) }

    private static func scalars(of table: [String: ConfigTreeValue]) -> [String: [String: String]] {
        var result: [String: [String: String]] = [:]
        for (key, value) in table {
            guard case .table(let settings) = value else { continue }
            var scalars: [String: String] = [:]
            for (name, setting) in settings { if case .scalar(let text) = setting { scalars[name] = text } }
            result[key] = scalars
        }
        return result
    }
}
