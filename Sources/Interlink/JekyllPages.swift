import Yams

/// Which Markdown files of a Jekyll site Jekyll publishes: not those below a folder, or named, with a
/// leading `_` (`_includes/`, `_layouts/`, `_data/`, `_drafts-old/`, `_notes.md`) other than `_posts`,
/// `_drafts` and the collections' folders, unless `_config.yml` lists them under `include:`; not those
/// its `exclude:` names (a file, or a folder and all below it).
public struct JekyllPages: Sendable, Hashable {
    /// `exclude:` of `_config.yml`, as root-relative patterns.
    public var exclude: [Glob] = []
    /// `include:` of `_config.yml`, as root-relative patterns (they bring underscore files back).
    public var include: [Glob] = []

    public init(exclude: [Glob] = [], include: [Glob] = []) {
        self.exclude = exclude
        self.include = include
    }

    /// Reads `exclude:` and `include:` of a `_config.yml`'s top-level `settings`.
    static func read(settings: Node.Mapping) -> JekyllPages {
        func patterns(_ key: String) -> [Glob] {
            let entries = settings[key]?.sequence?.compactMap { $0.scalar?.string } ?? []
            return entries.filter { !$0.isEmpty }.map { Glob("/" + ($0.hasPrefix("/") ? String($0.dropFirst()) : $0)) }
        }
        return JekyllPages(exclude: patterns("exclude"), include: patterns("include"))
    }

    /// Whether Jekyll publishes the Markdown file at `path` (relative to the site root) of a site with
    /// `collections` in `collectionsDirectory`.
    func publishes(_ path: String, collections: [JekyllCollection], collectionsDirectory: String) -> Bool {
        if exclude.contains(where: { $0.matches(path) }) { return false }
        let parts = path.split(separator: "/")
        let collectionDepth = collectionsDirectory.isEmpty ? 0 : collectionsDirectory.split(separator: "/").count
        for (depth, part) in parts.enumerated() where part.hasPrefix("_") {
            let isFolder = depth < parts.count - 1
            if isFolder, part == "_posts" || part == "_drafts" { continue }
            if isFolder, depth == collectionDepth, collections.contains(where: { "_" + $0.label == part }) { continue }
            let upToHere = parts[...depth].joined(separator: "/")
            if include.contains(where: { $0.matches(upToHere) }) { continue }
            return false
        }
        return true
    }
}
