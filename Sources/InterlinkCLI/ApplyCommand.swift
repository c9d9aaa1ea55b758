import ArgumentParser
import Foundation
import Interlink

/// Options shared by `apply` and `diff`: which suggestions, in which link style.
struct RewriteOptions: ParsableArguments {
    @Argument(help: "Only rewrite these source files or folders (the whole site is still indexed).")
    var paths: [String] = []

    @Option(name: .long, help: "Link syntax: \(LinkStyle.allCases.map(\.rawValue).joined(separator: ", ")). Default: what the site's links already use, else the generator's usual style.")
    var linkStyle: LinkStyle?

    @Option(name: .long, help: "Drop suggestions scoring below this (0…1).")
    var minScore: Double?

    @Option(name: .long, help: "The most new links per article (default 10).")
    var maxLinks: Int?

    @Option(name: .long, help: "Only write links to this article, from the articles that should link to it (a new post).")
    var inbound: String?
}

extension LinkStyle: ExpressibleByArgument {}

/// `interlink apply`: writes the suggested links into the files (or prints them as a diff).
struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Write the suggested links into the files, or print them as a unified diff with --dry-run."
    )

    @OptionGroup var site: SiteOptions
    @OptionGroup var rewrite: RewriteOptions

    @Flag(name: .long, help: "Print a unified diff instead of writing (same as `interlink diff`).")
    var dryRun = false

    @Flag(name: .long, help: "No summary on standard error.")
    var quiet = false

    @Flag(name: .long, help: "Review each suggestion in the terminal: accept, reject (remembered in .interlink-ignore), skip or quit.")
    var interactive = false

    @Flag(name: .long, inversion: .prefixedNo, help: "Colour the diff (default: only on a terminal, and never when NO_COLOR is set).")
    var color: Bool?

    func run() async throws {
        try await ApplyRun(
            site: site, rewrite: rewrite, dryRun: dryRun, quiet: quiet, color: color, interactive: interactive
        ).execute()
    }
}

/// `interlink diff`: `apply --dry-run`.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Print the suggested links as a unified diff that git apply and patch -p1 accept."
    )

    @OptionGroup var site: SiteOptions
    @OptionGroup var rewrite: RewriteOptions

    @Flag(name: .long, inversion: .prefixedNo, help: "Colour the diff (default: only on a terminal, and never when NO_COLOR is set).")
    var color: Bool?

    func run() async throws {
        try await ApplyRun(site: site, rewrite: rewrite, dryRun: true, quiet: true, color: color, interactive: false)
            .execute()
    }
}

/// The work behind `apply` and `diff`.
struct ApplyRun {
    let site: SiteOptions
    let rewrite: RewriteOptions
    let dryRun: Bool
    let quiet: Bool
    let color: Bool?
    let interactive: Bool

    func execute() async throws {
        // A file-size limit must surface as a write error, not kill the process mid-run.
        signal(SIGXFSZ, SIG_IGN)
        // Ctrl-C, `kill` or a closed terminal end the run between two files, never inside one.
        if !dryRun {
            TerminationSignals.install { signal in
                let name = signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "signal \(signal)"
                return "interlink: stopped by \(name); every file is either as it was or completely rewritten"
            }
        }
        let pipeline = try await SuggestionPipeline.run(
            site: site, paths: rewrite.paths, inbound: rewrite.inbound, minScore: rewrite.minScore,
            maxLinks: rewrite.maxLinks)
        let loaded = pipeline.loaded
        var suggestions = pipeline.result.suggestions
        if interactive {
            suggestions = try InteractiveReview(site: loaded.site, root: site.rootURL).review(suggestions)
        }
        let style = rewrite.linkStyle ?? pipeline.configuration.linkStyle
            ?? LinkStyle.detect(site: loaded.site, graph: pipeline.graph)
        let rewriter = Rewriter(site: loaded.site, style: style)
        let plans = rewriter.plan(suggestions)
        var failed = !loaded.diagnostics.isEmpty
        for plan in plans {
            for rejection in plan.rejected {
                let suggestion = rejection.suggestion
                StandardError.write(
                    "\(suggestion.source):\(suggestion.line):\(suggestion.column): warning: link \"\(suggestion.readAnchor)\" to \(suggestion.target) not written: \(rejection.reason)\n")
            }
        }
        if dryRun {
            let colored = color ?? (isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
            PlannedFiles.printDiff(plans, colored: colored)
        } else {
            let writeFailed = PlannedFiles.write(
                plans, root: site.rootURL, quiet: quiet, noun: "link", verb: "added",
                prepare: { plan in
                    // A target deleted since the site was read would get a broken link: those links are dropped
                    // (an error each) and the file is planned again with the others.
                    let gone = Set(plan.applied.map(\.target)).filter {
                        !FileManager.default.fileExists(atPath: site.rootURL.appendingPathComponent($0).path)
                    }
                    guard !gone.isEmpty else { return plan }
                    for suggestion in plan.applied where gone.contains(suggestion.target) {
                        StandardError.write(
                            "\(suggestion.source):\(suggestion.line):\(suggestion.column): error: link \"\(suggestion.readAnchor)\" to \(suggestion.target) not written: \(suggestion.target) was deleted during the run\n")
                    }
                    failed = true
                    guard let again = rewriter.plan(plan.applied.filter { !gone.contains($0.target) }).first, again.changes
                    else { return nil }
                    return again
                },
                written: { plan in "\(plan.path): \(plan.applied.count) link\(plan.applied.count == 1 ? "" : "s") added" })
            failed = failed || writeFailed
        }
        if failed { throw exitFailure }
    }
}

/// ANSI colours for a unified diff on a terminal.
enum DiffColor {
    static func apply(_ diff: String) -> String {
        diff.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if line.hasPrefix("+++") || line.hasPrefix("---") { return "\u{1B}[1m\(line)\u{1B}[0m" }
            if line.hasPrefix("@@") { return "\u{1B}[36m\(line)\u{1B}[0m" }
            if line.hasPrefix("+") { return "\u{1B}[32m\(line)\u{1B}[0m" }
            if line.hasPrefix("-") { return "\u{1B}[31m\(line)\u{1B}[0m" }
            return String(line)
        }.joined(separator: "\n")
    }
}
