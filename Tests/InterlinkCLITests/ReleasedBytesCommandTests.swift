import Foundation
import Testing

/// `suggest` with every file's bytes moved out of memory once parsed and read back per stage
/// (`INTERLINK_KEEP_BYTES_UP_TO=0`, what a site over the limit gets) prints exactly what it prints with
/// the bytes kept.
@Suite struct ReleasedBytesCommandTests {
    @Test(arguments: [
        ["--format", "json"], ["--format", "text"], ["--format", "json", "--max-links", "2", "--min-score", "0.2"],
    ])
    func releasedBytesPrintTheSameSuggestions(options: [String]) throws {
        let arguments = ["suggest", "--root", "ExampleSite", "--no-cache"] + options
        let kept = try CommandRunner.run(arguments, environment: ["INTERLINK_KEEP_BYTES_UP_TO": nil])
        let released = try CommandRunner.run(arguments, environment: ["INTERLINK_KEEP_BYTES_UP_TO": "0"])
        #expect(kept.status == 0)
        #expect(!kept.stdout.isEmpty)
        #expect(released.status == kept.status)
        #expect(released.stdout == kept.stdout)
        #expect(released.stderr == kept.stderr)
    }
}

/// With the cache, a site over the kept-bytes limit writes the cache file after the suggestions are
/// ranked (not beside them): the cold and the warm run print what a run without the cache prints.
@Suite struct LargeSiteCacheCommandTests {
    @Test func aLargeSiteWritesItsCacheAfterRankingAndReadsItBack() throws {
        let site = try SiteCopy.exampleSite()
        let large: [String: String?] = ["INTERLINK_KEEP_BYTES_UP_TO": "0"]
        let root = site.root.path
        let uncached = try CommandRunner.run(["suggest", "--root", root, "--no-cache"], environment: large)
        let cold = try CommandRunner.run(["suggest", "--root", root], environment: large)
        let cacheFile = site.url(".interlink-cache/articles.bin")
        #expect(FileManager.default.fileExists(atPath: cacheFile.path))
        let warm = try CommandRunner.run(["suggest", "--root", root], environment: large)
        #expect(uncached.status == 0 && !uncached.stdout.isEmpty)
        #expect(cold.status == 0 && warm.status == 0)
        #expect(cold.stdout == uncached.stdout)
        #expect(warm.stdout == uncached.stdout)
        // (Whether the warm run writes the file again depends on the clock: files copied a moment
        // ago get their stamps stored once they are 3 s old. `ArticleCacheTests` checks that part.)
        #expect(FileManager.default.fileExists(atPath: cacheFile.path))
    }
}
