import ArgumentParser
import Interlink

/// `interlink index`: lists every article with its URL and resolved links.
struct IndexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "List every article: path, title, URL, size, and its internal links resolved."
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() async throws {
        let loaded = await site.load(try site.configuration())
        let graph = LinkGraph(site: loaded.site)
        let report = IndexReport(rootDisplay: site.root, site: loaded.site, graph: graph, errors: loaded.diagnostics)
        switch format {
        case .text: print(report.text(), terminator: "")
        case .json: print(try report.json(), terminator: "")
        }
        if !loaded.diagnostics.isEmpty { throw exitFailure }
    }
}
