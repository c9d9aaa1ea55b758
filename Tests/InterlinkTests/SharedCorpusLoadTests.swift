import Foundation
import Interlink
import Testing

/// The shared real-site corpora (`../shared/corpora/*/site`) load with zero errors and no broken links.
@Suite struct SharedCorpusLoadTests {
    static let corporaRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpora")

    static var sites: [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corporaRoot.path)) ?? []
        return names.sorted().map { corporaRoot.appendingPathComponent($0).appendingPathComponent("site") }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
    }

    @Test(
        .enabled(
            if: FileManager.default.fileExists(atPath: corporaRoot.path),
            "../shared/corpora is absent (a user's clone): skipped"))
    func corporaLoadWithoutErrorsOrBrokenLinks() async throws {
        let sites = Self.sites
        #expect(!sites.isEmpty)
        for root in sites {
            let result = await SiteLoader.load(root: root)
            let name = root.deletingLastPathComponent().lastPathComponent
            #expect(result.diagnostics.isEmpty, "\(name): \(result.diagnostics.map(\.description))")
            let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }
                .filter { $0.hasSuffix(".md") && !$0.split(separator: "/").contains { $0.hasPrefix(".") } } ?? []
            #expect(result.site.articles.count == files.count, "\(name)")
            // The links the corpus still has point into it: none may come out broken.
            let graph = LinkGraph(site: result.site)
            let broken = graph.outgoing.joined().filter {
                if case .broken = $0.resolution { return true } else { return false }
            }
            #expect(broken.isEmpty, "\(name): \(broken.map { "\($0.link.destination) at \($0.location)" })")
        }
    }
}
