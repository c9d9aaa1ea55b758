import Foundation
import Testing

/// A site with one file that is not valid UTF-8: exit status 2, a located error on stderr, and
/// every other article still listed on stdout.
@Suite struct BadFileExitStatusTests {
    private func makeSite() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("interlink-cli-site-\(UUID().uuidString)")
        let files: [String: [UInt8]] = [
            "a.md": Array("# A\n\nLinks to [b](b.md).\n".utf8),
            "b.md": Array("# B\n\nPlain text.\n".utf8),
            "bad.md": Array("# Bad\n\nGood until h".utf8) + [0xC3, 0x28] + Array("ere.\n".utf8),
        ]
        for (path, bytes) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        return root
    }

    @Test(arguments: ["text", "json"])
    func invalidUTF8FailsThatFileOnly(format: String) throws {
        let root = try makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = try CommandRunner.run(["index", "--root", root.path, "--format", format])
        #expect(output.status == 2)
        #expect(output.stderr == "bad.md:3:13: error: invalid UTF-8 (byte 0xC3)\n")
        #expect(output.stdout.contains("a.md"))
        #expect(output.stdout.contains("b.md"))
        if format == "text" {
            #expect(output.stdout.hasPrefix("2 articles, generator: plain\n"))
            #expect(!output.stdout.contains("bad.md  "))
        } else {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
            let articles = try #require(object["articles"] as? [[String: Any]])
            #expect(articles.compactMap { $0["path"] as? String } == ["a.md", "b.md"])
            let errors = try #require(object["errors"] as? [[String: Any]])
            #expect(errors.compactMap { $0["path"] as? String } == ["bad.md"])
            #expect(errors.first?["line"] as? Int == 3)
        }
    }
}
