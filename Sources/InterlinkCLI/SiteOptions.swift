import ArgumentParser
import Foundation
import Interlink

/// Options shared by every command that reads a site.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The site's root folder.")
    var root: String = "."

    @Option(name: .long, help: "Assume this generator instead of detecting it (\(Generator.allCases.map(\.rawValue).joined(separator: ", "))).")
    var generator: Generator?

    @Option(name: .long, help: "Configuration file (default: .interlink.yml in the root, else the nearest one above the current folder).")
    var config: String?

    var rootURL: URL { URL(fileURLWithPath: root).standardizedFileURL }

    /// The configuration in force, or exit status 2 with the error when it is invalid.
    func configuration() throws -> Configuration {
        let url = config.map { URL(fileURLWithPath: $0) }
            ?? Configuration.locate(
                root: rootURL, currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        guard let url else { return Configuration() }
        do {
            // Like every other error, relative to the root when the file is the root's own.
            let inRoot = url.deletingLastPathComponent().standardizedFileURL.path == rootURL.path
            return try Configuration.load(url, displayPath: config ?? (inRoot ? Configuration.fileName : url.path))
        } catch {
            StandardError.write(error.description + "\n")
            throw exitFailure
        }
    }

    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: rootURL.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("--root '\(root)' is not a folder.")
        }
    }

    /// Loads the site, printing every file error to stderr.
    /// `openingCache`, when given, opens the index cache while the site's folders are walked
    /// (`SiteLoader.Result.cache`).
    func load(
        _ configuration: Configuration = Configuration(), progress: Progress? = nil,
        openingCache: (@Sendable () -> ArticleCache)? = nil, keepsRewriteDetails: Bool = true,
        keepsBytesUpTo: Int? = nil
    ) async -> SiteLoader.Result {
        var options = LoadOptions(configuration: configuration, generator: generator)
        options.keepsRewriteDetails = keepsRewriteDetails
        options.keepsBytesUpTo = keepsBytesUpTo
        var report: (@Sendable (Int, Int) -> Void)? = nil
        if let progress {
            report = { done, total in progress.update(done, total) }
        }
        let result = await SiteLoader.load(
            root: rootURL, options: options, progress: report, openingCache: openingCache)
        if progress != nil, !result.diagnostics.isEmpty { progress?.clear() }
        for diagnostic in result.diagnostics {
            StandardError.write(diagnostic.description + "\n")
        }
        return result
    }
}

extension Generator: ExpressibleByArgument {}

/// Output formats of reports.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Writes to standard error.
enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Exit status 2: some file could not be processed.
let exitFailure = ExitCode(2)
