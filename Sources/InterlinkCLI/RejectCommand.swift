import ArgumentParser
import Foundation
import Interlink

/// `interlink reject ID…`: turns suggestions down for good, in `.interlink-ignore`.
struct RejectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject",
        abstract: "Turn suggestions down for good: their ids go into .interlink-ignore in the site root."
    )

    @OptionGroup var site: SiteOptions

    @Argument(help: "Suggestion ids, as `interlink suggest` shows them.")
    var ids: [String]

    func validate() throws {
        if ids.isEmpty { throw ValidationError("Give at least one suggestion id.") }
    }

    func run() async throws {
        let pipeline = try await SuggestionPipeline.run(
            site: site, paths: [], inbound: nil, minScore: nil, maxLinks: nil, includeRejected: true)
        let current = Dictionary(pipeline.result.suggestions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var ignore: IgnoreFile
        do {
            ignore = try IgnoreFile.load(root: site.rootURL)
        } catch {
            StandardError.write(error.description + "\n")
            throw exitFailure
        }
        var unknown: [String] = []
        for id in ids {
            if let suggestion = current[id] {
                ignore.add(suggestion)
                print("rejected \(id): \(suggestion.source) -> \(suggestion.target) \"\(suggestion.readAnchor)\"")
            } else if ignore.ids.contains(id) {
                print("already rejected \(id)")
            } else {
                unknown.append(id)
            }
        }
        do {
            try ignore.save(root: site.rootURL)
        } catch {
            StandardError.write(error.description + "\n")
            throw exitFailure
        }
        for id in unknown {
            StandardError.write("\(IgnoreFile.fileName):1:1: error: no current suggestion has id \(id)\n")
        }
        if !unknown.isEmpty { throw exitFailure }
    }
}
