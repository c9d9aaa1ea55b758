import Foundation
import Interlink
import Testing

/// The output formats, one type each behind `Reporter`: text, JSON, SARIF and GitHub annotations.
@Suite struct ReporterFormatTests {
    static let plain = ReportContext(toolVersion: "9.8.7", json: "{\"version\":1}\n", colored: false)
    static let colored = ReportContext(toolVersion: "9.8.7", json: "", colored: true)

    static let suggestion = Finding(
        rule: "suggestion", severity: .suggestion, path: "content/posts/a.md", line: 12, column: 7,
        message: "link \"crawl budget\" to content/posts/crawl-budget.md (score 0.56: reason)", id: "9351846852f9")
    static let warning = Finding(
        rule: "orphan", severity: .warning, path: "content/posts/b.md", line: 1, column: 1, message: "no page links here")
    static let error = Finding(
        rule: "broken-link", severity: .error, path: "content/c.md", line: 3, column: 9, message: "link to nowhere")

    // MARK: Format table

    @Test(arguments: ReportFormat.allCases) func everyFormatHasItsOwnReporter(_ format: ReportFormat) {
        #expect(type(of: format.reporter).identifier == format.rawValue)
    }

    @Test func theFormatsAreTheDocumentedOnes() {
        #expect(ReportFormat.allCases.map(\.rawValue) == ["text", "json", "sarif", "github"])
    }

    // MARK: Text

    @Test func textIsOneCompilerStyleLinePerFindingEndingWithTheId() throws {
        let text = try TextReporter().render([Self.suggestion, Self.warning, Self.error], context: Self.plain)
        #expect(
            text == """
                content/posts/a.md:12:7: suggestion: link "crawl budget" to content/posts/crawl-budget.md (score 0.56: reason) [9351846852f9]
                content/posts/b.md:1:1: warning: no page links here [orphan]
                content/c.md:3:9: error: link to nowhere [broken-link]

                """)
        #expect(!text.contains("\u{1B}"))
        #expect(try TextReporter().render([], context: Self.plain) == "")
    }

    @Test func textIsColouredOnlyWhenAllowed() throws {
        let text = try TextReporter().render([Self.suggestion, Self.warning, Self.error], context: Self.colored)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "content/posts/a.md:12:7: \u{1B}[36msuggestion\u{1B}[0m: link \"crawl budget\" to content/posts/crawl-budget.md (score 0.56: reason) [9351846852f9]")
        #expect(lines[1].contains("\u{1B}[33mwarning\u{1B}[0m"))
        #expect(lines[2].contains("\u{1B}[31merror\u{1B}[0m"))
        // Stripped of its escapes, the coloured text is the plain text.
        let stripped = text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        #expect(stripped == (try TextReporter().render([Self.suggestion, Self.warning, Self.error], context: Self.plain)))
    }

    @Test func aSuggestionReadsAsAFinding() throws {
        let fixture = try SuggestFixture([
            "crawl-budget.md": "---\ntitle: \"Crawl Budget\"\n---\n\nCrawl budget is how many URLs a crawler fetches from one host.\n",
            "notes.md": "---\ntitle: \"Notes\"\n---\n\nPlan your crawl budget before a crawler fetches every URL.\n",
        ])
        let suggestion = try #require(fixture.suggestions().first)
        let finding = suggestion.finding
        #expect(finding.rule == "suggestion")
        #expect(finding.severity == .suggestion)
        #expect(finding.path == "notes.md")
        #expect((finding.line, finding.column) == (5, 11))
        #expect(finding.id == suggestion.id)
        #expect(finding.message.hasPrefix("link \"crawl budget\" to crawl-budget.md (score \(String(format: "%.2f", suggestion.score)): "))
        #expect(finding.message.hasSuffix(suggestion.reason + ")"))
    }

    // MARK: JSON

    @Test func jsonIsTheCommandsOwnDocument() throws {
        #expect(try JSONReporter().render([Self.suggestion], context: Self.plain) == "{\"version\":1}\n")
    }

    // MARK: GitHub

    @Test func githubIsOneWorkflowCommandPerFinding() throws {
        let text = try GitHubReporter().render([Self.suggestion, Self.warning, Self.error], context: Self.plain)
        #expect(
            text
                == "::notice file=content/posts/a.md,line=12,col=7,title=interlink suggestion::link \"crawl budget\" to content/posts/crawl-budget.md (score 0.56: reason)\n"
                + "::warning file=content/posts/b.md,line=1,col=1,title=interlink orphan::no page links here\n"
                + "::error file=content/c.md,line=3,col=9,title=interlink broken-link::link to nowhere\n")
        #expect(try GitHubReporter().render([], context: Self.plain) == "")
    }

    @Test func githubEscapesPercentCarriageReturnAndLineFeedInTheMessage() throws {
        let finding = Finding(
            rule: "suggestion", severity: .suggestion, path: "a.md", line: 2, column: 3,
            message: "100% sure\r\nsecond line\nthird: a, b %0A", id: "0123456789ab")
        let text = try GitHubReporter().render([finding], context: Self.plain)
        #expect(
            text
                == "::notice file=a.md,line=2,col=3,title=interlink suggestion::100%25 sure%0D%0Asecond line%0Athird: a, b %250A\n")
        // One line: nothing in the message can start another command.
        #expect(text.dropLast().contains("\n") == false)
        #expect(text.dropLast().contains("\r") == false)
    }

    @Test func githubEscapesColonAndCommaAndMoreInProperties() throws {
        let finding = Finding(
            rule: "odd,rule:x", severity: .warning, path: "content/a,b:c 50%.md", line: 4, column: 5,
            message: "m")
        let text = try GitHubReporter().render([finding], context: Self.plain)
        #expect(
            text == "::warning file=content/a%2Cb%3Ac 50%25.md,line=4,col=5,title=interlink odd%2Crule%3Ax::m\n")
    }

    @Test func githubEscapingFunctions() {
        #expect(GitHubReporter.escapeData("%") == "%25")
        #expect(GitHubReporter.escapeData("\r") == "%0D")
        #expect(GitHubReporter.escapeData("\n") == "%0A")
        #expect(GitHubReporter.escapeData("a:b,c") == "a:b,c")
        #expect(GitHubReporter.escapeData("%0A") == "%250A")
        #expect(GitHubReporter.escapeProperty("a:b,c") == "a%3Ab%2Cc")
        #expect(GitHubReporter.escapeProperty("%:,\r\n") == "%25%3A%2C%0D%0A")
        #expect(GitHubReporter.escapeProperty("%3A") == "%253A")
    }

    // MARK: SARIF

    static func sarif(_ findings: [Finding]) throws -> [String: Any] {
        let text = try SARIFReporter().render(findings, context: Self.plain)
        #expect(text.hasSuffix("\n"))
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func sarifIsVersion2_1_0WithOneRunOfInterlink() throws {
        let log = try Self.sarif([Self.suggestion])
        #expect(log["version"] as? String == "2.1.0")
        #expect((log["$schema"] as? String)?.contains("sarif-2.1.0") == true)
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "interlink")
        #expect(driver["version"] as? String == "9.8.7")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["suggestion"])
        #expect(((rules[0]["shortDescription"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
    }

    @Test func sarifHasOneResultPerFindingWithLevelLocationAndFingerprint() throws {
        let second = Finding(
            rule: "suggestion", severity: .suggestion, path: "content/my posts/b c.md", line: 30, column: 2,
            message: "link \"x\" to y.md", id: "abcdefabcdef")
        let log = try Self.sarif([Self.suggestion, second])
        let results = try #require((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        #expect(results.count == 2)
        for (result, finding) in zip(results, [Self.suggestion, second]) {
            #expect(result["ruleId"] as? String == "suggestion")
            #expect(result["level"] as? String == "note")
            #expect((result["message"] as? [String: Any])?["text"] as? String == finding.message)
            #expect((result["partialFingerprints"] as? [String: String]) == ["interlinkSuggestion/v1": finding.id!])
            let locations = try #require(result["locations"] as? [[String: Any]])
            #expect(locations.count == 1)
            let physical = try #require(locations[0]["physicalLocation"] as? [String: Any])
            let region = try #require(physical["region"] as? [String: Any])
            #expect(region["startLine"] as? Int == finding.line)
            #expect(region["startColumn"] as? Int == finding.column)
        }
        let uris = try results.map { result in
            let locations = try #require(result["locations"] as? [[String: Any]])
            return ((locations[0]["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String
        }
        // Relative to the root, percent-encoded where a URI needs it.
        #expect(uris == ["content/posts/a.md", "content/my%20posts/b%20c.md"])
    }

    @Test func sarifLevelsFollowSeverityAndFindingsWithoutIdHaveNoFingerprint() throws {
        let log = try Self.sarif([Self.warning, Self.error])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.map { $0["level"] as? String } == ["warning", "error"])
        #expect(results.allSatisfy { $0["partialFingerprints"] == nil })
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["broken-link", "orphan"])
    }

    @Test func sarifWithoutFindingsIsStillAValidRun() throws {
        let log = try Self.sarif([])
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        #expect((runs[0]["results"] as? [Any])?.isEmpty == true)
    }
}
