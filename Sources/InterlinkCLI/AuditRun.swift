import ArgumentParser
import Foundation
import Interlink

/// Loading the configuration and the site, and auditing it.
struct AuditRun {
    let site: Site
    let graph: LinkGraph
    let result: AuditResult
    let report: AuditReport
    /// Whether a file or the configuration had an error (exit status 2).
    let failed: Bool

    static func perform(
        site options: SiteOptions, paths: [String], maxDepth: Int?, maxLinks: Int?, disabling: Set<AuditRule> = []
    ) async throws -> AuditRun {
        let configuration = try options.configuration()
        let progress = Progress.onTerminal()
        let loaded = await options.load(configuration, progress: progress)
        progress?.finish("auditing \(loaded.site.articles.count) articles")
        let graph = LinkGraph(site: loaded.site)
        let selection = try SourceSelection.paths(paths, site: loaded.site, root: options.rootURL)
        var auditOptions = AuditOptions(
            configuration: configuration, maximumDepth: maxDepth, maximumLinks: maxLinks, disabling: disabling)
        if let ignore = try? IgnoreFile.load(root: options.rootURL) { auditOptions.suggest.rejectedIDs = ignore.ids }
        let result = Auditor(site: loaded.site, graph: graph, options: auditOptions).run()
        progress?.clear()
        for glob in result.unmatchedEntryPages {
            StandardError.write(
                "\(configuration.path ?? Configuration.fileName):1:1: error: entry_pages '\(glob.pattern)' matches no article\n")
        }
        let report = AuditReport(
            rootDisplay: options.root, site: loaded.site, result: result, errors: loaded.diagnostics, selection: selection)
        return AuditRun(
            site: loaded.site, graph: graph, result: result, report: report,
            failed: !loaded.diagnostics.isEmpty || !result.unmatchedEntryPages.isEmpty)
    }
}

/// `--fix`: plans the fixes, prints them as a diff or writes them, and says what was done.
struct AuditFixes {
    let site: SiteOptions
    let dryRun: Bool
    let quiet: Bool
    let colored: Bool

    /// Returns whether a file could not be written.
    func apply(_ audit: AuditRun) -> Bool {
        signal(SIGXFSZ, SIG_IGN)
        let selected = audit.report.findings
        let plans = AuditFixer(site: audit.site).plan(selected)
        for plan in plans {
            for (finding, reason) in plan.rejected {
                StandardError.write("\(finding.path):\(finding.line):\(finding.column): warning: \(finding.rule.rawValue) not fixed: \(reason)\n")
            }
        }
        if dryRun {
            PlannedFiles.printDiff(plans, colored: colored)
            return false
        }
        return PlannedFiles.write(
            plans, root: site.rootURL, quiet: quiet, noun: "finding", verb: "fixed",
            written: { plan in
                let rules = plan.applied.map(\.rule.rawValue)
                let kinds = Set(rules).sorted().map { rule in "\(rules.filter { $0 == rule }.count) \(rule)" }
                return "\(plan.path): \(plan.applied.count) fixed (\(kinds.joined(separator: ", ")))"
            })
    }
}
