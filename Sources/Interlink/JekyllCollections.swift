import Yams

/// A Jekyll collection (`collections:` in `_config.yml`): its documents live in `_label/` (below
/// `collections_dir`) and are published at its `permalink` pattern.
public struct JekyllCollection: Sendable, Hashable {
    /// The collection's name, e.g. `docs` for the folder `_docs`.
    public var label: String
    /// Its `permalink` setting (a pattern such as `/:collection/:path/`, or a style name), if it has one.
    public var permalink: String?

    public init(label: String, permalink: String? = nil) {
        self.label = label
        self.permalink = permalink
    }

    /// Reads the collections of a `_config.yml`'s top-level `settings`: a list of labels, or a mapping of
    /// labels to settings. Posts are not among them (Jekyll's built-in collection has rules of its own).
    static func read(settings: Node.Mapping) -> [JekyllCollection] {
        guard let collections = settings["collections"] else { return [] }
        var found: [JekyllCollection] = []
        switch collections {
        case .sequence(let labels):
            found = labels.compactMap { $0.scalar?.string }.map { JekyllCollection(label: $0) }
        case .mapping(let entries):
            for (key, value) in entries {
                guard let label = key.scalar?.string else { continue }
                found.append(JekyllCollection(label: label, permalink: value.mapping?["permalink"]?.scalar?.string))
            }
        default:
            break
        }
        return found.filter { $0.label != "posts" && !$0.label.isEmpty }.sorted { $0.label < $1.label }
    }

    /// The URL pattern of its documents: its own permalink, else Jekyll's default `/:collection/:path`
    /// with the ending the site's permalink style gives (`/` for `pretty` and patterns ending in `/`,
    /// else the output extension).
    func pattern(siteStyle: String) -> String {
        switch permalink {
        case "pretty"?: return "/:collection/:path/"
        case "date"?, "ordinal"?, "none"?: return "/:collection/:path:output_ext"
        case let permalink?: return permalink
        case nil:
            if siteStyle == "pretty" || siteStyle.hasSuffix("/") { return "/:collection/:path/" }
            if ["date", "ordinal", "none"].contains(siteStyle) || siteStyle.hasSuffix(":output_ext") {
                return "/:collection/:path:output_ext"
            }
            return "/:collection/:path"
        }
    }
}
