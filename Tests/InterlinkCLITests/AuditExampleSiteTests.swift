import Foundation
import Interlink
import Testing

/// `interlink audit` on ExampleSite, run as a user would run it, against a reviewed golden file.
/// After a deliberate change run `scripts/update-golden.sh` and review the diff.
@Suite(.serialized) struct AuditExampleSiteTests {
    static let json = Result { try CommandRunner.run(["audit", "--root", "ExampleSite", "--format", "json"]) }
    static let text = Result { try CommandRunner.run(["audit", "--root", "ExampleSite"]) }

    static let goldenURL = CommandRunner.repositoryRoot.appendingPathComponent("Tests/InterlinkCLITests/Golden/example-audit.json")

    /// What the golden comparison looks at, one line per item so a failure reads as a diff: every finding
    /// (rule, place, message, and the fix where the audit itself makes it; the links proposed for
    /// orphans, dead ends and deep pages come from the suggester and are checked by its own golden
    /// file), every article's numbers, and the summary.
    static func lines(_ data: Data) throws -> [String] {
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        let articles = try #require(object["articles"] as? [[String: Any]])
        let summary = try #require(object["summary"] as? [String: Any])
        var lines: [String] = []
        for finding in findings {
            let rule = finding["rule"] as? String ?? "?"
            var line = "\(rule) \(finding["path"] ?? "?"):\(finding["line"] ?? "?"):\(finding["column"] ?? "?") \(finding["message"] ?? "")"
            if !["orphan", "dead-end", "deep-page"].contains(rule), let fix = finding["fix"] as? [String: Any] {
                line += " | fix: \(fix["description"] ?? "")"
            }
            lines.append(line)
        }
        for article in articles {
            lines.append(
                "article \(article["path"] ?? "?") in \(article["inbound"] ?? "?") out \(article["outbound"] ?? "?") depth \(article["depth"] ?? "?") broken \(article["broken"] ?? "?")")
        }
        for key in ["articles", "drafts", "internalLinks", "brokenLinks", "orphans", "deadEnds", "components", "largestComponent", "unreachable"] {
            lines.append("summary \(key) \(summary[key] ?? "?")")
        }
        return lines
    }

    static func findings() throws -> [AuditFinding] {
        struct Document: Decodable { var findings: [AuditFinding] }
        return try JSONDecoder().decode(Document.self, from: Data(json.get().stdout.utf8)).findings
    }

    @Test func matchesTheGoldenAudit() throws {
        let output = try Self.json.get()
        #expect(output.status == 0)
        let golden = try Self.lines(Data(contentsOf: Self.goldenURL))
        let actual = try Self.lines(Data(output.stdout.utf8))
        #expect(!golden.isEmpty)
        #expect(actual == golden, "the audit changed: run scripts/update-golden.sh and review the diff")
    }

    @Test func listsEveryPlantedProblem() throws {
        let findings = try Self.findings()
        func has(_ rule: AuditRule, _ place: String) -> Bool {
            findings.contains { $0.rule == rule && "\($0.path):\($0.line):\($0.column)" == place }
        }
        #expect(has(.brokenLink, "content/posts/link-audits.md:18:108"))
        #expect(has(.genericAnchor, "content/posts/anchor-text.md:24:171"))
        #expect(has(.genericAnchor, "content/posts/keyword-research.md:21:263"))
        #expect(has(.genericAnchor, "content/posts/sponsored-links.md:9:299"))
        #expect(has(.orphan, "content/posts/log-file-analysis.md:1:1"))
        #expect(has(.orphan, "content/posts/link-velocity.md:1:1"))
        #expect(findings.filter { $0.rule == .brokenLink }.count == 1)
        #expect(findings.filter { $0.rule == .genericAnchor }.count == 3)
    }

    @Test func nothingSpurious() throws {
        let findings = try Self.findings()
        // The draft nobody links to is neither an orphan nor a dead end, and nothing links to it.
        #expect(!findings.contains { $0.path == "content/posts/seo-for-ai-answers.md" || $0.target == "content/posts/seo-for-ai-answers.md" })
        // Entry pages (the home page and the posts list) are never orphans, dead ends or deep pages.
        #expect(!findings.contains { $0.path == "content/_index.md" || $0.path == "content/posts/_index.md" })
        // No rule ExampleSite has no case of fires.
        let rules = Set(findings.map(\.rule))
        #expect(rules == [.orphan, .deadEnd, .brokenLink, .genericAnchor, .deepPage])
    }

    @Test func textOutputIsOneLinePerFindingAndASummary() throws {
        let output = try Self.text.get()
        #expect(output.status == 0)
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == (try Self.findings().count))
        for line in lines {
            #expect(line.wholeMatch(of: /[^:]+:\d+:\d+: (warning|error): .+ \[[a-z-]+\]/) != nil, "\(line)")
        }
        #expect(
            lines.contains(
                "content/posts/anchor-text.md:24:171: warning: anchor \"click here\" says nothing about content/posts/internal-linking.md; fix: write \"read about internal linking\" instead [generic-anchor]"))
        #expect(output.stderr.hasPrefix("audit: 45 articles, "))
    }

    @Test func exitStatusFollowsCheckAndExitZero() throws {
        #expect(try CommandRunner.run(["audit", "--root", "ExampleSite", "--check"]).status == 1)
        #expect(try CommandRunner.run(["audit", "--root", "ExampleSite", "--check", "--quiet"]).stderr.isEmpty)
        #expect(try CommandRunner.run(["audit", "--root", "ExampleSite", "--exit-zero", "--format", "github"]).status == 0)
        #expect(try CommandRunner.run(["audit", "--root", "ExampleSite", "--check", "--exit-zero"]).status == 64)
        #expect(try CommandRunner.run(["audit", "--root", "ExampleSite", "--dry-run"]).status == 64)
        #expect(try CommandRunner.run(["audit", "--root", "ExampleSite", "--max-depth", "0"]).status == 64)
    }

    @Test func aPathLimitsTheFindingsToThatFile() throws {
        let output = try CommandRunner.run(["audit", "--root", "ExampleSite", "--check", "content/posts/link-audits.md"])
        #expect(output.status == 1)
        let lines = output.stdout.split(separator: "\n")
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.hasPrefix("content/posts/link-audits.md:") })
    }

    @Test func sarifAndGitHubFormatsCarryTheRules() throws {
        let sarif = try CommandRunner.run(["audit", "--root", "ExampleSite", "--format", "sarif"])
        #expect(sarif.status == 0)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let results = try #require((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        #expect(results.count == (try Self.findings().count))
        #expect(results.contains { $0["ruleId"] as? String == "broken-link" && $0["level"] as? String == "error" })
        let github = try CommandRunner.run(["audit", "--root", "ExampleSite", "--format", "github"])
        #expect(github.stdout.contains("::error file=content/posts/link-audits.md,line=18,col=108,title=interlink broken-link::"))
    }

    @Test func htmlIsOneSelfContainedPage() throws {
        let output = try CommandRunner.run(["audit", "--root", "ExampleSite", "--format", "html"])
        #expect(output.status == 0)
        #expect(output.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(output.stdout.contains("<svg class=\"graph\""))
        #expect(output.stdout.contains("/posts/link-sculpting/"))
        #expect(output.stdout.contains("<h1>Linkcraft: internal link audit</h1>"))
        #expect(output.stderr.isEmpty)
    }

    @Test func anEntryPageThatMatchesNothingIsAnError() throws {
        let copy = try SiteCopy.exampleSite()
        try copy.write(".interlink.yml", Array("entry_pages: [content/nope.md]\nmax_depth: 2\n".utf8))
        let output = try CommandRunner.run(["audit", "--root", copy.root.path, "--format", "json"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("error: entry_pages 'content/nope.md' matches no article"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect((object["settings"] as? [String: Any])?["maxDepth"] as? Int == 2)
    }
}
