import Foundation
import Interlink
import Testing

/// `suggest --format text|json|sarif|github`, exit statuses for hooks and CI, and colour.
@Suite struct WorkflowOutputTests {
    static func site(_ extra: [String: String] = [:]) throws -> WorkflowSite {
        try WorkflowSite(
            WorkflowConfigurationTests.files.merging([".interlink.yml": WorkflowConfigurationTests.baselineConfig]) { _, new in new }
                .merging(extra) { _, new in new })
    }

    /// The site without any suggestion: nothing clears a threshold of 1.
    static func quietSite() throws -> WorkflowSite {
        try site([".interlink.yml": "min_score: 1\n"])
    }

    static let escape = "\u{1B}["

    // MARK: Formats

    @Test func textIsOneLinePerSuggestionEndingWithItsId() throws {
        let site = try Self.site()
        let expected = try site.suggestions()
        let output = try site.run("suggest")
        #expect(output.status == 0)
        #expect(output.stderr == "")
        let lines = output.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.last == "")
        #expect(lines.dropLast().count == expected.count)
        for (line, suggestion) in zip(lines, expected) {
            let prefix = "\(suggestion.source):\(suggestion.line):\(suggestion.column): suggestion: link \"\(suggestion.anchor)\" to \(suggestion.target) (score "
            #expect(line.hasPrefix(prefix), "\(line)")
            #expect(line.hasSuffix(") [\(suggestion.id)]"), "\(line)")
        }
        #expect(!output.stdout.contains(Self.escape))
    }

    @Test func jsonIsTheVersionedReport() throws {
        let site = try Self.site()
        let output = try site.run("suggest", ["--format", "json"])
        #expect(output.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        #expect(object["root"] as? String == site.root.path)
        let report = try JSONDecoder().decode(SuggestionReport.self, from: Data(output.stdout.utf8))
        #expect(Set(report.suggestions.map(\.triple)) == WorkflowConfigurationTests.baseline)
    }

    @Test func githubIsOneNoticePerSuggestion() throws {
        let site = try Self.site()
        let expected = try site.suggestions()
        let output = try site.run("suggest", ["--format", "github"])
        #expect(output.status == 0)
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == expected.count)
        #expect(output.stdout.hasSuffix("\n"))
        for (line, suggestion) in zip(lines, expected) {
            let prefix = "::notice file=\(suggestion.source),line=\(suggestion.line),col=\(suggestion.column),title=interlink suggestion::"
            #expect(line.hasPrefix(prefix), "\(line)")
            #expect(line.dropFirst(prefix.count) == GitHubReporter.escapeData(suggestion.finding.message)[...])
        }
    }

    @Test func githubEscapesAFileNameWithCommaColonAndPercent() throws {
        let name = "notes, part 2: 100%.md"
        let site = try WorkflowSite([
            ".interlink.yml": WorkflowConfigurationTests.baselineConfig,
            "crawl-budget.md": WorkflowSite.page("Crawl Budget", "Crawl budget is how many URLs a crawler fetches from one host per day."),
            name: WorkflowSite.page("Notes", "Plan your crawl budget before a crawler fetches every URL."),
        ])
        let output = try site.run("suggest", ["--format", "github"])
        #expect(output.status == 0, "\(output.stderr)")
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("::notice file=notes%2C part 2%3A 100%25.md,line=5,col=11,title=interlink suggestion::link \"crawl budget\" to crawl-budget.md (score ") == true)
    }

    @Test func sarifHasOneNoteResultPerSuggestionWithLocationAndFingerprint() throws {
        let site = try Self.site()
        let expected = try site.suggestions()
        let output = try site.run("suggest", ["--format", "sarif"])
        #expect(output.status == 0)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "interlink")
        #expect((driver["version"] as? String)?.isEmpty == false)
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count == expected.count)
        for (result, suggestion) in zip(results, expected) {
            #expect(result["level"] as? String == "note")
            #expect(result["ruleId"] as? String == "suggestion")
            #expect((result["partialFingerprints"] as? [String: String])?["interlinkSuggestion/v1"] == suggestion.id)
            let physical = try #require(
                (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == suggestion.source)
            let region = try #require(physical["region"] as? [String: Any])
            #expect(region["startLine"] as? Int == suggestion.line)
            #expect(region["startColumn"] as? Int == suggestion.column)
        }
    }

    @Test(arguments: ["text", "github", "sarif"]) func noSuggestionsIsAnEmptyReport(_ format: String) throws {
        let site = try Self.quietSite()
        let output = try site.run("suggest", ["--format", format])
        #expect(output.status == 0)
        if format == "sarif" {
            let log = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
            #expect(((log["runs"] as? [[String: Any]])?.first?["results"] as? [Any])?.isEmpty == true)
        } else {
            #expect(output.stdout == "")
        }
    }

    // MARK: Exit status

    @Test(arguments: ["text", "json", "sarif", "github"]) func checkExitsOneWithFindingsAndZeroWithout(_ format: String) throws {
        let site = try Self.site()
        let found = try site.run("suggest", ["--check", "--format", format])
        #expect(found.status == 1)
        #expect(!found.stdout.isEmpty, "the findings are still reported")
        let quiet = try Self.quietSite()
        #expect(try quiet.run("suggest", ["--check", "--format", format]).status == 0)
    }

    @Test func withoutCheckFindingsExitZeroAndExitZeroKeepsItSo() throws {
        let site = try Self.site()
        #expect(try site.run("suggest").status == 0)
        let annotations = try site.run("suggest", ["--exit-zero", "--format", "github"])
        #expect(annotations.status == 0)
        #expect(annotations.stdout.hasPrefix("::notice "))
    }

    @Test func checkOnlyCountsTheReportedFiles() throws {
        let site = try Self.site()
        // As the pre-commit hook runs it: only the staged files are reported.
        #expect(try site.run("suggest", ["--check", "notes.md"], in: site.root).status == 1)
        #expect(try site.run("suggest", ["--check", "extra.md"], in: site.root).status == 0)
    }

    @Test func checkAndExitZeroTogetherAreAUsageError() throws {
        let site = try Self.site()
        let output = try site.run("suggest", ["--check", "--exit-zero"])
        #expect(output.status == 64)
        #expect(output.stdout == "")
        #expect(output.stderr.contains("--check") && output.stderr.contains("--exit-zero"))
    }

    // MARK: Colour

    @Test func noColourWhenStandardOutputIsNotATerminal() throws {
        let site = try Self.site()
        let output = try site.run("suggest", environment: ["NO_COLOR": nil])
        #expect(output.status == 0)
        #expect(!output.stdout.isEmpty)
        #expect(!output.stdout.contains(Self.escape))
        #expect(output.stderr == "", "no progress when standard error is not a terminal")
    }

    @Test func colorForcesColourEvenWithNoColorSet() throws {
        let site = try Self.site()
        let forced = try site.run("suggest", ["--color"], environment: ["NO_COLOR": "1"])
        #expect(forced.status == 0)
        #expect(forced.stdout.contains("\u{1B}[36msuggestion\u{1B}[0m"))
        let lines = forced.stdout.split(separator: "\n")
        #expect(lines.count == WorkflowConfigurationTests.baseline.count)
        #expect(lines.allSatisfy { $0.contains(Self.escape) })
        // Colour is only in text: the machine formats never carry it.
        for format in ["json", "sarif", "github"] {
            #expect(!(try site.run("suggest", ["--color", "--format", format]).stdout.contains(Self.escape)), "\(format)")
        }
    }

    @Test func onATerminalColourUnlessNoColorIsSet() throws {
        let site = try Self.site()
        let terminal = try TerminalRunner.run(
            ["suggest", "--root", site.root.path], in: site.folder, environment: ["NO_COLOR": nil])
        #expect(terminal.status == 0)
        #expect(terminal.stdout.contains("\u{1B}[36msuggestion\u{1B}[0m"))

        let noColor = try TerminalRunner.run(
            ["suggest", "--root", site.root.path], in: site.folder, environment: ["NO_COLOR": "1"])
        #expect(noColor.status == 0)
        #expect(noColor.stdout.contains(": suggestion: "))
        #expect(!noColor.stdout.contains(Self.escape))

        let refused = try TerminalRunner.run(
            ["suggest", "--root", site.root.path, "--no-color"], in: site.folder, environment: ["NO_COLOR": nil])
        #expect(!refused.stdout.contains(Self.escape))
        #expect(refused.stdout.contains(": suggestion: "))
    }

    @Test func progressGoesToStandardErrorOnlyOnATerminal() throws {
        let site = try Self.site()
        let onTerminal = try TerminalRunner.run(
            ["suggest", "--root", site.root.path, "--format", "json"], in: site.folder, stdoutIsTerminal: false,
            stderrIsTerminal: true)
        #expect(onTerminal.status == 0)
        #expect(onTerminal.stderr.contains("parsed "))
        // Standard output is the report alone.
        let report = try JSONDecoder().decode(SuggestionReport.self, from: Data(onTerminal.stdout.utf8))
        #expect(report.suggestions.count == WorkflowConfigurationTests.baseline.count)
        #expect(try site.run("suggest", ["--format", "json"]).stderr == "")
    }
}
