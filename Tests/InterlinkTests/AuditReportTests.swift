import Foundation
import Interlink
import Testing

/// The JSON contract of `interlink audit --format json`, and the findings handed to the shared reporters.
@Suite struct AuditReportTests {
    static func report(selection: Set<String>? = nil) async throws -> (AuditReport, [String: Any]) {
        let fixture = try AuditFixture(AuditFixture.planted)
        let (result, site, _) = await fixture.audit(AuditFixture.plantedOptions)
        let report = AuditReport(rootDisplay: "fixture", site: site, result: result, errors: [], selection: selection)
        let object = try JSONSerialization.jsonObject(with: Data(try report.json().utf8)) as? [String: Any]
        return (report, try #require(object))
    }

    @Test func theTopLevelShapeIsVersioned() async throws {
        let (_, json) = try await Self.report()
        #expect(json["version"] as? Int == 1)
        #expect(Set(json.keys) == ["version", "root", "generator", "settings", "summary", "findings", "articles", "errors"])
        #expect(json["generator"] as? String == "hugo")
        let settings = try #require(json["settings"] as? [String: Any])
        #expect(Set(settings.keys) == ["maxDepth", "maxLinks", "entryPages"])
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(
            Set(summary.keys) == [
                "articles", "drafts", "internalLinks", "brokenLinks", "orphans", "deadEnds", "components",
                "largestComponent", "depths", "unreachable", "findings",
            ])
    }

    @Test func findingsCarryRuleSeverityPlaceMessageAndFix() async throws {
        let (_, json) = try await Self.report()
        let findings = try #require(json["findings"] as? [[String: Any]])
        let orphan = try #require(findings.first { $0["rule"] as? String == "orphan" })
        #expect(orphan["severity"] as? String == "warning")
        #expect(orphan["path"] as? String == "content/posts/orphan.md")
        #expect(orphan["line"] as? Int == 1)
        #expect(orphan["column"] as? Int == 1)
        #expect(orphan["message"] as? String == "no other article links to \"Orphan Article\"")
        #expect(orphan["target"] == nil)
        #expect((orphan["fix"] as? [String: Any])?["description"] is String)
        let generic = try #require(findings.first { $0["rule"] as? String == "generic-anchor" })
        let edit = try #require((generic["fix"] as? [String: Any])?["edit"] as? [String: Any])
        #expect(Set(edit.keys) == ["offset", "length", "replacement"])
        #expect(generic["target"] as? String == "content/posts/crawl-budget.md")
        let broken = try #require(findings.first { $0["rule"] as? String == "broken-link" })
        #expect(broken["severity"] as? String == "error")
    }

    @Test func theEditOfAFixPointsAtTheLinkBytes() async throws {
        let fixture = try AuditFixture(AuditFixture.planted)
        let (result, site, _) = await fixture.audit(AuditFixture.plantedOptions)
        for finding in result.findings {
            guard let edit = finding.fix?.edit, let article = site.article(atPath: finding.path) else { continue }
            let location = article.document.lines.location(of: edit.offset)
            let replaced = article.text(edit.range)
            // The edit starts at the link (or at the words a generic link moves onto, earlier on its line).
            #expect(location.line == finding.line, "\(finding.rule)")
            #expect(replaced.contains("](") || replaced.hasPrefix("<"), "\(replaced)")
        }
    }

    @Test func everyArticleHasItsNumbersAndDepthIsNullWhenUnreachable() async throws {
        let (_, json) = try await Self.report()
        let articles = try #require(json["articles"] as? [[String: Any]])
        #expect(articles.count == 15)
        #expect(articles.map { $0["path"] as? String ?? "" } == articles.map { $0["path"] as? String ?? "" }.sorted())
        let orphan = try #require(articles.first { $0["path"] as? String == "content/posts/orphan.md" })
        #expect(Set(orphan.keys) == ["path", "title", "url", "draft", "entry", "inbound", "outbound", "broken", "depth", "findings"])
        #expect(orphan["depth"] is NSNull)
        #expect(orphan["inbound"] as? Int == 0)
        #expect(orphan["findings"] as? Int == 2)
        let home = try #require(articles.first { $0["path"] as? String == "content/_index.md" })
        #expect(home["entry"] as? Bool == true)
        #expect(home["depth"] as? Int == 0)
        let budget = try #require(articles.first { $0["path"] as? String == "content/posts/crawl-budget.md" })
        #expect(budget["broken"] as? Int == 3)
    }

    @Test func aSelectionLimitsFindingsAndArticlesButNotTheSummary() async throws {
        let (report, _) = try await Self.report(selection: ["content/posts/crawl-budget.md"])
        #expect(Set(report.findings.map(\.path)) == ["content/posts/crawl-budget.md"])
        #expect(report.articles.map(\.path) == ["content/posts/crawl-budget.md"])
        #expect(report.summary.articles == 13)
        #expect(report.summary.orphans == 1)
    }

    @Test func theJSONIsDeterministic() async throws {
        let (first, _) = try await Self.report()
        let (second, _) = try await Self.report()
        #expect(try first.json() == second.json())
    }

    @Test func sharedReportersShowTheRuleAndTheFix() async throws {
        let (report, _) = try await Self.report()
        let findings = report.findings.map(\.finding)
        let context = ReportContext(toolVersion: "1.2.3", json: "", colored: false)
        let text = try TextReporter().render(findings, context: context)
        #expect(text.contains("content/posts/dup.md:4:49: warning: links again to content/posts/hub.md (first linked at line 4); fix: remove this second link and keep its text [duplicate-link]\n"))
        #expect(text.contains(": error: link to \"/posts/missing-page/\" is broken"))
        let sarif = try SARIFReporter().render(findings, context: context)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]]
        // Every rule the fixture plants (all but other-language-link, which needs translations, and
        // url-conflict, which needs two pages at one URL).
        #expect(
            Set(rules?.compactMap { $0["id"] as? String } ?? [])
                == Set(AuditRule.allCases.filter { $0 != .otherLanguageLink && $0 != .urlConflict }.map(\.rawValue)))
        let github = try GitHubReporter().render(findings, context: context)
        #expect(github.contains("::error file=content/posts/crawl-budget.md,line=4,col="))
        #expect(github.contains("title=interlink orphan::no other article links to"))
    }

    @Test func theSummaryLineCountsEveryRule() async throws {
        let (report, _) = try await Self.report()
        #expect(
            report.summaryLine()
                == "audit: 13 articles, 29 internal links, 2 components, 1 unreachable from 2 entry pages; 1 orphan, 1 dead-end, 3 broken-link, 1 draft-link, 1 self-link, 1 duplicate-link, 3 generic-anchor, 1 anchor-conflict, 1 over-linked, 1 deep-page")
    }
}
