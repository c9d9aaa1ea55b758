import ArgumentParser
import Foundation
import Interlink

/// `interlink init`: writes a commented `.interlink.yml` for the site.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented .interlink.yml with the detected generator and link style."
    )

    @OptionGroup var site: SiteOptions

    @Flag(name: .long, help: "Replace an existing .interlink.yml.")
    var force = false

    func run() async throws {
        let url = site.rootURL.appendingPathComponent(Configuration.fileName)
        if FileManager.default.fileExists(atPath: url.path), !force {
            StandardError.write("\(Configuration.fileName):1:1: error: already exists; use --force to replace it\n")
            throw exitFailure
        }
        let loaded = await site.load()
        let graph = LinkGraph(site: loaded.site)
        let text = ConfigurationTemplate.text(
            layout: loaded.site.layout, style: LinkStyle.detect(site: loaded.site, graph: graph))
        guard FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8)) else {
            StandardError.write("\(Configuration.fileName):1:1: error: cannot write the file\n")
            throw exitFailure
        }
        print("wrote \(url.path) (generator: \(loaded.site.layout.generator.rawValue))")
    }
}
