import ArgumentParser
import Foundation
import Interlink

/// Output formats of `interlink audit`: the shared ones, and a self-contained HTML report.
enum AuditFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, github, html

    /// The shared reporter format, nil for HTML.
    var reportFormat: ReportFormat? { ReportFormat(rawValue: rawValue) }
}

/// `interlink audit`: checks the site's existing internal links and reports what is wrong.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check the internal links: orphans, dead ends, broken links, generic anchors, click depth and more.",
        discussion: "Rules: \(AuditRule.allCases.map(\.rawValue).joined(separator: ", ")). See Docs/CLI.md."
    )

    @OptionGroup var site: SiteOptions

    @Argument(help: "Report only findings in these files or folders (the whole site is still audited).")
    var paths: [String] = []

    @Option(name: .long, help: "Output format: text, json, sarif, github, or html (one self-contained page).")
    var format: AuditFormat = .text

    @OptionGroup var checks: CheckOptions

    @Option(name: .long, help: "Pages more clicks than this from the entry pages are deep pages (default: max_depth, else 3).")
    var maxDepth: Int?

    @Option(name: .long, help: "Articles linking to more articles than this are over-linked (default: max_links_per_article, else 10).")
    var maxLinks: Int?

    @Option(name: .customLong("disable"), help: "Do not report this rule's findings (repeatable; adds to disabled_rules).")
    var disabledRules: [AuditRule] = []

    @Flag(name: .long, help: "Rewrite generic anchors and remove self-links and duplicate links, then report what is left.")
    var fix = false

    @Flag(name: .long, help: "With --fix: print the fixes as a unified diff instead of writing them.")
    var dryRun = false

    @Flag(name: .long, help: "No summary on standard error.")
    var quiet = false

    func validate() throws {
        if dryRun && !fix { throw ValidationError("--dry-run goes with --fix: interlink audit --fix --dry-run.") }
        if let maxDepth, maxDepth < 1 { throw ValidationError("--max-depth must be at least 1.") }
        if let maxLinks, maxLinks < 0 { throw ValidationError("--max-links must be 0 or more.") }
    }

    func run() async throws {
        var audit = try await AuditRun.perform(
            site: site, paths: paths, maxDepth: maxDepth, maxLinks: maxLinks, disabling: Set(disabledRules))
        var failed = audit.failed
        if fix {
            let fixes = AuditFixes(site: site, dryRun: dryRun, quiet: quiet, colored: checks.colored)
            failed = fixes.apply(audit) || failed
            if dryRun {
                if failed { throw exitFailure }
                return
            }
            // Report what is left after the fixes.
            audit = try await AuditRun.perform(
                site: site, paths: paths, maxDepth: maxDepth, maxLinks: maxLinks, disabling: Set(disabledRules))
            failed = failed || audit.failed
        }
        let report = audit.report
        switch format {
        case .html:
            print(
                AuditHTMLReport(
                    report: report, site: audit.site, graph: audit.graph, result: audit.result,
                    toolVersion: InterlinkVersion.current
                ).render(), terminator: "")
        case .text, .json, .sarif, .github:
            let findings = report.findings.map(\.finding)
            try checks.emit(findings, format: format.reportFormat!, json: { try report.json() })
        }
        if format == .text && !quiet {
            fflush(nil)
            StandardError.write(report.summaryLine() + "\n")
        }
        if failed { throw exitFailure }
        try checks.exitForFindings(count: report.findings.count)
    }
}

extension AuditRule: ExpressibleByArgument {}
