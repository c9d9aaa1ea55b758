import Foundation
import Interlink
import Testing

/// A small site written into a fresh temporary folder, removed when the value goes away.
final class TemporarySite: @unchecked Sendable {
    /// The site's root folder.
    let root: URL

    /// Writes `files` (relative path → content) under a new temporary folder.
    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("interlink-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, text) in files { try write(path, bytes: Array(text.utf8)) }
    }

    deinit {
        // Restore permissions a test may have taken away, so the folder can be removed.
        if let enumerator = FileManager.default.enumerator(atPath: root.path) {
            for case let path as String in enumerator {
                chmod(root.appendingPathComponent(path).path, 0o755)
            }
        }
        try? FileManager.default.removeItem(at: root)
    }

    /// Writes raw bytes at a relative path, creating folders.
    func write(_ path: String, bytes: [UInt8]) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// Creates an empty folder at a relative path.
    func makeDirectory(_ path: String) throws {
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent(path), withIntermediateDirectories: true)
    }

    /// Loads the site with the real loader.
    func load(options: LoadOptions = LoadOptions()) async -> SiteLoader.Result {
        await SiteLoader.load(root: root, options: options)
    }
}

extension SiteLoader.Result {
    /// The article at a relative path, failing the test when it is missing.
    func article(
        _ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> Article {
        try #require(site.article(atPath: path), "no article at \(path)", sourceLocation: sourceLocation)
    }

    /// Every link of the article at `path` that resolved to an article, as (link text, target path).
    func resolvedTargets(of path: String) -> [String] {
        guard let index = site.index(ofPath: path) else { return [] }
        let graph = LinkGraph(site: site)
        return graph.outgoing[index].map { link in
            switch link.resolution {
            case .article(let target, let fragment):
                return site.articles[target].path + (fragment.map { "#" + $0 } ?? "")
            case .broken(let reason): return "broken: " + reason
            case .other: return "other: " + link.link.destination
            }
        }
    }

    /// The relative paths of the loaded articles, sorted.
    var paths: [String] { site.articles.map(\.path) }
}
