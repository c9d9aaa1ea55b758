import Foundation
import Testing

/// End to end on a generated 2,000-article site: checks results, not time (speed is measured by
/// `Benchmarks/run.py`, not by tests).
@Suite(.serialized) struct ScaleTests {
    static let generator = CommandRunner.repositoryRoot.appendingPathComponent("Benchmarks/generate-site.py")

    @Test func suggestOnAGenerated2000ArticleSite() throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("interlink-scale-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        let generate = Process()
        generate.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generate.arguments = ["python3", Self.generator.path, "2000", site.path]
        try generate.run()
        generate.waitUntilExit()
        try #require(generate.terminationStatus == 0, "the site generator failed")

        let first = try CommandRunner.run(["suggest", "--root", site.path, "--format", "json"])
        #expect(first.status == 0)
        #expect(first.stderr.isEmpty, "\(first.stderr)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        let suggestions = try #require(report["suggestions"] as? [[String: Any]])
        // The generated prose mentions other articles' titles: a working suggester finds many.
        #expect(suggestions.count > 1000, "only \(suggestions.count) suggestions")
        var perSource: [String: Int] = [:]
        for suggestion in suggestions {
            let source = try #require(suggestion["source"] as? String)
            let target = try #require(suggestion["target"] as? String)
            let offset = try #require(suggestion["offset"] as? Int)
            let length = try #require(suggestion["length"] as? Int)
            let anchor = try #require(suggestion["anchor"] as? String)
            #expect(source != target)
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(target).path))
            let bytes = [UInt8](try Data(contentsOf: site.appendingPathComponent(source)))
            #expect(String(decoding: bytes[offset..<(offset + length)], as: UTF8.self) == anchor)
            perSource[source, default: 0] += 1
        }
        #expect(perSource.values.allSatisfy { $0 <= 10 })
        // Deterministic: the same site gives the same report, from the index cache the first run wrote
        // and without it.
        let second = try CommandRunner.run(["suggest", "--root", site.path, "--format", "json"])
        #expect(second.stdout == first.stdout)
        let uncached = try CommandRunner.run(["suggest", "--root", site.path, "--format", "json", "--no-cache"])
        #expect(uncached.stdout == first.stdout)
        // Three files edited, as before a commit: reported alone, from the cache, as without it.
        let markdown = try FileManager.default.subpathsOfDirectory(atPath: site.path).filter {
            $0.hasSuffix(".md") && !$0.hasPrefix(".")
        }.sorted()
        let changed = [markdown[1], markdown[markdown.count / 2], markdown[markdown.count - 2]]
        for path in changed {
            let url = site.appendingPathComponent(path)
            let bytes = [UInt8](try Data(contentsOf: url)) + Array("\nOne more paragraph, written just before the commit.\n".utf8)
            try Data(bytes).write(to: url)
        }
        let hook = try CommandRunner.run(["suggest", "--root", site.path, "--format", "json"] + changed.map { site.appendingPathComponent($0).path })
        let hookUncached = try CommandRunner.run(
            ["suggest", "--root", site.path, "--format", "json", "--no-cache"] + changed.map { site.appendingPathComponent($0).path })
        #expect(hook.status == 0)
        #expect(hook.stdout == hookUncached.stdout)
    }
}
