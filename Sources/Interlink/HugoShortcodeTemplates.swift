import Foundation
import InterlinkMarkdown

/// Reads how a Hugo site's own shortcodes treat their body from their templates: the site's
/// `layouts/shortcodes/` (or `layouts/_shortcodes/`, Hugo 0.146+) and its themes'
/// (`themes/*/layouts/…`), the site's own winning over a theme's, as Hugo looks them up.
enum HugoShortcodeTemplates {
    /// Templates read at most, and the largest one read: a site's shortcodes are a few dozen small files.
    static let maximumTemplates = 2_000
    static let maximumTemplateBytes = 256 * 1024

    static func read(root: URL) -> ShortcodeRendering {
        let files = FileManager.default
        var folders: [URL] = []
        let themes = root.appendingPathComponent("themes")
        let themeNames = ((try? files.contentsOfDirectory(atPath: themes.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        for theme in themeNames {
            for folder in ["layouts/shortcodes", "layouts/_shortcodes"] {
                folders.append(themes.appendingPathComponent(theme).appendingPathComponent(folder))
            }
        }
        folders += ["layouts/shortcodes", "layouts/_shortcodes"].map { root.appendingPathComponent($0) }
        var rendersMarkdown: [String: Bool] = [:]
        var read = 0
        for folder in folders {
            guard let enumerator = files.enumerator(atPath: folder.path) else { continue }
            var paths: [String] = []
            while let path = enumerator.nextObject() as? String { paths.append(path) }
            for path in paths.sorted() where path.hasSuffix(".html") || path.hasSuffix(".md") {
                guard read < maximumTemplates else { break }
                let url = folder.appendingPathComponent(path)
                guard let size = (try? files.attributesOfItem(atPath: url.path))?[.size] as? Int,
                    size <= maximumTemplateBytes, let text = try? String(contentsOf: url, encoding: .utf8)
                else { continue }
                read += 1
                // `alert.html`, `alert.en.html` (a language variant) and `docs/alert.html` name `alert`, `docs/alert`.
                let name = String(path[..<(path.firstIndex(of: ".") ?? path.endIndex)]).lowercased()
                if let markdown = ShortcodeRendering.rendersMarkdown(template: text) { rendersMarkdown[name] = markdown }
            }
        }
        return ShortcodeRendering(
            markdown: Set(rendersMarkdown.filter { $0.value }.keys), raw: Set(rendersMarkdown.filter { !$0.value }.keys))
    }
}
