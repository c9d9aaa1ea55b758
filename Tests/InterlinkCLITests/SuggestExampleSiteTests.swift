import Foundation
import Interlink
import InterlinkMarkdown
import Testing

/// `interlink suggest` on ExampleSite, run as a user would run it, against a reviewed golden file.
/// After a deliberate change to suggestions run `scripts/update-golden.sh` and review the diff.
@Suite(.serialized) struct SuggestExampleSiteTests {
    /// One JSON run of the whole site, shared by the tests of this suite.
    static let output = Result { try CommandRunner.run(["suggest", "--root", "ExampleSite", "--format", "json"]) }

    static let goldenURL = CommandRunner.repositoryRoot
        .appendingPathComponent("Tests/InterlinkCLITests/Golden/example-suggestions.json")

    /// The fields the golden comparison looks at, one line per suggestion so a failure reads as a diff.
    static func placements(_ suggestions: [Suggestion]) -> [String] {
        suggestions.map { "\($0.source):\($0.line):\($0.column) \"\($0.anchor)\" -> \($0.target)" }
    }

    /// The same fields read from a JSON report without decoding it whole, so that a golden file
    /// keeps working when the report gains fields that the comparison does not look at.
    static func placements(json data: Data) throws -> [String] {
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let suggestions = try #require(object["suggestions"] as? [[String: Any]])
        return try suggestions.map { suggestion in
            let source = try #require(suggestion["source"] as? String)
            let line = try #require(suggestion["line"] as? Int)
            let column = try #require(suggestion["column"] as? Int)
            let anchor = try #require(suggestion["anchor"] as? String)
            let target = try #require(suggestion["target"] as? String)
            return "\(source):\(line):\(column) \"\(anchor)\" -> \(target)"
        }
    }

    private func report() throws -> SuggestionReport {
        try JSONDecoder().decode(SuggestionReport.self, from: Data(try Self.output.get().stdout.utf8))
    }

    private func fileBytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: CommandRunner.repositoryRoot.appendingPathComponent("ExampleSite/" + path)))
    }

    @Test func exitsCleanlyWithNothingOnStandardError() throws {
        let output = try Self.output.get()
        #expect(output.status == 0)
        #expect(output.stderr == "")
    }

    @Test func topLevelShapeIsTheVersionedContract() throws {
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(Self.output.get().stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["version", "root", "minimumScore", "threshold", "suggestions"])
        #expect(object["version"] as? Int == 1)
        #expect(object["root"] as? String == "ExampleSite")
        let first = try #require((object["suggestions"] as? [[String: Any]])?.first)
        let keys = Set(first.keys).subtracting(["fragment"])
        #expect(
            keys == ["id", "source", "line", "column", "offset", "length", "anchor", "target", "url", "score", "reason"])
    }

    @Test func matchesTheGoldenSuggestions() throws {
        let golden = try Self.placements(json: Data(contentsOf: Self.goldenURL))
        let actual = try Self.placements(json: Data(Self.output.get().stdout.utf8))
        #expect(!golden.isEmpty)
        #expect(
            actual == golden,
            "suggestions changed: run scripts/update-golden.sh and review the diff")
    }

    @Test func suggestionsAreSortedBySourceThenOffset() throws {
        let suggestions = try report().suggestions
        #expect(!suggestions.isEmpty)
        let keys = suggestions.map { "\($0.source)\u{0}\(String(format: "%09d", $0.offset))" }
        #expect(keys == keys.sorted())
    }

    @Test func everyAnchorIsAtItsOffsetAndOutsideForbiddenZones() throws {
        let suggestions = try report().suggestions
        #expect(!suggestions.isEmpty)
        var documents: [String: ([UInt8], MarkdownDocument)] = [:]
        for suggestion in suggestions {
            if documents[suggestion.source] == nil {
                let bytes = try fileBytes(suggestion.source)
                documents[suggestion.source] = (bytes, try MarkdownParser.parse(bytes))
            }
            let (bytes, document) = documents[suggestion.source]!
            let range = suggestion.offset..<(suggestion.offset + suggestion.length)
            try #require(range.upperBound <= bytes.count, "\(suggestion.source): range past the end")
            #expect(String(decoding: bytes[range], as: UTF8.self) == suggestion.anchor, "\(suggestion.source)")
            let location = document.lines.location(of: suggestion.offset)
            #expect(location.line == suggestion.line && location.column == suggestion.column, "\(suggestion.source)")
            // A whole inline code span may be an anchor (a code name); nothing else may touch a zone.
            let clash = document.forbiddenZones.first {
                $0.range.overlaps(range) && !($0.kind == .codeSpan && $0.range == range)
            }
            #expect(
                clash == nil,
                "\(suggestion.source):\(suggestion.line): \"\(suggestion.anchor)\" overlaps \(String(describing: clash))")
            let inProse = document.spans.contains { $0.range.contains(range.lowerBound) && range.upperBound <= $0.range.upperBound }
            let isCodeSpan = document.codeSpans.contains { $0.range == range }
            #expect(inProse || isCodeSpan, "\(suggestion.source):\(suggestion.line): \"\(suggestion.anchor)\" not in one span")
        }
    }

    @Test func noTargetIsADraftOrSectionAndNoSelfLinks() throws {
        let suggestions = try report().suggestions
        let drafts = ["content/posts/seo-for-ai-answers.md"]
        for suggestion in suggestions {
            #expect(suggestion.source != suggestion.target)
            #expect(!drafts.contains(suggestion.target))
            #expect(!suggestion.target.hasSuffix("_index.md"))
        }
        let pairs = suggestions.map { "\($0.source) -> \($0.target)" }
        #expect(pairs.count == Set(pairs).count, "one link per target per article")
    }

    @Test func aPathArgumentLimitsTheReportedSources() throws {
        let whole = try report().suggestions.filter { $0.source == "content/posts/anchor-text.md" }
        #expect(!whole.isEmpty)
        // The path relative to the site root, relative to the current folder, and from inside the site.
        let runs = [
            try CommandRunner.run([
                "suggest", "--root", "ExampleSite", "content/posts/anchor-text.md", "--format", "json",
            ]),
            try CommandRunner.run([
                "suggest", "--root", "ExampleSite", "ExampleSite/content/posts/anchor-text.md", "--format", "json",
            ]),
            try CommandRunner.run(
                ["suggest", "--root", ".", "content/posts/anchor-text.md", "--format", "json"],
                in: CommandRunner.repositoryRoot.appendingPathComponent("ExampleSite")),
        ]
        for output in runs {
            #expect(output.status == 0, "\(output.stderr)")
            let limited = try JSONDecoder().decode(SuggestionReport.self, from: Data(output.stdout.utf8)).suggestions
            #expect(Set(limited.map(\.source)) == ["content/posts/anchor-text.md"])
            // Indexing still covers the whole site, so the suggestions are the same as in the full run.
            #expect(Self.placements(limited) == Self.placements(whole))
        }
    }

    @Test func aFolderArgumentReportsEverythingUnderIt() throws {
        let output = try CommandRunner.run(["suggest", "--root", "ExampleSite", "ExampleSite/content/posts", "--format", "json"])
        #expect(output.status == 0)
        let limited = try JSONDecoder().decode(SuggestionReport.self, from: Data(output.stdout.utf8)).suggestions
        let all = try report().suggestions.filter { $0.source.hasPrefix("content/posts/") }
        #expect(Self.placements(limited) == Self.placements(all))
    }

    @Test func aPathOutsideTheRootIsRejected() throws {
        let output = try CommandRunner.run(["suggest", "--root", "ExampleSite", "Package.swift"])
        #expect(output.status != 0)
        #expect(output.stdout == "")
        #expect(output.stderr.contains("Package.swift"))
    }

    @Test func minScoreIsHonoured() throws {
        let output = try CommandRunner.run(["suggest", "--root", "ExampleSite", "--format", "json", "--min-score", "0.5"])
        #expect(output.status == 0)
        let report = try JSONDecoder().decode(SuggestionReport.self, from: Data(output.stdout.utf8))
        #expect(report.threshold == "given")
        #expect(report.minimumScore == 0.5)
        #expect(report.suggestions.allSatisfy { $0.score >= 0.5 })
        #expect(report.suggestions.count < (try self.report().suggestions.count))
    }

    @Test func maxLinksIsHonoured() throws {
        let output = try CommandRunner.run(["suggest", "--root", "ExampleSite", "--format", "json", "--max-links", "1"])
        #expect(output.status == 0)
        let suggestions = try JSONDecoder().decode(SuggestionReport.self, from: Data(output.stdout.utf8)).suggestions
        let perSource = Dictionary(grouping: suggestions, by: \.source)
        #expect(perSource.values.allSatisfy { $0.count <= 1 })
        #expect(try self.report().suggestions.count > suggestions.count, "some article gets more than one by default")
    }
}
