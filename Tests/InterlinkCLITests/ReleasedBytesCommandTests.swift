import Foundation
import Testing

/// `suggest` with every file read again per stage instead of kept (`INTERLINK_KEEP_BYTES_UP_TO=0`,
/// what a site over the limit gets) prints exactly what it prints with the files kept.
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
