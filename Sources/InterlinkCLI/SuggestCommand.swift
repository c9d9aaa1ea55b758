import ArgumentParser
import Foundation
import Interlink

/// `interlink suggest`: proposes links between the site's articles.
struct SuggestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Propose internal links with descriptive anchors, ranked and explained."
    )

    @OptionGroup var site: SiteOptions

    @Argument(help: "Report only these source files or folders (the whole site is still indexed).")
    var paths: [String] = []

    @OptionGroup var output: ReportOptions

    @Option(name: .long, help: "Drop suggestions scoring below this (0…1). Default: calibrated on the site's own links, else \(SuggestOptions.defaultMinimumScore).")
    var minScore: Double?

    @Option(name: .long, help: "The most new links per article (default 10).")
    var maxLinks: Int?

    @Option(name: .long, help: "List the articles that should link to this one (a new post), best first.")
    var inbound: String?

    @Option(name: .customLong("dump-candidates"), help: .hidden)
    var dumpCandidates: String?

    @Flag(name: .customLong("no-cache"), help: "Neither read nor write the index cache in \(ArticleCache.folderName)/ (see Docs/Performance.md).")
    var noCache = false

    /// The last run's values, never freed (see `run()`).
    nonisolated(unsafe) private static var keptUntilExit: SuggestionPipeline?

    func run() async throws {
        StageTimer.shared.start()
        let pipeline = try await SuggestionPipeline.run(
            site: site, paths: paths, inbound: inbound, minScore: minScore, maxLinks: maxLinks, useCache: !noCache,
            rewrites: false)
        if let dumpCandidates {
            try CandidateDump.write(suggester: pipeline.suggester, to: dumpCandidates)
        }
        let report = SuggestionReport(root: site.root, result: pipeline.result)
        try StageTimer.shared.measure("output") {
            if output.format == .json {
                // Streamed: a large site's report is never held whole.
                try report.writeJSON { FileHandle.standardOutput.write($0) }
            } else {
                try output.emit(report.suggestions.map(\.finding), json: { try report.json() })
            }
        }
        StageTimer.shared.report()
        // The process exits right after this: freeing a large site's articles one by one would only
        // cost time (a tenth of a second at 10,000 articles).
        Self.keptUntilExit = pipeline
        if !pipeline.loaded.diagnostics.isEmpty { throw exitFailure }
        try output.exitForFindings(count: report.suggestions.count)
    }
}

/// Turns PATH arguments (files or folders, relative to the current directory) into article paths.
enum SourceSelection {
    static func paths(_ arguments: [String], site: Site, root: URL) throws -> Set<String>? {
        guard !arguments.isEmpty else { return nil }
        let rootPath = root.standardizedFileURL.path
        var selected: Set<String> = []
        for argument in arguments {
            // Relative to the current directory; failing that, relative to the site root.
            var full = URL(fileURLWithPath: argument).standardizedFileURL.path
            if !FileManager.default.fileExists(atPath: full), !argument.hasPrefix("/") {
                let underRoot = root.appendingPathComponent(argument).standardizedFileURL.path
                if FileManager.default.fileExists(atPath: underRoot) { full = underRoot }
            }
            guard full == rootPath || full.hasPrefix(rootPath + "/") else {
                throw ValidationError("'\(argument)' is not inside the site root '\(rootPath)'.")
            }
            let relative = String(full.dropFirst(rootPath.count).drop(while: { $0 == "/" }))
            if site.index(ofPath: relative) != nil {
                // A file of the site (the pre-commit case): no need to look through every path.
                selected.insert(relative)
                continue
            }
            let folder = relative + "/"
            let matches = site.articles.lazy.map(\.path).filter { relative.isEmpty || $0.hasPrefix(folder) }
            if matches.isEmpty, FileManager.default.fileExists(atPath: full) == false {
                throw ValidationError("'\(argument)' does not exist.")
            }
            selected.formUnion(matches)
        }
        return selected
    }
}
