import Foundation
import Yams

/// Settings from `.interlink.yml`, every key optional; documented in `Docs/Configuration.md`.
public struct Configuration: Sendable, Hashable {
    /// Content folders (relative to the root), replacing the generator's.
    public var contentDirectories: [String]?
    /// Only files matching one of these are articles.
    public var include: [Glob] = []
    /// Files matching one of these are not articles.
    public var exclude: [Glob] = []
    /// The generator, instead of detecting it.
    public var generator: Generator?
    /// The link syntax for new links.
    public var linkStyle: LinkStyle?
    /// The most new links per article.
    public var maximumLinksPerArticle: Int?
    /// One new link per this many words.
    public var wordsPerLink: Int?
    /// Minimum score.
    public var minimumScore: Double?
    /// More anchors that say nothing about their target.
    public var genericAnchors: [String] = []
    /// More words that are never an anchor alone.
    public var stopwords: [String] = []
    /// Extra phrases per target path.
    public var synonyms: [String: [String]] = [:]
    /// Targets never linked to.
    public var neverLinkTo: [Glob] = []
    /// Sources never given new links.
    public var neverTouch: [Glob] = []
    /// Largest file read, in bytes.
    public var maximumFileSize: Int?
    /// The most articles a site may have; a larger site is refused before anything is parsed.
    public var maximumArticles: Int?
    /// Audit: the most clicks from an entry page before an article is a deep page.
    public var maximumDepth: Int?
    /// Audit: the pages click depth is counted from, instead of the detected home and section pages.
    public var entryPages: [Glob] = []
    /// Audit: links whose destination matches one of these are not checked (a generator's render hook
    /// or a template resolves them).
    public var ignoreLinks: [LinkPattern] = []
    /// Audit: rules whose findings are not reported.
    public var disabledRules: Set<AuditRule> = []

    /// Where the configuration was read from (nil when none).
    public var path: String?

    public init() {}

    /// The file name looked for.
    public static let fileName = ".interlink.yml"

    /// Every key a config may hold.
    public static let keys: [String] = [
        "content", "include", "exclude", "generator", "link_style", "max_links_per_article", "words_per_link",
        "min_score", "generic_anchors", "stopwords", "synonyms", "never_link_to", "never_touch", "max_file_size",
        "max_articles",
        "max_depth", "entry_pages", "ignore_links", "disabled_rules",
    ]
}

extension Configuration {
    /// Finds `.interlink.yml`: in the site root, else in the current folder or the nearest folder above it.
    public static func locate(root: URL, currentDirectory: URL) -> URL? {
        let inRoot = root.appendingPathComponent(fileName)
        if FileManager.default.fileExists(atPath: inRoot.path) { return inRoot }
        var folder = currentDirectory.standardizedFileURL
        while true {
            let candidate = folder.appendingPathComponent(fileName)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    /// Reads and checks a config file. Unknown keys and wrong types are errors naming the file and line.
    public static func load(_ url: URL, displayPath: String) throws(Diagnostic) -> Configuration {
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8)
        else { throw Diagnostic(path: displayPath, message: "cannot read the configuration file") }
        return try parse(text, path: displayPath)
    }

    /// Parses config text.
    public static func parse(_ text: String, path: String) throws(Diagnostic) -> Configuration {
        var configuration = Configuration()
        configuration.path = path
        if let key = YAMLAliasedKeys.first(in: text.utf8) {
            throw Diagnostic(path: path, line: key.line, column: key.column, message: "invalid YAML: \(YAMLAliasedKeys.refusal)")
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            if case .scanner(_, let problem, let mark, _) = error {
                throw Diagnostic(path: path, line: mark.line, column: mark.column, message: "invalid YAML: \(problem)")
            }
            if case .parser(_, let problem, let mark, _) = error {
                throw Diagnostic(path: path, line: mark.line, column: mark.column, message: "invalid YAML: \(problem)")
            }
            throw Diagnostic(path: path, message: "invalid YAML: \(error)")
        } catch {
            throw Diagnostic(path: path, message: "invalid YAML: \(error)")
        }
        // No document, or an empty one (a lone `---`, `~`): every key at its default.
        guard let node, node.null == nil else { return configuration }
        guard case .mapping(let mapping) = node else {
            throw Diagnostic(path: path, line: node.mark?.line ?? 1, message: "the configuration must be a mapping of keys to values")
        }
        let reader = ConfigReader(path: path)
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else { continue }
            let line = keyNode.mark?.line ?? 1
            switch key {
            case "content": configuration.contentDirectories = try reader.strings(value, key)
            case "include": configuration.include = try reader.strings(value, key).map(Glob.init)
            case "exclude": configuration.exclude = try reader.strings(value, key).map(Glob.init)
            case "generator":
                let name = try reader.string(value, key)
                guard let generator = Generator(rawValue: name) else {
                    throw reader.error(value, "'generator' must be one of \(Generator.allCases.map(\.rawValue).joined(separator: ", ")), not '\(name)'")
                }
                configuration.generator = generator
            case "link_style":
                let name = try reader.string(value, key)
                guard let style = LinkStyle(rawValue: name) else {
                    throw reader.error(value, "'link_style' must be one of \(LinkStyle.allCases.map(\.rawValue).joined(separator: ", ")), not '\(name)'")
                }
                configuration.linkStyle = style
            case "max_links_per_article": configuration.maximumLinksPerArticle = try reader.integer(value, key, minimum: 0)
            case "words_per_link": configuration.wordsPerLink = try reader.integer(value, key, minimum: 1)
            case "min_score":
                let score = try reader.number(value, key)
                guard (0...1).contains(score) else { throw reader.error(value, "'min_score' must be between 0 and 1") }
                configuration.minimumScore = score
            case "generic_anchors": configuration.genericAnchors = try reader.strings(value, key)
            case "stopwords": configuration.stopwords = try reader.strings(value, key)
            case "synonyms":
                guard case .mapping(let table) = value else {
                    throw reader.error(value, "'synonyms' must map target paths to lists of phrases")
                }
                for (target, phrases) in table {
                    guard let name = target.scalar?.string else { continue }
                    configuration.synonyms[name] = try reader.strings(phrases, "synonyms.\(name)")
                }
            case "never_link_to": configuration.neverLinkTo = try reader.strings(value, key).map(Glob.init)
            case "never_touch": configuration.neverTouch = try reader.strings(value, key).map(Glob.init)
            case "max_file_size": configuration.maximumFileSize = try reader.integer(value, key, minimum: 1)
            case "max_articles": configuration.maximumArticles = try reader.integer(value, key, minimum: 1)
            case "max_depth": configuration.maximumDepth = try reader.integer(value, key, minimum: 1)
            case "entry_pages": configuration.entryPages = try reader.strings(value, key).map(Glob.init)
            case "ignore_links": configuration.ignoreLinks = try reader.strings(value, key).map(LinkPattern.init)
            case "disabled_rules":
                for name in try reader.strings(value, key) {
                    guard let rule = AuditRule(rawValue: name) else {
                        throw reader.error(
                            value, "'disabled_rules' holds '\(name)', which is no rule; rules: \(AuditRule.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    configuration.disabledRules.insert(rule)
                }
            default:
                throw Diagnostic(
                    path: path, line: line, column: keyNode.mark?.column ?? 1,
                    message: "unknown key '\(key)'; known keys: \(keys.joined(separator: ", "))")
            }
        }
        return configuration
    }
}

/// Typed reads of config values, with errors on the value's line.
private struct ConfigReader {
    let path: String

    func error(_ node: Node, _ message: String) -> Diagnostic {
        Diagnostic(path: path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1, message: message)
    }

    func string(_ node: Node, _ key: String) throws(Diagnostic) -> String {
        guard let scalar = node.scalar else { throw error(node, "'\(key)' must be a string") }
        return scalar.string
    }

    func strings(_ node: Node, _ key: String) throws(Diagnostic) -> [String] {
        switch node {
        case .scalar(let scalar): return [scalar.string]
        case .sequence(let sequence):
            var result: [String] = []
            for item in sequence {
                guard let scalar = item.scalar else { throw error(item, "'\(key)' must be a list of strings") }
                result.append(scalar.string)
            }
            return result
        default:
            throw error(node, "'\(key)' must be a list of strings")
        }
    }

    func integer(_ node: Node, _ key: String, minimum: Int) throws(Diagnostic) -> Int {
        guard let scalar = node.scalar, let value = Int(scalar.string), value >= minimum else {
            throw error(node, "'\(key)' must be a whole number of at least \(minimum)")
        }
        return value
    }

    func number(_ node: Node, _ key: String) throws(Diagnostic) -> Double {
        guard let scalar = node.scalar, let value = Double(scalar.string) else {
            throw error(node, "'\(key)' must be a number")
        }
        return value
    }
}
